//go:build unix

package safeio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
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

// TestReadSized: a file is read whole when it holds the size it was
// measured to hold or less (it shrank), even in short reads; one that
// grew is read on when a read brings the byte past its size, up to the
// limit; a size of 0 says nothing, and the file is read to its end (/proc
// files measure 0). Never more than the limit and one byte is read.
func TestReadSized(t *testing.T) {
	read := func(r io.Reader, size int, limit int64) (string, error) {
		b, err := readSized(r, size, limit)
		return string(b), err
	}
	for _, c := range []struct {
		content string
		size    int
	}{{"12345", 5}, {"12345", 7}, {"12345", 0}, {"", 0}} {
		// iotest.OneByteReader makes every read short.
		got, err := read(iotest.OneByteReader(strings.NewReader(c.content)), c.size, 100)
		require.NoError(t, err, "%+v", c)
		assert.Equal(t, c.content, got, "%+v", c)
	}
	got, err := read(strings.NewReader("1234567890"), 4, 100) // grew
	require.NoError(t, err)
	assert.Equal(t, "1234567890", got)

	lr := &countingReader{r: strings.NewReader(strings.Repeat("x", 1000))}
	_, err = read(lr, 4, 8) // grew past the limit
	var tl *TooLargeError
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, int64(8), tl.Limit)
	assert.LessOrEqual(t, lr.n, 9)

	if st, err := os.Stat("/proc/self/status"); err == nil && st.Size() == 0 {
		data, err := ReadFile("/proc/self/status", 1<<20)
		require.NoError(t, err)
		assert.Contains(t, string(data), "Name:")
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += k
	return k, err
}
