package pack

import (
	"fmt"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/report"
)

// ---- data quality ----

func (pb *builder) dataQuality() report.Section {
	sec := report.Section{ID: "data-quality", Title: "Data quality"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("The import batches whose data overlaps the period, for the feeds the pack's SLTs read. "+
		"Every problem an import found is a finding (missing intervals, clock skew, duplicates, unreadable or out-of-range values); "+
		"rows with errors were rejected, never silently dropped. `slate batch show N` lists the findings of batch N."))
	feeds := FeedsOf(pb.ws, pb.slts)
	t := report.Table{Title: "Batches and findings", Columns: []report.Column{
		{Header: "Batch", Kind: report.ValueInteger}, {Header: "Feed", Kind: report.ValueText}, {Header: "File", Kind: report.ValueText},
		{Header: "Status", Kind: report.ValueText}, {Header: "Rows read", Kind: report.ValueInteger},
		{Header: "Imported", Kind: report.ValueInteger}, {Header: "Rejected", Kind: report.ValueInteger},
		{Header: "Findings", Kind: report.ValueInteger}, {Header: "Findings by kind", Kind: report.ValueText},
		{Header: "File SHA-256", Kind: report.ValueText},
	}, Caption: "File SHA-256: the first 16 characters; the full values are in the fingerprint recipe (audit appendix)."}
	for _, b := range pb.batches {
		if !feeds[b.Feed] || (b.Status != BatchPublished && b.Status != BatchReverted) {
			continue
		}
		if b.From.IsZero() || !b.From.Before(pb.end) || b.To.Before(pb.start) {
			continue
		}
		total := 0
		var kinds []string
		for _, k := range sortedKeys(b.Findings) {
			total += b.Findings[k]
			kinds = append(kinds, fmt.Sprintf("%s %d", k, b.Findings[k]))
		}
		rag := report.RAGGreen
		if b.Rejected > 0 || total > 0 {
			rag = report.RAGAmber
		}
		if b.Status == BatchReverted {
			rag = report.RAGNone
		}
		sha := b.SHA256
		if len(sha) > 16 {
			sha = sha[:16]
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Integer(int64(b.ID)), report.Text(b.Feed),
			report.Text(b.File), report.Text(string(b.Status)), report.Integer(int64(b.Read)), report.Integer(int64(b.Imported)),
			report.Integer(int64(b.Rejected)), report.Integer(int64(total)), textOr(strings.Join(kinds, ", "), "none"), report.Text(sha)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No batch holds data of the period."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	if pb.in.CIs > 0 {
		sec.Blocks = append(sec.Blocks, report.NewTable(pb.cmdbTable()))
	}
	sec.Blocks = append(sec.Blocks, pb.calibrationBlocks()...)
	return sec
}

// ---- methodology ----

func (pb *builder) methodology() report.Section {
	sec := report.Section{ID: "methodology", Title: "Methodology"}
	paras := []struct{ h, t string }{
		{"Scope and time", "Every SLT is evaluated in its own time zone: periods start at the first instant of a local date, so days around daylight-saving changes have 23 or 25 hours " +
			"(where the clock skips midnight, the date starts when it resumes). " +
			"A calendar limits an SLT to business hours; units outside it count nowhere. The pack is evaluated as of " + pb.at.Format(time.RFC3339) +
			"; a period that had not ended by then is marked running."},
		{"Attainment", "Ratio: good events ÷ all events. Threshold: rows meeting the threshold ÷ rows. Availability: good time slices ÷ slices with data " +
			"(a slice is good when every probe in it is good; slices without data leave the denominator unless the SLT says otherwise). " +
			"Duration: items resolved within the goal, in business time minus pauses and exclusions, ÷ items resolved. " +
			"Statistic: the mean, median or percentile of the values (percentiles interpolate linearly between closest ranks, as Excel PERCENTILE.INC). " +
			"Composite: the weighted mean of the components' attainments."},
		{"Adjusted and raw", "Adjusted attainment removes planned maintenance (only when registered before it started) and approved exceptions; " +
			"raw attainment removes nothing. Both are shown side by side."},
		{"Objectives and budgets", "An SLT is met when its attainment meets the objective, compared without rounding. The error budget allows " +
			"(1 − target) × eligible bad units; budget left = 1 − bad ÷ allowed, negative when overspent. A tiered SLT is met only when every tier is met."},
		{"Status", "One rule gives every SLT its status in the period, the same in this pack, the dashboard, `slate report` and the API: " +
			"missed when a period (or tier) missed its objective; no data when no period has data; at risk when met but with under 25% of an " +
			"error budget left, a burn-rate alert or a projected miss in a running period, or when the analysis finds the period worse than usual, " +
			"a worsening trend that already fails the target or will within its horizon, or a process that at its usual level misses the target; " +
			"otherwise on target. Signals in the good direction are improvements, never risks."},
		{"Breaches and root causes", "A breach is a complete missed period. Its priority is the error budgets it overspent × the SLT's impact weight " +
			"(docs/metrics.md), one unit for every kind of SLT; the Pareto ranks SLTs and tiers by summed priority. A root-cause analysis is due after " +
			"the SLT's rcaAfter consecutive missed periods (3 unless set); a period without data ends the run."},
		{"Credits", "Credit % is the credit of the lowest contract tier whose threshold is above the attainment, capped; earn-back applies only when the SLT " +
			"was met. Amounts are the percentage of the period charge."},
		{"Statistics", "Control charts use the per-period values: Laney p′ charts when every period has counts, otherwise individuals (XmR) charts with " +
			"limits at the centre ± 3σ̂ (σ̂ = mean moving range ÷ 1.128). The limits come from a reference (phase I): the most recent stretch of periods " +
			"that is stable on its own limits; the periods after it are judged (phase II). Daily values are adjusted for a significant day-of-week pattern first. " +
			"Run rules are Nelson's (or Western Electric's); a flagged point completes the pattern, and a signal in the good direction is an improvement. " +
			"The trend is an ordinary least-squares slope with its 95% interval, checked with the Mann–Kendall test; it is significant when both agree. " +
			"Time to breach is where the fitted line crosses the target."},
		{"Numbers in this pack", "Percentages are shown with three decimals and compared unrounded. The workbook stores every figure as a number with its " +
			"format, so it can be recomputed. docs/metrics.md and docs/statistics.md give every rule in full."},
	}
	for _, p := range paras {
		sec.Blocks = append(sec.Blocks, report.NewHeading(2, p.h), report.NewParagraph(p.t))
	}
	return sec
}

// ---- audit appendix ----

func (pb *builder) auditAppendix() report.Section {
	sec := report.Section{ID: "audit", Title: "Audit appendix"}
	ok := fmt.Sprintf("yes: every event's hash and link checked, and the stored points of the %d published batches of this pack's feeds match the digests recorded when they were imported", pb.verify.Batches)
	if !pb.verify.OK {
		ok = "NO — " + pb.verify.Problem + " (run slate audit verify)"
	}
	sec.Blocks = append(sec.Blocks, report.NewKeyValues("Audit chain",
		report.KeyValue{Label: "Chain head (data)", Value: report.Text(fmt.Sprintf("event %d", pb.fp.AuditSeq))},
		report.KeyValue{Label: "Head hash", Value: report.Text(pb.fp.AuditHash)},
		report.KeyValue{Label: "Chain and data intact", Value: report.Text(ok)},
		report.KeyValue{Label: "Fingerprint", Value: report.Text(pb.fp.Fingerprint)},
	))
	sec.Blocks = append(sec.Blocks, report.NewParagraph("Keep the chain head (event and hash above; also on the cover and in the file's metadata) "+
		"somewhere the database's owner cannot change: `slate audit verify --anchor SEQ:HASH` then fails if the trail was later rewritten or cut, "+
		"and `slate verify-pack` checks it too (docs/security.md)."))
	rt := report.Table{Title: "Fingerprint recipe", Columns: []report.Column{
		{Header: "Line", Kind: report.ValueInteger}, {Header: "Text hashed", Kind: report.ValueText},
	}, Caption: "The fingerprint is sha256: followed by the SHA-256 of these lines, each ending with a line feed. definitions: SHA-256 of `slate get all -o yaml`; " +
		"batch: id, feed and file SHA-256 of every published batch the SLTs read, with the number and SHA-256 of its points as stored (docs/security.md); " +
		"audit: the newest audit event that is not a pack export. " +
		"`slate verify-pack FILE` recomputes it (docs/pack.md)."}
	for i, l := range pb.fp.Lines {
		rt.Rows = append(rt.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(i + 1)), report.Text(l)}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(rt))
	t := report.Table{Title: "Audit events from the start of " + pb.period + " to the chain head", Columns: []report.Column{
		{Header: "Seq", Kind: report.ValueInteger}, {Header: "Time (UTC)", Kind: report.ValueDateTime}, {Header: "Actor", Kind: report.ValueText},
		{Header: "Action", Kind: report.ValueText}, {Header: "Object", Kind: report.ValueText}, {Header: "Hash", Kind: report.ValueText},
	}, Caption: "Hash: the first 16 characters of the event's SHA-256; `slate audit log` prints them in full."}
	const maxEvents = 2000
	n := 0
	for _, e := range pb.events {
		// events after the data head are later exports: leaving them out
		// keeps a re-export of the same data identical
		if e.Time.Before(pb.start) || e.Seq > pb.fp.AuditSeq {
			continue
		}
		if n++; n > maxEvents {
			t.Caption = fmt.Sprintf("Only the first %d events are listed. ", maxEvents) + t.Caption
			break
		}
		h := e.Hash
		if len(h) > 16 {
			h = h[:16]
		}
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(e.Seq)), report.DateTime(e.Time.UTC()),
			report.Text(e.Actor), report.Text(e.Action), report.Text(e.Object), report.Text(h)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No audit event was recorded since the start of the period. " + t.Caption
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}

// adjustedNote marks a chart of day-of-week adjusted values.
func adjustedNote(res *analysis.Result) string {
	if res.Adjustment != nil && res.Adjustment.Applied {
		return ", adjusted for the day of the week"
	}
	return ""
}
