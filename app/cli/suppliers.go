package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"slate/app"
	"slate/internal/compliance"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "suppliers check", args: "[--period P] [--at TIME]",
			summary: "end-to-end SLTs against their components' contracts: gaps, overlaps, orphan contracts, feasibility (which part must improve, by how much) and per period whether the parts met their targets while the whole missed",
			run:     runSuppliersCheck, readOnly: true},
		command{name: "suppliers maturity", args: "[--supplier S] [--periods N] [--at TIME]",
			summary: "each supplier's assessed maturity by area beside its measured record (periods met, credits, trend), with disagreement flagged",
			run:     runSuppliersMaturity, readOnly: true},
		command{name: "suppliers scope", args: "--supplier S [--period P]",
			summary: "what a joint review with a supplier covers: contracts, SLTs and why, feeds and the period's batches, improvement actions, contingency plan",
			run:     runSuppliersScope, readOnly: true},
	)
}

func runSuppliersCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("suppliers check", flag.ContinueOnError)
	q := app.ChainQuery{}
	fs.StringVar(&q.Period, "period", "", "only this period (key: "+compliance.KeyFormats+")")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (RFC 3339 or date; default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rep, err := e.app.Suppliers.Check(q)
	if err != nil {
		return flagHint(err, "--period")
	}
	return e.emit(rep, func(w io.Writer) {
		if len(rep.EndToEnd) == 0 {
			fmt.Fprintln(w, "no end-to-end SLTs: list an SLT's parts under spec.components (each {slt: NAME, relation: serial|parallel}) to check its supply chain")
		}
		for i := range rep.EndToEnd {
			if i > 0 {
				fmt.Fprintln(w)
			}
			printChain(w, rep, i)
		}
		if len(rep.Orphans) > 0 {
			fmt.Fprintln(w, "\norphan contracts (their SLT belongs to no end-to-end SLT):")
			for _, o := range rep.Orphans {
				fmt.Fprintf(w, "  %s\n", o.Message)
			}
		}
	})
}

func share(v float64) string { return plain.Target(v, true, "") }

