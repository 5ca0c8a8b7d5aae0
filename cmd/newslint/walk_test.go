//go:build unix

package main

// Issue 21, items 6, 10, 13 and 14, through the real binary: a walk that
// stays inside the directories named and is linear in their depth, a
// configuration found no higher than the repository, and one nested too
// deep refused at once.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 21, item 13: links out of the tree. newslint . in a repository
// whose links lead out of it (to a file beside it, to /etc/passwd, to
// /usr/share, to /) reads nothing outside it and --fix writes nothing
// there; --verbose names the links not followed; a link named is
// followed; --follow-links follows them all.
func TestWalkNeverLeavesItsRoots(t *testing.T) {
	base := t.TempDir()
	article := string(fixable(t))
	secret := writeFile(t, base, "outside/secret.txt", article)
	writeFile(t, base, "outside/dir/other.txt", article)
	repo := filepath.Join(base, "repo")
	inside := writeFile(t, repo, "story.txt", article)
	writeFile(t, repo, "sub/.keep", "")
	links := map[string]string{
		"notes.txt":   "../outside/secret.txt",
		"passwd.txt":  "/etc/passwd",
		"share":       "/usr/share",
		"root":        "/",
		"dir":         filepath.Join(base, "outside", "dir"),
		"sub/via.txt": "../dir/other.txt",
		"same.txt":    "story.txt",
	}
	for link, target := range links {
		require.NoError(t, os.Symlink(target, filepath.Join(repo, link)))
	}

	r := runLimited(t, repo, nil, 60*time.Second, "--fix", ".")
	got, err := os.ReadFile(secret)
	require.NoError(t, err)
	assert.Equal(t, article, string(got), "the file outside is not rewritten")
	got, err = os.ReadFile(filepath.Join(base, "outside", "dir", "other.txt"))
	require.NoError(t, err)
	assert.Equal(t, article, string(got), "nor the one reached through a directory link")
	got, err = os.ReadFile(inside)
	require.NoError(t, err)
	assert.NotContains(t, string(got), "Zelinsky", "the file inside is fixed: %s", r.stderr)
	for _, name := range []string{"notes.txt", "passwd", "share", "root", "via.txt", "dir"} {
		assert.NotContains(t, r.stdout+r.stderr, name, "a link out of the tree is not followed")
	}
	assert.Equal(t, 1, strings.Count(r.stderr, ": fixed"), "the article and its in-tree link are one file: %s", r.stderr)
	assert.Contains(t, r.stderr, "story.txt: fixed")

	r = runLimited(t, repo, nil, 60*time.Second, "--verbose", ".")
	for _, name := range []string{"notes.txt", "passwd.txt", "share", "root", "dir", filepath.Join("sub", "via.txt")} {
		assert.Contains(t, r.stderr, "symbolic link "+name+" not followed", "--verbose names %s", name)
	}
	assert.Contains(t, r.stderr, "--follow-links")
	assert.NotContains(t, r.stderr, "same.txt", "a link inside is followed (and its file linted once)")

	// A link named is followed, and nothing is said of it.
	r = runLimited(t, repo, nil, 60*time.Second, "notes.txt", "dir")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, "notes.txt:5:")
	assert.Contains(t, r.stdout, filepath.Join("dir", "other.txt")+":5:")

	// --follow-links: as before, out of the tree (not to / or /usr/share,
	// which the test would read whole).
	for _, big := range []string{"root", "share", "passwd.txt"} {
		require.NoError(t, os.Remove(filepath.Join(repo, big)))
	}
	r = runLimited(t, repo, nil, 60*time.Second, "--follow-links", ".")
	assert.Contains(t, r.stdout, "notes.txt:5:")
	assert.Contains(t, r.stdout, filepath.Join("sub", "via.txt")+":5:")
}

// Issue 21, item 10: a walk 1,500 directories deep (37 s before, the real
// path of each directory being looked up component by component).
func TestDeepDirectoriesFinish(t *testing.T) {
	base := t.TempDir()
	deep := filepath.Join(base, strings.Repeat("d"+string(filepath.Separator), 1500))
	require.NoError(t, os.MkdirAll(deep, 0o755))
	writeFile(t, deep, "a.txt", unbalanced)
	r := runLimited(t, base, nil, 15*time.Second, ".")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, "a.txt:3:1:")
}

// Issue 21, item 14: a newslint.toml above the repository does not apply
// in it (nor above the home); --verbose says which configuration applies.
func TestConfigStopsAtRepositoryRoot(t *testing.T) {
	base := t.TempDir()
	t.Setenv("HOME", filepath.Join(base, "home"))
	writeFile(t, base, "newslint.toml", "[rules.quote-balance]\nenabled = false\n")
	repo := filepath.Join(base, "checkout")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	writeFile(t, repo, "content/a.txt", unbalanced)
	writeFile(t, base, "home/drafts/b.txt", unbalanced)
	writeFile(t, base, "plain/c.txt", unbalanced)

	r := runLimited(t, repo, nil, 20*time.Second, "--verbose", "content")
	assert.Equal(t, 1, r.code, "the planted configuration does not apply: %s", r.stderr)
	assert.Contains(t, r.stdout, "a.txt:3:1:")
	assert.Contains(t, r.stderr, "configuration: the built-in defaults (no newslint.toml in ")
	r = runLimited(t, filepath.Join(base, "home"), nil, 20*time.Second, "drafts")
	assert.Equal(t, 1, r.code, "nor in the home directory: %s", r.stderr)
	r = runLimited(t, filepath.Join(base, "plain"), nil, 20*time.Second, "--verbose", ".")
	assert.Equal(t, 0, r.code, "elsewhere the search goes on up: %s", r.stdout)
	assert.Contains(t, r.stderr, "configuration "+filepath.Join(base, "newslint.toml")+" for 1 file")

	// The repository's own applies, and --verbose names it; so does
	// --config.
	own := writeFile(t, repo, "newslint.toml", "[rules.quote-balance]\nseverity = \"info\"\n")
	r = runLimited(t, repo, nil, 20*time.Second, "--verbose", ".")
	assert.Contains(t, r.stdout, "a.txt:3:1: info:")
	assert.Contains(t, r.stderr, "configuration "+own+" for 1 file")
	r = runLimited(t, repo, nil, 20*time.Second, "--verbose", "--config", filepath.Join(base, "newslint.toml"), ".")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stderr, "configuration "+filepath.Join(base, "newslint.toml")+" for 1 file")
}

// Issue 21, item 6: a configuration nested 8,000 deep (26 s and 1.5 GB
// before; 120 KB ran out of memory) is refused at once.
func TestDeepConfigRefused(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", clean)
	for _, depth := range []int{8_000, 40_000} {
		writeFile(t, dir, "deep.toml", "x = {"+strings.Repeat("a={", depth-1)+strings.Repeat("}", depth)+"\n")
		r := runLimited(t, dir, nil, 10*time.Second, "--config", "deep.toml", good)
		assert.Equal(t, 2, r.code)
		assert.Contains(t, r.stderr, "deep.toml:1:197: arrays and inline tables nested more than 64 deep")
	}
}
