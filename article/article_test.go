package article

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPositionLFCRLFCR(t *testing.T) {
	for name, nl := range map[string]string{"lf": "\n", "crlf": "\r\n", "cr": "\r"} {
		t.Run(name, func(t *testing.T) {
			src := NewSource([]byte("ab" + nl + "cdé" + nl + nl + "xyz"))
			assert.Equal(t, 4, src.Lines())
			off := strings.Index(src.Text, "d")
			assert.Equal(t, Position{Line: 2, Column: 2, Offset: off, ByteColumn: 2}, src.Position(off))
			off = strings.Index(src.Text, "x")
			assert.Equal(t, Position{Line: 4, Column: 1, Offset: off, ByteColumn: 1}, src.Position(off))
			// The column after "é" counts it as one code point.
			off = strings.Index(src.Text, "é") + len("é")
			assert.Equal(t, 4, src.Position(off).Column)
		})
	}
}

func TestPositionBOMAndWideRunes(t *testing.T) {
	src := NewSource([]byte("\ufeffA😀b\nc"))
	assert.Equal(t, 3, src.Start)
	assert.Equal(t, Position{Line: 1, Column: 1, Offset: 3, ByteColumn: 1}, src.Position(3))
	b := strings.Index(src.Text, "b")
	assert.Equal(t, 3, src.Position(b).Column, "A and the emoji are one code point each")
	assert.Equal(t, 6, src.Position(b).ByteColumn, "the emoji is four bytes")
	assert.Equal(t, 4, src.UTF16Column(b), "the emoji is two UTF-16 code units")
	// An offset in the middle of a UTF-8 sequence moves back to its start.
	mid := strings.Index(src.Text, "😀") + 2
	assert.Equal(t, 2, src.Position(mid).Column)
	// Offsets past the end are clamped.
	assert.Equal(t, len(src.Bytes), src.Position(1000).Offset)
}

func TestParagraphsAndHeadline(t *testing.T) {
	text := "Minister resigns over leak\n\nFirst paragraph line one\ncontinues here.\n  \t\nSecond paragraph.\n"
	a := ParseText("t.txt", text)
	require.Len(t, a.Paragraphs, 3)
	assert.True(t, a.Paragraphs[0].Headline)
	assert.False(t, a.Paragraphs[1].Headline)
	assert.Equal(t, "First paragraph line one\ncontinues here.", a.Text(a.Paragraphs[1].Span()))
	assert.Equal(t, "Second paragraph.", a.Text(a.Paragraphs[2].Span()))
}

func TestHeadlineWithFullStop(t *testing.T) {
	story := "\n\nDonald Trump joked about stereotypes and told his audience they would not back him because he did not want their money.\n"
	for text, want := range map[string]bool{
		// A short first line ending in a full stop, above a longer paragraph.
		"Trump, Carson flop with Jewish Republicans." + story:                                                                                              true,
		"Calderon calls Trump’s idea for a border wall ‘stupid’, ‘useless.’" + story:                                                                       true,
		"Clinton stays ahead in latest poll.\n\nABSTRACT.\n\nHillary Clinton has 52 percent support among Democratic primary voters, a new survey says.\n": true,
		// A one-sentence lede as long as what follows, or two sentences, or
		// an abbreviation's full stop inside: prose, not a headline.
		"The mayor resigned on Tuesday.\n\nShe left.\n":      false,
		"Mr. Ruiz resigned on Tuesday." + story:              false,
		"The mayor resigned. Her deputy takes over." + story: false,
		"Trump, Carson flop with Jewish Republicans in Washington on a long day of speeches that went badly for both men and for their campaigns." + story: false,
	} {
		a := ParseText("t.txt", text)
		require.Greater(t, len(a.Paragraphs), 1)
		assert.Equal(t, want, a.Paragraphs[0].Headline, text)
	}
}

func TestParagraphsWithoutBlankLines(t *testing.T) {
	a := ParseText("t.txt", "One line.\nAnother line.\n\nBut this one has a blank line after the first\n")
	// A blank line exists, so lines group into paragraphs.
	require.Len(t, a.Paragraphs, 2)
	a = ParseText("t.txt", "One line.\nAnother line.\nThird line.")
	require.Len(t, a.Paragraphs, 3)
	assert.Equal(t, "Another line.", a.Text(a.Paragraphs[1].Span()))
}

