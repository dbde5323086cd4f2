package pack

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"slate/internal/domain"
	"slate/internal/report"
)

// Pseudonyms replaces people, supplier and service names with stable
// pseudonyms ("Service A", "Supplier B", "Person 3"). Each kind is numbered
// in the sorted order of the real names of the whole workspace (not only
// the pack's), so the same workspace gives the same pseudonyms in every pack.
type Pseudonyms struct {
	exact    map[string]string // lower-cased whole text → pseudonym
	sweep    *regexp.Regexp    // names replaced wherever they occur
	sweepMap map[string]string // lower-cased match → pseudonym
	services map[string]string // pseudonym → real service name
}

func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// NewPseudonyms numbers the services, suppliers and people of the
// workspace; people are the owners and contacts its definitions name, and
// others (the people exception, breach and audit records name).
func NewPseudonyms(ws *domain.Workspace, others ...string) *Pseudonyms {
	ps := &Pseudonyms{exact: map[string]string{}, sweepMap: map[string]string{}, services: map[string]string{}}
	var sweepTerms []string
	add := func(term, pseudo string, sweep bool) {
		term = strings.TrimSpace(term)
		if term == "" {
			return
		}
		key := strings.ToLower(term)
		if _, ok := ps.exact[key]; !ok {
			ps.exact[key] = pseudo
		}
		if sweep && utf8.RuneCountInString(term) >= 3 {
			if _, ok := ps.sweepMap[key]; !ok {
				ps.sweepMap[key] = pseudo
				sweepTerms = append(sweepTerms, term)
			}
		}
	}
	services := ws.Services()
	slices.SortFunc(services, func(a, b *domain.Service) int { return strings.Compare(a.Name(), b.Name()) })
	for i, s := range services {
		p := "Service " + letters(i)
		ps.services[p] = s.Name()
		add(s.Name(), p, true)
		add(s.Metadata.DisplayName, p, true)
	}
	suppliers := ws.Suppliers()
	slices.SortFunc(suppliers, func(a, b *domain.Supplier) int { return strings.Compare(a.Name(), b.Name()) })
	for i, s := range suppliers {
		p := "Supplier " + letters(i)
		add(s.Name(), p, true)
		add(s.Metadata.DisplayName, p, true)
		// "CloudHost GmbH" is also written "CloudHost"
		if f := strings.Fields(s.Metadata.DisplayName); len(f) > 1 && utf8.RuneCountInString(f[0]) >= 5 {
			add(f[0], p, true)
		}
	}
	people := map[string]bool{}
	person := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			people[s] = true
		}
	}
	for _, s := range ws.Services() {
		person(s.Spec.Owner)
	}
	for _, s := range ws.Suppliers() {
		person(s.Spec.Contact)
		person(s.Spec.Email)
	}
	for _, f := range ws.Feeds() {
		person(f.Spec.Owner)
	}
	for _, s := range ws.SLTs() {
		person(s.Spec.Owner)
		for _, e := range s.Spec.Escalation {
			person(e.Contact)
		}
	}
	for _, o := range others {
		person(o)
	}
	names := make([]string, 0, len(people))
	for n := range people {
		names = append(names, n)
	}
	slices.Sort(names)
	for i, n := range names {
		// short names ("ops", "root") are replaced only where they are the
		// whole text (a table cell); longer ones wherever they occur
		add(n, "Person "+strconv.Itoa(i+1), utf8.RuneCountInString(n) >= 5)
	}
	slices.SortFunc(sweepTerms, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	if len(sweepTerms) > 0 {
		q := make([]string, len(sweepTerms))
		for i, t := range sweepTerms {
			q[i] = regexp.QuoteMeta(t)
		}
		ps.sweep = regexp.MustCompile(`(?i)(?:` + strings.Join(q, "|") + `)`)
	}
	return ps
}

// Service maps a pseudonym back to the real service name.
func (ps *Pseudonyms) Service(pseudo string) (string, bool) {
	s, ok := ps.services[pseudo]
	return s, ok
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Text anonymises one text.
func (ps *Pseudonyms) Text(s string) string {
	if s == "" {
		return s
	}
	if p, ok := ps.exact[strings.ToLower(strings.TrimSpace(s))]; ok {
		return p
	}
	if ps.sweep == nil {
		return s
	}
	idx := ps.sweep.FindAllStringIndex(s, -1)
	if idx == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		// only whole words: "ops" in "operations" stays
		if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[0] > 0 && isWordRune(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[m[1]:]); m[1] < len(s) && isWordRune(r) {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(ps.sweepMap[strings.ToLower(s[m[0]:m[1]])])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// Apply anonymises every text of the pack.
func (ps *Pseudonyms) Apply(p *report.Pack) {
	t := ps.Text
	p.Meta.Anonymized = true
	p.Meta.Workspace = t(p.Meta.Workspace)
	p.Meta.Title = t(p.Meta.Title)
	cell := func(c *report.Cell) {
		if c.Kind == report.ValueText {
			c.Text = t(c.Text)
		}
	}
	for si := range p.Sections {
		s := &p.Sections[si]
		s.Title = t(s.Title)
		for _, b := range s.Blocks {
			switch {
			case b.Heading != nil:
				b.Heading.Text = t(b.Heading.Text)
			case b.Paragraph != nil:
				b.Paragraph.Text = t(b.Paragraph.Text)
			case b.Note != nil:
				b.Note.Title, b.Note.Text = t(b.Note.Title), t(b.Note.Text)
			case b.KeyValues != nil:
				b.KeyValues.Title = t(b.KeyValues.Title)
				for i := range b.KeyValues.Items {
					it := &b.KeyValues.Items[i]
					it.Label = t(it.Label)
					cell(&it.Value)
				}
			case b.Table != nil:
				tb := b.Table
				tb.Title, tb.Caption = t(tb.Title), t(tb.Caption)
				for i := range tb.Columns {
					tb.Columns[i].Header = t(tb.Columns[i].Header)
				}
				for _, r := range tb.Rows {
					for i := range r.Cells {
						cell(&r.Cells[i])
					}
				}
			case b.Chart != nil:
				c := b.Chart
				c.Title, c.XLabel, c.YLabel, c.Caption = t(c.Title), t(c.XLabel), t(c.YLabel), t(c.Caption)
				if c.Control != nil {
					for i := range c.Control.Labels {
						c.Control.Labels[i] = t(c.Control.Labels[i])
					}
					for i := range c.Control.Flags {
						c.Control.Flags[i].Rule = t(c.Control.Flags[i].Rule)
					}
				}
				if c.Pareto != nil {
					for i := range c.Pareto.Categories {
						c.Pareto.Categories[i] = t(c.Pareto.Categories[i])
					}
				}
				if c.Line != nil {
					for i := range c.Line.Labels {
						c.Line.Labels[i] = t(c.Line.Labels[i])
					}
					for i := range c.Line.Series {
						c.Line.Series[i].Name = t(c.Line.Series[i].Name)
					}
				}
			}
		}
	}
}
