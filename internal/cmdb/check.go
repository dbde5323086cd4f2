package cmdb

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// MaxAge is how recently a CI must have been verified to count as verified.
const MaxAge = 90 * 24 * time.Hour

// CI states.
const (
	StateVerified   = "verified"
	StateUnverified = "unverified" // known, but not verified within MaxAge
	StateUnknown    = "unknown"    // not in the CMDB
)

// Report counts an SLT's rows in one period by the state of their CI.
type Report struct {
	SLT    string    `json:"slt"`
	Feed   string    `json:"feed"`
	Period string    `json:"period"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	// Reference is when verification is judged: the period's end, or the
	// evaluation time for the running period. A CI is verified when its last
	// verification is at most MaxAge before it (or after it).
	Reference  time.Time `json:"reference"`
	MaxAgeDays int       `json:"max_age_days"`
	// Rows are the feed's rows in the period (items by the time they count:
	// resolved, or opened while open); WithoutCI those with no CI.
	Rows       int `json:"rows"`
	WithoutCI  int `json:"without_ci"`
	Unknown    int `json:"unknown"`
	Unverified int `json:"unverified"`
	// Flagged = Unknown + Unverified; Share = Flagged / Rows (nil without rows).
	Flagged int      `json:"flagged"`
	Share   *float64 `json:"share"`
	// CIs are the CIs the rows came from, most rows first.
	CIs []CIRows `json:"cis"`
	// Declared are the SLT's spec.cis, each with its state.
	Declared []CIState `json:"declared"`
	Message  string    `json:"message"`
}

// CIRows is one CI's rows in the period.
type CIRows struct {
	CIState
	Rows int `json:"rows"`
}

// CIState is a CI as the CMDB knows it.
type CIState struct {
	ID         string    `json:"id"`
	State      string    `json:"state"`
	Name       string    `json:"name,omitempty"`
	Owner      string    `json:"owner,omitempty"`
	Status     string    `json:"status,omitempty"`
	VerifiedAt time.Time `json:"verified_at,omitzero"`
}

// Check counts the rows of an SLT's feed in a period (a period key of the
// SLT's period kind; "" is the period running at at) whose CI the CMDB does
// not know or has not verified within MaxAge.
func Check(ws *domain.Workspace, src compliance.Source, cis []domain.CI, slt, period string, at time.Time) (Report, error) {
	s := ws.SLT(slt)
	if s == nil {
		return Report{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	if s.Spec.Feed == "" {
		return Report{}, fmt.Errorf("SLT %s is a composite: it has no rows of its own; check its components", slt)
	}
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		return Report{}, err
	}
	ps, err := compliance.ParsePeriodSpec(s.Spec.Period)
	if err != nil {
		return Report{}, fmt.Errorf("SLT %s: %w", slt, err)
	}
	var p compliance.Period
	if period == "" {
		p = ps.Of(at, loc)
	} else {
		if p, err = compliance.ParseKey(period, loc); err != nil {
			return Report{}, err
		}
		if kind, _ := compliance.KeyKind(period); kind != ps.Kind {
			return Report{}, fmt.Errorf("period %q is not a %s, the period of SLT %s", period, ps.Kind, slt)
		}
	}
	ref := p.End
	if at.Before(ref) {
		ref = at
	}
	rep := Report{SLT: slt, Feed: s.Spec.Feed, Period: p.Key, Start: p.Start, End: p.End, Reference: ref.UTC(),
		MaxAgeDays: int(MaxAge / (24 * time.Hour)), CIs: []CIRows{}, Declared: []CIState{}}
	byID := map[string]domain.CI{}
	for _, ci := range cis {
		byID[ci.ID] = ci
	}
	state := func(id string) CIState {
		ci, ok := byID[id]
		if !ok {
			return CIState{ID: id, State: StateUnknown}
		}
		st := CIState{ID: id, State: StateUnverified, Name: ci.Name, Owner: ci.Owner, Status: ci.Status, VerifiedAt: ci.VerifiedAt}
		if !ci.VerifiedAt.IsZero() && !ci.VerifiedAt.Before(ref.Add(-MaxAge)) {
			st.State = StateVerified
		}
		return st
	}
	rows := map[string]int{}
	end := p.End
	if at.Before(end) {
		end = at
	}
	err = src(s.Spec.Feed, p.Start, end, func(pt domain.Point) error {
		rep.Rows++
		rows[pt.CI]++
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("SLT %s: read feed %s: %w", slt, s.Spec.Feed, err)
	}
	for id, n := range rows {
		if id == "" {
			rep.WithoutCI = n
			continue
		}
		c := CIRows{CIState: state(id), Rows: n}
		switch c.State {
		case StateUnknown:
			rep.Unknown += n
		case StateUnverified:
			rep.Unverified += n
		}
		rep.CIs = append(rep.CIs, c)
	}
	slices.SortFunc(rep.CIs, func(a, b CIRows) int {
		if a.Rows != b.Rows {
			return b.Rows - a.Rows
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, id := range s.Spec.CIs {
		rep.Declared = append(rep.Declared, state(id))
	}
	rep.Flagged = rep.Unknown + rep.Unverified
	if rep.Rows > 0 {
		x := float64(rep.Flagged) / float64(rep.Rows)
		rep.Share = &x
	}
	rep.Message = message(rep)
	return rep, nil
}

func message(r Report) string {
	if r.Rows == 0 {
		return fmt.Sprintf("%s has no rows in %s", r.SLT, r.Period)
	}
	var unknown, stale []string
	for _, c := range r.CIs {
		switch c.State {
		case StateUnknown:
			unknown = append(unknown, c.ID)
		case StateUnverified:
			stale = append(stale, c.ID)
		}
	}
	var msg string
	if r.Flagged == 0 {
		msg = fmt.Sprintf("every row of %s in %s comes from a CI verified in the last %d days", r.SLT, r.Period, r.MaxAgeDays)
	} else {
		msg = fmt.Sprintf("%s of %s's rows in %s (%d of %d) come from CIs unknown to the CMDB or not verified in the last %d days",
			percent(*r.Share), r.SLT, r.Period, r.Flagged, r.Rows, r.MaxAgeDays)
		var parts []string
		if len(unknown) > 0 {
			parts = append(parts, "unknown: "+strings.Join(unknown, ", "))
		}
		if len(stale) > 0 {
			parts = append(parts, "not verified: "+strings.Join(stale, ", "))
		}
		msg += " (" + strings.Join(parts, "; ") + ")"
	}
	if r.WithoutCI > 0 {
		msg += fmt.Sprintf("; %d rows name no CI", r.WithoutCI)
	}
	var bad []string
	for _, d := range r.Declared {
		if d.State != StateVerified {
			bad = append(bad, d.ID+" ("+d.State+")")
		}
	}
	if len(bad) > 0 {
		msg += "; the SLT's own CIs not verified: " + strings.Join(bad, ", ")
	}
	return msg
}

func percent(x float64) string {
	v := x * 100
	if v >= 10 || v == 0 {
		return strconv.FormatFloat(v, 'f', 0, 64) + "%"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}
