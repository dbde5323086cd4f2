package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/pointhash"
)

// AuditEvent is one entry of the tamper-evident trail. Hash is the SHA-256 of
// the event's JSON with Hash empty; Prev is the hash of the event before it.
type AuditEvent struct {
	Seq     uint64          `json:"seq"`
	Time    time.Time       `json:"time"`
	Actor   string          `json:"actor"`
	Action  string          `json:"action"`
	Object  string          `json:"object"`
	Details json.RawMessage `json:"details,omitempty"`
	Prev    string          `json:"prev"`
	Hash    string          `json:"hash"`
}

func (e AuditEvent) computeHash() (string, error) {
	e.Hash = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

type chainHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// Audit appends an event in the same transaction as the change it records.
func (t *Tx) Audit(action, object string, details any) (AuditEvent, error) {
	b := t.tx.Bucket(bucketAudit)
	head, err := t.auditHead()
	if err != nil {
		return AuditEvent{}, err
	}
	e := AuditEvent{
		Seq:    head.Seq + 1,
		Time:   t.store.now().UTC(),
		Actor:  t.store.actor,
		Action: action,
		Object: object,
		Prev:   head.Hash,
	}
	if details != nil {
		if e.Details, err = json.Marshal(details); err != nil {
			return AuditEvent{}, err
		}
	}
	if e.Hash, err = e.computeHash(); err != nil {
		return AuditEvent{}, err
	}
	v, err := json.Marshal(e)
	if err != nil {
		return AuditEvent{}, err
	}
	if err := b.Put(u64(e.Seq), v); err != nil {
		return AuditEvent{}, err
	}
	hv, _ := json.Marshal(chainHead{e.Seq, e.Hash})
	return e, t.tx.Bucket(bucketMeta).Put(keyAuditHead, hv)
}

func (t *Tx) auditHead() (chainHead, error) {
	var h chainHead
	v := t.tx.Bucket(bucketMeta).Get(keyAuditHead)
	if v == nil {
		return h, nil
	}
	if err := json.Unmarshal(v, &h); err != nil {
		return h, fmt.Errorf("audit chain head is unreadable: %w", err)
	}
	return h, nil
}

// DataVersion moves with every change readers can see: each one (an import
// published or reverted, a definition, an exception, a false positive) is
// audited in the transaction that makes it, so the audit head is the version.
// Staging chunks and stored results do not move it.
func (s *Store) DataVersion() (uint64, error) {
	var v uint64
	err := s.View(func(t *Tx) error {
		h, err := t.auditHead()
		v = h.Seq
		return err
	})
	return v, err
}

// AuditHead is the sequence number and hash of the newest event.
func (t *Tx) AuditHead() (uint64, string, error) {
	h, err := t.auditHead()
	return h.Seq, h.Hash, err
}

// AuditEvents lists events with from ≤ seq (0 = all), oldest first.
func (t *Tx) AuditEvents(from uint64) ([]AuditEvent, error) {
	var out []AuditEvent
	c := t.tx.Bucket(bucketAudit).Cursor()
	for k, v := c.Seek(u64(from)); k != nil; k, v = c.Next() {
		var e AuditEvent
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("audit event %d is unreadable: %w", fromU64(k), err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Verification is the outcome of checking the audit chain, the data it
// vouches for, and (when given) an anchored head.
type Verification struct {
	OK       bool   `json:"ok"`
	Events   uint64 `json:"events"`
	Head     string `json:"head"`
	FirstBad uint64 `json:"first_bad,omitempty"`
	Problem  string `json:"problem,omitempty"`
	// DataChecked says the stored points of every published batch were
	// re-hashed (Batches of them, Points points); BadBatch names the first
	// (lowest id) whose data no longer matches the trail.
	DataChecked bool   `json:"data_checked"`
	Batches     int    `json:"batches"`
	Points      int64  `json:"points"`
	BadBatch    uint64 `json:"bad_batch,omitempty"`
	// Anchor is the outcome of checking a head recorded outside the file.
	Anchor *AnchorResult `json:"anchor,omitempty"`
}

// Head is a position in the chain: an event's sequence number and hash.
type Head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// AnchorResult says whether the stored chain still extends an anchored head.
type AnchorResult struct {
	Head
	OK      bool   `json:"ok"`
	Problem string `json:"problem,omitempty"`
}

// VerifyOptions choose what Verify checks beyond the chain itself.
type VerifyOptions struct {
	// Quick skips re-hashing the stored points.
	Quick bool
	// Anchor, when set, is a head kept outside the file (Seq 0: find it by
	// hash); the stored chain must still contain it.
	Anchor *Head
	// Feeds limits the data pass to these feeds (nil: every feed).
	Feeds []string
}

// VerifyAudit checks the chain only (Verify with Quick).
func (t *Tx) VerifyAudit() (Verification, error) { return t.Verify(VerifyOptions{Quick: true}) }

// Verify walks the chain and names the first event that was altered, removed
// or reordered; then checks the anchored head, if any; then re-hashes the
// stored points of every published batch and names the first batch whose
// data no longer matches the digest its audit event recorded.
func (t *Tx) Verify(o VerifyOptions) (Verification, error) {
	var res Verification
	fail := func(seq uint64, format string, args ...any) (Verification, error) {
		res.OK, res.FirstBad, res.Problem = false, seq, fmt.Sprintf(format, args...)
		return res, nil
	}
	head, err := t.auditHead()
	if err != nil {
		return fail(0, "%v", err)
	}
	led := ledger{}
	var prev string
	var want uint64 = 1
	c := t.tx.Bucket(bucketAudit).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		key := fromU64(k)
		if key != want {
			return fail(want, "event %d is missing (next stored event is %d)", want, key)
		}
		var e AuditEvent
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return fail(key, "event %d is unreadable: %v", key, err)
		}
		if e.Seq != key {
			return fail(key, "event stored under %d says it is %d (reordered)", key, e.Seq)
		}
		if e.Prev != prev {
			return fail(key, "event %d does not follow event %d (chain broken)", key, key-1)
		}
		h, err := e.computeHash()
		canon, _ := json.Marshal(e)
		if err != nil || h != e.Hash || !bytes.Equal(canon, v) {
			return fail(key, "event %d was altered (its hash does not match its content)", key)
		}
		led.record(&e)
		prev = e.Hash
		want++
		res.Events = key
	}
	if res.Events != head.Seq || prev != head.Hash {
		return fail(res.Events+1, "the chain ends at event %d but the head says %d (events removed from the end)", res.Events, head.Seq)
	}
	res.Head = prev
	if o.Anchor != nil {
		res.Anchor = t.checkAnchor(*o.Anchor, res.Events)
		if !res.Anchor.OK {
			res.Problem = res.Anchor.Problem
			return res, nil
		}
	}
	if !o.Quick {
		res.DataChecked = true
		bad, problem, err := t.verifyData(led, o.Feeds, &res)
		if err != nil {
			return res, err
		}
		if bad != 0 {
			res.BadBatch, res.Problem = bad, problem
			return res, nil
		}
	}
	res.OK = true
	return res, nil
}

// checkAnchor says whether event a.Seq (or the event with hash a.Hash) is
// still in the chain with the anchored hash. The chain itself was verified,
// so the whole history up to the anchor is then as it was when anchored.
func (t *Tx) checkAnchor(a Head, events uint64) *AnchorResult {
	r := &AnchorResult{Head: a}
	a.Hash = strings.ToLower(a.Hash)
	if a.Seq == 0 {
		c := t.tx.Bucket(bucketAudit).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var e AuditEvent
			if json.Unmarshal(v, &e) == nil && e.Hash == a.Hash {
				r.Seq, r.OK = e.Seq, true
				return r
			}
		}
		r.Problem = fmt.Sprintf("no event of the chain has the anchored hash %s: the history before it was rewritten and the chain re-hashed, or events were removed from the end (or the anchor is of another workspace)", a.Hash)
		return r
	}
	if a.Seq > events {
		r.Problem = fmt.Sprintf("the anchor records event %d but the chain now ends at event %d: events were removed from the end and the head moved back", a.Seq, events)
		return r
	}
	var e AuditEvent
	if err := json.Unmarshal(t.tx.Bucket(bucketAudit).Get(u64(a.Seq)), &e); err != nil {
		r.Problem = fmt.Sprintf("event %d is unreadable: %v", a.Seq, err)
		return r
	}
	if e.Hash != a.Hash {
		r.Problem = fmt.Sprintf("event %d now has hash %s, the anchor recorded %s: history up to event %d was rewritten and the chain re-hashed", a.Seq, e.Hash, a.Hash, a.Seq)
		return r
	}
	r.OK = true
	return r
}

// ledger is what the trail says about batches: which are published and the
// digest each one's data must have.
type ledger map[uint64]*ledgerEntry

type ledgerEntry struct {
	feed      string
	published bool
	event     uint64 // the import event
	want      *DataRecord
	wantEvent uint64
}

func (l ledger) entry(id uint64) *ledgerEntry {
	e := l[id]
	if e == nil {
		e = &ledgerEntry{}
		l[id] = e
	}
	return e
}

// record notes what an import, revert or backfill event says.
func (l ledger) record(e *AuditEvent) {
	switch e.Action {
	case ActionImport, ActionRevert:
		id, ok := strings.CutPrefix(e.Object, "Batch/")
		n, err := strconv.ParseUint(id, 10, 64)
		if !ok || err != nil {
			return
		}
		var d struct {
			Feed string      `json:"feed"`
			Data *DataRecord `json:"data"`
		}
		_ = json.Unmarshal(e.Details, &d)
		en := l.entry(n)
		if en.feed = d.Feed; d.Data != nil {
			en.feed = d.Data.Feed
		}
		if e.Action == ActionImport {
			en.published, en.event = true, e.Seq
			if d.Data != nil {
				en.want, en.wantEvent = d.Data, e.Seq
			}
		} else {
			en.published = false
		}
	case ActionDataBackfill:
		var d struct {
			Batches []DataRecord `json:"batches"`
		}
		_ = json.Unmarshal(e.Details, &d)
		for i := range d.Batches {
			r := d.Batches[i]
			en := l.entry(r.Batch)
			if en.published && en.want == nil {
				en.want, en.wantEvent, en.feed = &r, e.Seq, r.Feed
			}
		}
	}
}

// verifyData re-hashes every batch the trail says is published and compares
// the set the readers see with the set the trail published. It returns the
// lowest batch id with a problem.
func (t *Tx) verifyData(led ledger, feeds []string, res *Verification) (uint64, string, error) {
	visible, err := t.publishedStates()
	if err != nil {
		return 0, "", err
	}
	inScope := func(feed string) bool { return feeds == nil || slices.Contains(feeds, feed) }
	problems := map[uint64]string{}
	seen := map[uint64]bool{}
	for _, id := range visible {
		seen[id] = true
		if feeds != nil {
			if b, err := t.Batch(id); err == nil && !inScope(b.Feed) {
				continue
			}
		}
		if e := led[id]; e == nil || !e.published {
			problems[id] = fmt.Sprintf("batch %d is in the data but the audit trail never published it (or recorded its revert): its points were added outside Slate", id)
		}
	}
	byFeed := map[string][]uint64{}
	for id, e := range led {
		if !e.published || !inScope(e.feed) {
			continue
		}
		switch {
		case !seen[id]:
			problems[id] = fmt.Sprintf("batch %d was published (audit event %d) but its data is no longer in the database", id, e.event)
		case e.want == nil:
			problems[id] = fmt.Sprintf("batch %d (audit event %d) has no recorded data hash", id, e.event)
		default:
			byFeed[e.feed] = append(byFeed[e.feed], id)
		}
	}
	for feed, ids := range byFeed {
		got, err := t.FeedDigests(feed, ids)
		if err != nil {
			for _, id := range ids {
				problems[id] = fmt.Sprintf("the stored points of feed %s cannot be read: %v", feed, err)
			}
			continue
		}
		for _, id := range ids {
			e, d := led[id], got[id]
			res.Batches++
			res.Points += d.Points
			if !d.Equal(e.want.Digest) {
				problems[id] = fmt.Sprintf("batch %d (feed %s): its stored points no longer match the data hash recorded in audit event %d (recorded %s; stored now %s)",
					id, feed, e.wantEvent, describeDigest(e.want.Digest), describeDigest(d))
			}
		}
	}
	if len(problems) == 0 {
		return 0, "", nil
	}
	first := slices.Min(slices.Collect(maps.Keys(problems)))
	p := problems[first]
	if n := len(problems); n > 1 {
		p += fmt.Sprintf(" (%d batches have problems; this is the first)", n)
	}
	return first, p, nil
}

func describeDigest(d pointhash.Digest) string {
	s := fmt.Sprintf("%d points", d.Points)
	if d.Replaced > 0 {
		s += fmt.Sprintf(" replacing %d", d.Replaced)
	}
	h := d.SHA256
	if len(h) > 16 {
		h = h[:16] + "…"
	}
	return s + ", sha256 " + h
}
