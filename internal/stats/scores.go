package stats

import "math"

// Brier returns the Brier score of probability forecasts p for outcomes y
// (0 or 1): the mean of (pᵢ − yᵢ)². 0 is perfect; always saying 50% scores 0.25.
func Brier(p, y []float64) (float64, error) {
	if len(p) != len(y) {
		return 0, ErrLength
	}
	if len(p) == 0 {
		return 0, ErrEmpty
	}
	var s float64
	for i := range p {
		d := p[i] - y[i]
		s += d * d
	}
	return s / float64(len(p)), nil
}

// AUC returns the area under the ROC curve of scores p for outcomes y, in its
// Mann–Whitney form: the share of (positive, negative) pairs in which the
// positive has the higher score, ties counting ½:
// AUC = (R₁ − n₁(n₁ + 1)/2)/(n₁·n₀), R₁ the rank sum of the positives (ties
// averaged). 0.5 is no better than chance. Both classes must be present.
func AUC(p, y []float64) (float64, error) {
	if len(p) != len(y) {
		return 0, ErrLength
	}
	r := Ranks(p)
	var n1, n0, r1 float64
	for i, v := range y {
		if v == 1 {
			n1++
			r1 += r[i]
		} else {
			n0++
		}
	}
	if n1 == 0 || n0 == 0 {
		return math.NaN(), ErrConstant
	}
	return (r1 - n1*(n1+1)/2) / (n1 * n0), nil
}

// ReliabilityBin is one bin of a reliability table: the forecasts with
// From ≤ p < To (the last bin includes 1), their mean forecast and the
// observed frequency of the event among them.
type ReliabilityBin struct {
	From      float64
	To        float64
	N         int
	Events    int
	Predicted float64 // mean forecast in the bin (NaN when empty)
	Observed  float64 // events / n (NaN when empty)
}

// Reliability groups forecasts into k equal-width bins over [0, 1] and
// compares the mean forecast with the observed frequency in each. A
// well-calibrated forecast has Predicted ≈ Observed in every bin.
func Reliability(p, y []float64, k int) ([]ReliabilityBin, error) {
	if len(p) != len(y) {
		return nil, ErrLength
	}
	if k < 1 {
		return nil, ErrParam
	}
	bins := make([]ReliabilityBin, k)
	sum := make([]float64, k)
	for i := range bins {
		bins[i].From, bins[i].To = float64(i)/float64(k), float64(i+1)/float64(k)
	}
	for i, v := range p {
		b := min(int(v*float64(k)), k-1)
		b = max(b, 0)
		bins[b].N++
		sum[b] += v
		if y[i] == 1 {
			bins[b].Events++
		}
	}
	for i := range bins {
		bins[i].Predicted, bins[i].Observed = math.NaN(), math.NaN()
		if bins[i].N > 0 {
			bins[i].Predicted = sum[i] / float64(bins[i].N)
			bins[i].Observed = float64(bins[i].Events) / float64(bins[i].N)
		}
	}
	return bins, nil
}
