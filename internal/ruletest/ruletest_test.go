package ruletest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badRule reports every word "bad", with "good" as the fix, and every
// word "odd" without a fix.
var badRule = &linter.Rule{Name: "bad-word", Doc: "reports bad", Severity: linter.Warning, Run: func(pass *linter.Pass) {
	a := pass.Article
	for i, tk := range a.Tokens {
		switch a.Tok(i) {
		case "bad":
			pass.Report(tk.Span(), "the word “bad”", pass.Fix("use good", tk.Span(), "good"))
		case "odd":
			pass.Report(tk.Span(), "the word “odd”/strange")
		}
	}
}}

func TestParseExpectation(t *testing.T) {
	e, err := parseExpectation(`11 quote-attribution "Andrei Kobyakov" /Lukashenko \(“the/`)
	require.NoError(t, err)
	assert.Equal(t, 11, e.Line)
	assert.Equal(t, 0, e.Column)
	assert.Equal(t, "quote-attribution", e.Rule)
	assert.Equal(t, "Andrei Kobyakov", e.Text)
	assert.True(t, e.Message.MatchString("… Lukashenko (“the Belarus President”)"))
	assert.Nil(t, e.Fix)

	e, err = parseExpectation(`3:7 name-spelling "Nazarbaev" /a \/ b/ fix "Nazarbayev"`)
	require.NoError(t, err)
	assert.Equal(t, 7, e.Column)
	assert.True(t, e.Message.MatchString("x a / b"))
	require.NotNil(t, e.Fix)
	assert.Equal(t, "Nazarbayev", *e.Fix)

	for _, bad := range []string{
		`x rule "t" /m/`,           // no line
		`3 rule t /m/`,             // unquoted text
		`3 rule "t" m`,             // no slashes
		`3 rule "t" /m/ fix`,       // fix without text
		`3 rule "t" /m/ because x`, // junk
		`3 rule "t" /(/`,           // bad regexp
	} {
		_, err := parseExpectation(bad)
		assert.Error(t, err, bad)
	}
}

func lint(t *testing.T, text string) []linter.Finding {
	t.Helper()
	a := article.ParseText("t.txt", text)
	u := &linter.Unit{Article: a, Config: linter.DefaultConfig([]*linter.Rule{badRule})}
	fs, err := u.Run(badRule, u.Config.For(badRule))
	require.NoError(t, err)
	return fs
}

func TestCompare(t *testing.T) {
	text := "A bad day.\nAn odd one.\n"
	fs := lint(t, text)
	require.Len(t, fs, 2)
	want := func(lines ...string) Want {
		var w Want
		for _, l := range lines {
			e, err := parseExpectation(l)
			require.NoError(t, err)
			e.Where = "t.want"
			w.Expect = append(w.Expect, e)
		}
		return w
	}
	ok := want(`1 bad-word "bad" /“bad”/ fix "good"`, `2:4 bad-word "odd" /odd”\/strange/`)
	assert.Empty(t, Compare([]byte(text), ok, fs))

	// A missing finding and an unexpected one both fail, in .want syntax.
	probs := Compare([]byte(text), want(`1 bad-word "bad" /“bad”/ fix "good"`, `2 bad-word "one" /odd/`), fs)
	require.Len(t, probs, 2)
	assert.Contains(t, probs[0], `missing:    t.want: 2 bad-word "one" /odd/`)
	assert.Contains(t, probs[1], `unexpected: 2:4 bad-word "odd" /the word “odd”\/strange/`)

	// The fix is checked: a wrong one, or a finding's fix left out.
	assert.Len(t, Compare([]byte(text), want(`1 bad-word "bad" /bad/ fix "fine"`, `2 bad-word "odd" /odd/`), fs), 2)
	assert.Len(t, Compare([]byte(text), want(`1 bad-word "bad" /bad/`, `2 bad-word "odd" /odd/`), fs), 2)
	// So are the line, the column and the rule.
	assert.Len(t, Compare([]byte(text), want(`2 bad-word "bad" /bad/ fix "good"`, `2 bad-word "odd" /odd/`), fs), 2)
	assert.Len(t, Compare([]byte(text), want(`1:4 bad-word "bad" /bad/ fix "good"`, `2 bad-word "odd" /odd/`), fs), 2)
	assert.Len(t, Compare([]byte(text), want(`1 other "bad" /bad/ fix "good"`, `2 bad-word "odd" /odd/`), fs), 2)
	// A clean article with a finding fails.
	assert.Len(t, Compare([]byte(text), Want{None: true}, fs), 2)
}

func TestReadWant(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	w, err := ReadWant(write("a.want", "# the point\n\nnone\n"))
	require.NoError(t, err)
	assert.True(t, w.None)
	_, err = ReadWant(write("b.want", "# only a comment\n"))
	assert.ErrorContains(t, err, "no expectations")
	_, err = ReadWant(write("c.want", "none\n1 r \"x\" /y/\n"))
	assert.ErrorContains(t, err, "none")
	_, err = ReadWant(write("d.want", "1 r x\n"))
	assert.ErrorContains(t, err, "d.want:1")
	_, err = ReadWant(filepath.Join(dir, "missing.want"))
	assert.Error(t, err)
}

func TestCases(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"r/a.txt", "r/b.md", "r/c.html", "r/a.want", "s/z.txt"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), nil, 0o644))
	}
	cs, err := Cases(dir)
	require.NoError(t, err)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	assert.Equal(t, "r/a.txt r/b.md r/c.html s/z.txt", strings.Join(names, " "))
}
