package domain

import "time"

// Meta is a definition's metadata block.
type Meta struct {
	Name        string `json:"name" yaml:"name"`
	DisplayName string `json:"displayName,omitempty" yaml:"displayName,omitempty"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
}

// Title is how a definition is shown: its display name, else its name.
func (m Meta) Title() string {
	if m.DisplayName != "" {
		return m.DisplayName
	}
	return m.Name
}

// Definition is any document of a workspace.
type Definition interface {
	Kind() Kind
	Name() string
	// Parts gives pointers to the metadata and spec, for codecs.
	Parts() (*Meta, any)
}

// New returns an empty definition of the kind.
func New(k Kind) Definition {
	switch k {
	case KindCalendar:
		return &Calendar{}
	case KindService:
		return &Service{}
	case KindSupplier:
		return &Supplier{}
	case KindFeed:
		return &Feed{}
	case KindSLT:
		return &SLT{}
	case KindContract:
		return &Contract{}
	case KindMaintenance:
		return &MaintenanceWindow{}
	case KindNaming:
		return &NamingConvention{}
	case KindMaturityModel:
		return &MaturityModel{}
	case KindMaturityAssessment:
		return &MaturityAssessment{}
	case KindSLTTemplate:
		return &SLTTemplate{}
	case KindIntegration:
		return &Integration{}
	}
	return nil
}

// Service is something the business consumes; SLTs attach to it.
type Service struct {
	Metadata Meta        `json:"metadata"`
	Spec     ServiceSpec `json:"spec"`
}

// ServiceSpec maps a service to the business.
type ServiceSpec struct {
	BusinessUnit string `json:"businessUnit,omitempty" yaml:"businessUnit,omitempty"`
	ProductLine  string `json:"productLine,omitempty" yaml:"productLine,omitempty"`
	Owner        string `json:"owner,omitempty" yaml:"owner,omitempty"`
	// Criticality is low, medium, high or critical.
	Criticality string `json:"criticality,omitempty" yaml:"criticality,omitempty"`
}

// Supplier is a third party that delivers part of a service.
type Supplier struct {
	Metadata Meta         `json:"metadata"`
	Spec     SupplierSpec `json:"spec"`
}

// SupplierSpec holds who to talk to and what to do when the supplier fails.
type SupplierSpec struct {
	Contact string `json:"contact,omitempty" yaml:"contact,omitempty"`
	Email   string `json:"email,omitempty" yaml:"email,omitempty"`
	// ContingencyPlan is a one-line summary of the plan, where space is short;
	// Contingency holds the plan itself.
	ContingencyPlan string       `json:"contingencyPlan,omitempty" yaml:"contingencyPlan,omitempty"`
	Contingency     *Contingency `json:"contingency,omitempty" yaml:"contingency,omitempty"`
	// Maturity is a declared score, 0 to 5 (a certification level, or a score
	// from before assessments were kept); MaturityAssessment documents hold the
	// assessed scores, question by question.
	Maturity *float64 `json:"maturity,omitempty" yaml:"maturity,omitempty"`
}

// Contingency is what the service does when a supplier fails.
type Contingency struct {
	// Trigger says when the plan is invoked ("hosting down for 30 minutes").
	Trigger string `json:"trigger,omitempty" yaml:"trigger,omitempty"`
	// Failover is how the service continues by another route (standby region, second carrier).
	Failover string `json:"failover,omitempty" yaml:"failover,omitempty"`
	// Workaround is the manual procedure while the supplier cannot deliver.
	Workaround string    `json:"workaround,omitempty" yaml:"workaround,omitempty"`
	Contacts   []Contact `json:"contacts,omitempty" yaml:"contacts,omitempty"`
	// LastTested is when the plan was last exercised (YYYY-MM-DD).
	LastTested string `json:"lastTested,omitempty" yaml:"lastTested,omitempty"`
}

// Contact is someone to call when a contingency plan runs.
type Contact struct {
	Name  string `json:"name" yaml:"name"`
	Role  string `json:"role,omitempty" yaml:"role,omitempty"`
	Phone string `json:"phone,omitempty" yaml:"phone,omitempty"`
	Email string `json:"email,omitempty" yaml:"email,omitempty"`
}

// Contract binds a supplier to services, with service credits and incentives
// computed from one SLT's attainment per period.
type Contract struct {
	Metadata Meta         `json:"metadata"`
	Spec     ContractSpec `json:"spec"`
}

// ContractSpec is the commercial part of a supplier agreement.
type ContractSpec struct {
	Supplier        string   `json:"supplier" yaml:"supplier"`
	Services        []string `json:"services,omitempty" yaml:"services,omitempty"`
	SLT             string   `json:"slt" yaml:"slt"`
	ChargePerPeriod float64  `json:"chargePerPeriod" yaml:"chargePerPeriod"`
	Currency        string   `json:"currency,omitempty" yaml:"currency,omitempty"`
	// CreditTiers: attainment below Below earns the customer Credit percent of the charge.
	CreditTiers []CreditTier `json:"creditTiers,omitempty" yaml:"creditTiers,omitempty"`
	// Cap is the largest credit, in percent of the charge (0 = no cap).
	Cap float64 `json:"cap,omitempty" yaml:"cap,omitempty"`
	// EarnBack: attainment at or above Above earns the supplier Incentive percent.
	EarnBack     []IncentiveTier `json:"earnBack,omitempty" yaml:"earnBack,omitempty"`
	IncentiveCap float64         `json:"incentiveCap,omitempty" yaml:"incentiveCap,omitempty"`
}

// CreditTier is one row of a service-credit table.
type CreditTier struct {
	Below  float64 `json:"below" yaml:"below"`
	Credit float64 `json:"credit" yaml:"credit"`
}

// IncentiveTier is one row of an earn-back table.
type IncentiveTier struct {
	Above     float64 `json:"above" yaml:"above"`
	Incentive float64 `json:"incentive" yaml:"incentive"`
}

// Calendar is weekly working hours plus holidays, in a time zone.
type Calendar struct {
	Metadata Meta         `json:"metadata"`
	Spec     CalendarSpec `json:"spec"`
}

// CalendarSpec: hours per weekday as "HH:MM-HH:MM" ranges (end may be 24:00);
// a weekday without ranges is closed.
type CalendarSpec struct {
	TimeZone string      `json:"timeZone" yaml:"timeZone"`
	Hours    WeeklyHours `json:"hours" yaml:"hours"`
	Holidays []Holiday   `json:"holidays,omitempty" yaml:"holidays,omitempty"`
}

// WeeklyHours lists working-hour ranges per weekday.
type WeeklyHours struct {
	Mon []string `json:"mon,omitempty" yaml:"mon,omitempty,flow"`
	Tue []string `json:"tue,omitempty" yaml:"tue,omitempty,flow"`
	Wed []string `json:"wed,omitempty" yaml:"wed,omitempty,flow"`
	Thu []string `json:"thu,omitempty" yaml:"thu,omitempty,flow"`
	Fri []string `json:"fri,omitempty" yaml:"fri,omitempty,flow"`
	Sat []string `json:"sat,omitempty" yaml:"sat,omitempty,flow"`
	Sun []string `json:"sun,omitempty" yaml:"sun,omitempty,flow"`
}

// Holiday is a closed date (YYYY-MM-DD, in the calendar's zone).
type Holiday struct {
	Date string `json:"date" yaml:"date"`
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
}

// Feed is a source of raw data points, usually one file a supplier sends.
type Feed struct {
	Metadata Meta     `json:"metadata"`
	Spec     FeedSpec `json:"spec"`
}

// Feed shapes: what one row of the feed holds.
const (
	ShapeValue  = "value"  // a timestamp and a number (latency, a probe's measurement)
	ShapeCounts = "counts" // a timestamp with good and total counts
	ShapeEvent  = "event"  // a timestamp with a good/bad flag (a probe up/down, one transaction)
	ShapeItem   = "item"   // an item with opened and resolved timestamps (ticket, order)
)

// FeedSpec describes a data source and how its files are read.
type FeedSpec struct {
	Shape    string `json:"shape" yaml:"shape"`
	Supplier string `json:"supplier,omitempty" yaml:"supplier,omitempty"`
	// Owner is the person accountable for the data (measurement ownership).
	Owner string `json:"owner,omitempty" yaml:"owner,omitempty"`
	// Interval is the expected spacing of rows; gaps against it are findings.
	Interval Duration `json:"interval,omitempty" yaml:"interval,omitempty"`
	Unit     string   `json:"unit,omitempty" yaml:"unit,omitempty"`
	// TimeZone applies to timestamps written without an offset.
	TimeZone string   `json:"timeZone,omitempty" yaml:"timeZone,omitempty"`
	Mapping  *Mapping `json:"mapping,omitempty" yaml:"mapping,omitempty"`
	// CalibrateAgainst names a reference feed that measures the same quantity
	// by another route (transaction logs behind a synthetic probe); `slate
	// calibrate` compares the two. It must have this feed's shape and unit.
	CalibrateAgainst string `json:"calibrateAgainst,omitempty" yaml:"calibrateAgainst,omitempty"`
}

