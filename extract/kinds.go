package extract

import "sort"

// flags of a column, for the kind tables below.
type flag int

const (
	req        flag = 1 << iota // the heading must be present
	notNull                     // every row needs a value
	suppressed                  // x, * and c are withheld counts
)

func col(name, header string, t Type, f flag, aliases ...string) Column {
	return Column{Name: name, Header: header, Aliases: aliases, Type: t,
		Required: f&req != 0, NotNull: f&notNull != 0, Suppressed: f&suppressed != 0}
}

func codeCol(name, header string, cs *CodeSet, f flag, aliases ...string) Column {
	c := col(name, header, Code, f, aliases...)
	c.Codes = cs
	return c
}

func kind(name, title string, cols ...Column) *Kind {
	return &Kind{Name: name, Title: title, Table: "stg_" + name, Columns: cols}
}

// Kinds returns every file kind the pipeline reads, sorted by name. The
// returned kinds are shared: do not modify them.
func Kinds() []*Kind {
	var all []*Kind
	all = append(all, annexAKinds()...)
	all = append(all, ssda903Kinds()...)
	all = append(all, libraryKinds()...)
	all = append(all, nativeKinds()...)
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
