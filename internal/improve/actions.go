package improve

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/itsm"
	"slate/internal/storage"
)

// Action statuses. Open and in progress are live; done and dropped are closed.
const (
	ActionOpen       = "open"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDropped    = "dropped"
)

// Action origins.
const (
	OriginPerson  = "person"
	OriginMeeting = "meeting"
	OriginRule    = "rule"
)

// Action is one improvement action.
type Action struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Owner string `json:"owner"`
	// Due is a local date (YYYY-MM-DD) in the workspace's zone; "" = none.
	Due    string `json:"due,omitempty"`
	Status string `json:"status"`
	Links  Links  `json:"links"`
	Notes  []Note `json:"notes"`
	// Origin says who made it: a person, a meeting's minutes, or a rule.
	Origin    string     `json:"origin"`
	CreatedAt time.Time  `json:"created_at"`
	CreatedBy string     `json:"created_by"`
	UpdatedAt time.Time  `json:"updated_at"`
	ClosedAt  *time.Time `json:"closed_at,omitempty"`
	History   []Change   `json:"history"`
}

// Links tie an action to what it is about. SLT, tier, period and breach
// name the miss; RCA, review, meeting and improvement the records it came
// from; service and supplier who is concerned (taken from the SLT when not
// given).
type Links struct {
	SLT         string `json:"slt,omitempty"`
	Tier        string `json:"tier,omitempty"`
	Period      string `json:"period,omitempty"`
	Breach      string `json:"breach,omitempty"`
	RCA         string `json:"rca,omitempty"`
	Review      string `json:"review,omitempty"`
	Meeting     string `json:"meeting,omitempty"`
	Improvement string `json:"improvement,omitempty"`
	Service     string `json:"service,omitempty"`
	Supplier    string `json:"supplier,omitempty"`
}

// ActionItem is an action as lists show it: with whether it is overdue.
type ActionItem struct {
	Action
	Overdue     bool `json:"overdue"`
	DaysOverdue int  `json:"days_overdue,omitempty"`
}

// Closed reports whether the action is done or dropped.
func (a Action) Closed() bool { return a.Status == ActionDone || a.Status == ActionDropped }

// NewAction is what a person (or a meeting, or a rule) asks for.
type NewAction struct {
	Title string `json:"title"`
	// Owner defaults to the owner of the linked RCA or SLT.
	Owner string `json:"owner,omitempty"`
	Due   string `json:"due,omitempty"`
	Links Links  `json:"links"`
	Note  string `json:"note,omitempty"`
	// Origin is person (default), meeting or rule.
	Origin string `json:"origin,omitempty"`
}

// ActionPatch changes some fields of an action; nil fields stay.
type ActionPatch struct {
	Title  *string `json:"title,omitempty"`
	Owner  *string `json:"owner,omitempty"`
	Due    *string `json:"due,omitempty"`
	Status *string `json:"status,omitempty"`
	Links  *Links  `json:"links,omitempty"`
	// Note is added to the notes (a status change to dropped needs one).
	Note string `json:"note,omitempty"`
}

// ParseStatus reads an action status: open, in progress (in_progress,
// in-progress), done or dropped.
func ParseStatus(s string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	v = strings.NewReplacer(" ", "_", "-", "_").Replace(v)
	switch v {
	case ActionOpen, ActionInProgress, ActionDone, ActionDropped:
		return v, nil
	}
	return "", fmt.Errorf("status %q is not open, in progress, done or dropped", s)
}

// AddAction records a new action. Audited as action.add; integrations
// that take action.created get it as a task.
func AddAction(st *storage.Store, actor string, in NewAction) (Action, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Action{}, err
	}
	var a Action
	err = st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		a, err = addAction(tx, ws, actor, st.Now().UTC(), in)
		return err
	})
	return a, err
}

