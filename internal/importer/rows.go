package importer

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// importRun is the state of one import. Rows are read and validated on the
// calling goroutine; a writer goroutine stores them chunk by chunk.
type importRun struct {
	ctx   context.Context
	store *storage.Store
	req   Request
	path  string // the file being read
	res   *Result
	w     *storage.BatchWriter
	v     *ingest.Validator
	shape string
	// mu guards res's finding and reject tallies and the queues, which both
	// goroutines feed; the writer hands the queues to the batch at each flush.
	mu    sync.Mutex
	qFind [][]byte
	qRej  []queuedReject
	// storedConflicts counts rows conflicting with stored data (writer only).
	storedConflicts int
	priors          []ingest.Prior
	cur             *chunk // the chunk being written (writer only)
	srcErr          chan error
	chunks          chan []byte
	counter         *countingReader
	// sha is the file's SHA-256, set by startHash before hashDone.
	sha      string
	hashDone chan error
	// keep keeps the file as lines (imports_lines.go); nil: compressed.
	// It runs on the checker goroutine while the import runs; compressNow
	// tells the writer it gave up. tail is the text after the last record
	// (the reader's).
	keep        *lineKeeper
	compressNow atomic.Bool
	// follow sees each written chunk on the checker goroutine (after keep).
	follow Follower
	tail   []byte
	// gap detection while reading, valid when the file came in time order
	// and did not overlap stored data (else gaps() scans the batch).
	gap      ingest.GapDetector
	gapFound []ingest.Finding
	gapScan  bool
}

type queuedReject struct {
	row uint32
	b   []byte
}

// chunk is a batch of rows on their way to storage. arena holds the raw cells
// of its rows, so a row rejected at write time (duplicate, conflict) can
// still be reported with its cells.
type chunk struct {
	pts     []storage.PendingPoint
	arena   []byte
	offsets []rowSpan
	next    int
	// every record's text in file order, when the file may be kept as lines,
	// and the rows the writer did not store
	raws     []rawRecord
	rawArena []byte
	skipped  map[uint32]bool
	// disordered: a point's time is before the one read before it (pts is
	// then not in (time, row) order and the writer sorts it).
	disordered bool
	// strs: a point slot (taken or not) may hold strings, which reset drops
	// for the garbage collector; slots of a time-and-value file never do,
	// and the next fill overwrites every slot it uses.
	strs bool
}

type rowSpan struct {
	row        uint32
	start, end int
}

func (c *chunk) reset() {
	if c.strs {
		clear(c.pts[:cap(c.pts)])
	}
	c.disordered, c.strs = false, false
	c.pts, c.arena, c.offsets, c.next = c.pts[:0], c.arena[:0], c.offsets[:0], 0
	c.raws, c.rawArena = c.raws[:0], c.rawArena[:0]
	clear(c.skipped)
}

// keepRaw remembers a record's text.
func (c *chunk) keepRaw(row int, raw []byte) {
	s := len(c.rawArena)
	c.rawArena = append(c.rawArena, raw...)
	c.raws = append(c.raws, rawRecord{uint32(row), s, len(c.rawArena)})
}

// keep remembers a row's cells (unit separator between cells).
func (c *chunk) keep(row int, cells []string) {
	s := len(c.arena)
	for i, v := range cells {
		if i > 0 {
			c.arena = append(c.arena, 0x1f)
		}
		c.arena = append(c.arena, v...)
	}
	c.offsets = append(c.offsets, rowSpan{uint32(row), s, len(c.arena)})
}

// cells finds a kept row; rows are asked in increasing order within a flush
// (the writer sorts by time, so fall back to a search).
func (c *chunk) cells(row uint32) []string {
	i, ok := slices.BinarySearchFunc(c.offsets, row, func(s rowSpan, r uint32) int { return cmp.Compare(s.row, r) })
	if !ok {
		return []string{}
	}
	sp := c.offsets[i]
	return strings.Split(string(c.arena[sp.start:sp.end]), "\x1f")
}

