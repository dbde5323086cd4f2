package demo

import (
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/improve"
	"slate/internal/initiative"
	"slate/internal/storage"
)

// ParcelSLT is the demo SLT whose run of misses shows the improvement loop.
const ParcelSLT = "parcel-delivery-48h"

// SeedLoop shows the improvement loop on the demo data, as a service
// manager would have left it at now: the root-cause rule has opened the
// analysis of ParcelNet's run of misses (owner Søren Madsen), with a Five
// Whys draft; two actions hang off it, one overdue; an improvement
// initiative (a second sorting shift) waits for its validation; the parcel
// SLT's review is due (it missed more than three months in a row), and its
// lead, the warehouse backlog, is in its definition. actor makes the
// changes a person made; the rule opens as Slate. Running it again adds nothing.
func SeedLoop(st *storage.Store, now time.Time, actor string) error {
	if _, err := improve.SyncRCAs(st, now, improve.RuleActor); err != nil {
		return fmt.Errorf("root-cause rule: %w", err)
	}
	rcas, err := improve.ListRCAs(st, improve.RCAFilter{SLT: ParcelSLT, Status: improve.RCAOpen})
	if err != nil {
		return err
	}
	if len(rcas) == 0 {
		return fmt.Errorf("the demo data gave %s no run of misses to analyse", ParcelSLT)
	}
	rca := rcas[0]
	if len(rca.Actions) > 0 {
		return nil // seeded before
	}
	first, last := rca.Periods[0], rca.Periods[len(rca.Periods)-1]
	whys := []improve.Why{
		{Why: fmt.Sprintf("Why were fewer than 95%% of parcels delivered within 48 hours from %s to %s?", first, last),
			Because: "ParcelNet's delivery time crept up month by month: the median went from about 24 to 31 hours."},
		{Why: "Why did ParcelNet's delivery time creep up?",
			Because: "Parcels wait longer at its Leipzig hub before the line haul; our own warehouse backlog rises two days before the late deliveries."},
		{Why: "Why do parcels wait longer at the hub?",
			Because: "Volumes through the hub grew while its sorting shifts stayed as they were."},
		{Why: "Why did the sorting shifts stay as they were?"},
	}
	note := "Draft from the operations call with ParcelNet; the last answers are still open."
	if _, err := improve.UpdateRCA(st, actor, rca.ID, improve.RCAPatch{FiveWhys: &whys, Note: note}); err != nil {
		return err
	}
	var ws *domain.Workspace
	if err := st.View(func(tx *storage.Tx) error {
		var err error
		ws, err = tx.Workspace()
		return err
	}); err != nil {
		return err
	}
	today := compliance.LocalDay(now, improve.Zone(ws))
	date := func(days int) string { return compliance.DayKey(today + days) }
	recovery, err := improve.AddAction(st, actor, improve.NewAction{
		Title: "Agree a recovery plan with ParcelNet: hub capacity and a second sorting shift", Owner: "Søren Madsen", Due: date(-6),
		Links: improve.Links{SLT: ParcelSLT, RCA: rca.ID, Breach: ParcelSLT + "@" + last}, Note: "Raised with Marek Nowak; ParcelNet promised a plan."})
	if err != nil {
		return err
	}
	inProgress := improve.ActionInProgress
	if _, err := improve.UpdateAction(st, actor, recovery.ID, improve.ActionPatch{Status: &inProgress, Note: "ParcelNet's first draft covers the hub only."}); err != nil {
		return err
	}
	if _, err := improve.AddAction(st, actor, improve.NewAction{
		Title: "Route parcels through the secondary carrier when the warehouse backlog passes 400", Owner: "Søren Madsen", Due: date(17),
		Links: improve.Links{RCA: rca.ID, SLT: ParcelSLT, Supplier: "parcelnet"}}); err != nil {
		return err
	}
	change := compliance.DayKey(today - 45)
	if _, err := initiative.Add(st, actor, initiative.NewImprovement{SLT: ParcelSLT, Change: change,
		Description: "ParcelNet added a second sorting shift at the Leipzig hub"}); err != nil {
		return err
	}
	return nil
}
