package linter

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of the original source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Paragraph is a block of text separated from its neighbours by blank lines
// (or a single line, in files that have no blank lines at all).
type Paragraph struct {
	Span
	Index int
	// Headline is set on the first paragraph when it has no final
	// punctuation.
	Headline bool
	// Sentences are indexes into Article.Sentences.
	FirstSentence, LastSentence int
	// Quotes are indexes into Article.Quotes (double quotes only).
	Quotes []int
}

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Span
	Para int
	// FirstToken and EndToken delimit the sentence's tokens in Article.Tokens.
	FirstToken, EndToken int
	// FirstWord is the index of the sentence's first word or number token
	// (EndToken when it has none).
	FirstWord int
}

// TokenKind tells words from numbers and punctuation.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, a number or a punctuation mark.
type Token struct {
	Span
	Kind TokenKind
	// Para and Sent are the indexes of the paragraph and sentence holding
	// the token (int32 keeps a token at 32 bytes).
	Para, Sent int32
	// Quote is the index of the innermost double quotation holding the
	// token, or -1.
	Quote int32
}

// Article is the model of one article, computed once and read by every rule.
type Article struct {
	Path string
	// Src is the text the model reads: the file itself for plain text, or
	// the file with its markup masked (same length, same line breaks) for
	// Markdown and HTML.
	Src *Source
	// Orig is the file as it is on disk; positions are computed from it.
	Orig       *Source
	Format     InputFormat
	Comments   []Comment
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Quotes     []Quote
	// Stray lists closing quotation marks that close nothing.
	Stray []Span
	// People is the model of who is who and who said what.
	People *People
	lower  []string // lower-cased tokens
}

// Text returns the source text of a span.
func (a *Article) Text(s Span) string { return a.Src.Text[s.Start:s.End] }

// Parse builds the model of an article. It never fails: any byte sequence
// yields a model (invalid UTF-8 is read as replacement characters, but every
// offset still points into the original bytes).
func Parse(path string, b []byte) *Article { return ParseWith(path, b, nil) }

// ParseWith is Parse with a configuration, whose people gazetteer informs
// the model. The input format is chosen by the path's extension.
func ParseWith(path string, b []byte, cfg *Config) *Article {
	return ParseFormat(path, b, FormatForPath(path), cfg)
}

// ParseFormat parses an article of the given input format.
func ParseFormat(path string, b []byte, format InputFormat, cfg *Config) *Article {
	prep := Prepare(format, b)
	a := &Article{Path: path, Orig: NewSource(b), Format: format, Comments: prep.Comments}
	if bytes.Equal(prep.Masked, b) {
		a.Src = a.Orig
	} else {
		a.Src = NewSource(prep.Masked)
	}
	if prep.Blocks != nil {
		a.blockParagraphs(prep.Blocks)
	} else {
		a.splitParagraphs()
	}
	for i := range a.Paragraphs {
		a.splitSentences(i)
	}
	a.tokenize()
	a.lowerTokens()
	a.findQuotes()
	a.assignQuotesToTokens()
	a.People = analysePeople(a, cfg)
	return a
}

// Position converts a byte offset to a position in the file as it is on
// disk.
func (a *Article) Position(off int) Position { return a.Orig.Position(off) }

// Line returns the 1-based line of a byte offset (cheaper than Position:
// no column is counted).
func (a *Article) Line(off int) int { return a.Orig.line(a.Orig.clamp(off)) + 1 }

// blockParagraphs makes a paragraph of each text block the input format
// marks (Markdown blocks, HTML elements).
func (a *Article) blockParagraphs(blocks []Span) {
	for _, b := range blocks {
		s, e := a.trim(max(b.Start, a.Src.Start), min(b.End, len(a.Src.Bytes)))
		if s < e && (len(a.Paragraphs) == 0 || s >= a.Paragraphs[len(a.Paragraphs)-1].End) {
			a.Paragraphs = append(a.Paragraphs, Paragraph{Span: Span{s, e}, Index: len(a.Paragraphs)})
		}
	}
	if len(a.Paragraphs) > 1 {
		p := &a.Paragraphs[0]
		last, _ := a.runeBefore(p.End)
		if !strings.ContainsRune(".!?…:;\"”’'", last) {
			p.Headline = true
		}
	}
}

