package serve

import (
	"time"

	"slate/app"
	"slate/internal/calibrate"
	"slate/internal/compliance"
	"slate/internal/improve"
	"slate/internal/ingest"
	"slate/internal/predict"
	"slate/internal/report"
	"slate/internal/storage"
)

// Examples of the /api/v1 answers, from the demo workspace, for
// docs/openapi.json. They are values of the answers' types, so they cannot
// name a field the API does not send.

func ptr[T any](v T) *T { return &v }

var (
	exampleAt   = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	exampleFrom = time.Date(2026, 9, 30, 22, 0, 0, 0, time.UTC)
	exampleTo   = time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC)
)

var exampleSLTs = SLTList{Items: []app.SLTSummary{{
	Name: "checkout-success", DisplayName: "Checkout success rate", Service: "webshop", Type: "SLA", Indicator: "ratio",
	Objective: ">= 99%", Period: "month", Owner: "Jonas Weber", Feed: "checkout-counts", Tiers: []string{},
}}, NextCursor: "Y2hlY2tvdXQtc3VjY2Vzcw"}

var exampleReport = app.Report{At: exampleAt, Rows: []compliance.Row{{
	SLT: "checkout-success", Kind: "ratio", Period: "2026-10", Start: exampleFrom, End: exampleTo, Complete: true,
	Points: 745, Eligible: 433248, Good: ptr(431486.0), Bad: ptr(1762.0), Attainment: ptr(0.9959330452766083),
	AttainmentRaw: ptr(0.9959330452766083), Target: ptr(0.99), Op: ">=", Met: ptr(true), Shortfall: ptr(0.0),
	BudgetRemaining: ptr(0.5933045276608321), SLTOwner: "Jonas Weber", DataOwner: "Jonas Weber",
}}, Credits: []compliance.Credit{}, Warnings: []compliance.Warning{}, Ignored: []compliance.Ignored{},
	Statuses: []compliance.Status{{SLT: "checkout-success", Period: "2026-10", State: "on_target", Label: "on target", RAG: "green",
		Reasons: []string{"met in 2026-10: 99.593% against ≥ 99%, 59% of the error budget left"}}}}

var exampleBreaches = BreachList{At: exampleAt, Since: "2026-01", Items: []app.Breach{{
	ID: "shop-availability/core-hours@2026-03", SLT: "shop-availability", Tier: "core-hours", Period: "2026-03",
	Start: "2026-02-28T23:00:00Z", End: "2026-03-31T22:00:00Z", Attainment: ptr(0.996439393939394), Target: ptr(0.999),
	Op: ">=", Shortfall: 0.002560606060606041, BadMinutes: ptr(47.0), BudgetsOverspent: 2.560606060606039,
	Allowance: 0.001, Weight: 5, Impact: 12.803030303030194,
	ImpactRule: "impact weight × error budgets overspent (shortfall ÷ allowed shortfall)", Cost: ptr(8460.0),
	Frequency: 3, Duration: 47, Priority: 12.803030303030194, ParetoRank: 1, ParetoShare: 0.816599, VitalFew: true,
}}, NextCursor: "c2hvcC1hdmFpbGFiaWxpdHkvY29yZS1ob3Vyc0AyMDI2LTAz"}

var exampleFinding = ingest.Finding{Kind: "unparseable_time", Severity: "error", Row: 3, Column: "Delivered", Raw: "not yet",
	Message: `"not yet" in Delivered is not a time in the expected layout iso-local; correct the value or the mapping's timeLayout`}

var exampleMapping = app.Mapping{TimeLayout: "iso-local", Item: "Order ID", Opened: "Created", Resolved: "Delivered"}

var exampleImport = app.ImportResult{Batch: 42, Feed: "parcel-orders", File: "orders-2026-10.csv", Size: 80179,
	SHA256: "b93b08260f404f830b87580381bbf0beb5120a73a5d1c5e9e6f85412395c2f99", Format: "csv", Encoding: "utf-8",
	Delimiter: ",", HeaderRow: 1, Header: []string{"Order ID", "Created", "Delivered"}, Mapping: exampleMapping,
	MappingFrom: "feed", Counts: storage.BatchCounts{Read: 1842, Imported: 1841, Rejected: 1},
	FindingCounts: map[string]int{"unparseable_time": 1}, Severities: map[string]int{"error": 1},
	Findings: []ingest.Finding{exampleFinding}, From: time.Date(2026, 10, 1, 6, 19, 0, 0, time.UTC),
	To: time.Date(2026, 10, 31, 21, 49, 0, 0, time.UTC), Seconds: 0.041}

var exampleBatch = app.BatchDetail{Batch: app.Batch{ID: 42, Feed: "parcel-orders", Status: "published", Shape: "item",
	File: "orders-2026-10.csv", Size: 80179, SHA256: "b93b08260f404f830b87580381bbf0beb5120a73a5d1c5e9e6f85412395c2f99",
	Format: "csv", Encoding: "utf-8", Delimiter: ",", HeaderRow: 1, Header: []string{"Order ID", "Created", "Delivered"},
	Mapping: &exampleMapping, OnConflict: "reject", Counts: storage.BatchCounts{Read: 1842, Imported: 1841, Rejected: 1},
	FindingCounts: map[string]int{"unparseable_time": 1}, From: time.Date(2026, 10, 1, 6, 19, 0, 0, time.UTC),
	To: time.Date(2026, 10, 31, 21, 49, 0, 0, time.UTC), Created: time.Date(2026, 11, 1, 7, 0, 0, 0, time.UTC),
	Published: time.Date(2026, 11, 1, 7, 0, 1, 0, time.UTC), SourceBytes: 19697},
	Findings: []ingest.Finding{exampleFinding}, Points: 1841}

