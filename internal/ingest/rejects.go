package ingest

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/cellsafe"
)

// RejectsInfo names the batch a rejects report is for.
type RejectsInfo struct {
	Batch  uint64
	Feed   string
	File   string
	Header []string
}

func rejectHeader(info RejectsInfo) []string {
	h := make([]string, 0, len(info.Header)+5)
	for _, c := range info.Header {
		h = append(h, cellsafe.Text(c))
	}
	return append(h, "source_row", "problem", "column", "value", "fix")
}

func rejectLine(info RejectsInfo, r RejectedRow) []string {
	out := make([]string, len(info.Header), len(info.Header)+5)
	for i := range out {
		if i < len(r.Cells) {
			out[i] = cellsafe.Text(r.Cells[i])
		}
	}
	var kinds, cols, vals, fixes []string
	for _, f := range r.Findings {
		kinds = append(kinds, f.Kind)
		if f.Column != "" {
			cols = append(cols, f.Column)
		}
		if f.Raw != "" {
			vals = append(vals, f.Raw)
		}
		fixes = append(fixes, f.Message)
	}
	return append(out, strconv.Itoa(r.Row), strings.Join(kinds, "; "), cellsafe.Text(strings.Join(cols, "; ")),
		cellsafe.Text(strings.Join(vals, "; ")), cellsafe.Text(strings.Join(fixes, " | ")))
}

// WriteRejectsCSV writes the rejected rows as CSV: the original columns (so the
// fixed rows can be sent again), then the source row, problems and the fix.
func WriteRejectsCSV(w io.Writer, info RejectsInfo, rows iter.Seq[RejectedRow]) error {
	cw := csv.NewWriter(w)
	cw.Write(rejectHeader(info))
	for r := range rows {
		if err := cw.Write(rejectLine(info, r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRejectsXLSX writes the rejected rows as a workbook (streamed): a Rejects
// sheet like WriteRejectsCSV, and an About sheet naming the batch.
func WriteRejectsXLSX(w io.Writer, info RejectsInfo, rows iter.Seq[RejectedRow]) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Rejects"); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter("Rejects")
	if err != nil {
		return err
	}
	head := rejectHeader(info)
	sw.SetColWidth(1, len(head), 18)
	sw.SetColWidth(len(head), len(head), 80)
	row := 1
	vals := make([]any, len(head))
	for i, s := range head {
		vals[i] = s
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	for r := range rows {
		row++
		line := rejectLine(info, r)
		vals := make([]any, len(line))
		for i, s := range line {
			vals[i] = s
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	about := "About"
	x.NewSheet(about)
	for i, l := range [][]string{
		{"Rejected rows of batch", strconv.FormatUint(info.Batch, 10)},
		{"Feed", cellsafe.Text(info.Feed)},
		{"File", cellsafe.Text(info.File)},
		{"Rows", strconv.Itoa(row - 1)},
		{"Generated", time.Now().UTC().Format(time.RFC3339)},
		{"How to use", "Fix each row as the fix column says, delete the last five columns, and send the rows again as a new file."},
	} {
		x.SetCellStr(about, fmt.Sprintf("A%d", i+1), l[0])
		x.SetCellStr(about, fmt.Sprintf("B%d", i+1), l[1])
	}
	return x.Write(w)
}
