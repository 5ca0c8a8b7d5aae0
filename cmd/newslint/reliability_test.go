//go:build unix

package main

// The reliability suite: hostile but ordinary inputs, run through the real
// binary. Each test names the item of the reliability issue it covers.
// Cases that could hang run under a deadline, so a regression fails the
// test rather than blocking the suite.

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixable is an article with one finding that has a fix.
func fixable(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fix", "article.txt"))
	require.NoError(t, err)
	return data
}

// Item 1: --fix never writes a file for standard input.
func TestFixStdinWritesNoFile(t *testing.T) {
	dir := t.TempDir()
	notes := writeFile(t, dir, "notes.txt", "my notes\n")
	article := fixable(t)
	r := runLimited(t, dir, bytes.NewReader(article), 20*time.Second, "--fix", "--stdin-filename", notes, "-")
	got, _ := os.ReadFile(notes)
	assert.Equal(t, "my notes\n", string(got), "the file named by --stdin-filename is untouched")
	assert.Contains(t, r.stdout, "Zelensky would travel", "the fixed article goes to stdout")
	assert.NotContains(t, r.stdout, "Zelinsky")
	assert.Contains(t, r.stderr, "fixed")

	r = runLimited(t, dir, bytes.NewReader(article), 20*time.Second, "--fix", "-")
	_, err := os.Stat(filepath.Join(dir, "<stdin>"))
	assert.True(t, os.IsNotExist(err), "no file named <stdin> is written")
	assert.Contains(t, r.stdout, "Zelensky would travel")

	r = runLimited(t, dir, bytes.NewReader(article), 20*time.Second, "--fix", "-", notes)
	assert.Equal(t, 2, r.code, "stdin and files together under --fix is refused")
}

// Item 3: --fix on a symbolic link fixes its target and keeps the link;
// on a hard link keeps the link; leaves no temporary file.
func TestFixLinks(t *testing.T) {
	dir := t.TempDir()
	article := fixable(t)
	target := writeFile(t, dir, "target.txt", string(article))
	require.NoError(t, os.Symlink("target.txt", filepath.Join(dir, "link.txt")))
	require.NoError(t, os.Link(target, filepath.Join(dir, "hard.txt")))
	r := runLimited(t, dir, nil, 20*time.Second, "--fix", "link.txt")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr) // every finding fixed
	fi, err := os.Lstat(filepath.Join(dir, "link.txt"))
	require.NoError(t, err)
	assert.True(t, fi.Mode()&os.ModeSymlink != 0, "link.txt is still a link")
	fixed, _ := os.ReadFile(target)
	assert.NotContains(t, string(fixed), "Zelinsky", "the target is fixed")
	hard, _ := os.ReadFile(filepath.Join(dir, "hard.txt"))
	assert.Equal(t, string(fixed), string(hard), "the hard link sees the fix")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".newslint-"), "temporary file %s left", e.Name())
	}
}

// Item 4: FIFOs never hang newslint.
func TestFIFOsDoNotHang(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", unbalanced)
	fifo := filepath.Join(dir, "pipe.txt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	limit := 20 * time.Second

	r := runLimited(t, dir, nil, limit, fifo)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, "named pipe")

	r = runLimited(t, dir, nil, limit, dir)
	assert.Equal(t, 1, r.code, "the FIFO in a walked directory is skipped: %s%s", r.stdout, r.stderr)
	assert.Contains(t, r.stdout, good)

	r = runLimited(t, dir, nil, limit, "inspect", fifo)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "named pipe")

	r = runLimited(t, dir, nil, limit, "--config", fifo, good)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "named pipe")

	sub := filepath.Join(dir, "repo")
	require.NoError(t, os.Mkdir(sub, 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(sub, ".newslint.toml"), 0o644))
	writeFile(t, sub, "a.txt", clean)
	r = runLimited(t, sub, nil, limit, "a.txt")
	assert.Equal(t, 0, r.code, "a FIFO named .newslint.toml is skipped: %s", r.stderr)
}

// Item 5: endless input stops at the limit.
func TestEndlessInputStopsAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "newslint.toml", "max-file-size = \"1MB\"\n")
	zero, err := os.Open("/dev/zero")
	require.NoError(t, err)
	defer zero.Close()
	r := runLimited(t, dir, zero, 20*time.Second, "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, "over the limit of 1048576 bytes")

	good := writeFile(t, dir, "good.txt", clean)
	r = runLimited(t, dir, nil, 20*time.Second, "--config", "/dev/zero", good)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "not a regular file")

	sub := filepath.Join(dir, "repo")
	require.NoError(t, os.Mkdir(sub, 0o755))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(sub, "newslint.toml")))
	writeFile(t, sub, "a.txt", clean)
	r = runLimited(t, sub, nil, 20*time.Second, "a.txt")
	assert.Equal(t, 0, r.code, "a configuration linked to /dev/zero is skipped: %s", r.stderr)
}

