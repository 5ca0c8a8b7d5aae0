package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiAlnum marks the bytes of the ASCII letters and digits.
var asciiAlnum = byteSet(func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' })

// skipTo returns the first offset from i, before end, of a byte of set,
// or end.
func skipTo(b []byte, i, end int, set *[256]bool) int {
	for i < end && !set[b[i]] {
		i++
	}
	return i
}

// byteSet is the table of the bytes for which in is true: scanning text
// for a few kinds of byte costs one look-up a byte.
func byteSet(in func(byte) bool) (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = in(byte(c))
	}
	return t
}

func (a *Article) tokenize() {
	// English news runs at about one token every 4.2 to 5.5 bytes: a table
	// of a quarter of the length is seldom grown. Room reserved and not
	// filled costs next to nothing (its pages are never touched), where
	// growing copies the table into memory the process touches for the
	// first time: a 10 MB article at 4.2 bytes a token outgrew a fifth of
	// its length near the end, and the copy of 24 MB was a tenth of the run
	// (1.38 s to 1.26 s, 179 to 174 MB resident).
	a.Tokens = make([]Token, 0, len(a.Src.Bytes)/4+16)
	// The lower-case forms that differ from the text: the capitalised
	// words, a few bytes in ten (see Article.lower).
	lower := make([]byte, 0, len(a.Src.Bytes)/8+16)
	a.lowerBase = make([]int32, 0, cap(a.Tokens)/lowerBlock+1)
	defer func() {
		if len(lower) > 0 {
			a.lower = unsafe.String(unsafe.SliceData(lower), len(lower))
		}
	}()
	for si := range a.Sentences {
		s := &a.Sentences[si]
		s.FirstToken = int32(len(a.Tokens))
		b := a.Src.Bytes
		sEnd := s.End()
		for i := s.Start(); i < sEnd; {
			if b[i] == ' ' {
				i++ // the commonest byte, at once
				continue
			}
			r, n := a.runeAt(i)
			t := Token{start: int32(i), n: uint16(n), Kind: Punct}
			switch {
			case IsSpace(r) || invisible(r):
				i += n
				continue
			case isWordRune(r):
				end, hidden, wide := a.wordEnd(i+n, min(sEnd, i+maxTokenLen))
				if end-i > maxTokenLen {
					// wordEnd stepped past its limit by the rest of a
					// character: cut before that character (or, in bytes
					// that are not UTF-8, at the limit).
					end = a.runeStart(i + maxTokenLen)
					if end <= i {
						end = i + maxTokenLen
					}
				}
				t.n = uint16(end - i)
				t.Kind = Word
				if r >= '0' && r <= '9' {
					t.Kind = Number
				}
				if hidden {
					a.cleanWord(len(a.Tokens), t.Span())
					t.flags |= tokenHidden
				}
				if wide || r >= utf8.RuneSelf {
					t.flags |= tokenWide
				}
				if t.Kind == Word && (r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)) {
					t.flags |= tokenCapital
				}
			}
			if len(a.Tokens) == cap(a.Tokens) {
				a.Tokens = GrowAt(a.Tokens, i, len(b))
			}
			if len(a.Tokens)%lowerBlock == 0 {
				a.lowerBase = append(a.lowerBase, int32(len(lower)))
			}
			if t.Kind != Punct && (t.flags&(tokenWide|tokenHidden|tokenCapital) != 0 || hasUpperASCII(b[i:t.End()])) {
				if len(lower)+int(t.n) > cap(lower) { // a form kept is as long as its token
					lower = GrowAt(lower, i, len(b))
				}
				lower = a.lowerToken(lower, len(a.Tokens), &t)
			}
			a.Tokens = append(a.Tokens, t)
			i = t.End()
		}
		s.EndToken = int32(len(a.Tokens))
		s.FirstWord = s.EndToken
		for k := int(s.FirstToken); k < int(s.EndToken); k++ {
			if a.Tokens[k].Kind != Punct {
				s.FirstWord = int32(k)
				a.Tokens[k].flags |= tokenFirstWord
				break
			}
		}
		if s.FirstToken < s.EndToken {
			a.Tokens[s.FirstToken].flags |= tokenOpens
		}
	}
}

// MarkupPad is the byte that masks markup inside a word, between two
// letters it joins (Nazar<b>baev</b>, Nazar**baev**): the markup readers
// write it in Input.Masked, the model reads through it as it does a soft
// hyphen, and a fix never replaces it (Article.Edit).
const MarkupPad = 0x01

// invisible reports the characters that are read through inside a word:
// the soft hyphen, zero-width space, non-joiner and joiner, the word
// joiner and a stray byte-order mark, the NUL that pads a decoded HTML
// character reference inside a word (Andr&eacute;s), and MarkupPad.
func invisible(r rune) bool {
	switch r {
	case 0, MarkupPad, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff:
		return true
	}
	return false
}

