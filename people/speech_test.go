package people

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sources maps each double quotation's first words to its source as
// written, its pattern and, for a continuation, the first words of the
// quotation it continues.
func sources(a parsed) map[string]string {
	key := func(qi int) string {
		words := strings.Fields(a.Text(a.Quotes[qi].Content()))
		return strings.Join(words[:min(3, len(words))], " ")
	}
	out := map[string]string{}
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		at := a.pm.Attribution(qi)
		if !at.Attributed() {
			out[key(qi)] = "-"
			continue
		}
		v := a.Text(at.Source) + " / " + at.Pattern
		if at.Continues >= 0 {
			v += " / " + key(int(at.Continues))
		}
		out[key(qi)] = v
	}
	return out
}

// The grammar of reported speech, on the article written for it
// (testdata/rules/quote-attribution/reported-speech.txt): each quotation's
// source as an editor reads it.
func TestReportedSpeech(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "quote-attribution", "reported-speech.txt"))
	require.NoError(t, err)
	a := parse("reported-speech.txt", string(data))
	assert.Equal(t, map[string]string{
		// Tags after ? and !; the one who asks is the reporter.
		"Is this legal?": "the reporter / after-quote",
		"Why now?":       "Diaz / tag-sentence",
		// A colon in the sentence, and a clause ending in a colon in
		// the paragraph before.
		"The questions asked": "Senator Rosa Vega / colon-intro",
		"We will not":         "Mayor Tunde Okafor / colon-intro",
		// Two speakers in one sentence; two in one paragraph.
		"pay for itself,":       "the minister / before-quote",
		"Nobody believes that.": "opposition leader Kim Lowe / before-quote",
		"We checked every":      "treasurer Ada Moss / after-quote",
		"If anything was":       "Councillor Paul Grant / after-quote",
		// A partial quotation inside reported speech.
		"finally listened": "Ortiz / before-quote",
		// "the chairman said, adding": the chairman, not the leaders.
		"They need to": "the chairman / before-quote",
		// Continuations: a split quotation, "went on", a paragraph
		// that is only a quotation.
		"The budget is":   "Moss / after-quote",
		"Every line is":   "Moss / continues / The budget is",
		"We will publish": "she / after-quote",
		"Nothing will be": "she / continues / We will publish",
		// Organisations, roles and statements.
		"Our members reject": "The union / before-quote",
		"We have seen":       "a spokeswoman / after-quote",
		"She is reviewing":   "Anand / after-quote",
		"We were never":      "the residents' association / after-quote",
		// Introductions at the quotation.
		"The fund is":       "Marta Lindqvist / after-quote",
		"We expected more":  "Tomas Beck / before-quote",
		"Rates will stay":   "analyst Priya Nand / after-quote",
		"The figures speak": "Moss / before-quote",
		"the council acted": "the auditor's report / according-to",
		"The hall will":     "Grant / tag-sentence",
		"He has a":          "she / after-quote",
		"Will the mayor":    "a reporter / after-quote",
		"No,":               "Brandt / after-quote",
		"a circus.":         "Vega / before-quote",
		"We need answers,":  "Del. Ana Ruiz / after-quote",
		"Turnout was lower": "Beck / before-quote",
		"Every family pays": "she / after-quote",
		"and every family":  "she / before-quote",
		"It was the":        "a visitor / after-quote",
		"sharp fall":        "-",
		"We were told":      "one placard / after-quote",
		"Save our library,": "another / after-quote",
	}, sources(a))
}

