package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// visible makes text safe to print on a terminal or in a line-based
// format: control characters (escape sequences, newlines, tabs, C1
// codes), the bidirectional controls that reorder what a reader sees, and
// bytes that are not UTF-8 are written as Go escapes (\x1b, \n, \u202e,
// \xff), so that one finding stays one line and nothing in an article or a
// file name can drive the terminal. Text with none of them is returned
// as it is.
func visible(s string) string {
	if !needsEscape(s) {
		return s
	}
	return escape(s, true)
}

// Visible is s made safe to print on a terminal as one line: control
// and bidirectional characters, and bytes that are not UTF-8, written as
// Go escapes (\x1b, \n, \u202e, \xff); s itself when it holds none. Every
// message newslint writes to standard error goes through it.
func Visible(s string) string { return visible(s) }

// escape writes the bytes of s that are not UTF-8 as \xNN and, with
// controls, control and bidirectional characters as Go escapes.
func escape(s string, controls bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !controls:
			b.WriteString(s[i : i+n])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || isBidiControl(r) {
			return true
		}
		i += n
	}
	return false
}

// isBidiControl reports the characters that reorder text on display
// (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C).
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// pathText is a file path for JSON output: JSON strings hold only UTF-8,
// so a path with bytes that are not UTF-8 has each such byte written as
// \xNN (the only case where a path in JSON is not the path as given).
func pathText(p string) string {
	if utf8.ValidString(p) {
		return p
	}
	return escape(p, false)
}
