package article

import "strings"

// blockParagraphs makes a paragraph of each text block the input format
// marks (Markdown blocks, HTML elements).
func (a *Article) blockParagraphs(blocks []Span) {
	for _, b := range blocks {
		s, e := a.trim(max(b.Start, a.Src.Start), min(b.End, len(a.Src.Bytes)))
		if s < e && (len(a.Paragraphs) == 0 || s >= a.Paragraphs[len(a.Paragraphs)-1].End) {
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
		a.Paragraphs = append(a.Paragraphs, Paragraph{Span: Span{s, e}, Index: len(a.Paragraphs)})
	}
}

// markHeadline marks the first of several paragraphs as a headline when it
// has no final punctuation (and, when oneLine is set, no line break: a
// plain-text headline is one line).
func (a *Article) markHeadline(oneLine bool) {
	if len(a.Paragraphs) < 2 {
		return
	}
	p := &a.Paragraphs[0]
	last, _ := a.runeBefore(p.End)
	if endsLikeSentence(last) || oneLine && strings.ContainsAny(a.Text(p.Span), "\n\r") {
		return
	}
	p.Headline = true
}

// line is a line's content, without its line break.
type line struct{ start, end int }

// lines lists the source's lines (a final line break does not start an
// empty last line).
func (a *Article) lines() []line {
	src := a.Src
	out := make([]line, 0, len(src.lineStarts))
	for i := 0; i < len(src.lineStarts); i++ {
		st := max(src.lineStarts[i], src.Start)
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
		out = append(out, line{st, end})
	}
	return out
}

// splitParagraphs separates paragraphs at blank lines; a file with no
// blank line between its lines has a paragraph a line.
func (a *Article) splitParagraphs() {
	lines := a.lines()
	blank := make([]bool, len(lines))
	anyBlank := false
	for i, l := range lines {
		blank[i] = strings.TrimFunc(a.Src.Text[l.start:l.end], IsSpace) == ""
		if blank[i] && i > 0 && i < len(lines)-1 {
			anyBlank = true
		}
	}
	start := -1
	for i, l := range lines {
		switch {
		case blank[i]:
			if start >= 0 {
				a.addParagraph(start, lines[i-1].end)
				start = -1
			}
		case !anyBlank:
			a.addParagraph(l.start, l.end)
		case start < 0:
			start = l.start
		}
	}
	if start >= 0 {
		a.addParagraph(start, lines[len(lines)-1].end)
	}
	a.markHeadline(true)
}
