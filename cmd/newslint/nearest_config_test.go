package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConfigNearestEachFile: each file is linted under the newslint.toml
// nearest it, as in the editor, not the one nearest the working
// directory; --config applies to every file.
func TestConfigNearestEachFile(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/newslint.toml", "[rules.quote-balance]\nenabled = false\n")
	writeFile(t, root, "content/a.txt", unbalanced)
	writeFile(t, root, "content/deep/c.txt", unbalanced)
	writeFile(t, root, "other/b.txt", unbalanced)

	r := runIn(t, root, "", "content", "other")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, filepath.Join("other", "b.txt")+":3:1: warning:")
	assert.NotContains(t, r.stdout, "a.txt")
	assert.NotContains(t, r.stdout, "c.txt")

	r = runIn(t, root, "", filepath.Join("content", "a.txt"))
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	r = runIn(t, root, unbalanced, "--stdin-filename", filepath.Join("content", "x.txt"), "-")
	assert.Equal(t, 0, r.code, "standard input is linted under the configuration nearest its --stdin-filename: %s", r.stdout)
	r = runIn(t, filepath.Join(root, "content"), "", filepath.Join("..", "other", "b.txt"))
	assert.Equal(t, 1, r.code, "from content/, a file outside it is linted under its own configuration")

	// Another configuration above: it applies where content's does not.
	writeFile(t, root, "newslint.toml", "[rules.quote-balance]\nseverity = \"error\"\n")
	r = runIn(t, root, "", ".")
	assert.Contains(t, r.stdout, filepath.Join("other", "b.txt")+":3:1: error:")
	assert.NotContains(t, r.stdout, "a.txt")

	// --config applies to every file, wherever it is.
	all := writeFile(t, t.TempDir(), "all.toml", "[rules.quote-balance]\nseverity = \"info\"\n")
	r = runIn(t, root, "", "--config", all, ".")
	for _, f := range []string{"content/a.txt", "content/deep/c.txt", "other/b.txt"} {
		assert.Contains(t, r.stdout, filepath.FromSlash(f)+":3:1: info:")
	}

	// --enable turns a rule on in every file's configuration.
	r = runIn(t, root, "", "--enable", "quote-balance", "content")
	assert.Contains(t, r.stdout, filepath.Join("content", "a.txt")+":3:1:")

	// A broken configuration is an error for a run that lints a file
	// under it, and only for such a run.
	writeFile(t, root, "content/newslint.toml", "[rules.quote-balance\nenabled = false\n")
	r = runIn(t, root, "", ".")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, filepath.Join("content", "newslint.toml")+":1:21: expected '.' or ']'")
	r = runIn(t, root, "", "other")
	assert.Equal(t, 1, r.code, r.stderr)
}

// TestWalkSkipsIgnoredAndExcluded: a directory walk skips what git
// ignores and what exclude names in the configuration of each directory;
// a file named is linted all the same.
func TestWalkSkipsIgnoredAndExcluded(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, ".git"), 0o755))
	writeFile(t, root, ".gitignore", "node_modules/\n")
	writeFile(t, root, "node_modules/pkg/NOTICE.txt", unbalanced)
	writeFile(t, root, "content/newslint.toml", "exclude = [\"drafts/\"]\n")
	writeFile(t, root, "content/drafts/d.txt", unbalanced)
	writeFile(t, root, "content/a.txt", unbalanced)
	writeFile(t, root, "drafts/d.txt", unbalanced)

	r := runIn(t, root, "", ".")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, filepath.Join("content", "a.txt")+":3:1:")
	assert.Contains(t, r.stdout, filepath.Join("drafts", "d.txt")+":3:1:", "exclude is relative to its newslint.toml")
	assert.NotContains(t, r.stdout, "NOTICE.txt")
	assert.NotContains(t, r.stdout, filepath.Join("content", "drafts"))

	r = runIn(t, root, "", filepath.Join("node_modules", "pkg", "NOTICE.txt"), filepath.Join("content", "drafts", "d.txt"))
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, "NOTICE.txt:3:1:")
	assert.Contains(t, r.stdout, filepath.Join("content", "drafts", "d.txt")+":3:1:")
}

// TestInspectUsesNearestConfig: inspect reads a file under the
// configuration nearest it too (its people gazetteer here).
func TestInspectUsesNearestConfig(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "content/newslint.toml", "[[people]]\nname = \"Zorba Quillfeather\"\naliases = [\"Quill\"]\n")
	writeFile(t, root, "content/a.txt", "Budget passes\n\nQuill said the budget passed. Quill left.\n")
	r := runIn(t, root, "", "inspect", filepath.Join("content", "a.txt"))
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Zorba Quillfeather, person (in the people gazetteer)")
}
