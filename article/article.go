package article

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Input is what Parse reads: a file's bytes and what its markup reader
// made of them.
type Input struct {
	Path string
	// Orig is the file as it is on disk.
	Orig []byte
	// Masked is Orig with everything that is not article text replaced by
	// spaces (same length, same line breaks); nil when it is Orig. Markup
	// inside a word is MarkupPad, and the padding of a character reference
	// decoded inside a word NUL: the model reads through both.
	Masked []byte
	// Blocks are the text blocks the format marks (Markdown blocks, HTML
	// elements); nil means paragraphs are separated by blank lines.
	Blocks []Span
	// Date is the article's publication date as its file gives it
	// ("2026-05-30"; see Article.Date), or "".
	Date string
}

// Parse builds the model of an article. It never fails: any byte sequence
// yields a model (invalid UTF-8 is read as replacement characters, but every
// offset still points into the original bytes).
func Parse(in Input) *Article {
	a := &Article{Path: in.Path, Orig: NewSource(in.Orig), Date: in.Date}
	if in.Masked == nil || bytes.Equal(in.Masked, in.Orig) {
		a.Src = a.Orig
	} else {
		a.Src = NewSource(in.Masked)
	}
	if in.Blocks != nil {
		a.blockParagraphs(in.Blocks)
	} else {
		a.splitParagraphs()
	}
	// Every paragraph has at least one sentence, and every other sentence
	// starts after a terminator: room for that many, at once, so that the
	// list of a long article is not copied into fresh pages as it grows
	// (room not filled is never touched). Bounded by a sixteenth of the
	// text, past which it grows as it must (a text of full stops).
	b := a.Src.Bytes
	stops := bytes.Count(b, []byte(".")) + bytes.Count(b, []byte("?")) + bytes.Count(b, []byte("!")) + bytes.Count(b, []byte("…"))
	a.Sentences = make([]Sentence, 0, len(a.Paragraphs)+min(stops, len(b)/16))
	for i := range a.Paragraphs {
		a.splitSentences(i)
	}
	a.tokenize()
	a.findQuotes()
	a.assignQuotesToTokens()
	a.detectLanguage()
	return a
}

// ParseText parses plain text (a convenience for tests and tools).
func ParseText(path, text string) *Article {
	return Parse(Input{Path: path, Orig: []byte(text)})
}

// Text returns the source text of a span.
// The padding of an HTML character reference decoded inside a word (a NUL
// byte in Src) and markup inside a word (MarkupPad) are left out.
func (a *Article) Text(s Span) string {
	t := a.Src.Text[s.Start:s.End]
	if strings.IndexByte(t, 0) >= 0 || strings.IndexByte(t, MarkupPad) >= 0 {
		return strings.NewReplacer("\x00", "", "\x01", "").Replace(t)
	}
	return t
}

// Position converts a byte offset to a position in the file as it is on
// disk.
func (a *Article) Position(off int) Position { return a.Orig.Position(off) }

// Line returns the 1-based line of a byte offset (cheaper than Position:
// no column is counted).
func (a *Article) Line(off int) int { return a.Orig.Line(off) }

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

// endsLikeSentence reports whether text ends with final punctuation or a
// closing quotation mark.
func endsLikeSentence(last rune) bool { return strings.ContainsRune(".!?…:;\"”’'", last) }