// cleanWord records the text of word k, at span s, without its invisible
// characters.
func (a *Article) cleanWord(k int, s Span) {
	var b strings.Builder
	for _, r := range a.Src.Text[s.Start:s.End] {
		if !invisible(r) {
			b.WriteRune(r)
		}
	}
	if a.clean == nil {
		a.clean = map[int]string{}
	}
	a.clean[k] = b.String()
}

// wordEnd returns the end of the word that continues at j, before end,
// whether it holds invisible characters, and whether it holds a byte that
// is not ASCII. Joiners stay inside a word
// when a word character follows them: don't, Nazarbayev's, Jean-Claude;
// and, between digits, 1,000 and 1.5. Invisible characters stay inside a
// word when a word character follows them (Naz\u00adarbayev).
func (a *Article) wordEnd(j, end int) (int, bool, bool) {
	hidden, wide := false, false
	b := a.Src.Bytes
	for j < end {
		// ASCII letters and digits, the bulk of any word, without
		// decoding.
		for j < end && asciiAlnum[b[j]] {
			j++
		}
		if j >= end {
			break
		}
		if b[j] >= utf8.RuneSelf {
			wide = true
		}
		r, n := a.runeAt(j)
		if isWordRune(r) {
			j += n
			continue
		}
		if invisible(r) {
			k := j + n
			for k < end {
				r2, n2 := a.runeAt(k)
				if !invisible(r2) {
					break
				}
				k += n2
			}
			if k < end {
				if next, _ := a.runeAt(k); isWordRune(next) {
					j, hidden = k, true
					continue
				}
			}
			return j, hidden, wide
		}
		switch r {
		case '\'', '’', '-', '.', ',':
			if j+n >= end {
				return j, hidden, wide
			}
		default:
			return j, hidden, wide
		}
		next, _ := a.runeAt(j + n)
		if r == '.' || r == ',' {
			prev, _ := a.runeBefore(j)
			if !unicode.IsDigit(prev) || !unicode.IsDigit(next) {
				return j, hidden, wide
			}
		} else if !isWordRune(next) {
			return j, hidden, wide
		}
		j += n
	}
	return j, hidden, wide
}

// lowerToken appends to lower the lower-case form of word or number
// token t, token k, when it differs from its text (tokenize calls it for
// the tokens that may differ: a capital, a byte that is not ASCII, an
// invisible character), and marks where it
// is (tokenLowered: in lower; tokenLowerApart: in a map, for the forms
// whose length differs, a few letters such as İ, and words with
// invisible characters).
func (a *Article) lowerToken(lower []byte, k int, t *Token) []byte {
	if t.flags&(tokenWide|tokenHidden) == 0 {
		// ASCII: lowered only when it holds a capital.
		text := a.Src.Bytes[t.start : int(t.start)+int(t.n)]
		at := len(lower)
		lower = append(lower, text...)
		for i := at; i < len(lower); i++ {
			if c := lower[i]; 'A' <= c && c <= 'Z' {
				lower[i] = c + 'a' - 'A'
			}
		}
		t.flags |= tokenLowered
		return lower
	}
	text := a.Src.Text[t.start : int(t.start)+int(t.n)]
	if t.flags&tokenHidden != 0 {
		text = a.clean[k]
	}
	l := strings.ToLower(text)
	switch {
	case l == text:
	case len(l) == int(t.n) && t.flags&tokenHidden == 0:
		lower = append(lower, l...)
		t.flags |= tokenLowered
	default:
		if a.lowerApart == nil {
			a.lowerApart = map[int]string{}
		}
		a.lowerApart[k] = l
		t.flags |= tokenLowerApart
	}
	return lower
}

