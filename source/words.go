package source

import (
	"unicode"
	"unicode/utf8"
)

// Words calls fn with each word of text: its byte span and the hash of its
// folded form (Fold). A word is a run of letters, digits and marks, with
// apostrophes (straight or curly) inside it; everything else (spaces,
// punctuation, quotation marks, dashes and hyphens) separates words. With
// tags, markup tags (<i>, <v Name>, <00:00:01.000>) are skipped.
func Words(text []byte, tags bool, fn func(start, end int, hash uint64)) {
	start := -1
	var h uint64
	flush := func(end int) {
		if start >= 0 {
			fn(start, end, h)
			start = -1
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'':
				if start >= 0 && i+1 < len(text) && wordAt(text, i+1) {
					h = hashByte(h, '\'')
					i++
					continue
				}
				flush(i)
				i++
				continue
			case c == '<' && tags:
				flush(i)
				if k := indexByte(text[i:], '>'); k > 0 {
					i += k + 1
				} else {
					i++
				}
				continue
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start, h = i, offset64
			}
			h = hashByte(h, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		switch {
		case isApostrophe(r):
			if start >= 0 && i+n < len(text) && wordAt(text, i+n) {
				h = hashByte(h, '\'')
				i += n
				continue
			}
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) && start >= 0:
			if start < 0 {
				start, h = i, offset64
			}
			var buf [utf8.UTFMax]byte
			k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			for _, b := range buf[:k] {
				h = hashByte(h, b)
			}
		default:
			flush(i)
		}
		i += n
	}
	flush(len(text))
}

// Hash is the hash of a word's folded form, as Words computes it.
func Hash(w string) uint64 {
	var out uint64
	Words([]byte(w), false, func(_, _ int, h uint64) {
		if out == 0 {
			out = h
		}
	})
	return out
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// wordAt reports whether a letter or digit begins at text[i].
func wordAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '’' || r == '‘' || r == 'ʼ' || r == '′' }

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * prime64 }