// Item 6: hostile shapes finish quickly (the benchmarks prove linearity).
func TestHostileShapesFinish(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "quotes.txt", strings.Repeat("“word ", 80_000))
	writeFile(t, dir, "guillemets.txt", strings.Repeat("«word ", 80_000))
	var sb strings.Builder
	for i := 0; sb.Len() < 300_000; i++ {
		sb.WriteString("Anna " + string(rune('A'+i%26)) + strings.Repeat(string(rune('a'+i/26%26)), 3) + string(rune('a'+i%7)) + "xyz said \"yes\". ")
	}
	writeFile(t, dir, "speakers.txt", sb.String())
	for _, f := range []string{"quotes.txt", "guillemets.txt", "speakers.txt"} {
		runLimited(t, dir, nil, 30*time.Second, f)
	}
}

// Items 8–10: configuration values out of range, and inline people.
func TestConfigRangesThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", clean)
	for text, want := range map[string]string{
		"max-file-size = 9223372036854775807\n":               "c.toml:1: max-file-size:",
		"max-file-size = \"18014398509481985K\"\n":            "c.toml:1: max-file-size:",
		"[rules.name-spelling]\nmax-variant-uses = 0\n":       "c.toml:2: rules.name-spelling.max-variant-uses: must be from 1",
		"[rules.pronoun-consistency]\nmin-evidence = -5\n":    "c.toml:2: rules.pronoun-consistency.min-evidence: must be from 1",
		"max-file-size = 99999999999999999999\n":              "c.toml:1:17: max-file-size:",
		"[rules.name-spelling]\nmax-variant-uses = 1.5e300\n": "rules.name-spelling.max-variant-uses: must be an integer",
	} {
		writeFile(t, dir, "c.toml", text)
		r := runLimited(t, dir, nil, 20*time.Second, "--config", "c.toml", good)
		assert.Equal(t, 2, r.code, text)
		assert.Contains(t, r.stderr, want, text)
	}
	writeFile(t, dir, "c.toml", "people = [{name = \"Ana Ruiz\", titles = [\"Mayor\"]}]\n")
	r := runLimited(t, dir, nil, 20*time.Second, "--config", "c.toml", good)
	assert.Equal(t, 0, r.code, r.stderr)
}

// Items 11–12: directory links are followed the same way everywhere, link
// loops end, and each file is linted once.
func TestLinksAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	require.NoError(t, os.Mkdir(real, 0o755))
	writeFile(t, real, "a.txt", unbalanced)
	require.NoError(t, os.Symlink("real", filepath.Join(dir, "link")))
	require.NoError(t, os.Symlink("..", filepath.Join(real, "loop")))

	r := runLimited(t, dir, nil, 20*time.Second, "link")
	assert.Equal(t, 1, r.code, r.stdout+r.stderr)
	assert.Equal(t, 1, strings.Count(r.stdout, "a.txt:"), r.stdout)

	r = runLimited(t, dir, nil, 20*time.Second, ".")
	assert.Equal(t, 1, strings.Count(r.stdout, "a.txt:"), "a file reached through a link and directly is linted once:\n%s", r.stdout)
	assert.Contains(t, r.stdout, filepath.Join("real", "a.txt"), "under its own path")

	r = runLimited(t, dir, nil, 20*time.Second, "real/a.txt", "./real/a.txt", "real/a.txt", "link/a.txt")
	assert.Equal(t, 1, strings.Count(r.stdout, "a.txt:"), r.stdout)
}

// Item 13: UTF-16 is decoded; Latin-1 is linted with a warning.
func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	text := "Storm closes port\n\n“The harbour will stay closed, the port authority said.\n"
	u16 := []byte{0xff, 0xfe}
	for _, r := range text {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "u16.txt"), u16, 0o644))
	r := runLimited(t, dir, nil, 20*time.Second, "--format", "json", "u16.txt")
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, `"rule": "quote-balance"`)
	assert.Contains(t, r.stdout, `"offset": 40`, "the offset counts the file's bytes: BOM and 19 units")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 owner Andr\xe9s Pastrana said the plan was good.\n"), 0o644))
	r = runLimited(t, dir, nil, 20*time.Second, "latin1.txt")
	assert.Contains(t, r.stdout, "latin1.txt:1:4: warning: the file is not UTF-8")
}

// Item 14: references and invisible characters inside names.
func TestReadsThroughReferencesAndInvisibles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.html", "<p>Colombian President Andr&eacute;s Pastrana said on Monday that talks would resume.</p>\n<p>Andr&eacute;s Pastrana said the rebels had agreed.</p>\n")
	writeFile(t, dir, "shy.txt", "Talks resume\n\nPresident Ana Nazar\u00adbayeva said on Monday that talks would resume. Nazarbayeva said the rebels had agreed.\n\n“We will sign,” Naz\u200barbayeva said.\n")
	writeFile(t, dir, "a.md", "# Talks\n\nPresident Ana Ruiz said: &ldquo;We will sign.&rdquo;\n")
	r := runLimited(t, dir, nil, 20*time.Second, "a.html", "shy.txt", "a.md")
	assert.Equal(t, 0, r.code, r.stdout)
}