func hasUpperASCII(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// Tok returns the text of token i.
func (a *Article) Tok(i int) string {
	t := &a.Tokens[i]
	if t.flags&tokenHidden != 0 {
		return a.clean[i]
	}
	return a.Src.Text[t.start : int(t.start)+int(t.n)]
}

// Lower returns token i in lower case, or "" when there is no token i.
func (a *Article) Lower(i int) string {
	if uint(i) < uint(len(a.Tokens)) {
		if t := &a.Tokens[i]; t.flags&(tokenLowered|tokenLowerApart|tokenHidden) == 0 {
			return a.Src.Text[t.start:][:t.n] // its own form
		}
	}
	return a.lowerOf(i)
}

// Lowers yields every token's index and lower-case form, in order: what
// Lower gives, each found in constant time (Lower finds a capitalised
// word's form from its block's start), for the passes that read every
// token.
func (a *Article) Lowers(yield func(int, string) bool) {
	at := 0
	for i := range a.Tokens {
		t := &a.Tokens[i]
		var w string
		switch {
		case t.flags&tokenLowered != 0:
			w = a.lower[at : at+int(t.n)]
			at += int(t.n)
		case t.flags&(tokenLowerApart|tokenHidden) != 0:
			w = a.lowerOf(i)
		default:
			w = a.Src.Text[t.start:][:t.n]
		}
		if !yield(i, w) {
			return
		}
	}
}

// lowerOf is Lower for a token whose lower-case form is kept, or that
// does not exist.
func (a *Article) lowerOf(i int) string {
	if i < 0 || i >= len(a.Tokens) {
		return ""
	}
	t := &a.Tokens[i]
	switch {
	case t.flags&tokenLowered != 0:
		// Where the form is: after the forms of the tokens before it in
		// its block.
		b := i / lowerBlock
		at := int(a.lowerBase[b])
		for _, o := range a.Tokens[b*lowerBlock : i] {
			if o.flags&tokenLowered != 0 {
				at += int(o.n)
			}
		}
		return a.lower[at : at+int(t.n)]
	case t.flags&tokenLowerApart != 0:
		return a.lowerApart[i]
	}
	return a.Tok(i)
}

// IsWord reports whether token i exists and is a word.
func (a *Article) IsWord(i int) bool { return i >= 0 && i < len(a.Tokens) && a.Tokens[i].Kind == Word }

// IsCapWord reports whether token i is a word that starts with a capital.
// (The tokenizer marks a word whose first letter is upper case.)
func (a *Article) IsCapWord(i int) bool { return a.IsWord(i) && a.Tokens[i].flags&tokenCapital != 0 }

// IsPunct reports whether token i is the punctuation p.
func (a *Article) IsPunct(i int, p string) bool {
	return i >= 0 && i < len(a.Tokens) && a.Tokens[i].Kind == Punct && a.Tok(i) == p
}

// SentenceStart reports whether token i is the first word of its sentence.
func (a *Article) SentenceStart(i int) bool { return a.Tokens[i].flags&tokenFirstWord != 0 }

// OpensSentence reports whether token i is the first token of its
// sentence: token i-1, if any, is in another sentence.
func (a *Article) OpensSentence(i int) bool { return a.Tokens[i].flags&tokenOpens != 0 }

// IsDash reports whether token i is a dash: a hyphen standing alone, an
// en dash or an em dash ("the fall campaign - and whether").
func (a *Article) IsDash(i int) bool {
	return a.IsPunct(i, "-") || a.IsPunct(i, "–") || a.IsPunct(i, "—")
}

// SentenceOf returns the index of the sentence holding token i.
func (a *Article) SentenceOf(i int) int {
	return sort.Search(len(a.Sentences), func(k int) bool { return int(a.Sentences[k].EndToken) > i })
}

// TokenIndexAt returns the index of the first token that ends after off.
func (a *Article) TokenIndexAt(off int) int {
	return sort.Search(len(a.Tokens), func(i int) bool { return a.Tokens[i].End() > off })
}

// SentenceAt returns the index of the sentence holding off, or -1.
func (a *Article) SentenceAt(off int) int {
	lo := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End() > off })
	if lo < len(a.Sentences) && a.Sentences[lo].Start() <= off {
		return lo
	}
	return -1
}

// runeStart moves off back to the start of the code point holding it (a
// word cut at maxTokenLen must not end inside one).
func (a *Article) runeStart(off int) int {
	for off > 0 && off < len(a.Src.Bytes) && !utf8.RuneStart(a.Src.Bytes[off]) {
		off--
	}
	return off
}

// Edit returns the edit that makes span read text, for a fix: span and
// text themselves, unless markup inside a word lies in span (MarkupPad in
// Src: Nazar<b>baev</b>, Nazar**baev**). Then the edit is narrowed to the
// letters that change, those that both ends share left as they are, so
// that the markup stays in the file ("Nazarbayev" inserts a "y" after
// "ba"); ok is false when the change would reach into markup (or a
// character reference) in the word.
func (a *Article) Edit(span Span, text string) (Span, string, bool) {
	if strings.IndexByte(a.Src.Text[span.Start:span.End], MarkupPad) < 0 {
		return span, text, true
	}
	// The letters of the span as the model reads it, each with its bytes.
	type letter struct {
		r          rune
		start, end int
	}
	var ls []letter
	for i := span.Start; i < span.End; {
		r, n := utf8.DecodeRuneInString(a.Src.Text[i:span.End])
		if !invisible(r) {
			ls = append(ls, letter{r, i, i + n})
		}
		i += n
	}
	want := []rune(text)
	p := 0
	for p < len(ls) && p < len(want) && ls[p].r == want[p] {
		p++
	}
	s := 0
	for s < len(ls)-p && s < len(want)-p && ls[len(ls)-1-s].r == want[len(want)-1-s] {
		s++
	}
	var e Span
	switch {
	case p < len(ls)-s:
		e = Span{Start: ls[p].start, End: ls[len(ls)-1-s].end}
	case p > 0:
		e = Span{Start: ls[p-1].end, End: ls[p-1].end}
	case len(ls) > 0:
		e = Span{Start: ls[0].start, End: ls[0].start}
	default:
		return Span{}, "", false
	}
	for i := e.Start; i < e.End; i++ {
		if a.Src.Bytes[i] != a.Orig.Bytes[i] {
			return Span{}, "", false
		}
	}
	return e, string(want[p : len(want)-s]), true
}
