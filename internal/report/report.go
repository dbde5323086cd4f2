// Package report is the service review pack as data: what goes into the pack,
// independent of the output format. The lead fills a Pack from the compliance
// and statistics results; internal/export renders it to XLSX and PDF.
//
// The model is small, typed and JSON-serialisable (no interface{} payloads).
// A Block is a tagged union: exactly one of its pointer fields is set; use the
// constructors (NewHeading, NewTable, ...) and Pack.Validate.
//
// Conventions:
//   - Percent values are fractions: 0.9995 means 99.95 %.
//   - Times are shown with the wall clock of their own location; pass them in
//     the workspace time zone.
//   - Missing numbers are NaN in memory and null in JSON (see Float, Null).
//   - Text is plain text; renderers never interpret it (no markup, no formulas).
package report

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Pack is one review pack for one period.
type Pack struct {
	Meta     Meta      `json:"meta"`
	Sections []Section `json:"sections"`
}

// Meta describes the pack as a whole; it is printed on the cover page and in
// the page footer (short fingerprint).
type Meta struct {
	// Title defaults to "Service review pack" when empty.
	Title       string    `json:"title,omitempty"`
	Workspace   string    `json:"workspace"`
	Period      string    `json:"period"`
	GeneratedAt time.Time `json:"generatedAt"`
	// Fingerprint identifies the inputs (computed by the caller, e.g. a hex
	// SHA-256 of the data and definitions). Shown in full on the cover and
	// shortened (ShortFingerprint) in footers.
	Fingerprint string `json:"fingerprint"`
	// Anonymized marks a pack whose names were replaced by the caller; the
	// renderers only label it.
	Anonymized bool `json:"anonymized,omitempty"`
	// Scope is a short machine-readable statement of what the pack covers
	// (e.g. "period=2026-10 services=*"), written beside the fingerprint into
	// the document metadata (PDF keywords, XLSX keywords) and on the cover so
	// that a verifier can recompute the fingerprint. Empty: not written.
	Scope string `json:"scope,omitempty"`
	// Head is the audit chain head the pack was made at, "SEQ:HASH": kept
	// outside the database it anchors the trail (docs/security.md). Printed on
	// the cover and written into the keywords. Empty: not written.
	Head string `json:"head,omitempty"`
}

// Keywords is the document keywords line: "fingerprint <fp>", "head
// <seq:hash>" when there is one, then the scope. Verifiers read them back.
func (m Meta) Keywords() string {
	k := "fingerprint " + m.Fingerprint
	if m.Head != "" {
		k += " head " + m.Head
	}
	if m.Scope != "" {
		k += " " + m.Scope
	}
	return k
}

// DefaultTitle is used when Meta.Title is empty.
const DefaultTitle = "Service review pack"

// DisplayTitle returns Title or DefaultTitle.
func (m Meta) DisplayTitle() string {
	if m.Title == "" {
		return DefaultTitle
	}
	return m.Title
}

// ShortFingerprint returns the first 12 characters of the fingerprint.
func (m Meta) ShortFingerprint() string {
	r := []rune(m.Fingerprint)
	if len(r) > 12 {
		return string(r[:12])
	}
	return m.Fingerprint
}

// Section is a chapter of the pack: a PDF chapter starting on a new page and
// a sheet in the workbook.
type Section struct {
	// ID is a stable identifier (e.g. "slt-checkout-latency"); unique in a pack.
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Blocks []Block `json:"blocks"`
}

// BlockKind names the payload of a Block.
type BlockKind string

// Block kinds.
const (
	KindHeading   BlockKind = "heading"
	KindParagraph BlockKind = "paragraph"
	KindKeyValues BlockKind = "keyValues"
	KindTable     BlockKind = "table"
	KindChart     BlockKind = "chart"
	KindNote      BlockKind = "note"
)

// Block is a tagged union: exactly one field is non-nil.
type Block struct {
	Heading   *Heading   `json:"heading,omitempty"`
	Paragraph *Paragraph `json:"paragraph,omitempty"`
	KeyValues *KeyValues `json:"keyValues,omitempty"`
	Table     *Table     `json:"table,omitempty"`
	Chart     *Chart     `json:"chart,omitempty"`
	Note      *Note      `json:"note,omitempty"`
}

// Kind reports which payload is set ("" when none or more than one).
func (b Block) Kind() BlockKind {
	var k BlockKind
	n := 0
	if b.Heading != nil {
		k, n = KindHeading, n+1
	}
	if b.Paragraph != nil {
		k, n = KindParagraph, n+1
	}
	if b.KeyValues != nil {
		k, n = KindKeyValues, n+1
	}
	if b.Table != nil {
		k, n = KindTable, n+1
	}
	if b.Chart != nil {
		k, n = KindChart, n+1
	}
	if b.Note != nil {
		k, n = KindNote, n+1
	}
	if n != 1 {
		return ""
	}
	return k
}