// Item 15: nothing from an article or a path drives the terminal.
func TestTextOutputEscapesControls(t *testing.T) {
	dir := t.TempDir()
	name := "evil\x1b[2J.txt"
	writeFile(t, dir, name, "Storm\n\n“The \x1b]0;owned\x07harbour will stay closed.\n")
	r := runLimited(t, dir, nil, 20*time.Second, name)
	assert.Equal(t, 1, r.code)
	assert.NotContains(t, r.stdout, "\x1b")
	assert.Contains(t, r.stdout, `evil\x1b[2J.txt:3:1:`)
	assert.Equal(t, 1, strings.Count(r.stdout, "\n"))
}

// Item 16: SARIF URIs never read as a scheme.
func TestSARIFColonPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a:b.txt", unbalanced)
	r := runLimited(t, dir, nil, 20*time.Second, "--format", "sarif", "a:b.txt")
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	assert.Contains(t, r.stdout, `"uri": "./a:b.txt"`)
}

// Item 17: --diff output applies with git apply and GNU patch for names
// with spaces and tabs.
func TestDiffNamesApply(t *testing.T) {
	for _, tool := range []string{"git", "patch"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	for _, name := range []string{"my file.txt", "tab\tname.txt", "quote\"d é.txt"} {
		dir := t.TempDir()
		writeFile(t, dir, name, string(fixable(t)))
		r := runLimited(t, dir, nil, 20*time.Second, "--diff", name)
		require.Equal(t, 1, r.code, r.stderr)
		writeFile(t, dir, "d.patch", r.stdout)
		git := exec.Command("git", "apply", "--check", "d.patch")
		git.Dir = dir
		out, err := git.CombinedOutput()
		assert.NoError(t, err, "git apply %q: %s", name, out)
		patch := exec.Command("patch", "-p1", "--dry-run", "-i", "d.patch")
		patch.Dir = dir
		out, err = patch.CombinedOutput()
		assert.NoError(t, err, "patch %q: %s", name, out)
	}
}

// Issue 21, item 1: a --fix of a hard-linked file that cannot be written
// whole (here a file-size limit one byte short of the fixed text) leaves
// the file exactly as it was, under both names, and no copy behind.
func TestFixHardLinkFailsWhole(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not on the PATH (the test sets a file-size limit with its ulimit)")
	}
	dir := t.TempDir()
	var sb strings.Builder
	sb.WriteString("Port talks\n\nHarbour master Ingrid Kowalczyk opened the talks. Kowalczyk said the dredging would start in May. Kowalczyk thanked the union.\n\n")
	for sb.Len() < 8*1024-200 {
		sb.WriteString("The council met again and the budget was discussed at length. ")
	}
	sb.WriteString("\n\nKowalczk said ships would dock in June.\n")
	for sb.Len() < 8*1024 {
		sb.WriteString(".")
	}
	text := sb.String()[:8*1024-1] + "\n" // exactly 8 KiB: the fix adds one byte
	path := writeFile(t, dir, "a.txt", text)
	require.NoError(t, os.Link(path, filepath.Join(dir, "b.txt")))
	cmd := exec.Command(bash, "-c", `ulimit -f 8 && exec "$0" --fix a.txt`, binary) // 8 blocks of 1 KiB
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the fix cannot be written: %s", out)
	for _, name := range []string{"a.txt", "b.txt"} {
		got, rerr := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, rerr)
		assert.Equal(t, text, string(got), "%s is as it was", name)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".newslint-"), "file %s left behind", e.Name())
	}
	// Without the limit the same fix goes through, and both names see it.
	r := runLimited(t, dir, nil, 20*time.Second, "--fix", "a.txt")
	fixed, _ := os.ReadFile(filepath.Join(dir, "b.txt"))
	assert.Contains(t, string(fixed), "Kowalczyk said ships", r.stdout+r.stderr)
}

// Issue 21, item 15: --fix refuses a read-only file, with one link or
// two, and says why.
func TestFixRefusesReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Log("running as root: the mode is what is checked, not the permission")
	}
	dir := t.TempDir()
	article := fixable(t)
	one := writeFile(t, dir, "one.txt", string(article))
	two := writeFile(t, dir, "two.txt", string(article))
	require.NoError(t, os.Link(two, filepath.Join(dir, "two-link.txt")))
	for _, p := range []string{one, two} {
		require.NoError(t, os.Chmod(p, 0o444))
		r := runLimited(t, dir, nil, 20*time.Second, "--fix", filepath.Base(p))
		assert.NotEqual(t, 0, r.code)
		assert.Contains(t, r.stdout+r.stderr, "read-only", filepath.Base(p))
		got, _ := os.ReadFile(p)
		assert.Equal(t, string(article), string(got), "%s is untouched", p)
	}
}