func (r *importRun) finding(f ingest.Finding) {
	b, _ := json.Marshal(f)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.FindingCounts[f.Kind]++
	r.res.Severities[f.Severity]++
	if f.Severity == ingest.SevWarning {
		r.res.Counts.Warnings++
	}
	if len(r.res.Findings) < FindingsLimit {
		r.res.Findings = append(r.res.Findings, f)
	} else {
		r.res.FindingsTruncated = true
	}
	r.qFind = append(r.qFind, b)
}

func (r *importRun) reject(row int, cells []string, fs []ingest.Finding) {
	rr := ingest.RejectedRow{Row: row, Cells: cells, Findings: fs}
	if rr.Cells == nil {
		rr.Cells = []string{}
	}
	b, _ := json.Marshal(rr)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Counts.Rejected++
	r.qRej = append(r.qRej, queuedReject{uint32(row), b})
}

// handOver moves the queued findings and rejects to the batch writer.
func (r *importRun) handOver() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, b := range r.qFind {
		r.w.AddFinding(b)
	}
	for _, q := range r.qRej {
		r.w.AddReject(q.row, q.b)
	}
	clear(r.qFind)
	clear(r.qRej)
	r.qFind, r.qRej = r.qFind[:0], r.qRej[:0]
}

// cancelCheckRows: the reader looks for a cancelled import every this many rows (a power of two).
const cancelCheckRows = 1024

// FlushRows is how many rows go into one staging transaction (a cancel or
// an error leaves at most that many to discard per chunk in flight).
const FlushRows = 32768

// write stores one chunk (writer goroutine).
func (r *importRun) write(c *chunk) error {
	r.drainSource(false)
	r.handOver()
	if r.compressNow.Load() && r.chunks == nil {
		r.startSource(r.path) // the line check gave up: compress the file after all
	}
	r.cur = c
	var err error
	if c.disordered {
		err = r.w.FlushPoints(c.pts, r.resolve)
	} else {
		err = r.w.FlushInOrder(c.pts, r.resolve)
	}
	r.cur = nil
	if err == nil && r.req.Progress != nil {
		if r.counter != nil {
			r.req.Progress(r.counter.pos(), r.res.Size)
		} else {
			r.req.Progress(int64(r.w.Written()), 0)
		}
	}
	return err
}

func (r *importRun) resolve(p *domain.Point, row uint32, priors []storage.Prior) storage.Resolution {
	if len(priors) == 0 {
		return storage.Write
	}
	if r.follow != nil {
		r.follow.Lost()
	}
	r.priors = r.priors[:0]
	for _, pr := range priors {
		r.priors = append(r.priors, ingest.Prior{Point: pr.Point, Row: int(pr.Row), Own: pr.Own})
	}
	rel, q := ingest.Classify(r.shape, p, r.priors)
	where := func() string {
		if q.Own {
			return fmt.Sprintf("row %d of this file", q.Row)
		}
		return fmt.Sprintf("batch %d (row %d of its file)", q.Point.Batch, q.Row)
	}
	f := ingest.Finding{Row: int(row), Column: r.res.Mapping.Time, Raw: p.At.Format(time.RFC3339)}
	if r.shape == domain.ShapeItem {
		f.Column, f.Raw = r.res.Mapping.Item, p.ItemID
	}
	switch rel {
	case ingest.RelNew:
		return storage.Write
	case ingest.RelUpdate:
		return storage.Replace
	case ingest.RelDuplicate:
		f.Kind, f.Severity = ingest.KindDuplicate, ingest.SevError
		if q.Own {
			f.Message = fmt.Sprintf("the same as %s; the copy was not imported — delete the repeated row", where())
		} else {
			f.Message = fmt.Sprintf("already imported in %s with the same value; not imported again — nothing to do", where())
		}
	case ingest.RelConflict:
		f.Kind = ingest.KindConflict
		was, now := ingest.Describe(r.shape, &q.Point), ingest.Describe(r.shape, p)
		switch {
		case q.Own:
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s has the same key with another value (%s, here %s); this later row was not imported — keep the right one", where(), was, now)
		case r.req.OnConflict == ConflictReplace:
			f.Severity = ingest.SevWarning
			f.Message = fmt.Sprintf("replaces %s stored by %s (reverting this batch restores it)", was, where())
			r.finding(f)
			return storage.Replace
		case r.req.OnConflict == ConflictKeep:
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s already holds %s for this key (here %s); the stored value was kept — choose on conflict replace to take this file's value", where(), was, now)
		default:
			r.storedConflicts++
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s already holds %s for this key (here %s); the import is refused — choose on conflict keep or replace", where(), was, now)
		}
	}
	r.finding(f)
	var cells []string
	if r.cur != nil {
		cells = r.cur.cells(row)
	}
	r.reject(int(row), cells, []ingest.Finding{f})
	if r.cur != nil && r.keep != nil {
		r.cur.skipped[row] = true
	}
	return storage.Skip
}