// Mapping says which column of a supplier file holds what, and how to read it.
type Mapping struct {
	Time string `json:"time,omitempty" yaml:"time,omitempty"`
	// TimeLayout: rfc3339, iso-local, excel, unix, unix-ms, or a Go layout such as 02/01/2006 15:04.
	TimeLayout string `json:"timeLayout,omitempty" yaml:"timeLayout,omitempty"`
	Value      string `json:"value,omitempty" yaml:"value,omitempty"`
	Good       string `json:"good,omitempty" yaml:"good,omitempty"`
	// Bad, with Total, gives good = total − bad (OpenSLO ratio SLIs that count bad events).
	Bad          string `json:"bad,omitempty" yaml:"bad,omitempty"`
	Total        string `json:"total,omitempty" yaml:"total,omitempty"`
	OK           string `json:"ok,omitempty" yaml:"ok,omitempty"`
	Item         string `json:"item,omitempty" yaml:"item,omitempty"`
	Opened       string `json:"opened,omitempty" yaml:"opened,omitempty"`
	Resolved     string `json:"resolved,omitempty" yaml:"resolved,omitempty"`
	Paused       string `json:"paused,omitempty" yaml:"paused,omitempty"`
	Priority     string `json:"priority,omitempty" yaml:"priority,omitempty"`
	CI           string `json:"ci,omitempty" yaml:"ci,omitempty"`
	DecimalComma bool   `json:"decimalComma,omitempty" yaml:"decimalComma,omitempty"`
	Sheet        string `json:"sheet,omitempty" yaml:"sheet,omitempty"`
}

