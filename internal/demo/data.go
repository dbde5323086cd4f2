package demo

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/compliance"
)

// DataFile is one generated supplier file, to be imported into Feed.
type DataFile struct {
	Feed string
	Path string
	// Month is the first day of the month (UTC) the file covers; files are
	// meant to be imported in (Month, Feed) order, as suppliers would send them.
	Month time.Time
}

// WriteData writes the demo workspace's raw data, as suppliers would send it,
// into dir: 13 months up to now for every demo feed (the shop's transaction
// log, the probe's reference, last), with weekly and daily
// seasonality, business-hour peaks, outages inside and outside maintenance
// windows, a parcel supplier slowly degrading, and one checkout file with
// duplicate rows and clock skew. The same now gives the same files.
//
// The files are deliberately varied: monthly CSVs (comma, semicolon with
// decimal comma and day-first dates, tab), quarterly XLSX with a title row and
// date cells, ticket exports that repeat a ticket once it is resolved.
func WriteData(dir string, now time.Time) ([]DataFile, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	g := &gen{dir: dir, now: now.UTC().Truncate(time.Minute), rnd: rand.New(rand.NewPCG(20240301, 7))}
	g.berlin, _ = time.LoadLocation("Europe/Berlin")
	if g.berlin == nil {
		g.berlin = time.UTC
	}
	first := time.Date(g.now.Year(), g.now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -12, 0)
	g.start = first
	g.outages = g.makeOutages()
	g.latency = map[int64]float64{}
	for _, step := range []func() error{g.probe, g.shopLatency, g.checkouts, g.paymentLatency, g.tickets, g.parcels} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(g.files, func(i, j int) bool {
		if !g.files[i].Month.Equal(g.files[j].Month) {
			return g.files[i].Month.Before(g.files[j].Month)
		}
		return g.files[i].Feed < g.files[j].Feed
	})
	// The transaction log was extracted later, in one go: its files come
	// last, and it draws from its own random source, so every other file
	// (and batch number) is exactly what it was before it existed.
	if err := g.txlog(); err != nil {
		return nil, err
	}
	// The warehouse's backlog was added later still, the same way.
	if err := g.backlog(); err != nil {
		return nil, err
	}
	return g.files, nil
}

type gen struct {
	dir     string
	now     time.Time
	start   time.Time
	rnd     *rand.Rand
	berlin  *time.Location
	outages []outage
	files   []DataFile
	// latency is the page latency the probe reported, by Unix minute (for
	// the transaction log that measures the same pages).
	latency map[int64]float64
	// parcels are ParcelNet's deliveries (for the warehouse backlog that
	// announces their delays).
	parcelItems []item
}

// outage is a period when the shop is down (probe bad, latency high, checkouts failing).
type outage struct {
	from, to time.Time
	why      string
}

func (g *gen) makeOutages() []outage {
	var out []outage
	add := func(from time.Time, d time.Duration, why string) {
		if from.After(g.start) && from.Add(d).Before(g.now) {
			out = append(out, outage{from, from.Add(d), why})
		}
	}
	// Inside the weekly patching window (Sunday 02:00-04:00 Berlin, from 2025-10-01): every third Sunday.
	n := 0
	for d := g.start; d.Before(g.now); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Sunday && !d.Before(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)) {
			if n%3 == 0 {
				// 02:30 read as the window's 02:00 is: the first time the clock shows it
				// (on the autumn change day it shows it twice)
				add(compliance.FirstAt(time.Date(d.Year(), d.Month(), d.Day(), 2, 30, 0, 0, time.UTC), g.berlin), 40*time.Minute, "patching")
			}
			n++
		}
	}
	// Inside the registered database upgrade, and inside a window registered too late.
	add(time.Date(2026, 3, 15, 1, 0, 0, 0, time.UTC), 70*time.Minute, "db upgrade")
	add(time.Date(2026, 6, 10, 13, 5, 0, 0, time.UTC), 75*time.Minute, "network fix")
	// Unplanned, outside any window, in business hours.
	add(time.Date(g.start.Year(), g.start.Month(), 1, 14, 0, 0, 0, g.berlin).AddDate(0, 3, 9), 47*time.Minute, "load balancer failure")
	add(time.Date(g.start.Year(), g.start.Month(), 1, 10, 30, 0, 0, g.berlin).AddDate(0, 8, 17), 25*time.Minute, "certificate expiry")
	add(g.now.AddDate(0, 0, -20).Truncate(24*time.Hour).Add(11*time.Hour+20*time.Minute), 35*time.Minute, "storage latency")
	sort.Slice(out, func(i, j int) bool { return out[i].from.Before(out[j].from) })
	return out
}

