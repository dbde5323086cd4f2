package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/internal/importer"
	"slate/internal/storage"
)

// countsCSV writes n rows of the "req" counts feed (5-minute interval).
func countsCSV(t *testing.T, dir, name string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Time,Requests,Errors\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "%s,%d,%d\n", start.Add(time.Duration(i)*5*time.Minute).Format(time.RFC3339), 100+i%7, i%3)
	}
	return writeFile(t, dir, name, []byte(b.String()))
}

type importState struct {
	points, events int
	published      []uint64
	mappingSaved   bool
}

func stateOf(t *testing.T, a *App, feed string) importState {
	t.Helper()
	var s importState
	s.points = len(points(t, a, feed))
	ev, err := a.Audit.Log(0)
	if err != nil {
		t.Fatal(err)
	}
	s.events = len(ev)
	bs, err := a.Imports.Batches(feed)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.Status == "published" {
			s.published = append(s.published, b.ID)
		}
	}
	fs, err := a.Imports.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Name == feed {
			s.mappingSaved = f.Mapping != nil
		}
	}
	return s
}

// A cancelled import stops after rows were staged, discards them, and leaves
// the database as it was: no points, no batch, no saved mapping, no audit event.
func TestCancelledImportLeavesNothing(t *testing.T) {
	a, dir := newImportApp(t)
	path := countsCSV(t, dir, "big.csv", 3*importer.FlushRows)
	before := stateOf(t, a, "req")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var staged int
	src, err := a.shared.uploads.Get(a.caller.Name, adopted(t, a, path))
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Imports.run(ctx, ImportRequest{Feed: "req", Progress: func(done, total int64) {
		if staged == 0 {
			// The first chunk is in the staging batch now: cancel mid-import.
			a.store.View(func(tx *storage.Tx) error {
				for id := uint64(1); id < 10; id++ {
					if b, err := tx.Batch(id); err == nil && b.Status == "staging" {
						staged++
					}
				}
				return nil
			})
			cancel()
		}
	}}, src)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: err = %v, want context.Canceled", err)
	}
	if staged != 1 {
		t.Fatalf("the import was cancelled before it staged anything (staging batches: %d); the test proves nothing", staged)
	}
	after := stateOf(t, a, "req")
	if after.points != 0 || len(after.published) != 0 || after.events != before.events || after.mappingSaved {
		t.Fatalf("a cancelled import changed the database: before %+v, after %+v", before, after)
	}
	a.store.View(func(tx *storage.Tx) error {
		for id := uint64(1); id < 10; id++ {
			if b, err := tx.Batch(id); err == nil && b.Status != "discarded" {
				t.Errorf("batch %d of the cancelled import is %s", id, b.Status)
			}
		}
		return nil
	})
	verifyAudit(t, a)

	// The same file imports afterwards: nothing of the cancelled run is in the way.
	res, err := a.Local.Import(path, ImportRequest{Feed: "req"})
	if err != nil || res.Counts.Imported != 3*importer.FlushRows {
		t.Fatalf("import after cancel: %+v %v", res.Counts, err)
	}
	verifyAudit(t, a)
}

