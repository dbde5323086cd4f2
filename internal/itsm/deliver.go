package itsm

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// Headers of a webhook delivery.
const (
	HeaderEvent     = "X-Slate-Event"
	HeaderDelivery  = "X-Slate-Delivery"
	HeaderTimestamp = "X-Slate-Timestamp"
	HeaderSignature = "X-Slate-Signature"
)

// Backoff after failed attempts: 1 minute after the first, doubling, at
// most an hour. A task is retried for as long as it takes.
const (
	FirstBackoff = time.Minute
	MaxBackoff   = time.Hour
)

// Backoff is the wait after the n-th failed attempt (n ≥ 1).
func Backoff(n int) time.Duration {
	d := FirstBackoff
	for i := 1; i < n && d < MaxBackoff; i++ {
		d *= 2
	}
	return min(d, MaxBackoff)
}

// Sign is the signature header value: "sha256=" and the hex HMAC-SHA256,
// under key, of the timestamp (Unix seconds), a full stop and the body.
// Signing the timestamp with the body lets a receiver refuse a replayed
// delivery that is too old.
func Sign(key []byte, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(timestamp))
	m.Write([]byte("."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a delivery as a receiver should: the signature matches
// (compared in constant time) and the timestamp is within tolerance of now.
func Verify(key []byte, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	ts := h.Get(HeaderTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%s %q is not Unix seconds", HeaderTimestamp, ts)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("delivery timestamp is %s away from now (tolerance %s)", d.Round(time.Second), tolerance)
	}
	if !hmac.Equal([]byte(h.Get(HeaderSignature)), []byte(Sign(key, ts, body))) {
		return errors.New("signature does not match")
	}
	return nil
}

// Deliverer sends due outbox entries. Deliver never holds a database
// transaction open while it talks to a receiver.
type Deliverer struct {
	Store *storage.Store
	// Actor is who the audit trail names for deliveries ("slate" by default).
	Actor string
	// Client sends webhooks (default: a client without a global timeout;
	// each attempt has its webhook's timeout).
	Client *http.Client
	// Now is the clock that decides what is due and schedules retries
	// (default: the store's clock).
	Now func() time.Time
	// Getenv reads the HMAC keys (default os.Getenv).
	Getenv func(string) string

	mu sync.Mutex
}

// Outcome is what one attempt did.
type Outcome struct {
	ID          string    `json:"id"`
	Integration string    `json:"integration"`
	Delivered   bool      `json:"delivered"`
	RemoteRef   string    `json:"remote_ref,omitempty"`
	Error       string    `json:"error,omitempty"`
	NextAttempt time.Time `json:"next_attempt,omitzero"`
}

// Report sums up one delivery run.
type Report struct {
	Attempted int       `json:"attempted"`
	Delivered int       `json:"delivered"`
	Failed    int       `json:"failed"`
	Waiting   int       `json:"waiting"` // pending, not due yet
	Outcomes  []Outcome `json:"outcomes"`
}

func (d *Deliverer) now() time.Time {
	if d.Now != nil {
		return d.Now().UTC()
	}
	return d.Store.Now().UTC()
}

func (d *Deliverer) actor() string {
	if d.Actor == "" {
		return "slate"
	}
	return d.Actor
}

// Deliver attempts every pending entry that is due, one at a time, and
// records each outcome (audited) as soon as it is known.
func (d *Deliverer) Deliver(ctx context.Context) (Report, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	rep := Report{Outcomes: []Outcome{}}
	now := d.now()
	var due []Entry
	var ws *domain.Workspace
	err := d.Store.View(func(tx *storage.Tx) error {
		var err error
		if ws, err = tx.Workspace(); err != nil {
			return err
		}
		all, err := storage.List[Entry](tx, storage.Outbox)
		for _, e := range all {
			switch {
			case e.Status != StatusPending:
			case e.NextAttempt.After(now):
				rep.Waiting++
			default:
				due = append(due, e)
			}
		}
		return err
	})
	if err != nil {
		return rep, err
	}
	for _, e := range due {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		ref, sendErr := d.send(ctx, ws, e)
		o, err := d.record(e.ID, ref, sendErr)
		if err != nil {
			return rep, err
		}
		rep.Attempted++
		if o.Delivered {
			rep.Delivered++
		} else {
			rep.Failed++
		}
		rep.Outcomes = append(rep.Outcomes, o)
	}
	return rep, nil
}

// record stores an attempt's outcome: delivered with the remote reference,
// or still pending with the reason and the next attempt after the backoff.
func (d *Deliverer) record(id, ref string, sendErr error) (Outcome, error) {
	now := d.now()
	var o Outcome
	err := d.Store.Update(func(tx *storage.Tx) error {
		e, err := storage.Get[Entry](tx, storage.Outbox, id)
		if err != nil {
			return err
		}
		o = Outcome{ID: e.ID, Integration: e.Integration}
		if e.Status == StatusDelivered {
			o.Delivered, o.RemoteRef = true, e.RemoteRef
			return nil
		}
		e.Attempts++
		e.LastAttempt = now
		a := Attempt{At: now, OK: sendErr == nil}
		details := map[string]any{"integration": e.Integration, "attempt": e.Attempts}
		action := "itsm.deliver"
		if sendErr == nil {
			e.Status, e.DeliveredAt, e.RemoteRef, e.LastError = StatusDelivered, now, ref, ""
			e.NextAttempt = time.Time{}
			o.Delivered, o.RemoteRef = true, ref
			details["remote_ref"] = ref
		} else {
			a.Error = sendErr.Error()
			e.LastError = a.Error
			e.NextAttempt = now.Add(Backoff(e.Attempts))
			o.Error, o.NextAttempt = a.Error, e.NextAttempt
			details["error"], details["next_attempt"] = a.Error, e.NextAttempt
			action = "itsm.attempt-failed"
		}
		e.History = append(e.History, a)
		if len(e.History) > keepAttempts {
			e.History = e.History[len(e.History)-keepAttempts:]
		}
		if err := tx.PutRecord(storage.Outbox, e.ID, e); err != nil {
			return err
		}
		_, err = tx.AuditAs(d.actor(), action, "Outbox/"+e.ID, details)
		return err
	})
	return o, err
}

func (d *Deliverer) send(ctx context.Context, ws *domain.Workspace, e Entry) (string, error) {
	in, ok := ws.Get(domain.KindIntegration, e.Integration).(*domain.Integration)
	if !ok {
		return "", fmt.Errorf("integration %q no longer exists (define it again, and the task is sent)", e.Integration)
	}
	body, err := json.Marshal(e.Task)
	if err != nil {
		return "", err
	}
	switch {
	case in.Spec.Webhook != nil:
		return d.post(ctx, in.Spec.Webhook, e, body)
	case in.Spec.DropFolder != nil:
		return drop(in.Spec.DropFolder, e, body)
	}
	return "", fmt.Errorf("integration %q has neither a webhook nor a drop folder", e.Integration)
}

func (d *Deliverer) post(ctx context.Context, w *domain.Webhook, e Entry, body []byte) (string, error) {
	getenv := d.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	key := getenv(w.SecretEnv)
	if key == "" {
		return "", fmt.Errorf("environment variable %s is not set (it holds the webhook's HMAC key)", w.SecretEnv)
	}
	ctx, cancel := context.WithTimeout(ctx, w.TimeoutOrDefault())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	ts := strconv.FormatInt(d.now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Slate")
	req.Header.Set(HeaderEvent, e.Event)
	req.Header.Set(HeaderDelivery, e.ID)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign([]byte(key), ts, body))
	client := d.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", fmt.Errorf("no answer within %s from %s", w.TimeoutOrDefault(), w.URL)
		}
		return "", fmt.Errorf("cannot reach %s: %v", w.URL, rootCause(err))
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", fmt.Errorf("%s answered HTTP %d: %s", w.URL, resp.StatusCode, clip(strings.TrimSpace(string(answer)), 200))
	}
	return remoteRef(answer, resp.Header.Get("Location")), nil
}

