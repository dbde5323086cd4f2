package portfolio

import (
	"slices"
	"strings"
	"sync"

	"slate/internal/compliance"
	"slate/internal/improve"
	"slate/internal/storage"
)

// Read evaluates every SLT of in once, with the running periods' alerts
// beside it, lays out the portfolio for period (Build) and reads the
// improvement loop at a glance on the same rows. A loop that cannot be
// read is a problem of the portfolio, not an error.
func Read(st *storage.Store, in compliance.Input, period string) (Portfolio, improve.Summary, error) {
	var names []string
	for _, s := range in.Workspace.SLTs() {
		names = append(names, s.Name())
	}
	ev := Evaluation{In: in}
	// Alerts read only the running period; evaluate them beside the rows.
	var wg sync.WaitGroup
	wg.Go(func() { ev.Alerts, ev.AlertErr = compliance.Alerts(compliance.AlertInput(in), "") })
	// Complete periods come from the stored results; running ones are evaluated.
	ev.Rows, ev.RowsErr = compliance.NewEvaluator(in).All(names)
	wg.Wait()
	p, err := Build(ev, period)
	if err != nil {
		return p, improve.Summary{}, err
	}
	// the loop's overdue actions, open analyses and reviews due, the reviews judged on the same rows
	loop, lerr := improve.Summarize(st, in.Workspace, ev.Rows, in.At)
	if lerr != nil {
		p.Problems = append(p.Problems, "Improvement loop: "+lerr.Error())
	}
	return p, loop, nil
}

// FilterLoop keeps what concerns the SLTs and services the filtered
// portfolio p shows: an item linked to an SLT goes with it; an action
// linked to a service or a supplier only goes with that service, or that
// supplier when the portfolio is filtered by one.
func FilterLoop(full improve.Summary, q Query, p Portfolio) improve.Summary {
	if q.BusinessUnit == "" && q.ProductLine == "" && q.Supplier == "" && q.Type == "" {
		return full
	}
	shown, kept := map[string]bool{}, map[string]bool{}
	for _, s := range p.Services {
		shown[s.Name] = true
		for _, t := range s.SLTs {
			kept[t.Name] = true
		}
	}
	l := full
	l.OverdueActions = slices.DeleteFunc(slices.Clone(full.OverdueActions), func(a improve.ActionItem) bool {
		k := a.Links
		switch {
		case k.SLT != "":
			return !kept[k.SLT]
		case q.Supplier != "":
			return !strings.EqualFold(strings.TrimSpace(q.Supplier), k.Supplier)
		}
		return !shown[k.Service]
	})
	l.OpenRCAs = slices.DeleteFunc(slices.Clone(full.OpenRCAs), func(r improve.RCAItem) bool { return !kept[r.SLT] })
	l.ReviewsDue = slices.DeleteFunc(slices.Clone(full.ReviewsDue), func(r improve.ReviewStatus) bool { return !kept[r.SLT] })
	return l
}
