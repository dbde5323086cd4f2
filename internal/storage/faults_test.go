package storage

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
)

// bigFixture is a closed database of several MiB (so half of it is past the
// header's page count).
func bigFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	var pts []domain.Point
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 240_000 {
		// random values do not compress to nothing: the data fills most of
		// the file (bbolt's map doubles), so half of it loses pages
		pts = append(pts, domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: float64(rng.IntN(100000)) / 100})
	}
	if _, err := s.WriteBatch("lat", BatchMeta{File: "a.csv"}, seq(pts...)); err != nil {
		t.Fatal(err)
	}
	auditSome(t, s, 3)
	s.Close()
	return path
}

func TestOpenRefusesDamagedAndForeignFiles(t *testing.T) {
	good := bigFixture(t)
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rnd := make([]byte, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rnd {
		rnd[i] = byte(r.Uint32())
	}
	cases := []struct {
		name string
		data []byte
		want error
		says []string
	}{
		{"truncated to half", raw[:len(raw)/2], ErrDamaged, []string{"cut short", "slate doctor", "slate backup"}},
		{"zero bytes", nil, ErrNotSlate, []string{"empty (0 bytes)", "slate init --db"}},
		{"random bytes", rnd, ErrNotSlate, []string{"does not start with a database header"}},
		{"an XLSX", append([]byte("PK\x03\x04"), rnd[:4000]...), ErrNotSlate, []string{"zip archive"}},
		{"both headers overwritten", append(make([]byte, 8192), raw[8192:]...), ErrNotSlate, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha256.Sum256(tc.data)
			for _, ro := range []bool{false, true} {
				_, err := Open(path, Options{ReadOnly: ro})
				if !errors.Is(err, tc.want) {
					t.Fatalf("read-only %v: err = %v, want %v", ro, err, tc.want)
				}
				msg := err.Error()
				if !strings.Contains(msg, path) {
					t.Errorf("message does not name the file: %s", msg)
				}
				for _, s := range tc.says {
					if !strings.Contains(msg, s) {
						t.Errorf("message does not say %q: %s", s, msg)
					}
				}
			}
			after, _ := os.ReadFile(path)
			if sha256.Sum256(after) != before {
				t.Error("the refused file was changed")
			}
		})
	}
	// A zero-byte file becomes a workspace only through Init.
	empty := filepath.Join(dir, "init.db")
	os.WriteFile(empty, nil, 0o600)
	s, created, err := Init(empty, Options{})
	if err != nil || !created {
		t.Fatalf("init of an empty file: created %v, %v", created, err)
	}
	s.Close()
	s, created, err = Init(empty, Options{})
	if err != nil || created {
		t.Fatalf("init of a workspace: created %v, %v", created, err)
	}
	s.Close()
}

func TestOpenRefusesForeignBboltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s := openTest(t, path)
	s.Update(func(tx *Tx) error {
		if err := tx.tx.DeleteBucket(bucketMeta); err != nil {
			return err
		}
		_, err := tx.tx.CreateBucket([]byte("someone-elses"))
		return err
	})
	s.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNotSlate) || !strings.Contains(err.Error(), "another program") {
		t.Fatalf("err = %v", err)
	}
}

// TestReadOnlyOpen checks the open mode itself (tests run as root, whom a
// chmod does not stop): a read-only open takes bbolt's shared lock, so it
// works while another reader holds one, where a read-write open would wait.
func TestReadOnlyOpen(t *testing.T) {
	path := bigFixture(t)
	os.Chmod(path, 0o444)
	before, _ := os.ReadFile(path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, ErrInUse) {
		t.Fatalf("read-write open beside a shared lock: %v, want database in use", err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if v := fullVerify(t, s, VerifyOptions{}); !v.OK || v.Batches != 1 || v.Points != 240_000 {
		t.Errorf("verify on the read-only file: %+v", v)
	}
	if err := s.Update(func(*Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("update on a read-only store: %v", err)
	}
	s.Close()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a read-only open changed the file")
	}
	// An older schema needs a migration that a read-only open cannot make.
	os.Chmod(path, 0o644)
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	s = openTest(t, path)
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(1)) })
	s.Close()
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNeedsMigration) || !strings.Contains(err.Error(), "slate init --db") {
		t.Fatalf("read-only open of an old schema: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing.db"), Options{ReadOnly: true}); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("read-only open of a missing file: %v", err)
	}
}

