package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StripPossessive removes a possessive 's (straight or curly) from w and
// reports whether there was one.
func StripPossessive(w string) (string, bool) {
	if s, ok := strings.CutSuffix(w, "'s"); ok {
		return s, true
	}
	return strings.CutSuffix(w, "’s")
}

// IsCapitalised reports whether w starts with an upper-case letter.
func IsCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// IsAllCaps reports whether w has two or more letters, all upper case.
func IsAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Clip is s cut to at most max bytes, at the start of a character, with
// "…" after it when anything was cut (the ellipsis is not counted in max):
// for quoting text in messages and hovers.
func Clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
