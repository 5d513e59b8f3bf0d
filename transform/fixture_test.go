package transform_test

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"testing"
	"time"

	"scorecard/load"
	"scorecard/pipeline"
)

// fixtureKey is a test-only identifier key: fixtures hold no real data.
var fixtureKey = []byte("fixture-key-not-a-secret")

// value is one row of indicator_values.
type value struct {
	Numerator   sql.NullFloat64
	Denominator sql.NullFloat64
	Value       sql.NullFloat64
}

// fixture is a warehouse built by the real pipeline from a folder of
// hand-written exports under testdata/indicators.
type fixture struct {
	t  *testing.T
	db *sql.DB
}

// runFixture runs the pipeline over testdata/indicators/<dir> with the given
// as-of date (YYYY-MM-DD) and opens the published warehouse.
func runFixture(t *testing.T, dir, asOf string) *fixture {
	t.Helper()
	return runInbox(t, filepath.Join("..", "testdata", "indicators", dir), asOf)
}

// runInbox is runFixture for an inbox anywhere.
func runInbox(t *testing.T, inbox, asOf string) *fixture {
	t.Helper()
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatalf("as-of %q: %v", asOf, err)
	}
	wh := filepath.Join(t.TempDir(), "warehouse.duckdb")
	_, err = pipeline.Run(context.Background(), pipeline.Config{
		Inbox:     inbox,
		Warehouse: wh,
		Key:       fixtureKey,
		AsOf:      day,
	})
	if err != nil {
		t.Fatalf("run the pipeline on %s: %v", inbox, err)
	}
	db, err := load.OpenReadOnly(wh)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &fixture{t: t, db: db}
}

// get returns the value of an indicator for a period label and breakdown,
// failing the test if there is none.
func (f *fixture) get(id, period, breakdown string) value {
	return f.getIn(f.t, id, period, breakdown)
}

// getIn is get reporting to t, for use inside a subtest.
func (f *fixture) getIn(t *testing.T, id, period, breakdown string) value {
	t.Helper()
	var v value
	err := f.db.QueryRow(`
		SELECT numerator, denominator, value
		FROM indicator_values
		WHERE indicator_id = ? AND period_label = ? AND breakdown = ?`,
		id, period, breakdown).Scan(&v.Numerator, &v.Denominator, &v.Value)
	if err != nil {
		t.Fatalf("%s %s %s: %v", id, period, breakdown, err)
	}
	return v
}

// absent fails the test if the indicator has a value for the period as a
// complete period (a value "to date" of a period not yet over is allowed).
func (f *fixture) absent(id, period string) {
	f.t.Helper()
	var n int
	err := f.db.QueryRow(`SELECT count(*) FROM indicator_values
		WHERE indicator_id = ? AND period_label = ? AND NOT to_date`, id, period).Scan(&n)
	if err != nil {
		f.t.Fatal(err)
	}
	if n != 0 {
		f.t.Errorf("%s %s: got %d values, want none", id, period, n)
	}
}

// status returns an indicator's status and reason from dim_indicator.
func (f *fixture) status(id string) (string, string) {
	f.t.Helper()
	var status string
	var reason sql.NullString
	err := f.db.QueryRow(`SELECT status, status_reason FROM dim_indicator
		WHERE indicator_id = ?`, id).Scan(&status, &reason)
	if err != nil {
		f.t.Fatalf("status of %s: %v", id, err)
	}
	return status, reason.String
}

// want is one expected value; a NaN field is not checked, and nullValue
// means the value must be NULL.
type want struct {
	id, period, breakdown string
	numerator, value      float64
}

var nullValue = math.Inf(-1)

// check compares values to the expectations with a tolerance of 0.005, so
// that percentages may be written to two decimal places.
func (f *fixture) check(wants []want) {
	f.t.Helper()
	for _, w := range wants {
		name := w.id + " " + w.period + " " + w.breakdown
		f.t.Run(name, func(t *testing.T) {
			got := f.getIn(t, w.id, w.period, w.breakdown)
			compare(t, "numerator", got.Numerator, w.numerator)
			compare(t, "value", got.Value, w.value)
		})
	}
}

func compare(t *testing.T, field string, got sql.NullFloat64, want float64) {
	t.Helper()
	switch {
	case math.IsNaN(want):
	case want == nullValue:
		if got.Valid {
			t.Errorf("%s: got %v, want NULL", field, got.Float64)
		}
	case !got.Valid:
		t.Errorf("%s: got NULL, want %v", field, want)
	case math.Abs(got.Float64-want) > 0.005:
		t.Errorf("%s: got %v, want %v", field, got.Float64, want)
	}
}

// toDate reports whether the indicator has a value "to date" for the
// period: the current period, not yet over.
func (f *fixture) toDate(id, period string) bool {
	f.t.Helper()
	var n int
	err := f.db.QueryRow(`SELECT count(*) FROM indicator_values
		WHERE indicator_id = ? AND period_label = ? AND to_date`, id, period).Scan(&n)
	if err != nil {
		f.t.Fatal(err)
	}
	return n > 0
}
