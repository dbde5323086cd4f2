package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/judge"
	"slate/internal/plain"
	"slate/internal/report"
)

// shop is a small workspace: a ratio SLT of a supplier's counts feed with a
// ten-hour outage on 2026-03-10, and a p95 latency SLT; eight months of
// hourly points in memory.
func shop() (*domain.Workspace, map[string][]domain.Point, time.Time) {
	ok := &domain.SLT{Metadata: domain.Meta{Name: "ok", DisplayName: "Checkout success"}, Spec: domain.SLTSpec{Service: "shop", Feed: "req",
		Type: domain.TypeUC, Owner: "Jonas Weber", TimeZone: "Europe/Berlin", Period: "month",
		Indicator: &domain.Indicator{Kind: domain.IndicatorRatio}, Objective: domain.Objective{Target: 0.99}, ImpactWeight: 2}}
	fast := &domain.SLT{Metadata: domain.Meta{Name: "fast"}, Spec: domain.SLTSpec{Service: "shop", Feed: "lat", Type: domain.TypeOLA,
		Period: "month", Indicator: &domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"},
		Objective: domain.Objective{Op: "<=", Target: 300}}}
	ws := domain.NewWorkspace(
		&domain.Service{Metadata: domain.Meta{Name: "shop", DisplayName: "Web Shop"}, Spec: domain.ServiceSpec{Owner: "Dana Fischer"}},
		&domain.Supplier{Metadata: domain.Meta{Name: "payco", DisplayName: "PayCo Payments"}},
		&domain.Feed{Metadata: domain.Meta{Name: "req"}, Spec: domain.FeedSpec{Shape: domain.ShapeCounts, Supplier: "payco", Interval: domain.Duration(time.Hour)}},
		&domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Interval: domain.Duration(time.Hour), Unit: "ms"}},
		ok, fast)
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	outage := time.Date(2026, 3, 10, 6, 0, 0, 0, time.UTC)
	feeds := map[string][]domain.Point{}
	for t, i := start, 0; t.Before(at); t, i = t.Add(time.Hour), i+1 {
		good := 100.0
		if !t.Before(outage) && t.Before(outage.Add(10*time.Hour)) {
			good = 0
		}
		feeds["req"] = append(feeds["req"], domain.Point{At: t, Good: good, Total: 100, Batch: 1})
		feeds["lat"] = append(feeds["lat"], domain.Point{At: t, Value: 200 + float64(i%50), Batch: 2})
	}
	return ws, feeds, at
}

// input evaluates the shop as a caller would and adds the records.
func input(t *testing.T, period string) Input {
	t.Helper()
	ws, feeds, at := shop()
	slts, err := ScopeSLTs(ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := judge.Read(compliance.Input{Workspace: ws, At: at, Source: compliance.SlicePoints(feeds)}, slts, period, nil)
	if err != nil {
		t.Fatal(err)
	}
	fp := Recipe{Version: RecipeV2, Definitions: []byte("defs"), AuditSeq: 7, AuditHash: strings.Repeat("ab", 32), Feeds: SortedFeeds(ws, slts),
		Batches: []RecipeBatch{{ID: 1, Feed: "req", SHA256: "f1", Points: 5832, Data: "d1"}}}.Fingerprint()
	return Input{Period: period, At: at, Workspace: ws, Name: "shop", SLTs: slts, Rows: rd.Rows, Analyses: rd.Analyses,
		AnalysisErrors: rd.AnalysisErrors, Statuses: rd.Statuses, Fingerprint: fp, Chain: Chain{OK: true, Batches: 2},
		Batches: []Batch{
			{ID: 1, Feed: "req", File: "req.csv", Status: BatchPublished, SHA256: "f1", From: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), To: at, Read: 5832, Imported: 5832},
			{ID: 3, Feed: "req", File: "old.csv", Status: BatchReverted, SHA256: "f3", From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), Read: 24, Rejected: 2, Findings: map[string]int{"duplicate": 2}},
		},
		Exceptions: []Exception{{ID: "EX-1", SLT: "ok", From: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC),
			Status: compliance.StatusRejected, Reason: "storm", RequestedBy: "Jonas Weber", DecidedBy: "Amélie Laurent"}},
		Events: []Event{{Seq: 7, Time: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), Actor: "Jonas Weber", Action: "import", Object: "Batch/1", Hash: strings.Repeat("ab", 32)}},
	}
}

