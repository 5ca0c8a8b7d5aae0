package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func gazetteerLinter(t *testing.T) *linter.Linter {
	t.Helper()
	p := filepath.Join(t.TempDir(), "newslint.toml")
	require.NoError(t, os.WriteFile(p, []byte(`
[[people]]
name = "Alexander Lukashenko"
aliases = ["Lukashenka"]
titles = ["President of Belarus"]
gender = "male"
`), 0o644))
	cfg, err := linter.LoadConfig(newslint.DefaultConfig, p, All())
	require.NoError(t, err)
	return &linter.Linter{Rules: All(), Config: cfg}
}

func rulesOf(fs []linter.Finding) map[string][]linter.Finding {
	out := map[string][]linter.Finding{}
	for _, f := range fs {
		out[f.Rule] = append(out[f.Rule], f)
	}
	return out
}

func TestGazetteerInformsRules(t *testing.T) {
	l := gazetteerLinter(t)
	text := "Minsk talks\n\nLukashenko met the delegation on Monday. Prime Minister Alexander Lukashenko said the talks went well, and she thanked the guests."
	fs, _, errMsg := l.Lint("a.txt", []byte(text))
	require.Empty(t, errMsg)
	by := rulesOf(fs)
	// The gazetteer lists him as president: "Prime Minister" is another office.
	require.Len(t, by["title-consistency"], 1)
	assert.Contains(t, by["title-consistency"][0].Message, "President of Belarus")
	// A famous name from the gazetteer needs no introduction.
	assert.Empty(t, by["unintroduced-person"])
	// The gazetteer's gender is evidence for pronouns.
	require.Len(t, by["pronoun-consistency"], 1)
	assert.Contains(t, by["pronoun-consistency"][0].Message, "“she” refers to Alexander Lukashenko")

	// Without the gazetteer: no title to compare, and the surname comes
	// before the full name.
	fs, _, _ = defaultLinter(t).Lint("a.txt", []byte(text))
	by = rulesOf(fs)
	assert.Empty(t, by["title-consistency"])
	assert.Len(t, by["unintroduced-person"], 1)
}