// addAction validates and stores an action inside tx.
func addAction(tx *storage.Tx, ws *domain.Workspace, actor string, now time.Time, in NewAction) (Action, error) {
	title := strings.TrimSpace(in.Title)
	if title == "" {
		return Action{}, errors.New("an action needs a title (what is to be done)")
	}
	if err := checkDate("due date", in.Due); err != nil {
		return Action{}, err
	}
	origin := in.Origin
	switch origin {
	case "":
		origin = OriginPerson
	case OriginPerson, OriginMeeting, OriginRule:
	default:
		return Action{}, fmt.Errorf("origin %q is not person, meeting or rule", in.Origin)
	}
	links, err := checkLinks(tx, ws, in.Links)
	if err != nil {
		return Action{}, err
	}
	owner := strings.TrimSpace(in.Owner)
	if owner == "" {
		owner = defaultOwner(tx, ws, links)
	}
	if owner == "" {
		return Action{}, errors.New("an action needs an owner (link it to an SLT or RCA to take theirs)")
	}
	id, err := tx.NewRecordID(storage.Actions)
	if err != nil {
		return Action{}, err
	}
	a := Action{ID: id, Title: title, Owner: owner, Due: in.Due, Status: ActionOpen, Links: links, Notes: []Note{},
		Origin: origin, CreatedAt: now, CreatedBy: actor, UpdatedAt: now,
		History: []Change{{At: now, Actor: actor, Field: "created", To: title}}}
	if n := strings.TrimSpace(in.Note); n != "" {
		a.Notes = append(a.Notes, Note{At: now, By: actor, Text: n})
	}
	if err := tx.PutRecord(storage.Actions, id, a); err != nil {
		return Action{}, err
	}
	if _, err := tx.AuditAs(actor, "action.add", "Action/"+id, a); err != nil {
		return Action{}, err
	}
	task := itsm.Task{Event: domain.EventActionCreated, Title: title, Description: actionDescription(ws, a),
		SLT: links.SLT, Tier: links.Tier, Service: links.Service, Supplier: links.Supplier, Breach: links.Breach, Period: links.Period,
		Due: a.Due, Owner: owner, Links: itsm.TaskLinks{RCA: links.RCA, Action: id, Review: links.Review, Meeting: links.Meeting}}
	if links.Breach != "" && task.Period == "" {
		_, _, task.Period, _ = parseBreachID(links.Breach)
	}
	_, err = itsm.Enqueue(tx, ws, actor, now, task)
	return a, err
}

func actionDescription(ws *domain.Workspace, a Action) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Action %s: %s. Owner %s", a.ID, a.Title, a.Owner)
	if a.Due != "" {
		fmt.Fprintf(&b, ", due %s", a.Due)
	}
	b.WriteString(".")
	if a.Links.SLT != "" {
		name := a.Links.SLT
		if s := ws.SLT(name); s != nil {
			name = s.Metadata.Title()
		}
		fmt.Fprintf(&b, " SLT: %s.", name)
	}
	if a.Links.RCA != "" {
		fmt.Fprintf(&b, " From root-cause analysis %s.", a.Links.RCA)
	}
	if a.Links.Meeting != "" {
		fmt.Fprintf(&b, " Agreed in meeting %s.", a.Links.Meeting)
	}
	return b.String()
}

// checkLinks verifies every link and fills service and supplier from the SLT.
func checkLinks(tx *storage.Tx, ws *domain.Workspace, l Links) (Links, error) {
	if l.Breach != "" {
		slt, tier, period, err := parseBreachID(l.Breach)
		if err != nil {
			return l, err
		}
		if l.SLT != "" && l.SLT != slt {
			return l, fmt.Errorf("breach %s is of SLT %s, not %s", l.Breach, slt, l.SLT)
		}
		l.SLT = slt
		if l.Tier == "" {
			l.Tier = tier
		}
		if l.Period == "" {
			l.Period = period
		}
	}
	if l.SLT != "" {
		s := ws.SLT(l.SLT)
		if s == nil {
			return l, fmt.Errorf("SLT %q does not exist", l.SLT)
		}
		if l.Tier != "" && !hasTier(s, l.Tier) {
			return l, fmt.Errorf("SLT %s has no tier %q", l.SLT, l.Tier)
		}
		if l.Service == "" {
			l.Service = s.Spec.Service
		}
		if l.Supplier == "" {
			l.Supplier = supplierOf(ws, s)
		}
	} else if l.Tier != "" {
		return l, fmt.Errorf("tier %q needs the SLT it belongs to", l.Tier)
	}
	if l.Period != "" {
		if _, ok := compliance.KeyKind(l.Period); !ok {
			return l, fmt.Errorf("period %q is not a period key (2026-10, 2026-W07, 2026-Q3, 2026-10-05)", l.Period)
		}
	}
	if l.Service != "" && ws.Service(l.Service) == nil {
		return l, fmt.Errorf("service %q does not exist", l.Service)
	}
	if l.Supplier != "" && ws.Supplier(l.Supplier) == nil {
		return l, fmt.Errorf("supplier %q does not exist", l.Supplier)
	}
	for _, ref := range []struct {
		id   *string
		kind storage.RecordKind
	}{{&l.RCA, storage.RCAs}, {&l.Review, storage.Reviews}, {&l.Meeting, storage.Meetings}, {&l.Improvement, storage.Improvements}} {
		if *ref.id == "" {
			continue
		}
		n, err := ref.kind.Seq(*ref.id)
		if err != nil {
			return l, err
		}
		*ref.id = ref.kind.ID(n)
		var raw json.RawMessage
		if err := tx.GetRecord(ref.kind, *ref.id, &raw); err != nil {
			return l, err
		}
	}
	return l, nil
}

