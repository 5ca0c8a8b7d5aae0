package config

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxNesting is the deepest a configuration may nest arrays, inline
// tables and the brackets of table headers: a newslint.toml needs three
// levels at most (people = [{aliases = ["…"]}]). The TOML parser takes
// time and memory that grow faster than the depth (8,000 levels in 32 KB
// took 26 s and 1.5 GB; 120 KB ran out of memory), so deeper text is
// refused before it is parsed.
const MaxNesting = 64

// checkNesting returns an error at the first bracket of text that opens
// an array or inline table more than MaxNesting deep, or nil. One pass,
// linear in the text: it counts the [ and { that open and the ] and }
// that close outside strings (basic and literal, on one line or several,
// with their escapes and closing runs of quotes) and comments, which is
// where TOML has structure. Its count is never below the parser's, up to
// the first error the parser would stop at.
func checkNesting(file, text string) *Error {
	s := nestScanner{src: withoutBOM(text), line: 1}
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; c {
		case '\n':
			s.newline(s.i)
			s.i++
		case '#':
			if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
				s.i += j
			} else {
				s.i = len(s.src)
			}
		case '"', '\'':
			s.skipString(c)
		case '[', '{':
			if depth++; depth > MaxNesting {
				return &Error{File: file, Line: s.line, Column: 1 + utf8.RuneCountInString(s.src[s.lineStart:s.i]),
					Msg: fmt.Sprintf("arrays and inline tables nested more than %d deep: not read (a configuration needs three levels at most)", MaxNesting)}
			}
			s.i++
		case ']', '}':
			depth = max(depth-1, 0)
			s.i++
		default:
			s.i++
		}
	}
	return nil
}

// nestScanner is checkNesting's position in the text.
type nestScanner struct {
	src             string
	i               int
	line, lineStart int
}

// newline records the line feed at j.
func (s *nestScanner) newline(j int) { s.line, s.lineStart = s.line+1, j+1 }

// skipString moves past the string that opens at s.i with quote q: to
// its closing quote, or to the end of its line when it is on one line
// and not closed (the parser stops there).
func (s *nestScanner) skipString(q byte) {
	src := s.src
	if strings.HasPrefix(src[s.i:], string([]byte{q, q, q})) {
		// Multi-line: ends at the first run of three quotes or more
		// (up to two more are the string's own last characters).
		for j := s.i + 3; j < len(src); {
			switch c := src[j]; {
			case c == '\n':
				s.newline(j)
				j++
			case c == '\\' && q == '"':
				j++
				if j < len(src) {
					if src[j] == '\n' {
						s.newline(j)
					}
					j++
				}
			case c == q:
				k := j
				for k < len(src) && src[k] == q {
					k++
				}
				if k-j >= 3 {
					s.i = k
					return
				}
				j = k
			default:
				j++
			}
		}
		s.i = len(src)
		return
	}
	for j := s.i + 1; j < len(src); j++ {
		switch src[j] {
		case '\n':
			s.i = j
			return
		case q:
			s.i = j + 1
			return
		case '\\':
			if q == '"' && j+1 < len(src) && src[j+1] != '\n' {
				j++
			}
		}
	}
	s.i = len(src)
}
