package engine

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Walk lists what CollectWith lists, giving each target as it is found.
func TestWalkStreamsWhatCollectLists(t *testing.T) {
	noGitConfig(t)
	root := t.TempDir()
	put(t, root, map[string]string{
		"a/.git/HEAD": "ref: refs/heads/main\n", "a/one.txt": "One.", "a/b/two.md": "Two.", "a/b/c/three.html": "<p>Three.</p>",
		"a/skip.png": "x", "a/.hidden/four.txt": "Four.", "a/.gitignore": "ignored.txt\n", "a/ignored.txt": "No.",
		"empty/x.png": "x",
	})
	paths := []string{filepath.Join(root, "a"), filepath.Join(root, "missing.txt"), filepath.Join(root, "empty")}
	all, err := CollectWith(paths, nil, "", nil, nil, WalkOptions{})
	require.NoError(t, err)
	var streamed []Target
	require.NoError(t, Walk(paths, nil, WalkOptions{}, func(t Target) { streamed = append(streamed, t) }))
	assert.Equal(t, listed(t, root, all), listed(t, root, streamed))
	assert.Equal(t, []string{"a/b/c/three.html", "a/b/two.md", "a/one.txt",
		"empty: directory holds no .txt, .md, .markdown, .html or .htm file",
		"missing.txt: no such file or directory"}, listed(t, root, streamed))
}

// AnalyseWalk analyses every file a walk finds, and says why it could not
// read the others.
func TestAnalyseWalk(t *testing.T) {
	root := t.TempDir()
	put(t, root, map[string]string{
		"one.txt": "Mayor Ana Ruiz said it.", "sub/two.md": "# Two\n\nSenator Tom Reyes spoke.", "sub/bin.txt": "\x00\x01\x02",
	})
	l := &Linter{}
	var mu sync.Mutex
	got := map[string]string{}
	err := l.AnalyseWalk([]string{root}, nil, WalkOptions{}, func(tg Target, f *File, err error) {
		mu.Lock()
		defer mu.Unlock()
		rel, _ := filepath.Rel(root, tg.Path)
		if err != nil {
			got[filepath.ToSlash(rel)] = "error: " + err.Error()
			return
		}
		got[filepath.ToSlash(rel)] = f.People.Entities[0].Name
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{
		"one.txt":     "Ana Ruiz",
		"sub/two.md":  "Tom Reyes",
		"sub/bin.txt": "error: binary file (NUL bytes, control characters or mostly not UTF-8): not linted",
	}, got)
}

// Walk remembers nothing of the files it finds: one a walk reaches twice
// (here through a link to it inside the tree) is given twice, where
// CollectWith lists it once. (Directories are still walked once.)
func TestWalkRemembersNoFile(t *testing.T) {
	root := t.TempDir()
	put(t, root, map[string]string{"a/sub/one.txt": "One."})
	require.NoError(t, os.Symlink("sub/one.txt", filepath.Join(root, "a", "again.txt")))
	require.NoError(t, os.Symlink("sub", filepath.Join(root, "a", "subdir")))
	paths := []string{filepath.Join(root, "a")}
	all, err := CollectWith(paths, nil, "", nil, nil, WalkOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"a/sub/one.txt"}, listed(t, root, all))
	var streamed []Target
	require.NoError(t, Walk(paths, nil, WalkOptions{}, func(t Target) { streamed = append(streamed, t) }))
	assert.Equal(t, []string{"a/again.txt", "a/sub/one.txt"}, listed(t, root, streamed))
}
