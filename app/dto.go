package app

import (
	"errors"
	"time"

	"slate/internal/anchor"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/manifest"
	"slate/internal/storage"
)

// The wire contract: what the window, `slate serve` (both its UI transport
// and /api/v1) and `--json` exchange. The rule, checked by TestWireContract:
//
//   - Every bound method takes and returns types declared in package app,
//     never aliases of engine types.
//   - A record a service builds for the faces (Dashboard, ImportResult, …)
//     is a struct beside its service.
//   - A record the engine already keeps in the wire's shape (snake_case tags,
//     nothing internal) is a defined type over it, declared here: the
//     conversion Report(r) copies nothing and stops compiling when the two
//     part. The records it nests travel as they are, under the same rule.
//   - A record whose JSON is a stored format in another casing (a batch, a
//     mapping) gets a struct of its own here, with a small converter.
//   - One casing: every JSON name is snake_case. The one exception is a
//     definition (Workspace.Definitions): it travels as the manifest
//     document `slate apply` reads, in the manifest language's casing
//     (`apiVersion`, `displayName`, `timeZone`), so what the API gives back
//     applies unchanged.
//
// docs/openapi.json is generated from these types (`go generate ./app/serve`)
// and the UI's TypeScript types from it (frontend: `npm run gen:api`); tests
// fail when either is stale.

// Report is every SLT (and tier, and composite) per period, with credits and statuses.
type Report compliance.Report

// Breach is one missed period with its impact, priority and Pareto rank.
type Breach compliance.Breach

// AlertList is the alerts screen: burn-rate alerts and trend warnings.
type AlertList compliance.AlertList

// WhatIf judges an SLT's past periods at another target.
type WhatIf compliance.WhatIf

// RollbackResult lists when a rollback rule held on a feed.
type RollbackResult compliance.RollbackResult

// BreachMark records a false-positive breach.
type BreachMark storage.BreachMark

// Exception is one exception with its evidence and decision.
type Exception storage.Exception

// AuditEvent is one audit entry.
type AuditEvent storage.AuditEvent

// AuditAnchor is the chain head to keep outside the database.
type AuditAnchor anchor.Anchor

// DoctorReport is what Doctor found in a database file.
type DoctorReport storage.DoctorReport

// Document is one definition as a manifest document: the same document
// `slate apply` reads (apiVersion, kind, metadata, spec).
type Document manifest.Doc

// Mapping says which columns of a file hold which fields of a feed's points.
// It has the fields of the definition's mapping (the conversion
// domain.Mapping(m) keeps them in step) in the wire's casing.
type Mapping struct {
	Time string `json:"time,omitempty"`
	// TimeLayout: rfc3339, iso-local, excel, unix, unix-ms, or a Go layout such as 02/01/2006 15:04.
	TimeLayout string `json:"time_layout,omitempty"`
	Value      string `json:"value,omitempty"`
	Good       string `json:"good,omitempty"`
	// Bad, with Total, gives good = total − bad.
	Bad          string `json:"bad,omitempty"`
	Total        string `json:"total,omitempty"`
	OK           string `json:"ok,omitempty"`
	Item         string `json:"item,omitempty"`
	Opened       string `json:"opened,omitempty"`
	Resolved     string `json:"resolved,omitempty"`
	Paused       string `json:"paused,omitempty"`
	Priority     string `json:"priority,omitempty"`
	CI           string `json:"ci,omitempty"`
	DecimalComma bool   `json:"decimal_comma,omitempty"`
	Sheet        string `json:"sheet,omitempty"`
}

func mappingOf(m *domain.Mapping) *Mapping { return (*Mapping)(m) }

// Assumptions are what an SLT's target assumes (the definition's
// assumptions, converted with (*Assumptions)(a)).
type Assumptions struct {
	ExpectedVolume string   `json:"expected_volume,omitempty"`
	Dependencies   []string `json:"dependencies,omitempty"`
	Notes          []string `json:"notes,omitempty"`
	// Volume is the expected volume as numbers: outside it, a review is due.
	Volume *domain.VolumeRange `json:"volume,omitempty"`
}

// Suggestion is a proposed mapping for a file.
type Suggestion struct {
	Mapping Mapping `json:"mapping"`
	// Missing lists required fields no column was found for.
	Missing []string `json:"missing,omitempty"`
	// Notes explain guesses the person should check (ambiguous dates...).
	Notes []string `json:"notes,omitempty"`
}

func suggestionOf(s ingest.Suggestion) Suggestion {
	return Suggestion{Mapping: Mapping(s.Mapping), Missing: s.Missing, Notes: s.Notes}
}

// Batch is one import: what was read, how it was mapped, what it counted,
// and its status (staging, published, reverted, discarded).
type Batch struct {
	ID        uint64   `json:"id"`
	Feed      string   `json:"feed"`
	Status    string   `json:"status"`
	Shape     string   `json:"shape,omitempty"`
	File      string   `json:"file,omitempty"`
	Size      int64    `json:"size,omitempty"`
	SHA256    string   `json:"sha256,omitempty"`
	Format    string   `json:"format,omitempty"`
	Sheet     string   `json:"sheet,omitempty"`
	Encoding  string   `json:"encoding,omitempty"`
	Delimiter string   `json:"delimiter,omitempty"`
	HeaderRow int      `json:"header_row,omitempty"`
	Header    []string `json:"header,omitempty"`
	Mapping   *Mapping `json:"mapping,omitempty"`
	// OnConflict is how rows already stored for the same time or item were treated: reject, replace or keep.
	OnConflict string              `json:"on_conflict,omitempty"`
	Counts     storage.BatchCounts `json:"counts"`
	// FindingCounts counts the import's findings by kind.
	FindingCounts map[string]int `json:"finding_counts,omitempty"`
	// From and To bound the times of the batch's points.
	From      time.Time `json:"from,omitzero"`
	To        time.Time `json:"to,omitzero"`
	Created   time.Time `json:"created"`
	Published time.Time `json:"published,omitzero"`
	Reverted  time.Time `json:"reverted,omitzero"`
	// SourceBytes is the size of the original file kept with the batch (0: not kept).
	SourceBytes int64 `json:"source_bytes,omitempty"`
	// SourceLines: the original file is rebuilt from the batch's points and the lines kept as read.
	SourceLines bool `json:"source_lines,omitempty"`
	// Purged: the batch's points were removed after a revert.
	Purged bool `json:"purged,omitempty"`
}

func batchOf(b storage.Batch) Batch {
	return Batch{ID: b.ID, Feed: b.Feed, Status: string(b.Status), Shape: b.Shape, File: b.File, Size: b.Size, SHA256: b.SHA256,
		Format: b.Format, Sheet: b.Sheet, Encoding: b.Encoding, Delimiter: b.Delimiter, HeaderRow: b.HeaderRow,
		Header: b.Header, Mapping: mappingOf(b.Mapping), OnConflict: b.OnConflict, Counts: b.Counts,
		FindingCounts: b.Findings, From: b.From, To: b.To, Created: b.Created, Published: b.Published,
		Reverted: b.Reverted, SourceBytes: b.SourceBytes, SourceLines: b.SourceLines, Purged: b.Purged}
}

// NotFound reports whether err says that what was asked for does not exist,
// or is not the caller's to see (another supplier's feed or batch).
func NotFound(err error) bool {
	return errors.Is(err, ErrNoFeed) || errors.Is(err, storage.ErrNoBatch) || errors.Is(err, storage.ErrNotFound)
}

// convert maps a list of records to their wire form (never nil: a list is [] on the wire).
func convert[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