// Sources that are not the first words after the quotation, and phrases
// that are not subjects.
func TestTagsAndLookAlikes(t *testing.T) {
	text := "Title\n\n" +
		"“Carolina is going to win,” Gov. Jo Kasich replied.\n\n" +
		"“The plan failed” until Harlan said otherwise.\n\n" +
		"“We are happy” about the decision, said Ana Demir, the union's director.\n\n" +
		"“The evidence is strong” than that of the chief, Zuckoff said.\n\n" +
		"“You tell me,” he said again and again, before he stopped answering.\n\n" +
		"The email said, “We will close.”\n\n" +
		"Clinton said in the spring, when the email story broke, “I sent nothing.”\n\n" +
		"Pollsters agree - Carl Bialik: “Keep contacting voters.”\n\n" +
		"Dana Gross, president of the campaign, live tweeted as the speech went on.\n\n" +
		"An early tweet quoted the president as saying “Do something.”\n\n" +
		"Ryan's campaign shrugged off Trump's comments, telling reporters, “We never asked.”\n\n" +
		"Sam Lau, the party's director, said in a statement. “There is nothing to recount.”\n\n" +
		"Ebeling laughed, and her husband cut in. “Don't forget Tom.”\n\n" +
		"“The harm was grave,” federal prosecutors wrote.\n\n" +
		"“The kids do not like him,” this source told the Post.\n\n" +
		"“Funding has stalled since July,” it read.\n\n" +
		"The whip, Senator Jo Cornyn, put it plainly: “This nominee will not be confirmed.”\n\n" +
		"“Great speech. She is ready.”\n\n" +
		"- Maria Olsen, Philadelphia.\n\n" +
		"“Every vote counts” — Tom Reyes"
	a := parse("t.txt", text)
	assert.Equal(t, map[string]string{
		"Carolina is going":       "Gov. Jo Kasich / after-quote",
		"The plan failed":         "-",
		"We are happy":            "Ana Demir / after-quote",
		"The evidence is":         "Zuckoff / after-quote",
		"You tell me,":            "he / after-quote",
		"We will close.":          "The email / before-quote",
		"I sent nothing.":         "Clinton / before-quote",
		"Keep contacting voters.": "Carl Bialik / colon-intro",
		"Do something.":           "the president / before-quote",
		"We never asked.":         "Ryan's campaign / before-quote",
		"There is nothing":        "Sam Lau / statement",
		"Don't forget Tom.":       "husband / statement", // the role phrase
		"The harm was":            "federal prosecutors / after-quote",
		"The kids do":             "this source / after-quote",
		"Funding has stalled":     "it / after-quote",
		"This nominee will":       "Senator Jo Cornyn / before-quote",
		"Great speech. She":       "Maria Olsen / credit",
		"Every vote counts":       "Tom Reyes / credit",
	}, sources(a))
}

// "Del." is a delegate's title only as written so; "del" is a particle of
// names ("Punta del Este").
func TestAbbreviatedTitle(t *testing.T) {
	a := parse("t.txt", "Title\n\n“We need answers,” said Del. Ana Ruiz of Guam.\n\nThe talks in Punta del Este ended.")
	ruiz := entityNamed(t, a, "Ana Ruiz")
	assert.True(t, ruiz.Titled)
	assert.Equal(t, []string{"Del. Ana Ruiz"}, mentionTexts(a, ruiz))
	punta := entityNamed(t, a, "Punta del Este")
	assert.False(t, punta.Titled)
}

// TestAttributionTable: each quotation has its attribution, one without
// has none, and only quotations with something to say take an entry, so
// a paragraph of unattributed quotation marks costs four bytes each.
func TestAttributionTable(t *testing.T) {
	text := "“We will win,” said Mara Lind. “Yes.”\n\nThe crowd chanted " + strings.Repeat("“word ", 500)
	a := parse("t.txt", text)
	require.Greater(t, len(a.Quotes), 500)
	assert.Equal(t, "Mara Lind", a.pm.Entities[a.pm.Attribution(0).Entity].Name)
	assert.Equal(t, "after-quote", a.pm.Attribution(0).Pattern)
	assert.Equal(t, int32(0), a.pm.Attribution(1).Continues) // “Yes.” continues
	for _, qi := range []int{-1, 5, len(a.Quotes) - 1, len(a.Quotes), 1 << 20} {
		assert.Equal(t, noAttribution, a.pm.Attribution(qi), "quotation %d", qi)
	}
	assert.Equal(t, "before-quote", a.pm.Attribution(2).Pattern) // "The crowd chanted", no one named
	assert.Len(t, a.pm.attributions.list, 3)
	n := 0
	for qi, at := range a.pm.Attributions {
		assert.Equal(t, n, qi)
		assert.Equal(t, a.pm.Attribution(qi), at)
		n++
	}
	assert.Equal(t, len(a.Quotes), n)
}