// SLT is a service level target.
type SLT struct {
	Metadata Meta    `json:"metadata"`
	Spec     SLTSpec `json:"spec"`
}

// SLT types.
const (
	TypeSLA = "SLA" // customer-facing
	TypeOLA = "OLA" // internal operational
	TypeUC  = "UC"  // supplier underpinning contract
)

// SLTSpec is everything that defines and governs one target.
type SLTSpec struct {
	Service  string `json:"service" yaml:"service"`
	Feed     string `json:"feed,omitempty" yaml:"feed,omitempty"`
	Type     string `json:"type" yaml:"type"`
	Owner    string `json:"owner,omitempty" yaml:"owner,omitempty"`
	TimeZone string `json:"timeZone,omitempty" yaml:"timeZone,omitempty"`
	// Period: day, week, month, quarter, year or rolling:Nd.
	Period    string     `json:"period" yaml:"period"`
	Indicator *Indicator `json:"indicator,omitempty" yaml:"indicator,omitempty"`
	Composite *Composite `json:"composite,omitempty" yaml:"composite,omitempty"`
	Objective Objective  `json:"objective" yaml:"objective"`
	// Calendar scopes the SLT to business hours; empty means 24x7.
	Calendar string `json:"calendar,omitempty" yaml:"calendar,omitempty"`
	// Tiers replace Objective/Calendar with one objective per calendar.
	Tiers       []Tier            `json:"tiers,omitempty" yaml:"tiers,omitempty"`
	Escalation  []EscalationLevel `json:"escalation,omitempty" yaml:"escalation,omitempty"`
	Assumptions *Assumptions      `json:"assumptions,omitempty" yaml:"assumptions,omitempty"`
	Review      *Review           `json:"review,omitempty" yaml:"review,omitempty"`
	// ImpactWeight scales a breach's shortfall into business impact.
	ImpactWeight float64 `json:"impactWeight,omitempty" yaml:"impactWeight,omitempty"`
	// CostPerBadMinute, when set, prices the business impact of bad time.
	CostPerBadMinute float64 `json:"costPerBadMinute,omitempty" yaml:"costPerBadMinute,omitempty"`
	// RCAAfter consecutive missed periods trigger a root-cause analysis (default 3).
	RCAAfter int `json:"rcaAfter,omitempty" yaml:"rcaAfter,omitempty"`
	// Components describe the supply chain behind an end-to-end SLT: the SLTs
	// (usually supplier targets) it depends on, in series or in parallel. They
	// do not change how this SLT is measured (a composite does that); they let
	// Slate check contract coverage and whether the parts can add up to the whole.
	Components []SupplyComponent `json:"components,omitempty" yaml:"components,omitempty"`
	// CIs are the configuration items (CMDB ids) the SLT's service runs on.
	CIs []string `json:"cis,omitempty" yaml:"cis,omitempty,flow"`
	// Leads are this SLT's leading indicators (loop.go).
	Leads []Lead `json:"leads,omitempty" yaml:"leads,omitempty"`
	// CounterMetric names an SLT shown beside this one, so that improving
	// this number at the expense of another shows (loop.go).
	CounterMetric string `json:"counterMetric,omitempty" yaml:"counterMetric,omitempty"`
}