// runeAt decodes the rune at off.
func (a *Article) runeAt(off int) (rune, int) {
	if off >= len(a.Src.Bytes) || off < 0 {
		return utf8.RuneError, 0
	}
	b := a.Src.Bytes[off]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(a.Src.Text[off:])
}

// runeBefore decodes the rune that ends at off.
func (a *Article) runeBefore(off int) (rune, int) {
	if off <= a.Src.Start || off > len(a.Src.Bytes) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(a.Src.Text[a.Src.Start:off])
}

func (a *Article) splitParagraphs() {
	src := a.Src
	type line struct{ start, end int } // content without the line break
	var lines []line
	for i := 0; i < len(src.lineStarts); i++ {
		st := src.lineStarts[i]
		if st < src.Start {
			st = src.Start
		}
		end := len(src.Bytes)
		if i+1 < len(src.lineStarts) {
			end = src.lineStarts[i+1]
		}
		for end > st && IsLineBreak(src.Bytes[end-1]) {
			end--
		}
		if i == len(src.lineStarts)-1 && st == end && st == len(src.Bytes) {
			break
		}
		lines = append(lines, line{st, end})
	}
	blank := make([]bool, len(lines))
	anyBlank := false
	for i, l := range lines {
		blank[i] = strings.TrimFunc(src.Text[l.start:l.end], IsSpace) == ""
		if blank[i] && i > 0 && i < len(lines)-1 {
			anyBlank = true
		}
	}
	add := func(start, end int) {
		s, e := a.trim(start, end)
		if s < e {
			a.Paragraphs = append(a.Paragraphs, Paragraph{Span: Span{s, e}, Index: len(a.Paragraphs)})
		}
	}
	start := -1
	for i, l := range lines {
		if blank[i] {
			if start >= 0 {
				add(start, lines[i-1].end)
				start = -1
			}
			continue
		}
		if !anyBlank {
			add(l.start, l.end)
			continue
		}
		if start < 0 {
			start = l.start
		}
	}
	if start >= 0 {
		add(start, lines[len(lines)-1].end)
	}
	if len(a.Paragraphs) > 1 {
		p := &a.Paragraphs[0]
		last, _ := a.runeBefore(p.End)
		if !strings.ContainsRune(".!?…:;\"”’'", last) && !strings.ContainsAny(a.Text(p.Span), "\n\r") {
			p.Headline = true
		}
	}
}

