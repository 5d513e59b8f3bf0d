package extract

import "sort"

// flags of a column, for the kind tables below.
type flag int

const (
	req        flag = 1 << iota // the heading must be present
	notNull                     // every row needs a value
	suppressed                  // x, * and c are withheld counts
	positive                    // zero or less is refused
)

func col(name, header string, t Type, f flag, aliases ...string) Column {
	return Column{Name: name, Header: header, Aliases: aliases, Type: t,
		Required: f&req != 0, NotNull: f&notNull != 0, Suppressed: f&suppressed != 0,
		Positive: f&positive != 0}
}

func codeCol(name, header string, cs *CodeSet, f flag, aliases ...string) Column {
	c := col(name, header, Code, f, aliases...)
	c.Codes = cs
	return c
}

func kind(name, title string, cols ...Column) *Kind {
	return &Kind{Name: name, Title: title, Table: "stg_" + name, Columns: cols}
}

// kindSets make each family of kinds. Each kinds_*.go file adds its own
// from an init function, so that a family lives in one file.
var kindSets []func() []*Kind

func register(set func() []*Kind) { kindSets = append(kindSets, set) }

// Kinds returns every file kind the pipeline reads, sorted by name.
func Kinds() []*Kind {
	var all []*Kind
	for _, set := range kindSets {
		all = append(all, set()...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// KindByName returns the kind called name, or nil.
func KindByName(name string) *Kind {
	for _, k := range Kinds() {
		if k.Name == name {
			return k
		}
	}
	return nil
}
