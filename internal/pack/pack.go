// Package pack decides what goes into the service review pack (docs/pack.md):
// the executive summary, the compliance table, a section per SLT with its
// definition, attainment, statistics, breaches and exclusions, then the
// breach log, root causes, exceptions, maintenance, credits, data quality,
// methodology and the audit appendix. Build is a pure function of what the
// caller read and evaluated (Input); it renders nothing (internal/export
// writes the XLSX and PDF) and reads nothing.
package pack

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"slate/internal/analysis"
	"slate/internal/calibrate"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/predict"
	"slate/internal/report"
)

// Input is everything a pack is made of, read and evaluated once by the caller.
type Input struct {
	// Period is the period key the pack covers (2026-10, 2026-Q3 ...).
	Period string
	// At is when the pack is made; the data was evaluated as of it.
	At time.Time
	// Workspace holds the definitions; Name is the workspace's name on the cover.
	Workspace *domain.Workspace
	Name      string
	// Services is the scope asked for (none: every service); SLTs are the
	// SLTs of the scope in the pack's order (ScopeSLTs).
	Services []string
	SLTs     []*domain.SLT
	// Rows are every SLT of the pack evaluated at At (composites' components
	// may be among them).
	Rows map[string]compliance.SLTRows
	// Analyses are the SLTs' analyses up to the end of the period; an SLT
	// that could not be analysed has its reason in AnalysisErrors.
	Analyses       map[string]*analysis.Result
	AnalysisErrors map[string]string
	// Statuses are the SLTs' statuses in the period (internal/judge).
	Statuses map[string]compliance.Status
	// FalsePositives are the breaches marked as not real misses, by breach id.
	FalsePositives map[string]compliance.FalsePositive
	Exceptions     []Exception
	Batches        []Batch
	Events         []Event
	Chain          Chain
	Fingerprint    Fingerprint
	// CMDB lists the period's rows from CIs the CMDB does not know or has not
	// verified recently (internal/cmdb.Findings); CIs is how many CIs the
	// CMDB holds (0: none imported, and the pack says nothing about CIs).
	CMDB []compliance.CMDBFinding
	CIs  int
	// Maturity is each supplier's latest assessed maturity score (1–5).
	Maturity map[string]float64
	// Supplier, when set, scopes the pack to a joint review with one
	// supplier: SLTs are its scope, and the review's section follows the summary.
	Supplier *SupplierReview
	// Loop are the improvement loop's sections for the scope — root-cause
	// analyses, actions, reviews — laid out by internal/improve from its
	// records; without them the pack lists the analyses due only.
	Loop []report.Section
	// Forecast, when set, is the forecast at At (internal/predict): each SLT
	// page shows its chance of missing this period and the next with the
	// track record beside it, or why there is none.
	Forecast *predict.Forecast
	// Calibrations are the scope's feeds that have a reference
	// (spec.calibrateAgainst), each compared with it up to the period's end
	// (internal/calibrate), for the data-quality section; CalibrationErrors
	// says, by feed, why one could not be compared.
	Calibrations      []calibrate.Report
	CalibrationErrors map[string]string
	// Pseudonyms, when set, anonymise every text of the pack.
	Pseudonyms *Pseudonyms
	// Step, when set, is called before each section; an error stops the build.
	Step func(what string) error
}

// Exception is a force-majeure exception as the pack lists it.
type Exception struct {
	ID          string
	SLT         string
	From, To    time.Time
	Status      string // compliance.StatusRequested, StatusApproved or StatusRejected
	Reason      string
	RequestedBy string
	DecidedBy   string
	Note        string
	Evidence    []Evidence
}

// Evidence is a file attached to an exception.
type Evidence struct {
	Name   string
	SHA256 string
}

// BatchStatus is where an import batch stands; only published and reverted
// batches held data.
type BatchStatus string

// Batch statuses the pack lists.
const (
	BatchPublished BatchStatus = "published"
	BatchReverted  BatchStatus = "reverted"
)

// Batch is an import batch and what its import found.
type Batch struct {
	ID       uint64
	Feed     string
	File     string
	Status   BatchStatus
	SHA256   string
	From, To time.Time
	Read     int
	Imported int
	Rejected int
	// Findings counts the import's findings by kind.
	Findings map[string]int
}

// Event is one audit event.
type Event struct {
	Seq    uint64
	Time   time.Time
	Actor  string
	Action string
	Object string
	Hash   string
}

// Chain is the check of the audit chain and of the stored points of the
// pack's feeds against the digests their imports recorded.
type Chain struct {
	OK      bool
	Problem string
	// Batches is how many published batches were re-hashed.
	Batches int
}

// FixedSections counts the sections besides one per SLT (the improvement
// loop's counting as one; with Input.Loop it brings three).
const FixedSections = 10

// builder holds the derived data the sections read.
type builder struct {
	in         Input
	period     string
	services   []string
	at         time.Time
	ws         *domain.Workspace
	slts       []*domain.SLT
	rep        compliance.Report    // rows, credits, warnings and ignored windows of the period
	breaches   []compliance.Breach  // every breach of the pack's SLTs up to At
	breachAt   map[string]time.Time // a breach's period start, by id
	windows    []compliance.ExceptionWindow
	excs       []Exception
	batches    []Batch
	events     []Event
	verify     Chain
	fp         Fingerprint
	anon       *Pseudonyms
	start, end time.Time // the period, widest over the SLTs' zones
	analyses   map[string]*analysis.Result
	anaErr     map[string]string
	statuses   map[string]compliance.Status
}