// Heading is a sub-heading inside a section. Level 1 is the largest; 1..3.
type Heading struct {
	Level int    `json:"level"`
	Text  string `json:"text"`
}

// Paragraph is plain text; "\n" starts a new line.
type Paragraph struct {
	Text string `json:"text"`
}

// KeyValues is a list of label/value facts (e.g. an SLT definition).
type KeyValues struct {
	Title string     `json:"title,omitempty"`
	Items []KeyValue `json:"items"`
}

// KeyValue is one fact.
type KeyValue struct {
	Label string `json:"label"`
	Value Cell   `json:"value"`
}

// Severity of a Note.
type Severity string

// Severities.
const (
	SeverityInfo     Severity = "info"
	SeverityWarning  Severity = "warning"
	SeverityCritical Severity = "critical"
)

// Note is a call-out box.
type Note struct {
	Severity Severity `json:"severity"`
	Title    string   `json:"title,omitempty"`
	Text     string   `json:"text"`
}

// ValueKind says how a value is formatted.
type ValueKind string

// Value kinds. Text and Null hold no number; Date and DateTime hold a time.
const (
	ValueNull     ValueKind = ""
	ValueText     ValueKind = "text"
	ValueNumber   ValueKind = "number"
	ValuePercent  ValueKind = "percent" // fraction: 0.5 = 50 %
	ValueInteger  ValueKind = "integer"
	ValueCurrency ValueKind = "currency"
	ValueDate     ValueKind = "date"
	ValueDateTime ValueKind = "datetime"
)

// IsNumeric reports whether the kind holds a float64.
func (k ValueKind) IsNumeric() bool {
	switch k {
	case ValueNumber, ValuePercent, ValueInteger, ValueCurrency:
		return true
	}
	return false
}

// IsTime reports whether the kind holds a time.
func (k ValueKind) IsTime() bool { return k == ValueDate || k == ValueDateTime }

// Cell is one typed value: text, a number of a numeric kind, a time of a time
// kind, or null (Kind == ValueNull, shown as "—"). Unit follows a number
// ("298 ms"; see Quantity).
type Cell struct {
	Kind   ValueKind  `json:"kind,omitempty"`
	Text   string     `json:"text,omitempty"`
	Number float64    `json:"number,omitempty"`
	Unit   string     `json:"unit,omitempty"`
	Time   *time.Time `json:"time,omitempty"`
}

// IsNull reports whether the cell is empty.
func (c Cell) IsNull() bool { return c.Kind == ValueNull }

// Null is the empty cell.
func Null() Cell { return Cell{} }

// Text is a text cell.
func Text(s string) Cell { return Cell{Kind: ValueText, Text: s} }

// Number is a plain number (NaN and ±Inf give Null).
func Number(f float64) Cell { return num(ValueNumber, f) }

// Quantity is a number in a unit: a statistic such as 298 ms.
func Quantity(f float64, unit string) Cell {
	c := num(ValueNumber, f)
	if !c.IsNull() {
		c.Unit = unit
	}
	return c
}

// Percent is a fraction shown as a percentage (0.9995 → 99.950 %).
func Percent(f float64) Cell { return num(ValuePercent, f) }

// Integer is a whole number.
func Integer(i int64) Cell { return Cell{Kind: ValueInteger, Number: float64(i)} }

// Currency is an amount in the column's currency.
func Currency(f float64) Cell { return num(ValueCurrency, f) }

// Date is a calendar date (time of day ignored). A zero time gives Null.
func Date(t time.Time) Cell { return tm(ValueDate, t) }

// DateTime is a date with time of day. A zero time gives Null.
func DateTime(t time.Time) Cell { return tm(ValueDateTime, t) }

func num(k ValueKind, f float64) Cell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Null()
	}
	return Cell{Kind: k, Number: f}
}

func tm(k ValueKind, t time.Time) Cell {
	if t.IsZero() {
		return Null()
	}
	return Cell{Kind: k, Time: &t}
}

// RAG is a red/amber/green status used to colour a table row.
type RAG string

// RAG statuses; RAGNone leaves the row uncoloured.
const (
	RAGNone  RAG = ""
	RAGGreen RAG = "green"
	RAGAmber RAG = "amber"
	RAGRed   RAG = "red"
)

