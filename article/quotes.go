package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is a quotation: a double-quoted passage, or a single-quoted one
// nested inside it.
type Quote struct {
	// Open is the opening mark; Close is the closing mark, or the empty
	// span at the paragraph's end when the quote is not closed there.
	Open, Close Span
	Para        int
	// Closed reports whether the quote closes in its own paragraph.
	Closed bool
	// Straight is set for ASCII quotation marks.
	Straight bool
	// Single is set for single quotation marks (nested quotes).
	Single bool
	// Parent is the index of the enclosing quote, or -1.
	Parent int
	// Prev and Next link the parts of a quotation that runs over several
	// paragraphs (the paragraph leaves it open, the next one opens again);
	// -1 when there is none.
	Prev, Next int
}

// Content is the span between the marks.
func (q Quote) Content() Span { return Span{q.Open.End, q.Close.Start} }

// Whole is the span from the opening mark to the end of the closing mark.
func (q Quote) Whole() Span { return Span{q.Open.Start, q.Close.End} }

// Unclosed reports whether the quote is left open with nothing to explain it
// (it does not continue into the next paragraph).
func (q Quote) Unclosed() bool { return !q.Closed && q.Next < 0 }

func isOpeningContext(prev, next rune, atStart bool) bool {
	prevOK := atStart || IsSpace(prev) || strings.ContainsRune("([{—–-/:;,", prev)
	return prevOK && !IsSpace(next) && next != 0
}

func (a *Article) findQuotes() {
	openDouble := -1 // index of the open double quote in the current paragraph
	for pi := range a.Paragraphs {
		p := &a.Paragraphs[pi]
		openDouble = -1
		openSingle := -1
		for i := p.Start; i < p.End; {
			r, n := a.runeAt(i)
			if !strings.ContainsRune("\"“”„‘’'«»", r) {
				i += n
				continue
			}
			prev, _ := a.runeBefore(i)
			atStart := i == p.Start
			var next rune
			if i+n < p.End {
				next, _ = a.runeAt(i + n)
			}
			mark := Span{i, i + n}
			switch r {
			case '“', '„', '«', '"':
				straight := r == '"'
				if openDouble >= 0 && (r == '"' || (r != '“' && r != '„' && r != '«')) {
					// A straight mark inside a straight-opened quote closes it.
					if a.Quotes[openDouble].Straight || !isOpeningContext(prev, next, atStart) {
						a.closeQuote(openDouble, mark)
						if openSingle >= 0 {
							a.dropQuote(openSingle)
							openSingle = -1
						}
						openDouble = -1
						break
					}
				}
				if straight && openDouble < 0 && !isOpeningContext(prev, next, atStart) && !atStart {
					a.Stray = append(a.Stray, mark)
					break
				}
				if openDouble >= 0 {
					// A new opening mark while a quote is open: the first
					// one was never closed.
					if openSingle >= 0 {
						a.dropQuote(openSingle)
						openSingle = -1
					}
				}
				a.Quotes = append(a.Quotes, Quote{Open: mark, Close: Span{p.End, p.End}, Para: pi, Straight: straight, Parent: -1, Prev: -1, Next: -1})
				openDouble = len(a.Quotes) - 1
			case '”', '»':
				if openDouble >= 0 {
					a.closeQuote(openDouble, mark)
					if openSingle >= 0 {
						a.dropQuote(openSingle)
						openSingle = -1
					}
					openDouble = -1
				} else {
					a.Stray = append(a.Stray, mark)
				}
			case '‘', '’', '\'':
				// Apostrophes inside words (don't, Nazarbayev's), before
				// digits ('90s) and after a plural s with nothing open are
				// not quotation marks.
				if unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(next) && r != '‘' {
					break
				}
				if openSingle >= 0 && r != '‘' && !unicode.IsLetter(next) && !IsSpace(prev) {
					if utf8.RuneCountInString(a.Src.Text[a.Quotes[openSingle].Open.End:i]) < 2 {
						// rock 'n' roll: not a quotation.
						a.dropQuote(openSingle)
						openSingle = -1
						break
					}
					a.closeQuote(openSingle, mark)
					openSingle = -1
					break
				}
				if openSingle < 0 && r != '’' && (isOpeningContext(prev, next, atStart) || prev == '"' || prev == '“') && unicode.IsLetter(next) {
					parent := openDouble
					a.Quotes = append(a.Quotes, Quote{Open: mark, Close: Span{p.End, p.End}, Para: pi, Straight: r == '\'', Single: true, Parent: parent, Prev: -1, Next: -1})
					openSingle = len(a.Quotes) - 1
				}
			}
			i += n
		}
		if openSingle >= 0 {
			a.dropQuote(openSingle)
		}
		if openDouble >= 0 && pi+1 < len(a.Paragraphs) {
			// Multi-paragraph quotation: the next paragraph opens again.
			np := a.Paragraphs[pi+1]
			r, _ := a.runeAt(np.Start)
			if r == '“' || r == '"' || r == '„' || r == '«' {
				a.Quotes[openDouble].Next = len(a.Quotes) // the next quote found
			}
		}
	}
	// Fix up Prev links and paragraph quote lists.
	for qi := range a.Quotes {
		q := &a.Quotes[qi]
		if q.Next >= len(a.Quotes) {
			q.Next = -1
		}
		if q.Next >= 0 {
			a.Quotes[q.Next].Prev = qi
		}
		if !q.Single {
			a.Paragraphs[q.Para].Quotes = append(a.Paragraphs[q.Para].Quotes, qi)
		}
	}
}

func (a *Article) closeQuote(qi int, mark Span) {
	a.Quotes[qi].Close = mark
	a.Quotes[qi].Closed = true
}

// dropQuote forgets a single quotation mark that turned out to be an
// apostrophe or a stray mark; only the last quote can be dropped.
func (a *Article) dropQuote(qi int) {
	if qi == len(a.Quotes)-1 {
		a.Quotes = a.Quotes[:qi]
	}
}

func (a *Article) assignQuotesToTokens() {
	ti := 0
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		c := q.Content()
		ti = a.TokenIndexAt(c.Start)
		for ; ti < len(a.Tokens) && a.Tokens[ti].Start < c.End; ti++ {
			a.Tokens[ti].Quote = int32(qi)
		}
	}
}