func rootCause(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// remoteRef finds the receiver's reference in its answer: a JSON object
// whose reference, ref, id, key, number, sys_id or ticket is a string or
// a number (at the top, or under "result" as ServiceNow answers), else
// the Location header.
func remoteRef(body []byte, location string) string {
	var obj map[string]any
	if json.Unmarshal(body, &obj) == nil {
		for _, o := range []any{obj, obj["result"]} {
			m, ok := o.(map[string]any)
			if !ok {
				continue
			}
			for _, k := range []string{"reference", "ref", "number", "key", "ticket", "id", "sys_id"} {
				switch v := m[k].(type) {
				case string:
					if v != "" {
						return clip(v, 200)
					}
				case float64:
					return strconv.FormatFloat(v, 'f', -1, 64)
				}
			}
		}
	}
	return clip(location, 200)
}

// drop writes the task as slate-task-<id>.json (or .csv) into the folder,
// through a temporary file and a rename, so a tool watching the folder
// never reads half a file.
func drop(f *domain.DropFolder, e Entry, body []byte) (string, error) {
	name := "slate-task-" + e.ID + ".json"
	data := append(body, '\n')
	if f.Format == "csv" {
		name = "slate-task-" + e.ID + ".csv"
		var err error
		if data, err = taskCSV(e.Task); err != nil {
			return "", err
		}
	}
	if st, err := os.Stat(f.Path); err != nil || !st.IsDir() {
		return "", fmt.Errorf("drop folder %s does not exist or is not a folder", f.Path)
	}
	tmp, err := os.CreateTemp(f.Path, ".slate-task-*")
	if err != nil {
		return "", fmt.Errorf("drop folder %s: %v", f.Path, rootCause(err))
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	final := filepath.Join(f.Path, name)
	if werr == nil {
		werr = os.Rename(tmp.Name(), final)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("drop folder %s: %v", f.Path, rootCause(werr))
	}
	return final, nil
}

// taskCSV is a header and one row; texts starting with = + - @ get a
// leading apostrophe so a spreadsheet does not run them as formulas.
func taskCSV(t Task) ([]byte, error) {
	header := []string{"id", "event", "created_at", "title", "description", "slt", "tier", "service", "supplier", "breach", "period", "periods", "priority", "due", "owner", "rca", "action", "review", "meeting"}
	row := []string{t.ID, t.Event, t.CreatedAt.Format(time.RFC3339), t.Title, t.Description, t.SLT, t.Tier, t.Service, t.Supplier, t.Breach, t.Period,
		strings.Join(t.Periods, " "), strconv.FormatFloat(t.Priority, 'f', -1, 64), t.Due, t.Owner, t.Links.RCA, t.Links.Action, t.Links.Review, t.Links.Meeting}
	for i, v := range row {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) && i != 12 {
			row[i] = "'" + v
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	w.Write(row)
	w.Flush()
	return b.Bytes(), w.Error()
}
