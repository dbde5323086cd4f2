package export

import (
	"math"
	"slices"
	"strings"

	"slate/internal/report"
)

// ---- tables ----

// Table font limits: a table whose columns cannot fit at tableFontSize is set
// in a smaller font, down to minTableFont.
const (
	minTableFont  = 6.0
	maxWordW      = 40.0 // a text column is at least its longest word, up to this (mm)...
	looseWordW    = 70.0 // ...or up to this when the table still fits
	maxNaturalW   = 70.0 // a text column's natural width is at most this (mm)
	widthHintMM   = 1.6  // mm per character of a Column.Width hint
	chipW         = 5.0
	headerMaxLine = 4
)

type pdfCol struct {
	w     float64
	align string
	col   report.Column
	chip  bool    // status chip column
	minW  float64 // hard minimum at the table's font size (longest header word, widest number)
}

// colMeasure holds what a column's width depends on, measured at
// tableFontSize without padding.
type colMeasure struct {
	head  float64 // longest header word (bold)
	head2 float64 // header set on at most two lines
	word  float64 // longest word of a text value; widest value otherwise
	full  float64 // longest line of a value
	limit float64 // cap of a text column's natural width (mm)
	text  bool
}

// widths returns the hard minimum and natural width (with padding) of the
// column when the table font is tableFontSize×k. The hard minimum is the
// longest header word and, for numbers and dates (which never wrap), the
// widest value; for text the longest word, at most wordCap.
func (m colMeasure) widths(k, wordCap float64) (hard, nat float64) {
	const pad = 2 * tablePadX
	const slack = 0.2 // rounding in the line breaker
	if m.text {
		hard = math.Max(m.head*k, math.Min(m.word*k, wordCap))
		nat = math.Max(math.Max(m.head2*k, hard), math.Min(m.full*k, m.limit))
	} else {
		hard = math.Max(m.head, m.word) * k
		nat = math.Max(m.head2*k, hard)
	}
	return hard + slack + pad, nat + slack + pad
}

// headerWidth2 is the narrowest width that sets the header on at most two
// lines (breaking at spaces) in the current font.
func (r *pdfRenderer) headerWidth2(h string) float64 {
	words := strings.Fields(h)
	if len(words) == 0 {
		return 0
	}
	best := r.f.GetStringWidth(strings.Join(words, " "))
	for i := 1; i < len(words); i++ {
		a := r.f.GetStringWidth(strings.Join(words[:i], " "))
		b := r.f.GetStringWidth(strings.Join(words[i:], " "))
		best = math.Min(best, math.Max(a, b))
	}
	return best
}

func (r *pdfRenderer) longestWord(s string) float64 {
	w := 0.0
	for word := range strings.FieldsSeq(s) {
		w = math.Max(w, r.f.GetStringWidth(word))
	}
	return w
}

func (r *pdfRenderer) measureColumns(t *report.Table) []colMeasure {
	f := r.f
	ms := make([]colMeasure, len(t.Columns))
	for ci, c := range t.Columns {
		m := &ms[ci]
		head := cleanText(c.Header)
		r.font("B", tableFontSize)
		m.head, m.head2 = r.longestWord(head), r.headerWidth2(head)
		r.font("", tableFontSize)
		m.text = !c.Kind.IsNumeric() && !c.Kind.IsTime()
		m.limit = maxNaturalW
		if c.Width > 0 {
			m.limit = float64(c.Width) * widthHintMM
		}
		for i, row := range t.Rows {
			if i >= 2000 {
				break
			}
			v := row.Cells[ci]
			s := formatValue(v, c.Currency)
			if v.Kind == report.ValueText {
				for line := range strings.SplitSeq(cutText(s, 4000), "\n") {
					m.full = math.Max(m.full, f.GetStringWidth(line))
				}
				m.word = math.Max(m.word, r.longestWord(s))
				continue
			}
			// numbers, dates and nulls never wrap
			w := f.GetStringWidth(s)
			m.full, m.word = math.Max(m.full, w), math.Max(m.word, w)
		}
	}
	return ms
}

