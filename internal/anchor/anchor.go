// Package anchor keeps the audit chain's head outside the database: a
// one-line JSON record of an event's sequence number and hash, signed with an
// ed25519 key that lives in the user's config folder, never in the database.
// Someone who rewrites the file (and re-hashes the chain) cannot change an
// anchor they do not hold; docs/security.md says what that does and does not
// prove.
package anchor

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"slate/internal/domain"
)

// Format names the anchor record and the signed message.
const Format = "slate-audit-anchor/v1"

// Anchor is a chain head recorded outside the database.
type Anchor struct {
	Format string    `json:"format"`
	Seq    uint64    `json:"seq"`
	Hash   string    `json:"hash"`
	Time   time.Time `json:"time,omitzero"`
	// Key is "ed25519:" and the base64 public key that signed it; Sig the
	// base64 signature of Message.
	Key string `json:"key,omitempty"`
	Sig string `json:"sig,omitempty"`
}

// New is an unsigned anchor of the head (seq, hash) at time at.
func New(seq uint64, hash string, at time.Time) Anchor {
	return Anchor{Format: Format, Seq: seq, Hash: hash, Time: at.UTC().Truncate(time.Second)}
}

// Message is what the signature covers: the format, the head and the time.
func (a Anchor) Message() []byte {
	return fmt.Appendf(nil, "%s\nseq %d\nhash %s\ntime %s\n", Format, a.Seq, a.Hash, a.Time.UTC().Format(time.RFC3339))
}

// JSON is the anchor as one line of JSON.
func (a Anchor) JSON() string {
	b, _ := json.Marshal(a)
	return string(b)
}

// Sign signs the anchor with k.
func (a *Anchor) Sign(k ed25519.PrivateKey) {
	a.Key = "ed25519:" + base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey))
	a.Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(k, a.Message()))
}

// Signed reports whether the anchor carries a signature.
func (a Anchor) Signed() bool { return a.Sig != "" || a.Key != "" }

// PublicKey is the key the anchor says signed it.
func (a Anchor) PublicKey() (ed25519.PublicKey, error) {
	b64, ok := strings.CutPrefix(a.Key, "ed25519:")
	if !ok {
		return nil, fmt.Errorf("the anchor's key %q is not an ed25519 key", a.Key)
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("the anchor's key is not a valid ed25519 public key")
	}
	return ed25519.PublicKey(b), nil
}

// VerifySignature checks the signature against the anchor's own key and,
// when trusted is set, that the key is the trusted one.
func (a Anchor) VerifySignature(trusted ed25519.PublicKey) error {
	pub, err := a.PublicKey()
	if err != nil {
		return err
	}
	sig, err := base64.StdEncoding.DecodeString(a.Sig)
	if err != nil || !ed25519.Verify(pub, a.Message(), sig) {
		return errors.New("the anchor's signature does not match its content: the anchor was edited after it was signed")
	}
	if trusted != nil && !pub.Equal(trusted) {
		return fmt.Errorf("the anchor was signed by key %s, not by the trusted key %s", KeyID(pub), KeyID(trusted))
	}
	return nil
}

// KeyID is a short fingerprint of a public key: sha256: and 16 hex digits.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "sha256:" + hex.EncodeToString(sum[:8])
}

