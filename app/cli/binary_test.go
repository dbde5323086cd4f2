package cli

// Tests that run the real slate binary as a subprocess: damaged, empty,
// foreign and read-only database files, hostile workbooks, SIGKILL during
// import, anchors. They look at exit status and stderr as a person would:
// a clear message, and never a goroutine dump.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
	"slate/internal/storage"
	"slate/internal/storage/pointblock"
)

var slateBin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// slateBinary builds the slate binary once per test run.
func slateBinary(t *testing.T) string {
	t.Helper()
	slateBin.once.Do(func() {
		slateBin.dir, slateBin.err = os.MkdirTemp("", "slate-bin-")
		if slateBin.err != nil {
			return
		}
		slateBin.path = filepath.Join(slateBin.dir, "slate")
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		out, err := exec.Command(goBin, "build", "-o", slateBin.path, "slate").CombinedOutput()
		if err != nil {
			slateBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if slateBin.err != nil {
		t.Fatal(slateBin.err)
	}
	return slateBin.path
}

type binResult struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // bytes
	elapsed        time.Duration
}

// runSlate runs the binary with a private config folder (anchor keys).
func runSlate(t *testing.T, cfg string, args ...string) binResult {
	t.Helper()
	cmd := exec.Command(slateBinary(t), args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "SLATE_DB=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := binResult{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	if cmd.ProcessState == nil {
		t.Fatalf("slate %v: %v", args, err)
	}
	r.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return r
}

// noCrash fails when the process died of a signal or printed a Go crash.
func noCrash(t *testing.T, what string, r binResult) {
	t.Helper()
	for _, s := range []string{"goroutine ", "panic:", "SIGBUS", "SIGSEGV", "runtime error", "fatal error"} {
		if strings.Contains(r.stderr, s) {
			t.Errorf("%s: stderr shows a crash (%q):\n%s", what, s, r.stderr)
			return
		}
	}
	if r.code < 0 || r.code > 2 {
		t.Errorf("%s: exit status %d", what, r.code)
	}
}

const binFeeds = `apiVersion: slate/v1
kind: Service
metadata: {name: parcels}
spec: {}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, interval: 1m, unit: ms}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: delivery}
spec: {shape: counts, interval: 1h}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: parcel-delivery-48h}
spec: {service: parcels, feed: delivery, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`

// minutes writes a CSV of n one-minute values starting at start.
func minutes(t *testing.T, path string, start time.Time, n int) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("timestamp,value\n")
	for i := range n {
		fmt.Fprintf(&b, "%s,%d\n", start.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), 100+i%977)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// binWorkspace is a database made by the binary: the feeds above, 200,000
// latency points and a month of hourly delivery counts (1518 of 1520 good).
func binWorkspace(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "slate.db")
	defs := filepath.Join(dir, "defs.yaml")
	os.WriteFile(defs, []byte(binFeeds), 0o600)
	for _, args := range [][]string{
		{"--db", db, "apply", "-f", defs},
		{"--db", db, "import", minutes(t, filepath.Join(dir, "lat.csv"), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 200_000), "--feed", "lat"},
		{"--db", db, "import", deliveries(t, filepath.Join(dir, "delivery.csv")), "--feed", "delivery"},
	} {
		if r := runSlate(t, dir, args...); r.code != 0 {
			t.Fatalf("slate %v: %s", args, r.stderr)
		}
	}
	return db
}

func deliveries(t *testing.T, path string) string {
	var b bytes.Buffer
	b.WriteString("timestamp,good,total\n")
	for h := range 31 * 24 {
		fmt.Fprintf(&b, "%s,1518,1520\n", time.Date(2024, 5, 1, h, 0, 0, 0, time.UTC).Format(time.RFC3339))
	}
	os.WriteFile(path, b.Bytes(), 0o600)
	return path
}

func TestBinaryDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	good := binWorkspace(t, dir)
	raw, _ := os.ReadFile(good)
	rnd := make([]byte, 1<<20)
	r := rand.New(rand.NewPCG(7, 7))
	for i := range rnd {
		rnd[i] = byte(r.Uint32())
	}
	// A page in the middle overwritten with noise (the header still fits).
	middle := bytes.Clone(raw)
	copy(middle[len(middle)/2/4096*4096:], rnd[:4096])
	// Every seventh page after the headers overwritten: branch and leaf
	// pages that bbolt trusts blindly.
	riddled := bytes.Clone(raw)
	for off := 2 * 4096; off+4096 <= len(riddled); off += 7 * 4096 {
		copy(riddled[off:], rnd[off%(len(rnd)-4096):][:4096])
	}
	cases := []struct {
		name string
		data []byte
		says []string
	}{
		{"pages riddled with noise", riddled, nil},
		{"truncated", raw[:len(raw)/2], []string{"damaged", "cut short", "slate doctor", "slate backup"}},
		{"zero bytes", []byte{}, []string{"empty (0 bytes)", "slate init --db"}},
		{"random bytes", rnd, []string{"not a Slate database", "does not start with a database header"}},
		{"page of noise", middle, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".db")
			os.WriteFile(path, c.data, 0o600)
			for _, args := range [][]string{{"audit", "verify"}, {"report", "--period", "2024-05"}, {"apply", "-f", filepath.Join(dir, "defs.yaml")}} {
				res := runSlate(t, dir, append([]string{"--db", path}, args...)...)
				what := fmt.Sprintf("%s: slate %s", c.name, strings.Join(args, " "))
				noCrash(t, what, res)
				if c.says == nil {
					// Noise may or may not land on a page these commands read;
					// what matters is that none of them crashes.
					t.Logf("%s: exit %d %s", what, res.code, strings.TrimSpace(res.stderr))
					continue
				}
				if res.code != 1 || !strings.Contains(res.stderr, path) {
					t.Errorf("%s: exit %d, stderr %q: want 1 and the file named", what, res.code, res.stderr)
				}
				for _, s := range c.says {
					if !strings.Contains(res.stderr, s) {
						t.Errorf("%s: stderr does not say %q:\n%s", what, s, res.stderr)
					}
				}
			}
			doc := runSlate(t, dir, "doctor", path)
			noCrash(t, c.name+": slate doctor", doc)
			if c.says != nil && (doc.code != 1 || !strings.Contains(doc.stdout, "FAIL")) {
				t.Errorf("%s: doctor exit %d\n%s%s", c.name, doc.code, doc.stdout, doc.stderr)
			}
			if after, _ := os.ReadFile(path); c.says != nil && !bytes.Equal(after, c.data) {
				t.Errorf("%s: the damaged file was changed", c.name)
			}
		})
	}
	// When doctor says it can save the definitions of the half file (read
	// through the tree if its root survived the cut, else replayed from audit
	// events found page by page: which depends on where bbolt put its newest
	// pages), what it writes must rebuild them. TestDoctorRebuildsFromPages
	// covers the page scan deterministically.
	salvage := filepath.Join(dir, "salvage")
	doc := runSlate(t, dir, "doctor", filepath.Join(dir, "truncated.db"), "--salvage", salvage)
	noCrash(t, "doctor --salvage", doc)
	// how many doctor says it saved: all 4, or fewer when only the first
	// audit events survived the cut
	if m := regexp.MustCompile(`(\d+) definitions (as of event|\()`).FindStringSubmatch(doc.stdout); m != nil {
		want, _ := strconv.Atoi(m[1])
		fresh := filepath.Join(dir, "rebuilt.db")
		if r := runSlate(t, dir, "--db", fresh, "apply", "-f", filepath.Join(salvage, "definitions.yaml")); r.code != 0 || want == 0 || strings.Count(r.stdout, " created") != want {
			t.Errorf("apply of the salvaged definitions: exit %d %s%s\n%s", r.code, r.stdout, r.stderr, doc.stdout)
		}
	} else {
		t.Logf("this cut left no definitions to save:\n%s", doc.stdout)
	}
	if doc := runSlate(t, dir, "doctor", good); doc.code != 0 || !strings.Contains(doc.stdout, "healthy") {
		t.Errorf("doctor on the good file: exit %d\n%s%s", doc.code, doc.stdout, doc.stderr)
	}
}

