package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// touch writes text to path with a modification time of its own.
func touch(t *testing.T, path, text string, at time.Time) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	require.NoError(t, os.Chtimes(path, at, at))
}

// A run reads each source once, whatever happens to it; a watching
// session (the language server) indexes each set once too, and again
// only when a file of it changes, is added to its folder, or comes back
// after it was removed.
func TestSourcesWatch(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "transcript.txt")
	folder := filepath.Join(dir, "more")
	require.NoError(t, os.Mkdir(folder, 0o755))
	t0 := time.Now().Add(-time.Hour)
	touch(t, tr, "OKONJO: The terminal will open in September.\n", t0)
	cfg := &linter.Config{SourcePaths: []string{tr, folder}}
	article := []byte("An article.\n")

	run := &Sources{}
	first, err := run.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.NoError(t, err)
	touch(t, tr, "OKONJO: The terminal will open in October, not September.\n", t0.Add(time.Minute))
	again, err := run.For(cfg, filepath.Join(dir, "b.txt"), article, markup.Text)
	require.NoError(t, err)
	assert.Same(t, first, again, "a run reads its sources once")
	assert.Equal(t, 2, run.Reads())

	w := &Sources{Watch: true}
	idx, err := w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.NoError(t, err)
	for range 3 {
		again, err := w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
		require.NoError(t, err)
		assert.Same(t, idx, again, "an unchanged set is indexed once")
	}
	assert.Equal(t, 2, w.Reads(), "each source read once")
	words := idx.Words()

	// The transcript changes: it is read again, the folder is not.
	touch(t, tr, "OKONJO: The terminal will open in September, and the night service will run every day.\n", t0.Add(2*time.Minute))
	idx2, err := w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.NoError(t, err)
	assert.NotSame(t, idx, idx2)
	assert.Greater(t, idx2.Words(), words)
	assert.Equal(t, 3, w.Reads())

	// A file added to the folder is read.
	touch(t, filepath.Join(folder, "statement.txt"), "The board approved the budget.\n", t0)
	idx3, err := w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.NoError(t, err)
	assert.Equal(t, 2, idx3.Files())
	assert.Equal(t, 4, w.Reads())

	// A removed source is an error naming it, and is tried again.
	require.NoError(t, os.Rename(tr, tr+".bak"))
	_, err = w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "transcript.txt")
	require.NoError(t, os.Rename(tr+".bak", tr))
	idx4, err := w.For(cfg, filepath.Join(dir, "a.txt"), article, markup.Text)
	require.NoError(t, err)
	assert.Equal(t, 2, idx4.Files())
}

// A watching session keeps a bounded number of sets of sources.
func TestSourcesWatchBounded(t *testing.T) {
	dir := t.TempDir()
	w := &Sources{Watch: true}
	for i := range 3 * maxWatchedSets {
		p := filepath.Join(dir, fmt.Sprintf("t%d.txt", i))
		touch(t, p, "Q: Why?\n", time.Now())
		_, err := w.For(&linter.Config{SourcePaths: []string{p}}, filepath.Join(dir, "a.txt"), nil, markup.Text)
		require.NoError(t, err)
		w.mu.Lock()
		assert.LessOrEqual(t, len(w.sets), maxWatchedSets)
		w.mu.Unlock()
	}
}

// Sources an article's front matter or its configuration names must be
// inside the git work tree that holds the article: an article under
// review cannot make newslint read, and quote in its findings, a file
// elsewhere on the machine (through a path or a link). --source may name
// anything; outside a work tree nothing is refused.
func TestSourcesStayInTheRepository(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "outside"), 0o755))
	secret := filepath.Join(root, "outside", "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("ADMIN: the password is hunter2\n"), 0o644))
	inside := filepath.Join(repo, "transcript.txt")
	require.NoError(t, os.WriteFile(inside, []byte("OKONJO: The terminal will open in September.\n"), 0o644))
	require.NoError(t, os.Symlink(secret, filepath.Join(repo, "link.txt")))
	art := filepath.Join(repo, "a.md")
	front := func(p string) []byte { return []byte("---\nsources: [" + p + "]\n---\nAn article.\n") }

	s := &Sources{}
	for _, p := range []string{"../outside/secret.txt", "link.txt", secret} {
		_, err := s.For(&linter.Config{}, art, front(p), markup.Markdown)
		require.Error(t, err, p)
		assert.Contains(t, err.Error(), "outside the repository", p)
		assert.NotContains(t, err.Error(), "hunter2", p)
	}
	_, err := s.For(&linter.Config{SourcePaths: []string{secret}}, art, []byte("An article.\n"), markup.Text)
	require.Error(t, err, "a configuration's source outside")
	assert.Contains(t, err.Error(), "outside the repository")

	idx, err := s.For(&linter.Config{}, art, front("transcript.txt"), markup.Markdown)
	require.NoError(t, err)
	require.NotNil(t, idx)
	idx, err = (&Sources{Extra: []string{secret}}).For(&linter.Config{}, art, []byte("An article.\n"), markup.Text)
	require.NoError(t, err, "--source names anything")
	require.NotNil(t, idx)
	elsewhere := filepath.Join(root, "outside", "a.md")
	_, err = s.For(&linter.Config{}, elsewhere, front("secret.txt"), markup.Markdown)
	require.NoError(t, err, "outside a work tree nothing is refused")
}