func TestDoctor(t *testing.T) {
	good := bigFixture(t)
	raw, _ := os.ReadFile(good)
	if r := Doctor(good); !r.OK || len(r.Checks) < 7 {
		t.Fatalf("doctor on a good file: %+v", r)
	}
	half := filepath.Join(t.TempDir(), "half.db")
	os.WriteFile(half, raw[:len(raw)/2], 0o600)
	r := Doctor(half)
	if r.OK {
		t.Fatalf("doctor on a truncated file says OK: %+v", r)
	}
	failed := map[string]bool{}
	for _, c := range r.Checks {
		failed[c.Name] = !c.OK
	}
	if !failed["header"] || !failed["pages"] {
		t.Errorf("truncated file: checks %+v", r.Checks)
	}
	if after, _ := os.ReadFile(half); len(after) != len(raw)/2 {
		t.Error("doctor changed the file")
	}
	zero := filepath.Join(t.TempDir(), "zero.db")
	os.WriteFile(zero, nil, 0o600)
	if r := Doctor(zero); r.OK || !strings.Contains(strings.Join(r.Advice, " "), "slate init") {
		t.Errorf("zero-byte: %+v", r)
	}
}

// TestDoctorRebuildsFromPages loses the root page (where every bucket starts)
// and checks that doctor still finds the audit events page by page, linked
// into a chain, and rebuilds the definitions they carry.
func TestDoctorRebuildsFromPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	def := func(name, desc string) json.RawMessage {
		return json.RawMessage(`{"apiVersion":"slate/v1","kind":"Service","metadata":{"name":"` + name + `","description":"` + desc + `"},"spec":{}}`)
	}
	for i := range 20 {
		name := fmt.Sprintf("svc-%02d", i)
		s.Update(func(tx *Tx) error {
			_, err := tx.Audit("definition.created", "Service/"+name, map[string]any{"definition": def(name, strings.Repeat("x", 100))})
			return err
		})
	}
	s.Update(func(tx *Tx) error {
		_, err := tx.Audit("definition.updated", "Service/svc-03", map[string]any{"definition": def("svc-03", "changed")})
		return err
	})
	s.Update(func(tx *Tx) error {
		_, err := tx.Audit("definition.deleted", "Service/svc-04", map[string]any{"definition": def("svc-04", "")})
		return err
	})
	s.Close()
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	st, _ := f.Stat()
	h := ReadHeader(f, st.Size())
	m := h.Metas[h.Use]
	f.WriteAt(make([]byte, m.PageSize), int64(m.Root)*int64(m.PageSize))
	f.Close()

	r := Doctor(path)
	if r.OK || r.passed("audit chain") {
		t.Fatalf("doctor with the root page gone: %+v", r.Checks)
	}
	if !r.passed("page scan") || !strings.Contains(strings.Join(r.Savable, "\n"), "19 definitions as of event 22") {
		t.Fatalf("page scan: %+v\nsavable %q", r.Checks, r.Savable)
	}
	ps, err := ScanPages(path, h)
	if err != nil || ps.Linked != 22 {
		t.Fatalf("scan: linked %d, %v", ps.Linked, err)
	}
	defs := ps.Definitions()
	if _, gone := defs["Service/svc-04"]; gone || !strings.Contains(string(defs["Service/svc-03"]), "changed") {
		t.Errorf("replay: %s", defs["Service/svc-03"])
	}
}
