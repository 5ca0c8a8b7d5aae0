//go:build unix

package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// linkedTree is a tree under root/repo whose links lead inside it and out
// of it (to root/outside, to an absolute path, to /).
func linkedTree(t *testing.T) (root string) {
	root = t.TempDir()
	put(t, root, map[string]string{
		"repo/a.txt":              "a",
		"repo/sub/b.txt":          "b",
		"outside/secret.txt":      "secret",
		"outside/dir/c.txt":       "c",
		"repo/sub/inside.md/x.md": "x",
	})
	repo := filepath.Join(root, "repo")
	for link, target := range map[string]string{
		"notes.txt":      "../outside/secret.txt",
		"abs.txt":        filepath.Join(root, "outside", "secret.txt"),
		"share":          "../outside/dir",
		"everything":     "/",
		"in.txt":         "sub/b.txt",
		"sub/up":         "..",             // a loop, inside
		"sub/via.txt":    "../share/c.txt", // through a link that leads out
		"sub/deep.txt":   "../sub/../sub/./b.txt",
		"sub/broken.txt": "nowhere.txt",
		"sub/sibling":    "../../repo/sub/inside.md",
	} {
		require.NoError(t, os.Symlink(target, filepath.Join(repo, link)))
	}
	return root
}

// TestWalkStaysInsideItsRoots: a walk follows links whose target is
// inside a directory named, and no other (a link to a file outside, to
// a directory outside, to /), telling SkippedLink of each; a link named
// on the command line is followed; FollowLinks follows every link.
func TestWalkStaysInsideItsRoots(t *testing.T) {
	root := linkedTree(t)
	repo := filepath.Join(root, "repo")
	skipped := map[string]string{}
	opts := WalkOptions{SkippedLink: func(link, target string) { skipped[link] = target }}
	targets, err := CollectWith([]string{repo}, nil, "", nil, nil, opts)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"repo/a.txt", "repo/sub/b.txt", "repo/sub/broken.txt: broken symbolic link: no such file or directory",
		"repo/sub/inside.md/x.md",
	}, listed(t, root, targets), "nothing outside repo is listed, and each file once")
	out := filepath.Join(root, "outside")
	assert.Equal(t, map[string]string{
		filepath.Join(repo, "notes.txt"):      filepath.Join(out, "secret.txt"),
		filepath.Join(repo, "abs.txt"):        filepath.Join(out, "secret.txt"),
		filepath.Join(repo, "share"):          filepath.Join(out, "dir"),
		filepath.Join(repo, "everything"):     "/",
		filepath.Join(repo, "sub", "via.txt"): filepath.Join(out, "dir", "c.txt"),
	}, skipped)

	// Two roots: a link from one into the other is inside (and its
	// target listed once, under its own path).
	skipped = map[string]string{}
	targets, err = CollectWith([]string{out, repo}, nil, "", nil, nil, opts)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"outside/dir/c.txt", "outside/secret.txt",
		"repo/a.txt", "repo/sub/b.txt", "repo/sub/broken.txt: broken symbolic link: no such file or directory",
		"repo/sub/inside.md/x.md",
	}, listed(t, root, targets))
	assert.Equal(t, map[string]string{filepath.Join(repo, "everything"): "/"}, skipped)

	// A link named is followed: its target is the root.
	targets, err = CollectWith([]string{filepath.Join(repo, "share"), filepath.Join(repo, "notes.txt")}, nil, "", nil, nil, WalkOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"repo/notes.txt", "repo/share/c.txt"}, listed(t, root, targets))

	// A directory whose only files lie outside says so.
	empty := filepath.Join(root, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))
	require.NoError(t, os.Symlink("../outside/secret.txt", filepath.Join(empty, "s.txt")))
	targets, err = CollectWith([]string{empty}, nil, "", nil, nil, WalkOptions{})
	require.NoError(t, err)
	require.Len(t, targets, 1)
	assert.ErrorContains(t, targets[0].Err, "--follow-links")

	// FollowLinks: today's walk, which leaves the tree (not into / here:
	// the test would read the whole file system).
	require.NoError(t, os.Remove(filepath.Join(repo, "everything")))
	targets, err = CollectWith([]string{repo}, nil, "", nil, nil, WalkOptions{FollowLinks: true})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"repo/a.txt", "repo/abs.txt", "repo/sub/b.txt",
		"repo/sub/broken.txt: broken symbolic link: no such file or directory", "repo/sub/inside.md/x.md",
		"repo/sub/via.txt",
	}, listed(t, root, targets))
}

// deepTree is a chain of depth directories under root, with an article
// and a link to it at the bottom.
func deepTree(t testing.TB, root string, depth int) {
	d := root
	for range depth {
		d = filepath.Join(d, "d")
	}
	require.NoError(t, os.MkdirAll(d, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(d, "a.txt"), []byte("a"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(root, "top.txt"), filepath.Join(d, "up.txt")))
	require.NoError(t, os.WriteFile(filepath.Join(root, "top.txt"), []byte("t"), 0o644))
}

// TestDeepWalkIsLinear: a walk 1,500 directories deep takes a moment (it
// took 37 s when every directory's real path was looked up afresh, which
// is cubic in the depth).
func TestDeepWalkIsLinear(t *testing.T) {
	root := t.TempDir()
	deepTree(t, root, 1500)
	start := time.Now()
	targets, err := CollectWith([]string{root}, nil, "", nil, nil, WalkOptions{})
	require.NoError(t, err)
	assert.Len(t, targets, 2, "a.txt, and top.txt once (up.txt is a link to it)")
	assert.Less(t, time.Since(start), 3*time.Second)
}

// BenchmarkDeepWalk: the walk of a chain of directories, at two depths;
// the time grows with the directories (and the length of their paths,
// which the system reads each time), not with a power of the depth.
func BenchmarkDeepWalk(b *testing.B) {
	for _, depth := range []int{500, 1000} {
		root := b.TempDir()
		deepTree(b, root, depth)
		b.Run(fmt.Sprintf("depth-%d", depth), func(b *testing.B) {
			for b.Loop() {
				if ts, _ := CollectWith([]string{root}, nil, "", nil, nil, WalkOptions{}); len(ts) != 2 {
					b.Fatal(ts)
				}
			}
		})
	}
}
