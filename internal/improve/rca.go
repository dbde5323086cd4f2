package improve

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// RCA statuses.
const (
	RCAOpen   = "open"
	RCAClosed = "closed"
)

// RCA methods.
const (
	MethodFiveWhys = "five_whys"
	MethodApollo   = "apollo"
)

// RCA is a root-cause analysis of one run of missed periods of an SLT (or
// of one tier of it).
type RCA struct {
	ID       string `json:"id"`
	SLT      string `json:"slt"`
	Tier     string `json:"tier,omitempty"`
	Service  string `json:"service"`
	Supplier string `json:"supplier,omitempty"`
	// RunKey identifies the run of misses: slt[/tier]@its first missed period.
	RunKey string `json:"run_key"`
	// Periods are the run's missed periods known so far, oldest first, and
	// Breaches their breach ids.
	Periods  []string `json:"periods"`
	Breaches []string `json:"breaches"`
	// Priority is the run's breaches' summed priority, in weighted error
	// budgets overspent (docs/metrics.md, "Breaches").
	Priority float64 `json:"priority"`
	Status   string  `json:"status"`
	Owner    string  `json:"owner"`
	Method   string  `json:"method"`
	// Problem is the problem statement the analysis starts from.
	Problem    string   `json:"problem"`
	FiveWhys   []Why    `json:"five_whys"`
	Apollo     *Apollo  `json:"apollo,omitempty"`
	RootCauses []string `json:"root_causes"`
	// Team is a proposed cross-functional team, when the breaches are shared
	// with SLTs of services that other people own.
	Team       *Team      `json:"team,omitempty"`
	Due        string     `json:"due"`
	OpenedAt   time.Time  `json:"opened_at"`
	OpenedBy   string     `json:"opened_by"`
	ClosedAt   *time.Time `json:"closed_at,omitempty"`
	ClosedBy   string     `json:"closed_by,omitempty"`
	Conclusion string     `json:"conclusion,omitempty"`
	Notes      []Note     `json:"notes"`
	History    []Change   `json:"history"`
}

// Why is one step of a Five Whys chain: the question and its answer. The
// chain ends in root causes (RCA.RootCauses).
type Why struct {
	Why     string `json:"why"`
	Because string `json:"because"`
}

// Apollo is an Apollo root-cause analysis: the primary effect, the causes
// behind each effect (an action and a condition, each with evidence), and
// solutions that control causes.
type Apollo struct {
	PrimaryEffect string     `json:"primary_effect"`
	Causes        []Cause    `json:"causes"`
	Solutions     []Solution `json:"solutions"`
}

// Cause is one cause of an effect (the primary effect or another cause).
type Cause struct {
	Effect string `json:"effect"`
	Cause  string `json:"cause"`
	// Kind is action or condition.
	Kind     string `json:"kind,omitempty"`
	Evidence string `json:"evidence"`
}

// Solution removes or controls a cause, carried out by an action.
type Solution struct {
	Solution string `json:"solution"`
	Controls string `json:"controls"`
	Action   string `json:"action,omitempty"`
}

// Team is a proposed cross-functional improvement team.
type Team struct {
	// Reason says which breaches are shared and how.
	Reason  string   `json:"reason"`
	Members []Member `json:"members"`
}

// Member is one owning service's person on a team.
type Member struct {
	Name    string   `json:"name"`
	Service string   `json:"service"`
	SLTs    []string `json:"slts"`
	// Role is lead (the RCA's own service) or member.
	Role string `json:"role"`
}

// RCAItem is an RCA as lists show it.
type RCAItem struct {
	RCA
	// Actions are the ids of the actions linked to it.
	Actions []string `json:"actions"`
	Overdue bool     `json:"overdue"`
}

