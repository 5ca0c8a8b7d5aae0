//go:build unix

package safeio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new version replaces a file at once on Commit, keeping its mode and
// a link to it; Abort leaves it as it was; nothing is left beside it.
func TestAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "names.nla")

	a, err := CreateAtomic(path)
	require.NoError(t, err)
	_, err = a.WriteString("one")
	require.NoError(t, err)
	assert.NoFileExists(t, path, "nothing is seen before Commit")
	require.NoError(t, a.Commit())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "one", string(data))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	assert.Error(t, a.Commit(), "once only")

	require.NoError(t, os.Chmod(path, 0o600))
	link := filepath.Join(dir, "link.nla")
	require.NoError(t, os.Symlink("names.nla", link))
	a, err = CreateAtomic(link)
	require.NoError(t, err)
	_, err = a.WriteString("two")
	require.NoError(t, err)
	require.NoError(t, a.Commit())
	data, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "two", string(data), "the link's target is replaced")
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	st, err = os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "the mode is kept")

	a, err = CreateAtomic(path)
	require.NoError(t, err)
	_, err = a.WriteString("three")
	require.NoError(t, err)
	a.Abort()
	a.Abort()
	data, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "two", string(data), "Abort leaves the file as it was")

	_, err = CreateAtomic(dir)
	assert.Error(t, err, "a directory is not replaced")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"names.nla", "link.nla"}, names, "no temporary file is left")

	f, err := CreateTemp(dir, "run-*")
	require.NoError(t, err)
	f.Close()
	RemoveTemp(f.Name())
	assert.NoFileExists(t, f.Name())
}
