package format

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/newslint/newslint/linter"
)

// Checkstyle writes Checkstyle XML, with paths as given on the command line
// (relative to the working directory), as the tools that read it expect.
//
// The document is written by hand, byte for byte what encoding/xml's
// encoder (indented by two spaces) writes for it: a run that does not ask
// for XML does not initialise an XML package (TestCheckstyleAsEncodingXML
// holds the two together).
type Checkstyle struct{ Opts Options }

// xmlHeader is encoding/xml's Header.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// Format implements Formatter.
func (c Checkstyle) Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
	return formatByFile(c, w, results, rules)
}

// Stream implements Streamer: each file's <file> element is written as it
// comes.
func (c Checkstyle) Stream(w io.Writer, _ []*linter.Rule) FileWriter {
	return &checkstyleStream{w: w, b: append([]byte(xmlHeader), `<checkstyle version="4.3">`...)}
}

type checkstyleStream struct {
	w     io.Writer
	b     []byte // what is not written yet
	files int
}

func (s *checkstyleStream) File(r linter.FileResult) error {
	s.b = checkstyleFile(s.b, r)
	s.files++
	return s.flush()
}

func (s *checkstyleStream) Close() error {
	if s.files > 0 {
		s.b = append(s.b, '\n')
	}
	s.b = append(s.b, "</checkstyle>\n"...)
	return s.flush()
}

func (s *checkstyleStream) flush() error {
	_, err := s.w.Write(s.b)
	s.b = s.b[:0]
	return err
}

// checkstyleFile appends the <file> element of one file's results,
// indented one level, on a line of its own.
func checkstyleFile(b []byte, r linter.FileResult) []byte {
	b = append(b, "\n  <file"...)
	b = xmlAttr(b, "name", visible(r.Path))
	b = append(b, '>')
	n := len(r.Findings)
	for _, fd := range r.Findings {
		b = checkstyleError(b, fd.Start.Line, fd.Start.Column, fd.Severity.String(), visible(fd.Message), "newslint."+fd.Rule)
	}
	if r.Err != nil {
		n++
		b = checkstyleError(b, 1, 0, "error", visible(r.Err.Error()), "newslint")
	}
	if n > 0 {
		b = append(b, "\n  "...)
	}
	return append(b, "</file>"...)
}

// checkstyleError appends one <error> element, indented two levels; a
// column of 0 is left out.
func checkstyleError(b []byte, line, column int, severity, message, source string) []byte {
	b = append(b, "\n    <error"...)
	b = xmlAttr(b, "line", strconv.Itoa(line))
	if column != 0 {
		b = xmlAttr(b, "column", strconv.Itoa(column))
	}
	b = xmlAttr(b, "severity", severity)
	b = xmlAttr(b, "message", message)
	b = xmlAttr(b, "source", source)
	return append(b, "></error>"...)
}

// xmlAttr appends ` name="value"`, the value escaped as encoding/xml
// escapes it: the five markup characters, tab, line feed and carriage
// return as references, and what XML cannot hold (controls, bytes that
// are not UTF-8) as U+FFFD.
func xmlAttr(b []byte, name, value string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	last := 0
	for i := 0; i < len(value); {
		r, width := utf8.DecodeRuneInString(value[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || r == utf8.RuneError && width == 1 {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, value[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	b = append(b, value[last:]...)
	return append(b, '"')
}

// xmlChar reports whether XML 1.0 can hold r (its Char production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
