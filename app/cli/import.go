package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"slate/app"
	"slate/internal/domain"
	"slate/internal/ingest"
)

func init() {
	register(
		command{name: "import", args: "FILE --feed NAME [--mapping FILE] [--sheet NAME] [--dry-run] [--on-conflict reject|replace|keep] [--max-unpacked SIZE] [--max-time D]",
			summary: "import a CSV or XLSX file into a feed as one batch", run: runImport, fills: true},
		command{name: "batches", args: "[--feed NAME]", summary: "list import batches", run: runBatches, readOnly: true},
		command{name: "batch show", args: "N", summary: "show a batch: counts and findings", run: runBatchShow, readOnly: true},
		command{name: "batch source", args: "N -o FILE", summary: "write the original file of a batch", run: runBatchSource, readOnly: true},
		command{name: "batch revert", args: "N [--reason TEXT]", summary: "withdraw a batch: its points leave the data (audited)", run: runBatchRevert},
		command{name: "batch rejects", args: "N -o FILE.xlsx|FILE.csv", summary: "write the rejected rows of a batch with the fix for each", run: runBatchRejects, readOnly: true},
		command{name: "template", args: "--feed NAME -o FILE.xlsx", summary: "write the supplier data template of a feed", run: runTemplate, readOnly: true},
	)
}

