package linter

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// wordRule reports every occurrence of the word "bad", with a fix.
var wordRule = &Rule{Name: "bad-word", Doc: "reports bad", Severity: Warning, Run: func(p *Pass) {
	for i, tk := range p.Article.Tokens {
		if p.Article.Tok(i) == "bad" {
			p.Report(tk.Span, "the word “bad”", p.Fix("use good", tk.Span, "good"))
		}
	}
}}

var panicRule = &Rule{Name: "panics", Doc: "always panics", Severity: Error, Run: func(p *Pass) {
	if strings.Contains(p.Article.Src.Text, "boom") {
		panic("boom")
	}
}}

func TestLintRecoversFromPanics(t *testing.T) {
	l := &Linter{Rules: []*Rule{panicRule, wordRule}, Config: DefaultConfig([]*Rule{panicRule, wordRule})}
	fs, _, errMsg := l.Lint("x.txt", []byte("boom and bad"))
	require.Len(t, fs, 1, "the other rule still ran")
	assert.Equal(t, "bad-word", fs[0].Rule)
	assert.Contains(t, errMsg, "internal error in rule panics: boom")

	fs, _, errMsg = l.Lint("y.txt", []byte("all bad"))
	assert.Len(t, fs, 1)
	assert.Empty(t, errMsg)
}

func TestLintDisabledRuleAndSeverity(t *testing.T) {
	cfg := DefaultConfig([]*Rule{wordRule})
	cfg.Rules["bad-word"].Severity = Error
	l := &Linter{Rules: []*Rule{wordRule}, Config: cfg}
	fs, _, _ := l.Lint("x.txt", []byte("bad"))
	require.Len(t, fs, 1)
	assert.Equal(t, Error, fs[0].Severity)
	cfg.Rules["bad-word"].Enabled = false
	fs, _, _ = l.Lint("x.txt", []byte("bad"))
	assert.Empty(t, fs)
}

func TestLintTargetsMixedInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	good := write("good.txt", "A bad day.\n")
	bin := write("bin.txt", "abc\x00\x01\x02")
	big := write("big.md", strings.Repeat("x", 200))
	write("ignored.json", "{}")
	sub := filepath.Join(dir, ".hidden")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	write(".hidden/skip.txt", "bad")
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.MkdirAll(empty, 0o755))

	cfg := DefaultConfig([]*Rule{wordRule})
	cfg.MaxFileSize = 100
	l := &Linter{Rules: []*Rule{wordRule}, Config: cfg}
	targets := Collect([]string{dir, filepath.Join(dir, "missing.txt"), empty}, nil, "")
	res := l.LintTargets(targets)
	byPath := map[string]FileResult{}
	for _, r := range res {
		byPath[r.Path] = r
	}
	require.Len(t, byPath[good].Findings, 1)
	assert.Contains(t, byPath[bin].Err, "binary")
	assert.Contains(t, byPath[big].Err, "over the limit")
	assert.Contains(t, byPath[filepath.Join(dir, "missing.txt")].Err, "no such file")
	assert.Contains(t, byPath[empty].Err, "no .txt")
	_, hidden := byPath[filepath.Join(sub, "skip.txt")]
	assert.False(t, hidden)
	for i := 1; i < len(res); i++ {
		assert.LessOrEqual(t, res[i-1].Path, res[i].Path, "results are sorted by path")
	}
}

func TestLintTargetsStdin(t *testing.T) {
	l := &Linter{Rules: []*Rule{wordRule}}
	res := l.LintTargets(Collect([]string{"-"}, strings.NewReader("so bad"), "article.txt"))
	require.Len(t, res, 1)
	assert.Equal(t, "article.txt", res[0].Path)
	require.Len(t, res[0].Findings, 1)
	assert.Equal(t, Position{Line: 1, Column: 4, Offset: 3, ByteColumn: 4}, res[0].Findings[0].Start)
	assert.Equal(t, Position{Line: 1, Column: 7, Offset: 6, ByteColumn: 7}, res[0].Findings[0].End)
}

func goldenResults() []FileResult {
	l := &Linter{Rules: []*Rule{wordRule}}
	fs, _, _ := l.Lint("news/a.txt", []byte("Headline\n\n“Très bad,” she said.\r\nA bad end.\n"))
	return []FileResult{
		{Path: "news/a.txt", Findings: fs},
		{Path: "news/b.bin", Err: "binary file (NUL bytes or mostly invalid UTF-8): not linted"},
		{Path: "news/c.txt", Findings: nil},
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./linter -update to create golden files, then read them")
	assert.Equal(t, string(want), string(got))
}

func TestFormatters(t *testing.T) {
	for _, name := range FormatNames() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			wd, err := os.Getwd()
			require.NoError(t, err)
			f, err := NewFormatter(name, FormatOptions{BaseDir: wd, Version: "0.0.0-test", InformationURI: "https://example.org/newslint"})
			require.NoError(t, err)
			require.NoError(t, f.Format(&buf, goldenResults(), []*Rule{wordRule}))
			checkGolden(t, "format."+name, buf.Bytes())
		})
	}
}
