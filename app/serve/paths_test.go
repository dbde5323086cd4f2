package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"slate/app"
	"slate/internal/storage"
)

// The acceptance test of "no server paths over the API": every API method
// is called with absolute, relative (../..) and URL-encoded paths in every
// string argument (the values come from reflection over the method's
// signature, so a new method is covered without a word here). Nothing
// outside Slate's own folder is read, created or changed, and the database
// still opens and verifies afterwards.
func TestNoMethodTouchesAPathItIsGiven(t *testing.T) {
	if testing.Short() {
		t.Skip("calls every method a few thousand times")
	}
	f := newFixture(t, Options{})
	const marker = "TOP-SECRET-d41d8cd98f00"
	// Outside Slate's folder (f.dir/slate): a file worth stealing, shaped as
	// parcel-orders data so a stray import would succeed and show; the
	// working folder relative paths start from; and a folder with files.
	secretCSV := "Order ID,Created,Delivered\n" + marker + ",2025-06-02 09:00:00,2025-06-03 10:00:00\n"
	secret := filepath.Join(f.dir, "secret.csv")
	work := filepath.Join(f.dir, "work", "deep")
	for p, data := range map[string]string{secret: secretCSV, filepath.Join(f.dir, "work", "notes.txt"): marker, filepath.Join(work, "keep.txt"): "keep"} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(work)
	paths := []string{
		secret,                               // absolute, exists
		filepath.Join(f.dir, "created.xlsx"), // absolute, to be created
		filepath.Join(f.dir, "work"),         // absolute, a folder
		f.db,                                 // the live database itself
		"../../secret.csv", "../../created.csv", "../../../", "../../slate/slate.db", "./keep.txt",
		"..%2F..%2Fsecret.csv", "%2E%2E%2F%2E%2E%2Fsecret.csv", strings.ReplaceAll(secret, "/", "%2F"),
		"..\\..\\secret.csv", "file://" + secret, secret + "\x00.csv",
	}
	before := snapshot(t, f.dir, filepath.Dir(f.db))

	// Plausible values for the other arguments, so a call gets past "no such
	// feed" to where a path would be used, if it were.
	var uploadID string
	fresh := func() string {
		uploadID = f.upload("admin", "orders.csv", []byte("Order ID,Created,Delivered\nQ-1,2025-06-04 09:00:00,2025-06-05 10:00:00\n"))
		return uploadID
	}
	pool := []func() string{
		func() string { return "" },
		fresh,
		func() string { return "parcel-orders" },
		func() string { return "parcel-delivery-48h" },
		func() string { return "2026-10" },
		func() string { return "Feed" },
	}
	calls := 0
	// Users/Revoke and Workspace/Delete run last: they may remove what the
	// other calls need (a user, a definition).
	var methods []string
	for m := range f.srv.Methods() {
		if m != "Users/Revoke" && m != "Workspace/Delete" {
			methods = append(methods, m)
		}
	}
	sort.Strings(methods)
	methods = append(methods, "Users/Revoke", "Workspace/Delete")
	for _, name := range methods {
		m := f.srv.Methods()[name]
		slots := countStrings(m.Type)
		for _, p := range paths {
			for slot := -1; slot < slots; slot++ {
				for _, other := range pool {
					// slot -1: every string is the path; else only that one, the others plausible.
					g := &argGen{path: p, slot: slot, other: other}
					var args []any
					for i := 1; i < m.Type.NumIn(); i++ {
						args = append(args, g.value(m.Type.In(i), 0))
					}
					code, body := f.call("admin", name, args...)
					calls++
					if strings.Contains(body, marker) {
						t.Fatalf("%s%v read a file it was not given as an upload: %d %s", name, args, code, clip(body, 300))
					}
					if code == http.StatusInternalServerError {
						t.Fatalf("%s%v: %d %s", name, args, code, body)
					}
					if slot == -1 {
						break // the pool does not matter when every string is the path
					}
				}
			}
		}
	}
	after := snapshot(t, f.dir, filepath.Dir(f.db))
	if d := diff(before, after); d != "" {
		t.Fatalf("calls changed files outside Slate's folder:\n%s", d)
	}
	// Nothing the secret holds reached the data, evidence or uploads.
	sum := sha256.Sum256([]byte(secretCSV))
	var batches []storage.Batch
	var xs []app.Exception
	f.ok(&batches, "admin", "Imports/Batches", "")
	f.ok(&xs, "admin", "Exceptions/List")
	for _, b := range batches {
		if b.SHA256 == hex.EncodeToString(sum[:]) {
			t.Fatalf("batch %d is the secret file", b.ID)
		}
	}
	for _, x := range xs {
		for _, e := range x.Evidence {
			if e.SHA256 == hex.EncodeToString(sum[:]) {
				t.Fatalf("exception %s holds the secret file", x.ID)
			}
		}
	}
	// The database is intact and opens again.
	var v app.AuditVerification
	f.ok(&v, "admin", "Audit/Verify")
	if !v.OK {
		t.Fatalf("audit chain after the calls: %+v", v)
	}
	f.a.Close()
	a, err := app.Open(f.db)
	if err != nil {
		t.Fatalf("the database does not open after the calls: %v", err)
	}
	defer a.Close()
	if v, err := a.Audit.Verify(); err != nil || !v.OK {
		t.Fatalf("reopened: %+v %v", v, err)
	}
	t.Logf("%d calls over %d methods and %d paths", calls, len(methods), len(paths))
}

