package storage

import (
	"time"

	"slate/internal/domain"
)

// ScanPointRows is ScanPoints that also gives each point's row number in the
// file of its batch (the row its findings name), for the rows behind a figure.
// The point is valid for the call only.
func (t *Tx) ScanPointRows(feed string, from, to time.Time, fn func(p *domain.Point, row uint32) error) error {
	return t.scanPoints(feed, from, to, 0, func(k []byte, p *domain.Point) error { return fn(p, keyRow(k)) })
}