func (g *gen) down(t time.Time) bool {
	i := sort.Search(len(g.outages), func(i int) bool { return g.outages[i].to.After(t) })
	return i < len(g.outages) && !t.Before(g.outages[i].from)
}

// load is the relative traffic at t: business-hour peaks (Berlin), quieter
// nights and weekends, busier Mondays and December.
func (g *gen) load(t time.Time) float64 {
	l := t.In(g.berlin)
	h := float64(l.Hour()) + float64(l.Minute())/60
	day := 0.25 + 0.75*math.Exp(-math.Pow((h-13)/4.5, 2)) + 0.25*math.Exp(-math.Pow((h-20.5)/1.5, 2))
	switch l.Weekday() {
	case time.Saturday:
		day *= 0.75
	case time.Sunday:
		day *= 0.6
	case time.Monday:
		day *= 1.1
	}
	if l.Month() == time.December && l.Day() < 24 {
		day *= 1.4
	}
	return day
}

func (g *gen) months(fn func(from, to time.Time) error) error {
	for m := g.start; m.Before(g.now); m = m.AddDate(0, 1, 0) {
		to := m.AddDate(0, 1, 0)
		if to.After(g.now) {
			to = g.now
		}
		if err := fn(m, to); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) csv(feed, name string, month time.Time, write func(w *bufio.Writer)) error {
	path := filepath.Join(g.dir, name)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	write(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	g.files = append(g.files, DataFile{Feed: feed, Path: path, Month: month})
	return nil
}

// probe: CloudHost's synthetic check, one row a minute, monthly CSV.
func (g *gen) probe() error {
	return g.months(func(from, to time.Time) error {
		return g.csv("shop-probe", "cloudhost-probe-"+from.Format("2006-01")+".csv", from, func(w *bufio.Writer) {
			w.WriteString("timestamp,ok\n")
			buf := make([]byte, 0, 40)
			blip := time.Time{}
			for t := from; t.Before(to); t = t.Add(time.Minute) {
				ok := !g.down(t)
				if g.rnd.IntN(25000) == 0 {
					blip = t.Add(time.Duration(1+g.rnd.IntN(3)) * time.Minute)
				}
				if t.Before(blip) {
					ok = false
				}
				buf = t.AppendFormat(buf[:0], time.RFC3339)
				if ok {
					buf = append(buf, ",1\n"...)
				} else {
					buf = append(buf, ",0\n"...)
				}
				w.Write(buf)
			}
		})
	})
}

// shopLatency: page latency every 5 minutes, quarterly XLSX with a title row.
func (g *gen) shopLatency() error {
	for q := g.start; q.Before(g.now); q = q.AddDate(0, 3, 0) {
		to := q.AddDate(0, 3, 0)
		if to.After(g.now) {
			to = g.now
		}
		path := filepath.Join(g.dir, fmt.Sprintf("cloudhost-latency-%d-Q%d.xlsx", q.Year(), (int(q.Month())-1)/3+1))
		x := excelize.NewFile()
		sw, err := x.NewStreamWriter("Sheet1")
		if err != nil {
			return err
		}
		layout := "yyyy-mm-dd hh:mm"
		style, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &layout})
		sw.SetRow("A1", []any{"CloudHost — page latency export " + q.Format("2006-01") + " to " + to.Format("2006-01-02")})
		sw.SetRow("A3", []any{"Time (UTC)", "Latency (ms)"})
		row := 4
		// The exporter lost three hours of rows once (missing intervals).
		gapFrom := g.start.AddDate(0, 6, 11).Add(9 * time.Hour)
		for t := q; t.Before(to); t = t.Add(5 * time.Minute) {
			if !t.Before(gapFrom) && t.Before(gapFrom.Add(3*time.Hour)) {
				continue
			}
			v := 160 + 140*g.load(t) + g.rnd.NormFloat64()*25
			if g.rnd.IntN(400) == 0 {
				v += 600 + g.rnd.Float64()*900 // a slow spike
			}
			if g.down(t) {
				v = 3000 + g.rnd.Float64()*2000
			}
			g.latency[t.Unix()/60] = math.Round(math.Max(v, 40))
			cell, _ := excelize.CoordinatesToCellName(1, row)
			serial := float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC))) / float64(24*time.Hour)
			if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: style, Value: serial}, math.Round(math.Max(v, 40))}); err != nil {
				return err
			}
			row++
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		if err := x.SaveAs(path); err != nil {
			return err
		}
		x.Close()
		g.files = append(g.files, DataFile{Feed: "shop-latency", Path: path, Month: q})
	}
	return nil
}