func (r *importRun) rows(o *opened) error {
	r.counter = o.counter
	if !r.req.DryRun {
		r.follow = r.req.Follow
		r.startHash(r.path)
		if r.keep = newLineKeeper(o, r.v, r.res.Size); r.keep == nil {
			r.startSource(r.path)
		}
		defer func() {
			// Never leave the compressor blocked.
			if r.chunks != nil {
				for range r.chunks {
				}
			}
		}()
	}
	// Chunks go round: the reader fills one, the writer stores one, and
	// (keeping lines) a checker compares one with its stored points while
	// the writer waits for its commit to reach the disk; a follower sees
	// it beside the checker. A chunk goes back once both are done with it.
	work := make(chan *chunk, 1)
	var after []func(*chunk)
	if r.keep != nil {
		after = append(after, func(c *chunk) {
			if r.keep.on && !r.keep.chunk(c, c.skipped) {
				r.compressNow.Store(true)
			}
		})
	}
	if r.follow != nil {
		after = append(after, func(c *chunk) { r.follow.Points(c.pts) })
	}
	pool := 2 + min(len(after), 1) // the lanes share the chunk they check
	free := make(chan *chunk, pool)
	for range pool {
		free <- &chunk{pts: make([]storage.PendingPoint, 0, FlushRows), skipped: map[uint32]bool{}}
	}
	done := make(chan error, 1)
	var failed atomic.Bool
	lanes := make([]sync.WaitGroup, len(after)) // one chunk at a time per lane, in file order
	go func() {
		var err error
		for c := range work {
			if err == nil {
				if err = r.write(c); err != nil {
					failed.Store(true)
				}
			}
			if err == nil && len(after) > 0 {
				left := atomic.Int32{}
				left.Store(int32(len(after)))
				for i, fn := range after {
					lanes[i].Wait()
					lanes[i].Go(func() {
						fn(c)
						if left.Add(-1) == 0 {
							c.reset()
							free <- c
						}
					})
				}
				continue
			}
			c.reset()
			free <- c
		}
		for i := range lanes {
			lanes[i].Wait()
		}
		done <- err
	}()
	err := r.read(o, work, free, &failed)
	close(work)
	if werr := <-done; werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	if r.keep != nil {
		if r.keep.on {
			r.keep.tail = r.tail
		}
		if err := r.keep.finish(r.w); err != nil {
			return err
		}
		if !r.keep.on && r.chunks == nil {
			r.startSource(r.path)
		}
	}
	if err := r.drainSource(true); err != nil {
		return err
	}
	if r.hashDone != nil {
		if err := <-r.hashDone; err != nil {
			return fmt.Errorf("reading the file for its SHA-256: %w", err)
		}
	}
	r.handOver()
	if err := r.w.Flush(nil); err != nil {
		return err
	}
	if r.req.Progress != nil {
		r.req.Progress(r.res.Size, r.res.Size)
	}
	return nil
}

