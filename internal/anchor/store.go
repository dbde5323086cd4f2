package anchor

import (
	"crypto/ed25519"
	"errors"

	"slate/internal/storage"
)

// Check verifies the stored audit chain (quick: the chain without the
// stored points) and, given an anchor's JSON, that the chain still
// extends the head it names: an anchor whose signature does not hold is a
// problem of the verification, not an error. keyPath is the signing key
// whose public half is trusted ("" = none). sig is the signature's verdict.
func Check(st *storage.Store, keyPath, anchorJSON string, quick bool) (v storage.Verification, sig string, err error) {
	o := storage.VerifyOptions{Quick: quick}
	if anchorJSON != "" {
		an, err := Parse(anchorJSON)
		if err != nil {
			return v, "", err
		}
		if sig, err = signature(an, keyPath); err != nil {
			v.Problem = err.Error()
			v.Anchor = &storage.AnchorResult{Head: storage.Head{Seq: an.Seq, Hash: an.Hash}, Problem: err.Error()}
			return v, sig, nil
		}
		o.Anchor = &storage.Head{Seq: an.Seq, Hash: an.Hash}
	}
	err = st.View(func(tx *storage.Tx) error {
		var err error
		v, err = tx.Verify(o)
		return err
	})
	return v, sig, err
}

// signature is the verdict on an anchor's signature, trusting keyPath's public key.
func signature(an Anchor, keyPath string) (string, error) {
	var trusted ed25519.PublicKey
	if keyPath != "" && an.Signed() {
		var err error
		if trusted, err = Trusted(keyPath); err != nil {
			return "", err
		}
	}
	return an.Verdict(trusted)
}

// Head makes an anchor of the stored chain's head now, signed when keyPath
// holds a key (unsigned when there is none).
func Head(st *storage.Store, keyPath string) (Anchor, error) {
	var an Anchor
	err := st.View(func(tx *storage.Tx) error {
		seq, hash, err := tx.AuditHead()
		an = New(seq, hash, st.Now())
		return err
	})
	if err != nil {
		return an, err
	}
	if an.Seq == 0 {
		return an, errors.New("the audit trail is empty: nothing to anchor yet")
	}
	if keyPath == "" {
		return an, nil
	}
	k, err := LoadKey(keyPath)
	switch {
	case errors.Is(err, ErrNoKey):
		return an, nil
	case err != nil:
		return an, err
	}
	an.Sign(k)
	return an, nil
}