func defaultOwner(tx *storage.Tx, ws *domain.Workspace, l Links) string {
	if l.RCA != "" {
		if r, err := storage.Get[RCA](tx, storage.RCAs, l.RCA); err == nil && r.Owner != "" {
			return r.Owner
		}
	}
	if s := ws.SLT(l.SLT); s != nil {
		return ownerOf(ws, s)
	}
	if svc := ws.Service(l.Service); svc != nil {
		return svc.Spec.Owner
	}
	return ""
}

// UpdateAction changes an action; each changed field goes into its history.
// Setting the status to done or dropped closes it (dropped needs a note),
// setting it back to open or in progress reopens it. Audited as action.update.
func UpdateAction(st *storage.Store, actor, id string, p ActionPatch) (Action, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Action{}, err
	}
	var a Action
	err = st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if a, err = storage.Get[Action](tx, storage.Actions, id); err != nil {
			return err
		}
		now := st.Now().UTC()
		var changes []Change
		set := func(field string, dst *string, v string) {
			if *dst != v {
				changes = append(changes, Change{At: now, Actor: actor, Field: field, From: *dst, To: v})
				*dst = v
			}
		}
		if p.Title != nil {
			t := strings.TrimSpace(*p.Title)
			if t == "" {
				return errors.New("an action's title cannot be empty")
			}
			set("title", &a.Title, t)
		}
		if p.Owner != nil {
			o := strings.TrimSpace(*p.Owner)
			if o == "" {
				return errors.New("an action's owner cannot be empty")
			}
			set("owner", &a.Owner, o)
		}
		if p.Due != nil {
			if err := checkDate("due date", *p.Due); err != nil {
				return err
			}
			set("due", &a.Due, *p.Due)
		}
		if p.Links != nil {
			l, err := checkLinks(tx, ws, *p.Links)
			if err != nil {
				return err
			}
			old, _ := json.Marshal(a.Links)
			nw, _ := json.Marshal(l)
			if string(old) != string(nw) {
				changes = append(changes, Change{At: now, Actor: actor, Field: "links", From: string(old), To: string(nw)})
				a.Links = l
			}
		}
		note := strings.TrimSpace(p.Note)
		if p.Status != nil {
			s, err := ParseStatus(*p.Status)
			if err != nil {
				return err
			}
			if s == ActionDropped && note == "" && a.Status != ActionDropped {
				return fmt.Errorf("dropping action %s needs a note saying why", a.ID)
			}
			set("status", &a.Status, s)
			switch {
			case a.Closed() && a.ClosedAt == nil:
				a.ClosedAt = &now
			case !a.Closed():
				a.ClosedAt = nil
			}
		}
		if note != "" {
			a.Notes = append(a.Notes, Note{At: now, By: actor, Text: note})
			changes = append(changes, Change{At: now, Actor: actor, Field: "note", To: note})
		}
		if len(changes) == 0 {
			return fmt.Errorf("nothing to change on action %s", a.ID)
		}
		a.History = append(a.History, changes...)
		a.UpdatedAt = now
		if err := tx.PutRecord(storage.Actions, a.ID, a); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "action.update", "Action/"+a.ID, map[string]any{"changes": changes})
		return err
	})
	return a, err
}

