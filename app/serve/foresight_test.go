package serve

import (
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/app"
)

// Foresight over both doors: the resource routes and the UI transport give
// the service's figures, viewers read, suppliers do not, too little data is
// said in words, and a planted bias comes back over HTTP.
func TestForesightOverHTTP(t *testing.T) {
	f := newFixture(t, Options{})

	// A fortnight of the probe reading 7 ms above the transaction log, every 5 minutes.
	var probe, txlog strings.Builder
	probe.WriteString("Time (UTC),Latency (ms)\n")
	txlog.WriteString("minute,avg_ms\n")
	start := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	var want float64
	n := 0
	for i := 0; i < 14*288; i += 7 {
		t0 := start.Add(time.Duration(i) * 5 * time.Minute)
		ref := 200 + float64(i%50)
		d := 7 + float64(i%3-1)
		want += d
		n++
		fmt.Fprintf(&probe, "%s,%g\n", t0.Format(time.RFC3339), ref+d)
		fmt.Fprintf(&txlog, "%s,%g\n", t0.Format(time.RFC3339), ref)
	}
	want /= float64(n)
	for feed, data := range map[string]string{"shop-latency": probe.String(), "shop-latency-txlog": txlog.String()} {
		p := filepath.Join(f.dir, feed+".csv")
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		req := app.ImportRequest{Feed: feed}
		if feed == "shop-latency" {
			req.Mapping = &app.Mapping{Time: "Time (UTC)", TimeLayout: "rfc3339", Value: "Latency (ms)"}
		}
		if res, err := f.a.Local.Import(p, req); err != nil || res.Batch == 0 {
			t.Fatalf("import %s: %+v %v", feed, res, err)
		}
	}

	var c app.Calibration
	f.v1JSON(&c, "vera", "/api/v1/feeds/shop-latency/calibration?from=2025-06-01&to=2025-07-01")
	if c.Reference != "shop-latency-txlog" || c.Result.N != n || math.Abs(float64(c.Result.Bias)-want) > 1e-9 || c.Unit != "ms" {
		t.Errorf("calibration: reference %s, n %d (want %d), bias %v (want %v)", c.Reference, c.Result.N, n, c.Result.Bias, want)
	}
	var direct app.Calibration
	f.ok(&direct, "vera", "Foresight/Calibrate", app.CalibrateQuery{Feed: "shop-latency", From: "2025-06-01", To: "2025-07-01"})
	if direct.Result.N != c.Result.N || direct.Result.Bias != c.Result.Bias || direct.Result.CCC != c.Result.CCC {
		t.Errorf("the two doors disagree: %+v / %+v", direct.Result, c.Result)
	}
	var feeds []app.CalibratedFeed
	f.ok(&feeds, "vera", "Foresight/CalibratedFeeds")
	if len(feeds) != 1 || feeds[0].Feed != "shop-latency" || feeds[0].Reference != "shop-latency-txlog" || len(feeds[0].SLTs) != 2 {
		t.Errorf("calibrated feeds %+v", feeds)
	}

	for path, want := range map[string]struct {
		code int
		text string
	}{
		"/api/v1/feeds/shop-latency/calibration?from=2025-06-01&to=2025-06-01T00:30:00Z": {422, "not enough data: 1 paired buckets, need 10"},
		"/api/v1/feeds/no-such-feed/calibration":                                         {404, "feed \"no-such-feed\" does not exist"},
		"/api/v1/feeds/shop-latency-txlog/calibration":                                   {422, "has no reference"},
		"/api/v1/feeds/shop-latency/calibration?from=soon":                               {400, "from:"},
		"/api/v1/predictions?slt=no-such-slt":                                            {404, "does not exist"},
		"/api/v1/predictions?at=whenever":                                                {400, "at:"},
	} {
		resp, body := f.v1("vera", "GET", path, nil, nil)
		if resp.StatusCode != want.code || !strings.Contains(problemOf(t, resp, body).Detail, want.text) {
			t.Errorf("GET %s: %d %s; want %d %q", path, resp.StatusCode, body, want.code, want.text)
		}
	}

	// A fortnight of data is no track record: no probability, and why.
	var fc app.Forecast
	f.v1JSON(&fc, "vera", "/api/v1/predictions")
	if fc.Status != "insufficient" || !strings.HasPrefix(fc.Message, "not enough data: ") || !strings.Contains(fc.Message, "need 100") {
		t.Errorf("forecast %s %q", fc.Status, fc.Message)
	}
	for _, tf := range fc.Targets {
		if tf.Current.Probability.Valid() || tf.Next.Probability.Valid() {
			t.Errorf("%s: a probability without a track record", tf.SLT)
		}
	}
	var bt app.Backtests
	f.ok(&bt, "vera", "Foresight/Backtest", app.BacktestQuery{})
	if bt.Current.Status != "insufficient" || bt.Current.Message != fc.Current.Message {
		t.Errorf("backtest %s %q, forecast's %q", bt.Current.Status, bt.Current.Message, fc.Current.Message)
	}

	// suppliers see neither
	for _, path := range []string{"/api/v1/predictions", "/api/v1/feeds/shop-latency/calibration"} {
		if resp, body := f.v1("cleo", "GET", path, nil, nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("cleo GET %s: %d %s", path, resp.StatusCode, body)
		}
	}
	for _, m := range []string{"Foresight/Predict", "Foresight/Backtest", "Foresight/Calibrate", "Foresight/CalibratedFeeds"} {
		if code, body := f.call("cleo", m, nil); code != http.StatusForbidden {
			t.Errorf("cleo %s: %d %s", m, code, body)
		}
	}
}
