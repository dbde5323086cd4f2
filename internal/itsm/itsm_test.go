package itsm_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"slate/internal/itsm"
	"slate/internal/looptest"
	"slate/internal/storage"
)

const key = "s3cret-hmac-key"

// receiver is an ITSM tool: it verifies every delivery's signature and
// answers with a ticket number, or is down (503) while down is set.
type receiver struct {
	mu       sync.Mutex
	down     bool
	got      []itsm.Task
	verifyAt time.Time
	errs     []error
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.down {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(req.Body)
	if err := itsm.Verify([]byte(key), req.Header, body, r.verifyAt, 5*time.Minute); err != nil {
		r.errs = append(r.errs, err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	var t itsm.Task
	json.Unmarshal(body, &t)
	r.got = append(r.got, t)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"result": map[string]string{"number": "INC00" + t.ID[2:], "sys_id": "abc"}})
}

func setup(t *testing.T, url string, clock *looptest.Clock) *storage.Store {
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Service
metadata: {name: desk}
spec: {owner: Bo}
---
apiVersion: slate/v1
kind: Integration
metadata: {name: servicenow}
spec:
  webhook: {url: "`+url+`", secretEnv: SLATE_TEST_ITSM_KEY, timeout: 5s}
  services: [shop]
`)
	return st
}

func enqueue(t *testing.T, st *storage.Store, task itsm.Task) []string {
	t.Helper()
	var ids []string
	err := st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		ids, err = itsm.Enqueue(tx, ws, "slate", st.Now(), task)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// A task reaches the webhook with a valid signature and the remote
// reference is kept; while the receiver is down the task waits in the
// outbox with the reason, retried on the backoff schedule (an injected
// clock, no sleeping), and is delivered once the receiver is back.
func TestWebhookDeliveryAndRetries(t *testing.T) {
	rcv := &receiver{}
	srv := httptest.NewServer(rcv)
	defer srv.Close()
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	rcv.verifyAt = clock.T
	st := setup(t, srv.URL+"/api/tasks", clock)
	d := &itsm.Deliverer{Store: st, Getenv: func(k string) string {
		if k == "SLATE_TEST_ITSM_KEY" {
			return key
		}
		return ""
	}}

	if ids := enqueue(t, st, itsm.Task{Event: "rca.opened", Title: "other service", Service: "desk"}); len(ids) != 0 {
		t.Fatalf("a task of a service the integration does not take was queued: %v", ids)
	}
	ids := enqueue(t, st, itsm.Task{Event: "rca.opened", Title: "RCA: parcels late 3 months", SLT: "parcels", Service: "shop", Breach: "parcels@2026-08", Period: "2026-08", Priority: 4.5, Due: "2026-11-16", Links: itsm.TaskLinks{RCA: "RCA-1"}})
	if len(ids) != 1 || ids[0] != "T-1" {
		t.Fatalf("queued %v", ids)
	}

	rcv.down = true
	rep, err := d.Deliver(context.Background())
	if err != nil || rep.Attempted != 1 || rep.Failed != 1 {
		t.Fatalf("first attempt: %+v, %v", rep, err)
	}
	pending, _ := itsm.List(st, itsm.Filter{Status: itsm.StatusPending})
	if len(pending) != 1 || !strings.Contains(pending[0].LastError, "HTTP 503") || !pending[0].NextAttempt.Equal(clock.T.Add(time.Minute)) {
		t.Fatalf("after a failure the task waits with its reason: %+v", pending)
	}
	// not due yet: nothing is sent
	clock.T = clock.T.Add(30 * time.Second)
	if rep, _ := d.Deliver(context.Background()); rep.Attempted != 0 || rep.Waiting != 1 {
		t.Fatalf("attempted before the backoff ended: %+v", rep)
	}
	// second failure doubles the wait
	clock.T = clock.T.Add(31 * time.Second)
	if rep, _ := d.Deliver(context.Background()); rep.Failed != 1 {
		t.Fatalf("second attempt: %+v", rep)
	}
	pending, _ = itsm.List(st, itsm.Filter{Status: itsm.StatusPending})
	if !pending[0].NextAttempt.Equal(clock.T.Add(2*time.Minute)) || pending[0].Attempts != 2 {
		t.Fatalf("backoff after two failures: %+v", pending[0])
	}

	// back up: delivered at the next due attempt
	rcv.mu.Lock()
	rcv.down = false
	rcv.mu.Unlock()
	clock.T = clock.T.Add(2 * time.Minute)
	rcv.verifyAt = clock.T
	rep, err = d.Deliver(context.Background())
	if err != nil || rep.Delivered != 1 {
		t.Fatalf("after the receiver came back: %+v, %v", rep, err)
	}
	if len(rcv.errs) > 0 || len(rcv.got) != 1 {
		t.Fatalf("receiver: errors %v, tasks %d", rcv.errs, len(rcv.got))
	}
	got := rcv.got[0]
	if got.ID != "T-1" || got.Schema != "slate-task/v1" || got.Breach != "parcels@2026-08" || got.Priority != 4.5 || got.Due != "2026-11-16" || got.Links.RCA != "RCA-1" {
		t.Fatalf("task received %+v", got)
	}
	done, _ := itsm.List(st, itsm.Filter{Status: itsm.StatusDelivered})
	if len(done) != 1 || done[0].RemoteRef != "INC001" || done[0].Attempts != 3 || len(done[0].History) != 3 {
		t.Fatalf("delivered entry %+v", done)
	}
	if rep, _ := d.Deliver(context.Background()); rep.Attempted != 0 {
		t.Fatalf("a delivered task was sent again: %+v", rep)
	}
	if _, err := itsm.Retry(st, "maria", "T-1"); err == nil || !strings.Contains(err.Error(), "already delivered") {
		t.Fatalf("retrying a delivered task: %v", err)
	}

	// the audit trail has the queueing and every attempt
	var actions []string
	st.View(func(tx *storage.Tx) error {
		evs, _ := tx.AuditEvents(0)
		for _, e := range evs {
			actions = append(actions, e.Action)
		}
		return nil
	})
	if strings.Join(actions, " ") != "itsm.queue itsm.attempt-failed itsm.attempt-failed itsm.deliver" {
		t.Fatalf("audit %v", actions)
	}
}

// A missing key, a bad signature and a receiver that never answers in
// time are failures with a reason; retry makes a waiting task due at once.
func TestDeliveryFailuresAndRetry(t *testing.T) {
	rcv := &receiver{}
	srv := httptest.NewServer(rcv)
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	rcv.verifyAt = clock.T
	st := setup(t, srv.URL, clock)
	enqueue(t, st, itsm.Task{Event: "action.created", Title: "Agree a recovery plan", Service: "shop"})

	noKey := &itsm.Deliverer{Store: st, Getenv: func(string) string { return "" }}
	rep, _ := noKey.Deliver(context.Background())
	if rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "environment variable SLATE_TEST_ITSM_KEY is not set") {
		t.Fatalf("missing key: %+v", rep)
	}
	wrong := &itsm.Deliverer{Store: st, Getenv: func(string) string { return "not-the-key" }}
	if _, err := itsm.Retry(st, "maria", ""); err != nil {
		t.Fatal(err)
	}
	rep, _ = wrong.Deliver(context.Background())
	if rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "HTTP 401: signature does not match") {
		t.Fatalf("wrong key: %+v", rep)
	}
	srv.Close() // the receiver is gone
	if ids, err := itsm.Retry(st, "maria", "t-1"); err != nil || len(ids) != 1 {
		t.Fatalf("retry: %v %v", ids, err)
	}
	ok := &itsm.Deliverer{Store: st, Getenv: func(string) string { return key }}
	rep, _ = ok.Deliver(context.Background())
	if rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "cannot reach") {
		t.Fatalf("server gone: %+v", rep)
	}
	list, _ := itsm.List(st, itsm.Filter{})
	if len(list) != 1 || list[0].Status != itsm.StatusPending || list[0].Attempts != 3 {
		t.Fatalf("the task must wait, never lost: %+v", list)
	}
	if _, err := itsm.Retry(st, "maria", "X-1"); err == nil || !strings.Contains(err.Error(), "is not a valid outbox task id") {
		t.Fatalf("bad id: %v", err)
	}
	if _, err := itsm.List(st, itsm.Filter{Status: "lost"}); err == nil {
		t.Fatal("an unknown status filter was accepted")
	}
}

func TestDropFolder(t *testing.T) {
	dir := t.TempDir()
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, `apiVersion: slate/v1
kind: Integration
metadata: {name: json-drop}
spec: {dropFolder: {path: "`+dir+`"}}
---
apiVersion: slate/v1
kind: Integration
metadata: {name: csv-drop}
spec: {dropFolder: {path: "`+filepath.Join(dir, "csv")+`", format: csv}, events: [action.created]}
`)
	ids := enqueue(t, st, itsm.Task{Event: "action.created", Title: "=HYPERLINK(\"x\")", Owner: "Søren", Priority: 2})
	if len(ids) != 2 {
		t.Fatalf("queued %v", ids)
	}
	d := &itsm.Deliverer{Store: st}
	rep, _ := d.Deliver(context.Background())
	if rep.Delivered != 1 || rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "does not exist") {
		t.Fatalf("first run (csv folder missing): %+v", rep)
	}
	os.Mkdir(filepath.Join(dir, "csv"), 0o755)
	clock.T = clock.T.Add(time.Minute)
	if rep, _ = d.Deliver(context.Background()); rep.Delivered != 1 {
		t.Fatalf("after the folder appeared: %+v", rep)
	}
	var task itsm.Task
	raw, err := os.ReadFile(filepath.Join(dir, "slate-task-T-2.json"))
	if err != nil || json.Unmarshal(raw, &task) != nil || task.Owner != "Søren" {
		t.Fatalf("json file: %s %v", raw, err)
	}
	f, err := os.Open(filepath.Join(dir, "csv", "slate-task-T-1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][3] != "'=HYPERLINK(\"x\")" || rows[1][12] != "2" {
		t.Fatalf("csv file %q %v", rows, err)
	}
	list, _ := itsm.List(st, itsm.Filter{Status: itsm.StatusDelivered})
	if len(list) != 2 || !strings.HasSuffix(list[0].RemoteRef, ".csv") {
		t.Fatalf("delivered %+v", list)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour}
	for i, w := range want {
		if got := itsm.Backoff(i + 1); got != w {
			t.Errorf("Backoff(%d) = %v, want %v", i+1, got, w)
		}
	}
}

// The receiver is down — nothing listens on its address — when the task is
// queued; the task waits in the outbox with the reason, and is delivered
// with a valid signature once a receiver listens there again.
func TestReceiverDownThenBack(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // down
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	st := setup(t, "http://"+addr+"/hook", clock)
	enqueue(t, st, itsm.Task{Event: "rca.opened", Title: "RCA", Service: "shop"})
	d := &itsm.Deliverer{Store: st, Getenv: func(string) string { return key }}
	for i := 1; i <= 3; i++ {
		rep, err := d.Deliver(context.Background())
		if err != nil || rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "cannot reach http://"+addr) {
			t.Fatalf("attempt %d while down: %+v, %v", i, rep, err)
		}
		clock.T = clock.T.Add(itsm.Backoff(i))
	}
	l, err = net.Listen("tcp", addr) // back, on the same address
	if err != nil {
		t.Skipf("the port was taken meanwhile: %v", err)
	}
	rcv := &receiver{verifyAt: clock.T}
	srv := &http.Server{Handler: rcv}
	go srv.Serve(l)
	defer srv.Close()
	rep, err := d.Deliver(context.Background())
	if err != nil || rep.Delivered != 1 || len(rcv.got) != 1 || len(rcv.errs) != 0 {
		t.Fatalf("after the receiver came back: %+v, %v (receiver errors %v)", rep, err, rcv.errs)
	}
	done, _ := itsm.List(st, itsm.Filter{})
	if done[0].Status != itsm.StatusDelivered || done[0].Attempts != 4 || done[0].RemoteRef != "INC001" {
		t.Fatalf("entry %+v", done[0])
	}
}
