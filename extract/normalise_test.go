package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeaderKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"LA In Touch ", "la in touch"},
		{"Date Ceased to be Looked After ", "Date Ceased to be Looked After"},
		{"Was the child offered a Return Interview after their last missing episode (Y/N))?",
			"Was the child offered a Return Interview after their last missing episode (Y/N)?"},
		{"Number of Episodes the Child has been \u2018Missing\u2019 from their Placement",
			"Number of Episodes the Child has been 'Missing' from their Placement"},
		{"\ufeffCHILD", "child"},
		{"Date  of\u00a0Contact", "date of contact"},
		{"Referral NFA?.", "referral nfa?"},
	}
	for _, tc := range tests {
		t.Run(tc.a, func(t *testing.T) {
			if got, want := headerKey(tc.a), headerKey(tc.b); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestCodeLookup(t *testing.T) {
	tests := []struct {
		name string
		cs   *CodeSet
		in   string
		want string
		ok   bool
	}{
		{"ofsted prefix", genderCodes, "a) Male", "M", true},
		{"bare label", genderCodes, "Female", "F", true},
		{"numbered", genderCodes, "1 - Male", "M", true},
		{"903 code", genderCodes, "2", "F", true},
		{"letter", genderCodes, "M", "M", true},
		{"source with prefix and label", sourceCodes, "a) 1A: Individual", "1A", true},
		{"source bare", sourceCodes, "6", "6", true},
		{"source lower case", sourceCodes, "3e", "3E", true},
		{"prefix p1)", sourceCodes, "p1) 5D: Early help", "5D", true},
		{"legal status colon form", legalStatusCodes, "C1: ICO", "C1", true},
		{"brag", bragCodes, "RED", "Red", true},
		{"outcome label", contactOutcomeCodes, "NFA - signposting", "NFA_SIGNPOSTING", true},
		{"unknown", genderCodes, "Other", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.cs.Lookup(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Lookup(%q): got %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestPostcodeDistrict(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"EG19 7TT", "EG19", true},
		{"eg197tt", "EG19", true},
		{"N1 9GU", "N1", true},
		{"SW1A 1AA", "SW1A", true},
		{"SW1A", "SW1A", true},
		{"12345", "", false},
		{"not a postcode", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := postcodeDistrict(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("got %q, %v, want %q, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestKindsAreDocumented keeps the documentation in step with the kinds
// read: each kind has a row "| `name` |" in docs/inputs.md or in one of the
// docs/native-*.md files.
func TestKindsAreDocumented(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "docs", "native-*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var doc strings.Builder
	for _, f := range append(files, filepath.Join("..", "docs", "inputs.md")) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc.Write(b)
	}
	names, tables := map[string]bool{}, map[string]bool{}
	for _, k := range Kinds() {
		if !strings.Contains(doc.String(), "| `"+k.Name+"` |") {
			t.Errorf("no document has a row for kind %s", k.Name)
		}
		if names[k.Name] || tables[k.Table] {
			t.Errorf("kind %s or its table %s is defined twice", k.Name, k.Table)
		}
		names[k.Name], tables[k.Table] = true, true
		for _, c := range k.Columns {
			if c.Type == Code && c.Codes == nil {
				t.Errorf("kind %s column %s is a code with no code list", k.Name, c.Name)
			}
		}
	}
}
