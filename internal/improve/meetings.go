package improve

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"slate/internal/storage"
)

// Meeting is the minutes of a service review meeting.
type Meeting struct {
	ID string `json:"id"`
	// Scope is service or supplier; Name the service's or supplier's name.
	Scope     string   `json:"scope"`
	Name      string   `json:"name"`
	Date      string   `json:"date"`
	Attendees []string `json:"attendees"`
	Decisions []string `json:"decisions"`
	// Actions are the actions agreed in the meeting (created with it).
	Actions    []string  `json:"actions"`
	Notes      string    `json:"notes,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
	RecordedBy string    `json:"recorded_by"`
}

// Minutes is what a meeting's secretary records.
type Minutes struct {
	Service   string   `json:"service,omitempty"`
	Supplier  string   `json:"supplier,omitempty"`
	Date      string   `json:"date"`
	Attendees []string `json:"attendees"`
	Decisions []string `json:"decisions"`
	// Actions are created as actions linked to the meeting (and to its
	// service or supplier unless they say otherwise).
	Actions []NewAction `json:"actions"`
	Notes   string      `json:"notes,omitempty"`
}

// RecordMeeting records the minutes and creates the actions agreed, in one
// transaction: all of it, or nothing when anything is wrong. Audited as
// meeting.record and one action.add per action.
func RecordMeeting(st *storage.Store, actor string, m Minutes) (Meeting, []Action, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Meeting{}, nil, err
	}
	if (m.Service == "") == (m.Supplier == "") {
		return Meeting{}, nil, errors.New("minutes are of one service's or one supplier's meeting")
	}
	if m.Date == "" {
		return Meeting{}, nil, errors.New("minutes need the meeting's date (YYYY-MM-DD)")
	}
	if err := checkDate("meeting date", m.Date); err != nil {
		return Meeting{}, nil, err
	}
	attendees := cleanNames(m.Attendees)
	if len(attendees) == 0 {
		return Meeting{}, nil, errors.New("minutes need the attendees")
	}
	var decisions []string
	for _, d := range m.Decisions {
		if d = strings.TrimSpace(d); d != "" {
			decisions = append(decisions, d)
		}
	}
	var meeting Meeting
	var created []Action
	err = st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		meeting = Meeting{Scope: "service", Name: m.Service, Date: m.Date, Attendees: attendees, Decisions: nonNil(decisions),
			Actions: []string{}, Notes: strings.TrimSpace(m.Notes), RecordedBy: actor}
		if m.Supplier != "" {
			meeting.Scope, meeting.Name = "supplier", m.Supplier
			if ws.Supplier(m.Supplier) == nil {
				return fmt.Errorf("supplier %q does not exist", m.Supplier)
			}
		} else if ws.Service(m.Service) == nil {
			return fmt.Errorf("service %q does not exist", m.Service)
		}
		now := st.Now().UTC()
		if today := Today(ws, now); m.Date > today {
			return fmt.Errorf("meeting date %s is after today (%s): minutes are recorded once the meeting took place", m.Date, today)
		}
		meeting.RecordedAt = now
		if meeting.ID, err = tx.NewRecordID(storage.Meetings); err != nil {
			return err
		}
		// the meeting exists before its actions link to it
		if err := tx.PutRecord(storage.Meetings, meeting.ID, meeting); err != nil {
			return err
		}
		for i, na := range m.Actions {
			na.Origin = OriginMeeting
			na.Links.Meeting = meeting.ID
			if na.Links.Service == "" && na.Links.SLT == "" && na.Links.Supplier == "" {
				na.Links.Service, na.Links.Supplier = m.Service, m.Supplier
			}
			a, err := addAction(tx, ws, actor, now, na)
			if err != nil {
				return fmt.Errorf("action %d of the minutes: %w", i+1, err)
			}
			created = append(created, a)
			meeting.Actions = append(meeting.Actions, a.ID)
		}
		if err := tx.PutRecord(storage.Meetings, meeting.ID, meeting); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "meeting.record", "Meeting/"+meeting.ID, meeting)
		return err
	})
	if err != nil {
		return Meeting{}, nil, err
	}
	return meeting, nonNil(created), nil
}

// ListMeetings lists recorded meetings (of one service or one supplier,
// or all), latest first.
func ListMeetings(st *storage.Store, service, supplier string) ([]Meeting, error) {
	out := []Meeting{}
	scope, name := "", ""
	switch {
	case service != "" && supplier != "":
		return nil, errors.New("meetings are of one service or one supplier, not both")
	case service != "":
		scope, name = "service", service
	case supplier != "":
		scope, name = "supplier", supplier
	}
	err := st.View(func(tx *storage.Tx) error {
		all, err := storage.List[Meeting](tx, storage.Meetings)
		for i := len(all) - 1; i >= 0; i-- {
			if (scope == "" || all[i].Scope == scope) && (name == "" || all[i].Name == name) {
				out = append(out, all[i])
			}
		}
		return err
	})
	return out, err
}
