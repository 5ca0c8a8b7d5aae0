package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is a quotation: a double-quoted passage, or a single-quoted one
// nested inside it.
type Quote struct {
	// open is the opening mark; close is the closing mark, or the empty
	// span at the paragraph's end when the quote is not closed there
	// (Open, Close).
	open, close Span32
	Para        int32
	// Closed reports whether the quote closes in its own paragraph.
	Closed bool
	// Straight is set for ASCII quotation marks.
	Straight bool
	// Single is set for single quotation marks (nested quotes).
	Single bool
	// Foreign is set for a quotation opened with a mark of another
	// language's convention (German „…“ and »…«, French «…», Swedish
	// »…»), which quote-balance never reports as unbalanced.
	Foreign bool
	// Parent is the index of the enclosing quote, or -1.
	Parent int32
	// Prev and Next link the parts of a quotation that runs over several
	// paragraphs (the paragraph leaves it open, the next one opens again);
	// -1 when there is none.
	Prev, Next int32
}

// Open is the opening mark.
func (q Quote) Open() Span { return q.open.Span() }

// Close is the closing mark, or the empty span at the paragraph's end
// when the quote is not closed there.
func (q Quote) Close() Span { return q.close.Span() }

// Content is the span between the marks.
func (q Quote) Content() Span { return Span{Start: int(q.open.end), End: int(q.close.start)} }

// Whole is the span from the opening mark to the end of the closing mark.
func (q Quote) Whole() Span { return Span{Start: int(q.open.start), End: int(q.close.end)} }

// Unclosed reports whether the quote is left open with nothing to explain it
// (it does not continue into the next paragraph).
func (q Quote) Unclosed() bool { return !q.Closed && q.Next < 0 }

func isOpeningContext(prev, next rune, atStart bool) bool {
	prevOK := atStart || IsSpace(prev) || strings.ContainsRune("([{—–-/:;,", prev)
	return prevOK && !IsSpace(next) && next != 0
}

// quoteScan is the state of findQuotes within one paragraph: the open
// double and single quotations (-1 when none), and the mark that opened
// the double one.
type quoteScan struct {
	a                      *Article
	para                   int
	openDouble, openSingle int
	opener                 rune
	// inches is set while the paragraph holds an odd number of straight
	// double marks: one of them, after a digit, is an inch mark ("I am
	// 6'2" tall," he said), not the end of the quotation.
	inches bool
}

// quoteByte marks the bytes a quotation mark may start with: ' and ",
// and every byte outside ASCII (“ ” „ ‘ ’ « » are). Other languages' marks
// are paired as their languages pair them: „…“ and „…” (German, Polish),
// «…» (French), »…« (German, Danish), »…» (Swedish). ‹…›, ‚…‘, 「…」 and
// 『…』 are not read as quotation marks at all.
var quoteByte = byteSet(func(c byte) bool { return c == '"' || c == '\'' || c >= utf8.RuneSelf })

// quoteOrTagByte is quoteByte with the opening of a markup tag.
var quoteOrTagByte = byteSet(func(c byte) bool { return c == '"' || c == '\'' || c >= utf8.RuneSelf || c == '<' })

// maxTagLen bounds what tagEnd reads as one markup tag.
const maxTagLen = 1024

// tagEnd returns the end of the markup tag that opens at b[i], a '<'
// ("<tweet id=\"7\" author=\"@x\">", "</tweet>", "<br/>"), or -1: a letter
// or a slash and a letter after the '<', and a '>' before any other '<',
// within maxTagLen bytes and before end (the paragraph's end: a tag may
// run over a line break, as an attribute's value may).
func tagEnd(b []byte, i, end int) int {
	j := i + 1
	if j < end && b[j] == '/' {
		j++
	}
	if j >= end || !('a' <= b[j]|0x20 && b[j]|0x20 <= 'z') {
		return -1
	}
	for k := j + 1; k < end && k < i+maxTagLen; k++ {
		switch b[k] {
		case '>':
			return k + 1
		case '<':
			return -1
		}
	}
	return -1
}

// countOutsideTags counts the straight double quotation marks of b[start:end]
// outside markup tags.
func countOutsideTags(b []byte, start, end int) int {
	n := 0
	for i := start; i < end; i++ {
		switch b[i] {
		case '"':
			n++
		case '<':
			if e := tagEnd(b, i, end); e > 0 {
				i = e - 1
			}
		}
	}
	return n
}

