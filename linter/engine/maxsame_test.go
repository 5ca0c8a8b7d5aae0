package engine

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// backwardRule reports every "bad", last first: the cap keeps the first
// in text order whatever order a rule reports in.
var backwardRule = &linter.Rule{Name: "bad-backward", Doc: "reports bad, from the end", Severity: linter.Error, Run: func(pass *linter.Pass) {
	for i := len(pass.Article.Tokens) - 1; i >= 0; i-- {
		if pass.Article.Tok(i) == "bad" {
			pass.Report(pass.Article.Tokens[i].Span(), "bad, seen backwards")
		}
	}
}}

// badOffsets is the byte offset of each "bad word" in text.
func badOffsets(text string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], "bad word")
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 3
	}
}

func byRule(fs []linter.Finding) map[string][]linter.Finding {
	m := map[string][]linter.Finding{}
	for _, f := range fs {
		m[f.Rule] = append(m[f.Rule], f)
	}
	return m
}

// TestMaxSameIssues: past the cap, a rule's findings in a file are the
// first max-same-issues in text order, then one info finding at the first
// dropped one that counts the rest; each rule is capped on its own; 0
// keeps every finding.
func TestMaxSameIssues(t *testing.T) {
	rules := []*linter.Rule{wordRule, backwardRule}
	text := strings.Repeat("bad word. ", 120)
	offs := badOffsets(text)
	require.Len(t, offs, 120)

	cfg := linter.DefaultConfig(rules)
	require.Equal(t, 50, cfg.MaxSameIssues, "the default")
	l := &Linter{Rules: rules, Config: cfg}
	fs, err := l.Lint("x.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 2*51)
	for i := 1; i < len(fs); i++ {
		assert.LessOrEqual(t, fs[i-1].Start.Offset, fs[i].Start.Offset, "sorted")
	}
	for _, name := range []string{"bad-word", "bad-backward"} {
		got := byRule(fs)[name]
		require.Len(t, got, 51, name)
		for i, f := range got[:50] {
			assert.Equal(t, offs[i], f.Start.Offset, "%s finding %d", name, i)
			assert.NotEqual(t, linter.Info, f.Severity)
		}
		last := got[50]
		assert.Equal(t, got[0].Severity, last.Severity, "the closing finding has the severity of those it stands for")
		assert.Equal(t, offs[50], last.Start.Offset, "at the first finding not shown")
		assert.Equal(t, offs[50]+3, last.End.Offset)
		assert.Equal(t, "70 more “"+name+"” findings in this file not shown (max-same-issues = 50; 0 shows all)", last.Message)
		assert.Empty(t, last.Suggestions)
	}

	cfg.MaxSameIssues = 7
	fs, err = l.Lint("x.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	got := byRule(fs)["bad-backward"]
	require.Len(t, got, 8)
	assert.Equal(t, offs[6], got[6].Start.Offset)
	assert.Equal(t, offs[7], got[7].Start.Offset)
	assert.Equal(t, "113 more “bad-backward” findings in this file not shown (max-same-issues = 7; 0 shows all)", got[7].Message)

	cfg.MaxSameIssues = 0
	fs, err = l.Lint("x.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	assert.Len(t, fs, 240, "0 shows all")

	// Exactly the cap: nothing more is said.
	cfg.MaxSameIssues = 120
	fs, err = l.Lint("x.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	assert.Len(t, fs, 240)
}

// TestMaxSameIssuesAfterSuppression: findings an inline directive
// silences do not count against the cap, and still mark the directive
// used.
func TestMaxSameIssuesAfterSuppression(t *testing.T) {
	rules := []*linter.Rule{wordRule}
	text := "<!-- newslint-disable bad-word -->\n\n" + strings.Repeat("bad word. ", 10) +
		"\n\n<!-- newslint-enable bad-word -->\n\n" + strings.Repeat("bad word. ", 30) + "\n"
	offs := badOffsets(text)
	require.Len(t, offs, 40)
	cfg := linter.DefaultConfig(rules)
	cfg.MaxSameIssues = 5
	l := &Linter{Rules: rules, Config: cfg, ReportUnusedSuppressions: true}
	fs, err := l.Lint("x.md", []byte(text), markup.Markdown)
	require.NoError(t, err)
	require.Len(t, fs, 6, "no unused-suppression finding: the directive silenced ten")
	for i, f := range fs[:5] {
		assert.Equal(t, offs[10+i], f.Start.Offset)
	}
	assert.Equal(t, offs[15], fs[5].Start.Offset)
	assert.Equal(t, "25 more “bad-word” findings in this file not shown (max-same-issues = 5; 0 shows all)", fs[5].Message)
}
