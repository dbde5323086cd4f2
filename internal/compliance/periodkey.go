package compliance

import "fmt"

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
