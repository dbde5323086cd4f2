package pack

import (
	"fmt"
	"slices"
	"strings"

	"slate/internal/domain"
	"slate/internal/report"
)

// ---- credits ----

func tiersText(c *domain.ContractSpec) (string, string) {
	var cr, in []string
	for _, t := range c.CreditTiers {
		cr = append(cr, fmt.Sprintf("below %s%% → %s%%", trimFloat(t.Below*100), trimFloat(t.Credit)))
	}
	if c.Cap > 0 {
		cr = append(cr, fmt.Sprintf("cap %s%%", trimFloat(c.Cap)))
	}
	for _, t := range c.EarnBack {
		in = append(in, fmt.Sprintf("from %s%% → %s%%", trimFloat(t.Above*100), trimFloat(t.Incentive)))
	}
	if c.IncentiveCap > 0 {
		in = append(in, fmt.Sprintf("cap %s%%", trimFloat(c.IncentiveCap)))
	}
	return strings.Join(cr, "; "), strings.Join(in, "; ")
}

func (pb *builder) credits() report.Section {
	sec := report.Section{ID: "credits", Title: "Supplier credits and incentives"}
	names := map[string]bool{}
	for _, s := range pb.slts {
		names[s.Name()] = true
	}
	ct := report.Table{Title: "Contracts", Columns: []report.Column{
		{Header: "Contract", Kind: report.ValueText}, {Header: "Supplier", Kind: report.ValueText}, {Header: "SLT", Kind: report.ValueText},
		{Header: "Charge per period", Kind: report.ValueCurrency}, {Header: "Currency", Kind: report.ValueText},
		{Header: "Service credits", Kind: report.ValueText}, {Header: "Earn-back", Kind: report.ValueText},
	}}
	for _, c := range pb.ws.Contracts() {
		if !names[c.Spec.SLT] {
			continue
		}
		cr, in := tiersText(&c.Spec)
		sup := c.Spec.Supplier
		if s := pb.ws.Supplier(sup); s != nil && s.Metadata.DisplayName != "" {
			sup = s.Metadata.DisplayName
		}
		ct.Rows = append(ct.Rows, report.Row{Cells: []report.Cell{report.Text(c.Name()), report.Text(sup), report.Text(c.Spec.SLT),
			report.Currency(c.Spec.ChargePerPeriod), textOr(c.Spec.Currency, ""), textOr(cr, "none"), textOr(in, "none")}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ct))
	t := report.Table{Title: "Credits and incentives in " + pb.period, Columns: []report.Column{
		{Header: "Contract", Kind: report.ValueText}, {Header: "Supplier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Attainment", Kind: report.ValuePercent}, {Header: "Met", Kind: report.ValueText},
		{Header: "Credit %", Kind: report.ValueNumber}, {Header: "Credit", Kind: report.ValueCurrency},
		{Header: "Incentive %", Kind: report.ValueNumber}, {Header: "Incentive", Kind: report.ValueCurrency},
		{Header: "Currency", Kind: report.ValueText},
	}, Caption: "Credit % is the credit of the lowest tier above the attainment, capped; incentives apply only when the SLT was met. Amounts = percent × the period charge."}
	for _, c := range pb.rep.Credits {
		rag := report.RAGGreen
		if c.CreditPercent != nil && *c.CreditPercent > 0 {
			rag = report.RAGRed
		} else if c.Met == nil {
			rag = report.RAGNone
		}
		sup := c.Supplier
		if s := pb.ws.Supplier(sup); s != nil && s.Metadata.DisplayName != "" {
			sup = s.Metadata.DisplayName
		}
		period := c.Period
		if !c.Complete {
			period += " (running)"
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(c.Contract), report.Text(sup), report.Text(period),
			optPercent(c.Attainment), metText(c.Met), optNumber(c.CreditPercent), optCurrency(c.CreditAmount),
			optNumber(c.IncentivePercent), optCurrency(c.IncentiveAmount), textOr(c.Currency, "")}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No contract applies to the SLTs of this pack in the period."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t), report.NewTable(pb.supplierTable()))
	return sec
}

// supplierContact is "name, email" (either may be missing).
func supplierContact(su *domain.Supplier) string {
	var parts []string
	for _, s := range []string{su.Spec.Contact, su.Spec.Email} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// supplierTable lists the suppliers the pack's SLTs depend on (through a feed
// or a contract) with their contacts and contingency plans.
func (pb *builder) supplierTable() report.Table {
	t := report.Table{Title: "Supplier contacts", Columns: []report.Column{
		{Header: "Supplier", Kind: report.ValueText}, {Header: "Contact", Kind: report.ValueText},
		{Header: "Email", Kind: report.ValueText}, {Header: "SLTs", Kind: report.ValueText},
		{Header: "Contingency plan", Kind: report.ValueText}, {Header: "Maturity (0–5)", Kind: report.ValueNumber},
	}, Caption: "The suppliers whose data or contract an SLT of this pack depends on. Maturity: the latest maturity-assessment score, 0 to 5."}
	slts := map[string][]string{}
	add := func(sup, slt string) {
		if sup != "" && !slices.Contains(slts[sup], slt) {
			slts[sup] = append(slts[sup], slt)
		}
	}
	for _, s := range pb.slts {
		for feed := range FeedsOf(pb.ws, []*domain.SLT{s}) {
			if f := pb.ws.Feed(feed); f != nil {
				add(f.Spec.Supplier, s.Name())
			}
		}
	}
	names := map[string]bool{}
	for _, s := range pb.slts {
		names[s.Name()] = true
	}
	for _, c := range pb.ws.Contracts() {
		if names[c.Spec.SLT] {
			add(c.Spec.Supplier, c.Spec.SLT)
		}
	}
	for _, name := range sortedKeys(slts) {
		su := pb.ws.Supplier(name)
		if su == nil {
			continue
		}
		display := name
		if su.Metadata.DisplayName != "" {
			display = su.Metadata.DisplayName
		}
		list := slts[name]
		slices.Sort(list)
		maturity := report.Null()
		if su.Spec.Maturity != nil {
			maturity = report.Number(*su.Spec.Maturity)
		}
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(display), textOr(su.Spec.Contact, ""),
			textOr(su.Spec.Email, ""), report.Text(strings.Join(list, ", ")), textOr(su.Spec.ContingencyPlan, ""), maturity}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No SLT of this pack depends on a supplier."
	}
	return t
}
