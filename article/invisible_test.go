package article

import (
	"testing"

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
