package app

import (
	"slices"
	"strings"

	"slate/internal/improve"
)

// DashboardLoop is the improvement loop at a glance (improve.Summarize):
// the overdue actions, the open root-cause analyses (overdue first) and the
// reviews due, under the dashboard's filters.
type DashboardLoop improve.Summary

// filterLoop keeps what concerns the SLTs and services the filtered
// dashboard shows: an item linked to an SLT goes with it; an action linked
// to a service or a supplier only goes with that service, or that supplier
// when the dashboard is filtered by one.
func filterLoop(full DashboardLoop, q DashboardQuery, services []DashboardService, kept map[string]bool) DashboardLoop {
	if q.BusinessUnit == "" && q.ProductLine == "" && q.Supplier == "" && q.Type == "" {
		return full
	}
	shown := map[string]bool{}
	for _, s := range services {
		shown[s.Name] = true
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