// findQuotes pairs the quotation marks of every paragraph, links
// quotations that run over several paragraphs and lists each paragraph's
// double quotations.
func (a *Article) findQuotes() {
	for pi := range a.Paragraphs {
		p := a.Paragraphs[pi]
		qs := &quoteScan{a: a, para: pi, openDouble: -1, openSingle: -1}
		b := a.Src.Bytes
		// Markup tags left in the text ("<tweet author=\"@Sen\">") are
		// passed over whole: their quotation marks delimit attributes.
		stops, straight := &quoteByte, 0
		if bytes.IndexByte(b[p.Start():p.End()], '<') >= 0 {
			stops, straight = &quoteOrTagByte, countOutsideTags(b, p.Start(), p.End())
		} else {
			straight = bytes.Count(b[p.Start():p.End()], []byte{'"'})
		}
		qs.inches = straight%2 == 1
		for i := p.Start(); i < p.End(); {
			// Every quotation mark is ' or " or outside ASCII: other
			// ASCII bytes are passed over without decoding.
			if i = skipTo(b, i, p.End(), stops); i >= p.End() {
				break
			}
			if b[i] == '<' {
				i = max(i+1, tagEnd(b, i, p.End()))
				continue
			}
			r, n := a.runeAt(i)
			if r == '\'' && i+1 < p.End() && b[i+1] == '\'' {
				// Two apostrophes are a double quotation mark (''So
				// be it,'' she said: the style of some archives).
				qs.mark('"', Span{Start: i, End: i + 2})
				i += 2
				continue
			}
			if strings.ContainsRune("\"“”„‘’'«»", r) {
				qs.mark(r, Span{Start: i, End: i + n})
			}
			i += n
		}
		qs.dropSingle()
		if qs.openDouble >= 0 && pi+1 < len(a.Paragraphs) {
			// Multi-paragraph quotation: the next paragraph opens again.
			r, _ := a.runeAt(a.Paragraphs[pi+1].Start())
			if r == '“' || r == '"' || r == '„' || r == '«' || r == '»' {
				a.Quotes[qs.openDouble].Next = int32(len(a.Quotes)) // the next quote found
			}
		}
	}
	a.linkQuotes()
}

// mark reads one quotation mark r at span m.
func (qs *quoteScan) mark(r rune, m Span) {
	a := qs.a
	p := a.Paragraphs[qs.para]
	prev, _ := a.runeBefore(m.Start)
	atStart := m.Start == p.Start()
	var next rune
	if m.End < p.End() {
		next, _ = a.runeAt(m.End)
	}
	switch r {
	case '“', '„', '«', '"':
		qs.double(r, m, prev, next, atStart)
	case '”', '»':
		switch {
		case qs.openDouble >= 0:
			qs.closeDouble(m)
		case r == '»':
			// German and Danish »…«, Swedish and Finnish »…»: with
			// nothing open, » opens.
			qs.double(r, m, prev, next, atStart)
		default:
			a.Stray = append(a.Stray, m)
		}
	default: // ‘ ’ '
		qs.single(r, m, prev, next, atStart)
	}
}

// double reads a double quotation mark that may open or close.
func (qs *quoteScan) double(r rune, m Span, prev, next rune, atStart bool) {
	a := qs.a
	straight := r == '"'
	if qs.openDouble >= 0 && (qs.opener == '„' && r == '“' || qs.opener == '»' && r == '«') {
		// German „…“ and »…«: the mark that opens an English quote
		// closes these.
		qs.closeDouble(m)
		return
	}
	if straight && qs.inches && qs.openDouble >= 0 && a.Quotes[qs.openDouble].Straight && unicode.IsDigit(prev) && next != ',' && next != '.' {
		// An inch mark inside a straight quotation, where the count of
		// marks says one is not a quotation mark.
		qs.inches = false
		return
	}
	if qs.openDouble >= 0 && (straight || r != '“' && r != '„' && r != '«') {
		// A straight mark inside a straight-opened quote closes it.
		if a.Quotes[qs.openDouble].Straight || !isOpeningContext(prev, next, atStart) {
			qs.closeDouble(m)
			return
		}
	}
	if straight && qs.openDouble < 0 && !isOpeningContext(prev, next, atStart) && !atStart {
		if unicode.IsDigit(prev) {
			return // an inch or a second mark: 6'2", 12"
		}
		a.Stray = append(a.Stray, m)
		return
	}
	if qs.openDouble >= 0 {
		// A new opening mark while a quote is open: the first one was
		// never closed.
		qs.dropSingle()
	}
	if len(a.Quotes) == cap(a.Quotes) {
		a.Quotes = GrowAt(a.Quotes, m.Start, len(a.Src.Bytes))
	}
	a.Quotes = append(a.Quotes, Quote{open: Span32Of(m), close: Span32Of(Span{a.Paragraphs[qs.para].End(), a.Paragraphs[qs.para].End()}), Para: int32(qs.para), Straight: straight, Foreign: r == '„' || r == '«' || r == '»', Parent: -1, Prev: -1, Next: -1})
	qs.openDouble, qs.opener = len(a.Quotes)-1, r
}

func (qs *quoteScan) closeDouble(m Span) {
	qs.a.closeQuote(qs.openDouble, m)
	qs.dropSingle()
	qs.openDouble = -1
}