func section(t *testing.T, p *report.Pack, id string) report.Section {
	t.Helper()
	for _, s := range p.Sections {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %q", id)
	return report.Section{}
}

func table(t *testing.T, s report.Section, title string) *report.Table {
	t.Helper()
	for _, b := range s.Blocks {
		if b.Table != nil && strings.HasPrefix(b.Table.Title, title) {
			return b.Table
		}
	}
	t.Fatalf("section %s has no table %q", s.ID, title)
	return nil
}

// TestBuildShop: the pack of 2026-03 shows the outage as a miss, with the
// attainment recomputed here from the points, and lists what it was given.
func TestBuildShop(t *testing.T) {
	in := input(t, "2026-03")
	p, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sections) != FixedSections+len(in.SLTs) {
		t.Fatalf("%d sections, want %d", len(p.Sections), FixedSections+len(in.SLTs))
	}
	var ids []string
	for _, s := range p.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "summary compliance slt-fast slt-ok breaches rca exceptions maintenance credits data-quality methodology audit" {
		t.Fatalf("sections %s", got)
	}
	if p.Meta.Period != "2026-03 (2026-03-01 – 2026-03-31)" || p.Meta.Scope != "period=2026-03 services=*" || p.Meta.Fingerprint != in.Fingerprint.Fingerprint ||
		p.Meta.Head != "7:"+strings.Repeat("ab", 32) {
		t.Fatalf("meta %+v", p.Meta)
	}
	// March in Berlin: from 2026-02-28 23:00 UTC to 2026-03-31 22:00 UTC (summer time from the 29th).
	ws, feeds, _ := shop()
	_ = ws
	from, to := time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC), time.Date(2026, 3, 31, 22, 0, 0, 0, time.UTC)
	var good, total float64
	for _, pt := range feeds["req"] {
		if !pt.At.Before(from) && pt.At.Before(to) {
			good += pt.Good
			total += pt.Total
		}
	}
	want := plain.Percent(good / total)
	ct := table(t, section(t, p, "compliance"), "Every SLT")
	found := false
	for _, r := range ct.Rows {
		if r.Cells[0].Text == "ok" && r.Cells[1].Text == "2026-03" {
			found = true
			if got := plain.Percent(r.Cells[5].Number); got != want || r.Cells[8].Text != "MISSED" || r.Status != report.RAGRed {
				t.Errorf("ok in 2026-03: %s %s %s, want %s MISSED red", got, r.Cells[8].Text, r.Status, want)
			}
		}
	}
	if !found {
		t.Fatalf("no row for ok in 2026-03: %+v", ct.Rows)
	}
	st := table(t, section(t, p, "summary"), "Status per SLT")
	for _, r := range st.Rows {
		if r.Cells[1].Text == "Checkout success (ok)" && r.Cells[8].Text != "missed" {
			t.Errorf("status of ok: %q", r.Cells[8].Text)
		}
	}
	bl := table(t, section(t, p, "breaches"), "Breaches in 2026-03")
	if len(bl.Rows) != 1 || bl.Rows[0].Cells[0].Text != "ok" {
		t.Errorf("breaches in 2026-03: %+v", bl.Rows)
	}
	dq := table(t, section(t, p, "data-quality"), "Batches and findings")
	if len(dq.Rows) != 2 || dq.Rows[1].Cells[3].Text != "reverted" || dq.Rows[1].Status != report.RAGNone || dq.Rows[1].Cells[8].Text != "duplicate 2" {
		t.Errorf("data quality rows: %+v", dq.Rows)
	}
	ex := table(t, section(t, p, "exceptions"), "Exceptions")
	if len(ex.Rows) != 1 || ex.Rows[0].Status != report.RAGRed {
		t.Errorf("exceptions: %+v", ex.Rows)
	}
}

