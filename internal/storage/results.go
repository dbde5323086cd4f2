package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Evaluated results are derived data: the engine stores the figures of
// complete periods (results/<spec> period key → record, opaque here) and
// checks, when it reads them, that the batches and exclusions they were
// computed from are still the ones in force. Dropping the bucket loses time,
// never a figure.

// LoadResults returns the stored records of one spec, by period key, with
// those still waiting to be written.
func (t *Tx) LoadResults(spec string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if rb := t.tx.Bucket(bucketResults); rb != nil {
		if b := rb.Bucket([]byte(spec)); b != nil {
			err := b.ForEach(func(k, v []byte) error {
				out[string(k)] = append([]byte(nil), v...)
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	t.store.results.pendingOf(spec, out)
	return out, nil
}

// SaveResults queues records of one spec for writing, in a transaction of
// their own on another goroutine: a reader that computed them never waits
// for the write lock (an import may hold it). Close and FlushResults wait
// until the queue is written.
func (s *Store) SaveResults(spec string, recs map[string][]byte) error {
	s.results.add(s, spec, recs)
	return nil
}

// FlushResults waits until every queued result is written and returns the
// first error a write met since the last flush.
func (s *Store) FlushResults() error { return s.results.flush() }

// ClearResults deletes every stored result (they are recomputed when asked for).
func (s *Store) ClearResults() error {
	if err := s.results.flush(); err != nil {
		return err
	}
	return s.Update(func(t *Tx) error {
		tx := t.tx
		if tx.Bucket(bucketResults) != nil {
			if err := tx.DeleteBucket(bucketResults); err != nil {
				return err
			}
		}
		_, err := tx.CreateBucket(bucketResults)
		return err
	})
}

// resultQueue batches result writes into one transaction at a time.
type resultQueue struct {
	mu      sync.Mutex
	pending map[string]map[string][]byte
	running bool
	err     error
	idle    sync.Cond
}

func (q *resultQueue) add(s *Store, spec string, recs map[string][]byte) {
	if q == nil {
		return // a store without a queue (a salvage copy) keeps none
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.pending == nil {
		q.pending = map[string]map[string][]byte{}
		q.idle.L = &q.mu
	}
	if q.pending[spec] == nil {
		q.pending[spec] = map[string][]byte{}
	}
	maps.Copy(q.pending[spec], recs)
	if s.readOnly {
		return // kept for Close (writeBack)
	}
	if !q.running {
		q.running = true
		go q.write(s)
	}
}

func (q *resultQueue) write(s *Store) {
	for {
		q.mu.Lock()
		batch := q.pending
		q.pending = map[string]map[string][]byte{}
		if len(batch) == 0 {
			q.running = false
			q.idle.Broadcast()
			q.mu.Unlock()
			return
		}
		q.mu.Unlock()
		err := s.Update(func(t *Tx) error { return putResults(t.tx, batch) })
		if err != nil {
			q.mu.Lock()
			if q.err == nil {
				q.err = fmt.Errorf("store results: %w", err)
			}
			q.mu.Unlock()
		}
	}
}

func putResults(tx *bolt.Tx, batch map[string]map[string][]byte) error {
	rb, err := tx.CreateBucketIfNotExists(bucketResults)
	if err != nil {
		return err
	}
	for spec, recs := range batch {
		b, err := rb.CreateBucketIfNotExists([]byte(spec))
		if err != nil {
			return err
		}
		for k, v := range recs {
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeBack stores what a read-only store computed, after it closed the
// file: a short writable open, given up at once when the file is in use or
// may not be written (the results are derived data; nothing is lost).
func (q *resultQueue) writeBack(path string) {
	if q == nil || len(q.pending) == 0 {
		return
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 50 * time.Millisecond, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return
	}
	defer db.Close()
	db.AllocSize = allocSize
	_ = guard(path, func() error { return db.Update(func(tx *bolt.Tx) error { return putResults(tx, q.pending) }) })
	q.pending = nil
}

func (q *resultQueue) pendingOf(spec string, into map[string][]byte) {
	if q == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	maps.Copy(into, q.pending[spec])
}

func (q *resultQueue) flush() error {
	if q == nil {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.running {
		q.idle.Wait()
	}
	err := q.err
	q.err = nil
	return err
}

// BatchSpan is a published batch of a feed and the time range of its points.
type BatchSpan struct {
	ID       uint64
	From, To time.Time
}

// batchspan/<feed ‖ 0 ‖ id> → from ‖ to (Unix ns), for every published batch
// with points: what evaluated results depend on, without decoding batch records.
func spanKey(feed string, id uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(feed), 0), id)
}

// putSpan keeps batchspan in step with a batch record.
func (t *Tx) putSpan(b *Batch) error {
	sb, err := t.bucket(bucketBatchSpans)
	if err != nil || sb == nil {
		return err
	}
	k := spanKey(b.Feed, b.ID)
	if b.Status != StatusPublished || b.From.IsZero() && b.To.IsZero() {
		return sb.Delete(k)
	}
	v := binary.BigEndian.AppendUint64(nil, uint64(b.From.UnixNano()))
	return sb.Put(k, binary.BigEndian.AppendUint64(v, uint64(b.To.UnixNano())))
}

// BatchSpans lists the published batches of feed that hold points, by id.
func (t *Tx) BatchSpans(feed string) ([]BatchSpan, error) {
	var out []BatchSpan
	sb := t.tx.Bucket(bucketBatchSpans)
	if sb == nil {
		return nil, nil
	}
	prefix := append([]byte(feed), 0)
	c := sb.Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
		if len(v) != 16 {
			return nil, fmt.Errorf("batch span %x is unreadable", k)
		}
		out = append(out, BatchSpan{ID: binary.BigEndian.Uint64(k[len(prefix):]),
			From: time.Unix(0, int64(binary.BigEndian.Uint64(v))).UTC(), To: time.Unix(0, int64(binary.BigEndian.Uint64(v[8:]))).UTC()})
	}
	return out, nil
}

// indexBatchSpans builds batchspan from the batch records (migration).
func indexBatchSpans(tx *bolt.Tx) error {
	bb := tx.Bucket(bucketBatches)
	if bb == nil {
		return nil
	}
	t := &Tx{tx: tx}
	return bb.ForEach(func(k, v []byte) error {
		var b Batch
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("batch %d is unreadable: %w", fromU64(k), err)
		}
		return t.putSpan(&b)
	})
}

// ResultCount is how many period records are stored (written ones only).
func (t *Tx) ResultCount() int {
	n := 0
	if rb := t.tx.Bucket(bucketResults); rb != nil {
		_ = rb.ForEachBucket(func(k []byte) error {
			n += rb.Bucket(k).Stats().KeyN
			return nil
		})
	}
	return n
}
