package export

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"slate/assets"
	"slate/internal/report"
)

// PDF layout (WritePDF): A4 portrait, millimetres.
//
//   - page 1: cover (title, workspace, period, generated at, full fingerprint);
//   - contents with page numbers and links (also a PDF outline);
//   - one chapter per section, starting on a new page;
//   - every page after the cover has a header (title · workspace, period) and
//     a footer (short fingerprint, "page X of Y").
//
// Page numbers are exact because the document is laid out twice: the first
// pass records where each section starts and how many pages there are, the
// second prints them (the contents are single-line entries, so numbers never
// move the layout). The layout is checked to be stable.
//
// Charts are drawn with fpdf vector primitives (not a gonum/plot PNG): vector
// output stays sharp when auditors zoom, adds a few KB instead of a raster per
// chart, uses the same embedded fonts as the text (so Greek/Cyrillic labels
// render), and stays byte-deterministic. gonum/plot supplies the tick positions.
//
// Determinism: creation/modification dates come from Meta.GeneratedAt (1980-01-01
// when zero), the catalog is sorted, and nothing reads the clock: the same pack
// gives byte-identical output.

const (
	pageW, pageH   = 210.0, 297.0
	marginL        = 18.0
	marginR        = 18.0
	marginT        = 22.0
	marginB        = 20.0
	contentW       = pageW - marginL - marginR
	pageBottom     = pageH - marginB
	fontSans       = "DejaVu"
	fontMono       = "DejaVuMono"
	chartH         = 78.0
	maxCellLines   = 14
	tableFontSize  = 7.8
	tableLineH     = 3.5
	tablePadX      = 1.6
	tablePadY      = 1.3
	bodyFontSize   = 9.5
	bodyLineH      = 4.7
	sectionTitleSz = 17.0
)

type rgb struct{ r, g, b int }

var (
	colText     = rgb{31, 41, 55}
	colMuted    = rgb{107, 114, 128}
	colAccent   = rgb{30, 58, 95}
	colAccent2  = rgb{47, 109, 181}
	colRule     = rgb{209, 213, 219}
	colRuleSoft = rgb{229, 231, 235}
	colZebra    = rgb{246, 248, 250}
	colHeadBg   = rgb{234, 239, 245}
	colWhite    = rgb{255, 255, 255}
	colGreen    = rgb{46, 125, 50}
	colAmber    = rgb{224, 146, 0}
	colRed      = rgb{198, 40, 40}
	colFlag     = rgb{211, 47, 47}
	colTarget   = rgb{123, 31, 162}
	colOrange   = rgb{224, 123, 0}
	ragColour   = map[report.RAG]rgb{report.RAGGreen: colGreen, report.RAGAmber: colAmber, report.RAGRed: colRed}
	noteColours = map[report.Severity][2]rgb{
		report.SeverityInfo:     {{232, 240, 251}, colAccent2},
		report.SeverityWarning:  {{255, 246, 222}, {201, 138, 0}},
		report.SeverityCritical: {{252, 230, 230}, {180, 35, 24}},
	}
	palette = []rgb{{31, 78, 121}, {224, 123, 0}, {46, 125, 50}, {106, 27, 154}, {0, 131, 143}}
)

type pdfLayout struct {
	total    int
	sections []int
	tocPages int
}

func (a pdfLayout) equal(b pdfLayout) bool {
	return a.total == b.total && a.tocPages == b.tocPages && slices.Equal(a.sections, b.sections)
}

type pdfRenderer struct {
	f     *fpdf.Fpdf
	p     *report.Pack
	known pdfLayout // from the previous pass (zero in the first)
	got   pdfLayout
	links []int
}

