package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/require"
)

// LintTargetsFunc hands over the results LintTargets returns, in its
// order (by path), one at a time, from one goroutine at a time, whatever
// order the files finish in: here, a big file first among small ones, and
// files named out of order.
func TestLintTargetsFuncAsLintTargets(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 40 {
		text := strings.Repeat("A bad day. ", 1+i%3)
		if i == 7 {
			text = strings.Repeat("A bad day. ", 20_000)
		}
		p := filepath.Join(dir, fmt.Sprintf("f%02d.txt", (i*17)%40))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		paths = append(paths, p)
	}
	paths = append(paths, filepath.Join(dir, "missing.txt"))
	l := &Linter{Rules: []*linter.Rule{wordRule}, Config: linter.DefaultConfig([]*linter.Rule{wordRule})}
	targets := Collect(paths, nil, "", nil)
	want := l.LintTargets(targets)
	var got []linter.FileResult
	inside := 0
	l.LintTargetsFunc(targets, func(r linter.FileResult) {
		inside++
		require.Equal(t, 1, inside, "fn called from two goroutines at once")
		got = append(got, r)
		inside--
	})
	require.Equal(t, len(want), len(got))
	for i := range want {
		require.Equal(t, want[i].Path, got[i].Path)
		require.Equal(t, want[i].Findings, got[i].Findings)
		require.Equal(t, want[i].Err == nil, got[i].Err == nil)
	}
}
