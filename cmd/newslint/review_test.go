package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mistyped is a paragraph with one quote-balance warning (a double
// quotation mark for an apostrophe), on line 3+2i for paragraph i.
func mistyped(n int) string {
	var sb strings.Builder
	sb.WriteString("Trade figures\n\n")
	for i := 0; i < n; i++ {
		sb.WriteString("The country\"s exports grew again.\n\n")
	}
	return sb.String()
}

// The cap on findings of one rule is applied after --new-from-rev picks
// the changed lines: old findings do not crowd out a new one.
func TestNewFromRevBeforeTheCap(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on the PATH")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	writeFile(t, dir, "q.txt", mistyped(6))
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "old")
	f, err := os.OpenFile(filepath.Join(dir, "q.txt"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString("New line: the nation\"s debt grew.\n")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	r := runLimited(t, dir, nil, 30*time.Second, "--new-from-rev", "HEAD", "--max-same-issues", "2", "q.txt")
	assert.Equal(t, 1, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "q.txt:15:", "the finding on the new line")
	assert.NotContains(t, r.stdout, "q.txt:3:", "no finding on an old line")
}

// A file named through a symbolic link is the file git knows, for
// --new-from-rev.
func TestNewFromRevThroughALink(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on the PATH")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	writeFile(t, dir, "sub/real.txt", "Talks\n\nThe mayor spoke.\n")
	require.NoError(t, os.Symlink(filepath.Join("sub", "real.txt"), filepath.Join(dir, "link.txt")))
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "old")
	writeFile(t, dir, "sub/real.txt", "Talks\n\nThe mayor spoke.\nNew line: the nation\"s debt grew.\n")
	r := runLimited(t, dir, nil, 30*time.Second, "--new-from-rev", "HEAD", "link.txt")
	assert.Equal(t, 1, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "link.txt:4:")
}

// --fix exits by the findings it leaves, those past the cap among them:
// the closing finding has their severity.
func TestFixWithTheCapExitsByWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "q.txt", mistyped(6))
	r := runLimited(t, dir, nil, 30*time.Second, "--max-same-issues", "2", "--fix", "q.txt")
	got, _ := os.ReadFile(filepath.Join(dir, "q.txt"))
	if strings.Contains(string(got), "country\"s") {
		assert.Equal(t, 1, r.code, "warnings are left: %s%s", r.stdout, r.stderr)
		assert.Contains(t, r.stdout, "warning: 4 more")
	}
}

// Naming a directory and its parent, or one directory twice, is no "holds
// no file" error.
func TestDirectoryNamedTwice(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "x/y/a.txt", clean)
	r := runLimited(t, dir, nil, 30*time.Second, "x/y", "x")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout+r.stderr, "holds no")
}

// --fix on standard input gives back what it could not lint, whole: a
// binary text, and one over the size limit.
func TestFixStdinGivesBackWhatItCannotLint(t *testing.T) {
	dir := t.TempDir()
	binaryText := "Hello\x00world said Mary.\n"
	r := runLimited(t, dir, strings.NewReader(binaryText), 30*time.Second, "--fix", "-")
	assert.Equal(t, binaryText, r.stdout)
	big := bytes.Repeat([]byte("word "), (10<<20)/5+2000)
	writeFile(t, dir, "newslint.toml", "")
	r = runLimited(t, dir, bytes.NewReader(big), 60*time.Second, "--fix", "-")
	assert.Equal(t, len(big), len(r.stdout), "every byte comes back")
	assert.True(t, r.stdout == string(big))
}

// Two hard links to one file are one file: linted once, fixed once.
func TestHardLinksLintedOnce(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "d/a.txt", string(fixable(t)))
	require.NoError(t, os.Link(a, filepath.Join(dir, "d", "b.txt")))
	r := runLimited(t, dir, nil, 30*time.Second, "--fix", "d")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout+r.stderr, "changed on disk")
	assert.Equal(t, 1, strings.Count(r.stderr, "fixed"), r.stderr)
}

// A broken newslint.toml stops the run only when a file to lint is under
// it: beside images alone, it stops nothing.
func TestBrokenConfigBesideNoArticles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", clean)
	writeFile(t, dir, "img/a.png", "png")
	writeFile(t, dir, "img/newslint.toml", "bogus = [\n")
	r := runLimited(t, dir, nil, 30*time.Second, ".")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	writeFile(t, dir, "img/b.txt", clean)
	r = runLimited(t, dir, nil, 30*time.Second, ".")
	assert.Equal(t, 2, r.code, "an article under it: the broken configuration is an error")
	assert.Contains(t, r.stderr, "newslint.toml")
}
