package rules

import (
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNameSpellingConfidence: a misspelling outnumbered by the established
// spelling is reported with a confidence that grows with how outnumbered
// it is (1 − 0.3 × variant uses ÷ established uses): 0.7 on a tie, 0.9
// when the right spelling is used three times.
func TestNameSpellingConfidence(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       float64
	}{
		{"three to one", "Finance Minister Anders Halvorsen spoke on Monday.\n\n" +
			"Halvorsen said the budget was sound. Halvorsen added that taxes would not rise.\n\n" +
			"Critics said Halvorson had ignored the deficit.\n", 0.9},
		{"tie", "Finance Minister Anders Halvorsen spoke on Monday.\n\n" +
			"Critics said Halvorson had ignored the deficit.\n", 0.7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			findings, err := defaultLinter(t).Lint("a.txt", []byte(tc.text), markup.Text)
			require.NoError(t, err)
			var got []float64
			for _, f := range findings {
				if f.Rule == "name-spelling" {
					got = append(got, f.Confidence)
				}
			}
			require.Len(t, got, 1, "%v", findings)
			assert.InDelta(t, tc.want, got[0], 1e-9)
		})
	}
}

// TestRelatedSpellings: forms of one word are no slips of each other, and
// spellings that differ otherwise are compared.
func TestRelatedSpellings(t *testing.T) {
	for _, p := range [][2]string{{"Texas", "Texan"}, {"Kansan", "Kansas"}, {"Korea", "Korean"}, {"Kennedy", "Kennedys"}, {"Erdoğan", "Erdogan"}} {
		assert.True(t, related(p[0], p[1]), "%s, %s", p[0], p[1])
	}
	for _, p := range [][2]string{{"Evans", "Evens"}, {"Obama", "Osama"}, {"Lyons", "Lyonn"}, {"Hale", "Hall"}} {
		assert.False(t, related(p[0], p[1]), "%s, %s", p[0], p[1])
	}
	for _, p := range [][2]string{{"Mike", "Mikey"}, {"Bill", "Billie"}} {
		assert.True(t, nickname(p[0], p[1]), "%s, %s", p[0], p[1])
	}
	assert.False(t, nickname("Rock", "Rocks"))
	assert.True(t, oppositeGivenNames("Eric", "Erica"))
	assert.False(t, oppositeGivenNames("Eric", "Erik"))
}
