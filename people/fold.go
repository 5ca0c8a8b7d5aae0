package people

import (
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
)

// foldBuf is the size of the stack buffer a word is folded into for a
// look-up; longer words (and words that are not ASCII) are folded by
// strings.ToLower or strings.ToUpper, which allocate.
const foldBuf = 48

// getLower looks up w in lower case (m[strings.ToLower(w)]) without
// building a string when w is ASCII: the folded bytes are indexed
// directly, which Go does without allocating.
func getLower[V any](m map[string]V, w string) (V, bool) {
	var buf [foldBuf]byte
	if b, ok := foldASCII(buf[:0], w, false); ok {
		v, ok := m[string(b)]
		return v, ok
	}
	v, ok := m[strings.ToLower(w)]
	return v, ok
}

// foldASCII appends w folded to lower case (upper when up) to b, and
// reports false when w is not ASCII or does not fit b's capacity.
func foldASCII(b []byte, w string, up bool) ([]byte, bool) {
	if len(w) > cap(b)-len(b) {
		return b, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return b, false
		case !up && 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case up && 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// lowerBase is token i in lower case with any possessive ending removed:
// the form the lexicon's lists are keyed by.
func (a *analysis) lowerBase(i int) string {
	w, _ := article.StripPossessive(a.Lower(i))
	return w
}

// hasSuffixFold reports whether w ends in suffix (lower-case ASCII),
// in any case.
func hasSuffixFold(w, suffix string) bool {
	return len(w) >= len(suffix) && strings.EqualFold(w[len(w)-len(suffix):], suffix)
}

// isCalendarLower reports whether a lower-case word is a month or a day
// written in lower case ("september").
func isCalendarLower(w string) bool {
	var buf [foldBuf]byte
	if len(w) == 0 || len(w) > len(buf) {
		return false
	}
	b := append(buf[:0], w...)
	if 'a' <= b[0] && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return calendar[string(b)]
}

// isOrgNoun reports whether a word, in any case, is a noun that names an
// organisation ("Ministry", "bank").
func isOrgNoun(w string) bool {
	ok, _ := getLower(orgNouns, w)
	return ok
}