// WritePDF renders the pack as a PDF document.
func WritePDF(w io.Writer, p *report.Pack) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var known pdfLayout
	for pass := range 4 {
		r := &pdfRenderer{p: p, known: known}
		if err := r.render(); err != nil {
			return fmt.Errorf("%w: pdf: %v", ErrRender, err)
		}
		if pass > 0 && r.got.equal(known) {
			if err := r.f.Output(w); err != nil {
				return fmt.Errorf("%w: pdf: write: %v", ErrRender, err)
			}
			return nil
		}
		known = r.got
	}
	return fmt.Errorf("%w: pdf: page layout did not settle", ErrRender)
}

func pdfDate(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func (r *pdfRenderer) render() error {
	f := fpdf.New("P", "mm", "A4", "")
	r.f = f
	m := r.p.Meta
	f.SetCatalogSort(true)
	f.SetCreationDate(pdfDate(m.GeneratedAt))
	f.SetModificationDate(pdfDate(m.GeneratedAt))
	f.SetTitle(cleanText(m.DisplayTitle()+" — "+m.Period), true)
	f.SetSubject(cleanText(m.Workspace), true)
	f.SetAuthor("Slate", true)
	f.SetCreator("Slate", true)
	f.SetKeywords(cleanText(m.Keywords()), true)
	f.SetLang("en")
	f.SetDisplayMode("fullpage", "OneColumn")
	f.AddUTF8FontFromBytes(fontSans, "", assets.DejaVuSans)
	f.AddUTF8FontFromBytes(fontSans, "B", assets.DejaVuSansBold)
	f.AddUTF8FontFromBytes(fontMono, "", assets.DejaVuSansMono)
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(true, marginB)
	f.SetCellMargin(0)
	f.SetHeaderFuncMode(r.header, true)
	f.SetFooterFunc(r.footer)
	if err := f.Error(); err != nil {
		return err
	}

	r.cover()
	r.contents()
	for i := range r.p.Sections {
		r.section(i)
		if err := f.Error(); err != nil {
			return fmt.Errorf("section %q: %w", r.p.Sections[i].ID, err)
		}
	}
	r.got.total = f.PageCount()
	return f.Error()
}

// ---- primitives ----

func (r *pdfRenderer) text(c rgb) { r.f.SetTextColor(c.r, c.g, c.b) }
func (r *pdfRenderer) fill(c rgb) { r.f.SetFillColor(c.r, c.g, c.b) }
func (r *pdfRenderer) draw(c rgb) { r.f.SetDrawColor(c.r, c.g, c.b) }
func (r *pdfRenderer) font(style string, size float64) {
	r.f.SetFont(fontSans, style, size)
}
func (r *pdfRenderer) solid() { r.f.SetDashPattern([]float64{}, 0) }

func (r *pdfRenderer) hline(y float64, c rgb, w float64) {
	r.draw(c)
	r.f.SetLineWidth(w)
	r.f.Line(marginL, y, pageW-marginR, y)
}

// fit shortens s with "…" so that it is at most w wide in the current font.
func (r *pdfRenderer) fit(s string, w float64) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r.f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.f.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// lines wraps s to width w in the current font, at most limit lines (0 = no
// limit); a cut ends with "…".
func (r *pdfRenderer) lines(s string, w float64, limit int) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, r.f.SplitText(para, w)...)
		if limit > 0 && len(out) > limit {
			break
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
		out[limit-1] = r.fit(out[limit-1]+" …", w)
	}
	return out
}

func (r *pdfRenderer) ensure(h float64) {
	if r.f.GetY()+h > pageBottom {
		r.f.AddPage()
	}
}

func (r *pdfRenderer) gap(h float64) {
	if r.f.GetY()+h <= pageBottom {
		r.f.SetY(r.f.GetY() + h)
	}
}

// ---- page furniture ----

