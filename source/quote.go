package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinQuoteWords is the shortest quotation looked up in the sources, in
// words: a shorter one ("a fine building") is too common to say anything.
const MinQuoteWords = gram

// nearWords is how far from a part found a short part of a quotation
// (after an ellipsis) is looked for.
const nearWords = 400

// QuoteWord is a word of a quotation.
type QuoteWord struct {
	// Start and End are its bytes (in the text given to Quote, plus its
	// base).
	Start, End int
	// Hash is the hash of its folded form (Words).
	Hash uint64
	// Join is what it and the next word may be written as (joinHash),
	// 0 for none.
	Join uint64
	// Gap is set when an editor's [bracketed] words stand before it, in
	// place of the source's or of none.
	Gap bool
}

// QuotePart is a run of a quotation's words between ellipses, and where
// it is in the sources (Locate).
type QuotePart struct {
	Words []QuoteWord
	Match Match
	Found bool
	// contractions are its words that are contractions, with the two
	// words each stands for.
	contractions []contraction
}

// contraction is a word of a quotation that is a contraction, and the
// two words it stands for in each reading ("it's": "it is", "it has";
// the second reading zeros when there is one).
type contraction struct {
	word     int
	readings [2][2]uint64
}

// Span is the bytes of the part's words.
func (p *QuotePart) Span() (start, end int) {
	return p.Words[0].Start, p.Words[len(p.Words)-1].End
}

// Quote reads the words of a quotation's content, text (its bytes start
// at base in the article), split at each ellipsis ("…", "...", "[…]"),
// leaving out [bracketed] words and reading a bracketed part of a word
// ("[T]he", "candidate[s]") as the source's letters. Parts with no words
// are left out.
func Quote(text string, base int) []QuotePart {
	text, pos := unglue(text)
	tb := []byte(text)
	parts := []QuotePart{{}}
	gap := false
	flush := func(from, to int) {
		p := &parts[len(parts)-1]
		first := len(p.Words)
		if p.Words == nil {
			p.Words = make([]QuoteWord, 0, (to-from)/4+1)
		}
		Words(tb[from:to], false, func(s, e int, h uint64) {
			p.Words = append(p.Words, QuoteWord{Start: from + s, End: from + e, Hash: h, Gap: gap})
			gap = false
		})
		// Joins and expansions, read in the unglued text; then the
		// words' bytes in the article.
		for i := first; i < len(p.Words); i++ {
			w := &p.Words[i]
			if i+1 < len(p.Words) && !p.Words[i+1].Gap {
				nx := p.Words[i+1]
				w.Join = joinHash(tb[w.Start:w.End], tb[w.End:nx.Start], tb[nx.Start:nx.End])
			}
			if r, ok := readings(tb[w.Start:w.End]); ok {
				p.contractions = append(p.contractions, contraction{i, r})
			}
		}
		for i := first; i < len(p.Words) && pos != nil; i++ {
			w := &p.Words[i]
			w.Start, w.End = pos[w.Start], pos[w.End-1]+1
		}
		for i := first; i < len(p.Words); i++ {
			p.Words[i].Start += base
			p.Words[i].End += base
		}
	}
	seg := 0
	for i := 0; i < len(text); {
		switch {
		case text[i] == '[':
			flush(seg, i)
			end := strings.IndexByte(text[i:], ']')
			if end < 0 {
				end = len(text)
			} else {
				end += i
			}
			if inner := text[i+1 : end]; strings.Contains(inner, "…") || strings.Contains(inner, "...") {
				parts = append(parts, QuotePart{})
			} else {
				gap = true
			}
			i = min(end+1, len(text))
			seg = i
		case strings.HasPrefix(text[i:], "…"):
			flush(seg, i)
			parts = append(parts, QuotePart{})
			i += len("…")
			seg = i
		case strings.HasPrefix(text[i:], "..."):
			flush(seg, i)
			parts = append(parts, QuotePart{})
			for i < len(text) && text[i] == '.' {
				i++
			}
			seg = i
		default:
			i++
		}
	}
	flush(seg, len(text))
	out := parts[:0]
	for _, p := range parts {
		if len(p.Words) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// readings are the readings of a contraction (expansion), with "'s"
// also read as "has" and "'d" as "had".
func readings(w []byte) (out [2][2]uint64, ok bool) {
	a, b, ok := expansion(w)
	if !ok {
		return out, false
	}
	out[0] = [2]uint64{a, b}
	switch b {
	case isHash:
		out[1] = [2]uint64{a, hasHash}
	case wouldHash:
		out[1] = [2]uint64{a, hadHash}
	}
	return out, true
}

var (
	isHash    = rawHash("is")
	hasHash   = rawHash("has")
	wouldHash = rawHash("would")
	hadHash   = rawHash("had")
)

// unglue drops the brackets of a bracketed part of a word ("[T]he",
// "candidate[s]"), which stand for the source's letters, and returns the
// text left and, for each of its bytes, its offset in text (nil when
// nothing was dropped).
func unglue(text string) (string, []int) {
	if strings.IndexByte(text, '[') < 0 {
		return text, nil // each byte where it is
	}
	pos := make([]int, 0, len(text))
	var b strings.Builder
	letterAt := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[i:])
		return i < len(text) && unicode.IsLetter(r)
	}
	letterBefore := func(i int) bool {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		return i > 0 && unicode.IsLetter(r)
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '[' {
			if k := strings.IndexByte(text[i:], ']'); k > 1 && k <= 12 {
				inner := text[i+1 : i+k]
				if !strings.ContainsAny(inner, " .…") && (letterBefore(i) || letterAt(i+k+1)) {
					for j := i + 1; j < i+k; j++ {
						b.WriteByte(text[j])
						pos = append(pos, j)
					}
					i += k
					continue
				}
			}
		}
		b.WriteByte(text[i])
		pos = append(pos, i)
	}
	return b.String(), pos
}

// wordsOf is the number of words of the parts.
func wordsOf(parts []QuotePart) int {
	n := 0
	for _, p := range parts {
		n += len(p.Words)
	}
	return n
}

// Locate finds each part of a quotation in the sources: the parts of four
// words or more by their runs, then the shorter ones near the part found
// before (or after) them. A quotation of fewer than MinQuoteWords words in
// all is not looked up: it returns false.
func (x *Index) Locate(parts []QuotePart) bool {
	if wordsOf(parts) < MinQuoteWords {
		return false
	}
	for i := range parts {
		if len(parts[i].Words) >= MinQuoteWords {
			parts[i].Match, parts[i].Found = x.FindPart(&parts[i], 0, 0)
		}
	}
	for i := range parts {
		if parts[i].Found || len(parts[i].Words) >= MinQuoteWords {
			continue
		}
		if i > 0 && parts[i-1].Found {
			e := parts[i-1].Match.End
			parts[i].Match, parts[i].Found = x.FindPart(&parts[i], e, e+nearWords)
		} else if i+1 < len(parts) && parts[i+1].Found {
			s := parts[i+1].Match.Start
			parts[i].Match, parts[i].Found = x.FindPart(&parts[i], s-nearWords, s)
		}
	}
	return true
}
