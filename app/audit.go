package app

import (
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

// keyFile is the anchor key's path: the one set, else the user's default ("" without one).
func (a *Audit) keyFile() string {
	if a.keyPath != "" {
		return a.keyPath
	}
	p, _ := anchor.DefaultKeyPath()
	return p
}

// Log lists events, oldest first, from sequence number from (0 = all).
func (a *Audit) Log(from uint64) ([]AuditEvent, error) {
	evs, err := storage.Read(a.store, func(tx *storage.Tx) ([]storage.AuditEvent, error) { return tx.AuditEvents(from) })
	return convert(evs, func(e storage.AuditEvent) AuditEvent { return AuditEvent(e) }), err
}

// Verify checks the whole chain and the data of every published batch, and
// names the first bad event or batch.
func (a *Audit) Verify() (AuditVerification, error) { return a.Check(AuditCheck{}) }

// Check is Verify with options: skip the data pass, or check an anchor.
func (a *Audit) Check(c AuditCheck) (AuditVerification, error) {
	var v AuditVerification
	var err error
	v.Verification, v.AnchorSignature, err = anchor.Check(a.store, a.keyFile(), c.Anchor, c.Quick)
	return v, err
}

// Anchor returns the chain head to keep outside the database, signed with the
// anchor key when one exists (`slate audit keygen` makes it).
func (a *Audit) Anchor() (AuditAnchor, error) {
	an, err := anchor.Head(a.store, a.keyFile())
	return AuditAnchor(an), err
}