// checkouts: hourly attempts and failures from the shop; the latest month's
// export has duplicated rows and a stretch where the exporter's clock ran 7
// minutes ahead.
func (g *gen) checkouts() error {
	last := time.Date(g.now.Year(), g.now.Month(), 1, 0, 0, 0, 0, time.UTC)
	return g.months(func(from, to time.Time) error {
		messy := from.Equal(last)
		return g.csv("checkout-counts", "shop-checkouts-"+from.Format("2006-01")+".csv", from, func(w *bufio.Writer) {
			w.WriteString("timestamp,attempts,failed\n")
			i := 0
			for t := from; t.Add(time.Hour).Before(to) || t.Add(time.Hour).Equal(to); t = t.Add(time.Hour) {
				total := int(1200*g.load(t) + g.rnd.NormFloat64()*40)
				total = max(total, 10)
				rate := 0.003 + g.rnd.Float64()*0.002
				for o := t; o.Before(t.Add(time.Hour)); o = o.Add(time.Minute) {
					if g.down(o) {
						rate += 0.6 / 60
					}
				}
				failed := int(math.Round(float64(total) * math.Min(rate, 1)))
				ts := t
				if messy && i >= 100 && i < 112 {
					ts = t.Add(7 * time.Minute) // clock skew
				}
				line := fmt.Sprintf("%s,%d,%d\n", ts.Format("2006-01-02 15:04:05"), total, failed)
				w.WriteString(line)
				if messy && i%50 == 20 {
					w.WriteString(line) // duplicated by the exporter
				}
				i++
			}
		})
	})
}

