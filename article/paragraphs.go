package article

import "strings"

// blockParagraphs makes a paragraph of each text block the input format
// marks (Markdown blocks, HTML elements).
func (a *Article) blockParagraphs(blocks []Span) {
	a.Paragraphs = make([]Paragraph, 0, len(blocks))
	for _, b := range blocks {
		s, e := a.trim(max(b.Start, a.Src.Start), min(b.End, len(a.Src.Bytes)))
		if s < e && (len(a.Paragraphs) == 0 || s >= a.Paragraphs[len(a.Paragraphs)-1].End()) {
			a.addParagraph(s, e)
		}
	}
	a.markHeadline(false)
}

// addParagraph appends the paragraph [s, e) trimmed of white space, when
// anything is left.
func (a *Article) addParagraph(s, e int) {
	s, e = a.trim(s, e)
	if s < e {
		a.Paragraphs = append(a.Paragraphs, Paragraph{Span32: Span32Of(Span{s, e}), Index: int32(len(a.Paragraphs))})
	}
}

// markHeadline marks the first of several paragraphs as a headline when it
// has no final punctuation (and, when oneLine is set, no line break: a
// plain-text headline is one line). In plain text, a first line that
// ends in a full stop is a headline too when it is short and one
// sentence, and a paragraph soon after it is longer ("Trump, Carson flop
// with Jewish Republicans." above the story, as some archives write
// headlines).
func (a *Article) markHeadline(oneLine bool) {
	if len(a.Paragraphs) < 2 {
		return
	}
	p := &a.Paragraphs[0]
	text := a.Text(p.Span())
	if oneLine && strings.ContainsAny(text, "\n\r") {
		return
	}
	if last, _ := a.runeBefore(p.End()); endsLikeSentence(last) && !(oneLine && a.shortTitleLine(text)) {
		return
	}
	p.Headline = true
}

// shortTitleLine reports whether text, the first line, reads as a
// headline: it ends in a full stop (before any closing quotation marks:
// "Calderon calls the wall ‘useless.’"), has at most 20 words and no
// other sentence end, and one of the three paragraphs after it is longer
// (a one-sentence lede runs longer than what follows it seldom).
func (a *Article) shortTitleLine(text string) bool {
	body, ok := strings.CutSuffix(strings.TrimRight(text, "’”\"'"), ".")
	if !ok {
		return false
	}
	n := wordsUpTo(body, 21)
	if n > 20 || strings.ContainsAny(body, "!?") || strings.Contains(body, ". ") {
		return false
	}
	for _, q := range a.Paragraphs[1:min(4, len(a.Paragraphs))] {
		if wordsUpTo(a.Text(q.Span()), n+1) > n {
			return true
		}
	}
	return false
}

// wordsUpTo counts the words of s, stopping at limit: a paragraph of
// megabytes is not split to learn that it is longer than a headline.
func wordsUpTo(s string, limit int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n >= limit {
			break
		}
	}
	return n
}

// line is a line's content, without its line break.
type line struct{ start, end int }

// numLines is the number of the source's lines (a final line break does
// not start an empty last line).
func (a *Article) numLines() int {
	src := a.Src
	n := len(src.lineStarts)
	if n > 0 {
		if l := a.lineAt(n - 1); l.start == l.end && l.start == len(src.Bytes) {
			n--
		}
	}
	return n
}

// lineAt is the source's line i. Lines are read one at a time rather than
// listed: a list would cost 16 bytes for every line, more than a short
// line holds.
func (a *Article) lineAt(i int) line {
	src := a.Src
	st := max(int(src.lineStarts[i]), src.Start)
	end := len(src.Bytes)
	if i+1 < len(src.lineStarts) {
		end = int(src.lineStarts[i+1])
	}
	for end > st && IsLineBreak(src.Bytes[end-1]) {
		end--
	}
	return line{st, max(st, end)}
}

// blankLine reports whether l holds nothing but white space.
func (a *Article) blankLine(l line) bool {
	return strings.TrimFunc(a.Src.Text[l.start:l.end], IsSpace) == ""
}

// splitParagraphs separates paragraphs at blank lines; a file with no
// blank line between its lines has a paragraph a line. The paragraphs are
// counted first, so that the list is made at its final size: growing it
// would hold the old copy and the new at once.
func (a *Article) splitParagraphs() {
	n := a.numLines()
	anyBlank := false
	for i := 1; i < n-1 && !anyBlank; i++ {
		anyBlank = a.blankLine(a.lineAt(i))
	}
	count, inPara := 0, false
	for i := 0; i < n; i++ {
		blank := a.blankLine(a.lineAt(i))
		if !blank && (!anyBlank || !inPara) {
			count++
		}
		inPara = !blank
	}
	a.Paragraphs = make([]Paragraph, 0, count)
	start, prevEnd := -1, 0
	for i := 0; i < n; i++ {
		l := a.lineAt(i)
		switch {
		case a.blankLine(l):
			if start >= 0 {
				a.addParagraph(start, prevEnd)
				start = -1
			}
		case !anyBlank:
			a.addParagraph(l.start, l.end)
		case start < 0:
			start = l.start
		}
		prevEnd = l.end
	}
	if start >= 0 {
		a.addParagraph(start, prevEnd)
	}
	a.markHeadline(true)
}
