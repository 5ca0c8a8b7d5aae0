package inspect

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/source"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuild(t *testing.T) {
	text := "Port reopens\n\nMayor Irene Walsh reopened the port. Walsh said she was relieved.\n\n“Ships are back,” said Walsh."
	a := article.ParseText("t.txt", text)
	rep := Build(a, people.Analyse(a, nil))
	require.Len(t, rep.Paragraphs, 3)
	assert.True(t, rep.Paragraphs[0].Headline)
	assert.Equal(t, "Irene Walsh", rep.Paragraphs[1].Subject)
	require.Len(t, rep.Entities, 1)
	e := rep.Entities[0]
	assert.Equal(t, "Irene Walsh", e.Name)
	assert.Equal(t, []string{"Mayor"}, e.Roles)
	require.Len(t, e.Mentions, 3)
	assert.Equal(t, Location{Text: "Mayor Irene Walsh", Line: 3, Column: 1, Offset: 14, EndOffset: 31}, e.Mentions[0].Location)
	require.Len(t, e.Pronouns, 1)
	assert.Equal(t, "she", e.Pronouns[0].Text)
	require.Len(t, rep.Quotes, 1)
	q := rep.Quotes[0]
	require.NotNil(t, q.Speaker)
	assert.Equal(t, "Walsh", q.Speaker.Text)
	assert.Equal(t, "Irene Walsh", q.Entity)
	assert.Equal(t, "after-quote", q.Pattern)
	out := rep.Text()
	assert.Contains(t, out, `speaker "Walsh" at 5:24 -> Irene Walsh (after-quote, cue "said")`)
	assert.True(t, strings.HasPrefix(out, "t.txt\n"))
}

// Each quotation shows its source, what the source is, the pattern and
// cue that decided it and, for a continuation, the quotation it continues;
// in JSON too. A quotation inside the paragraph's first one (single
// quotes) is not listed, so indexes count double quotations only.
func TestQuoteSources(t *testing.T) {
	text := "Port reopens\n\n" +
		"“Ships are back,” said Mayor Irene Walsh. “And the 'old' quay too.”\n\n" +
		"The harbour board said in a statement: “Traffic will resume on Monday.”\n\n" +
		"The quay was rebuilt in 1990.\n\n" +
		"“It is a scare quote” in a sentence with no cue."
	a := article.ParseText("t.txt", text)
	rep := Build(a, people.Analyse(a, nil))
	require.Len(t, rep.Quotes, 4)

	q := rep.Quotes[0]
	require.NotNil(t, q.Speaker)
	assert.Equal(t, "Mayor Irene Walsh", q.Speaker.Text)
	assert.Equal(t, "person", q.SpeakerKind)
	assert.Equal(t, "after-quote", q.Pattern)
	require.NotNil(t, q.Cue)
	assert.Equal(t, "said", q.Cue.Text)
	assert.Nil(t, q.ContinuesQuote)

	q = rep.Quotes[1]
	assert.Equal(t, "continues", q.Pattern)
	require.NotNil(t, q.ContinuesQuote)
	assert.Equal(t, 0, *q.ContinuesQuote)
	assert.Nil(t, q.Cue)

	q = rep.Quotes[2]
	require.NotNil(t, q.Speaker)
	assert.Equal(t, "The harbour board", q.Speaker.Text)
	assert.Equal(t, "phrase", q.SpeakerKind)
	assert.Equal(t, "", q.Entity)
	assert.Equal(t, "before-quote", q.Pattern)

	assert.Nil(t, rep.Quotes[3].Speaker)

	js, err := json.Marshal(rep)
	require.NoError(t, err)
	for _, want := range []string{`"pattern":"continues"`, `"continuesQuote":0`, `"speakerKind":"phrase"`, `"cue":{"text":"said"`} {
		assert.Contains(t, strings.ReplaceAll(string(js), " ", ""), strings.ReplaceAll(want, " ", ""))
	}
	out := rep.Text()
	assert.Contains(t, out, `speaker "Mayor Irene Walsh" at 3:24 -> Irene Walsh (after-quote, cue "said")`)
	assert.Contains(t, out, `(continues, continues the quote at 3:1)`)
	assert.Contains(t, out, `speaker "The harbour board" at 5:1 -> phrase (before-quote, cue "said")`)
}

func TestAgesAreNotRoles(t *testing.T) {
	a := article.ParseText("a.txt", "Harbour\n\nMaria Lopez, 52, a nurse from Leeds, said she would vote for the plan. Senator Tom Haller, 61, disagreed.\n")
	rep := Build(a, people.Analyse(a, nil))
	got := map[string][2]any{}
	for _, e := range rep.Entities {
		got[e.Name] = [2]any{e.Roles, e.Ages}
	}
	assert.Equal(t, []int{52}, got["Maria Lopez"][1])
	assert.NotContains(t, got["Maria Lopez"][0], "52")
	assert.Equal(t, []int{61}, got["Tom Haller"][1])
	assert.Contains(t, got["Tom Haller"][0], "Senator")
}

// Each quotation lists where each of its parts is in the sources (file,
// line, column, speaker, the source's words, how they match), that it is
// not there, or that it is too short to look up.
func TestAddSources(t *testing.T) {
	idx := source.Build([]source.File{{Path: "t.txt", Text: []byte("Q: Will fares rise?\n\nOKONJO: Fares will stay where they are until next spring. After that we will review them.\n")}})
	text := "Fares frozen\n\n“Fares will stay where they are until spring,” said Ruth Okonjo. " +
		"“Fares will stay where they are … we will review them,” she said. “We are proud of the new terminal,” she said. " +
		"She called it “a fine place”.\n"
	a := article.ParseText("a.txt", text)
	rep := Build(a, people.Analyse(a, nil))
	AddSources(&rep, a, idx)
	require.Len(t, rep.Quotes, 4)

	s := rep.Quotes[0].Source
	require.NotNil(t, s)
	assert.Equal(t, &QuoteSource{Checked: true, Found: true, Passages: []SourcePassage{{Found: true, File: "t.txt", Line: 3, Column: 9,
		Speakers: []string{"OKONJO"}, Text: "Fares will stay where they are until next spring", Match: "changed"}}}, s)

	s = rep.Quotes[1].Source
	require.Len(t, s.Passages, 2)
	assert.Equal(t, "Fares will stay where they are", s.Passages[0].Text)
	assert.Equal(t, "we will review them", s.Passages[1].Text)
	assert.Equal(t, "exact", s.Passages[1].Match)

	assert.Equal(t, &QuoteSource{Checked: true, Passages: []SourcePassage{{}}}, rep.Quotes[2].Source)
	assert.Equal(t, &QuoteSource{}, rep.Quotes[3].Source)

	out := rep.Text()
	for _, want := range []string{
		"      source t.txt:3:9 OKONJO (changed): “Fares will stay where they are until next spring”\n",
		"      source (part 2 of 2) t.txt:3:70 OKONJO (exact): “we will review them”\n",
		"      source: not found in the sources\n",
		"      source: not looked up (fewer than four words)\n",
	} {
		assert.Contains(t, out, want)
	}

	// No sources: nothing.
	rep = Build(a, people.Analyse(a, nil))
	AddSources(&rep, a, nil)
	assert.Nil(t, rep.Quotes[0].Source)
	assert.NotContains(t, rep.Text(), "source")
}
