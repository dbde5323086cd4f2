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
	tablePadX      = 1.3
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

	tFont, tLineH float64 // the current table's font size and line height
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
	if err := r.setup(); err != nil {
		return err
	}
	f := r.f
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

// setup starts the document: metadata, fonts, margins, page furniture.
func (r *pdfRenderer) setup() error {
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
		out = append(out, r.wrap(para, w)...)
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

// wrap breaks a paragraph into lines at most w wide in the current font, at
// spaces; a word wider than w breaks after a "/", "-" or "_", else after a
// ".", "@" or ":" (file, object and e-mail names), else between two
// characters.
func (r *pdfRenderer) wrap(para string, w float64) []string {
	var out []string
	cur := ""
	for _, word := range strings.Fields(para) {
		cand := word
		if cur != "" {
			cand = cur + " " + word
		}
		if r.f.GetStringWidth(cand) <= w {
			cur = cand
			continue
		}
		if cur != "" {
			out = append(out, cur)
		}
		for r.f.GetStringWidth(word) > w {
			head, tail := r.breakWord(word, w)
			out = append(out, head)
			word = tail
		}
		cur = word
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// breakWord splits a word wider than w into a head that fits and the rest.
func (r *pdfRenderer) breakWord(word string, w float64) (string, string) {
	rs := []rune(word)
	// the longest prefix that fits, at least one character
	lo, hi := 1, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.f.GetStringWidth(string(rs[:mid])) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	k := lo
	// prefer a separator of parts ("/", "-", "_") to one inside a name
	for _, seps := range []string{"/-_", ".@:"} {
		for p := k; p >= max(k/3, 1); p-- {
			if strings.ContainsRune(seps, rs[p-1]) {
				return string(rs[:p]), string(rs[p:])
			}
		}
	}
	return string(rs[:k]), string(rs[k:])
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
	}
	if m.Head != "" {
		facts = append(facts, [2]string{"Audit head", cleanText(m.Head)})
	}
	facts = append(facts, [][2]string{
		{"Anonymised", anon},
		{"Sections", fmt.Sprint(len(r.p.Sections))},
	}...)
	if m.Scope != "" {
		facts = append(facts, [2]string{"Scope", cleanText(m.Scope)})
	}
	labelW := 38.0
	for _, kv := range facts {
		r.font("", 9)
		r.text(colMuted)
		f.SetXY(marginL, y)
		f.CellFormat(labelW, 6, kv[0], "", 0, "L", false, 0, "")
		if kv[0] == "Fingerprint" || kv[0] == "Audit head" {
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
		"the workspace time zone."+headNote(m), "", "L", false)
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

// keepKeyValues is the tallest list of facts kept on one page.
const keepKeyValues = 80.0

func (r *pdfRenderer) keyValues(kv *report.KeyValues) {
	f := r.f
	const labelW, lineH = 52.0, 4.3
	valueW := contentW - labelW
	type item struct {
		label, value []string
		size, h      float64
	}
	items := make([]item, len(kv.Items))
	total := 0.0
	for i, it := range kv.Items {
		r.font("", 8.5)
		ll := r.lines(cleanText(it.Label), labelW-3, 3)
		// a value that is one long word (a hash) gets a smaller font
		// rather than break
		s := cutText(formatValue(it.Value, ""), 2000)
		size := 9.0
		r.font("", size)
		if w := r.longestWord(s); w > valueW {
			size = math.Max(7, math.Floor(size*valueW/w*10)/10)
			r.font("", size)
		}
		vl := r.lines(s, valueW, 8)
		h := float64(max(len(ll), len(vl)))*lineH + 2.6
		items[i] = item{label: ll, value: vl, size: size, h: h}
		total += h
	}
	if kv.Title != "" {
		// keep a short list with its title on one page
		if need := total + 3 + 5 + 1.5; need <= keepKeyValues {
			r.ensure(need)
		}
		r.heading(&report.Heading{Level: 3, Text: kv.Title})
	}
	for i, it := range items {
		r.ensure(it.h)
		y := f.GetY()
		r.font("", 8.5)
		r.text(colMuted)
		for k, ln := range it.label {
			f.SetXY(marginL, y+1.3+float64(k)*lineH)
			f.CellFormat(labelW-3, lineH, ln, "", 0, "L", false, 0, "")
		}
		r.font("", it.size)
		r.text(colText)
		if kv.Items[i].Value.IsNull() {
			r.text(colMuted)
		}
		for k, ln := range it.value {
			f.SetXY(marginL+labelW, y+1.3+float64(k)*lineH)
			f.CellFormat(valueW, lineH, ln, "", 0, "L", false, 0, "")
		}
		r.draw(colRuleSoft)
		f.SetLineWidth(0.15)
		f.Line(marginL, y+it.h, pageW-marginR, y+it.h)
		f.SetY(y + it.h)
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

func headNote(m report.Meta) string {
	if m.Head == "" {
		return ""
	}
	return " The audit head is the audit trail's event and hash when the pack was made: kept apart from " +
		"the database, it shows later whether the trail was rewritten (slate audit verify --anchor)."
}
