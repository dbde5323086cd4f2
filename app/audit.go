package app

import (
	"slate/internal/storage"
)

// Audit reads and verifies the tamper-evident audit trail.
type Audit struct {
	store *storage.Store
}

// AuditEvent is one audit entry as the UI and CLI see it.
type AuditEvent = storage.AuditEvent

// AuditVerification is the outcome of checking the chain.
type AuditVerification = storage.Verification

// Log lists events, oldest first, from sequence number from (0 = all).
func (a *Audit) Log(from uint64) ([]AuditEvent, error) {
	var out []AuditEvent
	err := a.store.View(func(tx *storage.Tx) error {
		var err error
		out, err = tx.AuditEvents(from)
		return err
	})
	if out == nil {
		out = []AuditEvent{}
	}
	return out, err
}

// Verify checks the whole chain and names the first bad event.
func (a *Audit) Verify() (AuditVerification, error) {
	var v AuditVerification
	err := a.store.View(func(tx *storage.Tx) error {
		var err error
		v, err = tx.VerifyAudit()
		return err
	})
	return v, err
}
