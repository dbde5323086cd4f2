package export

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"slate/internal/report"
)

// Names the tests look for.
const (
	maliciousSupplier = `=HYPERLINK("http://x","y")`
	nameDanish        = "Søren Kierkegaard"
	nameFrench        = "Amélie Poulain"
	nameGreek         = "Ελληνικά Δίκτυα"
	nameCyrillic      = "Кириллица Сервис"
	longTextLen       = 40000
	breachRows        = 600
)

var sampleGenerated = time.Date(2025, 4, 2, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))

func longText() string {
	var b strings.Builder
	i := 0
	for b.Len() < longTextLen {
		fmt.Fprintf(&b, "Supplier comment line %d: data delivered late because of a batch job. ", i)
		i++
	}
	return b.String()[:longTextLen] // ASCII: bytes == characters
}

var sltNames = []string{
	"Checkout success ratio",
	"Order fulfilment cycle time",
	"Ticket resolution — " + nameGreek,
	"Payment API availability (" + nameCyrillic + ")",
}

// samplePack builds a realistic review pack with nSLT SLT sections.
func samplePack(nSLT int) *report.Pack {
	rng := rand.New(rand.NewPCG(42, 7))
	months := []string{}
	for i := range 24 {
		t := time.Date(2023, time.April+time.Month(i), 1, 0, 0, 0, 0, time.UTC)
		months = append(months, t.Format("Jan 2006"))
	}
	p := &report.Pack{Meta: report.Meta{
		Workspace:   "Acme Retail — " + nameFrench,
		Period:      "Q1 2025 (2025-01-01 – 2025-03-31)",
		GeneratedAt: sampleGenerated,
		Fingerprint: "sha256:9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
	}}

	// Summary
	var sumRows []report.Row
	for i := range nSLT {
		name := sltNames[i%len(sltNames)]
		if i >= len(sltNames) {
			name = fmt.Sprintf("%s #%d", name, i+1)
		}
		att := 0.995 + rng.Float64()*0.0049
		target := 0.997
		st := report.RAGGreen
		if att < target {
			st = report.RAGRed
		} else if att < target+0.0005 {
			st = report.RAGAmber
		}
		sumRows = append(sumRows, report.Row{Status: st, Cells: []report.Cell{
			report.Text(name),
			report.Text([]string{nameDanish, nameFrench, nameGreek, nameCyrillic}[i%4]),
			report.Percent(target),
			report.Percent(att),
			report.Integer(int64(rng.IntN(5))),
			report.Currency(math.Round(rng.Float64()*12000*100) / 100),
		}})
	}
	sumRows[0].Cells[2] = report.Percent(0.9995)
	sumRows[0].Cells[3] = report.Percent(0.99812)
	sumRows[0].Status = report.RAGRed
	summary := report.Section{ID: "summary", Title: "Executive summary", Blocks: []report.Block{
		report.NewParagraph("This pack reports the attainment of every service level target for the period, " +
			"the breaches behind the misses, the service credits due and the quality of the supplier data."),
		report.NewKeyValues("Portfolio",
			report.KeyValue{Label: "SLTs in scope", Value: report.Integer(int64(nSLT))},
			report.KeyValue{Label: "Targets met", Value: report.Percent(0.75)},
			report.KeyValue{Label: "Service credits due", Value: report.Currency(18250.5)},
			report.KeyValue{Label: "Review meeting", Value: report.Date(time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC))},
			report.KeyValue{Label: "Service owner", Value: report.Text(nameDanish)},
		),
		report.NewTable(report.Table{
			Title: "Attainment by SLT",
			Columns: []report.Column{
				{Header: "SLT", Kind: report.ValueText},
				{Header: "Owner", Kind: report.ValueText},
				{Header: "Target", Kind: report.ValuePercent},
				{Header: "Attainment", Kind: report.ValuePercent},
				{Header: "Breaches", Kind: report.ValueInteger},
				{Header: "Credit", Kind: report.ValueCurrency, Currency: "EUR"},
			},
			Rows:    sumRows,
			Caption: "Attainment = good events / valid events in the period, maintenance windows excluded.",
		}),
		report.NewNote(report.SeverityCritical, "Three consecutive misses",
			"Checkout success ratio missed its target three periods in a row: a root cause analysis is required."),
	}}
	p.Sections = append(p.Sections, summary)

	for i := range nSLT {
		name := sumRows[i].Cells[0].Text
		n := 24
		vals := make([]float64, n)
		for k := range vals {
			vals[k] = 0.9975 + rng.NormFloat64()*0.0006
		}
		vals[5] = 0.9948  // beyond LCL
		vals[17] = 0.9952 // beyond LCL
		vals[9] = math.NaN()
		cc := &report.ControlChart{
			Labels: months,
			Values: report.FloatsOf(vals),
			Center: report.Repeat(0.9975, n),
			LCL:    report.Repeat(0.9957, n),
			UCL:    report.Repeat(0.9993, n),
			Target: report.Float(0.997),
			Flags: []report.Flag{
				{Index: 5, Rule: "Rule 1: point beyond 3σ"},
				{Index: 17, Rule: "Rule 1: point beyond 3σ"},
				{Index: 17, Rule: "Rule 5: 2 of 3 beyond 2σ"},
			},
		}
		trend := make([]float64, n)
		for k := range trend {
			trend[k] = 0.998 - 0.00004*float64(k)
		}
		var periodRows []report.Row
		for k := n - 6; k < n; k++ {
			v := report.Percent(vals[k])
			st := report.RAGGreen
			if vals[k] < 0.997 {
				st = report.RAGRed
			}
			periodRows = append(periodRows, report.Row{Status: st, Cells: []report.Cell{
				report.Text(months[k]), v, report.Integer(int64(120000 + rng.IntN(5000))), report.Integer(int64(rng.IntN(400))),
			}})
		}
		sec := report.Section{ID: fmt.Sprintf("slt-%d", i+1), Title: "SLT: " + name, Blocks: []report.Block{
			report.NewKeyValues("Definition",
				report.KeyValue{Label: "Metric", Value: report.Text("Successful checkouts / all checkouts, per calendar month")},
				report.KeyValue{Label: "Target", Value: report.Percent(0.997)},
				report.KeyValue{Label: "Type", Value: report.Text("SLA (customer-facing)")},
				report.KeyValue{Label: "Data owner", Value: report.Text(nameDanish)},
				report.KeyValue{Label: "Supplier", Value: report.Text(maliciousSupplier)},
				report.KeyValue{Label: "Assumptions", Value: report.Text("Peak volume 4,000 orders/hour; payment provider " + nameCyrillic + " available.")},
				report.KeyValue{Label: "Next review", Value: report.Date(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC))},
			),
			report.NewChart(report.Chart{Kind: report.ChartControl, Title: "Control chart (p-chart), monthly",
				YLabel: "Success ratio", ValueKind: report.ValuePercent, Control: cc,
				Caption: "Limits from the baseline Apr 2023 – Mar 2024; Jan 2024 had no valid data."}),
			report.NewChart(report.Chart{Kind: report.ChartLine, Title: "Trend", ValueKind: report.ValuePercent,
				Line: &report.LineChart{Labels: months, Series: []report.Series{{Name: "Attainment", Values: report.FloatsOf(vals)}},
					Trend: report.FloatsOf(trend), Target: report.Float(0.997)}}),
			report.NewTable(report.Table{Title: "Last six periods",
				Columns: []report.Column{
					{Header: "Period", Kind: report.ValueText},
					{Header: "Attainment", Kind: report.ValuePercent},
					{Header: "Valid events", Kind: report.ValueInteger},
					{Header: "Bad events", Kind: report.ValueInteger},
				}, Rows: periodRows}),
		}}
		p.Sections = append(p.Sections, sec)
	}

	// Breaches
	causes := []string{"Payment provider timeout", "Database failover", "Deployment error", "Network (" + nameGreek + ")", "Capacity", "Unknown"}
	counts := []float64{42, 17, 11, 7, 4, 2}
	suppliers := []string{"Nordic Pay — " + nameDanish, maliciousSupplier, nameCyrillic, nameGreek, "Amélie Hosting SARL"}
	var rows []report.Row
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := range breachRows {
		at := start.Add(time.Duration(k) * 3 * time.Hour).Add(time.Duration(rng.IntN(120)) * time.Minute)
		st := report.RAGAmber
		if k%7 == 0 {
			st = report.RAGRed
		}
		var credit report.Cell
		if k%5 == 0 {
			credit = report.Currency(float64(100 + k))
		} else {
			credit = report.Null()
		}
		rows = append(rows, report.Row{Status: st, Cells: []report.Cell{
			report.Integer(int64(k + 1)),
			report.DateTime(at),
			report.Text(sltNames[k%len(sltNames)]),
			report.Text(suppliers[k%len(suppliers)]),
			report.Text(causes[k%len(causes)]),
			report.Integer(int64(5 + rng.IntN(90))),
			credit,
		}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "breaches", Title: "Breaches", Blocks: []report.Block{
		report.NewParagraph("Breaches by cause, most frequent first. The log lists every breach in the period."),
		report.NewChart(report.Chart{Kind: report.ChartPareto, Title: "Breaches by cause (Pareto)", ValueKind: report.ValueInteger,
			Pareto: report.NewPareto(causes, counts)}),
		report.NewTable(report.Table{Title: "Breach log",
			Columns: []report.Column{
				{Header: "#", Kind: report.ValueInteger, Width: 4},
				{Header: "Started", Kind: report.ValueDateTime},
				{Header: "SLT", Kind: report.ValueText},
				{Header: "Supplier", Kind: report.ValueText},
				{Header: "Cause", Kind: report.ValueText},
				{Header: "Duration (min)", Kind: report.ValueInteger},
				{Header: "Credit", Kind: report.ValueCurrency, Currency: "EUR"},
			}, Rows: rows, Caption: "Times in the workspace time zone (UTC)."}),
	}})

	// Data quality with a very long supplier comment
	p.Sections = append(p.Sections, report.Section{ID: "data-quality", Title: "Data quality", Blocks: []report.Block{
		report.NewNote(report.SeverityWarning, "Late delivery", "Supplier "+nameCyrillic+" delivered March data 6 days late."),
		report.NewHeading(2, "Supplier comment (verbatim)"),
		report.NewParagraph(longText()),
	}})

	// Audit appendix
	var audit []report.Row
	for k := range 8 {
		audit = append(audit, report.Row{Cells: []report.Cell{
			report.DateTime(start.Add(time.Duration(k) * 26 * time.Hour)),
			report.Text([]string{"import", "definition change", "approval", "export"}[k%4]),
			report.Text([]string{nameDanish, nameFrench, nameGreek, nameCyrillic}[k%4]),
			report.Text(fmt.Sprintf("%016x", uint64(k+1)*0x9e3779b97f4a7c15)),
		}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "audit", Title: "Audit appendix", Blocks: []report.Block{
		report.NewTable(report.Table{Title: "Audit trail (hash-chained)", Columns: []report.Column{
			{Header: "At", Kind: report.ValueDateTime},
			{Header: "Event", Kind: report.ValueText},
			{Header: "By", Kind: report.ValueText},
			{Header: "Hash", Kind: report.ValueText},
		}, Rows: audit}),
	}})
	return p
}