// tableColumns lays out the columns of t across the content width and sets
// the table's font size (r.tFont, r.tLineH). Natural widths are used when
// they fit (text columns take the room left). Otherwise the columns start at
// their hard minimum and share the room where it saves the most lines
// (balance): long texts give way, words, numbers and dates stay whole. If
// the hard minimums do not fit, the table gets the largest smaller font at
// which they do (not below minTableFont), and only then are all columns
// scaled down, breaking words.
func (r *pdfRenderer) tableColumns(t *report.Table) []pdfCol {
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
		cols = append(cols, pdfCol{w: chipW, chip: true})
		avail -= chipW
	}
	ms := r.measureColumns(t)
	n := len(ms)
	nat := make([]float64, n)
	hard := make([]float64, n)
	sumNat, sumHard := 0.0, 0.0
	size := tableFontSize
	measure := func(size, wordCap float64) bool {
		sumNat, sumHard = 0, 0
		for i, m := range ms {
			hard[i], nat[i] = m.widths(size/tableFontSize, wordCap)
			sumNat += nat[i]
			sumHard += hard[i]
		}
		return sumHard <= avail
	}
	// long words (e-mail addresses, file names) stay whole when the table
	// fits anyway; otherwise words over maxWordW may break. Sizes in tenths
	// of a point, so that they are exact.
	if !measure(size, looseWordW) {
		for tenth := int(math.Round(tableFontSize * 10)); tenth >= int(math.Round(minTableFont*10)); tenth-- {
			if size = float64(tenth) / 10; measure(size, maxWordW) {
				break
			}
		}
	}
	r.tFont, r.tLineH = size, tableLineH*size/tableFontSize
	widths := slices.Clone(nat)
	isText := func(i int) bool { return ms[i].text }
	switch {
	case sumNat <= avail:
		grow(widths, avail-sumNat, isText)
	case sumHard <= avail:
		copy(widths, hard)
		r.balance(t, widths, nat, avail-sumHard)
	default:
		// last resort, even at minTableFont: every column narrower than
		// its longest word
		for i := range widths {
			widths[i] = hard[i] * avail / sumHard
		}
	}
	for ci, c := range t.Columns {
		align := "L"
		if c.Kind.IsNumeric() {
			align = "R"
		}
		cols = append(cols, pdfCol{w: widths[ci], align: align, col: c, minW: hard[ci]})
	}
	return cols
}

// balance widens columns from their hard minimum into room: each time the
// column and amount that save the most lines per millimetre (a table is as
// tall as its header's lines plus each row's tallest cell), then what is left
// in proportion to what each column lacks of its natural width. Text columns,
// whose lines count in every row, so get the room before headers.
func (r *pdfRenderer) balance(t *report.Table, widths, nat []float64, room float64) {
	const pad = 2 * tablePadX
	rows := t.Rows[:min(len(t.Rows), 300)]
	n := len(widths)
	heads := make([]string, n)
	texts := make([][]string, n) // nil for columns without text
	for ci, c := range t.Columns {
		heads[ci] = cleanText(c.Header)
		for ri, row := range rows {
			if v := row.Cells[ci]; v.Kind == report.ValueText {
				if texts[ci] == nil {
					texts[ci] = make([]string, len(rows))
				}
				texts[ci][ri] = cutText(formatValue(v, ""), 4000)
			}
		}
	}
	count := func(ci int, w float64) (int, []int) {
		r.font("B", r.tFont)
		head := len(r.lines(heads[ci], w-pad, headerMaxLine))
		if texts[ci] == nil {
			return head, nil
		}
		r.font("", r.tFont)
		cells := make([]int, len(rows))
		for ri, s := range texts[ci] {
			cells[ri] = len(r.lines(s, w-pad, maxCellLines))
		}
		return head, cells
	}
	head := make([]int, n)
	cells := make([][]int, n)
	for ci := range n {
		head[ci], cells[ci] = count(ci, widths[ci])
	}
	// total is the height in lines with column ci counted as h, cs, times
	// 16, plus every cell's lines: the height first, then fewer wrapped
	// cells (a name on one line even when its row is taller anyway)
	total := func(ci, h int, cs []int) int {
		hmax, all := h, h
		for k := range n {
			if k != ci {
				hmax = max(hmax, head[k])
				all += head[k]
			}
		}
		sum := hmax
		for ri := range rows {
			m := 1
			if cs != nil {
				m = cs[ri]
				all += cs[ri]
			}
			for k := range n {
				if k != ci && cells[k] != nil {
					m = max(m, cells[k][ri])
					all += cells[k][ri]
				}
			}
			sum += m
		}
		return 16*sum + all
	}
	for room > 0.3 {
		now := total(-1, 0, nil)
		best, bestD, bestScore := -1, 0.0, 0.0
		var bestHead int
		var bestCells []int
		for ci := range n {
			lack := nat[ci] - widths[ci]
			if lack <= 0.05 {
				continue
			}
			for _, d := range []float64{1, 2, 4, 8, 16, 32, 64} {
				d = math.Min(d, math.Min(lack, room))
				h, cs := count(ci, widths[ci]+d)
				if score := float64(now-total(ci, h, cs)) / d; score > bestScore+1e-9 {
					best, bestD, bestScore, bestHead, bestCells = ci, d, score, h, cs
				}
				if d >= math.Min(lack, room) {
					break
				}
			}
		}
		if best < 0 {
			break
		}
		widths[best] += bestD
		head[best], cells[best] = bestHead, bestCells
		room -= bestD
	}
	lack := 0.0
	for i := range widths {
		lack += math.Max(nat[i]-widths[i], 0)
	}
	if lack > 0 {
		k := math.Min(1, room/lack)
		for i := range widths {
			widths[i] += math.Max(nat[i]-widths[i], 0) * k
		}
		room -= lack * k
	}
	grow(widths, room, func(int) bool { return true })
}

