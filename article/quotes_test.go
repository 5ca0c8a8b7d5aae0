package article

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Quotation marks of other languages pair as their languages pair them:
// German „…“ (and Polish „…”), French «…», German and Danish »…«, Swedish
// »…». A quote opened with one of them is marked Foreign; the marks
// newslint does not read as quotes (‹…›, ‚…‘, 「…」, 『…』) make no quote
// and no stray mark.
func TestQuotesOfOtherLanguages(t *testing.T) {
	cases := map[string][]string{
		"„Wir werden gewinnen“, sagte Anna Weber.":               {"„Wir werden gewinnen“"},
		"„Wygramy”, powiedział Jan Nowak.":                       {"„Wygramy”"},
		"« Nous allons gagner », a dit Claire Martin.":           {"« Nous allons gagner »"},
		"»Wir gewinnen«, sagte er, »ganz sicher«.":               {"»Wir gewinnen«", "»ganz sicher«"},
		"»Vi vinner», sa Erik Lind.":                             {"»Vi vinner»"},
		"Er sagte „ja“ und sie sagte „nein“.":                    {"„ja“", "„nein“"},
		"„Er nannte es ‚Unsinn‘“, sagte sie.":                    {"„Er nannte es ‚Unsinn‘“"},
		"Sie sagte ‹ja› und 「東京」 und 『本』.":                       nil,
		"„We will win,“ said Ada Moss, and “we will” said Lowe.": {"„We will win,“", "“we will”"},
	}
	for in, want := range cases {
		a := ParseText("t.txt", in)
		assert.Equal(t, want, quoteTexts(a), in)
		assert.Empty(t, a.Stray, in)
		for _, q := range a.Quotes {
			assert.True(t, q.Closed, "%s: %s", in, a.Text(q.Whole()))
			r := []rune(a.Text(q.Open()))[0]
			assert.Equal(t, r == '„' || r == '«' || r == '»', q.Foreign, "%s: %s", in, a.Text(q.Whole()))
		}
	}
}

// An opening mark of another language left open is a Foreign quote (which
// quote-balance does not report); a lone » opens one rather than being a
// stray closing mark.
func TestUnclosedForeignQuotes(t *testing.T) {
	for _, in := range []string{"„Offen bis zum Ende.", "« Ouvert jusqu'au bout.", "Preis » mehr als erwartet."} {
		a := ParseText("t.txt", in)
		require.Len(t, a.Quotes, 1, in)
		assert.True(t, a.Quotes[0].Unclosed(), in)
		assert.True(t, a.Quotes[0].Foreign, in)
		assert.Empty(t, a.Stray, in)
	}
}

// A quotation in »…« that runs over paragraphs: each paragraph opens again
// with », the last closes with «.
func TestMultiParagraphGuillemets(t *testing.T) {
	a := ParseText("t.txt", "Er sagte: »Der erste Teil.\n\n»Der zweite Teil schließt«, sagte er.\n\nDanach.")
	require.Len(t, a.Quotes, 2)
	assert.Equal(t, 1, int(a.Quotes[0].Next))
	assert.Equal(t, 0, int(a.Quotes[1].Prev))
	assert.True(t, a.Quotes[1].Closed)
	for _, q := range a.Quotes {
		assert.False(t, q.Unclosed())
	}
}

// An inch mark inside a straight quotation is not its closing mark when
// the paragraph's count of straight marks says one of them is no
// quotation mark; with an even count a mark after a number closes ("we
// won in 1992" and left).
func TestInchMarkInsideAStraightQuote(t *testing.T) {
	cases := map[string][]string{
		`The coach said: "I am 6'2" tall, and that is enough." Smith agreed.`: {`"I am 6'2" tall, and that is enough."`},
		`"He is a 12" pizza man," Jones said.`:                                {`"He is a 12" pizza man,"`},
		`He said "we won in 1992" and left.`:                                  {`"we won in 1992"`},
		`"The board met 12 times," Okafor said, "and twice in 2019."`:         {`"The board met 12 times,"`, `"and twice in 2019."`},
	}
	for in, want := range cases {
		a := ParseText("t.txt", in)
		assert.Equal(t, want, quoteTexts(a), in)
		assert.Empty(t, a.Stray, in)
		for _, q := range a.Quotes {
			assert.True(t, q.Closed, "%s: %s", in, a.Text(q.Whole()))
		}
	}
}

