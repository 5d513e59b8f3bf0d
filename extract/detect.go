package extract

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// headerSearchRows is how many records at the top of a file may be titles
// or notes before the header row.
const headerSearchRows = 10

// minWideMonths is how many month headings make a file wide.
const minWideMonths = 3

// header is a file's heading row matched to a kind.
type header struct {
	kind  *Kind
	pos   []int    // for each column of kind, its index in a record, or -1
	names []string // the headings as written
	keys  []string // the headings folded
	extra []string
	// Wide files only: the record indexes and headings of month columns.
	monthPos []int
}

// Detect returns the kind that the header row rec of a file called name
// matches, or nil. A kind matches when every required column is present
// and its name hint, if any, is in the file name; the kind matching the most
// columns wins.
func Detect(rec []string, name string, kinds []*Kind) *Kind {
	h := match(rec, name, kinds)
	if h == nil {
		return nil
	}
	return h.kind
}

func match(rec []string, name string, kinds []*Kind) *header {
	keys := make([]string, len(rec))
	for i, h := range rec {
		keys[i] = headerKey(h)
	}
	lowName := strings.ToLower(name)
	var best *header
	bestScore := 0
	for _, k := range kinds {
		if k.NameHint != "" && !strings.Contains(lowName, k.NameHint) {
			continue
		}
		h, score := tryKind(k, rec, keys)
		if h != nil && score > bestScore {
			best, bestScore = h, score
		}
	}
	return best
}

// tryKind matches the headings to kind k, returning nil if a required
// column is missing.
func tryKind(k *Kind, rec, keys []string) (*header, int) {
	h := &header{kind: k, pos: make([]int, len(k.Columns)), names: rec, keys: keys}
	used := make([]bool, len(keys))
	score := 0
	for i := range k.Columns {
		col := &k.Columns[i]
		h.pos[i] = -1
		if k.Wide != nil && (col.Name == k.Wide.MonthColumn || col.Name == k.Wide.ValueColumn) {
			continue
		}
		for j, key := range keys {
			if !used[j] && headingMatches(col, key) {
				h.pos[i], used[j] = j, true
				score++
				break
			}
		}
		if h.pos[i] < 0 && col.Required {
			return nil, 0
		}
	}
	for j, key := range keys {
		if used[j] {
			continue
		}
		if k.Wide != nil {
			if _, err := ParseMonth(key); err == nil {
				h.monthPos = append(h.monthPos, j)
				used[j] = true
				continue
			}
		}
		if key != "" {
			h.extra = append(h.extra, rec[j])
		}
	}
	if k.Wide != nil {
		if len(h.monthPos) < minWideMonths {
			return nil, 0
		}
		score += len(h.monthPos)
	}
	return h, score
}

func headingMatches(col *Column, key string) bool {
	if key == headerKey(col.Header) {
		return true
	}
	for _, a := range col.Aliases {
		if key == headerKey(a) {
			return true
		}
	}
	return false
}

// findHeader reads records until one matches a kind.
func findHeader(recs rowSource, name string, kinds []*Kind) (*header, error) {
	var first []string
	for i := 0; i < headerSearchRows; i++ {
		rec, _, err := recs.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &FileError{File: name, Reason: "the header cannot be read", Err: err}
		}
		if blankRecord(rec) {
			continue
		}
		rec = append([]string(nil), rec...)
		if first == nil {
			first = rec
		}
		if h := match(rec, name, kinds); h != nil {
			return h, nil
		}
	}
	if first == nil {
		return nil, &FileError{File: name, Reason: "the file has no header row"}
	}
	return nil, &FileError{File: name, Reason: unknownKindReason(first, name, kinds)}
}

// unknownKindReason names the closest kind and what it lacks, so that a
// person can fix the export or its headings.
func unknownKindReason(rec []string, name string, kinds []*Kind) string {
	keys := make([]string, len(rec))
	for i, h := range rec {
		keys[i] = headerKey(h)
	}
	type near struct {
		kind    *Kind
		missing []string
		found   int
	}
	var all []near
	for _, k := range kinds {
		n := near{kind: k}
		for i := range k.Columns {
			col := &k.Columns[i]
			ok := false
			for _, key := range keys {
				if headingMatches(col, key) {
					ok = true
					break
				}
			}
			if ok {
				n.found++
			} else if col.Required && (k.Wide == nil ||
				(col.Name != k.Wide.MonthColumn && col.Name != k.Wide.ValueColumn)) {
				n.missing = append(n.missing, col.Header)
			}
		}
		all = append(all, n)
	}
	// The best explanation matches something, lacks the least, and matches
	// the most.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if (a.found > 0) != (b.found > 0) {
			return a.found > 0
		}
		if len(a.missing) != len(b.missing) {
			return len(a.missing) < len(b.missing)
		}
		return a.found > b.found
	})
	if len(all) == 0 || all[0].found == 0 {
		return "its columns match no known export (see docs/inputs.md for the kinds read)"
	}
	n := all[0]
	if len(n.missing) == 0 && n.kind.NameHint != "" {
		return fmt.Sprintf("its columns fit %s, but such files are told apart by name: "+
			"rename it to contain %q", n.kind.Title, n.kind.NameHint)
	}
	if len(n.missing) == 0 {
		return fmt.Sprintf("its columns are close to %s but do not match it", n.kind.Title)
	}
	return fmt.Sprintf("it looks like %s but lacks the required column(s) %s",
		n.kind.Title, quoteList(n.missing))
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// repeats reports whether rec is the header again, as when two exports are
// joined end to end.
func (h *header) repeats(rec []string) bool {
	if len(rec) < len(h.keys) {
		return false
	}
	for i, k := range h.keys {
		if headerKey(rec[i]) != k {
			return false
		}
	}
	return true
}

// wideRows turns a wide record into one logical row per month cell that is
// not blank.
func (h *header) wideRows(rec []string) []cellRow {
	rows := make([]cellRow, 0, len(h.monthPos))
	for _, j := range h.monthPos {
		if j >= len(rec) || strings.TrimSpace(rec[j]) == "" {
			continue
		}
		rows = append(rows, cellRow{values: rec, month: h.names[j], value: rec[j],
			column: h.names[j]})
	}
	return rows
}

// value returns the raw text of column i for the logical row c.
func (h *header) value(c cellRow, i int) (string, bool) {
	if w := h.kind.Wide; w != nil {
		switch h.kind.Columns[i].Name {
		case w.MonthColumn:
			return c.month, true
		case w.ValueColumn:
			return c.value, true
		}
	}
	j := h.pos[i]
	if j < 0 {
		return "", false
	}
	if j >= len(c.values) {
		return "", true // a short row: its trailing cells are empty
	}
	return c.values[j], true
}

// display names column i as the file writes it, for a refusal.
func (h *header) display(c cellRow, i int) string {
	if w := h.kind.Wide; w != nil {
		n := h.kind.Columns[i].Name
		if n == w.MonthColumn || n == w.ValueColumn {
			return c.column
		}
	}
	if j := h.pos[i]; j >= 0 && j < len(h.names) {
		return strings.TrimSpace(h.names[j])
	}
	return h.kind.Columns[i].Header
}
