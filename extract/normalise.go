package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// headerKey folds a heading to the form headings are matched in: lower case,
// curly quotes straightened, brackets undoubled, runs of white space
// squeezed to one space, and trailing full stops, question marks and colons
// dropped.
func headerKey(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	h = strings.Map(func(r rune) rune {
		switch r {
		case '\u2018', '\u2019', '\u201b', '`':
			return '\''
		case '\u201c', '\u201d':
			return '"'
		case '\u00a0', '\t', '_':
			return ' '
		}
		return unicode.ToLower(r)
	}, h)
	for _, pair := range [][2]string{{"((", "("}, {"))", ")"}, {"??", "?"}} {
		for strings.Contains(h, pair[0]) {
			h = strings.ReplaceAll(h, pair[0], pair[1])
		}
	}
	h = strings.Join(strings.Fields(h), " ")
	h = strings.TrimRight(h, ".?: ")
	return h
}

// nullMarkers read as a missing value wherever they appear.
var nullMarkers = map[string]bool{
	"": true, "null": true, "n/a": true, "na": true, "-": true, "#n/a": true,
	"none": true, "nil": true,
}

// suppressionMarkers stand for a small count withheld for privacy.
var suppressionMarkers = map[string]bool{"x": true, "*": true, "c": true, "[c]": true}

// excelErrors are spreadsheet formula failures: refused, never read as data.
var excelErrors = map[string]bool{
	"#value!": true, "#ref!": true, "#div/0!": true, "#name?": true,
	"#num!": true, "#null!": true, "#####": true,
}

// cleanCell removes Excel's ="..." text guard and surrounding space.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "=\"") && strings.HasSuffix(s, "\"") && len(s) >= 3 {
		s = strings.TrimSpace(s[2 : len(s)-1])
	}
	return s
}

func codeKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

var (
	ofstedPrefix = regexp.MustCompile(`^[a-z][0-9]?\)\s*`)
	numberedDash = regexp.MustCompile(`^(\S+)\s+-\s+(.+)$`)
)

// codeCandidates lists the readings of a coded value, most literal first:
// "a) 1A: Individual" gives "a) 1A: Individual", "1A: Individual", "1A" and
// "Individual"; "1 - Male" gives "1 - Male", "1" and "Male".
func codeCandidates(raw string) []string {
	s := strings.TrimSpace(raw)
	out := []string{s}
	if t := ofstedPrefix.ReplaceAllString(s, ""); t != s {
		s = t
		out = append(out, s)
	}
	if code, label, ok := strings.Cut(s, ":"); ok {
		out = append(out, strings.TrimSpace(code), strings.TrimSpace(label))
	}
	if m := numberedDash.FindStringSubmatch(s); m != nil {
		out = append(out, m[1], m[2])
	}
	return out
}