// grow spreads extra width over the columns selected by sel in proportion to
// their width, or over every column when none is selected.
func grow(widths []float64, extra float64, sel func(int) bool) {
	if extra <= 0 || len(widths) == 0 {
		return
	}
	total := 0.0
	for i, w := range widths {
		if sel(i) {
			total += w
		}
	}
	if total == 0 {
		sel = func(int) bool { return true }
		for _, w := range widths {
			total += w
		}
	}
	if total == 0 {
		return
	}
	for i, w := range widths {
		if sel(i) {
			widths[i] += extra * w / total
		}
	}
}

func (r *pdfRenderer) headerCells(cols []pdfCol) [][]string {
	r.font("B", r.tFont)
	cells := make([][]string, len(cols))
	for i, c := range cols {
		cells[i] = []string{""}
		if !c.chip {
			cells[i] = r.lines(cleanText(c.col.Header), c.w-2*tablePadX, headerMaxLine)
		}
	}
	return cells
}

func (r *pdfRenderer) headerRowHeight(cols []pdfCol) float64 {
	n := 1
	for _, ls := range r.headerCells(cols) {
		n = max(n, len(ls))
	}
	return float64(n)*r.tLineH + 2*tablePadY
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
	cells := r.headerCells(cols)
	n := 1
	for _, ls := range cells {
		n = max(n, len(ls))
	}
	h := float64(n)*r.tLineH + 2*tablePadY
	y := f.GetY()
	r.fill(colHeadBg)
	f.Rect(marginL, y, contentW, h, "F")
	r.text(colText)
	r.font("B", r.tFont)
	x := marginL
	for i, c := range cols {
		for k, ln := range cells[i] {
			// bottom-align header labels
			off := float64(n-len(cells[i])) * r.tLineH
			f.SetXY(x+tablePadX, y+tablePadY+off+float64(k)*r.tLineH)
			f.CellFormat(c.w-2*tablePadX, r.tLineH, ln, "", 0, c.align, false, 0, "")
		}
		x += c.w
	}
	r.draw(colMuted)
	f.SetLineWidth(0.3)
	f.Line(marginL, y+h, pageW-marginR, y+h)
	f.SetY(y + h)
}

// tableCells wraps the cells of a row; text wraps at spaces, other values
// stay on one line unless the column is too narrow even for them.
func (r *pdfRenderer) tableCells(cols []pdfCol, row report.Row) ([][]string, float64) {
	r.font("", r.tFont)
	texts := make([][]string, len(cols))
	n := 1
	for i, c := range cols {
		if c.chip {
			continue
		}
		v := row.Cells[i-boolInt(cols[0].chip)]
		s := formatValue(v, c.col.Currency)
		w := c.w - 2*tablePadX
		if v.Kind == report.ValueText || r.f.GetStringWidth(s) > w+0.01 {
			texts[i] = r.lines(cutText(s, 4000), w, maxCellLines)
		} else {
			texts[i] = []string{s}
		}
		n = max(n, len(texts[i]))
	}
	return texts, float64(n)*r.tLineH + 2*tablePadY
}