func (r *pdfRenderer) header() {
	f := r.f
	if f.PageNo() <= 1 {
		return
	}
	m := r.p.Meta
	r.font("", 7.5)
	r.text(colMuted)
	left := m.DisplayTitle()
	if m.Workspace != "" {
		left += " · " + cleanText(m.Workspace)
	}
	right := cleanText(m.Period)
	if m.Anonymized {
		right = "ANONYMISED · " + right
	}
	rw := f.GetStringWidth(right)
	f.SetXY(marginL, 11)
	f.CellFormat(contentW-rw-6, 4, r.fit(left, contentW-rw-6), "", 0, "L", false, 0, "")
	f.SetXY(pageW-marginR-rw, 11)
	f.CellFormat(rw, 4, right, "", 0, "R", false, 0, "")
	r.hline(15.5, colRule, 0.2)
}

func (r *pdfRenderer) footer() {
	f := r.f
	if f.PageNo() <= 1 {
		return
	}
	y := pageH - 13
	r.hline(y-1.5, colRule, 0.2)
	r.font("", 7.5)
	r.text(colMuted)
	f.SetXY(marginL, y)
	f.CellFormat(20, 4, "Fingerprint", "", 0, "L", false, 0, "")
	f.SetFont(fontMono, "", 7.5)
	f.SetXY(marginL+16, y)
	f.CellFormat(40, 4, cleanText(r.p.Meta.ShortFingerprint()), "", 0, "L", false, 0, "")
	r.font("", 7.5)
	total := r.known.total
	s := fmt.Sprintf("page %d of %d", f.PageNo(), total)
	f.SetXY(pageW-marginR-50, y)
	f.CellFormat(50, 4, s, "", 0, "R", false, 0, "")
}

func (r *pdfRenderer) cover() {
	f := r.f
	m := r.p.Meta
	f.AddPage()
	f.SetAutoPageBreak(false, 0)
	defer f.SetAutoPageBreak(true, marginB)
	r.fill(colAccent)
	f.Rect(0, 0, pageW, 92, "F")
	r.fill(colAccent2)
	f.Rect(0, 92, pageW, 2.2, "F")

	r.text(rgb{190, 205, 225})
	r.font("B", 9)
	f.SetXY(marginL, 28)
	f.CellFormat(contentW, 5, "SLATE · SERVICE LEVEL TARGETS", "", 1, "L", false, 0, "")
	r.text(colWhite)
	r.font("B", 28)
	f.SetXY(marginL, 40)
	for _, ln := range r.lines(cleanText(m.DisplayTitle()), contentW, 2) {
		f.CellFormat(contentW, 12, ln, "", 1, "L", false, 0, "")
	}
	r.font("", 15)
	f.SetX(marginL)
	f.CellFormat(contentW, 9, r.fit(cleanText(m.Period), contentW), "", 1, "L", false, 0, "")

	y := 110.0
	gen := NullText
	if !m.GeneratedAt.IsZero() {
		gen = m.GeneratedAt.Format("2006-01-02 15:04 (UTC-07:00)")
	}
	anon := "No"
	if m.Anonymized {
		anon = "Yes — names of people, services and suppliers were replaced"
	}
	facts := [][2]string{
		{"Workspace", cleanText(m.Workspace)},
		{"Period", cleanText(m.Period)},
		{"Generated at", gen},
		{"Fingerprint", cleanText(m.Fingerprint)},
		{"Anonymised", anon},
		{"Sections", fmt.Sprint(len(r.p.Sections))},
	}
	if m.Scope != "" {
		facts = append(facts, [2]string{"Scope", cleanText(m.Scope)})
	}
	labelW := 38.0
	for _, kv := range facts {
		r.font("", 9)
		r.text(colMuted)
		f.SetXY(marginL, y)
		f.CellFormat(labelW, 6, kv[0], "", 0, "L", false, 0, "")
		if kv[0] == "Fingerprint" {
			f.SetFont(fontMono, "", 9)
		} else {
			r.font("", 11)
		}
		r.text(colText)
		ls := r.lines(kv[1], contentW-labelW, 3)
		for i, ln := range ls {
			f.SetXY(marginL+labelW, y+float64(i)*5.5)
			f.CellFormat(contentW-labelW, 6, ln, "", 0, "L", false, 0, "")
		}
		y += float64(len(ls))*5.5 + 3.5
		r.draw(colRuleSoft)
		f.SetLineWidth(0.2)
		f.Line(marginL, y-1.8, pageW-marginR, y-1.8)
	}
	r.font("", 8.5)
	r.text(colMuted)
	f.SetXY(marginL, y+8)
	f.MultiCell(contentW, 4.4, "Every figure in this pack was computed by Slate from the workspace data "+
		"identified by the fingerprint above. Re-running the export on the same data gives the same "+
		"fingerprint and the same figures. Percentages are shown with three decimals; times are in "+
		"the workspace time zone.", "", "L", false)
	f.SetXY(marginL, pageH-22)
	r.font("", 7.5)
	f.CellFormat(contentW, 4, "Generated by Slate", "", 0, "L", false, 0, "")
}