// TestBuildIsPure: the same input gives the same pack; a later period does
// not see the outage as its own.
func TestBuildIsPure(t *testing.T) {
	a, err := Build(input(t, "2026-03"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(input(t, "2026-03"))
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, a) != jsonOf(t, b) {
		t.Fatal("two builds of the same input differ")
	}
	may, err := Build(input(t, "2026-05"))
	if err != nil {
		t.Fatal(err)
	}
	if rows := table(t, section(t, may, "breaches"), "Breaches in 2026-05").Rows; len(rows) != 0 {
		t.Errorf("breaches in May: %+v", rows)
	}
	if _, err := Build(Input{Period: "2026-13"}); err == nil || !strings.Contains(err.Error(), `"2026-13" is not a period: month 13 is out of range`) {
		t.Errorf("bad period: %v", err)
	}
}

// TestBuildAnonymised: services, suppliers and people become pseudonyms everywhere.
func TestBuildAnonymised(t *testing.T) {
	in := input(t, "2026-03")
	in.Services = []string{"shop"}
	in.Pseudonyms = NewPseudonyms(in.Workspace, "Amélie Laurent")
	p, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	all := jsonOf(t, p)
	for _, name := range []string{"Web Shop", "PayCo", "Jonas Weber", "Amélie Laurent", "Dana Fischer"} {
		if strings.Contains(all, name) {
			t.Errorf("the anonymised pack still names %q", name)
		}
	}
	if !p.Meta.Anonymized || p.Meta.Scope != "period=2026-03 services=Service+A anonymized=yes" {
		t.Errorf("meta %+v", p.Meta)
	}
	if real, ok := in.Pseudonyms.Service("Service A"); !ok || real != "shop" {
		t.Errorf("Service A is %q", real)
	}
}

// TestFingerprintRecipe: the lines of docs/pack.md, hashed with a line feed after each.
func TestFingerprintRecipe(t *testing.T) {
	r := Recipe{Version: RecipeV2, Definitions: []byte("kind: Feed\n"), AuditSeq: 3, AuditHash: "h3",
		Batches: []RecipeBatch{{ID: 2, Feed: "req", SHA256: "s2", Points: 10, Data: "d2"}}}
	defs := sha256.Sum256([]byte("kind: Feed\n"))
	lines := "slate-pack-fingerprint/v2\ndefinitions " + hex.EncodeToString(defs[:]) + "\nbatch 2 req s2 points 10 d2\naudit 3 h3\n"
	sum := sha256.Sum256([]byte(lines))
	if fp := r.Fingerprint(); fp.Fingerprint != "sha256:"+hex.EncodeToString(sum[:]) || fp.Head() != "3:h3" {
		t.Fatalf("v2: %+v", fp)
	}
	r.Version = RecipeV1
	if fp := r.Fingerprint(); fp.Lines[2] != "batch 2 req s2" {
		t.Fatalf("v1 batch line %q", fp.Lines[2])
	}
	if (Fingerprint{}).Head() != "" {
		t.Fatal("an empty chain has no head")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStampRoundTrip: the keywords Build stamps read back into the same
// fingerprint, head and scope, and the verdict says what changed.
func TestStampRoundTrip(t *testing.T) {
	in := input(t, "2026-03")
	in.Services = []string{"shop"}
	p, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ReadStamp(p.Meta.Keywords())
	if err != nil {
		t.Fatal(err)
	}
	if st.Fingerprint != in.Fingerprint.Fingerprint || st.Head != in.Fingerprint.Head() || st.Period != "2026-03" ||
		len(st.Services) != 1 || st.Services[0] != "shop" || st.Anonymized {
		t.Fatalf("stamp %+v from %q", st, p.Meta.Keywords())
	}
	if _, err := ReadStamp("period=2026-03"); err != ErrNoStamp {
		t.Errorf("no fingerprint: %v", err)
	}
	ok := Check{Stored: st.Fingerprint, Current: st.Fingerprint, Recipe: RecipeV2, HeadChecked: true, HeadOK: true, ChainOK: true}
	if !ok.Match(true) || !strings.HasPrefix(ok.Verdict(st), "the pack matches the data") {
		t.Errorf("match: %s", ok.Verdict(st))
	}
	changed := ok
	changed.Current = "sha256:other"
	if changed.Match(true) || !strings.Contains(changed.Verdict(st), "does NOT match the data") {
		t.Errorf("changed: %s", changed.Verdict(st))
	}
	cut := ok
	cut.HeadOK, cut.HeadProblem = false, "event 7 was altered"
	if cut.Match(true) || !strings.Contains(cut.Verdict(st), "no longer extends the head it recorded (event 7): event 7 was altered") {
		t.Errorf("cut: %s", cut.Verdict(st))
	}
}
