//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// revFile is one article of a --new-from-rev test: what was committed
// (nothing for a file new since), what is on disk now, and the lines of
// it that are new since the commit (nil: every line).
type revFile struct {
	name, old, now string
	changed        map[int]bool
	untracked      bool // not added to git after the commit
	renamedFrom    string
}

// quoteArticle is an article whose paragraphs 3, 7, 11, … each open a
// quotation that is never closed (one quote-balance finding each),
// separated by paragraphs without one.
func quoteArticle(title string, quotes int) []string {
	lines := []string{title, ""}
	for q := 0; q < quotes; q++ {
		lines = append(lines, fmt.Sprintf("“Quote %d is never closed, a spokesman said.", q), "", "Ships were diverted to the north.", "")
	}
	return lines
}

func joined(lines []string) string { return strings.Join(lines, "\n") }

// revFiles is n articles in seven kinds: unchanged, one quote edited (in
// a subdirectory), a quote appended, untracked, added, renamed, and a
// name with spaces, a tab and quotes whose new first paragraph starts
// with "++ " (a "+++ " line in a diff).
func revFiles(n int) []revFile {
	var out []revFile
	for i := 0; i < n; i++ {
		base := quoteArticle(fmt.Sprintf("Story %d", i), 3)
		name := fmt.Sprintf("story%03d.txt", i)
		f := revFile{name: name, old: joined(base), changed: map[int]bool{}}
		switch i % 7 {
		case 0: // unchanged
			f.now = f.old
		case 1: // the second quote edited
			f.name = filepath.Join("sub dir", name)
			now := slices.Clone(base)
			now[6] = "“Quote 1 was edited and is still never closed, he said."
			f.now, f.changed[7] = joined(now), true
		case 2: // a quote appended, and the first neutral paragraph deleted
			now := slices.Clone(base)
			now = append(now[:4], now[6:]...)
			now = append(now, "“An appended quote, never closed, she said.", "")
			f.now, f.changed[len(now)-1] = joined(now), true
		case 3: // new, untracked
			f.old, f.now, f.changed, f.untracked = "", joined(base), nil, true
		case 4: // new, added to the index
			f.old, f.now, f.changed = "", joined(base), nil
		case 5: // renamed since: new under its new name
			f.renamedFrom, f.name = name, "renamed-"+name
			f.now, f.changed = f.old, nil
		case 6: // an awkward name, and a paragraph inserted at the top
			f.name = fmt.Sprintf("odd name\t\"%d\" é.txt", i)
			now := append([]string{base[0], "", "++ Note: “this inserted quote is never closed either.", ""}, base[2:]...)
			f.now, f.changed[3], f.changed[4] = joined(now), true, true
		}
		out = append(out, f)
	}
	return out
}

// gitLogged puts a git on the PATH that counts its runs in log, and
// returns the environment for it.
func gitLogged(t *testing.T, log string) []string {
	t.Helper()
	real, err := exec.LookPath("git")
	require.NoError(t, err)
	bin := t.TempDir()
	script := fmt.Sprintf("#!/bin/sh\necho run >> %q\nexec %q \"$@\"\n", log, real)
	require.NoError(t, os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755))
	return []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}
}

func countLines(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0
	}
	require.NoError(t, err)
	return strings.Count(string(data), "\n")
}

