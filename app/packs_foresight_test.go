package app

import (
	"os/exec"
	"strings"
	"testing"

	"slate/internal/plain"
)

// The demo pack shows each SLT's forecast with its track record beside it,
// and the probe's calibration against the transaction log in data quality:
// read back from the PDF as text.
func TestPackForesight(t *testing.T) {
	needTool(t, "pdftotext")
	a, res, _ := builtPack(t)
	out, err := exec.Command("pdftotext", "-layout", packFile(t, res, PackPDF), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(out)), " ")
	fc, err := a.Foresight.Predict(PredictQuery{SLT: "parcel-delivery-48h", At: res.GeneratedAt.Format("2006-01-02T15:04:05Z07:00")})
	if err != nil || fc.Status != "ok" || len(fc.Targets) != 1 {
		t.Fatalf("forecast %+v, %v", fc, err)
	}
	sec := flat[strings.Index(flat, "Parcels delivered within 48 hours"):]
	sec = sec[strings.Index(sec, "Forecast as of"):]
	chance := plain.PercentN(float64(fc.Targets[0].Current.Probability), 0)
	// the headers wrap in the PDF's narrow columns; the row reads whole
	row := "this period " + fc.Targets[0].Period.Key + " " + chance + " " + fc.Current.Use + " "
	for _, want := range []string{"Chance of", "Brier score,", "Skill vs", "Decision", row, plain.Int(fc.Current.DecisionPoints), "walk-forward backtest"} {
		if !strings.Contains(sec[:min(len(sec), 3000)], want) {
			t.Errorf("the parcel SLT's forecast lacks %q:\n%s", want, sec[:min(len(sec), 1500)])
		}
	}
	if fc.Current.Use != "model" && !strings.Contains(flat, "The model is not better than the baseline: showing the baseline.") {
		t.Error("the pack does not say that it shows the baseline")
	}
	dq := flat[strings.LastIndex(flat, "Data quality"):]
	for _, want := range []string{"Calibration of shop-latency against shop-latency-txlog", "Bias (feed − reference)", "Bland–Altman",
		"Lin's concordance", "kappa", "Attainment in 2026-10 from shop-latency and from shop-latency-txlog", "Bias per month", "drifted", "drift from 2026-06-30"} {
		if !strings.Contains(dq, want) {
			t.Errorf("data quality lacks %q", want)
		}
	}
}
