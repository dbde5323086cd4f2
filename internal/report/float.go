package report

import (
	"bytes"
	"encoding/json"
	"math"
)

// Float is a float64 whose missing value is NaN in memory and null in JSON
// (encoding/json cannot encode NaN).
type Float float64

// NaN is the missing Float.
var NaN = Float(math.NaN())

// Valid reports whether f is a finite number.
func (f Float) Valid() bool {
	return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0)
}

// MarshalJSON writes null for NaN/±Inf.
func (f Float) MarshalJSON() ([]byte, error) {
	if !f.Valid() {
		return []byte("null"), nil
	}
	return json.Marshal(float64(f))
}

// UnmarshalJSON reads null as NaN.
func (f *Float) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*f = NaN
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*f = Float(v)
	return nil
}

// Floats is a series of optional numbers.
type Floats []Float

// FloatsOf converts a []float64 (NaN = missing).
func FloatsOf(v []float64) Floats {
	out := make(Floats, len(v))
	for i, x := range v {
		out[i] = Float(x)
	}
	return out
}

// Repeat returns n copies of v (e.g. a constant centre line).
func Repeat(v float64, n int) Floats {
	out := make(Floats, n)
	for i := range out {
		out[i] = Float(v)
	}
	return out
}
