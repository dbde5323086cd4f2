package stats

import (
	"errors"
	"fmt"
)

// ErrEmpty is returned when a function receives no data.
var ErrEmpty = errors.New("stats: no data")

// ErrTooShort is returned when there are fewer values than the method needs
// (for example fewer than two points for a moving range, or three for a
// regression with a confidence interval).
var ErrTooShort = errors.New("stats: not enough data")

// ErrConstant is returned when the data have no variation and the requested
// quantity is undefined (a correlation, a regression on a constant x, a
// t-test where both groups have zero variance).
var ErrConstant = errors.New("stats: data are constant")

// ErrLength is returned when paired inputs (x and y, counts and sizes) have
// different lengths.
var ErrLength = errors.New("stats: inputs differ in length")

// ErrNotFinite is returned when the data contain NaN or ±Inf.
var ErrNotFinite = errors.New("stats: data contain NaN or infinite values")

// ErrParam is returned for an invalid parameter (a percentile outside [0, 1],
// λ outside (0, 1], a window shorter than 1, a subgroup size outside 2..25 ...).
var ErrParam = errors.New("stats: invalid parameter")

// ErrRange is returned for a baseline range that is empty or lies outside the data.
var ErrRange = errors.New("stats: baseline range outside the data")

// NotEnoughData says how much of something a method had and how much it
// needs ("not enough data: 12 decision points, need 100"). It matches
// ErrTooShort with errors.Is.
type NotEnoughData struct {
	Have, Need int
	What       string // plural noun: "points", "missed periods"
}

func (e *NotEnoughData) Error() string {
	what := e.What
	if what == "" {
		what = "points"
	}
	return fmt.Sprintf("not enough data: %d %s, need %d", e.Have, what, e.Need)
}

// Is makes errors.Is(err, ErrTooShort) true.
func (e *NotEnoughData) Is(target error) bool { return target == ErrTooShort }
