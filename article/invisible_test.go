package article

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// words returns the word tokens of an article as the model reads them.
func words(a *Article) []string {
	var out []string
	for i, t := range a.Tokens {
		if t.Kind == Word {
			out = append(out, a.Tok(i))
		}
	}
	return out
}

// TestInvisibleCharactersInsideWords: a soft hyphen, zero-width
// characters and the word joiner inside a word are read through; the
// word's span still covers the bytes on disk.
func TestInvisibleCharactersInsideWords(t *testing.T) {
	for _, text := range []string{
		"Naz\u00adarbayev met Kobyakov.",
		"Naz\u200barbayev met Kobyakov.",
		"Naz\u200carbayev met Kobyakov.",
		"Naz\u200darbayev met Kobyakov.",
		"Naz\u2060arbayev met Kobyakov.",
		"Naz\u00ad\u200darbayev met Kobyakov.",
	} {
		a := ParseText("t.txt", text)
		assert.Equal(t, []string{"Nazarbayev", "met", "Kobyakov"}, words(a), "%q", text)
		first := a.Tokens[0]
		assert.Equal(t, 0, first.Start())
		assert.Equal(t, len(text)-len(" met Kobyakov."), first.End(), "%q: the span covers the invisible bytes", text)
		assert.Equal(t, 1, a.Position(first.End()).Line)
	}
	// Look-alikes: an invisible character between words, or ending one,
	// does not join them.
	a := ParseText("t.txt", "Nazarbayev\u200b met\u00ad Kobyakov.")
	assert.Equal(t, []string{"Nazarbayev", "met", "Kobyakov"}, words(a))
	a = ParseText("t.txt", "\u200bNazarbayev met Kobyakov.")
	assert.Equal(t, []string{"Nazarbayev", "met", "Kobyakov"}, words(a))
}

// TestTokenSize: a token is 8 bytes, and a word longer than a token can
// hold is cut, never mid-character.
func TestTokenSize(t *testing.T) {
	assert.Equal(t, uintptr(8), unsafe.Sizeof(Token{}))
	word := strings.Repeat("é", 40_000) // 80,000 bytes
	a := ParseText("t.txt", "A "+word+" b.")
	total := 0
	for i, tk := range a.Tokens {
		if tk.Kind == Word && i > 0 && tk.End() <= len("A ")+len(word) {
			assert.True(t, utf8.ValidString(a.Tok(i)), "token %d cut inside a character", i)
			assert.LessOrEqual(t, tk.End()-tk.Start(), maxTokenLen)
			total += tk.End() - tk.Start()
		}
	}
	assert.Equal(t, len(word), total, "the word's tokens cover it")
}

// TestTokensAlwaysAdvance: stray continuation bytes after a word (not
// UTF-8) never make a token of no length; the fuzzer found this hang.
func TestTokensAlwaysAdvance(t *testing.T) {
	for _, text := range []string{"777\xc3\xa9\xa9\xa9 x", "é\xa9", "a\xa9\xa9b", strings.Repeat("7", 2000) + "\xc3\xa9\xa9O"} {
		a := ParseText("t.txt", text)
		for _, tk := range a.Tokens {
			assert.Greater(t, tk.End(), tk.Start(), "%q", text)
		}
	}
}

// TestMarkupPadInsideWords: MarkupPad, which masks markup between the
// letters of a word, is read through as a soft hyphen is, and is left out
// of the word's text.
func TestMarkupPadInsideWords(t *testing.T) {
	orig := "President Nazar<b>baev</b> met Kobyakov."
	masked := "President Nazar\x01\x01\x01baev     met Kobyakov."
	a := Parse(Input{Path: "a.html", Orig: []byte(orig), Masked: []byte(masked)})
	assert.Equal(t, []string{"President", "Nazarbaev", "met", "Kobyakov"}, words(a))
	assert.Equal(t, "nazarbaev", a.Lower(1))
	assert.Equal(t, "Nazar<b>baev", orig[a.Tokens[1].Start():a.Tokens[1].End()])
	assert.Equal(t, "President Nazarbaev", a.Text(Span{Start: 0, End: a.Tokens[1].End()}))
}