// The same through the job API the UI uses: Start, Cancel, Get.
func TestImportJobCancel(t *testing.T) {
	a, dir := newImportApp(t)
	path := countsCSV(t, dir, "big.csv", 3*importer.FlushRows)
	before := stateOf(t, a, "req")

	reached, release := make(chan struct{}), make(chan struct{})
	first := true
	id, err := a.Imports.Start(ImportRequest{Upload: adopted(t, a, path), Feed: "req", Progress: func(done, total int64) {
		if first {
			first = false
			close(reached)
			<-release
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-reached:
	case <-time.After(3 * time.Minute): // a hang guard, not a speed test
		t.Fatal("the import job reported no progress")
	}
	j, err := a.Jobs.Get(id)
	if err != nil || j.State != JobRunning || j.Done == 0 || j.Total == 0 || j.Kind != JobImport || !strings.Contains(j.Title, "big.csv") {
		t.Fatalf("running import job: %+v %v", j, err)
	}
	if _, err := a.Jobs.Cancel(id); err != nil {
		t.Fatal(err)
	}
	close(release)
	j, err = a.Jobs.Wait(context.Background(), id)
	if err != nil || j.State != JobCancelled || j.Result != nil {
		t.Fatalf("cancelled import job: %+v %v", j, err)
	}
	after := stateOf(t, a, "req")
	if after.points != 0 || len(after.published) != 0 || after.events != before.events || after.mappingSaved {
		t.Fatalf("a cancelled import job changed the database: before %+v, after %+v", before, after)
	}
	verifyAudit(t, a)
}

func TestImportJobDryRunThenImport(t *testing.T) {
	a, dir := newImportApp(t)
	path := writeFile(t, dir, "req.csv", []byte("Time,Requests,Errors\n2024-05-01T00:00:00Z,100,2\n2024-05-01T00:05:00Z,x,0\n2024-05-01T00:10:00Z,50,0\n"))

	id, err := a.Imports.Start(ImportRequest{Upload: adopted(t, a, path), Feed: "req", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	j, _ := a.Jobs.Wait(context.Background(), id)
	res, ok := j.Result.(ImportResult)
	if j.State != JobDone || !ok || j.Kind != JobCheck {
		t.Fatalf("dry-run job: %+v", j)
	}
	if !res.DryRun || res.Batch != 0 || res.Counts.Imported != 2 || res.Counts.Rejected != 1 || res.FindingCounts["non_numeric"] != 1 {
		t.Fatalf("dry-run result: %+v", res)
	}
	if n := len(points(t, a, "req")); n != 0 {
		t.Fatalf("a dry run stored %d points", n)
	}

	id, _ = a.Imports.Start(ImportRequest{Upload: adopted(t, a, path), Feed: "req"})
	j, _ = a.Jobs.Wait(context.Background(), id)
	res, _ = j.Result.(ImportResult)
	if j.State != JobDone || res.Batch == 0 || res.Counts.Imported != 2 || j.Done != j.Total {
		t.Fatalf("import job: %+v", j)
	}
	// The result travels as JSON to the UI.
	b, err := json.Marshal(j)
	if err != nil || !bytes.Contains(b, []byte(`"batch":`)) {
		t.Fatalf("job JSON: %s %v", b, err)
	}

	// Importing it again fails with the reason, as a failed job.
	id, _ = a.Imports.Start(ImportRequest{Upload: adopted(t, a, path), Feed: "req"})
	j, _ = a.Jobs.Wait(context.Background(), id)
	if j.State != JobFailed || !strings.Contains(j.Error, "already imported into feed req") {
		t.Fatalf("second import job: %+v", j)
	}

	if _, err := a.Local.Upload(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("a missing file was taken as an upload")
	}
	if _, err := a.Local.Upload(dir); err == nil {
		t.Error("a folder was taken as an upload")
	}
	up := adopted(t, a, path)
	for _, bad := range []ImportRequest{
		{Upload: up, Feed: "nope"},
		{Upload: "0123456789abcdef01234567", Feed: "req"},
		{Upload: path, Feed: "req"},
		{Upload: "", Feed: "req"},
		{Upload: up, Feed: "req", OnConflict: "merge"},
	} {
		if _, err := a.Imports.Start(bad); err == nil {
			t.Errorf("Start(%+v) was accepted", bad)
		}
	}
	verifyAudit(t, a)
}

func TestUploadPreviewImport(t *testing.T) {
	a, _ := newImportApp(t)
	data := []byte("Time,Requests,Errors\n2024-05-01T00:00:00Z,100,2\n2024-05-01T00:05:00Z,80,1\n")
	u, err := a.Imports.Upload(UploadChunk{Name: `C:\exports\May requests.csv`, Size: int64(len(data)), Data: data[:20]})
	if err != nil {
		t.Fatal(err)
	}
	stored := a.shared.uploads.Path(u.ID)
	if u.Complete || u.Received != 20 || u.Name != "May requests.csv" || filepath.Base(stored) != "May requests.csv" ||
		!strings.HasPrefix(stored, a.store.Path()+".uploads"+string(filepath.Separator)) || u.Local != "" {
		t.Fatalf("first chunk: %+v", u)
	}
	if _, err := a.Imports.Upload(UploadChunk{ID: u.ID, Offset: 5, Data: data[20:]}); err == nil || !strings.Contains(err.Error(), "expected 20") {
		t.Fatalf("out-of-order chunk: %v", err)
	}
	// JSON carries the bytes as base64, as the browser sends them.
	body := fmt.Sprintf(`{"id":%q,"offset":20,"data":%q}`, u.ID, base64.StdEncoding.EncodeToString(data[20:]))
	var c UploadChunk
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if u, err = a.Imports.Upload(c); err != nil || !u.Complete || u.Received != int64(len(data)) {
		t.Fatalf("last chunk: %+v %v", u, err)
	}
	if got, _ := os.ReadFile(stored); !bytes.Equal(got, data) {
		t.Fatalf("stored upload: %q", got)
	}

	if _, err := a.As(Caller{Name: "mallory", Role: RoleManager}).Imports.Preview(u.ID, "req", ""); err == nil {
		t.Fatal("another caller previewed the upload")
	}
	p, err := a.Imports.Preview(u.ID, "req", "")
	if err != nil || p.File != "May requests.csv" || len(p.Samples) != 2 || len(p.Suggestion.Missing) != 0 {
		t.Fatalf("preview of the upload: %+v %v", p, err)
	}
	id, err := a.Imports.Start(ImportRequest{Upload: u.ID, Feed: "req", Mapping: &p.Suggestion.Mapping})
	if err != nil {
		t.Fatal(err)
	}
	j, _ := a.Jobs.Wait(context.Background(), id)
	res, _ := j.Result.(ImportResult)
	if j.State != JobDone || res.File != "May requests.csv" || res.Counts.Imported != 2 || !res.MappingSaved || j.Title != "Import May requests.csv into req" {
		t.Fatalf("import of the upload: %+v %+v", j, res)
	}
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Fatalf("the imported upload is still on disk: %v", err)
	}
	if err := a.Imports.DiscardUpload(u.ID); err == nil {
		t.Fatal("discarding an imported upload succeeded")
	}
}

func TestUploadLimits(t *testing.T) {
	a, _ := newImportApp(t)
	if _, err := a.Imports.Upload(UploadChunk{Name: "huge.csv", Size: MaxUploadSize + 1}); err == nil ||
		!strings.Contains(err.Error(), "huge.csv is 512.0 MiB") || !strings.Contains(err.Error(), "at most 512.0 MiB") {
		t.Fatalf("oversized upload: %v", err)
	}
	if _, err := a.Imports.Upload(UploadChunk{Name: "../", Size: 3, Data: []byte("abc")}); err == nil {
		t.Fatal("an upload without a name was accepted")
	}
	if _, err := a.Imports.Upload(UploadChunk{Name: "a.csv", Size: 10, Data: make([]byte, MaxUploadChunk+1)}); err == nil {
		t.Fatal("an oversized chunk was accepted")
	}
	u, err := a.Imports.Upload(UploadChunk{Name: "../../etc/passwd", Size: 3, Data: []byte("ab")})
	if err != nil || u.Name != "passwd" || !strings.HasPrefix(a.shared.uploads.Path(u.ID), a.shared.uploads.Dir()) {
		t.Fatalf("path in the name: %+v %v", u, err)
	}
	stored := a.shared.uploads.Path(u.ID)
	if _, err := a.Imports.Upload(UploadChunk{ID: u.ID, Offset: 2, Data: []byte("cd")}); err == nil || !strings.Contains(err.Error(), "more data than the declared size") {
		t.Fatalf("too much data: %v", err)
	}
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Fatal("a refused upload left its file")
	}
	if _, err := a.Imports.Upload(UploadChunk{ID: "nope", Offset: 0, Data: []byte("x")}); err == nil {
		t.Fatal("an unknown upload id was accepted")
	}
	u, _ = a.Imports.Upload(UploadChunk{Name: "keep.csv", Size: 1, Data: []byte("x")})
	stored = a.shared.uploads.Path(u.ID)
	if err := a.As(Caller{Name: "mallory", Role: RoleManager}).Imports.DiscardUpload(u.ID); err == nil {
		t.Fatal("another caller discarded the upload")
	}
	if err := a.Imports.DiscardUpload(u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Fatal("a discarded upload is still on disk")
	}
}

func TestRejectsFileAndFeeds(t *testing.T) {
	a, dir := newImportApp(t)
	path := writeFile(t, dir, "req.csv", []byte("Time,Requests,Errors\n2024-05-01T00:00:00Z,100,2\n2024-05-01T00:05:00Z,=1+1,0\n"))
	res, err := a.Local.Import(path, ImportRequest{Feed: "req"})
	if err != nil || res.Counts.Rejected != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	x, err := a.Imports.RejectsFile(res.Batch, "")
	if err != nil || x.Type != MimeXLSX || x.Rows != 1 || !bytes.HasPrefix(x.Data, []byte("PK\x03\x04")) || x.Size != int64(len(x.Data)) ||
		x.Name != fmt.Sprintf("rejects-batch-%d.xlsx", res.Batch) {
		t.Fatalf("xlsx rejects: %+v %v", x.Name, err)
	}
	c, err := a.Imports.RejectsFile(res.Batch, "CSV")
	if err != nil || c.Type != MimeCSV || c.Rows != 1 || !bytes.Contains(c.Data, []byte("'=1+1")) {
		t.Fatalf("csv rejects: %q %v", c.Data, err)
	}
	if _, err := a.Imports.RejectsFile(res.Batch, "pdf"); err == nil {
		t.Fatal("a pdf rejects file was accepted")
	}
	if _, err := a.Imports.RejectsFile(999, "csv"); err == nil {
		t.Fatal("rejects of a missing batch")
	}

	fs, err := a.Imports.Feeds()
	if err != nil || len(fs) != 4 {
		t.Fatalf("feeds: %+v %v", fs, err)
	}
	byName := map[string]FeedInfo{}
	for _, f := range fs {
		byName[f.Name] = f
	}
	req := byName["req"]
	if req.Shape != "counts" || strings.Join(req.Required, ",") != "time,good,total" || req.Interval != "5m" || req.TimeZone != "UTC" ||
		req.Batches != 1 || req.Mapping == nil || !req.DataTo.Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("feed req: %+v", req)
	}
	if tk := byName["tickets"]; tk.Shape != "item" || tk.Required[0] != "item" || tk.TimeZone != "Europe/London" || tk.Batches != 0 {
		t.Fatalf("feed tickets: %+v", tk)
	}
}