// readMapping reads a mapping from YAML or JSON: either the mapping itself or
// a document with a top-level "mapping" (or spec.mapping) key.
func readMapping(path string) (*domain.Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var wrapped struct {
		Mapping *domain.Mapping `yaml:"mapping"`
		Spec    struct {
			Mapping *domain.Mapping `yaml:"mapping"`
		} `yaml:"spec"`
	}
	if yaml.Unmarshal(b, &wrapped) == nil {
		if wrapped.Mapping != nil {
			return wrapped.Mapping, nil
		}
		if wrapped.Spec.Mapping != nil {
			return wrapped.Spec.Mapping, nil
		}
	}
	var m domain.Mapping
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("mapping %s: %w", path, err)
	}
	return &m, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressBar draws on a terminal: [#####.....]  45%  12.3 MB / 27.0 MB.
func progressBar(w io.Writer) func(done, total int64) {
	start := time.Now()
	return func(done, total int64) {
		if time.Since(start) < 500*time.Millisecond && done < total {
			return
		}
		if total <= 0 {
			fmt.Fprintf(w, "\r%d rows read", done)
			return
		}
		frac := float64(done) / float64(total)
		n := int(frac * 30)
		fmt.Fprintf(w, "\r[%s%s] %3.0f%%  %.1f / %.1f MB", strings.Repeat("#", n), strings.Repeat(".", 30-n), frac*100, float64(done)/1e6, float64(total)/1e6)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}

func runImport(e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	feed := fs.String("feed", "", "feed to import into")
	mapping := fs.String("mapping", "", "mapping file (YAML or JSON)")
	sheet := fs.String("sheet", "", "XLSX sheet")
	dry := fs.Bool("dry-run", false, "validate and report only")
	onConflict := fs.String("on-conflict", "reject", "reject, replace or keep")
	maxUnpacked := fs.String("max-unpacked", "", "largest XLSX unpacked size, e.g. 2GiB (default 1GiB)")
	maxTime := fs.Duration("max-time", 0, "time budget for reading an XLSX, e.g. 5m (default 60s)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("give one FILE")
	}
	if *feed == "" {
		return usageError("--feed is required")
	}
	req := app.ImportRequest{Feed: *feed, Sheet: *sheet, DryRun: *dry, OnConflict: *onConflict}
	req.Limits.MaxTime = *maxTime
	if *maxUnpacked != "" {
		n, err := parseSize(*maxUnpacked)
		if err != nil {
			return usageError("--max-unpacked: %v", err)
		}
		req.Limits.MaxUnzipped, req.Limits.MaxPart = n, n
	}
	if *mapping != "" {
		m, err := readMapping(*mapping)
		if err != nil {
			return err
		}
		req.Mapping = (*app.Mapping)(m)
	}
	if !e.json && isTerminal(e.stderr) {
		req.Progress = progressBar(e.stderr)
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	res, err := a.Local.Import(pos[0], req)
	if fe := (*domain.FieldError)(nil); errors.As(err, &fe) && fe.Field == "mapping" {
		return fmt.Errorf("%w (--mapping FILE; `slate template --feed %s` writes a file whose columns Slate reads)", err, *feed)
	}
	if err != nil {
		return err
	}
	if err := e.emit(res, func(w io.Writer) { printImport(w, res) }); err != nil {
		return err
	}
	if res.Refused {
		if res.Counts.Rejected > 0 && strings.Contains(res.RefusedReason, "on conflict") {
			return errors.New("import refused: " + res.RefusedReason + " (--on-conflict keep or --on-conflict replace)")
		}
		return errors.New("import refused: " + res.RefusedReason)
	}
	return nil
}

func printImport(w io.Writer, r app.ImportResult) {
	switch {
	case r.Refused:
		fmt.Fprintf(w, "REFUSED: %s into feed %s — nothing was imported\n", r.File, r.Feed)
	case r.DryRun:
		fmt.Fprintf(w, "dry run: %s into feed %s — nothing was imported\n", r.File, r.Feed)
	default:
		fmt.Fprintf(w, "batch %d: %s into feed %s\n", r.Batch, r.File, r.Feed)
	}
	src := r.Format
	if r.Encoding != "" {
		src += ", " + r.Encoding
	}
	if r.Delimiter != "" {
		src += ", delimiter " + strconv.Quote(r.Delimiter)
	}
	if r.Sheet != "" {
		src += ", sheet " + strconv.Quote(r.Sheet)
	}
	fmt.Fprintf(w, "  file      %s, %d bytes, sha256 %s\n", src, r.Size, r.SHA256)
	fmt.Fprintf(w, "  header    row %d: %s\n", r.HeaderRow, strings.Join(r.Header, ", "))
	fmt.Fprintf(w, "  mapping   %s%s\n", mappingText(r.Mapping), map[bool]string{true: " (saved with the feed)"}[r.MappingSaved])
	c := r.Counts
	verb := "imported"
	if r.DryRun {
		verb = "would import"
	}
	fmt.Fprintf(w, "  rows      %d read = %d %s + %d rejected + %d empty", c.Read, c.Imported, verb, c.Rejected, c.Empty)
	if c.Replaced > 0 {
		fmt.Fprintf(w, "; %d stored points replaced", c.Replaced)
	}
	fmt.Fprintln(w)
	if !r.From.IsZero() {
		fmt.Fprintf(w, "  time      %s .. %s\n", r.From.Format(time.RFC3339), r.To.Format(time.RFC3339))
	}
	fmt.Fprintf(w, "  took      %.2fs\n", r.Seconds)
	if len(r.FindingCounts) > 0 {
		fmt.Fprintln(w, "findings:")
		printFindingCounts(w, r.FindingCounts)
		n := min(len(r.Findings), 20)
		for _, f := range r.Findings[:n] {
			printFinding(w, f)
		}
		if len(r.Findings) > n || r.FindingsTruncated {
			fmt.Fprintln(w, "  ... (all findings: --json, `slate batch show N`, rejected rows: `slate batch rejects N -o FILE.xlsx`)")
		}
	}
	if r.Refused {
		fmt.Fprintln(w, r.RefusedReason)
	}
}

func printFindingCounts(w io.Writer, m map[string]int) {
	kinds := make([]string, 0, len(m))
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "  %-18s %d\n", k, m[k])
	}
}

func printFinding(w io.Writer, f ingest.Finding) {
	where := "file"
	if f.Row > 0 {
		where = "row " + strconv.Itoa(f.Row)
	}
	if f.Column != "" {
		where += " [" + f.Column + "]"
	}
	fmt.Fprintf(w, "  %-7s %-16s %-20s %s\n", f.Severity, f.Kind, where, f.Message)
}

func mappingText(m app.Mapping) string {
	var parts []string
	for _, kv := range []struct{ k, v string }{{"time", m.Time}, {"layout", m.TimeLayout}, {"value", m.Value}, {"good", m.Good},
		{"bad", m.Bad}, {"total", m.Total}, {"ok", m.OK}, {"item", m.Item}, {"opened", m.Opened}, {"resolved", m.Resolved},
		{"paused", m.Paused}, {"priority", m.Priority}, {"ci", m.CI}, {"sheet", m.Sheet}} {
		if kv.v != "" {
			parts = append(parts, kv.k+"="+strconv.Quote(kv.v))
		}
	}
	if m.DecimalComma {
		parts = append(parts, "decimalComma")
	}
	return strings.Join(parts, " ")
}

func batchID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, usageError("%q is not a batch number", s)
	}
	return id, nil
}

func runBatches(e *env, args []string) error {
	fs := flag.NewFlagSet("batches", flag.ContinueOnError)
	feed := fs.String("feed", "", "only this feed")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	bs, err := a.Imports.Batches(*feed)
	if err != nil {
		return err
	}
	return e.emit(bs, func(w io.Writer) {
		if len(bs) == 0 {
			fmt.Fprintln(w, "no batches")
			return
		}
		fmt.Fprintf(w, "%-6s %-10s %-20s %-30s %9s %9s %9s  %s\n", "BATCH", "STATUS", "FEED", "FILE", "IMPORTED", "REJECTED", "FINDINGS", "PUBLISHED")
		for _, b := range bs {
			n := 0
			for _, c := range b.FindingCounts {
				n += c
			}
			fmt.Fprintf(w, "%-6d %-10s %-20s %-30s %9d %9d %9d  %s\n", b.ID, b.Status, b.Feed, b.File, b.Counts.Imported, b.Counts.Rejected, n, b.Published.Format(time.RFC3339))
		}
	})
}