// dropSingle forgets a single quotation left open.
func (qs *quoteScan) dropSingle() {
	if qs.openSingle >= 0 {
		qs.a.dropQuote(qs.openSingle)
		qs.openSingle = -1
	}
}

// single reads a single quotation mark: an apostrophe, or a quotation
// nested in a double one.
func (qs *quoteScan) single(r rune, m Span, prev, next rune, atStart bool) {
	a := qs.a
	// Apostrophes inside words (don't, Nazarbayev's), before digits
	// ('90s) and after a plural s with nothing open are not quotation
	// marks.
	if unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(next) && r != '‘' {
		return
	}
	if qs.openSingle >= 0 && r != '‘' && !unicode.IsLetter(next) && !IsSpace(prev) {
		if utf8.RuneCountInString(a.Src.Text[a.Quotes[qs.openSingle].Open().End:m.Start]) < 2 {
			// rock 'n' roll: not a quotation.
			qs.dropSingle()
			return
		}
		a.closeQuote(qs.openSingle, m)
		qs.openSingle = -1
		return
	}
	if qs.openSingle < 0 && r != '’' && (isOpeningContext(prev, next, atStart) || prev == '"' || prev == '“') && unicode.IsLetter(next) {
		p := a.Paragraphs[qs.para]
		if len(a.Quotes) == cap(a.Quotes) {
			a.Quotes = GrowAt(a.Quotes, m.Start, len(a.Src.Bytes))
		}
		a.Quotes = append(a.Quotes, Quote{open: Span32Of(m), close: Span32Of(Span{Start: p.End(), End: p.End()}), Para: int32(qs.para), Straight: r == '\'', Single: true, Parent: int32(qs.openDouble), Prev: -1, Next: -1})
		qs.openSingle = len(a.Quotes) - 1
	}
}

// linkQuotes fixes up the Prev links of multi-paragraph quotations and the
// paragraphs' quotation lists.
func (a *Article) linkQuotes() {
	for qi := range a.Quotes {
		q := &a.Quotes[qi]
		if int(q.Next) >= len(a.Quotes) {
			q.Next = -1
		}
		if q.Next >= 0 {
			a.Quotes[q.Next].Prev = int32(qi)
		}
		if p := &a.Paragraphs[q.Para]; !q.Single && p.firstQuote == 0 {
			p.firstQuote = int32(qi + 1)
		}
	}
}

func (a *Article) closeQuote(qi int, mark Span) {
	a.Quotes[qi].close = Span32Of(mark)
	a.Quotes[qi].Closed = true
}

// dropQuote forgets a single quotation mark that turned out to be an
// apostrophe or a stray mark; only the last quote can be dropped.
func (a *Article) dropQuote(qi int) {
	if qi == len(a.Quotes)-1 {
		a.Quotes = a.Quotes[:qi]
	}
}

// assignQuotesToTokens finds the innermost double quotation holding each
// token, marks the tokens held by one (tokenQuoted), and records the runs
// of tokens with one innermost quotation (quoteRuns, read by QuoteOf).
// One sweep over the tokens with a stack of the quotes open at each: a
// token's quote is the latest opened that has not ended, so a paragraph
// of a thousand quotes that never close costs no more than one.
func (a *Article) assignQuotesToTokens() {
	var open []int // quotes opened and not yet seen to end, latest last
	qi := 0
	cur := -1
	for ti := range a.Tokens {
		t := &a.Tokens[ti]
		// (The quotation's content runs from the end of its opening mark
		// to the start of its closing one.)
		for ; qi < len(a.Quotes) && a.Quotes[qi].open.end <= t.start; qi++ {
			if !a.Quotes[qi].Single {
				open = append(open, qi)
			}
		}
		for len(open) > 0 && a.Quotes[open[len(open)-1]].close.start <= t.start {
			open = open[:len(open)-1]
		}
		q := -1
		if len(open) > 0 {
			q = open[len(open)-1]
			t.flags |= tokenQuoted
		}
		if q != cur {
			if len(a.quoteRuns) == cap(a.quoteRuns) {
				a.quoteRuns = GrowAt(a.quoteRuns, ti, len(a.Tokens))
			}
			a.quoteRuns = append(a.quoteRuns, quoteRun{first: int32(ti), quote: int32(q)})
			cur = q
		}
	}
}

// InQuote reports whether token i is held by a double quotation.
func (a *Article) InQuote(i int) bool {
	return i >= 0 && i < len(a.Tokens) && a.Tokens[i].flags&tokenQuoted != 0
}

// QuoteOf returns the index in Quotes of the innermost double quotation
// holding token i, or -1 when none does (or there is no token i).
func (a *Article) QuoteOf(i int) int {
	if !a.InQuote(i) {
		return -1
	}
	runs := a.quoteRuns
	lo, hi := 0, len(runs) // the last run whose first token is at most i
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(runs[mid].first) <= i {
			lo = mid
		} else {
			hi = mid
		}
	}
	return int(runs[lo].quote)
}
