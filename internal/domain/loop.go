package domain

import (
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// This file holds the definitions of the improvement loop: leading
// indicators and counter-metrics of an SLT, its renegotiation triggers, and
// the Integration kind that pushes tasks to ITSM tools (docs/improvement.md).

// Lead is a leading indicator of an SLT: a feed, or another SLT, whose daily
// values tend to move before this SLT's do. `slate correlate` measures the
// pair over lags up to MaxLag; the prediction engine reads feed leads
// (predict.Lead).
type Lead struct {
	Feed string `json:"feed,omitempty" yaml:"feed,omitempty"`
	SLT  string `json:"slt,omitempty" yaml:"slt,omitempty"`
	// MaxLag is the longest lead looked for, in whole days (default 14d).
	MaxLag Duration `json:"maxLag,omitempty" yaml:"maxLag,omitempty"`
	// Inverse says lower values of the feed are the worse ones (a
	// throughput); by default higher is worse (a latency, an error share,
	// items opened).
	Inverse bool `json:"inverse,omitempty" yaml:"inverse,omitempty"`
}

// DefaultMaxLag is the longest lead looked for when a pair names none.
const DefaultMaxLag = 14 * 24 * time.Hour

// MaxLagDays is the longest lag a pair may name.
const MaxLagDays = 90

// LagDays is the lead's MaxLag in days (DefaultMaxLag when not set).
func (l Lead) LagDays() int {
	if l.MaxLag <= 0 {
		return int(DefaultMaxLag / (24 * time.Hour))
	}
	return int(l.MaxLag.D() / (24 * time.Hour))
}

// Name is "feed NAME" or "SLT NAME".
func (l Lead) Name() string {
	if l.Feed != "" {
		return "feed " + l.Feed
	}
	return "SLT " + l.SLT
}

// VolumeRange is the volume an SLT's target was negotiated on, as numbers:
// units of its feed (items, rows, events; the total of a counts feed) per
// day, week or month. A complete period whose average lies outside it makes
// a review due.
type VolumeRange struct {
	Min *float64 `json:"min,omitempty" yaml:"min,omitempty"`
	Max *float64 `json:"max,omitempty" yaml:"max,omitempty"`
	// Per is day (default), week or month.
	Per string `json:"per,omitempty" yaml:"per,omitempty"`
}

// PerOrDefault is Per, or day.
func (v VolumeRange) PerOrDefault() string {
	if v.Per == "" {
		return "day"
	}
	return v.Per
}

// Review change kinds: dated declarations that call for a renegotiation.
const (
	ChangeBusiness   = "business-change"
	ChangeTechnology = "technology-refresh"
)

// ReviewChange is a dated business change or technology refresh: from its
// date on, the SLT's review is due until a review is recorded after it.
type ReviewChange struct {
	Date string `json:"date" yaml:"date"`
	Kind string `json:"kind" yaml:"kind"`
	Note string `json:"note,omitempty" yaml:"note,omitempty"`
}

// Integration sends tasks (a root-cause analysis opened, an action created)
// to an ITSM tool: a webhook signed with HMAC-SHA256, or files in a drop
// folder another tool picks up.
type Integration struct {
	Metadata Meta            `json:"metadata"`
	Spec     IntegrationSpec `json:"spec"`
}

// Integration events.
const (
	EventRCAOpened     = "rca.opened"
	EventActionCreated = "action.created"
)

// IntegrationEvents lists the events an integration may receive.
var IntegrationEvents = []string{EventRCAOpened, EventActionCreated}

// IntegrationSpec is exactly one of Webhook and DropFolder, the events it
// receives (default: all) and the services whose tasks it receives (default: all).
type IntegrationSpec struct {
	Webhook    *Webhook    `json:"webhook,omitempty" yaml:"webhook,omitempty"`
	DropFolder *DropFolder `json:"dropFolder,omitempty" yaml:"dropFolder,omitempty"`
	Events     []string    `json:"events,omitempty" yaml:"events,omitempty,flow"`
	Services   []string    `json:"services,omitempty" yaml:"services,omitempty,flow"`
}

// Receives reports whether the integration takes event for service.
func (s *IntegrationSpec) Receives(event, service string) bool {
	if len(s.Events) > 0 && !contains(s.Events, event) {
		return false
	}
	return len(s.Services) == 0 || contains(s.Services, service)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Webhook is an HTTPS endpoint. The HMAC key is never part of a definition
// (definitions are printed by `slate get all -o yaml` and hashed into packs):
// SecretEnv names the environment variable of the delivering process that
// holds it.
type Webhook struct {
	URL       string `json:"url" yaml:"url"`
	SecretEnv string `json:"secretEnv" yaml:"secretEnv"`
	// Timeout of one delivery attempt (default 10s, at most 2m).
	Timeout Duration `json:"timeout,omitempty" yaml:"timeout,omitempty"`
	// Secret is refused when written (it exists only to say so clearly); it
	// is never stored.
	Secret string `json:"-" yaml:"secret,omitempty"`
}

// DefaultWebhookTimeout bounds one delivery attempt when the webhook names no timeout.
const DefaultWebhookTimeout = 10 * time.Second

// TimeoutOrDefault is the attempt timeout.
func (w Webhook) TimeoutOrDefault() time.Duration {
	if w.Timeout <= 0 {
		return DefaultWebhookTimeout
	}
	return w.Timeout.D()
}

// DropFolder writes one file per task into Path (an absolute folder), as
// JSON (default) or CSV.
type DropFolder struct {
	Path   string `json:"path" yaml:"path"`
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (c *checker) integration(s *IntegrationSpec) {
	switch {
	case s.Webhook == nil && s.DropFolder == nil:
		c.add("spec.webhook", "an integration needs a webhook or a dropFolder")
	case s.Webhook != nil && s.DropFolder != nil:
		c.add("spec.dropFolder", "an integration has either a webhook or a dropFolder, not both")
	case s.Webhook != nil:
		w := s.Webhook
		const f = "spec.webhook."
		if w.Secret != "" {
			c.add(f+"secret", "never write the HMAC secret into a definition (definitions are printed and exported); put it in an environment variable and name it in secretEnv")
		}
		u, err := url.Parse(w.URL)
		switch {
		case w.URL == "":
			c.add(f+"url", "is required (https://…)")
		case err != nil || u.Host == "":
			c.add(f+"url", "%q is not an absolute URL (https://host/path)", w.URL)
		case u.Scheme == "http" && !loopback(u.Hostname()):
			c.add(f+"url", "%q: use https (plain http is allowed only to this machine: localhost, 127.0.0.1, ::1)", w.URL)
		case u.Scheme != "https" && u.Scheme != "http":
			c.add(f+"url", "%q: the scheme must be https", w.URL)
		case u.User != nil:
			c.add(f+"url", "must not carry a user or password (the HMAC signature authenticates Slate)")
		}
		if w.SecretEnv == "" {
			c.add(f+"secretEnv", "is required: the name of the environment variable that holds the HMAC key")
		} else if !envName.MatchString(w.SecretEnv) {
			c.add(f+"secretEnv", "%q is not an environment variable name (letters, digits, _)", w.SecretEnv)
		}
		if w.Timeout < 0 || w.Timeout.D() > 2*time.Minute {
			c.add(f+"timeout", "must be between 1s and 2m")
		}
	case s.DropFolder != nil:
		d := s.DropFolder
		if d.Path == "" {
			c.add("spec.dropFolder.path", "is required (an absolute folder)")
		} else if !strings.HasPrefix(d.Path, "/") && !(len(d.Path) > 2 && d.Path[1] == ':') && !strings.HasPrefix(d.Path, `\\`) {
			c.add("spec.dropFolder.path", "%q must be an absolute folder", d.Path)
		}
		c.oneOf("spec.dropFolder.format", d.Format, "json", "csv")
	}
	for i, e := range s.Events {
		c.oneOf(fieldIndex("spec.events", i, ""), e, IntegrationEvents...)
	}
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c *checker) review(r *Review) {
	if r.MissedInARow < 0 {
		c.add("spec.review.missedInARow", "must not be negative")
	}
	if r.MetInARow < 0 {
		c.add("spec.review.metInARow", "must not be negative")
	}
	for i, ch := range r.Changes {
		if ch.Date == "" {
			c.add(fieldIndex("spec.review.changes", i, "date"), "is required (YYYY-MM-DD)")
		}
		c.date(fieldIndex("spec.review.changes", i, "date"), ch.Date)
		if ch.Kind == "" {
			c.add(fieldIndex("spec.review.changes", i, "kind"), "is required (%s or %s)", ChangeBusiness, ChangeTechnology)
		}
		c.oneOf(fieldIndex("spec.review.changes", i, "kind"), ch.Kind, ChangeBusiness, ChangeTechnology)
	}
}

// loopFields checks an SLT's leads, counter-metric and volume on their own.
func (c *checker) loopFields(s *SLTSpec) {
	for i, l := range s.Leads {
		f := fieldIndex("spec.leads", i, "")
		if (l.Feed == "") == (l.SLT == "") {
			c.add(f, "a lead names either a feed or an slt")
		}
		if l.MaxLag < 0 || l.MaxLag.D()%(24*time.Hour) != 0 || l.LagDays() > MaxLagDays {
			c.add(f+".maxLag", "must be whole days from 1d to %dd", MaxLagDays)
		}
	}
	if a := s.Assumptions; a != nil && a.Volume != nil {
		v := a.Volume
		const f = "spec.assumptions.volume."
		if v.Min == nil && v.Max == nil {
			c.add(f+"min", "a volume needs min, max or both")
		}
		if v.Min != nil && *v.Min < 0 {
			c.add(f+"min", "must not be negative")
		}
		if v.Min != nil && v.Max != nil && *v.Max < *v.Min {
			c.add(f+"max", "must not be below min")
		}
		c.oneOf(f+"per", v.Per, "day", "week", "month")
	}
}

// checkLoop: an SLT is not its own lead or counter-metric (its own feed may
// lead it: the number of items opened can lead their resolution time).
func (w *Workspace) checkLoop(c *checker, s *SLT) {
	for i, l := range s.Spec.Leads {
		if l.SLT == s.Name() {
			c.add(fieldIndex("spec.leads", i, "slt"), "an SLT cannot lead itself")
		}
	}
	if s.Spec.CounterMetric == s.Name() {
		c.add("spec.counterMetric", "an SLT cannot be its own counter-metric")
	}
}
