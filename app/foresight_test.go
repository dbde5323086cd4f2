package app

import (
	"errors"
	"testing"

	"slate/internal/storage"
)

// Foresight.Predict shares one forecast per data version and time: one SLT's
// view of it leaves the others whole, and an unknown SLT is "not found".
func TestForesightPredictShared(t *testing.T) {
	a := openDemo(t)
	at := DemoNow.Format("2006-01-02T15:04:05Z07:00")
	one, err := a.Foresight.Predict(PredictQuery{SLT: "checkout-success", At: at})
	if err != nil || len(one.Targets) != 1 || one.Targets[0].SLT != "checkout-success" {
		t.Fatalf("one SLT: %d targets, %v", len(one.Targets), err)
	}
	all, err := a.Foresight.Predict(PredictQuery{At: at})
	if err != nil || len(all.Targets) != 9 {
		t.Fatalf("all: %d targets, %v", len(all.Targets), err)
	}
	if all.Current.DecisionPoints != one.Current.DecisionPoints || all.Current.Model.Brier != one.Current.Model.Brier {
		t.Error("one SLT's forecast and the whole differ in their track record")
	}
	if _, err := a.Foresight.Predict(PredictQuery{SLT: "nope", At: at}); !errors.Is(err, storage.ErrNotFound) || !NotFound(err) {
		t.Errorf("unknown SLT: %v", err)
	}
}
