package app

import (
	"slate/internal/improve"
	"slate/internal/initiative"
	"slate/internal/packjob"
	"slate/internal/storage"
)

// Agenda is a service review meeting's agenda (improve.BuildAgenda): what
// happened since the last meeting of its scope and what the meeting must
// decide. Dates are local dates of the workspace's zone (Zone); At is when
// the figures were evaluated.
type Agenda improve.Agenda

// AgendaQuery asks for the agenda of one service's or one supplier's
// meeting on a date (YYYY-MM-DD; "" = today).
type AgendaQuery improve.AgendaQuery

// AgendaFileQuery asks for the agenda as a file: Format is pdf or xlsx.
type AgendaFileQuery struct {
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
	Date     string `json:"date,omitempty"`
	Format   string `json:"format"`
}

// Meeting is the minutes of a service review meeting.
type Meeting improve.Meeting

// Minutes are what a meeting's secretary records for one service's or one
// supplier's meeting: its date (on or before today), attendees, decisions,
// notes and the actions agreed, created with the minutes, linked to the
// meeting (and to its service or supplier unless they say otherwise).
type Minutes struct {
	Service   string      `json:"service,omitempty"`
	Supplier  string      `json:"supplier,omitempty"`
	Date      string      `json:"date"`
	Attendees []string    `json:"attendees"`
	Decisions []string    `json:"decisions"`
	Actions   []NewAction `json:"actions"`
	Notes     string      `json:"notes,omitempty"`
}

// MeetingRecord is recorded minutes and the actions they created.
type MeetingRecord struct {
	Meeting Meeting  `json:"meeting"`
	Actions []Action `json:"actions"`
}

// MeetingFilter selects recorded meetings (of one service or supplier, or all).
type MeetingFilter struct {
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
}

// Meetings generates service review agendas and keeps the minutes.
type Meetings struct {
	store *storage.Store
}

// Agenda generates the agenda of a service's or a supplier's review
// meeting, each SLT with its status (the one status rule).
func (m *Meetings) Agenda(q AgendaQuery) (Agenda, error) {
	ag, err := improve.JudgedAgenda(m.store, improve.AgendaQuery(q))
	return Agenda(ag), err
}

// AgendaFile renders the agenda as a PDF or a workbook through the pack's
// writers, fingerprinted like a pack (its SLTs' definitions and data, and
// the audit head, which every loop record's change moves). Audited as
// export.agenda.
func (m *Meetings) AgendaFile(q AgendaFileQuery) (FileData, error) {
	format, err := packjob.AgendaFormat(q.Format)
	if err != nil {
		return FileData{}, err
	}
	ag, err := improve.JudgedAgenda(m.store, improve.AgendaQuery{Service: q.Service, Supplier: q.Supplier, Date: q.Date})
	if err != nil {
		return FileData{}, err
	}
	name, data, err := packjob.Agenda(m.store, ag, format)
	if err != nil {
		return FileData{}, err
	}
	f := FileData{Name: name, Type: MimeXLSX, Data: data, Size: int64(len(data))}
	if format == PackPDF {
		f.Type = MimePDF
	}
	return f, nil
}

// Record records a meeting's minutes as the caller and creates the actions
// agreed, all in one transaction (nothing when anything is wrong).
func (m *Meetings) Record(in Minutes) (MeetingRecord, error) {
	mins := improve.Minutes{Service: in.Service, Supplier: in.Supplier, Date: in.Date, Attendees: in.Attendees, Decisions: in.Decisions, Notes: in.Notes,
		Actions: convert(in.Actions, func(a NewAction) improve.NewAction { return a.engine() })}
	mt, acts, err := improve.RecordMeeting(m.store, m.store.Actor(), mins)
	return MeetingRecord{Meeting: Meeting(mt), Actions: convert(acts, func(a improve.Action) Action { return Action(a) })}, err
}

// List lists recorded meetings, the latest first.
func (m *Meetings) List(f MeetingFilter) ([]Meeting, error) {
	ms, err := improve.ListMeetings(m.store, f.Service, f.Supplier)
	return convert(ms, func(x improve.Meeting) Meeting { return Meeting(x) }), err
}

// Improvement is a change made to improve an SLT, on a date.
type Improvement initiative.Improvement

// NewImprovement is an initiative to record: its SLT (and tier), the local
// date the change took effect and what was changed.
type NewImprovement initiative.NewImprovement

// ImprovementValidation compares the SLT per local day before and after
// the change: the test, the effect with its interval, whether there are
// enough days yet (and how many more are needed), and the verdict.
type ImprovementValidation initiative.Result

// Improvements records improvement initiatives and validates them on the
// SLT's own data.
type Improvements struct {
	store *storage.Store
}

// Add records an initiative as the caller.
func (x *Improvements) Add(in NewImprovement) (Improvement, error) {
	imp, err := initiative.Add(x.store, x.store.Actor(), initiative.NewImprovement(in))
	return Improvement(imp), err
}

// List lists initiatives (of one SLT, or all), oldest first.
func (x *Improvements) List(slt string) ([]Improvement, error) {
	imps, err := initiative.List(x.store, slt)
	return convert(imps, func(i initiative.Improvement) Improvement { return Improvement(i) }), err
}

// Validate validates an initiative on its SLT's data as of now, with the
// days for the before/after chart.
func (x *Improvements) Validate(id string) (ImprovementValidation, error) {
	res, err := initiative.Validate(x.store, id, x.store.Now(), initiative.Options{})
	return ImprovementValidation(res), err
}