// TestEditKeepsMarkup: a fix of a word that holds markup changes only the
// letters that differ, and never the markup.
func TestEditKeepsMarkup(t *testing.T) {
	apply := func(orig string, s Span, text string) string { return orig[:s.Start] + text + orig[s.End:] }
	for _, c := range []struct{ orig, masked, word, want, fixed string }{
		// A letter added after the markup, or before it.
		{"Nazar<b>baev</b>.", "Nazar\x01\x01\x01baev    .", "Nazar<b>baev", "Nazarbayev", "Nazar<b>bayev</b>."},
		{"Naza<b>baev</b>.", "Naza\x01\x01\x01baev    .", "Naza<b>baev", "Nazarbaev", "Nazar<b>baev</b>."},
		// A letter changed, or dropped.
		{"Nazar**bajev**.", "Nazar\x01\x01bajev  .", "Nazar**bajev", "Nazarbayev", "Nazar**bayev**."},
		{"Nazzar**baev**.", "Nazzar\x01\x01baev  .", "Nazzar**baev", "Nazarbaev", "Nazar**baev**."},
	} {
		a := Parse(Input{Path: "a", Orig: []byte(c.orig), Masked: []byte(c.masked)})
		w := a.Tokens[0].Span()
		assert.Equal(t, c.word, c.orig[w.Start:w.End])
		s, text, ok := a.Edit(w, c.want)
		if assert.True(t, ok, c.orig) {
			assert.Equal(t, c.fixed, apply(c.orig, s, text), c.orig)
			assert.True(t, w.Start <= s.Start && s.End <= w.End, "the edit stays inside the word")
		}
	}
	// A change that would cross the markup is refused.
	a := Parse(Input{Path: "a", Orig: []byte("Nazar<b>baev</b>."), Masked: []byte("Nazar\x01\x01\x01baev    .")})
	_, _, ok := a.Edit(a.Tokens[0].Span(), "Ivanov")
	assert.False(t, ok)
	// Without markup, the edit is the span and text as given.
	a = ParseText("t.txt", "Naz\u00adarbaev met him.")
	s, text, ok := a.Edit(a.Tokens[0].Span(), "Nazarbayev")
	assert.True(t, ok)
	assert.Equal(t, a.Tokens[0].Span(), s)
	assert.Equal(t, "Nazarbayev", text)
}

// TestLowerAcrossBlocks: every token's lower-case form, whether kept in
// the table of forms that differ, apart, or the token itself, in an
// article long enough for many blocks of lowerBlock tokens.
func TestLowerAcrossBlocks(t *testing.T) {
	text := strings.Repeat("NATO said Smith met ÉLYSÉE officials in İstanbul; Nazar\u00adbayev, McDonald's and the UN’s “Élan” agreed. 42 Ünal ǅemal ß. ", 7)
	a := ParseText("t.txt", text)
	assert.Greater(t, len(a.Tokens), 10*lowerBlock)
	for i := range a.Tokens {
		assert.Equal(t, strings.ToLower(a.Tok(i)), a.Lower(i), "token %d %q", i, a.Tok(i))
	}
	n := 0
	for i, lw := range a.Lowers {
		assert.Equal(t, n, i)
		assert.Equal(t, a.Lower(i), lw, "Lowers, token %d %q", i, a.Tok(i))
		n++
	}
	assert.Equal(t, len(a.Tokens), n)
	for i := range a.Lowers {
		if i == 3 {
			break // a loop may stop early
		}
	}
	assert.Equal(t, "", a.Lower(-1))
	assert.Equal(t, "", a.Lower(len(a.Tokens)))
	// Only the forms that differ are kept: far less than the text.
	assert.Less(t, len(a.lower), len(text)/2)
}
