package compliance

import (
	"fmt"
	"strings"
	"time"

	"slate/internal/domain"
)

// KeyFormats lists the period keys people can write.
const KeyFormats = "2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05"

// KeyError is a period key that names no period, with why and the valid forms.
type KeyError struct {
	Key string
	Why string
}

func (e *KeyError) Error() string {
	s := fmt.Sprintf("%q is not a period", e.Key)
	if e.Why != "" {
		s += ": " + e.Why
	}
	return s + "; periods are written " + KeyFormats
}

// ParseTime reads RFC 3339, "YYYY-MM-DDTHH:MM" (UTC) or YYYY-MM-DD (midnight UTC).
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time (write RFC 3339, e.g. 2026-10-05T14:00:00Z, or a date)", s)
}

// RowsSince keeps the rows whose period starts at or after the start of the
// period key (or date, or time) since, read in each SLT's zone.
func RowsSince(ws *domain.Workspace, rows []Row, since string) ([]Row, error) {
	var out []Row
	for _, r := range rows {
		loc := time.UTC
		if slt := ws.SLT(r.SLT); slt != nil {
			if l, err := domain.LoadZone(slt.Spec.TimeZone); err == nil {
				loc = l
			}
		}
		var from time.Time
		if p, err := ParseKey(since, loc); err == nil {
			from = p.Start
		} else if t, err := ParseTime(since); err == nil {
			from = t
		} else {
			return nil, domain.FieldErrorf("since", "since %q is not a period key (2026-10, 2026-Q3, ...) or a time", since)
		}
		if !r.Start.Before(from) {
			out = append(out, r)
		}
	}
	return out, nil
}
