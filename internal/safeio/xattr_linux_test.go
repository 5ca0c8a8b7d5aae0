package safeio

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// userXattr sets a user attribute on path, or skips the test where the
// file system has none.
func userXattr(t *testing.T, path, name, value string) {
	t.Helper()
	if err := syscall.Setxattr(path, name, []byte(value), 0); err != nil {
		t.Skipf("no user extended attributes here: %v", err)
	}
}

func getXattr(t *testing.T, path, name string) string {
	t.Helper()
	buf := make([]byte, 256)
	n, err := syscall.Getxattr(path, name, buf)
	require.NoError(t, err, "attribute %s of %s", name, path)
	return string(buf[:n])
}

// A fixed file keeps its extended attributes (ACLs and security labels are
// attributes too).
func TestReplaceKeepsExtendedAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("Nazarbaev said.\n"), 0o644))
	userXattr(t, path, "user.newsroom.desk", "politics")
	userXattr(t, path, "user.checksum", "")

	require.NoError(t, Replace(path, []byte("Nazarbaev said.\n"), []byte("Nazarbayev said.\n")))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "Nazarbayev said.\n", string(got))
	require.Equal(t, "politics", getXattr(t, path, "user.newsroom.desk"))
	require.Equal(t, "", getXattr(t, path, "user.checksum"))
}

// When the new file cannot be given an attribute, the file is rewritten in
// place: same inode, every attribute kept, no temporary file left.
func TestReplaceInPlaceWhenAttributesCannotBeCopied(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("Nazarbaev said.\n"), 0o644))
	userXattr(t, path, "user.label", "kept")
	before, err := os.Stat(path)
	require.NoError(t, err)

	setxattr = func(string, string, []byte, int) error { return syscall.EPERM }
	defer func() { setxattr = syscall.Setxattr }()
	require.NoError(t, Replace(path, []byte("Nazarbaev said.\n"), []byte("Nazarbayev said.\n")))

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "Nazarbayev said.\n", string(got))
	after, err := os.Stat(path)
	require.NoError(t, err)
	require.True(t, os.SameFile(before, after), "rewritten in place")
	require.Equal(t, "kept", getXattr(t, path, "user.label"))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left")
}