func sentences(a *Article) []string {
	var out []string
	for _, s := range a.Sentences {
		out = append(out, a.Text(s.Span()))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := map[string][]string{
		"Mr. Smith met Dr. Jones. They talked.":                        {"Mr. Smith met Dr. Jones.", "They talked."},
		"The U.S. Army and the U.N. agreed. Talks end.":                {"The U.S. Army and the U.N. agreed.", "Talks end."},
		"J. R. Smith scored 3.5 points on Jan. 5. It was No. 5 again.": {"J. R. Smith scored 3.5 points on Jan. 5.", "It was No. 5 again."},
		"“We won.” She smiled. Why? Because.":                          {"“We won.”", "She smiled.", "Why?", "Because."},
		"He said \"no.\" Then he left!":                                {"He said \"no.\"", "Then he left!"},
		"Prices rose 2.5 pct. in March, it said.":                      {"Prices rose 2.5 pct. in March, it said."},
	}
	for in, want := range cases {
		a := ParseText("t.txt", in)
		assert.Equal(t, want, sentences(a), in)
	}
}

func TestSentencesNBSP(t *testing.T) {
	a := ParseText("t.txt", "It rained.\u00a0Then it stopped.")
	assert.Equal(t, []string{"It rained.", "Then it stopped."}, sentences(a))
}

func quoteTexts(a *Article) []string {
	var out []string
	for _, q := range a.Quotes {
		s := a.Text(q.Whole())
		if q.Single {
			s = "single:" + s
		}
		if !q.Closed {
			s = "open:" + s
		}
		out = append(out, s)
	}
	return out
}

func TestQuotes(t *testing.T) {
	cases := map[string][]string{
		"“We support you,” said Smith.":                         {"“We support you,”"},
		`"We support you," said Smith. "And more."`:             {`"We support you,"`, `"And more."`},
		"“He told me ‘never’ twice,” she said.":                 {"“He told me ‘never’ twice,”", "single:‘never’"},
		`"He told me 'never' twice," she said.`:                 {`"He told me 'never' twice,"`, "single:'never'"},
		"Don't take Nazarbayev's '90s plan,” he said.":          nil,
		"“It's Jones' plan,” said the rock 'n' roll ministers.": {"“It's Jones' plan,”"},
		"The so-called “reform” failed.":                        {"“reform”"},
		`He is 6'2" tall and said "yes".`:                       {`"yes"`},
	}
	for in, want := range cases {
		a := ParseText("t.txt", in)
		assert.Equal(t, want, quoteTexts(a), in)
	}
}

func TestQuoteBalanceModel(t *testing.T) {
	a := ParseText("t.txt", "“Open and never closed, she said.\n\nNext paragraph.")
	require.Len(t, a.Quotes, 1)
	assert.True(t, a.Quotes[0].Unclosed())

	a = ParseText("t.txt", "Closed” but never opened.")
	assert.Empty(t, a.Quotes)
	require.Len(t, a.Stray, 1)
	assert.Equal(t, "”", a.Text(a.Stray[0]))
}

func TestMultiParagraphQuote(t *testing.T) {
	text := "He said: “The first part runs on.\n\n“The second part too.\n\n“And the third closes,” he said.\n\nAfter."
	a := ParseText("t.txt", text)
	require.Len(t, a.Quotes, 3)
	assert.Equal(t, 1, int(a.Quotes[0].Next))
	assert.Equal(t, 0, int(a.Quotes[1].Prev))
	assert.Equal(t, 2, int(a.Quotes[1].Next))
	assert.True(t, a.Quotes[2].Closed)
	for _, q := range a.Quotes {
		assert.False(t, q.Unclosed())
	}
	// Tokens inside know their quote.
	ti := a.TokenIndexAt(strings.Index(text, "second"))
	assert.Equal(t, 1, a.QuoteOf(ti))
	assert.Equal(t, -1, a.QuoteOf(a.TokenIndexAt(strings.Index(text, "After"))))
}

func TestTokens(t *testing.T) {
	a := ParseText("t.txt", "Jean-Claude Juncker's 1,000 don't-care U.S. plan.")
	var words []string
	for i, tk := range a.Tokens {
		if tk.Kind != Punct {
			words = append(words, a.Tok(i))
		}
	}
	assert.Equal(t, []string{"Jean-Claude", "Juncker's", "1,000", "don't-care", "U", "S", "plan"}, words)
}

// Bad input never crashes the model, and every span stays inside the file.
func TestParseNeverCrashes(t *testing.T) {
	inputs := []string{
		"",
		"\ufeff",
		"\r\n\r\n",
		"\xff\xfe\xfd invalid “utf8 \xc3",
		strings.Repeat("word “quote” ", 20000),
		strings.Repeat("a", 100000) + ".",
		"\"\"\"''' ’’ ‘‘ “”“",
		"”\n\n“\n\n“",
	}
	for _, in := range inputs {
		a := ParseText("t.txt", in)
		for _, p := range a.Paragraphs {
			assert.True(t, p.Start() >= 0 && p.End() <= len(in) && p.Start() <= p.End())
		}
		for _, q := range a.Quotes {
			assert.True(t, q.Open().Start >= 0 && q.Close().End <= len(in))
		}
		for _, tk := range a.Tokens {
			assert.True(t, tk.Start() < tk.End() && tk.End() <= len(in))
		}
	}
}

func TestLooksBinary(t *testing.T) {
	assert.True(t, LooksBinary([]byte("abc\x00def")))
	assert.True(t, LooksBinary([]byte("\xff\xfe\xfd\xfc\xfb abc")))
	assert.False(t, LooksBinary([]byte("plain text with one bad byte \xff in it, mostly fine")))
	assert.False(t, LooksBinary([]byte("Üñíçødé “quotes”")))
	assert.False(t, LooksBinary(nil))
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("“Q,” said X.\n\nHe said: “A\n\n“B.”"))
	f.Add([]byte("\ufeffMr. A. B. Smith's '90s \"plan\"\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a := Parse(Input{Path: "f.txt", Orig: b})
		for _, tk := range a.Tokens {
			if tk.Start() < 0 || tk.End() > len(b) || tk.Start() >= tk.End() {
				t.Fatalf("bad token span %v", tk.Span())
			}
			a.Src.Position(tk.Start())
		}
	})
}