func (r *pdfRenderer) contents() {
	f := r.f
	f.AddPage()
	start := f.PageNo()
	f.Bookmark("Contents", 0, -1)
	r.sectionTitle("Contents")
	r.links = make([]int, len(r.p.Sections))
	if len(r.p.Sections) == 0 {
		r.font("", bodyFontSize)
		r.text(colMuted)
		f.CellFormat(contentW, 6, "No sections.", "", 1, "L", false, 0, "")
	}
	const rowH = 7.2
	for i, s := range r.p.Sections {
		r.links[i] = f.AddLink()
		r.ensure(rowH)
		y := f.GetY()
		num := fmt.Sprintf("%d", i+1)
		page := "—"
		if i < len(r.known.sections) {
			page = fmt.Sprint(r.known.sections[i])
		}
		r.font("", 10)
		r.text(colMuted)
		f.SetXY(marginL, y)
		f.CellFormat(10, rowH, num, "", 0, "L", false, 0, "")
		r.text(colText)
		title := r.fit(cleanText(s.Title), contentW-10-22)
		tw := f.GetStringWidth(title)
		f.SetXY(marginL+10, y)
		f.CellFormat(tw, rowH, title, "", 0, "L", false, 0, "")
		// dot leaders
		pw := f.GetStringWidth(page)
		r.text(colRule)
		dots := ""
		dw := f.GetStringWidth(".")
		if room := contentW - 10 - tw - pw - 4; room > 0 && dw > 0 {
			dots = strings.Repeat(".", int(room/dw))
		}
		f.SetXY(marginL+10+tw+2, y)
		f.CellFormat(contentW-10-tw-pw-4, rowH, dots, "", 0, "R", false, 0, "")
		r.text(colText)
		f.SetXY(pageW-marginR-pw, y)
		f.CellFormat(pw, rowH, page, "", 0, "R", false, 0, "")
		f.Link(marginL, y, contentW, rowH, r.links[i])
		f.SetY(y + rowH)
	}
	r.got.tocPages = f.PageNo() - start + 1
}

func (r *pdfRenderer) sectionTitle(title string) {
	f := r.f
	r.font("B", sectionTitleSz)
	r.text(colAccent)
	f.SetX(marginL)
	for _, ln := range r.lines(cleanText(title), contentW, 3) {
		f.CellFormat(contentW, 8, ln, "", 1, "L", false, 0, "")
	}
	y := f.GetY() + 1.5
	r.draw(colAccent2)
	f.SetLineWidth(0.6)
	f.Line(marginL, y, marginL+24, y)
	f.SetY(y + 5)
}

// ---- sections and blocks ----