func TestBinaryZeroByteNeedsInit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	os.WriteFile(db, nil, 0o600)
	if r := runSlate(t, dir, "--db", db, "apply", "-f", writeDefs(t, dir)); r.code != 1 || !strings.Contains(r.stderr, "slate init --db") {
		t.Fatalf("apply into a zero-byte file: exit %d %s", r.code, r.stderr)
	}
	if r := runSlate(t, dir, "--db", db, "init"); r.code != 0 || !strings.Contains(r.stdout, "new workspace") {
		t.Fatalf("init: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	if r := runSlate(t, dir, "--db", db, "apply", "-f", writeDefs(t, dir)); r.code != 0 {
		t.Fatalf("apply after init: %s", r.stderr)
	}
	if r := runSlate(t, dir, "--db", db, "init"); r.code != 0 || !strings.Contains(r.stdout, "already a workspace") {
		t.Fatalf("init again: exit %d %s", r.code, r.stdout)
	}
	// A read-only command never creates a file.
	missing := filepath.Join(dir, "missing.db")
	if r := runSlate(t, dir, "--db", missing, "audit", "verify"); r.code != 1 || !strings.Contains(r.stderr, "no Slate database here") {
		t.Errorf("audit verify of a missing file: exit %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a read-only command created the database")
	}
}

