package lsp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The editor gets the same cap as the command line: the first 50
// findings of a rule, and one information diagnostic counting the rest.
func TestMaxSameIssuesInTheEditor(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	uri := "file:///tmp/many.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": strings.Repeat("a bad day\n", 60)}})
	d := c.diagnostics(uri, 1)
	require.Len(t, d, 51)
	assert.Equal(t, [4]int{49, 2, 49, 5}, rangeOf(d[49]))
	last := d[50].(map[string]any)
	assert.Equal(t, [4]int{50, 2, 50, 5}, rangeOf(d[50]), "at the first one not shown")
	assert.Equal(t, d[0].(map[string]any)["severity"], last["severity"], "the severity of the findings it stands for")
	assert.Equal(t, "10 more “bad-word” findings in this file not shown (max-same-issues = 50; 0 shows all)", last["message"])
}
