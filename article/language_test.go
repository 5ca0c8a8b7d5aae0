package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The news paragraphs in testdata/language were written for these tests.
// Each is named for the language it must be taken for; en-* are English
// articles that look foreign in part: German names, places and quotes
// (en-germany), a German stanza outside quotation marks (en-block), a
// Chinese quote and name (en-chinese), a table of Spanish and Portuguese
// bank names (en-wire).
func TestLanguageOfArticles(t *testing.T) {
	want := map[string]Language{
		"de.txt":         {Name: "German"},
		"de-quoted.txt":  {Name: "German"}, // all in quotation marks: every word counts
		"fr.txt":         {Name: "French"},
		"es.txt":         {Name: "Spanish"},
		"it.txt":         {Name: "Italian"},
		"pt.txt":         {Name: "Portuguese"},
		"nl.txt":         {Name: "Dutch"},
		"sv.txt":         {Name: "Swedish"},
		"pl.txt":         {Name: "Polish"},
		"ru.txt":         {Name: "Russian"},
		"uk.txt":         {Name: "Cyrillic", Script: true}, // Ukrainian: the script, not Russian
		"ja.txt":         {Name: "Japanese"},
		"zh.txt":         {Name: "Chinese"},
		"el.txt":         {Name: "Greek"},
		"ar.txt":         {Name: "Arabic", Script: true},
		"en-germany.txt": {},
		"en-block.txt":   {},
		"en-chinese.txt": {},
		"en-wire.txt":    {},
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "language", "*.txt"))
	require.NoError(t, err)
	require.Len(t, paths, len(want), "every test article has an expected language")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		w, ok := want[filepath.Base(p)]
		require.True(t, ok, p)
		got := ParseText(p, string(data)).Language
		assert.Equal(t, w, got, p)
		assert.Equal(t, w.Name == "", got.English(), p)
	}
}

// Texts too short to tell are English, however foreign they look: fewer
// than 25 words, or fewer than 150 bytes of another script.
func TestLanguageOfShortTexts(t *testing.T) {
	german := strings.Fields("Die Stadt hat am Montag die Altstadt für den Verkehr gesperrt, nachdem der Pegel der Donau in der Nacht auf über neun Meter gestiegen war und die Feuerwehr mit dem Abbau begann.")
	require.Greater(t, len(german), minWords)
	for n := 0; n <= len(german); n++ {
		got := ParseText("t.txt", strings.Join(german[:n], " ")).Language
		if n < minWords {
			assert.True(t, got.English(), "%d words: %v", n, got)
		} else {
			assert.Equal(t, Language{Name: "German"}, got, "%d words", n)
		}
	}
	for _, in := range []string{"", " \n\n ", "Der", "東京都は月曜日、新しい防災計画を発表した。", "В понедельник в Новосибирске прошли снегопады."} {
		assert.True(t, ParseText("t.txt", in).Language.English(), in)
	}
}

// English text that is full of foreign function words in names (de la,
// van der, von, y, del) stays English, and so does English prose that
// quotes a foreign sentence in any quotation marks.
func TestLanguageEnglishLookalikes(t *testing.T) {
	for _, in := range []string{
		"Anne-Sophie de la Tour, Jean-Luc van der Berg, María José de los Santos y Garza and Ursula von der Leyen met at the Place de la Concorde and the Rue du Faubourg Saint-Honoré on Monday, where they discussed the future of the Banco de la Nacion and of Le Monde.",
		"„Wir können nicht ausschließen, dass das Wasser weiter steigt, und wir bitten alle Bürger, die Altstadt zu meiden“, the mayor said on Monday, before she told reporters in English that the city could not rule out that the water would rise further and asked everyone to stay away from the old town.",
		"« Nous n'avons pas d'autre choix que de continuer la grève jusqu'à la fin de la semaine », said the union's delegate, who added that the strike would go on until the end of the week unless the company made a better offer to the workers.",
	} {
		got := ParseText("t.txt", in).Language
		assert.True(t, got.English(), "%v: %s", got, in)
	}
}

// Every function word is listed once per language, in lower case.
func TestStopWordLists(t *testing.T) {
	for l, list := range stopWords {
		seen := map[string]bool{}
		for _, w := range strings.Fields(list) {
			assert.False(t, seen[w], "%s lists %q twice", langNames[l], w)
			seen[w] = true
			assert.Equal(t, strings.ToLower(w), w, langNames[l])
			assert.LessOrEqual(t, len(w), maxStopLen, "%s: %q is longer than stopIndex looks up", langNames[l], w)
			assert.Equal(t, l, bitsOf(stopIndex(w), l), "%s: %q is not found", langNames[l], w)
		}
		assert.GreaterOrEqual(t, len(seen), 60, langNames[l])
	}
	assert.LessOrEqual(t, len(stopLangs), maxStopWords)
}

// bitsOf returns l when the function word of index i is listed for
// language l, or -1.
func bitsOf(i, l int) int {
	if i >= 0 && stopLangs[i]&(1<<l) != 0 {
		return l
	}
	return -1
}

// Words that are not function words are not found, whatever their length.
func TestStopIndexMisses(t *testing.T) {
	for _, w := range []string{"", "x", "minister", "the ", "thee", "th", "dass2", "abcdefghijklmnop", strings.Repeat("der", 10), "l’", "qu"} {
		assert.Equal(t, -1, stopIndex(w), w)
	}
}

// An English article that opens with a long passage in another language
// (a block quote, a statement left untranslated) is read on past it.
func TestLanguageAfterAForeignOpening(t *testing.T) {
	french := strings.Repeat("Le président a déclaré que le gouvernement ne va pas changer sa politique et que les ministres de la République sont d'accord avec lui sur la question des retraites. ", 6)
	english := strings.Repeat("The president of France said on Tuesday that the government would not change its policy, and that his ministers agreed with him on the question of pensions, which has divided the country for months. ", 30)
	a := ParseText("a.txt", "Pensions\n\n"+french+"\n\n"+english+"\n")
	if a.Language.Name != "" {
		t.Errorf("language %q, want English", a.Language.Name)
	}
}

func TestPositionInsideAByteOrderMark(t *testing.T) {
	s := NewSource([]byte("\xef\xbb\xbfHello\n"))
	for off := 0; off <= 3; off++ {
		p := s.Position(off)
		if p.Line != 1 || p.Column != 1 {
			t.Errorf("Position(%d) = %+v, want line 1 column 1", off, p)
		}
	}
}
