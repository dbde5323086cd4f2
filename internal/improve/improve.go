// Package improve is the improvement loop's records and rules: actions,
// root-cause analyses opened by the run-of-misses rule, SLT reviews with
// their renegotiation triggers, and service review meetings (a generated
// agenda and the minutes). Every change takes the acting user from its
// caller and is audited in the transaction that makes it; bad input changes
// nothing. docs/improvement.md states the rules.
package improve

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// RuleActor is the actor the audit trail names for changes Slate's rules
// make on their own (an RCA opened by the run-of-misses rule).
const RuleActor = "slate"

// Change is one entry of a record's history.
type Change struct {
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	// Field is what changed ("status", "due" …), or "created", "note".
	Field string `json:"field"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Note is a dated remark on a record.
type Note struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Text string    `json:"text"`
}

// Zone is the workspace's zone for "today": the time zone most of its SLTs
// share (ties: the first by name), UTC when there are none. Overdue
// actions and review dates are read in it.
func Zone(ws *domain.Workspace) *time.Location {
	count := map[string]int{}
	best, bestN := "UTC", 0
	for _, s := range ws.SLTs() {
		z := s.Spec.TimeZone
		if z == "" {
			z = "UTC"
		}
		count[z]++
	}
	names := make([]string, 0, len(count))
	for z := range count {
		names = append(names, z)
	}
	slices.Sort(names)
	for _, z := range names {
		if count[z] > bestN {
			best, bestN = z, count[z]
		}
	}
	loc, err := domain.LoadZone(best)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Today is the local date of t in the workspace's zone, YYYY-MM-DD.
func Today(ws *domain.Workspace, t time.Time) string {
	return compliance.DayKey(compliance.LocalDay(t, Zone(ws)))
}

// checkDate accepts "" or YYYY-MM-DD.
func checkDate(field, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return fmt.Errorf("%s %q is not a date (write YYYY-MM-DD, e.g. 2026-12-01)", field, v)
	}
	return nil
}

// actorOf refuses an empty actor before anything is read or written.
func actorOf(actor string) (string, error) {
	a := strings.TrimSpace(actor)
	if a == "" {
		return "", storage.ErrNoActor
	}
	return a, nil
}

// sltZone is an SLT's zone (UTC when unreadable: validated definitions have valid zones).
func sltZone(s *domain.SLT) *time.Location {
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil || loc == nil {
		return time.UTC
	}
	return loc
}

// ownerOf is who answers for an SLT: its owner, else its service's owner.
func ownerOf(ws *domain.Workspace, s *domain.SLT) string {
	if s.Spec.Owner != "" {
		return s.Spec.Owner
	}
	if svc := ws.Service(s.Spec.Service); svc != nil {
		return svc.Spec.Owner
	}
	return ""
}

// supplierOf is the supplier of an SLT's feed ("" when none).
func supplierOf(ws *domain.Workspace, s *domain.SLT) string {
	if f := ws.Feed(s.Spec.Feed); f != nil {
		return f.Spec.Supplier
	}
	return ""
}

// parseBreachID splits slt[/tier]@period.
func parseBreachID(id string) (slt, tier, period string, err error) {
	name, period, ok := strings.Cut(id, "@")
	if !ok || name == "" || period == "" {
		return "", "", "", fmt.Errorf("%q is not a breach id (write SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows)", id)
	}
	slt, tier, _ = strings.Cut(name, "/")
	if _, ok := compliance.KeyKind(period); !ok {
		return "", "", "", fmt.Errorf("breach %q: %q is not a period key (2026-10, 2026-W07, 2026-Q3, 2026-10-05)", id, period)
	}
	return slt, tier, period, nil
}

func hasTier(s *domain.SLT, tier string) bool {
	for _, t := range s.Spec.Tiers {
		if t.Name == tier {
			return true
		}
	}
	return false
}