// Relations of a supply component to the other components of its SLT.
const (
	RelationSerial   = "serial"   // the end-to-end service needs this part
	RelationParallel = "parallel" // one of a redundant group: any member will do
)

// SupplyComponent is one part of an end-to-end SLT's supply chain. The serial
// components multiply; the parallel ones form one redundant group, in series
// with the rest. Deeper structures nest: a component may have components.
type SupplyComponent struct {
	SLT      string `json:"slt" yaml:"slt"`
	Relation string `json:"relation" yaml:"relation"`
}

// Indicator kinds (METRICS.md "Indicators").
const (
	IndicatorRatio        = "ratio"
	IndicatorThreshold    = "threshold"
	IndicatorStatistic    = "statistic"
	IndicatorAvailability = "availability"
	IndicatorDuration     = "duration"
)

// Indicator says what a row means and when it is good.
type Indicator struct {
	Kind string `json:"kind" yaml:"kind"`
	// Op and Threshold: a threshold row is good when value Op Threshold; an
	// availability probe with a value is up when value Op Threshold.
	Op        string   `json:"op,omitempty" yaml:"op,omitempty"`
	Threshold *float64 `json:"threshold,omitempty" yaml:"threshold,omitempty"`
	// Statistic: mean, median, min, max or pNN (p95, p99.9).
	Statistic string `json:"statistic,omitempty" yaml:"statistic,omitempty"`
	// Slice is the availability time slice (default 1m); SliceTarget, when set,
	// is the share of good probes that makes a slice good.
	Slice       Duration `json:"slice,omitempty" yaml:"slice,omitempty"`
	SliceTarget *float64 `json:"sliceTarget,omitempty" yaml:"sliceTarget,omitempty"`
	// Missing: how a slice without data counts: exclude (default), good or bad.
	Missing string `json:"missing,omitempty" yaml:"missing,omitempty"`
	// Goal is the longest acceptable elapsed business time of a duration item.
	Goal Duration `json:"goal,omitempty" yaml:"goal,omitempty"`
}

// Objective is the target an attainment is compared with.
type Objective struct {
	// Op defaults to >= for ratio-like indicators and <= for statistics.
	Op     string  `json:"op,omitempty" yaml:"op,omitempty"`
	Target float64 `json:"target" yaml:"target"`
}

// Tier is one (calendar, objective) pair of a tiered SLT.
type Tier struct {
	Name     string  `json:"name" yaml:"name"`
	Calendar string  `json:"calendar,omitempty" yaml:"calendar,omitempty"`
	Op       string  `json:"op,omitempty" yaml:"op,omitempty"`
	Target   float64 `json:"target" yaml:"target"`
}

// Composite aggregates other SLTs' attainments with weights.
type Composite struct {
	Components []Component `json:"components" yaml:"components"`
	Rationale  string      `json:"rationale" yaml:"rationale"`
}

// Component is one weighted part of a composite SLT.
type Component struct {
	SLT    string  `json:"slt" yaml:"slt"`
	Weight float64 `json:"weight" yaml:"weight"`
}

// EscalationLevel is one step of an SLT's escalation path.
type EscalationLevel struct {
	Level         int      `json:"level" yaml:"level"`
	After         Duration `json:"after,omitempty" yaml:"after,omitempty"`
	Authority     string   `json:"authority" yaml:"authority"`
	Contact       string   `json:"contact,omitempty" yaml:"contact,omitempty"`
	Communication string   `json:"communication,omitempty" yaml:"communication,omitempty"`
	Remediation   string   `json:"remediation,omitempty" yaml:"remediation,omitempty"`
}

// Assumptions documents what the target was negotiated on.
type Assumptions struct {
	ExpectedVolume string   `json:"expectedVolume,omitempty" yaml:"expectedVolume,omitempty"`
	Dependencies   []string `json:"dependencies,omitempty" yaml:"dependencies,omitempty"`
	Notes          []string `json:"notes,omitempty" yaml:"notes,omitempty"`
	// Volume is the expected volume as numbers: outside it, a review is due (loop.go).
	Volume *VolumeRange `json:"volume,omitempty" yaml:"volume,omitempty"`
}

