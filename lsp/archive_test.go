package lsp

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// powellArticles are n articles of a newsroom's archive that name
// Federal Reserve Chair Jerome Powell, dated.
func powellArticles(n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("---\ndate: 2026-0%d-1%d\n---\nFederal Reserve Chair Jerome Powell said on day %d that rates would hold.\n\nPowell spoke in Washington.\n", i+1, i, i))
	}
	return out
}

// writeAuthority builds the name authority of Markdown articles and
// writes it to path.
func writeAuthority(t *testing.T, path string, articles []string) {
	t.Helper()
	b := archive.NewBuilder()
	for i, text := range articles {
		a, _ := markup.Parse(fmt.Sprintf("a%d.md", i), []byte(text), markup.Markdown)
		_, err := b.Add(archive.Collect(a, people.Analyse(a, nil)))
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf))
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// TestArchiveInTheEditor: the language server checks names against the
// authority its configuration names, shows its evidence on hover, reads
// it again when it is rebuilt, and shows a broken one once, naming it.
func TestArchiveInTheEditor(t *testing.T) {
	dir := t.TempDir()
	nla := filepath.Join(dir, "names.nla")
	writeAuthority(t, nla, powellArticles(2))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "newslint.toml"), []byte("[archive]\npath = \"names.nla\"\n"), 0o644))
	c := start(t, rules.All())
	c.initialize()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "brief.txt"))
	text := "Federal Reserve Chair Jerome Powel said on Thursday that rates would hold.\n\nMarkets rose.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	assert.Empty(t, c.diagnostics(uri, 1), "two articles of the archive are not enough to call Powel a slip")

	// The authority is built again, from four articles: the next lint
	// reads it.
	time.Sleep(10 * time.Millisecond) // a new modification time
	writeAuthority(t, nla, powellArticles(4))
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": text}}})
	d := c.diagnostics(uri, 2)
	require.Len(t, d, 1)
	diag := d[0].(map[string]any)
	assert.Equal(t, "name-spelling", diag["code"])
	assert.Equal(t, "“Powel”: this newsroom has spelled Jerome Powell “Powell” in 4 articles (latest 2026-04-13)", diag["message"])
	assert.Equal(t, [4]int{0, 29, 0, 34}, rangeOf(diag))

	// Hovering a name the archive knows shows its evidence.
	known := "file://" + filepath.ToSlash(filepath.Join(dir, "known.txt"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": known, "languageId": "plaintext", "version": 1,
		"text": "Federal Reserve Chair Jerome Powell said rates would hold.\n"}})
	assert.Empty(t, c.diagnostics(known, 1))
	r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": known}, "position": map[string]any{"line": 0, "character": 31}})
	value := r["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	assert.Contains(t, value, "**Jerome Powell**: person")
	assert.Contains(t, value, "In this newsroom's archive: “Jerome Powell” in 4 articles, 2026-01-10 to 2026-04-13; titles: Chair (4)")
	// A hover on a name it does not know says nothing of it.
	r = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 31}})
	assert.NotContains(t, r["result"].(map[string]any)["contents"].(map[string]any)["value"], "archive")

	// A broken authority is shown once, naming its file; the last good
	// one is kept.
	time.Sleep(10 * time.Millisecond)
	require.NoError(t, os.WriteFile(nla, []byte("\x89NLA\r\n\x1a\ntruncated"), 0o644))
	shown := 0
	for v := 3; v <= 4; v++ {
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}}})
		for {
			m := c.next()
			if m["method"] == "window/showMessage" {
				shown++
				msg := m["params"].(map[string]any)["message"].(string)
				assert.Contains(t, msg, "names.nla")
				assert.Contains(t, msg, "newslint.toml")
				continue
			}
			if m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == uri {
				assert.Len(t, m["params"].(map[string]any)["diagnostics"], 1, "the last good authority is kept")
				break
			}
		}
	}
	assert.Equal(t, 1, shown)
}

// TestArchiveHoverIsCapped: a person with hundreds of titles in the
// archive makes a hover of a few hundred bytes.
func TestArchiveHoverIsCapped(t *testing.T) {
	var arts []string
	for i := range 300 {
		// A title of its own in each: "Qaxb Minister".
		word := []byte{'Q', 'a' + byte(i%26), 'x', 'a' + byte(i/26)}
		arts = append(arts, fmt.Sprintf("%s Minister Ana Lind spoke on Monday.\n\nLind said so.\n", word))
	}
	dir := t.TempDir()
	nla := filepath.Join(dir, "names.nla")
	writeAuthority(t, nla, arts)
	auth, err := archive.Open(nla)
	require.NoError(t, err)
	a, _ := markup.Parse("x.txt", []byte("Minister Ana Lind spoke.\n"), markup.Text)
	pm := people.Analyse(a, nil)
	require.NotEmpty(t, pm.Entities)
	ev := archiveEvidence(auth, &pm.Entities[0])
	assert.True(t, strings.HasPrefix(ev, "In this newsroom's archive: “Ana Lind” in 300 articles"), ev)
	assert.Contains(t, ev, "; titles: Qaxa Minister (1), Qaxb Minister (1), Qaxc Minister (1), Qaxd Minister (1), Qaxe Minister (1), … and 295 more")
	assert.LessOrEqual(t, len(ev), hoverArchiveMax)
}
