package app

import (
	"slate/internal/readview"
	"time"
)

// ResultsRebuild is what RebuildResults did.
type ResultsRebuild struct {
	At time.Time `json:"at"`
	// SLTs evaluated, periods stored, and how long it took.
	SLTs    int     `json:"slts"`
	Periods int     `json:"periods"`
	Seconds float64 `json:"seconds"`
	// Problems are SLTs that could not be evaluated (the others are stored).
	Problems []string `json:"problems"`
}

// RebuildResults drops every stored result (derived data) and evaluates
// every SLT's whole history again, storing the figures of complete periods.
// Nothing it does changes a figure: it repairs or warms the store.
func (c *Compliance) RebuildResults() (ResultsRebuild, error) {
	start := time.Now()
	res := ResultsRebuild{At: c.store.Now().UTC()}
	var err error
	res.SLTs, res.Periods, res.Problems, err = readview.Rebuild(c.store, res.At, c.forgetDashboard)
	res.Seconds = time.Since(start).Seconds()
	return res, err
}
