package supply

import (
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// DataFile is one feed's part of a supplier's shared data set: the feed's
// published rows of the review period, in the feed's own layout (sheet,
// columns, time and number conventions, as its template), so the supplier
// can check every row the numbers come from and import the file as it is.
type DataFile struct {
	Supplier string `json:"supplier"`
	Feed     string `json:"feed"`
	Name     string `json:"name"`
	Period   string `json:"period"`
	// From and To bound the period as the feed's SLTs (and the feed's zone)
	// read it; an item feed's file holds every item open at some time in it.
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	Rows int       `json:"rows"`
	// Batches are the import batches the rows come from.
	Batches []uint64 `json:"batches"`
}

// DataFileName is the name a data set file is saved under.
func DataFileName(supplier, feed, period string) string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
				return '_'
			}
			return r
		}, s)
	}
	return clean(supplier) + "-" + clean(feed) + "-" + clean(period) + "-data.xlsx"
}

// reviewWindow is the span of a review period for one feed: the period as
// the feed's zone reads it, joined with the periods the review reports for
// each scoped SLT computed from the feed (in the SLT's zone; for an SLT of
// another period kind, up to the end of its period running at the review
// period's end), so every row behind the numbers is in.
func reviewWindow(ws *domain.Workspace, sc SupplierScope, feed, period string) (compliance.Period, error) {
	f := ws.Feed(feed)
	zone := ""
	if f != nil {
		zone = f.Spec.TimeZone
	}
	loc, err := domain.LoadZone(zone)
	if err != nil {
		return compliance.Period{}, err
	}
	w, err := compliance.ParseKey(period, loc)
	if err != nil {
		return w, err
	}
	for _, x := range sc.SLTs {
		s := ws.SLT(x.SLT)
		if s == nil || x.Feed != feed {
			continue
		}
		loc, err := domain.LoadZone(s.Spec.TimeZone)
		if err != nil {
			return w, err
		}
		p, err := compliance.ParseKey(period, loc)
		if err != nil {
			return w, err
		}
		if ps, err := compliance.ParsePeriodSpec(s.Spec.Period); err == nil {
			p.End = ps.Of(p.End.Add(-time.Nanosecond), loc).End
		}
		if p.Start.Before(w.Start) {
			w.Start = p.Start
		}
		if p.End.After(w.End) {
			w.End = p.End
		}
	}
	return w, nil
}

// WriteDataFile writes one feed of a supplier's scope for a review period
// (a period key, read in the zones of the feed and its SLTs) as XLSX in the
// feed's layout.
// A feed outside the scope is refused; the write reads one transaction.
func WriteDataFile(st *storage.Store, sc SupplierScope, feed, period string, w io.Writer) (DataFile, error) {
	df := DataFile{Supplier: sc.Supplier, Feed: feed, Period: period, Name: DataFileName(sc.Supplier, feed, period), Batches: []uint64{}}
	if !slices.Contains(sc.Feeds, feed) {
		return df, fmt.Errorf("feed %q is not in %s's review scope (its feeds: %s)", feed, sc.Supplier, strings.Join(sc.Feeds, ", "))
	}
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		f := ws.Feed(feed)
		if f == nil {
			return fmt.Errorf("feed %q does not exist", feed)
		}
		p, err := reviewWindow(ws, sc, feed, period)
		if err != nil {
			return err
		}
		df.From, df.To = p.Start, p.End
		l, err := ingest.FeedLayout(f)
		if err != nil {
			return err
		}
		// Items count in the period they resolve in, or the first one whose
		// end finds them past their goal: every item alive in the window is
		// in, whenever it was resolved (items are stored at resolution).
		from, to, items := p.Start, p.End, f.Spec.Shape == domain.ShapeItem
		if items {
			from, to = time.Time{}, time.Time{}
		}
		var scanErr error
		rows := func(yield func(domain.Point) bool) {
			scanErr = tx.ScanPoints(feed, from, to, func(pt domain.Point) error {
				if items && (!pt.Opened.Before(p.End) || !pt.Open() && pt.Resolved.Before(p.Start)) {
					return nil
				}
				df.Rows++
				if i, found := slices.BinarySearch(df.Batches, pt.Batch); !found {
					df.Batches = slices.Insert(df.Batches, i, pt.Batch)
				}
				if !yield(pt) {
					return storage.ErrStop
				}
				return nil
			})
		}
		if err := l.WriteXLSX(w, rows); err != nil {
			return err
		}
		return scanErr
	})
	return df, err
}

// ExportDataSet is WriteDataFile audited as export.dataset, with the
// file's SHA-256 (nothing is audited when the write fails).
func ExportDataSet(st *storage.Store, sc SupplierScope, feed, period string, w io.Writer) (DataFile, error) {
	h := sha256.New()
	df, err := WriteDataFile(st, sc, feed, period, io.MultiWriter(w, h))
	if err != nil {
		return df, err
	}
	err = st.Update(func(tx *storage.Tx) error {
		_, err := tx.Audit("export.dataset", "Supplier/"+sc.Supplier, map[string]any{"feed": df.Feed, "period": df.Period, "file": df.Name,
			"rows": df.Rows, "batches": df.Batches, "sha256": fmt.Sprintf("%x", h.Sum(nil)), "from": df.From.Format(time.RFC3339), "to": df.To.Format(time.RFC3339)})
		return err
	})
	return df, err
}