// Markup tags left in plain text are passed over whole: the quotation
// marks of their attributes are no quotation ("<tweet author=\"@x\">"),
// the text between tags is read as usual, and a "<" that opens no tag
// ("a < b", "<3", one with no ">" before the next "<") is a character
// like any. A tag may run over a line break.
func TestTagsInPlainText(t *testing.T) {
	cases := map[string][]string{
		`<tweet id="747986907162877952" author="@realDonaldTrump" datetime="2016-06-29">Iron Mike was not asked to speak.</tweet>.`: nil,
		`<tweet author="@senator">“We won,” she wrote.</tweet>`:                                                                     {"“We won,”"},
		`Turnout was < 40 percent, and “we lost,” he said.`:                                                                         {"“we lost,”"},
		`She wrote <3 and “thanks” to all.`:                                                                                         {"“thanks”"},
		"<tweet author=\"@york\" date=\"March 9, 2016\n\">Stands empty.</tweet>":                                                    nil,
		`<a href="/x">“Read more”</a> and <br/>“more”.`:                                                                             {"“Read more”", "“more”"},
	}
	for in, want := range cases {
		a := ParseText("t.txt", "Title\n\n"+in)
		assert.Equal(t, want, quoteTexts(a), in)
		assert.Empty(t, a.Stray, in)
	}
	// A straight quotation mark in a tag does not make the paragraph's
	// others inch marks.
	a := ParseText("t.txt", "Title\n\n<img alt=\"x\" title=\"y\" class=\"z\">He said \"no\" twice.")
	assert.Equal(t, []string{"\"no\""}, quoteTexts(a))
	assert.Empty(t, a.Stray)
}

// QuoteOf gives each token the latest opened double quotation whose text
// holds it, read here from the quotations alone, on closed, nested,
// unclosed, multi-paragraph and single quotations.
func TestQuoteOfEveryToken(t *testing.T) {
	texts := []string{
		"“One two,” she said. “Three ‘four’ five,” he said.",
		"He said “open and never closed. Then “another” and “more.\n\nNext “paragraph” here.",
		"“A quote that runs on\n\n“and continues here,” she said. After it.",
		"No quotation at all, only words.",
		strings.Repeat("“word ", 200),
		"\"Straight\" marks and 'single' ones, \"nested 'inner' text\" done.",
	}
	for _, text := range texts {
		a := ParseText("t.txt", text)
		for ti, tok := range a.Tokens {
			want := -1
			for qi, q := range a.Quotes {
				c := q.Content()
				if !q.Single && c.Start <= tok.Start() && tok.Start() < c.End {
					want = qi
				}
			}
			if got := a.QuoteOf(ti); got != want {
				t.Errorf("%q: token %d %q: QuoteOf %d, want %d", text, ti, a.Tok(ti), got, want)
			}
			if a.InQuote(ti) != (want >= 0) || tok.Quoted() != (want >= 0) {
				t.Errorf("%q: token %d %q: InQuote %v, want %v", text, ti, a.Tok(ti), a.InQuote(ti), want >= 0)
			}
		}
		if a.QuoteOf(-1) != -1 || a.QuoteOf(len(a.Tokens)) != -1 {
			t.Errorf("%q: QuoteOf out of range is not -1", text)
		}
	}
}

// TestQuoteSize: a quotation's marks and links are four-byte offsets and
// indexes (a flood of unclosed marks is a table of quotations).
func TestQuoteSize(t *testing.T) {
	assert.Equal(t, uintptr(36), unsafe.Sizeof(Quote{}))
	q := ParseText("t.txt", "He said “yes” twice.").Quotes[0]
	assert.Equal(t, Span{Start: 8, End: 11}, q.Open())
	assert.Equal(t, Span{Start: 14, End: 17}, q.Close())
}

// TestParagraphAndSentenceSize: an article of one-word paragraphs is a
// paragraph and a sentence every few bytes; both take four bytes a field.
func TestParagraphAndSentenceSize(t *testing.T) {
	assert.Equal(t, uintptr(28), unsafe.Sizeof(Paragraph{}))
	assert.Equal(t, uintptr(24), unsafe.Sizeof(Sentence{}))
	a := ParseText("t.txt", "One two.\n\nThree four. Five six.")
	assert.Equal(t, Span{Start: 10, End: 31}, a.Paragraphs[1].Span())
	assert.Equal(t, Span{Start: 22, End: 31}, a.Sentences[2].Span())
	assert.Equal(t, 21, a.Paragraphs[1].Len())
	assert.True(t, a.Sentences[2].Contains(22) && !a.Sentences[2].Contains(31))
}