// trim narrows [s, e) to exclude white space at both ends.
func (a *Article) trim(s, e int) (int, int) {
	for s < e {
		r, n := a.runeAt(s)
		if !IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := a.runeBefore(e)
		if !IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// abbreviations are words after which a full stop does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Mx": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Sen": true, "Sens": true, "Rep": true, "Reps": true, "Gov": true, "Lt": true, "Col": true,
	"Capt": true, "Cmdr": true, "Prof": true, "Rev": true, "Hon": true, "Sgt": true, "Cpl": true, "Pvt": true,
	"Adm": true, "Maj": true, "Supt": true, "Det": true, "Insp": true, "Atty": true, "Pres": true,
	"Amb": true, "Brig": true, "Mt": true, "Ft": true, "Messrs": true, "Mme": true, "Mlle": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Nos": true, "Vol": true, "vs": true, "etc": true, "approx": true, "Ave": true,
	"Blvd": true, "Fig": true, "ca": true, "cf": true, "al": true,
}

// isSentenceOpener reports whether r may start a sentence.
func isSentenceOpener(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

func (a *Article) splitSentences(pi int) {
	p := &a.Paragraphs[pi]
	p.FirstSentence = len(a.Sentences)
	start := p.Start
	for i := p.Start; i < p.End; {
		r, n := a.runeAt(i)
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Runs of terminators ("?!", "...") and closing quotes or brackets
		// belong to the sentence they end.
		for end < p.End {
			r2, n2 := a.runeAt(end)
			if strings.ContainsRune(".!?…\"”’')]", r2) {
				end += n2
				continue
			}
			break
		}
		j := end
		sawSpace := false
		for j < p.End {
			r2, n2 := a.runeAt(j)
			if !IsSpace(r2) {
				break
			}
			sawSpace = true
			j += n2
		}
		if !sawSpace || j >= p.End {
			i = end
			continue
		}
		next, _ := a.runeAt(j)
		if !isSentenceOpener(next) || (r == '.' && a.abbreviationBefore(i)) {
			i = end
			continue
		}
		a.Sentences = append(a.Sentences, Sentence{Span: Span{start, end}, Para: pi})
		start = j
		i = j
	}
	if start < p.End {
		a.Sentences = append(a.Sentences, Sentence{Span: Span{start, p.End}, Para: pi})
	}
	p.LastSentence = len(a.Sentences) - 1
}

// abbreviationBefore reports whether the full stop at off ends an
// abbreviation, an initial ("J."), or a dotted acronym ("U.S.").
func (a *Article) abbreviationBefore(off int) bool {
	s := off
	for s > a.Src.Start {
		r, n := a.runeBefore(s)
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		s -= n
	}
	w := a.Src.Text[s:off]
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	if strings.Contains(w, ".") {
		return true // U.S. U.N. e.g. J.R.
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var tokenPool sync.Pool

// Release returns the article's token table for reuse by the next article.
// The article must not be used afterwards.
func (a *Article) Release() {
	if a != nil && a.Tokens != nil {
		buf := a.Tokens[:0]
		tokenPool.Put(&buf)
		a.Tokens = nil
	}
}

// Tok returns the text of token i.
func (a *Article) Tok(i int) string { t := a.Tokens[i]; return a.Src.Text[t.Start:t.End] }

func (a *Article) tokenize() {
	// Token slices are reused from article to article (see Release): large
	// articles then cost no fresh memory for their biggest table.
	if buf, ok := tokenPool.Get().(*[]Token); ok && cap(*buf) >= len(a.Src.Bytes)/5 {
		a.Tokens = (*buf)[:0]
	} else {
		a.Tokens = make([]Token, 0, len(a.Src.Bytes)/5+16)
	}
	for si := range a.Sentences {
		s := &a.Sentences[si]
		s.FirstToken = len(a.Tokens)
		for i := s.Start; i < s.End; {
			r, n := a.runeAt(i)
			switch {
			case IsSpace(r):
				i += n
			case isWordRune(r):
				j := i + n
				for j < s.End {
					r2, n2 := a.runeAt(j)
					if isWordRune(r2) {
						j += n2
						continue
					}
					// Joiners inside a word: don't, Nazarbayev's,
					// Jean-Claude, 1,000, 1.5.
					if strings.ContainsRune("'’-.,", r2) && j+n2 < s.End {
						r3, _ := a.runeAt(j + n2)
						prev, _ := a.runeBefore(j)
						if r2 == '.' || r2 == ',' {
							if unicode.IsDigit(prev) && unicode.IsDigit(r3) {
								j += n2
								continue
							}
							break
						}
						if isWordRune(r3) {
							j += n2
							continue
						}
					}
					break
				}
				kind := Word
				if r >= '0' && r <= '9' {
					kind = Number
				}
				a.Tokens = append(a.Tokens, Token{Span: Span{i, j}, Kind: kind, Para: int32(s.Para), Sent: int32(si), Quote: -1})
				i = j
			default:
				a.Tokens = append(a.Tokens, Token{Span: Span{i, i + n}, Kind: Punct, Para: int32(s.Para), Sent: int32(si), Quote: -1})
				i += n
			}
		}
		s.EndToken = len(a.Tokens)
		s.FirstWord = s.EndToken
		for k := s.FirstToken; k < s.EndToken; k++ {
			if a.Tokens[k].Kind != Punct {
				s.FirstWord = k
				break
			}
		}
	}
}

// TokenIndexAt returns the index of the first token that ends after off.
func (a *Article) TokenIndexAt(off int) int {
	return sort.Search(len(a.Tokens), func(i int) bool { return a.Tokens[i].End > off })
}

// SentenceAt returns the index of the sentence holding off, or -1.
func (a *Article) SentenceAt(off int) int {
	lo := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > off })
	if lo < len(a.Sentences) && a.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}