// Table is a titled grid of typed cells.
type Table struct {
	Title   string   `json:"title,omitempty"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
	// Caption is printed under the table (source, definitions).
	Caption string `json:"caption,omitempty"`
}

// Column describes one table column.
type Column struct {
	Header string    `json:"header"`
	Kind   ValueKind `json:"kind"`
	// Width is a relative width hint in characters; 0 lets the renderer choose.
	Width int `json:"width,omitempty"`
	// Currency is the ISO 4217 code for currency columns (e.g. "EUR").
	Currency string `json:"currency,omitempty"`
}

// Row is one table row; len(Cells) must equal len(Columns).
type Row struct {
	Cells  []Cell `json:"cells"`
	Status RAG    `json:"status,omitempty"`
}

// ChartKind names the payload of a Chart.
type ChartKind string

// Chart kinds.
const (
	ChartControl ChartKind = "control"
	ChartPareto  ChartKind = "pareto"
	ChartLine    ChartKind = "line"
)

// Chart is a figure; exactly the payload matching Kind is set.
type Chart struct {
	Kind   ChartKind `json:"kind"`
	Title  string    `json:"title,omitempty"`
	XLabel string    `json:"xLabel,omitempty"`
	YLabel string    `json:"yLabel,omitempty"`
	// ValueKind formats the y axis (number, percent, integer, currency).
	ValueKind ValueKind     `json:"valueKind,omitempty"`
	Control   *ControlChart `json:"control,omitempty"`
	Pareto    *ParetoChart  `json:"pareto,omitempty"`
	Line      *LineChart    `json:"line,omitempty"`
	// Caption is printed under the chart.
	Caption string `json:"caption,omitempty"`
}

// ControlChart is an SPC chart. Center, LCL and UCL have one value per point
// (so variable limits, e.g. p-charts, work); a missing limit is NaN.
type ControlChart struct {
	Labels []string `json:"labels"`
	Values Floats   `json:"values"`
	Center Floats   `json:"center"`
	LCL    Floats   `json:"lcl"`
	UCL    Floats   `json:"ucl"`
	Flags  []Flag   `json:"flags,omitempty"`
	// Target is the contractual target, NaN/null for none.
	Target Float `json:"target"`
}

// Flag marks a point that broke a run rule.
type Flag struct {
	Index int    `json:"index"`
	Rule  string `json:"rule"`
}

// ParetoChart is a sorted bar chart with a cumulative-percent line.
type ParetoChart struct {
	Categories []string  `json:"categories"`
	Values     []float64 `json:"values"`
	// Cumulative is the cumulative share as a fraction (0..1), one per category.
	Cumulative []float64 `json:"cumulative"`
}

// NewPareto sorts the categories by value (descending, ties by name) and
// computes the cumulative share.
func NewPareto(categories []string, values []float64) *ParetoChart {
	n := min(len(categories), len(values))
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	// insertion sort keeps the code std-only and stable; n is small.
	for i := 1; i < n; i++ {
		for j := i; j > 0; j-- {
			a, b := idx[j-1], idx[j]
			if values[b] > values[a] || (values[b] == values[a] && categories[b] < categories[a]) {
				idx[j-1], idx[j] = b, a
				continue
			}
			break
		}
	}
	p := &ParetoChart{Categories: make([]string, n), Values: make([]float64, n), Cumulative: make([]float64, n)}
	total := 0.0
	for _, i := range idx {
		total += values[i]
	}
	run := 0.0
	for k, i := range idx {
		p.Categories[k] = categories[i]
		p.Values[k] = values[i]
		run += values[i]
		if total > 0 {
			p.Cumulative[k] = run / total
		}
	}
	return p
}

// LineChart is a trend chart: one or more series over shared x labels, with an
// optional fitted trend (same length as Labels) and target.
type LineChart struct {
	Labels []string `json:"labels"`
	Series []Series `json:"series"`
	Trend  Floats   `json:"trend,omitempty"`
	Target Float    `json:"target"`
}

// Series is one named line.
type Series struct {
	Name   string `json:"name"`
	Values Floats `json:"values"`
}

// NewHeading returns a heading block.
func NewHeading(level int, text string) Block {
	return Block{Heading: &Heading{Level: level, Text: text}}
}

// NewParagraph returns a paragraph block.
func NewParagraph(text string) Block { return Block{Paragraph: &Paragraph{Text: text}} }

// NewKeyValues returns a key/values block.
func NewKeyValues(title string, items ...KeyValue) Block {
	return Block{KeyValues: &KeyValues{Title: title, Items: items}}
}

// NewTable returns a table block.
func NewTable(t Table) Block { return Block{Table: &t} }

// NewChart returns a chart block.
func NewChart(c Chart) Block { return Block{Chart: &c} }

// NewNote returns a note block.
func NewNote(sev Severity, title, text string) Block {
	return Block{Note: &Note{Severity: sev, Title: title, Text: text}}
}

// ErrInvalid is wrapped by every Validate error.
var ErrInvalid = errors.New("invalid report")

// Validate checks the structural invariants the renderers rely on.
func (p *Pack) Validate() error {
	if p == nil {
		return fmt.Errorf("%w: nil pack", ErrInvalid)
	}
	ids := map[string]bool{}
	for si, s := range p.Sections {
		where := fmt.Sprintf("section %d (%q)", si, s.ID)
		if s.ID == "" {
			return fmt.Errorf("%w: %s: empty id", ErrInvalid, where)
		}
		if ids[s.ID] {
			return fmt.Errorf("%w: %s: duplicate id", ErrInvalid, where)
		}
		ids[s.ID] = true
		for bi, b := range s.Blocks {
			if err := b.validate(); err != nil {
				return fmt.Errorf("%w: %s block %d: %v", ErrInvalid, where, bi, err)
			}
		}
	}
	return nil
}

func (b Block) validate() error {
	switch b.Kind() {
	case "":
		return errors.New("block must have exactly one payload")
	case KindHeading:
		if b.Heading.Level < 1 || b.Heading.Level > 3 {
			return fmt.Errorf("heading level %d not in 1..3", b.Heading.Level)
		}
	case KindKeyValues:
		for i, kv := range b.KeyValues.Items {
			if err := kv.Value.validate(); err != nil {
				return fmt.Errorf("item %d: %v", i, err)
			}
		}
	case KindTable:
		t := b.Table
		if len(t.Columns) == 0 {
			return errors.New("table without columns")
		}
		for ci, c := range t.Columns {
			if c.Kind == ValueNull {
				return fmt.Errorf("column %d: empty kind", ci)
			}
		}
		for ri, r := range t.Rows {
			if len(r.Cells) != len(t.Columns) {
				return fmt.Errorf("row %d: %d cells for %d columns", ri, len(r.Cells), len(t.Columns))
			}
			switch r.Status {
			case RAGNone, RAGGreen, RAGAmber, RAGRed:
			default:
				return fmt.Errorf("row %d: unknown status %q", ri, r.Status)
			}
			for ci, c := range r.Cells {
				if err := c.validate(); err != nil {
					return fmt.Errorf("row %d cell %d: %v", ri, ci, err)
				}
			}
		}
	case KindChart:
		return b.Chart.validate()
	case KindNote:
		switch b.Note.Severity {
		case SeverityInfo, SeverityWarning, SeverityCritical:
		default:
			return fmt.Errorf("note: unknown severity %q", b.Note.Severity)
		}
	}
	return nil
}

func (c Cell) validate() error {
	switch {
	case c.Kind == ValueNull, c.Kind == ValueText:
	case c.Kind.IsNumeric():
		if math.IsNaN(c.Number) || math.IsInf(c.Number, 0) {
			return errors.New("non-finite number (use Null)")
		}
	case c.Kind.IsTime():
		if c.Time == nil {
			return fmt.Errorf("%s cell without time", c.Kind)
		}
	default:
		return fmt.Errorf("unknown value kind %q", c.Kind)
	}
	return nil
}

func (c *Chart) validate() error {
	switch c.Kind {
	case ChartControl:
		cc := c.Control
		if cc == nil || c.Pareto != nil || c.Line != nil {
			return errors.New("control chart needs exactly the Control payload")
		}
		n := len(cc.Values)
		if len(cc.Labels) != n || len(cc.Center) != n || len(cc.LCL) != n || len(cc.UCL) != n {
			return fmt.Errorf("control chart: labels/values/center/lcl/ucl lengths %d/%d/%d/%d/%d differ",
				len(cc.Labels), n, len(cc.Center), len(cc.LCL), len(cc.UCL))
		}
		for _, f := range cc.Flags {
			if f.Index < 0 || f.Index >= n {
				return fmt.Errorf("control chart: flag index %d out of range", f.Index)
			}
		}
	case ChartPareto:
		pc := c.Pareto
		if pc == nil || c.Control != nil || c.Line != nil {
			return errors.New("pareto chart needs exactly the Pareto payload")
		}
		if len(pc.Values) != len(pc.Categories) || len(pc.Cumulative) != len(pc.Categories) {
			return errors.New("pareto chart: categories/values/cumulative lengths differ")
		}
		for _, v := range append(append([]float64(nil), pc.Values...), pc.Cumulative...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return errors.New("pareto chart: non-finite value")
			}
		}
	case ChartLine:
		lc := c.Line
		if lc == nil || c.Control != nil || c.Pareto != nil {
			return errors.New("line chart needs exactly the Line payload")
		}
		for _, s := range lc.Series {
			if len(s.Values) != len(lc.Labels) {
				return fmt.Errorf("line chart: series %q has %d values for %d labels", s.Name, len(s.Values), len(lc.Labels))
			}
		}
		if len(lc.Trend) != 0 && len(lc.Trend) != len(lc.Labels) {
			return errors.New("line chart: trend length differs from labels")
		}
	default:
		return fmt.Errorf("unknown chart kind %q", c.Kind)
	}
	return nil
}
