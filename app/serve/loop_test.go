package serve

import (
	"net/http"
	"strings"
	"testing"

	"slate/app"
)

// The loop over HTTP: whoever the token belongs to acts; a request cannot
// name another actor (an unknown field is refused); each role may do what
// its rights say.
func TestLoopOverHTTP(t *testing.T) {
	f := newFixture(t, Options{})
	code, body := f.raw("max", "Actions/Add", strings.NewReader(`[{"title":"Call ParcelNet","links":{"slt":"parcel-delivery-48h"},"created_by":"ada"}]`), nil)
	if code != http.StatusBadRequest || !strings.Contains(body, "unknown field") {
		t.Fatalf("an actor in the request: %d %s", code, body)
	}
	var a app.Action
	f.ok(&a, "max", "Actions/Add", app.NewAction{Title: "Call ParcelNet", Due: "2099-01-10", Links: app.Links{SLT: "parcel-delivery-48h"}})
	if a.CreatedBy != "max" || a.Origin != "person" || a.Links.Service == "" {
		t.Fatalf("added %+v", a)
	}
	if code, _ := f.call("ada", "Actions/Add", app.NewAction{Title: "x", Owner: "ada"}); code != http.StatusForbidden {
		t.Fatalf("an approver added an action: %d", code)
	}
	var list []app.ActionItem
	f.ok(&list, "vera", "Actions/List", app.ActionQuery{Status: "live"})
	if len(list) != 1 || list[0].ID != a.ID {
		t.Fatalf("the viewer's list %+v", list)
	}
	due := "2099-02-01"
	var u app.Action
	f.ok(&u, "root", "Actions/Update", app.ActionUpdate{ID: a.ID, Due: &due, Note: "moved"})
	if h := u.History[len(u.History)-1]; h.Actor != "root" || u.Notes[0].By != "root" {
		t.Fatalf("updated %+v", u)
	}
	if code, body := f.call("max", "Actions/Update", app.ActionUpdate{ID: a.ID, Due: new("1 Feb")}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "is not a date") {
		t.Fatalf("a bad date: %d %s", code, body)
	}
	events, _ := f.a.Audit.Log(0)
	var actors []string
	for _, ev := range events {
		if strings.HasPrefix(ev.Action, "action.") {
			actors = append(actors, ev.Action+" "+ev.Actor)
		}
	}
	if strings.Join(actors, ", ") != "action.add max, action.update root" {
		t.Fatalf("audit %v", actors)
	}
	var ag app.Agenda
	f.ok(&ag, "vera", "Meetings/Agenda", app.AgendaQuery{Service: "order-fulfilment"})
	if len(ag.Actions) != 1 || len(ag.Items) == 0 {
		t.Fatalf("agenda %+v", ag)
	}
	var file app.FileData
	f.ok(&file, "vera", "Meetings/AgendaFile", app.AgendaFileQuery{Service: "order-fulfilment", Format: "pdf"})
	if !strings.HasPrefix(string(file.Data), "%PDF") || file.Type != app.MimePDF {
		t.Fatalf("agenda file %s %d", file.Type, file.Size)
	}
}
