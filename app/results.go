package app

import (
	"time"

	"slate/internal/compliance"
	"slate/internal/storage"
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
	at := c.store.Now().UTC()
	res := ResultsRebuild{At: at, Problems: []string{}}
	if err := c.store.ClearResults(); err != nil {
		return res, err
	}
	c.forgetDashboard()
	in, err := c.input(at)
	if err != nil {
		return res, err
	}
	var names []string
	for _, s := range in.Workspace.SLTs() {
		names = append(names, s.Name())
	}
	res.SLTs = len(names)
	if _, err := compliance.NewEvaluator(in).All(names); err != nil {
		res.Problems = append(res.Problems, err.Error())
	}
	if err := c.store.FlushResults(); err != nil {
		return res, err
	}
	err = c.store.View(func(tx *storage.Tx) error {
		res.Periods = tx.ResultCount()
		return nil
	})
	res.Seconds = time.Since(start).Seconds()
	return res, err
}
