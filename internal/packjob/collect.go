package packjob

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slate/internal/foresight"
	"slices"
	"time"

	"slate/internal/cmdb"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/improve"
	"slate/internal/jobs"
	"slate/internal/judge"
	"slate/internal/manifest"
	"slate/internal/pack"
	"slate/internal/pointhash"
	"slate/internal/readview"
	"slate/internal/storage"
	"slate/internal/supply"
)

// dataFile is a data set file written in memory, to go beside the pack.
type dataFile struct {
	name string
	data []byte
}

// Collect reads what a pack is made of, evaluates its SLTs once
// (internal/judge) and returns the pack's input (internal/pack lays it out)
// with the data set files of a supplier's review. steps is how many
// progress steps the whole build takes. The query must be normalised.
func Collect(ctx context.Context, st *storage.Store, q Query, at time.Time, progress jobs.Progress) (in pack.Input, steps int, files []dataFile, err error) {
	in = pack.Input{Period: q.Period, At: at, Services: q.Services, Name: WorkspaceName(st)}
	progress(0, 0, "reading the workspace")
	var marks map[string]storage.BreachMark
	var cis []domain.CI
	err = st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		in.Workspace = ws
		if q.Supplier != "" {
			in.SLTs, err = SupplierSLTs(ws, q.Supplier)
		} else {
			in.SLTs, err = pack.ScopeSLTs(ws, q.Services)
		}
		if err != nil {
			return err
		}
		in.Maturity = supply.LatestScores(ws)
		if cis, err = tx.CIs(); err != nil {
			return err
		}
		if in.Fingerprint, err = Fingerprint(tx, ws, in.SLTs, pack.RecipeV2); err != nil {
			return err
		}
		rec, err := readRecords(tx)
		if err != nil {
			return err
		}
		batches, err := tx.Batches("")
		if err != nil {
			return err
		}
		marks = rec.marks
		// The chain, and the stored points of the pack's feeds against the
		// digests their import events recorded.
		check, err := tx.Verify(storage.VerifyOptions{Feeds: in.Fingerprint.Feeds})
		if err != nil {
			return err
		}
		in.Chain = pack.Chain{OK: check.OK, Problem: check.Problem, Batches: check.Batches}
		in.Exceptions, in.Batches, in.Events = packExceptions(rec.excs), packBatches(batches), packEvents(rec.events)
		if q.Anonymize {
			in.Pseudonyms = pack.NewPseudonyms(ws, rec.people()...)
		}
		return nil
	})
	if err != nil {
		return in, 0, nil, err
	}
	in.FalsePositives = readview.FalsePositives(marks)
	steps = pack.FixedSections + len(in.SLTs) + len(q.Formats)
	if q.Supplier != "" {
		steps++
	}
	if err := ctx.Err(); err != nil {
		return in, 0, nil, err
	}
	progress(0, int64(steps), "computing compliance")
	cin, err := readview.Input(st, at)
	if err != nil {
		return in, 0, nil, err
	}
	done := 0
	step := func(what string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress(int64(done), int64(steps), what)
		done++
		return nil
	}
	rd, err := judge.Read(cin, in.SLTs, q.Period, func(slt string) error { return step("analysing " + slt) })
	if err != nil {
		return in, 0, nil, err
	}
	in.Rows, in.Analyses, in.AnalysisErrors, in.Statuses = rd.Rows, rd.Analyses, rd.AnalysisErrors, rd.Statuses
	// the period's rows from CIs the CMDB does not know or has not verified
	var names []string
	for _, s := range in.SLTs {
		names = append(names, s.Name())
	}
	period := compliance.ReportOf(compliance.Input{Workspace: in.Workspace, At: at}, in.Rows, names, compliance.ReportOptions{Period: q.Period})
	if in.CMDB, err = cmdb.Findings(in.Workspace, cin.Source, cis, period.Rows, at); err != nil {
		return in, 0, nil, err
	}
	in.CIs = len(cis)
	if q.Supplier != "" {
		if in.Supplier, files, err = supplierReview(st, cin, q); err != nil {
			return in, 0, nil, err
		}
	}
	// the improvement loop as it stands: analyses, actions, reviews
	loop, err := improve.ReadPackLoop(st, in.Workspace, in.SLTs, in.Rows, q.Period, at)
	if err != nil {
		return in, 0, nil, err
	}
	in.Loop = improve.PackSections(loop)
	// the forecast beside its track record, and the scope's calibrated feeds
	if in.Forecast, in.Calibrations, in.CalibrationErrors, err = foresight.ForPack(cin, in.SLTs, q.Period, at); err != nil {
		return in, 0, nil, err
	}
	in.Step = step
	return in, steps, files, nil
}