func (r *pdfRenderer) section(i int) {
	f := r.f
	s := &r.p.Sections[i]
	f.AddPage()
	r.got.sections = append(r.got.sections, f.PageNo())
	f.SetLink(r.links[i], 0, -1)
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = s.ID
	}
	f.Bookmark(cleanText(fmt.Sprintf("%d. %s", i+1, title)), 0, -1)
	r.sectionTitle(fmt.Sprintf("%d. %s", i+1, title))
	for _, b := range s.Blocks {
		switch b.Kind() {
		case report.KindHeading:
			r.heading(b.Heading)
		case report.KindParagraph:
			r.paragraph(b.Paragraph.Text)
		case report.KindKeyValues:
			r.keyValues(b.KeyValues)
		case report.KindNote:
			r.note(b.Note)
		case report.KindTable:
			r.table(b.Table)
		case report.KindChart:
			r.chart(b.Chart)
		}
	}
}

func (r *pdfRenderer) heading(h *report.Heading) {
	size, space := 13.0, 5.0
	switch h.Level {
	case 2:
		size, space = 11.5, 4.0
	case 3:
		size, space = 10.0, 3.0
	}
	r.gap(space)
	// keep the heading with at least 20 mm of what follows
	r.ensure(size*0.5 + 20)
	r.font("B", size)
	r.text(colAccent)
	r.f.SetX(marginL)
	for _, ln := range r.lines(cleanText(h.Text), contentW, 3) {
		r.f.CellFormat(contentW, size*0.5, ln, "", 1, "L", false, 0, "")
	}
	r.f.SetY(r.f.GetY() + 1.5)
}

func (r *pdfRenderer) paragraph(s string) {
	r.font("", bodyFontSize)
	r.text(colText)
	r.ensure(bodyLineH * 2)
	r.f.SetX(marginL)
	r.f.MultiCell(contentW, bodyLineH, cutText(cleanText(s), maxCellChars), "", "L", false)
	r.gap(2.5)
}

func (r *pdfRenderer) keyValues(kv *report.KeyValues) {
	f := r.f
	if kv.Title != "" {
		r.heading(&report.Heading{Level: 3, Text: kv.Title})
	}
	labelW := 52.0
	for _, it := range kv.Items {
		r.font("", 8.5)
		ll := r.lines(cleanText(it.Label), labelW-3, 3)
		r.font("", 9)
		vl := r.lines(cutText(formatValue(it.Value, ""), 2000), contentW-labelW, 8)
		n := max(len(ll), len(vl))
		h := float64(n)*4.3 + 2.6
		r.ensure(h)
		y := f.GetY()
		r.font("", 8.5)
		r.text(colMuted)
		for i, ln := range ll {
			f.SetXY(marginL, y+1.3+float64(i)*4.3)
			f.CellFormat(labelW-3, 4.3, ln, "", 0, "L", false, 0, "")
		}
		r.font("", 9)
		r.text(colText)
		if it.Value.IsNull() {
			r.text(colMuted)
		}
		for i, ln := range vl {
			f.SetXY(marginL+labelW, y+1.3+float64(i)*4.3)
			f.CellFormat(contentW-labelW, 4.3, ln, "", 0, "L", false, 0, "")
		}
		r.draw(colRuleSoft)
		f.SetLineWidth(0.15)
		f.Line(marginL, y+h, pageW-marginR, y+h)
		f.SetY(y + h)
	}
	r.gap(4)
}

func (r *pdfRenderer) note(n *report.Note) {
	f := r.f
	cols, ok := noteColours[n.Severity]
	if !ok {
		cols = noteColours[report.SeverityInfo]
	}
	label := map[report.Severity]string{report.SeverityInfo: "Note", report.SeverityWarning: "Warning", report.SeverityCritical: "Critical"}[n.Severity]
	title := label
	if n.Title != "" {
		title += " — " + cleanText(n.Title)
	}
	innerW := contentW - 9
	r.font("B", 9)
	tl := r.lines(title, innerW, 2)
	r.font("", 9)
	bl := r.lines(cutText(cleanText(n.Text), 4000), innerW, 40)
	h := float64(len(tl))*4.5 + float64(len(bl))*4.4 + 5
	r.gap(1)
	r.ensure(h)
	y := f.GetY()
	r.fill(cols[0])
	f.Rect(marginL, y, contentW, h, "F")
	r.fill(cols[1])
	f.Rect(marginL, y, 1.3, h, "F")
	yy := y + 2.5
	r.font("B", 9)
	r.text(cols[1])
	for _, ln := range tl {
		f.SetXY(marginL+5, yy)
		f.CellFormat(innerW, 4.5, ln, "", 0, "L", false, 0, "")
		yy += 4.5
	}
	r.font("", 9)
	r.text(colText)
	for _, ln := range bl {
		f.SetXY(marginL+5, yy)
		f.CellFormat(innerW, 4.4, ln, "", 0, "L", false, 0, "")
		yy += 4.4
	}
	f.SetY(y + h)
	r.gap(4)
}