// paymentLatency: the payment provider's German-language export: semicolons,
// decimal commas, day-first dates, quarterly.
func (g *gen) paymentLatency() error {
	for q := g.start; q.Before(g.now); q = q.AddDate(0, 3, 0) {
		to := q.AddDate(0, 3, 0)
		if to.After(g.now) {
			to = g.now
		}
		err := g.csv("payment-latency", fmt.Sprintf("payments-%d-Q%d.csv", q.Year(), (int(q.Month())-1)/3+1), q, func(w *bufio.Writer) {
			w.WriteString("Zeitstempel;Wert (ms)\n")
			for t := q; t.Before(to); t = t.Add(5 * time.Minute) {
				v := 260 + 120*g.load(t) + g.rnd.NormFloat64()*30
				if g.rnd.IntN(600) == 0 {
					v += 500
				}
				s := strconv.FormatFloat(math.Max(v, 50), 'f', 1, 64)
				for i := range len(s) {
					if s[i] == '.' {
						s = s[:i] + "," + s[i+1:]
						break
					}
				}
				w.WriteString(t.Format("02.01.2006 15:04") + ";" + s + "\n")
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

type item struct {
	id, prio, ci     string
	opened, resolved time.Time
	paused           float64
}

// itemFiles writes monthly exports of items: those opened in the month, plus
// earlier ones resolved in it (a ticket exported open is exported again once
// resolved). Times are Berlin wall time.
func (g *gen) itemFiles(feed, prefix, header string, items []item, line func(it item, asOf time.Time) string) error {
	return g.months(func(from, to time.Time) error {
		return g.csv(feed, prefix+from.Format("2006-01")+".csv", from, func(w *bufio.Writer) {
			w.WriteString(header)
			for _, it := range items {
				openedIn := !it.opened.Before(from) && it.opened.Before(to)
				resolvedIn := it.opened.Before(from) && !it.resolved.IsZero() && !it.resolved.Before(from) && it.resolved.Before(to)
				if openedIn || resolvedIn {
					w.WriteString(line(it, to))
				}
			}
		})
	})
}

// businessTime adds d of working time (Mon-Fri 08:00-18:00 Berlin) to t.
func (g *gen) businessTime(t time.Time, d time.Duration) time.Time {
	l := t.In(g.berlin)
	for d > 0 {
		if l.Weekday() == time.Saturday || l.Weekday() == time.Sunday || l.Hour() >= 18 {
			l = time.Date(l.Year(), l.Month(), l.Day()+1, 8, 0, 0, 0, g.berlin)
			continue
		}
		if l.Hour() < 8 {
			l = time.Date(l.Year(), l.Month(), l.Day(), 8, 0, 0, 0, g.berlin)
		}
		end := time.Date(l.Year(), l.Month(), l.Day(), 18, 0, 0, 0, g.berlin)
		step := min(d, end.Sub(l))
		l = l.Add(step)
		d -= step
	}
	return l
}

// tickets: the service desk's incidents, business-hours heavy, by priority.
func (g *gen) tickets() error {
	var items []item
	// Median business hours by priority: most incidents close well inside the
	// 8-hour OLA, P4s now and then slip past it, so some months miss.
	goal := map[string]float64{"P1": 1, "P2": 2.5, "P3": 3.5, "P4": 4.5}
	cis := []string{"web-shop", "checkout-api", "payment-gw", "warehouse-wms", "crm"}
	n := 10000
	for d := g.start; d.Before(g.now); d = d.AddDate(0, 0, 1) {
		for k := 0; k < 2+g.rnd.IntN(int(1+10*g.load(d.Add(12*time.Hour)))); k++ {
			opened := d.Add(time.Duration(g.rnd.Float64() * 24 * float64(time.Hour))).Truncate(time.Minute)
			if g.rnd.Float64() < 0.6 {
				opened = time.Date(d.Year(), d.Month(), d.Day(), 8+g.rnd.IntN(10), g.rnd.IntN(60), 0, 0, g.berlin)
			}
			if !opened.Before(g.now) {
				continue
			}
			p := []string{"P1", "P2", "P3", "P3", "P4", "P4"}[g.rnd.IntN(6)]
			hours := goal[p] * math.Exp(g.rnd.NormFloat64()*0.55)
			it := item{id: fmt.Sprintf("INC-%d", n), prio: p, ci: cis[g.rnd.IntN(len(cis))], opened: opened}
			if g.rnd.IntN(4) == 0 {
				it.paused = math.Round(hours * 3600 * 0.3 * g.rnd.Float64())
			}
			res := g.businessTime(opened, time.Duration(hours*float64(time.Hour))+time.Duration(it.paused)*time.Second).Truncate(time.Minute)
			if res.Before(g.now) {
				it.resolved = res
			}
			items = append(items, it)
			n++
		}
	}
	return g.itemFiles("desk-tickets", "servicedesk-incidents-", "Ticket,Priority,Created,Resolved,On hold (s),CI\n", items, func(it item, asOf time.Time) string {
		res := ""
		if !it.resolved.IsZero() && it.resolved.Before(asOf) {
			res = it.resolved.In(g.berlin).Format("2006-01-02 15:04")
		}
		paused := "0"
		if res != "" {
			paused = strconv.FormatFloat(it.paused, 'f', 0, 64)
		}
		return fmt.Sprintf("%s,%s,%s,%s,%s,%s\n", it.id, it.prio, it.opened.In(g.berlin).Format("2006-01-02 15:04"), res, paused, it.ci)
	})
}

// parcels: ParcelNet's deliveries; delivery time creeps up month by month.
func (g *gen) parcels() error {
	var items []item
	span := g.now.Sub(g.start)
	n := 500000
	for d := g.start; d.Before(g.now); d = d.AddDate(0, 0, 1) {
		for k := 0; k < int(25+30*g.load(d.Add(13*time.Hour))); k++ {
			shipped := time.Date(d.Year(), d.Month(), d.Day(), 7+g.rnd.IntN(12), g.rnd.IntN(60), 0, 0, g.berlin)
			if !shipped.Before(g.now) {
				continue
			}
			drift := float64(shipped.Sub(g.start)) / float64(span) // 0 → 1 over the 13 months
			// Median 24 h at the start (about 97.6% within 48 h), 31 h at the
			// end (about 90%): the 95% target is first missed mid-year.
			hours := (24 + 7*drift) * math.Exp(g.rnd.NormFloat64()*0.35)
			it := item{id: fmt.Sprintf("PN%07d", n), opened: shipped}
			if del := shipped.Add(time.Duration(hours * float64(time.Hour))).Truncate(time.Minute); del.Before(g.now) {
				it.resolved = del
			}
			items = append(items, it)
			n++
		}
	}
	g.parcelItems = items
	return g.itemFiles("parcel-orders", "parcelnet-deliveries-", "Order ID\tCreated\tDelivered\n", items, func(it item, asOf time.Time) string {
		res := ""
		if !it.resolved.IsZero() && it.resolved.Before(asOf) {
			res = it.resolved.In(g.berlin).Format("2006-01-02 15:04")
		}
		return it.id + "\t" + it.opened.In(g.berlin).Format("2006-01-02 15:04") + "\t" + res + "\n"
	})
}

// TxlogBias is how much higher the synthetic probe reads page latency than
// the shop's transaction log (the probe's network round trip), in ms, and
// TxlogDrift how much that grows per day from TxlogDriftFrom on (the probe's
// route got worse): the figures `slate calibrate shop-latency` must find.
const (
	TxlogBias  = 12.0
	TxlogDrift = 0.25
)

// TxlogDriftFrom is the first day of the drift: the first day of the ninth
// month of the data.
func TxlogDriftFrom(now time.Time) time.Time {
	now = now.UTC().Truncate(time.Minute)
	return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -12+8, 0)
}

// txlog: the shop's own transaction log, reduced to the mean page latency of
// the transactions in each 5 minutes, monthly CSV. It measures what the
// probe measures, without the probe's round trip; while the shop is down
// there are no transactions, so no rows.
func (g *gen) txlog() error {
	rnd := rand.New(rand.NewPCG(20240302, 11))
	drift := TxlogDriftFrom(g.now)
	return g.months(func(from, to time.Time) error {
		return g.csv("shop-latency-txlog", "shop-txlog-latency-"+from.Format("2006-01")+".csv", from, func(w *bufio.Writer) {
			w.WriteString("minute,avg_ms,transactions\n")
			for t := from; t.Before(to); t = t.Add(5 * time.Minute) {
				if g.down(t) {
					continue
				}
				v, ok := g.latency[t.Unix()/60]
				if !ok {
					// the probe export lost these rows; the log did not
					v = 160 + 140*g.load(t)
				}
				bias := TxlogBias
				if !t.Before(drift) {
					bias += TxlogDrift * t.Sub(drift).Hours() / 24
				}
				n := int(40 + 400*g.load(t) + rnd.Float64()*20)
				fmt.Fprintf(w, "%s,%.1f,%d\n", t.Format(time.RFC3339), math.Max(v-bias+rnd.NormFloat64()*8, 20), n)
			}
		})
	})
}

// BacklogLead is how many days the warehouse backlog runs ahead of the
// parcels delivered late: the lead `slate correlate` must find.
const BacklogLead = 2

// backlog: the warehouse's count of parcels waiting for ParcelNet at 18:00
// each day (Berlin), monthly CSV. Parcels that wait pile up, and ParcelNet
// delivers them late two days later: the day's backlog follows the share of
// parcels delivered late BacklogLead days after it, plus noise. It draws
// from its own random source, so every other file stays as it was.
func (g *gen) backlog() error {
	rnd := rand.New(rand.NewPCG(20240303, 13))
	type day struct{ late, all float64 }
	byDay := map[string]*day{}
	for _, it := range g.parcelItems {
		if it.resolved.IsZero() {
			continue
		}
		k := it.resolved.In(g.berlin).Format(time.DateOnly)
		d := byDay[k]
		if d == nil {
			d = &day{}
			byDay[k] = d
		}
		d.all++
		if it.resolved.Sub(it.opened) > 48*time.Hour {
			d.late++
		}
	}
	return g.months(func(from, to time.Time) error {
		return g.csv("warehouse-backlog", "warehouse-backlog-"+from.Format("2006-01")+".csv", from, func(w *bufio.Writer) {
			w.WriteString("date,parcels_waiting\n")
			for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
				ahead := byDay[d.AddDate(0, 0, BacklogLead).Format(time.DateOnly)]
				if ahead == nil || ahead.all == 0 {
					continue
				}
				v := 180 + 1200*ahead.late/ahead.all + 20*rnd.NormFloat64()
				fmt.Fprintf(w, "%s 18:00,%d\n", d.Format(time.DateOnly), int(math.Round(math.Max(v, 0))))
			}
		})
	})
}