func packExceptions(excs []storage.Exception) []pack.Exception {
	out := make([]pack.Exception, len(excs))
	for i, e := range excs {
		out[i] = pack.Exception{ID: e.ID, SLT: e.SLT, From: e.From, To: e.To, Status: e.Status, Reason: e.Reason,
			RequestedBy: e.RequestedBy, DecidedBy: e.DecidedBy, Note: e.Note}
		for _, x := range e.Evidence {
			out[i].Evidence = append(out[i].Evidence, pack.Evidence{Name: x.Name, SHA256: x.SHA256})
		}
	}
	return out
}

// packBatches are the batches that held data: published or reverted.
func packBatches(bs []storage.Batch) []pack.Batch {
	var out []pack.Batch
	for _, b := range bs {
		var st pack.BatchStatus
		switch b.Status {
		case storage.StatusPublished:
			st = pack.BatchPublished
		case storage.StatusReverted:
			st = pack.BatchReverted
		default:
			continue
		}
		out = append(out, pack.Batch{ID: b.ID, Feed: b.Feed, File: b.File, Status: st, SHA256: b.SHA256, From: b.From, To: b.To,
			Read: b.Counts.Read, Imported: b.Counts.Imported, Rejected: b.Counts.Rejected, Findings: b.Findings})
	}
	return out
}

func packEvents(evs []storage.AuditEvent) []pack.Event {
	out := make([]pack.Event, len(evs))
	for i, e := range evs {
		out[i] = pack.Event{Seq: e.Seq, Time: e.Time, Actor: e.Actor, Action: e.Action, Object: e.Object, Hash: e.Hash}
	}
	return out
}

// records are what the pack lists of exceptions, false positives and the trail.
type records struct {
	excs   []storage.Exception
	marks  map[string]storage.BreachMark
	events []storage.AuditEvent
	loop   []string // the people the improvement loop's records name
}

func readRecords(tx *storage.Tx) (r records, err error) {
	if r.excs, err = tx.Exceptions(); err != nil {
		return r, err
	}
	if r.marks, err = tx.BreachMarks(); err != nil {
		return r, err
	}
	if r.loop, err = improve.People(tx); err != nil {
		return r, err
	}
	r.events, err = tx.AuditEvents(0)
	return r, err
}

// people are the people the records name: who asked for and decided
// exceptions, who marked false positives, who acted in the audit trail,
// and the loop's owners, team members and attendees.
func (r records) people() []string {
	out := append([]string{}, r.loop...)
	for _, e := range r.excs {
		out = append(out, e.RequestedBy, e.DecidedBy)
	}
	for _, m := range r.marks {
		out = append(out, m.By)
	}
	for _, e := range r.events {
		out = append(out, e.Actor)
	}
	return out
}

// pseudonymsOf reads the pseudonyms of the workspace as a pack made now would use them.
func pseudonymsOf(tx *storage.Tx, ws *domain.Workspace) (*pack.Pseudonyms, error) {
	r, err := readRecords(tx)
	return pack.NewPseudonyms(ws, r.people()...), err
}

// Fingerprint reads the recipe of the SLTs' pack (docs/pack.md) in either
// version and computes its fingerprint.
func Fingerprint(tx *storage.Tx, ws *domain.Workspace, slts []*domain.SLT, version string) (pack.Fingerprint, error) {
	r := pack.Recipe{Version: version, Feeds: pack.SortedFeeds(ws, slts)}
	var yml bytes.Buffer
	if err := manifest.Encode(&yml, ws.Everything()); err != nil {
		return pack.Fingerprint{}, err
	}
	r.Definitions = yml.Bytes()
	feeds := pack.FeedsOf(ws, slts)
	batches, err := tx.Batches("")
	if err != nil {
		return pack.Fingerprint{}, err
	}
	slices.SortFunc(batches, func(a, b storage.Batch) int { return cmp.Compare(a.ID, b.ID) })
	ids := map[string][]uint64{}
	for _, b := range batches {
		if b.Status == storage.StatusPublished && feeds[b.Feed] {
			ids[b.Feed] = append(ids[b.Feed], b.ID)
		}
	}
	digests := map[uint64]pointhash.Digest{}
	if version != pack.RecipeV1 {
		for feed, fids := range ids {
			ds, err := tx.FeedDigests(feed, fids)
			if err != nil {
				return pack.Fingerprint{}, err
			}
			maps.Copy(digests, ds)
		}
	}
	for _, b := range batches {
		if b.Status == storage.StatusPublished && feeds[b.Feed] {
			d := digests[b.ID]
			r.Batches = append(r.Batches, pack.RecipeBatch{ID: b.ID, Feed: b.Feed, SHA256: b.SHA256, Points: d.Points, Data: d.SHA256})
		}
	}
	if r.AuditSeq, r.AuditHash, err = dataHead(tx); err != nil {
		return pack.Fingerprint{}, err
	}
	return r.Fingerprint(), nil
}

