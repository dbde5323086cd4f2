package improve

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/readview"
	"slate/internal/report"
	"slate/internal/storage"
)

// Review is a recorded review of an SLT: its date, what was decided and
// who took part. It resets the SLT's review cycle and its triggers.
type Review struct {
	ID        string   `json:"id"`
	SLT       string   `json:"slt"`
	Date      string   `json:"date"`
	Decision  string   `json:"decision"`
	Attendees []string `json:"attendees"`
	Notes     string   `json:"notes,omitempty"`
	// Meeting is the meeting the review took place in, when there was one.
	Meeting    string    `json:"meeting,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
	RecordedBy string    `json:"recorded_by"`
}

// NewReview is a review to record.
type NewReview struct {
	SLT       string   `json:"slt"`
	Date      string   `json:"date"`
	Decision  string   `json:"decision"`
	Attendees []string `json:"attendees"`
	Notes     string   `json:"notes,omitempty"`
	Meeting   string   `json:"meeting,omitempty"`
}

// Trigger kinds.
const (
	TriggerCycle      = "cycle"
	TriggerMissed     = "missed_in_a_row"
	TriggerMet        = "met_in_a_row"
	TriggerBusiness   = "business_change"
	TriggerTechnology = "technology_refresh"
	TriggerVolume     = "volume"
)

// Trigger is one reason a review is due.
type Trigger struct {
	Kind string `json:"kind"`
	// Since is the local date from which it applies.
	Since  string `json:"since"`
	Reason string `json:"reason"`
}

// ReviewStatus is where an SLT stands in its review cycle.
type ReviewStatus struct {
	SLT         string `json:"slt"`
	DisplayName string `json:"display_name"`
	Service     string `json:"service"`
	Supplier    string `json:"supplier,omitempty"`
	Owner       string `json:"owner"`
	Cycle       string `json:"cycle,omitempty"`
	// LastReview is the latest recorded review, if any.
	LastReview *Review `json:"last_review,omitempty"`
	// NextReview is the date the cycle asks for the next review, and
	// NextReviewBasis how it was found.
	NextReview      string `json:"next_review,omitempty"`
	NextReviewBasis string `json:"next_review_basis,omitempty"`
	// Due is true when any trigger applies; Reasons say why ("review due
	// because …"), one per trigger.
	Due      bool      `json:"due"`
	Triggers []Trigger `json:"triggers"`
	Reasons  []string  `json:"reasons"`
}

var cycleMonths = map[string]int{"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}

// RecordReview records a review (on or before today). Audited as review.record.
func RecordReview(st *storage.Store, actor string, in NewReview) (Review, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Review{}, err
	}
	if strings.TrimSpace(in.Decision) == "" {
		return Review{}, errors.New("a review needs its decision (what was agreed: keep the target, change it, retire the SLT …)")
	}
	if in.Date == "" {
		return Review{}, errors.New("a review needs its date (YYYY-MM-DD)")
	}
	if err := checkDate("review date", in.Date); err != nil {
		return Review{}, err
	}
	var r Review
	err = st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if ws.SLT(in.SLT) == nil {
			return fmt.Errorf("SLT %q does not exist", in.SLT)
		}
		now := st.Now().UTC()
		if today := Today(ws, now); in.Date > today {
			return fmt.Errorf("review date %s is after today (%s): record a review once it took place", in.Date, today)
		}
		if in.Meeting != "" {
			n, err := storage.Meetings.Seq(in.Meeting)
			if err != nil {
				return err
			}
			in.Meeting = storage.Meetings.ID(n)
			var raw json.RawMessage
			if err := tx.GetRecord(storage.Meetings, in.Meeting, &raw); err != nil {
				return err
			}
		}
		id, err := tx.NewRecordID(storage.Reviews)
		if err != nil {
			return err
		}
		r = Review{ID: id, SLT: in.SLT, Date: in.Date, Decision: strings.TrimSpace(in.Decision), Attendees: cleanNames(in.Attendees),
			Notes: strings.TrimSpace(in.Notes), Meeting: in.Meeting, RecordedAt: now, RecordedBy: actor}
		if err := tx.PutRecord(storage.Reviews, id, r); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "review.record", "Review/"+id, r)
		return err
	})
	return r, err
}

func cleanNames(names []string) []string {
	out := []string{}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// ListReviews lists recorded reviews (of one SLT, or all), latest date first.
func ListReviews(st *storage.Store, slt string) ([]Review, error) {
	var out []Review
	err := st.View(func(tx *storage.Tx) error {
		all, err := storage.List[Review](tx, storage.Reviews)
		for _, r := range all {
			if slt == "" || r.SLT == slt {
				out = append(out, r)
			}
		}
		return err
	})
	slices.SortStableFunc(out, func(a, b Review) int { return strings.Compare(b.Date, a.Date) })
	return nonNil(out), err
}

// ReviewFilter selects SLTs; zero fields select everything.
type ReviewFilter struct {
	SLT      string `json:"slt,omitempty"`
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
	DueOnly  bool   `json:"due_only,omitempty"`
}

// ReviewStatuses evaluates every SLT's review cycle and renegotiation
// triggers at time at (docs/improvement.md, "Reviews").
func ReviewStatuses(st *storage.Store, at time.Time, f ReviewFilter) ([]ReviewStatus, error) {
	in, err := readview.Input(st, at)
	if err != nil {
		return nil, err
	}
	ws := in.Workspace
	if f.SLT != "" && ws.SLT(f.SLT) == nil {
		return nil, fmt.Errorf("SLT %q does not exist", f.SLT)
	}
	names := scopeSLTs(ws, f.SLT, f.Service, f.Supplier)
	all, err := compliance.NewEvaluator(in).All(names)
	if err != nil {
		return nil, err
	}
	reviews, err := ListReviews(st, "")
	if err != nil {
		return nil, err
	}
	out := reviewStatuses(ws, all, reviews, names, Today(ws, at))
	if f.DueOnly {
		out = slices.DeleteFunc(out, func(r ReviewStatus) bool { return !r.Due })
	}
	return out, nil
}

// scopeSLTs names the SLTs of a service or a supplier (a supplier's SLTs
// read its feeds or belong to its contracts' SLTs), or one SLT, or all.
func scopeSLTs(ws *domain.Workspace, slt, service, supplier string) []string {
	var out []string
	for _, s := range ws.SLTs() {
		if inScope(ws, s, slt, service, supplier) {
			out = append(out, s.Name())
		}
	}
	return out
}

func inScope(ws *domain.Workspace, s *domain.SLT, slt, service, supplier string) bool {
	switch {
	case slt != "" && s.Name() != slt:
		return false
	case service != "" && s.Spec.Service != service:
		return false
	case supplier != "":
		if supplierOf(ws, s) == supplier {
			return true
		}
		for _, c := range ws.Contracts() {
			if c.Spec.Supplier == supplier && c.Spec.SLT == s.Name() {
				return true
			}
		}
		return false
	}
	return true
}

// reviewStatuses judges each named SLT's review (reviews: latest first).
func reviewStatuses(ws *domain.Workspace, all map[string]compliance.SLTRows, reviews []Review, names []string, today string) []ReviewStatus {
	out := []ReviewStatus{}
	for _, name := range names {
		s := ws.SLT(name)
		if s == nil {
			continue
		}
		rs := ReviewStatus{SLT: name, DisplayName: s.Metadata.Title(), Service: s.Spec.Service, Supplier: supplierOf(ws, s),
			Owner: ownerOf(ws, s), Triggers: []Trigger{}, Reasons: []string{}}
		for i := range reviews {
			if reviews[i].SLT == name {
				r := reviews[i]
				rs.LastReview = &r
				break
			}
		}
		base := ""
		if rs.LastReview != nil {
			base = rs.LastReview.Date
		}
		rev := s.Spec.Review
		if rev == nil {
			rev = &domain.Review{}
		}
		rs.Cycle = rev.Cycle
		rows := all[name].Overall
		loc := sltZone(s)
		add := func(kind, since, reason string) {
			rs.Triggers = append(rs.Triggers, Trigger{Kind: kind, Since: since, Reason: reason})
			rs.Reasons = append(rs.Reasons, "review due because "+reason)
		}

		// the cycle
		months := cycleMonths[rev.Cycle]
		switch {
		case rs.LastReview != nil && months > 0:
			rs.NextReview, rs.NextReviewBasis = addMonths(base, months), "the last review ("+rs.LastReview.ID+", "+base+") + the "+rev.Cycle+" cycle"
		case rs.LastReview == nil && rev.NextReview != "":
			rs.NextReview, rs.NextReviewBasis = rev.NextReview, "spec.review.nextReview"
		case rs.LastReview == nil && months > 0 && len(rows) > 0:
			first := compliance.DayKey(compliance.LocalDay(rows[0].Start, loc))
			rs.NextReview, rs.NextReviewBasis = addMonths(first, months), "the first period ("+rows[0].Period+") + the "+rev.Cycle+" cycle"
		}
		if rs.NextReview != "" && rs.NextReview <= today {
			word := "the review"
			if rev.Cycle != "" {
				word = "the " + rev.Cycle + " review"
			}
			when := "was due on " + rs.NextReview
			if rs.NextReview == today {
				when = "is due today"
			}
			add(TriggerCycle, rs.NextReview, word+" "+when)
		}

		// runs of misses and of meets since the last review
		last := -1
		for i := len(rows) - 1; i >= 0; i-- {
			if rows[i].Complete {
				last = i
				break
			}
		}
		if last >= 0 {
			if n, first := runSince(rows, last, base, loc, false); rev.MissedInARow > 0 && n >= rev.MissedInARow {
				add(TriggerMissed, dateOf(rows[first], loc), fmt.Sprintf("it missed %d %s in a row (%s to %s): renegotiate the target, or fund what it takes to meet it",
					n, unitWord(rows[last].Period, n), rows[first].Period, rows[last].Period))
			}
			if n, first := runSince(rows, last, base, loc, true); rev.MetInARow > 0 && n >= rev.MetInARow {
				add(TriggerMet, dateOf(rows[first], loc), fmt.Sprintf("it met its target %d %s in a row (%s to %s): the target may no longer ask anything of the service",
					n, unitWord(rows[last].Period, n), rows[first].Period, rows[last].Period))
			}
		}

		// dated business changes and technology refreshes
		for _, c := range rev.Changes {
			if c.Date > base && c.Date <= today {
				kind, word := TriggerBusiness, "a business change"
				if c.Kind == domain.ChangeTechnology {
					kind, word = TriggerTechnology, "a technology refresh"
				}
				reason := word + " on " + c.Date
				if c.Note != "" {
					reason += " (" + c.Note + ")"
				}
				if base != "" {
					reason += " since the last review"
				}
				add(kind, c.Date, reason)
			}
		}

		if t := volumeTrigger(ws, s, rows, base, loc); t != nil {
			add(t.Kind, t.Since, t.Reason)
		}
		rs.Due = len(rs.Triggers) > 0
		out = append(out, rs)
	}
	return out
}

func dateOf(r compliance.Row, loc *time.Location) string {
	return compliance.DayKey(compliance.LocalDay(r.Start, loc))
}

// runSince counts the complete periods ending at rows[last] that all missed
// (met = false) or all met (met = true), each following the one before, and
// starting on or after the date base; it returns the count and the first
// period's index.
func runSince(rows []compliance.Row, last int, base string, loc *time.Location, met bool) (int, int) {
	n, first := 0, last
	for j := last; j >= 0; j-- {
		r := rows[j]
		if !r.Complete || r.Met == nil || *r.Met != met || (base != "" && dateOf(r, loc) < base) {
			break
		}
		if j < last && !rows[j+1].Start.Equal(r.End) && !(r.End.Before(rows[j+1].End) && rows[j+1].End.Sub(r.End) <= 26*time.Hour) {
			break // a period without a row lies between
		}
		n, first = n+1, j
	}
	return n, first
}

// addMonths adds months to a YYYY-MM-DD date, keeping the day (clipped to
// the month's end: 2026-01-31 + 1 month is 2026-02-28).
func addMonths(date string, months int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return ""
	}
	y, m, d := t.Date()
	target := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := target.AddDate(0, 1, -1).Day()
	return time.Date(target.Year(), target.Month(), min(d, last), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// volumeTrigger compares each complete period since the last review with
// the documented volume: units in scope (eligible, excluded and unknown)
// per local day of the period, scaled to the volume's day, week or month
// (7 days; 365.25/12 days). Availability SLTs count time slices, not
// demand, and are not checked.
func volumeTrigger(ws *domain.Workspace, s *domain.SLT, rows []compliance.Row, base string, loc *time.Location) *Trigger {
	a := s.Spec.Assumptions
	if a == nil || a.Volume == nil || s.Spec.Indicator == nil || s.Spec.Indicator.Kind == domain.IndicatorAvailability {
		return nil
	}
	v := a.Volume
	per := v.PerOrDefault()
	scale := map[string]float64{"day": 1, "week": 7, "month": 365.25 / 12}[per]
	unit := "units"
	if f := ws.Feed(s.Spec.Feed); f != nil && f.Spec.Unit != "" {
		unit = f.Spec.Unit
	}
	var outside []string
	var lastMsg, since string
	for _, r := range rows {
		if !r.Complete || (base != "" && dateOf(r, loc) < base) {
			continue
		}
		days := compliance.LocalDay(r.End, loc) - compliance.LocalDay(r.Start, loc)
		if days <= 0 {
			continue
		}
		vol := (r.Eligible + r.Excluded + r.Unknown) / float64(days) * scale
		var msg string
		switch {
		case v.Min != nil && vol < *v.Min:
			msg = fmt.Sprintf("below the documented %s a %s", number(*v.Min), per)
		case v.Max != nil && vol > *v.Max:
			msg = fmt.Sprintf("above the documented %s a %s", number(*v.Max), per)
		default:
			continue
		}
		if len(outside) == 0 {
			since = dateOf(r, loc)
		}
		outside = append(outside, r.Period)
		lastMsg = fmt.Sprintf("the volume, %s %s a %s in %s, is %s", number(vol), unit, per, r.Period, msg)
	}
	if len(outside) == 0 {
		return nil
	}
	if len(outside) > 1 {
		lastMsg += fmt.Sprintf(" (%d periods outside it since %s)", len(outside), map[bool]string{true: "the last review", false: "the data began"}[base != ""])
	}
	if a.ExpectedVolume != "" {
		lastMsg += "; the target assumed " + a.ExpectedVolume
	}
	return &Trigger{Kind: TriggerVolume, Since: since, Reason: lastMsg}
}

func number(v float64) string {
	if v >= 100 {
		return export.FormatValue(report.Integer(int64(v+0.5)), "")
	}
	return export.FormatValue(report.Number(v), "")
}
