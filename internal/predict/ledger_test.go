package predict

import (
	"testing"

	"slate/internal/compliance"
)

// The ledger's outcomes are the report's, and its daily counts add up to the
// report's period counts.
func TestLedgerMatchesReport(t *testing.T) {
	m := newMixed()
	in := m.inputAt(m.now)
	l, err := FromCompliance(in, SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := compliance.BuildReport(in, compliance.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]compliance.Row{}
	for _, r := range rep.Rows {
		if r.Kind != "tiered" {
			rows[r.SLT+"/"+r.Tier+"@"+r.Period] = r
		}
	}
	n := 0
	for _, tg := range l.Targets() {
		for _, o := range l.Periods(tg, l.Now()) {
			r, ok := rows[tg.SLT+"/"+tg.Tier+"@"+o.Key]
			if !ok || !r.Complete {
				t.Fatalf("%s %s: no complete report row", tg.ID(), o.Key)
			}
			if (r.Met == nil) != (o.Met == nil) || (r.Met != nil && *r.Met != *o.Met) || (r.Attainment == nil) != (o.Attainment == nil) ||
				(r.Attainment != nil && *r.Attainment != *o.Attainment) {
				t.Errorf("%s %s: ledger %v/%v, report %v/%v", tg.ID(), o.Key, o.Met, o.Attainment, r.Met, r.Attainment)
			}
			if tg.Statistic || tg.Period.Kind == compliance.Rolling {
				n++
				continue
			}
			c := l.Eval(tg, o.Start, o.End, l.Now())
			if c.Good != *r.Good || c.Bad != *r.Bad || c.Excluded != r.Excluded {
				t.Errorf("%s %s: days add up to good/bad/excluded %v/%v/%v, the period has %v/%v/%v", tg.ID(), o.Key, c.Good, c.Bad, c.Excluded, *r.Good, *r.Bad, r.Excluded)
			}
			n++
		}
	}
	if n < 60 {
		t.Fatalf("only %d periods compared", n)
	}
	if len(l.Skipped) != 0 {
		t.Errorf("skipped %v", l.Skipped)
	}
}