// Review is an SLT's governance cycle.
type Review struct {
	// Cycle: monthly, quarterly or yearly.
	Cycle      string   `json:"cycle,omitempty" yaml:"cycle,omitempty"`
	NextReview string   `json:"nextReview,omitempty" yaml:"nextReview,omitempty"`
	Triggers   []string `json:"triggers,omitempty" yaml:"triggers,omitempty"`
	// MissedInARow and MetInARow: the objective missed (met) this many
	// complete periods in a row calls for a renegotiation (0: not checked).
	MissedInARow int `json:"missedInARow,omitempty" yaml:"missedInARow,omitempty"`
	MetInARow    int `json:"metInARow,omitempty" yaml:"metInARow,omitempty"`
	// Changes are dated business changes and technology refreshes (loop.go).
	Changes []ReviewChange `json:"changes,omitempty" yaml:"changes,omitempty"`
}

// MaintenanceWindow is planned downtime excluded from the calculation, if it was
// registered before it started.
type MaintenanceWindow struct {
	Metadata Meta            `json:"metadata"`
	Spec     MaintenanceSpec `json:"spec"`
}

// MaintenanceSpec is one-off (Start/End) or recurring (Recurrence).
type MaintenanceSpec struct {
	// SLTs and Services scope the window; both empty means every SLT.
	SLTs         []string    `json:"slts,omitempty" yaml:"slts,omitempty"`
	Services     []string    `json:"services,omitempty" yaml:"services,omitempty"`
	Start        time.Time   `json:"start,omitzero" yaml:"start,omitempty"`
	End          time.Time   `json:"end,omitzero" yaml:"end,omitempty"`
	Recurrence   *Recurrence `json:"recurrence,omitempty" yaml:"recurrence,omitempty"`
	RegisteredAt time.Time   `json:"registeredAt" yaml:"registeredAt"`
	Reason       string      `json:"reason,omitempty" yaml:"reason,omitempty"`
}

// Recurrence repeats a window at a local time of day.
type Recurrence struct {
	// Freq: daily, weekly or monthly.
	Freq string `json:"freq" yaml:"freq"`
	// Days: weekdays (mon..sun) for weekly windows.
	Days []string `json:"days,omitempty" yaml:"days,omitempty,flow"`
	// DayOfMonth for monthly windows (1-28).
	DayOfMonth int      `json:"dayOfMonth,omitempty" yaml:"dayOfMonth,omitempty"`
	At         string   `json:"at" yaml:"at"`
	Duration   Duration `json:"duration" yaml:"duration"`
	TimeZone   string   `json:"timeZone,omitempty" yaml:"timeZone,omitempty"`
	// From and Until (YYYY-MM-DD) bound the recurrence.
	From  string `json:"from,omitempty" yaml:"from,omitempty"`
	Until string `json:"until,omitempty" yaml:"until,omitempty"`
}

func (d *Service) Kind() Kind                    { return KindService }
func (d *Supplier) Kind() Kind                   { return KindSupplier }
func (d *Contract) Kind() Kind                   { return KindContract }
func (d *Calendar) Kind() Kind                   { return KindCalendar }
func (d *Feed) Kind() Kind                       { return KindFeed }
func (d *SLT) Kind() Kind                        { return KindSLT }
func (d *MaintenanceWindow) Kind() Kind          { return KindMaintenance }
func (d *Integration) Kind() Kind                { return KindIntegration }
func (d *Service) Name() string                  { return d.Metadata.Name }
func (d *Supplier) Name() string                 { return d.Metadata.Name }
func (d *Contract) Name() string                 { return d.Metadata.Name }
func (d *Calendar) Name() string                 { return d.Metadata.Name }
func (d *Feed) Name() string                     { return d.Metadata.Name }
func (d *SLT) Name() string                      { return d.Metadata.Name }
func (d *MaintenanceWindow) Name() string        { return d.Metadata.Name }
func (d *Integration) Name() string              { return d.Metadata.Name }
func (d *Service) Parts() (*Meta, any)           { return &d.Metadata, &d.Spec }
func (d *Supplier) Parts() (*Meta, any)          { return &d.Metadata, &d.Spec }
func (d *Contract) Parts() (*Meta, any)          { return &d.Metadata, &d.Spec }
func (d *Calendar) Parts() (*Meta, any)          { return &d.Metadata, &d.Spec }
func (d *Feed) Parts() (*Meta, any)              { return &d.Metadata, &d.Spec }
func (d *SLT) Parts() (*Meta, any)               { return &d.Metadata, &d.Spec }
func (d *MaintenanceWindow) Parts() (*Meta, any) { return &d.Metadata, &d.Spec }
func (d *Integration) Parts() (*Meta, any)       { return &d.Metadata, &d.Spec }
