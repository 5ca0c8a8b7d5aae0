package source

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Words calls fn with each word of text: its byte span and the hash of its
// folded form. A word is a run of letters, digits and marks, with
// apostrophes (straight or curly) inside it; "&" and "%" are words of
// their own; everything else (spaces, punctuation, quotation marks, dashes
// and hyphens) separates words. With tags, markup tags (<i>, <v Name>,
// <00:00:01.000>) are skipped.
//
// The folded form is the word in lower case with its apostrophes straight,
// and written as editors may write it: a number up to twenty in figures
// ("ten" is "10", "first" is "1st"), "&" as "and", "%" as "percent",
// "cannot" as "can't". British and American spellings stay apart: they
// are different words.
func Words(text []byte, tags bool, fn func(start, end int, hash uint64)) {
	start := -1
	var h uint64
	flush := func(end int) {
		if start >= 0 {
			fn(start, end, canonical(h))
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
			case c == '&' || c == '%':
				flush(i)
				if c == '&' {
					fn(i, i+1, andHash)
				} else {
					fn(i, i+1, percentHash)
				}
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

// fold extends the hash h with the folded bytes of w, a word (or a
// contraction's ending, "'ve"), as Words hashes them.
func fold(h uint64, w []byte) uint64 {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = hashByte(h, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		i += n
		if isApostrophe(r) {
			h = hashByte(h, '\'')
			continue
		}
		var buf [utf8.UTFMax]byte
		k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:k] {
			h = hashByte(h, b)
		}
	}
	return h
}

func rawHash(w string) uint64 { return foldString(offset64, w) }

// foldString is fold of a string's bytes (ASCII only: the endings and
// words this package names).
func foldString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = hashByte(h, c)
	}
	return h
}

// table maps word hashes to values: a few dozen entries in a fixed array,
// found in a probe or two (Words asks it of every word: a map costs more).
type table struct{ keys, vals [256]uint64 }

func slot(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 >> 56 }

func (t *table) put(k, v uint64) {
	i := slot(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & 255
	}
	t.keys[i], t.vals[i] = k, v
}

func (t *table) get(k uint64) (uint64, bool) {
	for i := slot(k); t.keys[i] != 0; i = (i + 1) & 255 {
		if t.keys[i] == k {
			return t.vals[i], true
		}
	}
	return 0, false
}

// canonicals maps the hash of a word to the hash of the form editors may
// write it in instead (Words). Built on first use, as are endings and
// irregularNot: most runs compare no quotation with a source.
var canonicals = sync.OnceValue(func() *table {
	t := &table{}
	t.put(rawHash("cannot"), rawHash("can't"))
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		t.put(rawHash(w), rawHash(strconv.Itoa(i)))
	}
	for i, w := range strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth") {
		t.put(rawHash(w), rawHash(strconv.Itoa(i+1)+[...]string{"st", "nd", "rd", "th"}[min(i, 3)]))
	}
	return t
})

var (
	andHash     = rawHash("and")
	percentHash = rawHash("percent")
)

func canonical(h uint64) uint64 {
	if c, ok := canonicals().get(h); ok {
		return c
	}
	return h
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

// endingNames are the endings a contraction writes a word as ("we have"
// as "we've"); endings maps the hash of each such word to its ending's
// index there.
var endingNames = []string{"'ve", "'s", "'m", "'re", "'ll", "'d", "n't"}

var endings = sync.OnceValue(func() *table {
	t := &table{}
	for w, e := range map[string]int{"have": 0, "has": 1, "is": 1, "us": 1, "am": 2, "are": 3, "will": 4, "would": 5, "had": 5, "not": 6} {
		t.put(rawHash(w), uint64(e))
	}
	return t
})

// irregularNot are the words whose contraction with "not" is irregular.
var irregularNot = sync.OnceValue(func() *table {
	t := &table{}
	for w, c := range map[string]string{"will": "won't", "can": "can't", "shall": "shan't"} {
		t.put(rawHash(w), rawHash(c))
	}
	return t
})

var (
	notHash = rawHash("not")
	usHash  = rawHash("us")
	letHash = rawHash("let")
)

// joinHash is the hash of the one word that words a and b, with sep
// between them, may be written as by an editor: a contraction ("we have"
// as "we've", "do not" as "don't", "will not" as "won't", "let us" as
// "let's"), or the two words written as one ("e-mail" as "email", "health
// care" or "health-care" as "healthcare", "per cent" as "percent"); 0 when
// sep is more than spaces (one line break at most) or hyphens.
func joinHash(a, sep, b []byte) uint64 {
	hyphen := false
	breaks := 0
	for _, r := range string(sep) {
		switch r {
		case ' ', '\t', '\r':
		case '\n':
			breaks++
		case '-', '\u2010', '\u2011', 0x01: // hyphens, and markup inside a word
			hyphen = true
		default:
			return 0
		}
	}
	if len(sep) == 0 || breaks > 1 || len(a) == 0 || len(b) == 0 {
		return 0
	}
	ha := fold(offset64, a)
	if !hyphen {
		hb := fold(offset64, b)
		if end, ok := endings().get(hb); ok && (hb != usHash || ha == letHash) {
			if irr, ok := irregularNot().get(ha); ok && hb == notHash {
				return irr
			}
			return canonical(foldString(ha, endingNames[end]))
		}
	}
	return canonical(fold(ha, b))
}

// hasApostrophe reports whether w may hold an apostrophe (a straight one,
// or a byte that begins a curly one).
func hasApostrophe(w []byte) bool {
	for _, c := range w {
		if c == '\'' || c == 0xE2 || c == 0xCA {
			return true
		}
	}
	return false
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "′", "'")

// expansion is the two words a contraction stands for, in their most
// common reading ("we've": "we have"; "it's": "it is"; "won't": "will
// not"), as hashes; ok false for a word that is no contraction.
func expansion(w []byte) (a, b uint64, ok bool) {
	if !hasApostrophe(w) {
		return 0, 0, false
	}
	ls := strings.ToLower(apostrophes.Replace(string(w)))
	switch ls {
	case "won't":
		return rawHash("will"), notHash, true
	case "can't":
		return rawHash("can"), notHash, true
	case "shan't":
		return rawHash("shall"), notHash, true
	case "let's":
		return letHash, usHash, true
	}
	for _, e := range []struct{ end, word string }{{"n't", "not"}, {"'ve", "have"}, {"'s", "is"}, {"'m", "am"}, {"'re", "are"}, {"'ll", "will"}, {"'d", "would"}} {
		if base, ok := strings.CutSuffix(ls, e.end); ok && base != "" {
			return canonical(rawHash(base)), rawHash(e.word), true
		}
	}
	return 0, 0, false
}