// notData are the audited actions that change nothing a pack shows: the
// exports (of packs and agendas) and the outbox's delivery bookkeeping (an
// attempt, its answer, a retry). The background loop records deliveries on
// its own; they must not make a pack stop matching its data.
var notData = map[string]bool{"export.pack": true, "export.agenda": true,
	"itsm.deliver": true, "itsm.attempt-failed": true, "itsm.retry": true}

// dataHead is the newest audit event that changes what a pack shows
// (notData: exporting twice gives the same fingerprint).
func dataHead(tx *storage.Tx) (uint64, string, error) {
	seq, hash, err := tx.AuditHead()
	if err != nil {
		return 0, "", err
	}
	for seq > 0 {
		evs, err := tx.AuditEvents(seq)
		if err != nil {
			return 0, "", err
		}
		if len(evs) == 0 || evs[0].Seq != seq {
			return 0, "", fmt.Errorf("audit event %d is missing (run slate audit verify)", seq)
		}
		if !notData[evs[0].Action] {
			return seq, evs[0].Hash, nil
		}
		seq--
		hash = ""
	}
	return 0, hash, nil
}

// SupplierSLTs are the SLTs of a supplier's review (supply.Scope), in the
// pack's order.
func SupplierSLTs(ws *domain.Workspace, supplier string) ([]*domain.SLT, error) {
	sc, err := supply.Scope(ws, nil, supply.ScopeOptions{Supplier: supplier})
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, s := range sc.SLTs {
		in[s.SLT] = true
	}
	all, err := pack.ScopeSLTs(ws, nil)
	var out []*domain.SLT
	for _, s := range all {
		if in[s.Name()] {
			out = append(out, s)
		}
	}
	return out, err
}

// supplierReview reads a supplier's joint review for the pack: its scope,
// improvement actions and contingency plan, its maturity beside its record,
// and the data set, each feed's rows of the period written in the feed's
// layout (the files go beside the pack).
func supplierReview(st *storage.Store, cin compliance.Input, q Query) (*pack.SupplierReview, []dataFile, error) {
	sc, err := supply.ScopeStore(st, supply.ScopeOptions{Supplier: q.Supplier, Period: q.Period, At: cin.At})
	if err != nil {
		return nil, nil, err
	}
	mat, err := supply.Maturity(cin, supply.MaturityOptions{Supplier: q.Supplier})
	if err != nil {
		return nil, nil, err
	}
	r := &pack.SupplierReview{Supplier: sc.Supplier, DisplayName: sc.DisplayName, Contact: sc.Contact, Email: sc.Email, ContingencyPlan: sc.ContingencyPlan}
	for _, s := range sc.SLTs {
		r.SLTs = append(r.SLTs, pack.ReviewSLT{SLT: s.SLT, Feed: s.Feed, Why: s.Why, Contracts: s.Contracts})
	}
	if m := mat.Suppliers[0]; m.Latest != nil {
		l := m.Latest
		r.Maturity = &pack.Maturity{Assessment: l.Assessment, Model: l.Model, Date: l.Date, Assessor: l.Assessor, Score: l.Score, Answered: l.Answered, Questions: l.Questions}
		for _, a := range l.Areas {
			r.Maturity.Areas = append(r.Maturity.Areas, pack.MaturityArea{Name: a.Name, Weight: a.Weight, Score: a.Score, Answered: a.Answered, Questions: a.Questions})
		}
	}
	r.Record, r.Disagrees = mat.Suppliers[0].Verdict, mat.Suppliers[0].Disagrees
	for _, a := range sc.Actions {
		r.Actions = append(r.Actions, pack.Action{ID: a.ID, Title: a.Title, Owner: a.Owner, Due: a.Due, Status: a.Status, Overdue: a.Overdue, DaysOverdue: a.DaysOverdue})
	}
	if c := sc.Contingency; c != nil {
		r.Contingency = &pack.Contingency{Trigger: c.Trigger, Failover: c.Failover, Workaround: c.Workaround, LastTested: c.LastTested}
		for _, k := range c.Contacts {
			r.Contingency.Contacts = append(r.Contingency.Contacts, pack.Contact(k))
		}
	}
	var files []dataFile
	for _, feed := range sc.Feeds {
		var buf bytes.Buffer
		df, err := supply.WriteDataFile(st, sc, feed, q.Period, &buf)
		if err != nil {
			return nil, nil, err
		}
		sum := sha256.Sum256(buf.Bytes())
		r.DataSet = append(r.DataSet, pack.DataFile{Name: df.Name, Feed: df.Feed, From: df.From, To: df.To, Rows: df.Rows, Batches: df.Batches, SHA256: hex.EncodeToString(sum[:])})
		files = append(files, dataFile{df.Name, buf.Bytes()})
	}
	return r, files, nil
}
