package engine

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLintEach: every target once, with the findings LintTargets gives and
// the analysed file (its date too); a file that cannot be read has its
// error and no file.
func TestLintEach(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	a := write("a.md", "---\ndate: 2024-05-01\n---\n\nA bad day.\n")
	b := write("b.txt", "Nothing wrong.\n")
	c := write("c.txt", "GIF89a\x00\x00\x01")
	l := &Linter{Rules: []*linter.Rule{wordRule}, Config: linter.DefaultConfig([]*linter.Rule{wordRule})}
	targets := Collect([]string{dir}, nil, "", nil)
	want := map[string]linter.FileResult{}
	for _, r := range l.LintTargets(targets) {
		want[r.Path] = r
	}

	var mu sync.Mutex
	got := map[string]linter.FileResult{}
	dates := map[string]string{}
	done := 0
	l.Linted = func() { mu.Lock(); done++; mu.Unlock() }
	l.LintEach(targets, func(tg Target, f *File, res linter.FileResult) {
		mu.Lock()
		defer mu.Unlock()
		assert.Equal(t, tg.Path, res.Path)
		got[res.Path] = res
		if f != nil {
			dates[res.Path] = f.Article.Date
			assert.Equal(t, res.Path, f.Article.Path)
		}
	})
	assert.Equal(t, 3, done, "Linted is called for each")
	require.Len(t, got, 3)
	assert.Equal(t, want[a].Findings, got[a].Findings)
	require.Len(t, got[a].Findings, 1)
	assert.Empty(t, got[b].Findings)
	assert.Equal(t, map[string]string{a: "2024-05-01", b: ""}, dates, "no file for what could not be read")
	assert.ErrorContains(t, got[c].Err, "binary")
}
