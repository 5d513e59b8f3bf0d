package synth

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// output writes the simulated council's files and keeps the summary.
type output struct {
	dir       string
	sim       *sim
	faults    rng // where the planted faults go and what they say
	detail    rng // see details
	files     []File
	faultList []Fault
}

// table is one CSV file being written: comma separated, UTF-8 without a BOM,
// CRLF line ends, a header row first, fields quoted only when needed.
type table struct {
	name, kind string
	f          *os.File
	bw         *bufio.Writer
	w          *csv.Writer
	rows       int
	err        error
}

func (o *output) create(name, kind string, header []string) (*table, error) {
	f, err := os.Create(filepath.Join(o.dir, name))
	if err != nil {
		return nil, fmt.Errorf("synth: create %s: %w", name, err)
	}
	t := &table{name: name, kind: kind, f: f, bw: bufio.NewWriterSize(f, 1<<16)}
	t.w = csv.NewWriter(t.bw)
	t.w.UseCRLF = true
	if err := t.w.Write(header); err != nil {
		t.err = err
	}
	return t, nil
}

// write adds a data row; the first error is kept for finish to report.
func (t *table) write(rec ...string) {
	if t.err != nil {
		return
	}
	if err := t.w.Write(rec); err != nil {
		t.err = err
		return
	}
	t.rows++
}

// line is the physical line the next row will be written on (the header is
// line 1); no field holds a line break, so rows and lines agree.
func (t *table) line() int { return t.rows + 2 }

func (o *output) finish(t *table) error {
	t.w.Flush()
	err := errors.Join(t.err, t.w.Error(), t.bw.Flush(), t.f.Close())
	if err != nil {
		return fmt.Errorf("synth: write %s: %w", t.name, err)
	}
	o.files = append(o.files, File{Name: t.name, Kind: t.kind, Rows: t.rows})
	return nil
}

// writeTable creates, fills and finishes a table in one go.
func (o *output) writeTable(name, kind string, header []string, fill func(*table)) error {
	t, err := o.create(name, kind, header)
	if err != nil {
		return err
	}
	fill(t)
	return o.finish(t)
}

// dateOrBlank writes d if it had happened by WindowEnd.
func (o *output) dateOrBlank(d day) string {
	if d == noDay || d > o.sim.w.end {
		return ""
	}
	return d.dmy()
}

func itoa(n int) string { return strconv.Itoa(n) }

// writePopulation writes the 0 to 17 population for each mid-year from the
// year of the first flow record to the year of WindowEnd. The estimate drifts
// a little from year to year around Config.Children.
func (o *output) writePopulation() error {
	s := o.sim
	first, _, _ := s.w.flow.ymd()
	last, _, _ := s.w.end.ymd()
	r := newRNG(s.cfg.Seed, streamPopulation)
	return o.writeTable("population.csv", "population",
		[]string{"Mid-year", "Population aged 0 to 17", "Source"}, func(t *table) {
			for y := first; y <= last; y++ {
				drift := 1 + 0.004*float64(y-last) + 0.002*r.NormFloat64()
				n := int(float64(s.cfg.Children)*drift + 0.5)
				t.write(itoa(y), itoa(n), "Synthetic council")
			}
		})
}
