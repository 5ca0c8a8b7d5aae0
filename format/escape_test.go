package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostile is a result whose path, message and error hold what must never
// reach a terminal or break a line-based format.
func hostile() []linter.FileResult {
	f := linter.Finding{Rule: "name-spelling", Severity: linter.Error, Message: "“Sm\x1b[31mith” \u202eevil\nsecond line",
		Start: article.Position{Line: 1, Column: 1}, End: article.Position{Line: 1, Column: 2, Offset: 1}}
	return []linter.FileResult{
		{Path: "dir/new\nline\x1b]0;title\a.txt", Findings: []linter.Finding{f}},
		{Path: "bad\xffname.txt", Err: errors.New("cannot read \x1b[2J")},
	}
}

func TestTextEscapesControls(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Text{}.Format(&b, hostile(), nil))
	out := b.String()
	assert.Equal(t, 2, strings.Count(out, "\n"), "one line per finding or error:\n%s", out)
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\a")
	assert.NotContains(t, out, "\u202e")
	assert.Contains(t, out, `dir/new\nline\x1b]0;title\x07.txt:1:1: error: “Sm\x1b[31mith” \u202eevil\nsecond line (name-spelling)`)
	assert.Contains(t, out, `bad\xffname.txt: error: cannot read \x1b[2J`)
}

func TestGitHubAndCheckstyleEscapeControls(t *testing.T) {
	for _, f := range []Formatter{GitHub{}, Checkstyle{}} {
		var b bytes.Buffer
		require.NoError(t, f.Format(&b, hostile(), nil))
		out := b.String()
		assert.NotContains(t, out, "\x1b", "%T", f)
		assert.NotContains(t, out, "\a", "%T", f)
		assert.NotContains(t, out, "\xff", "%T", f)
	}
	var b bytes.Buffer
	require.NoError(t, GitHub{}.Format(&b, hostile(), nil))
	assert.Equal(t, 2, strings.Count(b.String(), "\n"), b.String())
}