func writeDefs(t *testing.T, dir string) string {
	p := filepath.Join(dir, "defs.yaml")
	os.WriteFile(p, []byte(binFeeds), 0o600)
	return p
}

// TestBinaryReadOnlyFile: tests run as root, whom chmod does not stop, so the
// test holds a shared flock on the file as another reader would: a read-only
// open (bbolt's shared lock) goes ahead, a read-write one waits and gives up.
func TestBinaryReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	db := binWorkspace(t, dir)
	os.Chmod(db, 0o444)
	before, _ := os.ReadFile(db)
	f, err := os.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"audit", "verify"}, {"audit", "log"}, {"get", "all"}, {"batches"}, {"report", "--period", "2024-05"}, {"audit", "anchor"}} {
		r := runSlate(t, dir, append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Errorf("slate %s on a read-only file: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	r := runSlate(t, dir, "--db", db, "apply", "-f", filepath.Join(dir, "defs.yaml"))
	noCrash(t, "apply", r)
	if r.code != 1 || !strings.Contains(r.stderr, "database in use") {
		t.Errorf("apply beside a reader: exit %d %s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("read-only commands changed the file")
	}
}

// paddedXLSX writes a workbook whose one sheet is pad bytes of spaces.
func paddedXLSX(t *testing.T, path string, pad int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	} {
		w, _ := zw.Create(p[0])
		io.WriteString(w, p[1])
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sp := bytes.Repeat([]byte(" "), 1<<20)
	for ; pad > 0; pad -= 1 << 20 {
		w.Write(sp[:min(pad, 1<<20)])
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBinaryWhitespaceWorkbook imports a ~0.9 MB workbook whose sheet unpacks
// to 900 MiB of spaces. It must be refused with flat memory; the time it takes
// is logged, not asserted (the refusal comes after SheetSlack bytes, which
// the ingest tests pin down).
func TestBinaryWhitespaceWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "slate.db")
	if r := runSlate(t, dir, "--db", db, "apply", "-f", writeDefs(t, dir)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	x := filepath.Join(dir, "whitespace.xlsx")
	paddedXLSX(t, x, 900<<20)
	st, _ := os.Stat(x)
	r := runSlate(t, dir, "--db", db, "import", x, "--feed", "lat")
	noCrash(t, "import", r)
	t.Logf("%d-byte workbook (900 MiB sheet): refused in %s with %.1f MB peak RSS", st.Size(), r.elapsed.Round(time.Millisecond), float64(r.maxRSS)/1e6)
	if r.code != 1 || !strings.Contains(r.stderr, "padding, not data") {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if r.maxRSS > 200<<20 {
		t.Errorf("peak RSS %d MB, want under 200 MB", r.maxRSS>>20)
	}
	if b := runSlate(t, dir, "--db", db, "--json", "batches"); strings.TrimSpace(b.stdout) != "[]" {
		t.Errorf("batches after the refusal: %s", b.stdout)
	}
}

// TestBinaryKillDuringImport kills `slate import` with SIGKILL 100 times at
// random moments and checks the database after each kill: every published
// batch is complete (its stored points hash to the digest its import event
// recorded, and there are as many as it imported) and the audit chain holds.
// The kill times are drawn from the measured length of an import on this
// machine, so a slow machine gets later kills: nothing depends on speed.
func TestBinaryKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "slate.db")
	if r := runSlate(t, dir, "--db", db, "apply", "-f", writeDefs(t, dir)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	const rows = 40_000 // two staging transactions and the publish
	file := func(i int) string {
		return minutes(t, filepath.Join(dir, fmt.Sprintf("part-%d.csv", i)), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*rows*time.Minute), rows)
	}
	full := time.Duration(math.MaxInt64)
	for i := range 3 {
		r := runSlate(t, dir, "--db", db, "import", file(i), "--feed", "lat")
		if r.code != 0 {
			t.Fatalf("calibration import: %s", r.stderr)
		}
		full = min(full, r.elapsed)
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 11))
	t.Logf("an import of %d rows takes %s here; kill times drawn from [0, %s) (seed %d)", rows, full, full*11/10, seed)
	killed, seen := 0, map[uint64]bool{}
	for i := 3; i < 103; i++ {
		path := file(i)
		cmd := exec.Command(slateBinary(t), "--db", db, "import", path, "--feed", "lat")
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full * 11 / 10))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		}
		os.Remove(path)
		checkAfterKill(t, db, rows, i, seen)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of 100 imports were killed before they finished", killed)
	if killed == 0 {
		t.Error("no import was interrupted: the test tested nothing")
	}
	// A read-write open finishes what the kills interrupted.
	if r := runSlate(t, dir, "--db", db, "init"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	s, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.View(func(tx *storage.Tx) error {
		for id := uint64(1); id < 200; id++ {
			if b, err := tx.Batch(id); err == nil && b.Status != "published" {
				t.Errorf("batch %d is %s after recovery", id, b.Status)
			}
		}
		if v, err := tx.Verify(storage.VerifyOptions{}); err != nil || !v.OK {
			t.Errorf("after recovery: %+v %v", v, err)
		}
		return nil
	})
}

// checkAfterKill opens the database read-only (no recovery) after a kill:
// the chain holds, and every published batch is complete: its stored points
// are as many as it imported and hash to the digest its import event
// recorded. Batches seen complete before are re-hashed only by the full data
// pass every tenth kill.
func checkAfterKill(t *testing.T, db string, rows, i int, seen map[uint64]bool) {
	t.Helper()
	s, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("after kill %d: %v", i, err)
	}
	defer s.Close()
	err = s.View(func(tx *storage.Tx) error {
		v, err := tx.Verify(storage.VerifyOptions{Quick: i%10 != 0})
		if err != nil {
			return err
		}
		if !v.OK {
			t.Errorf("after kill %d: %s", i, v.Problem)
		}
		bs, err := tx.Batches("")
		if err != nil {
			return err
		}
		if v.DataChecked && int(v.Points) != len(bs)*rows {
			t.Errorf("after kill %d: %d points visible, want %d", i, v.Points, len(bs)*rows)
		}
		evs, err := tx.AuditEvents(0)
		if err != nil {
			return err
		}
		recorded := map[string]storage.DataRecord{}
		for _, e := range evs {
			var d struct{ Data storage.DataRecord }
			if e.Action == storage.ActionImport && json.Unmarshal(e.Details, &d) == nil {
				recorded[e.Object] = d.Data
			}
		}
		for _, b := range bs {
			if seen[b.ID] {
				continue
			}
			d, err := tx.BatchDigest(b.ID)
			if err != nil {
				return err
			}
			rec := recorded[fmt.Sprintf("Batch/%d", b.ID)]
			if b.Status != "published" || d.Points != int64(rows) || b.Counts.Imported != rows || !d.Equal(rec.Digest) {
				t.Errorf("after kill %d: batch %d is %s with %d points stored, %d imported, digest %v (recorded %v); want published, complete",
					i, b.ID, b.Status, d.Points, b.Counts.Imported, d, rec.Digest)
			}
			seen[b.ID] = true
		}
		return nil
	})
	if err != nil {
		t.Fatalf("after kill %d: %v", i, err)
	}
}

