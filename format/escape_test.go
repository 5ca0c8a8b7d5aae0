package format

import (
	"bytes"
	"encoding/json"
	"errors"
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
