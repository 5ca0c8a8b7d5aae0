package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/require"
)

// testFiles are the articles of testdata/archive, written for these
// tests, in name order.
func testFiles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("testdata/archive/*")
	require.NoError(t, err)
	sort.Strings(paths)
	require.NotEmpty(t, paths)
	return paths
}

// collectFile reads and analyses a file as the engine does, and collects
// it.
func collectFile(t testing.TB, path string) *Article {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	a, _ := markup.Parse(path, data, markup.ForPath(path))
	return Collect(a, people.Analyse(a, nil))
}

// build builds the authority of paths, spilling past spill bytes (0: the
// default).
func build(t testing.TB, paths []string, spill int64) []byte {
	t.Helper()
	b := NewBuilder()
	b.SpillBytes = spill
	b.TempDir = t.TempDir()
	for _, p := range paths {
		_, err := b.Add(collectFile(t, p))
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf))
	return buf.Bytes()
}

// writeTemp writes data to a new file in dir and returns its path.
func writeTemp(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}
