// Package stats is Slate's statistics toolbox: descriptive statistics,
// statistical process control charts and run rules, trend, seasonality,
// dynamic baselines, correlation, two-sample tests and sample-size planning;
// for forecasts, logistic regression (ridge, IRLS) and their scores (Brier,
// AUC, reliability); for method comparison, agreement (bias, Bland–Altman,
// Lin's concordance, Cohen's kappa) and change points.
//
// Every function is pure: it takes slices and returns values, never touches
// files, clocks or global state, and never modifies its input (where data must
// be reordered a copy is made). Bad input is reported with the sentinel errors
// in errors.go rather than a panic. Means and variances use two-pass
// algorithms, so data with a large offset (NIST StRD NumAcc4) keep their
// precision. Indices that leave the package (violations, spans, baselines)
// are 1-based, like the rows a user sees.
//
// The formulas are documented on each function and, in plain words, in
// docs/statistics.md. The package imports only gonum and the standard library.
package stats
