// Package synth writes a whole synthetic council's exports into a folder: the
// Ofsted Annex A lists, the council's own contacts export, the DfE SSDA903
// return for each financial year, the Libraries Hacked open data files and the
// 0 to 17 population estimate. `scorecard demo` runs the pipeline on them.
//
// Every child is made up (ids like SB000123, postcodes in a made-up SB
// district) and follows one coherent journey: contact, referral, assessment,
// section 47 enquiry, conference, child protection plan, care, and leaving
// care. The journeys are simulated from a warm-up of 18 years before the
// reporting window, so children already on plans or in care when the window
// opens have true histories; only flow records from 12 months before the
// window, and plans and episodes open at or after that date, are written.
// Rates are set so the council falls within the national ranges of
// REFERENCE.md section 6 (referrals about 530 per 10,000 a year, 22% re-referred
// within 12 months, CP plans about 42 and looked-after children about 70 per
// 10,000 at year end).
//
// Output is deterministic: the same Config gives byte-identical files. All
// randomness comes from math/rand/v2 PCG streams seeded with Config.Seed, no
// map is iterated to produce output, and the clock is never read.
//
// A few rows are wrong on purpose (Summary.Faults), so a demo shows the
// pipeline refusing bad rows: three contacts with dates that do not exist and
// two assessments authorised before they started. They are extra rows about
// made-up children who appear nowhere else.
//
// The layouts of the council's own exports, and the choices made where Annex
// A or SSDA903 leave room, are documented in docs/native-exports.md.
package synth

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"time"
)

// Config sets the size, seed and dates of the synthetic council.
type Config struct {
	Seed      int64     // same seed and AsOf => byte-identical files
	Children  int       // resident population aged 0 to 17 (default 75000)
	Years     int       // financial years reported (default 3)
	AsOf      time.Time // data run up to the last day of the month before AsOf
	Council   string    // default "Synthetic Borough"
	Libraries int       // branches (default 10)
}

// DefaultConfig is a council of 75,000 children reporting three financial
// years up to the end of the month before asOf.
func DefaultConfig(asOf time.Time) Config {
	return Config{
		Seed:      1,
		Children:  75000,
		Years:     3,
		AsOf:      asOf,
		Council:   "Synthetic Borough",
		Libraries: 10,
	}
}

// Summary says what Generate wrote.
type Summary struct {
	WindowStart, WindowEnd time.Time // reporting window
	Files                  []File
	Faults                 []Fault
}

// File is one file written, with its name relative to the folder, its kind
// (for example "annexa_l1" or "ssda903_episodes") and its number of data rows.
type File struct {
	Name string
	Kind string
	Rows int
}

// Fault is a row planted to be refused: Line is the 1-based physical line,
// counting the header as line 1.
type Fault struct {
	File   string
	Line   int
	Column string
	Value  string
	Reason string
}

// window holds the dates every part of the generator works to.
type window struct {
	start    day // WindowStart: 1 April, Years-1 years before the FY of end
	end      day // WindowEnd: last day of the month before AsOf
	flow     day // flow records are written from here: start minus 12 months
	simStart day // the simulation's warm-up begins here
}

// warmupYears is how far before WindowStart the simulation begins, long
// enough that a 17-year-old in the window has been followed from birth.
const warmupYears = 18

func newWindow(cfg Config) window {
	y, m, _ := cfg.AsOf.Date()
	end := mkDay(y, m, 1) - 1
	start := fyStart(end).addYears(-(cfg.Years - 1))
	return window{
		start:    start,
		end:      end,
		flow:     start.addYears(-1),
		simStart: start.addYears(-warmupYears),
	}
}

func (c Config) normalise() (Config, error) {
	if c.AsOf.IsZero() {
		return c, errors.New("synth: config: AsOf is required")
	}
	if c.Children <= 0 {
		c.Children = 75000
	}
	if c.Years <= 0 {
		c.Years = 3
	}
	if c.Council == "" {
		c.Council = "Synthetic Borough"
	}
	if c.Libraries <= 0 {
		c.Libraries = 10
	}
	if c.Children < 1000 {
		return c, fmt.Errorf("synth: config: %d children is too few for a council", c.Children)
	}
	return c, nil
}

// Generate writes the synthetic council's exports into dir, which must exist,
// and says what it wrote. Existing files of the same names are replaced.
func Generate(dir string, cfg Config) (Summary, error) {
	cfg, err := cfg.normalise()
	if err != nil {
		return Summary{}, err
	}
	if st, err := os.Stat(dir); err != nil {
		return Summary{}, fmt.Errorf("synth: output folder: %w", err)
	} else if !st.IsDir() {
		return Summary{}, fmt.Errorf("synth: output folder %s is not a directory", dir)
	}
	w := newWindow(cfg)
	cal, err := newCalendar(w.simStart-400, w.end+3*366)
	if err != nil {
		return Summary{}, err
	}

	// Simulate every child's journey, then write what the systems would export.
	s := newSim(cfg, w, cal)
	s.run()
	out := &output{dir: dir, sim: s, faults: newRNG(cfg.Seed, streamFaults)}
	steps := []func() error{
		out.writeContacts,
		out.writeAnnexA,
		out.write903,
		out.writeLibraries,
		out.writePopulation,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Summary{}, err
		}
	}
	for _, step := range extraWriters {
		if err := step.write(out); err != nil {
			return Summary{}, fmt.Errorf("synth: write %s: %w", step.name, err)
		}
	}
	return Summary{
		WindowStart: w.start.time(),
		WindowEnd:   w.end.time(),
		Files:       out.files,
		Faults:      out.faultList,
	}, nil
}

// extraWriters write the further native exports, each family from its own
// file, which adds itself with addWriter from an init function. They run in
// name order after the standard returns, so output stays deterministic.
var extraWriters []namedWriter

type namedWriter struct {
	name  string
	write func(*output) error
}

func addWriter(name string, write func(*output) error) {
	extraWriters = append(extraWriters, namedWriter{name, write})
	sort.Slice(extraWriters, func(i, j int) bool { return extraWriters[i].name < extraWriters[j].name })
}

// Streams of the random generator, one per concern. A family of native
// exports takes its own stream from 0x5eed1000 upwards, by the hundred:
// intake 0x5eed1000, planning 0x5eed1100, looked after 0x5eed1200,
// libraries 0x5eed1300.
const (
	streamCare uint64 = 0x5eed0001 + iota
	streamLibraries
	streamFaults
	streamPopulation
	streamReturns // snapshot details drawn as files are written
)