// Issue 21, item 19: --new-from-rev keeps exactly the findings on lines
// new since the revision (untracked, added and renamed files whole), and
// runs git a fixed number of times however many files have findings
// (it ran three processes per such file).
func TestNewFromRevOneDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	runs := map[int]int{}
	for _, n := range []int{7, 70} {
		dir := t.TempDir()
		git(t, dir, "init", "-q")
		files := revFiles(n)
		for _, f := range files {
			if f.old != "" {
				writeFile(t, dir, cmp(f.renamedFrom, f.name), f.old)
			}
		}
		git(t, dir, "add", ".")
		git(t, dir, "commit", "-q", "-m", "first")
		for _, f := range files {
			if f.renamedFrom != "" {
				git(t, dir, "mv", f.renamedFrom, f.name)
			}
			writeFile(t, dir, f.name, f.now)
			if f.old == "" && !f.untracked {
				git(t, dir, "add", f.name)
			}
		}
		// A repository nested in the first (untracked there), with an
		// edited article of its own.
		nested := filepath.Join(dir, "nested")
		require.NoError(t, os.MkdirAll(nested, 0o755))
		git(t, nested, "init", "-q")
		nestedBase := quoteArticle("Nested", 2)
		writeFile(t, nested, "inner.txt", joined(nestedBase))
		git(t, nested, "add", ".")
		git(t, nested, "commit", "-q", "-m", "first")
		nestedNow := slices.Clone(nestedBase)
		nestedNow[2] = "“Quote 0 was edited, never closed, he said."
		writeFile(t, nested, "inner.txt", joined(nestedNow))
		files = append(files, revFile{name: filepath.Join("nested", "inner.txt"), now: joined(nestedNow), changed: map[int]bool{3: true}})

		// What a plain run finds, kept by the lines each file changed.
		all := runIn(t, dir, "", "--format", "json", ".")
		byName := map[string]revFile{}
		for _, f := range files {
			byName[f.name] = f
		}
		var want []string
		for _, fd := range pathLines(t, all.stdout) {
			f, ok := byName[fd.path]
			require.True(t, ok, "finding in %q", fd.path)
			if f.changed == nil || f.changed[fd.line] {
				want = append(want, fmt.Sprintf("%s:%d", fd.path, fd.line))
			}
		}
		require.Greater(t, len(want), n/2, "the test has findings to keep")

		log := filepath.Join(t.TempDir(), "git.log")
		r := runEnv(t, dir, gitLogged(t, log), "--format", "json", "--new-from-rev", "HEAD", ".")
		require.Equal(t, 1, r.code, r.stderr)
		var got []string
		for _, fd := range pathLines(t, r.stdout) {
			got = append(got, fmt.Sprintf("%s:%d", fd.path, fd.line))
		}
		assert.Equal(t, want, got, "%d files", n)
		runs[n] = countLines(t, log)
	}
	assert.Equal(t, runs[7], runs[70], "git runs with 7 and 70 files (%v)", runs)
	assert.LessOrEqual(t, runs[70], 12, "git runs: a few per repository (%v)", runs)
	t.Logf("git runs: %v", runs)
}

type pathLine struct {
	path string
	line int
}

// pathLines lists the findings of JSON output by path and line.
func pathLines(t *testing.T, out string) []pathLine {
	t.Helper()
	var fs []pathLine
	for _, f := range decode(t, out)["files"].([]any) {
		file := f.(map[string]any)
		for _, x := range file["findings"].([]any) {
			fs = append(fs, pathLine{filepath.Clean(file["path"].(string)), int(x.(map[string]any)["line"].(float64))})
		}
	}
	return fs
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// parseDiff reads headers only where headers stand: an added line that
// reads "+++ b/x" is body, a body line longer than the read buffer is
// skipped whole, and quoted names and names with a space are unquoted.
func TestParseDiff(t *testing.T) {
	long := "+" + strings.Repeat("x", 200<<10) + "\n"
	diff := "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -2,0 +3,2 @@\n" +
		"++ b/other.txt\n" + long +
		"@@ -9 +11 @@\n-old\n+new\n" +
		"diff --git \"a/t\\tb.txt\" \"b/t\\tb.txt\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/t\\tb.txt\"\n@@ -0,0 +1 @@\n+x\n" +
		"diff --git a/sp ace.txt b/sp ace.txt\n--- a/sp ace.txt\t\n+++ b/sp ace.txt\t\n@@ -4 +3,0 @@\n-gone\n" +
		"diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x"
	got, err := parseDiff(strings.NewReader(diff))
	require.NoError(t, err)
	assert.Equal(t, map[string]lineRanges{
		"a.txt":      {{3, 5}, {11, 12}},
		"t\tb.txt":   {{1, 2}},
		"sp ace.txt": nil,
	}, got)
	assert.True(t, got["a.txt"].holds(4))
	assert.False(t, got["a.txt"].holds(5))
	assert.True(t, got["a.txt"].holds(11))
	assert.False(t, got["a.txt"].holds(2))
}