// Parse reads an anchor: a JSON record as `slate audit anchor` writes it,
// "SEQ:HASH", or a bare 64-digit hash (then the chain is searched for it).
func Parse(s string) (Anchor, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") {
		var a Anchor
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			return a, fmt.Errorf("the anchor is not a valid anchor record: %w", err)
		}
		if a.Format != Format {
			return a, fmt.Errorf("the anchor's format is %q, this Slate reads %q", a.Format, Format)
		}
		if !isHash(a.Hash) || a.Seq == 0 {
			return a, errors.New("the anchor record has no sequence number or hash")
		}
		return a, nil
	}
	seq, hash, found := strings.Cut(s, ":")
	if !found {
		seq, hash = "", s
	}
	a := Anchor{Format: Format, Hash: strings.ToLower(hash)}
	if !isHash(a.Hash) {
		return a, fmt.Errorf("%q is neither an anchor file nor a head hash (write SEQ:HASH or the 64-digit hash)", shorten(s))
	}
	if found {
		n, err := strconv.ParseUint(seq, 10, 64)
		if err != nil || n == 0 {
			return a, fmt.Errorf("%q: the sequence number before ':' is not a positive number", shorten(s))
		}
		a.Seq = n
	}
	return a, nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func shorten(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// DefaultKeyPath is anchor.key in the user's config folder (slate/), beside
// the default database but never inside it.
func DefaultKeyPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", &domain.FieldError{Field: "key", Err: fmt.Errorf("no user config directory to keep the key in (name a key file): %w", err)}
	}
	return filepath.Join(dir, "slate", "anchor.key"), nil
}

// PublicPath is where the public half of key path is written: anchor.pub.
func PublicPath(keyPath string) string {
	return strings.TrimSuffix(keyPath, filepath.Ext(keyPath)) + ".pub"
}

// ErrNoKey means there is no anchor key (anchors are then unsigned).
var ErrNoKey = errors.New("no anchor key")

// GenerateKey writes a new ed25519 key to path (PKCS#8 PEM, mode 0600) and its
// public half to PublicPath(path); an existing key is never overwritten.
func GenerateKey(path string) (ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s already exists: Slate never replaces an anchor key (anchors signed with it could no longer be checked); move it away first if you really mean to", path)
	}
	if err != nil {
		return nil, err
	}
	err = pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	pder, _ := x509.MarshalPKIXPublicKey(pub)
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pder})
	if err := os.WriteFile(PublicPath(path), pubPEM, 0o644); err != nil {
		return nil, err
	}
	return pub, nil
}

// LoadKey reads the private key at path; ErrNoKey when there is none. A key
// that others may read is refused, as ssh refuses one.
func LoadKey(path string) (ed25519.PrivateKey, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoKey)
	}
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%s can be read by others (mode %04o): run `chmod 600 %s`", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s is not a PEM private key", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s is not an ed25519 key", path)
	}
	return ek, nil
}

// LoadPublic reads a public key (PEM "PUBLIC KEY", as anchor.pub) or the
// public half of a private key file; ErrNoKey when the file does not exist.
func LoadPublic(path string) (ed25519.PublicKey, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoKey)
	}
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	switch {
	case blk == nil:
		return nil, fmt.Errorf("%s is not a PEM key", path)
	case blk.Type == "PRIVATE KEY":
		k, err := LoadKey(path)
		if err != nil {
			return nil, err
		}
		return k.Public().(ed25519.PublicKey), nil
	case blk.Type != "PUBLIC KEY":
		return nil, fmt.Errorf("%s holds a %s, not a public key", path, blk.Type)
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ek, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("%s is not an ed25519 key", path)
	}
	return ek, nil
}

// Trusted finds the key a signed anchor should be compared with: the public
// half beside keyPath (anchor.pub), else the key itself; nil when neither exists.
func Trusted(keyPath string) (ed25519.PublicKey, error) {
	for _, p := range []string{PublicPath(keyPath), keyPath} {
		k, err := LoadPublic(p)
		if errors.Is(err, ErrNoKey) {
			continue
		}
		return k, err
	}
	return nil, nil
}

// Verdict checks a's signature against trusted, the local anchor key's
// public half (nil when none is held), and says in words what it proved.
func (a Anchor) Verdict(trusted ed25519.PublicKey) (string, error) {
	if !a.Signed() {
		return "unsigned", nil
	}
	if err := a.VerifySignature(trusted); err != nil {
		return "", err
	}
	pub, _ := a.PublicKey()
	if trusted == nil {
		return fmt.Sprintf("valid, key %s (no local anchor key to compare it with: check the key id with whoever signed it)", KeyID(pub)), nil
	}
	return fmt.Sprintf("valid, trusted key %s", KeyID(pub)), nil
}