// ParseMethod reads five_whys ("five whys", "5whys") or apollo.
func ParseMethod(s string) (string, error) {
	v := strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(s))
	switch v {
	case "fivewhys", "5whys":
		return MethodFiveWhys, nil
	case "apollo":
		return MethodApollo, nil
	}
	return "", fmt.Errorf("method %q is not five whys or apollo", s)
}

// RCAPatch changes some fields of an RCA; nil fields stay.
type RCAPatch struct {
	Owner      *string   `json:"owner,omitempty"`
	Method     *string   `json:"method,omitempty"`
	Problem    *string   `json:"problem,omitempty"`
	Due        *string   `json:"due,omitempty"`
	FiveWhys   *[]Why    `json:"five_whys,omitempty"`
	Apollo     *Apollo   `json:"apollo,omitempty"`
	RootCauses *[]string `json:"root_causes,omitempty"`
	Team       *Team     `json:"team,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// UpdateRCA changes an open RCA (closed analyses are records and do not
// change). Audited as rca.update.
func UpdateRCA(st *storage.Store, actor, id string, p RCAPatch) (RCA, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return RCA{}, err
	}
	var r RCA
	err = st.Update(func(tx *storage.Tx) error {
		if r, err = storage.Get[RCA](tx, storage.RCAs, id); err != nil {
			return err
		}
		if r.Status == RCAClosed {
			return fmt.Errorf("%s was closed on %s; a closed analysis is a record and does not change", r.ID, r.ClosedAt.Format(time.DateOnly))
		}
		now := st.Now().UTC()
		var changes []Change
		text := func(field, old, nw string) {
			if old != nw {
				changes = append(changes, Change{At: now, Actor: actor, Field: field, From: old, To: nw})
			}
		}
		if p.Owner != nil {
			o := strings.TrimSpace(*p.Owner)
			if o == "" {
				return errors.New("an RCA's owner cannot be empty")
			}
			text("owner", r.Owner, o)
			r.Owner = o
		}
		if p.Method != nil {
			m, err := ParseMethod(*p.Method)
			if err != nil {
				return err
			}
			text("method", r.Method, m)
			r.Method = m
		}
		if p.Problem != nil {
			text("problem", r.Problem, strings.TrimSpace(*p.Problem))
			r.Problem = strings.TrimSpace(*p.Problem)
		}
		if p.Due != nil {
			if *p.Due == "" {
				return errors.New("an RCA's due date cannot be removed")
			}
			if err := checkDate("due date", *p.Due); err != nil {
				return err
			}
			text("due", r.Due, *p.Due)
			r.Due = *p.Due
		}
		if p.FiveWhys != nil {
			whys := make([]Why, 0, len(*p.FiveWhys))
			for i, w := range *p.FiveWhys {
				w.Why, w.Because = strings.TrimSpace(w.Why), strings.TrimSpace(w.Because)
				if w.Why == "" {
					return fmt.Errorf("why %d has no question", i+1)
				}
				whys = append(whys, w)
			}
			text("five_whys", fmt.Sprint(len(r.FiveWhys), " steps"), fmt.Sprint(len(whys), " steps"))
			r.FiveWhys = whys
		}
		if p.Apollo != nil {
			a, err := checkApollo(tx, *p.Apollo)
			if err != nil {
				return err
			}
			text("apollo", "", a.PrimaryEffect)
			r.Apollo = &a
		}
		if p.RootCauses != nil {
			var rc []string
			for _, c := range *p.RootCauses {
				if c = strings.TrimSpace(c); c != "" {
					rc = append(rc, c)
				}
			}
			text("root_causes", strings.Join(r.RootCauses, "; "), strings.Join(rc, "; "))
			r.RootCauses = nonNil(rc)
		}
		if p.Team != nil {
			for i, m := range p.Team.Members {
				if strings.TrimSpace(m.Name) == "" {
					return fmt.Errorf("team member %d has no name", i+1)
				}
			}
			text("team", fmt.Sprint(teamSize(r.Team), " members"), fmt.Sprint(len(p.Team.Members), " members"))
			t := *p.Team
			r.Team = &t
		}
		if n := strings.TrimSpace(p.Note); n != "" {
			r.Notes = append(r.Notes, Note{At: now, By: actor, Text: n})
			changes = append(changes, Change{At: now, Actor: actor, Field: "note", To: n})
		}
		if len(changes) == 0 {
			return fmt.Errorf("nothing to change on %s", r.ID)
		}
		r.History = append(r.History, changes...)
		if err := tx.PutRecord(storage.RCAs, r.ID, r); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "rca.update", "RCA/"+r.ID, p)
		return err
	})
	return r, err
}

func teamSize(t *Team) int {
	if t == nil {
		return 0
	}
	return len(t.Members)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func checkApollo(tx *storage.Tx, a Apollo) (Apollo, error) {
	a.PrimaryEffect = strings.TrimSpace(a.PrimaryEffect)
	for i, c := range a.Causes {
		if strings.TrimSpace(c.Cause) == "" {
			return a, fmt.Errorf("cause %d says nothing", i+1)
		}
		if c.Kind != "" && c.Kind != "action" && c.Kind != "condition" {
			return a, fmt.Errorf("cause %d: kind %q is not action or condition", i+1, c.Kind)
		}
	}
	for i, s := range a.Solutions {
		if strings.TrimSpace(s.Solution) == "" {
			return a, fmt.Errorf("solution %d says nothing", i+1)
		}
		if s.Action != "" {
			n, err := storage.Actions.Seq(s.Action)
			if err != nil {
				return a, fmt.Errorf("solution %d: %w", i+1, err)
			}
			a.Solutions[i].Action = storage.Actions.ID(n)
			if _, err := storage.Get[Action](tx, storage.Actions, a.Solutions[i].Action); err != nil {
				return a, fmt.Errorf("solution %d: %w", i+1, err)
			}
		}
	}
	a.Causes, a.Solutions = nonNil(a.Causes), nonNil(a.Solutions)
	return a, nil
}

// CloseRCA closes an analysis. It needs at least one root cause, at least
// one linked action that is not dropped, and its method complete: a Five
// Whys chain with at least one answered why, or an Apollo chart with a
// primary effect, causes each with evidence, and a solution. Otherwise
// nothing changes and the error lists everything missing. Audited as rca.close.
func CloseRCA(st *storage.Store, actor, id, conclusion string) (RCA, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return RCA{}, err
	}
	var r RCA
	err = st.Update(func(tx *storage.Tx) error {
		if r, err = storage.Get[RCA](tx, storage.RCAs, id); err != nil {
			return err
		}
		if r.Status == RCAClosed {
			return fmt.Errorf("%s is already closed", r.ID)
		}
		actions, err := linkedActions(tx, r.ID)
		if err != nil {
			return err
		}
		var missing []string
		if len(r.RootCauses) == 0 {
			missing = append(missing, "no root cause is recorded")
		}
		live := 0
		for _, a := range actions {
			if a.Status != ActionDropped {
				live++
			}
		}
		if live == 0 {
			missing = append(missing, "no action is linked to it (add the action that removes the root cause, linked to "+r.ID+")")
		}
		switch r.Method {
		case MethodFiveWhys:
			answered := slices.ContainsFunc(r.FiveWhys, func(w Why) bool { return w.Because != "" })
			if !answered {
				missing = append(missing, "the Five Whys chain has no answered why")
			}
		case MethodApollo:
			a := r.Apollo
			switch {
			case a == nil || a.PrimaryEffect == "":
				missing = append(missing, "the Apollo chart has no primary effect")
			case len(a.Causes) == 0:
				missing = append(missing, "the Apollo chart has no causes")
			}
			if a != nil {
				for i, c := range a.Causes {
					if strings.TrimSpace(c.Evidence) == "" {
						missing = append(missing, fmt.Sprintf("cause %d (%s) has no evidence", i+1, c.Cause))
					}
				}
				if len(a.Solutions) == 0 {
					missing = append(missing, "the Apollo chart has no solution")
				}
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("%s cannot be closed yet: %s", r.ID, strings.Join(missing, "; "))
		}
		now := st.Now().UTC()
		r.Status, r.ClosedAt, r.ClosedBy, r.Conclusion = RCAClosed, &now, actor, strings.TrimSpace(conclusion)
		r.History = append(r.History, Change{At: now, Actor: actor, Field: "status", From: RCAOpen, To: RCAClosed})
		if err := tx.PutRecord(storage.RCAs, r.ID, r); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "rca.close", "RCA/"+r.ID, map[string]any{"root_causes": r.RootCauses, "conclusion": r.Conclusion})
		return err
	})
	return r, err
}

func linkedActions(tx *storage.Tx, rca string) ([]Action, error) {
	all, err := storage.List[Action](tx, storage.Actions)
	if err != nil {
		return nil, err
	}
	var out []Action
	for _, a := range all {
		if a.Links.RCA == rca {
			out = append(out, a)
		}
	}
	return out, nil
}

// RCAFilter selects RCAs; zero fields select everything.
type RCAFilter struct {
	Status   string `json:"status,omitempty"`
	SLT      string `json:"slt,omitempty"`
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
}

// ListRCAs lists analyses, open ones first (the highest priority first),
// then closed ones, the latest closed first.
func ListRCAs(st *storage.Store, f RCAFilter) ([]RCAItem, error) {
	if f.Status != "" && f.Status != RCAOpen && f.Status != RCAClosed {
		return nil, fmt.Errorf("status %q is not open or closed", f.Status)
	}
	var out []RCAItem
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		out, err = rcaItems(tx, ws, Today(ws, st.Now()), f)
		return err
	})
	return out, err
}

func rcaItems(tx *storage.Tx, ws *domain.Workspace, today string, f RCAFilter) ([]RCAItem, error) {
	rcas, err := storage.List[RCA](tx, storage.RCAs)
	if err != nil {
		return nil, err
	}
	actions, err := storage.List[Action](tx, storage.Actions)
	if err != nil {
		return nil, err
	}
	out := []RCAItem{}
	for _, r := range rcas {
		if (f.Status != "" && r.Status != f.Status) || (f.SLT != "" && r.SLT != f.SLT) ||
			(f.Service != "" && r.Service != f.Service) || (f.Supplier != "" && r.Supplier != f.Supplier) {
			continue
		}
		it := RCAItem{RCA: r, Actions: []string{}, Overdue: r.Status == RCAOpen && r.Due != "" && r.Due < today}
		for _, a := range actions {
			if a.Links.RCA == r.ID {
				it.Actions = append(it.Actions, a.ID)
			}
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(a, b RCAItem) int {
		switch {
		case a.Status != b.Status:
			if a.Status == RCAOpen {
				return -1
			}
			return 1
		case a.Status == RCAOpen && a.Priority != b.Priority:
			if a.Priority > b.Priority {
				return -1
			}
			return 1
		case a.Status == RCAClosed && !a.ClosedAt.Equal(*b.ClosedAt):
			return b.ClosedAt.Compare(*a.ClosedAt)
		}
		return compareIDs(storage.RCAs, a.ID, b.ID)
	})
	return out, nil
}

// GetRCA reads one analysis with its linked actions.
func GetRCA(st *storage.Store, id string) (RCAItem, error) {
	var it RCAItem
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		r, err := storage.Get[RCA](tx, storage.RCAs, id)
		if err != nil {
			return err
		}
		items, err := rcaItems(tx, ws, Today(ws, st.Now()), RCAFilter{SLT: r.SLT})
		if err != nil {
			return err
		}
		for _, x := range items {
			if x.ID == r.ID {
				it = x
			}
		}
		return nil
	})
	return it, err
}