func TestJSONKeepsPathsRecoverable(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, JSON{}.Format(&b, hostile(), nil))
	var v struct {
		Files []struct{ Path string } `json:"files"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &v))
	var paths []string
	for _, f := range v.Files {
		paths = append(paths, f.Path)
	}
	assert.Contains(t, paths, `bad\xffname.txt`)
	assert.Contains(t, paths, "dir/new\nline\x1b]0;title\a.txt", "JSON escapes controls itself")
}

func TestSARIFURIs(t *testing.T) {
	assert.Equal(t, "./a:b.txt", fileURI("a:b.txt"))
	assert.Equal(t, "dir/a:b.txt", fileURI("dir/a:b.txt"))
	assert.Equal(t, "bad%FFname.txt", fileURI("bad\xffname.txt"))
	assert.Equal(t, "my%20file.txt", fileURI("my file.txt"))
	assert.Equal(t, "file:///abs/a.txt", fileURI("/abs/a.txt"))
}

// manyFindings is a result with n findings of each severity.
func manyFindings(n int) []linter.FileResult {
	var fs []linter.Finding
	for i := 0; i < n; i++ {
		for _, sev := range []linter.Severity{linter.Info, linter.Warning, linter.Error} {
			fs = append(fs, linter.Finding{Rule: "r", Severity: sev, Message: "m|<x>",
				Start: article.Position{Line: i + 1, Column: 1}, End: article.Position{Line: i + 1, Column: 2}})
		}
	}
	return []linter.FileResult{{Path: "a.txt", Findings: fs}}
}

// TestGitHubCaps: most severe first, at most ten of each level, and a
// closing notice that counts the rest; the job summary has them all.
func TestGitHubCaps(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	var b bytes.Buffer
	require.NoError(t, GitHub{Opts: Options{StepSummary: summary}}.Format(&b, manyFindings(12), nil))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 30, b.String())
	assert.True(t, strings.HasPrefix(lines[0], "::error "), lines[0])
	assert.True(t, strings.HasPrefix(lines[10], "::warning "), lines[10])
	assert.True(t, strings.HasPrefix(lines[20], "::notice "), lines[20])
	assert.Equal(t, 10, strings.Count(b.String(), "::notice "), "nine notices and the closing one")
	assert.Contains(t, lines[29], "::notice title=newslint::7 more finding(s) not shown as annotations")
	assert.Contains(t, lines[29], "the job summary lists every finding")
	md, err := os.ReadFile(summary)
	require.NoError(t, err)
	assert.Contains(t, string(md), "### newslint: 36 finding(s)")
	assert.Equal(t, 36, strings.Count(string(md), "| a.txt |"))
	assert.Contains(t, string(md), `m\|&lt;x&gt;`, "table cells are escaped")

	// Under the caps nothing is dropped and no notice is added.
	b.Reset()
	require.NoError(t, GitHub{}.Format(&b, manyFindings(3), nil))
	assert.Equal(t, 9, strings.Count(b.String(), "\n"))
	assert.NotContains(t, b.String(), "more finding")
}

// TestPathsPerFormat: rdjsonl and checkstyle name files as given (relative
// to the working directory, as reviewdog reads them); github and SARIF
// relative to the repository root.
func TestPathsPerFormat(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	root := filepath.Dir(wd) // the repository root, one up from the working directory
	res := []linter.FileResult{{Path: "a.txt", Findings: manyFindings(1)[0].Findings[:1]}}
	want := map[string]string{
		"rdjsonl":    `"path":"a.txt"`,
		"checkstyle": `name="a.txt"`,
		"github":     "file=format/a.txt,",
		"sarif":      `"uri": "format/a.txt"`,
	}
	for name, w := range want {
		f, err := New(name, Options{BaseDir: root})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, f.Format(&b, res, nil))
		assert.Contains(t, b.String(), w, name)
	}
}

// TestJSONMatchesEncodingJSON: the JSON formatter writes exactly what
// encoding/json writes with a two-space indent and HTML unescaped: for no
// files, a file with no findings, a file that failed, findings with and
// without suggestions, edits and related places, and strings holding
// every byte, bytes that are not UTF-8, U+2028, U+2029 and characters
// outside the BMP.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 256; c++ {
		all.WriteByte(byte(c))
	}
	odd := all.String() + "\u2028\u2029 😀 <&> “quoted” \\ \" é\xc3"
	pos := func(l, c, o int) article.Position { return article.Position{Line: l, Column: c, Offset: o} }
	rich := linter.Finding{Rule: "name-spelling", Severity: linter.Warning, Message: odd, Start: pos(3, 4, 50), End: pos(3, 9, 55),
		Suggestions: []linter.Suggestion{
			{Message: "replace " + odd, Edits: []linter.Edit{{Start: pos(3, 4, 50), End: pos(3, 9, 55), NewText: odd}, {Start: pos(9, 1, 99), End: pos(9, 2, 100), NewText: ""}}},
			{Message: "no edits"},
		},
		Related: []linter.Related{{Start: pos(1, 1, 0), End: pos(1, 5, 4), Message: "first " + odd}}}
	plain := linter.Finding{Rule: "quote-attribution", Severity: linter.Info, Message: "m", Start: pos(1, 1, 0), End: pos(1, 2, 1)}
	many := make([]linter.FileResult, 300) // a document of several pieces
	for i := range many {
		many[i] = linter.FileResult{Path: fmt.Sprint("f", i, ".txt"), Findings: []linter.Finding{rich, plain}}
	}
	for _, results := range [][]linter.FileResult{
		many,
		nil,
		{{Path: "empty.txt"}},
		append(hostile(), linter.FileResult{Path: odd, Findings: []linter.Finding{rich, plain}}, linter.FileResult{Path: "e.txt", Err: errors.New(odd)}),
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(ToJSON(results)))
		var got bytes.Buffer
		require.NoError(t, JSON{}.Format(&got, results, nil))
		require.Equal(t, want.String(), got.String())
	}
}

// BenchmarkJSON writes the document of a run over 2,000 files with a few
// findings each, as the dev set gives.
func BenchmarkJSON(b *testing.B) {
	pos := func(l, c, o int) article.Position { return article.Position{Line: l, Column: c, Offset: o} }
	f := linter.Finding{Rule: "name-spelling", Severity: linter.Error, Message: "“Nazarbaev” looks like a misspelling of “Nazarbayev”, which the article uses 3 times (first on line 2)",
		Start: pos(5, 10, 300), End: pos(5, 19, 309),
		Suggestions: []linter.Suggestion{{Message: "replace with “Nazarbayev”", Edits: []linter.Edit{{Start: pos(5, 10, 300), End: pos(5, 19, 309), NewText: "Nazarbayev"}}}},
		Related:     []linter.Related{{Start: pos(2, 1, 40), End: pos(2, 11, 50), Message: "the spelling “Nazarbayev”, first used here"}}}
	results := make([]linter.FileResult, 2000)
	for i := range results {
		results[i] = linter.FileResult{Path: fmt.Sprintf("dev/article-%04d.txt", i), Findings: []linter.Finding{f, f, f}}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := (JSON{}).Format(io.Discard, results, nil); err != nil {
			b.Fatal(err)
		}
	}
}