// read validates every row into chunks for the writer.
func (r *importRun) read(o *opened, work chan<- *chunk, free <-chan *chunk, failed *atomic.Bool) error {
	c := &r.res.Counts
	cur := <-free
	// Only rows at or before the latest time seen (in storage or earlier in
	// the file) can be duplicates or conflicts; keep the raw cells of those.
	var latest time.Time
	r.store.View(func(tx *storage.Tx) error { latest = tx.FeedEnd(r.req.Feed.Name()); return nil })
	fileStart := latest
	r.gap = ingest.GapDetector{Interval: r.v.Interval()}
	for n := 1; ; n++ {
		if n&(cancelCheckRows-1) == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		cells, row, err := o.table.Next()
		if r.keep != nil {
			if errors.Is(err, io.EOF) {
				r.tail = bytes.Clone(o.table.Raw())
			} else if raw := o.table.Raw(); err == nil || raw != nil {
				cur.keepRaw(row, raw)
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			var mr *ingest.MalformedRowError
			if errors.As(err, &mr) {
				c.Read++
				fd := ingest.Finding{Kind: ingest.KindMalformedRow, Severity: ingest.SevError, Row: mr.Row,
					Message: mr.Err.Error() + "; the row was not imported — fix the quoting (a field containing the delimiter or a quote must be wrapped in \"...\", with inner quotes doubled)"}
				r.finding(fd)
				r.reject(mr.Row, nil, []ingest.Finding{fd})
				continue
			}
			return err
		}
		c.Read++
		// The row is validated straight into the chunk's next slot, kept
		// when it is accepted (saves copying each point).
		n := len(cur.pts)
		if n == cap(cur.pts) {
			cur.pts = slices.Grow(cur.pts, 1)
		}
		cur.pts = cur.pts[:n+1]
		p := &cur.pts[n].P
		out, fs := r.v.Row(cells, row, p)
		if p.ItemID != "" || p.Priority != "" || p.CI != "" {
			cur.strs = true
		}
		cur.pts = cur.pts[:n]
		for _, fd := range fs {
			r.finding(fd)
		}
		switch out {
		case ingest.Empty:
			c.Empty++
		case ingest.Reject:
			r.reject(row, ingest.CloneCells(cells), slices.Clone(fs))
		default:
			if r.shape == domain.ShapeItem || !p.At.After(latest) {
				if n > 0 && p.At.Before(cur.pts[n-1].P.At) {
					cur.disordered = true
				}
				cur.keep(row, cells)
				if !p.At.Equal(latest) || latest.Equal(fileStart) {
					// Out of order, or overlapping stored data: scan for gaps later.
					r.gapScan = true
				}
			} else {
				// After latest, which no point read so far is after: in order.
				latest = p.At
				if f := r.gap.Next(p.At, row, true); f != nil && len(r.gapFound) <= FlushRows {
					r.gapFound = append(r.gapFound, *f)
				}
			}
			cur.pts = cur.pts[:n+1]
			cur.pts[n].Row = uint32(row)
		}
		if len(cur.pts) >= FlushRows {
			if failed.Load() {
				return nil // the writer's error is reported
			}
			work <- cur
			cur = <-free
		}
	}
	for _, fd := range r.v.Finish() {
		r.finding(fd)
	}
	work <- cur
	return nil
}

// gaps reports missing intervals by walking the batch's range in time order
// (its own points together with published ones).
func (r *importRun) gaps(interval time.Duration) error {
	if interval <= 0 || r.shape == domain.ShapeItem {
		return nil
	}
	from, to, ok := r.w.Range()
	if !ok {
		return nil
	}
	if !r.gapScan {
		for _, f := range r.gapFound {
			f.Column = r.res.Mapping.Time
			r.finding(f)
		}
		if len(r.gapFound) > FlushRows {
			r.finding(ingest.Finding{Kind: ingest.KindMissingInterval, Severity: ingest.SevWarning,
				Message: fmt.Sprintf("more than %d gaps; the rest are not listed — is the feed's interval (%s) right?", FlushRows, domain.Duration(interval))})
		}
		return nil
	}
	g := ingest.GapDetector{Interval: interval}
	var found []ingest.Finding
	err := r.w.ScanStaged(from, to, func(p *domain.Point, row uint32, own bool) error {
		rw := 0
		if own {
			rw = int(row)
		}
		if f := g.Next(p.At, rw, own); f != nil {
			f.Column = r.res.Mapping.Time
			found = append(found, *f)
			if len(found) >= FlushRows {
				return errTooManyGaps
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errTooManyGaps) {
		return err
	}
	for _, f := range found {
		r.finding(f)
	}
	if errors.Is(err, errTooManyGaps) {
		r.finding(ingest.Finding{Kind: ingest.KindMissingInterval, Severity: ingest.SevWarning,
			Message: fmt.Sprintf("more than %d gaps; the rest are not listed — is the feed's interval (%s) right?", FlushRows, domain.Duration(interval))})
	}
	return nil
}

var errTooManyGaps = errors.New("too many gaps")