// ---- tables ----

type pdfCol struct {
	w     float64
	align string
	col   report.Column
	chip  bool // status chip column
}

func (r *pdfRenderer) tableColumns(t *report.Table) []pdfCol {
	f := r.f
	hasStatus := false
	for _, row := range t.Rows {
		if row.Status != report.RAGNone {
			hasStatus = true
			break
		}
	}
	var cols []pdfCol
	avail := contentW
	if hasStatus {
		cols = append(cols, pdfCol{w: 5, chip: true})
		avail -= 5
	}
	nat := make([]float64, len(t.Columns))
	minW := make([]float64, len(t.Columns))
	flexible := make([]bool, len(t.Columns))
	for ci, c := range t.Columns {
		// headers wrap at spaces: only their longest word must fit
		r.font("B", tableFontSize)
		hw := 0.0
		for w := range strings.FieldsSeq(cleanText(c.Header)) {
			hw = math.Max(hw, f.GetStringWidth(w))
		}
		r.font("", tableFontSize)
		dw := 0.0
		if c.Width > 0 {
			dw = float64(c.Width) * 1.6
		} else {
			for i, row := range t.Rows {
				if i >= 300 {
					break
				}
				dw = math.Max(dw, f.GetStringWidth(formatValue(row.Cells[ci], c.Currency)))
			}
		}
		flexible[ci] = c.Kind == report.ValueText
		if flexible[ci] {
			dw = math.Min(dw, 70)
		}
		nat[ci] = math.Max(hw, dw) + 2*tablePadX
		minW[ci] = math.Max(hw+2*tablePadX, 14)
	}
	widths := slices.Clone(nat)
	fixed, flex := 0.0, 0.0
	for i, w := range nat {
		if flexible[i] {
			flex += w
		} else {
			fixed += w
		}
	}
	// text columns take what the fixed (number, date) columns leave, in
	// proportion to their natural width, never below their minimum
	if flex > 0 {
		room := avail - fixed
		for i := range widths {
			if flexible[i] {
				widths[i] = math.Max(nat[i]*room/flex, minW[i])
			}
		}
	}
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if sum > 0 && (sum > avail || flex == 0) {
		for i := range widths {
			widths[i] *= avail / sum
		}
	}
	for ci, c := range t.Columns {
		align := "L"
		if c.Kind.IsNumeric() {
			align = "R"
		}
		cols = append(cols, pdfCol{w: widths[ci], align: align, col: c})
	}
	return cols
}

