package manifest

import (
	"strings"
	"testing"

	"slate/internal/domain"
)

func TestMerge(t *testing.T) {
	ws := domain.NewWorkspace(&domain.Service{Metadata: domain.Meta{Name: "shop"}, Spec: domain.ServiceSpec{Owner: "Dana"}})
	text := `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Dana}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, unit: ms}
`
	changes, problems := Merge(ws, text, "defs.yaml")
	if problems != nil || len(changes) != 2 || !changes[0].Unchanged || changes[1].Existed || changes[1].ID != "Feed/lat" {
		t.Fatalf("changes %+v, problems %v", changes, problems)
	}
	if ws.Feed("lat") == nil {
		t.Fatal("the feed is not in the workspace")
	}
	bad := "apiVersion: slate/v1\nkind: SLT\nmetadata: {name: x}\nspec: {service: nope, type: SLA, period: month, objective: {target: 0.9}}\n"
	if changes, problems := Merge(ws, bad, "bad.yaml"); changes != nil || len(problems) == 0 || problems[0].Source.File != "bad.yaml" {
		t.Fatalf("bad SLT: %v %v", changes, problems)
	}
	if _, problems := Merge(ws, "# nothing\n", "empty.yaml"); len(problems) != 1 || !strings.Contains(problems.Error(), "no documents found") {
		t.Fatalf("empty: %v", problems)
	}
}
