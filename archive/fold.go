package archive

import (
	"strings"
	"unicode/utf8"
)

// Fold is the form names are keyed by: lower case, accents removed from
// Latin letters, curly apostrophes straight ("Erdoğan’s" → "erdogan's"),
// as the name-spelling rule compares names. A string already folded
// (lower-case ASCII) is returned as it is, without allocating. The
// name-spelling rule compares names in this form too.
func Fold(s string) string {
	folded := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return diacritics.Replace(strings.ToLower(s))
		case 'A' <= c && c <= 'Z':
			folded = false
		}
	}
	if folded {
		return s
	}
	return strings.ToLower(s) // ASCII: no accent or curly apostrophe to replace
}

// diacritics maps accented Latin letters to their base letters.
var diacritics = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a", "ā", "a", "ă", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ę", "e", "ě", "e", "ē", "e", "ė", "e",
	"ğ", "g", "í", "i", "ì", "i", "î", "i", "ï", "i", "ı", "i", "ī", "i", "ł", "l", "ľ", "l",
	"ñ", "n", "ń", "n", "ň", "n", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ő", "o", "ō", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ß", "ss", "ť", "t", "ţ", "t", "ț", "t",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ů", "u", "ű", "u", "ū", "u", "ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
	"’", "'", "‘", "'", "ʼ", "'",
)