func oneBatchArg(fs *flag.FlagSet, args []string) (uint64, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, usageError("give one batch number")
	}
	return batchID(pos[0])
}

func runBatchShow(e *env, args []string) error {
	id, err := oneBatchArg(flag.NewFlagSet("batch show", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	d, err := a.Imports.Batch(id)
	if err != nil {
		return err
	}
	return e.emit(d, func(w io.Writer) {
		fmt.Fprintf(w, "batch %d (%s): %s into feed %s\n", d.ID, d.Status, d.File, d.Feed)
		fmt.Fprintf(w, "  file      %s, %d bytes, sha256 %s\n", d.Format, d.Size, d.SHA256)
		if d.Mapping != nil {
			fmt.Fprintf(w, "  mapping   %s\n", mappingText(*d.Mapping))
		}
		c := d.Counts
		fmt.Fprintf(w, "  rows      %d read = %d imported + %d rejected + %d empty; %d points in the data now\n", c.Read, c.Imported, c.Rejected, c.Empty, d.Points)
		if !d.From.IsZero() {
			fmt.Fprintf(w, "  time      %s .. %s\n", d.From.Format(time.RFC3339), d.To.Format(time.RFC3339))
		}
		fmt.Fprintf(w, "  created   %s, published %s\n", d.Created.Format(time.RFC3339), d.Published.Format(time.RFC3339))
		if !d.Reverted.IsZero() {
			fmt.Fprintf(w, "  reverted  %s\n", d.Reverted.Format(time.RFC3339))
		}
		if len(d.FindingCounts) > 0 {
			fmt.Fprintln(w, "findings:")
			printFindingCounts(w, d.FindingCounts)
			for _, f := range d.Findings[:min(len(d.Findings), 50)] {
				printFinding(w, f)
			}
		}
	})
}

func outFlag(fs *flag.FlagSet) *string {
	o := fs.String("o", "", "output file")
	fs.StringVar(o, "output", "", "output file")
	return o
}

func runBatchSource(e *env, args []string) error {
	fs := flag.NewFlagSet("batch source", flag.ContinueOnError)
	out := outFlag(fs)
	id, err := oneBatchArg(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("-o FILE is required")
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	n, err := a.Local.Source(id, *out)
	if err != nil {
		return err
	}
	res := map[string]any{"batch": id, "file": *out, "bytes": n}
	return e.emit(res, func(w io.Writer) { fmt.Fprintf(w, "wrote %s (%d bytes, SHA-256 verified)\n", *out, n) })
}

func runBatchRevert(e *env, args []string) error {
	fs := flag.NewFlagSet("batch revert", flag.ContinueOnError)
	reason := fs.String("reason", "", "why (recorded in the audit trail)")
	id, err := oneBatchArg(fs, args)
	if err != nil {
		return err
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	b, err := a.Imports.Revert(id, *reason)
	if err != nil {
		return err
	}
	return e.emit(b, func(w io.Writer) {
		fmt.Fprintf(w, "batch %d reverted: %d points of feed %s left the data\n", b.ID, b.Counts.Imported, b.Feed)
	})
}

func runBatchRejects(e *env, args []string) error {
	fs := flag.NewFlagSet("batch rejects", flag.ContinueOnError)
	out := outFlag(fs)
	id, err := oneBatchArg(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("-o FILE.xlsx or -o FILE.csv is required")
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	n, err := a.Local.Rejects(id, *out)
	if err != nil {
		return err
	}
	res := map[string]any{"batch": id, "file": *out, "rows": n}
	return e.emit(res, func(w io.Writer) { fmt.Fprintf(w, "wrote %s: %d rejected rows\n", *out, n) })
}

func runTemplate(e *env, args []string) error {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	feed := fs.String("feed", "", "feed")
	out := outFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *feed == "" || *out == "" {
		return usageError("--feed NAME and -o FILE.xlsx are required")
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	if err := a.Local.Template(*feed, *out); err != nil {
		return err
	}
	res := map[string]any{"feed": *feed, "file": *out}
	return e.emit(res, func(w io.Writer) { fmt.Fprintf(w, "wrote %s\n", *out) })
}

// parseSize reads a byte size: 1073741824, 512MiB, 2GiB, 64KiB (or KB, MB, GB as powers of 1024 too).
func parseSize(s string) (int64, error) {
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"GB", 1 << 30}, {"MiB", 1 << 20}, {"MB", 1 << 20}, {"KiB", 1 << 10}, {"KB", 1 << 10}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 2GiB or 512MiB)", s)
	}
	return int64(n * float64(mult)), nil
}