// rewriteChain rewrites the audit trail inside the file as an attacker with
// write access would: edit changes the events, every hash is recomputed
// (SHA-256 of the event's JSON with the hash empty) and the head moved.
func rewriteChain(t *testing.T, db string, edit func([]storage.AuditEvent) []storage.AuditEvent) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		ab := tx.Bucket([]byte("audit"))
		var evs []storage.AuditEvent
		ab.ForEach(func(k, v []byte) error {
			var e storage.AuditEvent
			json.Unmarshal(v, &e)
			evs = append(evs, e)
			return nil
		})
		for _, e := range evs {
			ab.Delete(binary.BigEndian.AppendUint64(nil, e.Seq))
		}
		evs = edit(evs)
		prev := ""
		for i := range evs {
			evs[i].Prev, evs[i].Hash = prev, ""
			b, _ := json.Marshal(evs[i])
			sum := sha256.Sum256(b)
			evs[i].Hash = hex.EncodeToString(sum[:])
			prev = evs[i].Hash
			v, _ := json.Marshal(evs[i])
			ab.Put(binary.BigEndian.AppendUint64(nil, evs[i].Seq), v)
		}
		last := evs[len(evs)-1]
		head, _ := json.Marshal(map[string]any{"seq": last.Seq, "hash": last.Hash})
		return tx.Bucket([]byte("meta")).Put([]byte("audit_head"), head)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBinaryAnchor: keygen, a signed anchor kept outside the file, then the