// keepTable is the tallest table kept on one page when it fits on a fresh one.
const keepTable = 85.0

func (r *pdfRenderer) table(t *report.Table) {
	f := r.f
	if len(t.Rows) == 0 {
		r.emptyTable(t)
		return
	}
	cols := r.tableColumns(t)
	texts := make([][][]string, len(t.Rows))
	heights := make([]float64, len(t.Rows))
	body := 0.0
	for ri, row := range t.Rows {
		texts[ri], heights[ri] = r.tableCells(cols, row)
		body += heights[ri]
	}
	headH := r.headerRowHeight(cols)
	if t.Title != "" {
		headH += 6
	}
	capH := r.captionHeight(t.Caption)
	r.gap(1.5)
	// keep a short table on one page; a long one starts with its title,
	// header and first rows together
	if total := headH + body + capH; total <= keepTable {
		r.ensure(total)
	} else {
		first := 0.0
		for i := range min(3, len(heights)) {
			first += heights[i]
		}
		r.ensure(headH + first)
	}
	r.tableHeader(cols, t.Title, false)
	onPage := 0
	for ri, row := range t.Rows {
		need := heights[ri]
		// never leave the last row alone on a page: the last two rows and
		// the caption go together when they fit on a page
		if tail := len(t.Rows) - ri; tail <= 2 {
			rest := capH
			for _, h := range heights[ri:] {
				rest += h
			}
			if rest < (pageBottom-marginT)/2 {
				need = rest
			}
		}
		if f.GetY()+need > pageBottom && (onPage > 0 || f.GetY()+heights[ri] > pageBottom) {
			f.AddPage()
			r.tableHeader(cols, t.Title, true)
			onPage = 0
		}
		r.font("", r.tFont)
		h := heights[ri]
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
					f.Circle(x+c.w/2, y+tablePadY+r.tLineH/2, 1.25*r.tFont/tableFontSize, "F")
				}
				x += c.w
				continue
			}
			v := row.Cells[i-boolInt(cols[0].chip)]
			r.text(colText)
			if v.IsNull() {
				r.text(colMuted)
			}
			for k, ln := range texts[ri][i] {
				f.SetXY(x+tablePadX, y+tablePadY+float64(k)*r.tLineH)
				f.CellFormat(c.w-2*tablePadX, r.tLineH, ln, "", 0, c.align, false, 0, "")
			}
			x += c.w
		}
		r.draw(colRuleSoft)
		f.SetLineWidth(0.12)
		f.Line(marginL, y+h, pageW-marginR, y+h)
		f.SetY(y + h)
		onPage++
	}
	if t.Caption != "" {
		r.caption(t.Caption)
	}
	r.gap(5)
}

// emptyTable prints a table without rows as its title and its caption (which
// says why it is empty), or "No rows.": a header over nothing says nothing.
func (r *pdfRenderer) emptyTable(t *report.Table) {
	f := r.f
	msg := t.Caption
	if msg == "" {
		msg = "No rows."
	}
	r.gap(1.5)
	r.ensure(6 + r.captionHeight(msg))
	if t.Title != "" {
		r.font("B", 9.5)
		r.text(colAccent)
		f.SetX(marginL)
		f.CellFormat(contentW, 6, r.fit(cleanText(t.Title), contentW), "", 1, "L", false, 0, "")
	}
	r.hline(f.GetY()+0.3, colRuleSoft, 0.3)
	r.caption(msg)
	r.gap(5)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const captionLineH = 3.6

func (r *pdfRenderer) captionLines(s string) []string {
	r.font("", 7.5)
	return r.lines(cutText(cleanText(s), 2000), contentW, 10)
}

func (r *pdfRenderer) captionHeight(s string) float64 {
	if s == "" {
		return 0
	}
	return float64(len(r.captionLines(s)))*captionLineH + 1.5
}

func (r *pdfRenderer) caption(s string) {
	f := r.f
	ls := r.captionLines(s)
	r.text(colMuted)
	r.ensure(float64(len(ls))*captionLineH + 1.5)
	f.SetY(f.GetY() + 1.5)
	for _, ln := range ls {
		f.SetX(marginL)
		f.CellFormat(contentW, captionLineH, ln, "", 1, "L", false, 0, "")
	}
}

// headNote explains the audit head on the cover, when there is one.
