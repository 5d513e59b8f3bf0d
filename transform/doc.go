// Package transform turns staged data into what the indicators are computed
// over and computes them: the catalogue of indicators, the calendar
// (dim_date, with financial years, ISO weeks and working days), the reporting
// periods (dim_period) and the indicator engine.
package transform
