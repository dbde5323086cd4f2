package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
	"slate/internal/storage/pointblock"
)

// A CSV file in UTF-8 whose rows come in time order is kept as its points
// and the few lines they do not render (storage/lines.go, ingest.LineFormat)
// instead of a compressed copy: no second copy of the numbers, and no
// compression on the import's critical path. The writer checks every stored
// point against the line it came from; a line that does not come out the same,
// byte for byte, is kept as it was. When the file turns out not to suit (out
// of time order, too many odd lines, a format that renders too few), the
// import falls back to the compressed copy, started then.

// keepLinesBudget bounds the lines kept as read; past it the file is compressed instead.
const keepLinesBudget = 4 << 20

// learnLines is how many rows the line format is learnt from.
const learnLines = 256

// lineKeeper follows an import's records on the writer goroutine.
type lineKeeper struct {
	on      bool
	delim   byte
	columns map[string]int
	loc     *time.Location
	layout  string
	head    []byte // the text before the first data row (byte-order mark included)
	tail    []byte
	format  *ingest.LineFormat
	lines   []storage.SourceLine
	kept    int
	covered int64 // bytes of the file accounted for
	size    int64
	lastAt  time.Time
	lastRow uint32
	buf     []byte
}

// newLineKeeper returns a keeper when the file may be kept as lines.
func newLineKeeper(o *opened, v *ingest.Validator, size int64) *lineKeeper {
	if o.format != "csv" || o.table.Head == nil || (o.encoding != ingest.EncUTF8 && o.encoding != ingest.EncUTF8BOM) || len(o.delimiterByte) != 1 {
		return nil
	}
	k := &lineKeeper{on: true, delim: o.delimiterByte[0], columns: v.Columns(), loc: v.Location(), layout: v.TimeLayout(), size: size}
	if o.encoding == ingest.EncUTF8BOM {
		k.head = []byte{0xef, 0xbb, 0xbf}
	}
	k.head = append(k.head, o.table.Head...)
	return k
}

// rawRecord is a record of a chunk: its row and where its text is in the arena.
type rawRecord struct {
	row        uint32
	start, end int
}

// off gives up on keeping lines.
func (k *lineKeeper) off() {
	k.on = false
	k.lines, k.format, k.head, k.tail = nil, nil, nil, nil
}

// chunk checks a written chunk: every record's text against its stored
// point (skipped rows were not stored). It reports false when the file
// must be compressed instead.
func (k *lineKeeper) chunk(c *chunk, skipped map[uint32]bool) bool {
	if !k.on {
		return false
	}
	pts := c.pts // sorted by (time, row) by the writer
	if !c.disordered {
		// Read in time order, so the rows ascend too: only the chunk's
		// start can be out of order (before the last chunk's end). This
		// spares a pass over the points.
		if len(pts) > 0 {
			if pts[0].P.At.Before(k.lastAt) {
				k.off() // rows out of time order
				return false
			}
			k.lastAt = pts[len(pts)-1].P.At
		}
	} else {
		for j := range pts {
			if p := &pts[j]; p.P.At.Before(k.lastAt) || j > 0 && p.Row <= pts[j-1].Row {
				k.off() // rows out of time order
				return false
			}
			k.lastAt = pts[j].P.At
		}
	}
	if k.format == nil {
		var samples []ingest.LineSample
		j := 0
		for _, r := range c.raws {
			if len(samples) == learnLines {
				break
			}
			for j < len(pts) && pts[j].Row < r.row {
				j++
			}
			if j < len(pts) && pts[j].Row == r.row && !skipped[r.row] {
				samples = append(samples, ingest.LineSample{Raw: c.rawArena[r.start:r.end], Point: pts[j].P})
			}
		}
		f, ok := ingest.LearnLineFormat(samples, k.delim, k.columns, k.loc, k.layout)
		if !ok {
			k.off() // no line format renders the rows
			return false
		}
		k.format = f
	}
	j := 0
	for _, r := range c.raws {
		raw := c.rawArena[r.start:r.end]
		k.covered += int64(len(raw))
		if r.row <= k.lastRow && k.lastRow != 0 {
			k.off() // records out of order
			return false
		}
		k.lastRow = r.row
		for j < len(pts) && pts[j].Row < r.row {
			j++
		}
		if j < len(pts) && pts[j].Row == r.row && !skipped[r.row] {
			p := &pts[j].P
			if !pointblock.IsCanonical(p) {
				q := *p
				pointblock.Canonical(&q) // the point as the file will be rendered from
				p = &q
			}
			if k.buf = k.format.Append(k.buf[:0], p); bytes.Equal(k.buf, raw) {
				continue
			}
		}
		k.lines = append(k.lines, storage.SourceLine{Row: r.row, Raw: bytes.Clone(raw)})
		if k.kept += len(raw); k.kept > keepLinesBudget {
			k.off() // too many lines the format does not render
			return false
		}
	}
	return true
}

// finish hands the kept lines to the batch when they account for the whole file.
func (k *lineKeeper) finish(w *storage.BatchWriter) error {
	if !k.on {
		return nil
	}
	if int64(len(k.head))+k.covered+int64(len(k.tail)) != k.size {
		k.off() // the records do not account for the whole file
		return nil
	}
	if k.format == nil {
		k.format = &ingest.LineFormat{Delim: k.delim, EOL: "\n"} // no data rows: every line kept
	}
	f, err := json.Marshal(k.format)
	if err != nil {
		return err
	}
	w.KeepLines(f, k.head, k.tail, k.lines)
	return nil
}

// startHash computes the file's SHA-256 on another goroutine.
func (r *importRun) startHash(path string) {
	r.hashDone = make(chan error, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			r.hashDone <- err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			r.hashDone <- err
			return
		}
		r.sha = hex.EncodeToString(h.Sum(nil))
		r.hashDone <- nil
	}()
}

// writeLines renders a batch's file from its kept lines and points.
func writeLines(tx *storage.Tx, id uint64, w io.Writer) (int64, error) {
	var f ingest.LineFormat
	var tail []byte
	var n int64
	var buf []byte
	write := func(b []byte) error {
		m, err := w.Write(b)
		n += int64(m)
		return err
	}
	err := tx.BatchLines(id, func(format, head, t []byte) error {
		if err := json.Unmarshal(format, &f); err != nil {
			return fmt.Errorf("batch %d: its line format is unreadable: %w", id, err)
		}
		if err := f.Prepare(); err != nil {
			return err
		}
		tail = t
		return write(head)
	}, func(row uint32, p *domain.Point, raw []byte) error {
		if raw != nil {
			return write(raw)
		}
		buf = f.Append(buf[:0], p)
		return write(buf)
	})
	if err != nil {
		return n, err
	}
	return n, write(tail)
}
