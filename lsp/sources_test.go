package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const briefingTranscript = "Harbour briefing (written for newslint's tests)\n\n" +
	"OKONJO: Thank you all for coming. Fares will stay where they are until next spring. After that we will review them with the council.\n\n" +
	"Q: Will the night service run every day?\n"

// hoverValue is the hover's text at line:character of uri, "" for none.
func (c *client) hoverValue(uri string, line, char int) string {
	c.t.Helper()
	r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": char}})
	res, _ := r["result"].(map[string]any)
	if res == nil {
		return ""
	}
	return res["contents"].(map[string]any)["value"].(string)
}

// Hovering a quotation shows where it is in the sources its configuration
// or front matter names (the place, the speaker, the source's words in
// their passage), or that it is not there, or too short to look up; a
// source that changes is read again at the next lint.
func TestQuoteSourceHover(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "t.txt")
	require.NoError(t, os.WriteFile(tr, []byte(briefingTranscript), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "newslint.toml"), []byte("[sources]\npaths = [\"t.txt\"]\n"), 0o644))
	c := start(t, rules.All())
	c.initialize()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "brief.txt"))
	text := "Fares frozen\n\n" +
		"“Fares will stay where they are until spring,” said Ruth Okonjo.\n\n" +
		"“We are proud of the new terminal,” she said.\n\n" +
		"She called it “a fine place”.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	var fidelity []string
	for _, d := range c.diagnostics(uri, 1) {
		if d.(map[string]any)["code"] == "quote-fidelity" {
			fidelity = append(fidelity, d.(map[string]any)["message"].(string))
		}
	}
	require.Len(t, fidelity, 2, "%q", fidelity)

	v := c.hoverValue(uri, 2, 5)
	assert.Contains(t, v, "**Source**: `"+filepath.ToSlash(tr)+":3:35`, OKONJO — the words differ")
	assert.Contains(t, v, "> Thank you all for coming. **Fares will stay where they are until next spring**. After that we will review them with the council\n")
	assert.Contains(t, c.hoverValue(uri, 4, 5), "**Source**: not found in the sources")
	assert.Contains(t, c.hoverValue(uri, 6, 16), "**Sources**: not looked up (fewer than four words)")
	assert.NotContains(t, c.hoverValue(uri, 2, 55), "Source", "a name in the tag shows the person")

	// The transcript is corrected: the next lint reads it again.
	time.Sleep(10 * time.Millisecond)
	require.NoError(t, os.WriteFile(tr, []byte(strings.Replace(briefingTranscript, "until next spring", "until spring", 1)), 0o644))
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": text}}})
	fidelity = nil
	for _, d := range c.diagnostics(uri, 2) {
		if d.(map[string]any)["code"] == "quote-fidelity" {
			fidelity = append(fidelity, d.(map[string]any)["message"].(string))
		}
	}
	assert.Equal(t, []string{"quotation not found in the sources"}, fidelity)
	assert.Contains(t, c.hoverValue(uri, 2, 5), "OKONJO — as said")

	// A Markdown document's front matter names its sources, relative to
	// it.
	md := "file://" + filepath.ToSlash(filepath.Join(dir, "story", "s.md"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": md, "languageId": "markdown", "version": 1,
		"text": "---\nsources: [../t.txt]\n---\nRuth Okonjo spoke.\n\n\"After that we will review them,\" Okonjo said.\n"}})
	c.diagnostics(md, 1)
	assert.Contains(t, c.hoverValue(md, 5, 3), "OKONJO — as said")
}

// The session reads each set of sources once, however many lints and
// configuration reloads, and again when a file of it changes; the hover
// of a quotation hundreds of words long is capped.
func TestSourcesReadOncePerSession(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "t.txt")
	long := strings.Repeat("the harbour board will review the night service timetable with the council every spring ", 40)
	require.NoError(t, os.WriteFile(tr, []byte(briefingTranscript+"\nOKONJO: "+long+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "newslint.toml"), []byte("[sources]\npaths = [\"t.txt\"]\n"), 0o644))
	cs := newConfigs(rules.All(), nil)
	path := filepath.Join(dir, "brief.txt")
	text := []byte("Fares frozen\n\n“Fares will stay where they are until spring,” said Ruth Okonjo. “" + long + "” she said.\n")
	var first *lintResult
	for i := range 5 {
		if i == 3 {
			cs.forget() // a newslint.toml changed somewhere
		}
		l, err := cs.linter(path)
		require.NoError(t, err)
		res := lintText(l, "file://"+path, path, "plaintext", text, encUTF16)
		require.NoError(t, res.err)
		require.NotNil(t, res.sources)
		if first == nil {
			first = res
		}
		assert.Same(t, first.sources, res.sources, "lint %d: the set indexed at the first lint", i)
	}
	assert.Equal(t, 1, cs.sources.Reads())

	// The hover of the long quotation is capped.
	off := strings.Index(string(text), long[:20])
	h := first.quoteHover(off)
	require.NotNil(t, h)
	assert.Contains(t, h.Contents.Value, "OKONJO — as said")
	assert.Less(t, len(h.Contents.Value), 2*hoverTextMax, h.Contents.Value)

	time.Sleep(10 * time.Millisecond)
	require.NoError(t, os.WriteFile(tr, []byte(briefingTranscript), 0o644))
	l, _ := cs.linter(path)
	res := lintText(l, "file://"+path, path, "plaintext", text, encUTF16)
	assert.NotSame(t, first.sources, res.sources)
	assert.Equal(t, 2, cs.sources.Reads())
}
