package extract

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a file is read to choose its encoding and
// delimiter.
const sniffSize = 64 << 10

// Encoding names what a file was decoded from, for the run's report.
type Encoding string

const (
	UTF8        Encoding = "UTF-8"
	UTF8BOM     Encoding = "UTF-8 with BOM"
	UTF16       Encoding = "UTF-16"
	Windows1252 Encoding = "Windows-1252"
)

// records reads a delimited file one record at a time, with the physical
// line each record starts on.
type records struct {
	csv       *csv.Reader
	Encoding  Encoding
	Delimiter rune
}

// newRecords chooses the encoding and delimiter from the start of r.
func newRecords(r io.Reader) (*records, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("read the start of the file: %w", err)
	}
	var body io.Reader = br
	enc := UTF8
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		enc = UTF8BOM
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		enc = UTF16
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		body = transform.NewReader(br, dec)
	case !validUTF8Prefix(head):
		enc = Windows1252
		body = transform.NewReader(br, charmap.Windows1252.NewDecoder())
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, errors.New("the file is empty")
	}
	if bytes.IndexByte(head, 0) >= 0 && enc != UTF16 {
		return nil, errors.New("the file is binary, not delimited text (is it a spreadsheet saved as .csv?)")
	}
	bodyBuf := bufio.NewReaderSize(body, sniffSize)
	first, _ := bodyBuf.Peek(sniffSize)
	delim := sniffDelimiter(first)
	c := csv.NewReader(bodyBuf)
	c.Comma = delim
	c.FieldsPerRecord = -1
	// Exports often carry Excel's ="0123" guard or a stray quote inside an
	// unquoted field: read such quotes as text rather than refuse the row.
	c.LazyQuotes = true
	c.ReuseRecord = true
	return &records{csv: c, Encoding: enc, Delimiter: delim}, nil
}

// Next returns the next record and the line it starts on, or io.EOF.
func (r *records) Next() ([]string, int, error) {
	rec, err := r.csv.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.StartLine, err
		}
		return nil, 0, err
	}
	line, _ := r.csv.FieldPos(0)
	return rec, line, nil
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut at the end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 4 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		if len(b) < sniffSize {
			return false
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// sniffDelimiter picks comma, semicolon or tab: whichever occurs most in the
// first line outside quotes.
func sniffDelimiter(b []byte) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, c := range string(b) {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}