// Columns on very long lines come from checkpoints; they must equal a
// plain count at every offset.
func TestLongLineColumns(t *testing.T) {
	line := strings.Repeat("aé😀 “x” ", 3000)
	src := NewSource([]byte("first\n" + line + "\nlast"))
	start := len("first\n")
	for off := start; off < start+len(line); off += 7 {
		for off < len(src.Bytes) && src.Bytes[off]&0xC0 == 0x80 {
			off++
		}
		want := 1 + utf8.RuneCountInString(src.Text[start:off])
		if got := src.Position(off).Column; got != want {
			t.Fatalf("offset %d: column %d, want %d", off, got, want)
		}
	}
}

func TestStraightQuoteAfterComma(t *testing.T) {
	// said,"From …" (a missing space) still opens a quotation.
	a := ParseText("t.txt", `He said,"From here we go," and left.`)
	require.Len(t, a.Quotes, 1)
	assert.True(t, a.Quotes[0].Closed)
	assert.Empty(t, a.Stray)
}

// TestLowerEveryToken: every token's lower-case form is strings.ToLower of
// its text, for ASCII words, words with other letters (Łukaszenko,
// ÉMILE), letters whose lower case is longer (İstanbul), words with
// invisible characters (Naz\u00adarbayev), numbers, and punctuation.
func TestLowerEveryToken(t *testing.T) {
	a := ParseText("t.txt", "“ÉMILE Łukaszenko met İstanbul's MAYOR,” said Naz\u00adarbayev. TOTAL: 1,500 ÀB-Cd O’Neill\n\nNEW paragraph; Ωmega ΣΊΣΥΦΟΣ.")
	require.NotEmpty(t, a.Tokens)
	for i := range a.Tokens {
		assert.Equal(t, strings.ToLower(a.Tok(i)), a.Lower(i), "token %d %q", i, a.Tok(i))
	}
}

// TestSentenceOfEveryToken: each token's sentence, found from the
// sentences' token ranges, is the one whose range holds it; a token opens
// its sentence exactly when it is the range's first, and is its
// sentence's start exactly when it is the first word.
func TestSentenceOfEveryToken(t *testing.T) {
	a := ParseText("t.txt", "“Yes.” He left! Then... she came?\n\nNew paragraph, one sentence. (Another.) 3 more. ...\n\nEnd")
	require.Greater(t, len(a.Sentences), 5)
	for si, s := range a.Sentences {
		for i := int(s.FirstToken); i < int(s.EndToken); i++ {
			assert.Equal(t, si, a.SentenceOf(i), "token %d %q", i, a.Tok(i))
			assert.Equal(t, i == int(s.FirstToken), a.OpensSentence(i), "token %d %q", i, a.Tok(i))
			assert.Equal(t, i == int(s.FirstWord), a.SentenceStart(i), "token %d %q", i, a.Tok(i))
		}
	}
}

// Two apostrophes are a double quotation mark (an archive style); an
// apostrophe in a word or after a plural is not one.
func TestDoubledApostropheQuotes(t *testing.T) {
	a := ParseText("t.txt", "Title\n\n''Trump suits were made in Mexico,'' she said. The voters' choice was ''clear.''\n\nIt's the players' ball.")
	var got []string
	for _, q := range a.Quotes {
		if !q.Single {
			got = append(got, a.Text(q.Content()))
		}
		assert.True(t, q.Closed)
	}
	assert.Equal(t, []string{"Trump suits were made in Mexico,", "clear."}, got)
}
