package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindStopsAtRepositoryRoot: discovery does not climb past the top
// of a git work tree (a .git directory or file), nor past the home
// directory, and never reads a shared temporary folder (world-writable,
// sticky): a newslint.toml planted above a checkout does not apply to it.
// The repository's own, and the home's own, still apply.
func TestFindStopsAtRepositoryRoot(t *testing.T) {
	root := t.TempDir()
	t.Setenv("HOME", filepath.Join(root, "home"))
	planted := filepath.Join(root, "newslint.toml")
	require.NoError(t, os.WriteFile(planted, []byte("max-file-size = 1\n"), 0o644))
	mkdir := func(parts ...string) string {
		d := filepath.Join(append([]string{root}, parts...)...)
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}

	// A checkout (.git directory) and a linked work tree or submodule
	// (.git file) below the planted file.
	repo := mkdir("checkout", "content", "2024")
	require.NoError(t, os.Mkdir(filepath.Join(root, "checkout", ".git"), 0o755))
	worktree := mkdir("worktree", "content")
	require.NoError(t, os.WriteFile(filepath.Join(root, "worktree", ".git"), []byte("gitdir: /elsewhere\n"), 0o644))
	home := mkdir("home", "articles", "drafts")
	plain := mkdir("plain", "a")
	for _, d := range []string{repo, worktree, home} {
		assert.Equal(t, "", Find(d), "the newslint.toml above %s does not apply", d)
	}
	assert.Equal(t, planted, Find(plain), "outside a work tree and the home, the search goes on up")

	// The repository's own configuration, at its top, applies.
	own := filepath.Join(root, "checkout", ".newslint.toml")
	require.NoError(t, os.WriteFile(own, nil, 0o644))
	assert.Equal(t, own, Find(repo))
	homeOwn := filepath.Join(root, "home", "newslint.toml")
	require.NoError(t, os.WriteFile(homeOwn, nil, 0o644))
	assert.Equal(t, homeOwn, Find(home))

	// A shared temporary folder is neither read nor climbed past.
	shared := mkdir("tmp")
	require.NoError(t, os.Chmod(shared, 0o777|os.ModeSticky))
	require.NoError(t, os.WriteFile(filepath.Join(shared, "newslint.toml"), nil, 0o644))
	mine := mkdir("tmp", "mine", "story")
	assert.Equal(t, "", Find(mine))
	assert.Equal(t, "", Find(shared))

	// Where each search stopped.
	assert.Equal(t, filepath.Join(root, "checkout"), SearchTop(repo))
	assert.Equal(t, filepath.Join(root, "worktree"), SearchTop(worktree))
	assert.Equal(t, filepath.Join(root, "home"), SearchTop(home))
	assert.Equal(t, filepath.Join(shared, "mine"), SearchTop(mine))

	// One Finder for many directories gives the same answers.
	var f Finder
	assert.Equal(t, own, f.Find(repo))
	assert.Equal(t, "", f.Find(worktree))
	assert.Equal(t, planted, f.Find(plain))
	assert.Equal(t, own, f.Find(filepath.Join(root, "checkout")))
}

// A newslint.toml in a checkout that is a link out of the checkout is not
// read: a pull request under review cannot make newslint read (and echo in
// its errors) a file elsewhere on the machine. A link inside the checkout,
// and a link named with --config, are read.
func TestConfigLinkOutOfTheRepositoryIsNotRead(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	outside := filepath.Join(root, "outside")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "conf"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "desk"), 0o755))
	require.NoError(t, os.MkdirAll(outside, 0o755))
	secret := filepath.Join(outside, "secret.toml")
	require.NoError(t, os.WriteFile(secret, []byte("password = \"hunter2\"\n"), 0o644))
	require.NoError(t, os.Symlink(secret, filepath.Join(repo, "newslint.toml")))
	inside := filepath.Join(repo, "conf", "newslint.toml")
	require.NoError(t, os.WriteFile(inside, []byte("max-same-issues = 10\n"), 0o644))
	require.NoError(t, os.Symlink(inside, filepath.Join(repo, "desk", "newslint.toml")))

	s := NewSet(nil, nil, "")
	_, err := s.For(repo)
	require.Error(t, err)
	require.Contains(t, err.Error(), "outside the repository")
	require.NotContains(t, err.Error(), "hunter2")
	require.NotContains(t, err.Error(), "password")

	_, err = s.For(filepath.Join(repo, "desk"))
	require.NoError(t, err, "a link inside the checkout is read")

	_, err = NewSet(nil, nil, filepath.Join(repo, "newslint.toml")).For(repo)
	require.Error(t, err, "named with --config it is read (and its unknown key refused)")
	require.Contains(t, err.Error(), "password")
}