func printChain(w io.Writer, rep app.ChainReport, i int) {
	x := rep.EndToEnd[i]
	fmt.Fprintf(w, "%s (service %s, owner %s): end-to-end target %s\n", x.SLT, x.Service, dash(x.Owner), plain.Objective(x.Op, x.Target, true, ""))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPONENT\tRELATION\tTARGET\tCONTRACTS\tSUPPLIERS")
	for _, c := range x.Components {
		name := c.SLT
		if c.Nested {
			name += " (has parts)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, c.Relation, plain.Objective(c.Op, c.Target, true, ""), list(c.Contracts), list(c.Suppliers))
	}
	tw.Flush()
	for _, g := range x.Gaps {
		fmt.Fprintf(w, "GAP: %s\n", g.Message)
	}
	for _, o := range x.Overlaps {
		fmt.Fprintf(w, "OVERLAP: %s\n", o.Message)
	}
	f := x.Feasibility
	fmt.Fprintf(w, "feasibility: %s\n", f.Verdict)
	if !f.Feasible {
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  COMPONENT\tTARGET NOW\tALONE WOULD NEED\tCHANGE")
		for _, o := range f.Options {
			need, change := share(o.To), "+"+plain.Points(o.Change)
			if !o.Possible {
				need, change = "more than 100% (impossible)", "-"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", o.SLT, share(o.From), need, change)
		}
		tw.Flush()
	}
	if len(x.Periods) == 0 {
		return
	}
	fmt.Fprintln(w, "measured:")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  PERIOD\tATTAINMENT\tFROM THE PARTS\tSTATUS")
	var why []string
	for _, p := range x.Periods {
		att, exp := "no data", "-"
		if p.Attainment != nil {
			att = plain.Against(*p.Attainment, x.Target, true, "")
		}
		if p.Expected != nil {
			exp = plain.Percent(*p.Expected)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", periodMark(p.Period, p.Complete), att, exp, chainStatus(p.Status))
		if p.Status != app.ChainMet && p.Status != app.ChainNoData {
			why = append(why, p.Message)
		}
	}
	tw.Flush()
	for _, m := range why {
		fmt.Fprintf(w, "  - %s\n", m)
	}
}

func chainStatus(s string) string {
	switch s {
	case app.ChainMappingProblem:
		return "MAPPING PROBLEM (parts met, whole missed)"
	case app.ChainPartMissed:
		return "missed (a part missed)"
	case app.ChainIncomplete:
		return "missed (parts without data)"
	case app.ChainNoData:
		return "no data"
	}
	return s
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

func runSuppliersMaturity(e *env, args []string) error {
	fs := flag.NewFlagSet("suppliers maturity", flag.ContinueOnError)
	q := app.MaturityQuery{}
	fs.StringVar(&q.Supplier, "supplier", "", "only this supplier")
	fs.IntVar(&q.Periods, "periods", 0, "latest complete periods of each contract SLT that make the record (default 12)")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (RFC 3339 or date; default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Periods < 0 {
		return usageError("--periods must be 1 or more")
	}
	rep, err := e.app.Suppliers.Maturity(q)
	if err != nil {
		return err
	}
	return e.emit(rep, func(w io.Writer) {
		if len(rep.Suppliers) == 0 {
			fmt.Fprintln(w, "no suppliers (define them with `slate apply -f FILE`)")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SUPPLIER\tASSESSED\tMATURITY\tPERIODS MET\tRECORD\tCREDITS\tTREND\tAGREEMENT")
		for _, s := range rep.Suppliers {
			assessed, band := "not assessed", "-"
			if a := s.Latest; a != nil {
				assessed = score(a.Score) + " of 5 (" + a.Date + ")"
				band = dash(a.Band)
			}
			r := s.Reliability
			met := "no periods"
			if r.MetShare != nil {
				met = fmt.Sprintf("%d of %d (%s)", r.Met, r.Periods, plain.PercentN(*r.MetShare, 0))
			}
			var paid []string
			for _, m := range r.Credits {
				paid = append(paid, plain.Money(m.Amount, m.Currency))
			}
			credits := "none"
			if len(paid) > 0 {
				credits = strings.Join(paid, ", ")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Supplier, assessed, band, met,
				r.Band, credits, strings.ReplaceAll(r.Trend, "_", " "), agreement(s.Agreement))
		}
		tw.Flush()
		for _, s := range rep.Suppliers {
			fmt.Fprintf(w, "\n%s", s.Supplier)
			if s.DisplayName != "" {
				fmt.Fprintf(w, " — %s", s.DisplayName)
			}
			fmt.Fprintf(w, ": %s\n", s.Verdict)
			if s.Latest != nil {
				fmt.Fprintf(w, "  assessment %s (model %s) by %s on %s, %d of %d questions answered\n", s.Latest.Assessment, s.Latest.Model, dash(s.Latest.Assessor), s.Latest.Date, s.Latest.Answered, s.Latest.Questions)
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "  AREA\tWEIGHT\tSCORE (1–5)\tANSWERED")
				for _, a := range s.Latest.Areas {
					fmt.Fprintf(tw, "  %s\t%s\t%s\t%d of %d\n", a.Name, plain.Number(a.Weight), score(a.Score), a.Answered, a.Questions)
				}
				tw.Flush()
			}
			for _, r := range s.Reliability.SLTs {
				span := ""
				if r.Periods > 0 {
					span = fmt.Sprintf(", %s to %s", r.From, r.To)
				}
				fmt.Fprintf(w, "  %s (contract %s): met %d of %d periods%s, trend %s\n", r.SLT, r.Contract, r.Met, r.Periods, span, strings.ReplaceAll(r.Trend, "_", " "))
			}
		}
	})
}

func score(v *float64) string {
	if v == nil {
		return "not answered"
	}
	return plain.Number(*v)
}

func agreement(a string) string {
	switch a {
	case app.AgreeHighPoor:
		return "DISAGREE: high maturity, poor record"
	case app.AgreeLowGood:
		return "DISAGREE: low maturity, good record"
	}
	return strings.ReplaceAll(a, "_", " ")
}

func runSuppliersScope(e *env, args []string) error {
	fs := flag.NewFlagSet("suppliers scope", flag.ContinueOnError)
	q := app.ScopeQuery{}
	fs.StringVar(&q.Supplier, "supplier", "", "the supplier")
	fs.StringVar(&q.Period, "period", "", "the review period (key: "+compliance.KeyFormats+"); default: every batch")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Supplier == "" {
		return usageError("--supplier is required")
	}
	sc, err := e.app.Suppliers.Scope(q)
	if err != nil {
		return flagHint(err, "--period")
	}
	return e.emit(sc, func(w io.Writer) {
		name := sc.Supplier
		if sc.DisplayName != "" {
			name += " — " + sc.DisplayName
		}
		fmt.Fprintf(w, "%s (contact %s %s)\ncontracts: %s\n", name, dash(sc.Contact), sc.Email, list(sc.Contracts))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tFEED\tWHY")
		for _, s := range sc.SLTs {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.SLT, dash(s.Feed), s.Why)
		}
		tw.Flush()
		fmt.Fprintf(w, "feeds: %s; %d batches", list(sc.Feeds), len(sc.Batches))
		if q.Period != "" {
			fmt.Fprintf(w, " with data in %s", q.Period)
		}
		fmt.Fprintf(w, "\nassessments: %s\n", list(sc.Assessments))
		fmt.Fprintf(w, "improvement actions: %d\n", len(sc.Actions))
		for _, a := range sc.Actions {
			due := a.Due
			if a.Overdue {
				due += fmt.Sprintf(" (%d days overdue)", a.DaysOverdue)
			}
			fmt.Fprintf(w, "  %s  %s  [%s]  owner %s, due %s\n", a.ID, a.Title, strings.ReplaceAll(a.Status, "_", " "), dash(a.Owner), dash(due))
		}
		if c := sc.Contingency; c != nil {
			fmt.Fprintf(w, "contingency plan (last tested %s):\n  trigger: %s\n  failover: %s\n  workaround: %s\n", dash(c.LastTested), dash(c.Trigger), dash(c.Failover), dash(c.Workaround))
			for _, k := range c.Contacts {
				fmt.Fprintf(w, "  contact: %s", k.Name)
				for _, x := range []string{k.Role, k.Phone, k.Email} {
					if x != "" {
						fmt.Fprintf(w, ", %s", x)
					}
				}
				fmt.Fprintln(w)
			}
		} else if sc.ContingencyPlan != "" {
			fmt.Fprintf(w, "contingency plan: %s\n", sc.ContingencyPlan)
		} else {
			fmt.Fprintln(w, "no contingency plan: add spec.contingency to the supplier")
		}
	})
}