// CloseAction sets an action done or dropped (dropped needs a note).
func CloseAction(st *storage.Store, actor, id, status, note string) (Action, error) {
	s, err := ParseStatus(status)
	if err != nil {
		return Action{}, err
	}
	if s != ActionDone && s != ActionDropped {
		return Action{}, fmt.Errorf("an action closes as done or dropped, not %s", status)
	}
	return UpdateAction(st, actor, id, ActionPatch{Status: &s, Note: note})
}

// ActionFilter selects actions; zero fields select everything.
type ActionFilter struct {
	// Status: open, in_progress, done, dropped, or "live" (open and in progress).
	Status   string `json:"status,omitempty"`
	Owner    string `json:"owner,omitempty"`
	SLT      string `json:"slt,omitempty"`
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
	RCA      string `json:"rca,omitempty"`
	Meeting  string `json:"meeting,omitempty"`
	Overdue  bool   `json:"overdue,omitempty"`
}

// ListActions lists actions as of now: overdue first (the longest overdue
// first), then live ones by due date (undated last), then closed ones, the
// latest closed first.
func ListActions(st *storage.Store, f ActionFilter) ([]ActionItem, error) {
	return ListActionsAt(st, f, st.Now())
}

// ListActionsAt is ListActions as of at (a pack lists them as of its date).
func ListActionsAt(st *storage.Store, f ActionFilter, at time.Time) ([]ActionItem, error) {
	if f.Status != "" && f.Status != "live" {
		s, err := ParseStatus(f.Status)
		if err != nil {
			return nil, err
		}
		f.Status = s
	}
	var out []ActionItem
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		all, err := storage.List[Action](tx, storage.Actions)
		if err != nil {
			return err
		}
		out = selectActions(all, f, Today(ws, at))
		return nil
	})
	return out, err
}

// GetAction reads one action as of now.
func GetAction(st *storage.Store, id string) (ActionItem, error) {
	var it ActionItem
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		a, err := storage.Get[Action](tx, storage.Actions, id)
		if err != nil {
			return err
		}
		it = item(a, Today(ws, st.Now()))
		return nil
	})
	return it, err
}

func item(a Action, today string) ActionItem {
	it := ActionItem{Action: a}
	if !a.Closed() && a.Due != "" && a.Due < today {
		it.Overdue = true
		d, _ := time.Parse(time.DateOnly, a.Due)
		t, _ := time.Parse(time.DateOnly, today)
		it.DaysOverdue = int(t.Sub(d).Hours() / 24)
	}
	return it
}

func selectActions(all []Action, f ActionFilter, today string) []ActionItem {
	out := []ActionItem{}
	for _, a := range all {
		it := item(a, today)
		switch {
		case f.Status == "live" && a.Closed(),
			f.Status != "" && f.Status != "live" && a.Status != f.Status,
			f.Owner != "" && !strings.EqualFold(a.Owner, f.Owner),
			f.SLT != "" && a.Links.SLT != f.SLT,
			f.Service != "" && a.Links.Service != f.Service,
			f.Supplier != "" && a.Links.Supplier != f.Supplier,
			f.RCA != "" && !strings.EqualFold(a.Links.RCA, f.RCA),
			f.Meeting != "" && !strings.EqualFold(a.Links.Meeting, f.Meeting),
			f.Overdue && !it.Overdue:
			continue
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, compareItems)
	return out
}

func compareItems(a, b ActionItem) int {
	rank := func(x ActionItem) int {
		switch {
		case x.Overdue:
			return 0
		case !x.Closed():
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	switch rank(a) {
	case 0, 1:
		if a.Due != b.Due {
			switch {
			case a.Due == "":
				return 1
			case b.Due == "":
				return -1
			}
			return strings.Compare(a.Due, b.Due)
		}
	case 2:
		if !a.ClosedAt.Equal(*b.ClosedAt) {
			return b.ClosedAt.Compare(*a.ClosedAt)
		}
	}
	return compareIDs(storage.Actions, a.ID, b.ID)
}

// compareIDs orders ids of a kind by number (A-9 before A-10).
func compareIDs(k storage.RecordKind, a, b string) int {
	x, _ := k.Seq(a)
	y, _ := k.Seq(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