// Build lays out the pack from what the caller evaluated.
func Build(in Input) (*report.Pack, error) {
	if _, err := compliance.ParseKey(in.Period, time.UTC); err != nil {
		return nil, err
	}
	if in.Workspace == nil {
		return nil, errors.New("a pack needs the workspace's definitions")
	}
	pb, err := newBuilder(in)
	if err != nil {
		return nil, err
	}
	scope := Scope(in.Period, in.Services)
	if in.Supplier != nil {
		if pb.anon != nil {
			return nil, errors.New("a joint supplier review names both sides: it is not anonymised")
		}
		scope += " supplier=" + url.QueryEscape(in.Supplier.Supplier)
	}
	if pb.anon != nil {
		ps := make([]string, len(in.Services))
		for i, s := range in.Services {
			ps[i] = pb.anon.Text(s)
		}
		scope = Scope(in.Period, ps) + " anonymized=yes"
	}
	pk := &report.Pack{Meta: report.Meta{
		Workspace:   in.Name,
		Period:      pb.periodTitle(),
		GeneratedAt: in.At,
		Fingerprint: pb.fp.Fingerprint,
		Head:        pb.fp.Head(),
		Scope:       scope,
	}}
	step := func(what string) error {
		if in.Step == nil {
			return nil
		}
		return in.Step(what)
	}
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"executive summary", pb.summary},
		{"supplier review", pb.supplierReview},
		{"compliance table", pb.complianceTable},
	} {
		if f.what == "supplier review" && in.Supplier == nil {
			continue
		}
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	for _, s := range pb.slts {
		pk.Sections = append(pk.Sections, pb.sltSection(s))
	}
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"breach log", pb.breachLog},
	} {
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	if err := step("improvement loop"); err != nil {
		return nil, err
	}
	if len(in.Loop) > 0 {
		pk.Sections = append(pk.Sections, in.Loop...)
	} else {
		pk.Sections = append(pk.Sections, pb.rootCauses())
	}
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"exceptions", pb.exceptions},
		{"maintenance", pb.maintenance},
		{"credits", pb.credits},
		{"data quality", pb.dataQuality},
		{"methodology", pb.methodology},
		{"audit appendix", pb.auditAppendix},
	} {
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	if err := pk.Validate(); err != nil {
		return nil, err
	}
	if pb.anon != nil {
		pb.anon.Apply(pk)
	}
	return pk, nil
}

// newBuilder derives the period's report, the breaches and the period's
// bounds from the evaluated rows.
func newBuilder(in Input) (*builder, error) {
	b := &builder{in: in, period: in.Period, services: in.Services, at: in.At, ws: in.Workspace, slts: in.SLTs,
		excs: in.Exceptions, batches: in.Batches, events: in.Events, verify: in.Chain, fp: in.Fingerprint,
		anon: in.Pseudonyms, analyses: in.Analyses, anaErr: in.AnalysisErrors, statuses: in.Statuses,
		breachAt: map[string]time.Time{}}
	if b.analyses == nil {
		b.analyses = map[string]*analysis.Result{}
	}
	if b.anaErr == nil {
		b.anaErr = map[string]string{}
	}
	if b.statuses == nil {
		b.statuses = map[string]compliance.Status{}
	}
	for _, e := range in.Exceptions {
		b.windows = append(b.windows, compliance.ExceptionWindow{ID: e.ID, SLT: e.SLT, Start: e.From, End: e.To, Status: e.Status})
	}
	// the SLTs in the workspace's order, as the report lists them
	names := map[string]bool{}
	for _, s := range in.SLTs {
		names[s.Name()] = true
	}
	var order []string
	for _, s := range in.Workspace.SLTs() {
		if names[s.Name()] {
			order = append(order, s.Name())
		}
	}
	cin := compliance.Input{Workspace: in.Workspace, At: in.At}
	full := compliance.ReportOf(cin, in.Rows, order, compliance.ReportOptions{})
	b.rep = compliance.ReportOf(cin, in.Rows, order, compliance.ReportOptions{Period: in.Period})
	for _, r := range full.Rows {
		b.breachAt[compliance.BreachID(r.SLT, r.Tier, r.Period)] = r.Start
	}
	b.breaches = compliance.Breaches(in.Workspace, full.Rows, in.FalsePositives)
	// the period's bounds over the SLTs' zones
	for _, s := range in.SLTs {
		loc, _ := domain.LoadZone(s.Spec.TimeZone)
		if loc == nil {
			loc = time.UTC
		}
		pp, err := compliance.ParseKey(in.Period, loc)
		if err != nil {
			return nil, err
		}
		if b.start.IsZero() || pp.Start.Before(b.start) {
			b.start = pp.Start
		}
		if pp.End.After(b.end) {
			b.end = pp.End
		}
	}
	if b.start.IsZero() {
		pp, err := compliance.ParseKey(in.Period, time.UTC)
		if err != nil {
			return nil, err
		}
		b.start, b.end = pp.Start, pp.End
	}
	ignored := b.rep.Ignored
	b.rep.Ignored = []compliance.Ignored{}
	for _, r := range ignored {
		if r.End.After(b.start) && r.Start.Before(b.end) {
			b.rep.Ignored = append(b.rep.Ignored, r)
		}
	}
	return b, nil
}

func (pb *builder) periodTitle() string {
	pp, err := compliance.ParseKey(pb.period, time.UTC)
	if err != nil {
		return pb.period
	}
	last := pp.End.Add(-time.Nanosecond)
	if pp.Start.Equal(last.Truncate(24 * time.Hour)) {
		return pb.period
	}
	return fmt.Sprintf("%s (%s – %s)", pb.period, pp.Start.Format("2006-01-02"), last.Format("2006-01-02"))
}
