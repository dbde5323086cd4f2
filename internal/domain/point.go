package domain

import "time"

// Point is one row of a feed after import, in the form every indicator reads.
// Which fields matter depends on the feed's shape:
//   - value:  At, Value
//   - counts: At, Good, Total
//   - event:  At, Good (1 good, 0 bad), Total = 1
//   - item:   ItemID, Opened, Resolved (zero while open), Paused; At = Resolved, or Opened while open
type Point struct {
	At       time.Time `json:"at"`
	Value    float64   `json:"value,omitempty"`
	Good     float64   `json:"good,omitempty"`
	Total    float64   `json:"total,omitempty"`
	ItemID   string    `json:"item,omitempty"`
	Opened   time.Time `json:"opened,omitzero"`
	Resolved time.Time `json:"resolved,omitzero"`
	// Paused is time the clock was stopped (waiting on the customer), in seconds.
	Paused   float64 `json:"paused,omitempty"`
	Priority string  `json:"priority,omitempty"`
	CI       string  `json:"ci,omitempty"`
	// Batch is the import batch the point came from.
	Batch uint64 `json:"batch,omitempty"`
}

// Open reports whether an item has not been resolved yet.
func (p Point) Open() bool { return p.Resolved.IsZero() }