// argGen builds an argument of any type for one call: a string is the path
// when it is string number slot (or every string when slot is -1), else a
// plausible value.
type argGen struct {
	path  string
	slot  int
	n     int
	other func() string
}

func (g *argGen) str() string {
	i := g.n
	g.n++
	if g.slot == -1 || i == g.slot {
		return g.path
	}
	return g.other()
}

func (g *argGen) value(t reflect.Type, depth int) any {
	if depth > 4 {
		return nil
	}
	if t == reflect.TypeOf(time.Time{}) {
		return time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	}
	if reflect.PointerTo(t).Implements(reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()) ||
		reflect.PointerTo(t).Implements(reflect.TypeOf((*interface{ UnmarshalText([]byte) error })(nil)).Elem()) {
		return reflect.Zero(t).Interface()
	}
	switch t.Kind() {
	case reflect.String:
		return g.str()
	case reflect.Bool:
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return 1
	case reflect.Float32, reflect.Float64:
		return 1.5
	case reflect.Pointer:
		return g.value(t.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return []byte(g.str())
		}
		return []any{g.value(t.Elem(), depth+1)}
	case reflect.Map:
		return map[string]any{g.str(): g.value(t.Elem(), depth+1)}
	case reflect.Interface:
		return g.str()
	case reflect.Struct:
		out := map[string]any{}
		for _, fl := range jsonFields(t) {
			out[fl.name] = g.value(fl.typ, depth+1)
		}
		return out
	}
	return nil
}

// countStrings is how many strings one call's arguments hold (as argGen fills them).
func countStrings(ft reflect.Type) int {
	g := &argGen{slot: -2, other: func() string { return "" }}
	for i := 1; i < ft.NumIn(); i++ {
		g.value(ft.In(i), 0)
	}
	return g.n
}

type fileState struct {
	mode fs.FileMode
	size int64
	mod  time.Time
	sum  string
}

// snapshot records every file and folder under root except skip.
func snapshot(t *testing.T, root, skip string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == skip {
			return filepath.SkipDir
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{mode: info.Mode(), size: info.Size(), mod: info.ModTime()}
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s := sha256.Sum256(b)
			st.sum = hex.EncodeToString(s[:])
		}
		out[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diff(a, b map[string]fileState) string {
	var out []string
	for p, s := range a {
		if t, ok := b[p]; !ok {
			out = append(out, "removed "+p)
		} else if t != s {
			out = append(out, fmt.Sprintf("changed %s: %+v → %+v", p, s, t))
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, "created "+p)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
