package domain

import "fmt"

// FieldError is input that is wrong in one field of a request (a period, a
// baseline, a conflict policy). Its message speaks of the thing ("the first
// period 2026-13 is not a period key"); a face adds where the value came
// from: the CLI names its flag, the window marks the field.
type FieldError struct {
	// Field names the request field in words a face can map: "period",
	// "from", "to", "baseline", "since", "date", "on_conflict", "key".
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Err.Error() }

func (e *FieldError) Unwrap() error { return e.Err }

// FieldErrorf is a FieldError with a formatted message (%w wraps as fmt.Errorf does).
func FieldErrorf(field, format string, args ...any) error {
	return &FieldError{Field: field, Err: fmt.Errorf(format, args...)}
}
