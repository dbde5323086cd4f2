package capacity

import (
	"errors"
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// Query is one capacity question. Arrivals ("100/h", "2/min") and
// HandleTime ("3m", "180s") may be left empty with FromFeed: the feed's
// busiest hour of the week and its mean handle time (From and To bound the
// data read; empty: all of it). Servers 0 asks for the smallest team only.
type Query struct {
	Arrivals   string `json:"arrivals"`
	HandleTime string `json:"handle_time"`
	Servers    int    `json:"servers"`
	// Target is the share answered within a wait: "80% in 20s".
	Target   string `json:"target"`
	FromFeed string `json:"from_feed"`
	From     string `json:"from"`
	To       string `json:"to"`
}

// Answer is the Erlang C answer, with the demand read from the feed
// when one was named and where each input came from ("given" or "feed").
type Answer struct {
	Result           Result  `json:"result"`
	Demand           *Demand `json:"demand"`
	ArrivalsSource   string  `json:"arrivals_source"`
	HandleTimeSource string  `json:"handle_time_source"`
}

// Ask checks whether Servers meet the target for the arrivals and handle
// time (given, or read from a feed: read gives the evaluation input), and
// the smallest team that does. An overloaded team (more work than servers)
// is an error that says how many keep up and how many meet the target.
func Ask(q Query, read func() (compliance.Input, error)) (Answer, error) {
	ans := Answer{ArrivalsSource: "given", HandleTimeSource: "given"}
	tg, err := ParseTarget(q.Target)
	if err != nil {
		return ans, err
	}
	in := Input{Servers: q.Servers, Target: tg}
	if q.Arrivals != "" {
		if in.ArrivalsPerHour, err = ParseArrivals(q.Arrivals); err != nil {
			return ans, err
		}
	}
	if q.HandleTime != "" {
		h, err := domain.ParseDuration(q.HandleTime)
		if err != nil {
			return ans, fmt.Errorf("handle time: %w", err)
		}
		in.HandleTime = h.D()
	}
	switch {
	case q.FromFeed != "":
		if err := q.demand(&in, &ans, read); err != nil {
			return ans, err
		}
	case q.Arrivals == "" || q.HandleTime == "":
		return ans, errors.New("give the arrivals (e.g. 100/h) and the handle time (e.g. 3m), or a feed to read them from")
	}
	ans.Result, err = Check(in)
	return ans, err
}

// demand fills what the query left empty from the feed's stored data.
func (q Query) demand(in *Input, ans *Answer, read func() (compliance.Input, error)) error {
	var from, to time.Time
	var err error
	if q.From != "" {
		if from, err = compliance.ParseTime(q.From); err != nil {
			return err
		}
	}
	if q.To != "" {
		if to, err = compliance.ParseTime(q.To); err != nil {
			return err
		}
	}
	ev, err := read()
	if err != nil {
		return err
	}
	dm, err := Fill(in, ev, q.FromFeed, from, to, q.Arrivals == "", q.HandleTime == "")
	if err != nil {
		return err
	}
	ans.Demand = &dm
	if q.Arrivals == "" {
		ans.ArrivalsSource = "feed"
	}
	if q.HandleTime == "" {
		ans.HandleTimeSource = "feed"
	}
	return nil
}