var exampleActions = ActionList{Items: []app.ActionItem{{Action: improve.Action{ID: "A-2",
	Title: "Add a second sorting shift at the Leipzig hub", Owner: "Søren Madsen", Due: "2026-11-20", Status: "in_progress",
	Links: improve.Links{SLT: "parcel-delivery-48h", RCA: "R-1", Service: "order-fulfilment", Supplier: "parcelnet"},
	Notes: []improve.Note{}, Origin: "person", CreatedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC), CreatedBy: "Søren Madsen",
	UpdatedAt: time.Date(2026, 11, 10, 14, 0, 0, 0, time.UTC), History: []improve.Change{}}, Overdue: true, DaysOverdue: 8}}}

var exampleProblem = Problem{Type: "about:blank", Title: "Not Found", Status: 404,
	Detail: "no SLT is named checkout-sucess (GET /api/v1/slts lists them)", Instance: "/api/v1/slts/checkout-sucess/report"}

var exampleTrack = predict.Report{Horizon: "current", Status: "ok",
	From: time.Date(2026, 3, 31, 22, 0, 0, 0, time.UTC), To: time.Date(2026, 10, 30, 23, 0, 0, 0, time.UTC),
	DecisionPoints: 1975, Targets: 9, Periods: 324, Missed: 7, Events: 219, Refits: 18,
	Model: predict.Scores{Brier: 0.0282, AUC: 0.972, Reliability: []predict.Bin{
		{From: 0, To: 0.1, N: 1735, Events: 15, Predicted: 0.009, Observed: 0.0086}}},
	Baseline: predict.Scores{Brier: 0.0307, AUC: 0.957, Reliability: []predict.Bin{
		{From: 0, To: 0.1, N: 1735, Events: 15, Predicted: 0.009, Observed: 0.0086}}},
	Climatology: 0.099, Skill: 0.084, SkillP: 0.24, Use: "baseline",
	Verdict: "The model is not better than the baseline (Brier score 0.028 against 0.031, skill 8%, p = 0.24) over 1,975 decision points in 324 periods (7 missed); Slate shows the baseline: the burn rate so far projected to the period end, with the hit rate it had in the past."}

var examplePredictions = func() app.Forecast {
	next := exampleTrack
	next.Horizon = "next"
	return app.Forecast{At: exampleAt, Status: "ok", Current: exampleTrack, Next: next, Skipped: []string{"customer-experience: composite SLTs are not predicted (their components are)"},
		Targets: []predict.TargetForecast{{SLT: "parcel-delivery-48h", AsOf: exampleAt,
			Period:     predict.Period{Key: "2026-11", Start: time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC)},
			NextPeriod: predict.Period{Key: "2026-12", Start: time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC)},
			Current:    predict.Probability{Probability: 0.76, Source: "baseline", Model: 0.81, Baseline: 0.76},
			Next:       predict.Probability{Probability: 0.48, Source: "baseline", Model: 0.55, Baseline: 0.48},
			Features:   []predict.Feature{{Name: "budget_burned", Value: 1.4, Contribution: 0.9}}}}}
}()

var exampleCalibration = app.Calibration{Feed: "shop-latency", Reference: "shop-latency-txlog", Shape: "value", Unit: "ms",
	From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: exampleAt, BucketSeconds: 300,
	Alignment: calibrate.Alignment{FeedBuckets: 86500, RefBuckets: 86400, UnpairedFeed: 150, UnpairedRef: 50},
	Result: calibrate.Result{N: 86350, FeedMean: 310.2, ReferenceMean: 291.1, Bias: 19.1, BiasCI: [2]report.Float{19.0, 19.2},
		SD: 14, MAE: 19.4, RMSE: 23.6, LimitsOfAgreement: [2]report.Float{-8.03, 46.3}, LowerLimitCI: [2]report.Float{-8.2, -7.9},
		UpperLimitCI: [2]report.Float{46.1, 46.5}, CCC: 0.946, Pearson: 0.981, BiasCorrection: 0.964, Conf: 0.95,
		Classification: []calibrate.ClassAgreement{{Classifier: calibrate.Classifier{Name: "page-latency-p95", Rule: "indicator threshold", Op: "<=", Threshold: 1200},
			BothGood: 86200, FeedBadReferenceGood: 3, BothBad: 147, Agreement: 0.99997, ChanceAgreement: 0.9966, Kappa: 0.99}},
		Drift: calibrate.Drift{Status: "drift", Message: "drift from 2026-06-30: the bias moves +0.249 ms a day, from +11.9 ms to +49.3 ms by the last day",
			Days: 304, Monthly: []calibrate.MonthBias{{Month: "2026-06", N: 8617, Bias: 11.8, CI: [2]report.Float{11.6, 11.9}}, {Month: "2026-07", N: 8915, Bias: 15.8, CI: [2]report.Float{15.6, 16}, Drifted: true}},
			SlopePerDay: 0.12, SlopeCI: [2]report.Float{0.11, 0.13}, MannKendallP: 0,
			Change: &calibrate.Change{Kind: "ramp", Start: "2026-06-30", Before: 11.9, SlopePerDay: 0.249, Total: 37.4}}},
	Attainment: []calibrate.Attained{{SLT: "page-latency-p95", Period: "2026-10", Start: time.Date(2026, 9, 30, 22, 0, 0, 0, time.UTC), End: time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), Complete: true, Kind: "statistic", Unit: "ms", Op: "<=", Target: 450,
		FromFeed: 309, FromReference: 270, Difference: 38.9, MetFeed: ptr(true), MetReference: ptr(true)}}}
