//go:build unix

package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadFileRefusesFIFOWithoutBlocking(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	require.NoError(t, syscall.Mkfifo(p, 0o644))
	done := make(chan error, 1)
	go func() { _, err := ReadFile(p, 100); done <- err }()
	select {
	case err := <-done:
		var nr *NotRegularError
		require.ErrorAs(t, err, &nr)
		assert.Contains(t, err.Error(), "named pipe")
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFile blocked on a FIFO")
	}
}

func TestReadLimits(t *testing.T) {
	f, err := os.Open("/dev/zero")
	require.NoError(t, err)
	defer f.Close()
	_, err = ReadLimited(f, 1000)
	var tl *TooLargeError
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, int64(1000), tl.Limit)

	_, err = ReadFile("/dev/zero", 1000)
	var nr *NotRegularError
	require.ErrorAs(t, err, &nr)
	assert.Contains(t, err.Error(), "character device")

	p := filepath.Join(t.TempDir(), "a.txt")
	require.NoError(t, os.WriteFile(p, []byte("12345"), 0o644))
	_, err = ReadFile(p, 4)
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, int64(5), tl.Size)
	data, err := ReadFile(p, 5)
	require.NoError(t, err)
	assert.Equal(t, "12345", string(data))
}

func TestReplaceKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o640))
	require.NoError(t, Replace(p, []byte("old"), []byte("new text")))
	got, _ := os.ReadFile(p)
	assert.Equal(t, "new text", string(got))
	st, _ := os.Stat(p)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file left")
}

func TestReplaceRefusesAChangedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	require.NoError(t, os.WriteFile(p, []byte("old\nEDIT\n"), 0o644))
	err := Replace(p, []byte("old\n"), []byte("new\n"))
	assert.True(t, errors.Is(err, ErrChanged), "%v", err)
	got, _ := os.ReadFile(p)
	assert.Equal(t, "old\nEDIT\n", string(got), "the edit is kept")
}

func TestReplaceFollowsSymlinkAndKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o644))
	require.NoError(t, os.Symlink("target.txt", link))
	require.NoError(t, Replace(link, []byte("old"), []byte("new")))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, fi.Mode()&os.ModeSymlink != 0, "the link is still a link")
	got, _ := os.ReadFile(target)
	assert.Equal(t, "new", string(got), "the target is fixed")

	hard := filepath.Join(dir, "hard.txt")
	require.NoError(t, os.Link(target, hard))
	require.NoError(t, Replace(hard, []byte("new"), []byte("newer, longer")))
	got, _ = os.ReadFile(target)
	assert.Equal(t, "newer, longer", string(got), "both names see the fix")
	require.NoError(t, Replace(target, []byte("newer, longer"), []byte("short")))
	got, _ = os.ReadFile(hard)
	assert.Equal(t, "short", string(got), "a shorter text truncates")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".newslint-"), e.Name())
	}
}
