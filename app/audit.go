package app

import (
	"crypto/ed25519"
	"errors"

	"slate/internal/anchor"
	"slate/internal/storage"
)

// Audit reads and verifies the tamper-evident audit trail, and anchors its
// head outside the database.
type Audit struct {
	store *storage.Store
	// keyPath is the anchor key (anchor.DefaultKeyPath unless set).
	keyPath string
}

// AuditVerification is the outcome of checking the chain, the data and an
// anchor: storage's verification, and what the anchor's signature says.
type AuditVerification struct {
	storage.Verification
	// AnchorSignature describes the anchor's signature when one was given:
	// "unsigned", or "valid, key sha256:…" (with "trusted" when compared with
	// the local anchor key).
	AnchorSignature string `json:"anchor_signature,omitempty"`
}

// AuditCheck chooses what Check verifies.
type AuditCheck struct {
	// Quick skips re-hashing the stored points of every batch.
	Quick bool `json:"quick,omitempty"`
	// Anchor is an anchor record (the JSON line `slate audit anchor` wrote),
	// "SEQ:HASH" or a bare head hash: the chain must still extend it.
	Anchor string `json:"anchor,omitempty"`
}

// SetAnchorKey sets where the anchor key is looked for (the CLI's --key). It
// is a method of App, not of the Audit service, so no API caller can name a path.
func (a *App) SetAnchorKey(path string) { a.shared.anchorKey, a.Audit.keyPath = path, path }

func (a *Audit) keyFile() (string, error) {
	if a.keyPath != "" {
		return a.keyPath, nil
	}
	return anchor.DefaultKeyPath()
}

// Log lists events, oldest first, from sequence number from (0 = all).
func (a *Audit) Log(from uint64) ([]AuditEvent, error) {
	var evs []storage.AuditEvent
	err := a.store.View(func(tx *storage.Tx) error {
		var err error
		evs, err = tx.AuditEvents(from)
		return err
	})
	return convert(evs, func(e storage.AuditEvent) AuditEvent { return AuditEvent(e) }), err
}

// Verify checks the whole chain and the data of every published batch, and
// names the first bad event or batch.
func (a *Audit) Verify() (AuditVerification, error) { return a.Check(AuditCheck{}) }

// Check is Verify with options: skip the data pass, or check an anchor.
func (a *Audit) Check(c AuditCheck) (AuditVerification, error) {
	var v AuditVerification
	o := storage.VerifyOptions{Quick: c.Quick}
	if c.Anchor != "" {
		an, err := anchor.Parse(c.Anchor)
		if err != nil {
			return v, err
		}
		if v.AnchorSignature, err = a.checkSignature(an); err != nil {
			v.Problem = err.Error()
			v.Anchor = &storage.AnchorResult{Head: storage.Head{Seq: an.Seq, Hash: an.Hash}, Problem: err.Error()}
			return v, nil
		}
		o.Anchor = &storage.Head{Seq: an.Seq, Hash: an.Hash}
	}
	err := a.store.View(func(tx *storage.Tx) error {
		var err error
		v.Verification, err = tx.Verify(o)
		return err
	})
	return v, err
}

// checkSignature verifies a signed anchor against the local anchor key's
// public half when there is one.
func (a *Audit) checkSignature(an anchor.Anchor) (string, error) {
	var trusted ed25519.PublicKey
	if kp, err := a.keyFile(); err == nil && an.Signed() {
		if trusted, err = anchor.Trusted(kp); err != nil {
			return "", err
		}
	}
	return an.Verdict(trusted)
}

// Anchor returns the chain head to keep outside the database, signed with the
// anchor key when one exists (`slate audit keygen` makes it).
func (a *Audit) Anchor() (AuditAnchor, error) {
	var an anchor.Anchor
	err := a.store.View(func(tx *storage.Tx) error {
		seq, hash, err := tx.AuditHead()
		an = anchor.New(seq, hash, a.store.Now())
		return err
	})
	if err != nil {
		return AuditAnchor(an), err
	}
	if an.Seq == 0 {
		return AuditAnchor(an), errors.New("the audit trail is empty: nothing to anchor yet")
	}
	kp, err := a.keyFile()
	if err != nil {
		return AuditAnchor(an), nil
	}
	k, err := anchor.LoadKey(kp)
	switch {
	case errors.Is(err, anchor.ErrNoKey):
		return AuditAnchor(an), nil
	case err != nil:
		return AuditAnchor(an), err
	}
	an.Sign(k)
	return AuditAnchor(an), nil
}
