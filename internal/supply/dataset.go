package supply

import (
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
	// From and To bound the period in the feed's zone.
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

// periodOfFeed reads a period key in the feed's zone.
func periodOfFeed(f *domain.Feed, period string) (compliance.Period, error) {
	zone := ""
	if f != nil {
		zone = f.Spec.TimeZone
	}
	loc, err := domain.LoadZone(zone)
	if err != nil {
		return compliance.Period{}, err
	}
	return compliance.ParseKey(period, loc)
}

// WriteDataFile writes one feed of a supplier's scope for a review period
// (a period key, read in the feed's zone) as XLSX in the feed's layout.
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
		p, err := periodOfFeed(f, period)
		if err != nil {
			return err
		}
		df.From, df.To = p.Start, p.End
		l, err := ingest.FeedLayout(f)
		if err != nil {
			return err
		}
		var scanErr error
		rows := func(yield func(domain.Point) bool) {
			scanErr = tx.ScanPoints(feed, p.Start, p.End, func(pt domain.Point) error {
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