// two rewrites a chain cannot show by itself, each caught with the anchor.
func TestBinaryAnchor(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	db := binWorkspace(t, dir)
	if r := runSlate(t, cfg, "--db", db, "audit", "keygen"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	key := filepath.Join(cfg, "slate", "anchor.key")
	if st, err := os.Stat(key); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("anchor key: %v %v", st, err)
	}
	anchorFile := filepath.Join(dir, "anchor.json")
	r := runSlate(t, cfg, "--db", db, "audit", "anchor", "-o", anchorFile)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, `"sig":"`) {
		t.Fatalf("audit anchor: exit %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r := runSlate(t, cfg, "--db", db, "audit", "verify", "--anchor", anchorFile); r.code != 0 || !strings.Contains(r.stdout, "valid, trusted key") {
		t.Fatalf("verify against a fresh anchor: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	backup := filepath.Join(dir, "before.db")
	raw, _ := os.ReadFile(db)
	os.WriteFile(backup, raw, 0o600)

	t.Run("event rewritten and chain re-hashed", func(t *testing.T) {
		os.WriteFile(db, raw, 0o600)
		rewriteChain(t, db, func(evs []storage.AuditEvent) []storage.AuditEvent {
			evs[0].Actor = "someone-else"
			return evs
		})
		if r := runSlate(t, cfg, "--db", db, "audit", "verify"); r.code != 0 || !strings.Contains(r.stdout, "no anchor given") {
			t.Fatalf("without an anchor the rewrite cannot show (and verify says so): exit %d %s%s", r.code, r.stdout, r.stderr)
		}
		r := runSlate(t, cfg, "--db", db, "audit", "verify", "--anchor", anchorFile)
		noCrash(t, "verify", r)
		if r.code != 1 || !strings.Contains(r.stderr, "does not extend the anchor") || !strings.Contains(r.stderr, "rewritten and the chain re-hashed") {
			t.Fatalf("with the anchor: exit %d %s", r.code, r.stderr)
		}
	})
	t.Run("last event removed", func(t *testing.T) {
		os.WriteFile(db, raw, 0o600)
		rewriteChain(t, db, func(evs []storage.AuditEvent) []storage.AuditEvent { return evs[:len(evs)-1] })
		r := runSlate(t, cfg, "--db", db, "audit", "verify", "--quick", "--anchor", anchorFile)
		if r.code != 1 || !strings.Contains(r.stderr, "events were removed from the end") {
			t.Fatalf("with the anchor: exit %d %s", r.code, r.stderr)
		}
	})
	t.Run("anchor edited to match", func(t *testing.T) {
		os.WriteFile(db, raw, 0o600)
		rewriteChain(t, db, func(evs []storage.AuditEvent) []storage.AuditEvent { return evs[:len(evs)-1] })
		var an map[string]any
		b, _ := os.ReadFile(anchorFile)
		json.Unmarshal(b, &an)
		an["seq"] = an["seq"].(float64) - 1
		edited, _ := json.Marshal(an)
		p := filepath.Join(dir, "edited.json")
		os.WriteFile(p, edited, 0o600)
		r := runSlate(t, cfg, "--db", db, "audit", "verify", "--anchor", p)
		if r.code != 1 || !strings.Contains(r.stderr, "signature does not match") {
			t.Fatalf("an edited anchor: exit %d %s", r.code, r.stderr)
		}
	})
}

// editStoredPoints rewrites the stored blocks of feed with edit applied to
// their points, encoded as Slate encodes them, outside Slate (no audit
// event): it returns how many points edit changed.
func editStoredPoints(t *testing.T, db, feed string, edit func(p *domain.Point) bool) int {
	t.Helper()
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	err = b.Update(func(tx *bolt.Tx) error {
		fb := tx.Bucket([]byte("blocks")).Bucket([]byte(feed))
		edited := map[string][]byte{}
		err := fb.ForEach(func(k, v []byte) error {
			var blk, out pointblock.Block
			if _, err := blk.Decode(v); err != nil {
				return err
			}
			changed := false
			for i := range blk.Len() {
				var p domain.Point
				blk.Point(i, &p)
				if edit(&p) {
					changed = true
					n++
				}
				out.Add(&p, blk.Rows[i])
			}
			if changed {
				edited[string(k)] = out.Append(nil)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for k, v := range edited {
			if err := fb.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBinaryVerifyPackSeesFlippedPoints: a pack made, then one stored value
// changed in the file (1518 good deliveries become 1517 in every hour):
// verify-pack must say DOES NOT MATCH and audit verify must name the batch.
func TestBinaryVerifyPackSeesFlippedPoints(t *testing.T) {
	dir := t.TempDir()
	db := binWorkspace(t, dir)
	out := filepath.Join(dir, "packs")
	if r := runSlate(t, dir, "--db", db, "pack", "--period", "2024-05", "--date", "2024-06-01", "--out", out, "--format", "xlsx"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	pack := filepath.Join(out, "review-pack-2024-05.xlsx")
	if r := runSlate(t, dir, "--db", db, "verify-pack", pack); r.code != 0 || !strings.Contains(r.stdout, "MATCHES") || !strings.Contains(r.stdout, "audit head") {
		t.Fatalf("verify-pack before: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	if n := editStoredPoints(t, db, "delivery", func(p *domain.Point) bool {
		if p.Good == 1518 {
			p.Good = 1517
			return true
		}
		return false
	}); n == 0 {
		t.Fatal("no stored point holds 1518")
	}
	r := runSlate(t, dir, "--db", db, "verify-pack", pack)
	if r.code != 1 || !strings.Contains(r.stdout, "DOES NOT MATCH") || !strings.Contains(r.stdout, "batch 2 (feed delivery)") {
		t.Fatalf("verify-pack after the flip: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	r = runSlate(t, dir, "--db", db, "audit", "verify")
	if r.code != 1 || !strings.Contains(r.stderr, "data of batch 2 no longer matches") {
		t.Fatalf("audit verify after the flip: exit %d %s", r.code, r.stderr)
	}
	if r := runSlate(t, dir, "--db", db, "audit", "verify", "--quick"); r.code != 0 {
		t.Errorf("--quick skips the data pass: exit %d %s", r.code, r.stderr)
	}
}

// TestBinaryUpgradeOldDatabase: a database written before data hashes
// (schema 1, import events without "data"). The first command, even a reading
// one, upgrades it after a backup; the backfilled hashes then verify.
func TestBinaryUpgradeOldDatabase(t *testing.T) {
	dir := t.TempDir()
	db := binWorkspace(t, dir)
	rewriteChain(t, db, func(evs []storage.AuditEvent) []storage.AuditEvent {
		for i := range evs {
			var m map[string]json.RawMessage
			json.Unmarshal(evs[i].Details, &m)
			delete(m, "data")
			evs[i].Details, _ = json.Marshal(m)
		}
		return evs
	})
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, 1))
	})
	bdb.Close()
	r := runSlate(t, dir, "--db", db, "report", "--period", "2024-05")
	if r.code != 0 || !strings.Contains(r.stderr, "upgrading the database") {
		t.Fatalf("report on an old database: exit %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(db + ".schema-1.bak"); err != nil {
		t.Errorf("no backup before the upgrade: %v", err)
	}
	if r := runSlate(t, dir, "--db", db, "audit", "verify"); r.code != 0 || !strings.Contains(r.stdout, "2 published batches") {
		t.Fatalf("verify after the upgrade: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
	var evs []storage.AuditEvent
	json.Unmarshal([]byte(runSlate(t, dir, "--db", db, "--json", "audit", "log").stdout), &evs)
	if last := evs[len(evs)-1]; last.Action != storage.ActionDataBackfill || !strings.Contains(string(last.Details), "backfilled at migration") {
		t.Errorf("last event: %s %s", last.Action, last.Details)
	}
}