func (r *pdfRenderer) tableHeader(cols []pdfCol, title string, cont bool) {
	f := r.f
	if title != "" {
		r.font("B", 9.5)
		r.text(colAccent)
		if cont {
			title += " (continued)"
		}
		f.SetX(marginL)
		f.CellFormat(contentW, 6, r.fit(cleanText(title), contentW), "", 1, "L", false, 0, "")
	}
	r.font("B", tableFontSize)
	var cells [][]string
	n := 1
	for _, c := range cols {
		ls := []string{""}
		if !c.chip {
			ls = r.lines(cleanText(c.col.Header), c.w-2*tablePadX, 3)
		}
		cells = append(cells, ls)
		n = max(n, len(ls))
	}
	h := float64(n)*tableLineH + 2*tablePadY
	y := f.GetY()
	r.fill(colHeadBg)
	f.Rect(marginL, y, contentW, h, "F")
	r.text(colText)
	x := marginL
	for i, c := range cols {
		for k, ln := range cells[i] {
			// bottom-align header labels
			off := float64(n-len(cells[i])) * tableLineH
			f.SetXY(x+tablePadX, y+tablePadY+off+float64(k)*tableLineH)
			f.CellFormat(c.w-2*tablePadX, tableLineH, ln, "", 0, c.align, false, 0, "")
		}
		x += c.w
	}
	r.draw(colMuted)
	f.SetLineWidth(0.3)
	f.Line(marginL, y+h, pageW-marginR, y+h)
	f.SetY(y + h)
}

func (r *pdfRenderer) table(t *report.Table) {
	f := r.f
	cols := r.tableColumns(t)
	r.gap(1.5)
	// keep the title, header and the first rows together
	r.ensure(6 + 2*tableLineH + 2*tablePadY + 3*(tableLineH+2*tablePadY))
	r.tableHeader(cols, t.Title, false)
	r.font("", tableFontSize)
	// an empty table's caption says why it is empty; without one, say so here
	if len(t.Rows) == 0 && t.Caption == "" {
		r.text(colMuted)
		f.SetX(marginL)
		f.CellFormat(contentW, 6, "No rows.", "", 1, "L", false, 0, "")
	}
	for ri, row := range t.Rows {
		r.font("", tableFontSize)
		texts := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			if c.chip {
				texts[i] = nil
				continue
			}
			v := row.Cells[i-boolInt(cols[0].chip)]
			s := formatValue(v, c.col.Currency)
			if v.Kind == report.ValueText {
				texts[i] = r.lines(cutText(s, 4000), c.w-2*tablePadX, maxCellLines)
			} else {
				texts[i] = []string{s}
			}
			n = max(n, len(texts[i]))
		}
		h := float64(n)*tableLineH + 2*tablePadY
		if f.GetY()+h > pageBottom {
			f.AddPage()
			r.tableHeader(cols, t.Title, true)
			r.font("", tableFontSize)
		}
		y := f.GetY()
		if ri%2 == 1 {
			r.fill(colZebra)
			f.Rect(marginL, y, contentW, h, "F")
		}
		x := marginL
		for i, c := range cols {
			if c.chip {
				if col, ok := ragColour[row.Status]; ok {
					r.fill(col)
					f.Circle(x+c.w/2, y+tablePadY+tableLineH/2, 1.25, "F")
				}
				x += c.w
				continue
			}
			v := row.Cells[i-boolInt(cols[0].chip)]
			r.text(colText)
			if v.IsNull() {
				r.text(colMuted)
			}
			for k, ln := range texts[i] {
				f.SetXY(x+tablePadX, y+tablePadY+float64(k)*tableLineH)
				f.CellFormat(c.w-2*tablePadX, tableLineH, ln, "", 0, c.align, false, 0, "")
			}
			x += c.w
		}
		r.draw(colRuleSoft)
		f.SetLineWidth(0.12)
		f.Line(marginL, y+h, pageW-marginR, y+h)
		f.SetY(y + h)
	}
	if t.Caption != "" {
		r.caption(t.Caption)
	}
	r.gap(5)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (r *pdfRenderer) caption(s string) {
	f := r.f
	r.font("", 7.5)
	r.text(colMuted)
	ls := r.lines(cutText(cleanText(s), 2000), contentW, 10)
	r.ensure(float64(len(ls))*3.6 + 1.5)
	f.SetY(f.GetY() + 1.5)
	for _, ln := range ls {
		f.SetX(marginL)
		f.CellFormat(contentW, 3.6, ln, "", 1, "L", false, 0, "")
	}
}
