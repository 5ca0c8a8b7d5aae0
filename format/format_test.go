package format

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// wordRule reports every occurrence of the word "bad", with a fix.
var wordRule = &linter.Rule{Name: "bad-word", Doc: "reports bad", Severity: linter.Warning, Run: func(pass *linter.Pass) {
	for i, tk := range pass.Article.Tokens {
		if pass.Article.Tok(i) == "bad" {
			pass.Report(tk.Span(), "the word “bad”", pass.Fix("use good", tk.Span(), "good"))
		}
	}
}}

func goldenResults(t *testing.T) []linter.FileResult {
	l := &engine.Linter{Rules: []*linter.Rule{wordRule}}
	fs, err := l.Lint("news/a.txt", []byte("Headline\n\n“Très bad,” she said.\r\nA bad end.\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 2)
	return []linter.FileResult{
		{Path: "news/a.txt", Findings: fs},
		{Path: "news/b.bin", Err: errors.New("binary file (NUL bytes or mostly invalid UTF-8): not linted")},
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
	require.NoError(t, err, "run go test ./format -update to create golden files, then read them")
	assert.Equal(t, string(want), string(got))
}

func TestFormatters(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			wd, err := os.Getwd()
			require.NoError(t, err)
			f, err := New(name, Options{BaseDir: wd, Version: "0.0.0-test", InformationURI: "https://example.org/newslint"})
			require.NoError(t, err)
			require.NoError(t, f.Format(&buf, goldenResults(t), []*linter.Rule{wordRule}))
			checkGolden(t, "format."+name, buf.Bytes())
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := New("yaml", Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "checkstyle, github, json, rdjsonl, sarif, text")
}
