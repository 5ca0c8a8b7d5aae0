package inspect

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
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
