//go:build unix

package main

// Issue 21, items 17 (suppressions), 18 (raw terminal escapes on standard
// error) and 19 (errors that name newslint's temporary files; one git
// diff for --new-from-rev), through the real binary.

import (
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

// pwned sets a terminal's title when written raw; escaped, it reads
// \x1b]0;PWNED\x07.
const pwned = "\x1b]0;PWNED\a"

// assertNoRawControls checks that out holds no escape, bell or other
// control character but line feeds and tabs (the usage has tabs), and that what was escaped is still there to
// read.
func assertNoRawControls(t *testing.T, out, what string) {
	t.Helper()
	for _, c := range out {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 {
			t.Errorf("%s: raw control %U in %q", what, c, out)
			return
		}
	}
	assert.Contains(t, out, `\x1b]0;PWNED`, "%s: the escaped text is still shown", what)
}

// Item 18: every message newslint writes to standard error escapes what
// a path, a configuration key, a rule name or a flag holds.
func TestStderrEscapesControls(t *testing.T) {
	dir := t.TempDir()
	article := string(fixable(t))
	name := "fix" + pwned + ".txt"
	missing := "missing" + pwned + ".txt"

	cases := []struct {
		what string
		dir  string // "" for dir
		args []string
		prep func(dir string)
	}{
		{what: "fixed N finding(s)", args: []string{"--fix", name},
			prep: func(d string) { writeFile(t, d, name, article) }},
		{what: "error echo under --format json", args: []string{"--format", "json", missing}},
		{what: "error echo under --format sarif", args: []string{"--format", "sarif", missing}},
		{what: "--diff error (format)", args: []string{"--diff", "--format", "json" + pwned, "x.txt"}},
		{what: "--diff report of a file error", args: []string{"--diff", missing}},
		{what: "unknown format", args: []string{"--format", "x" + pwned, "x.txt"}},
		{what: "unknown colour", args: []string{"--color", "x" + pwned, "x.txt"}},
		{what: "configuration key", dir: "key", args: []string{"a.txt"},
			prep: func(d string) {
				writeFile(t, d, "newslint.toml", "[rules]\n\"\\u001b]0;PWNED\\u0007\" = 1\n")
				writeFile(t, d, "a.txt", clean)
			}},
		{what: "configuration option", dir: "option", args: []string{"a.txt"},
			prep: func(d string) {
				writeFile(t, d, "newslint.toml", "[rules.quote-balance]\n\"\\u001b]0;PWNED\\u0007\" = 1\n")
				writeFile(t, d, "a.txt", clean)
			}},
		{what: "--config path", args: []string{"--config", "c" + pwned + ".toml", "x.txt"}},
		{what: "rule name in --enable", args: []string{"--enable", "r" + pwned, "x.txt"}},
		{what: "rule name in explain", args: []string{"explain", "r" + pwned}},
		{what: "rule name in a directive, under --diff", dir: "directive", args: []string{"--diff", "--report-unused-suppressions", "a.txt"},
			prep: func(d string) { writeFile(t, d, "a.txt", "<!-- newslint-disable r"+pwned+" -->\n"+clean) }},
		{what: "unknown flag", args: []string{"--x" + pwned, "x.txt"}},
		{what: "inspect of a missing file", args: []string{"inspect", missing}},
		{what: "--new-from-rev outside a repository", dir: "repo" + pwned, args: []string{"--new-from-rev", "HEAD", "a.txt"},
			prep: func(d string) { writeFile(t, d, "a.txt", clean) }},
	}
	for _, c := range cases {
		d := dir
		if c.dir != "" {
			d = filepath.Join(dir, c.dir)
			require.NoError(t, os.MkdirAll(d, 0o755))
		}
		if c.prep != nil {
			c.prep(d)
		}
		r := runLimited(t, d, nil, 20*time.Second, c.args...)
		require.NotEmpty(t, r.stderr, c.what)
		assertNoRawControls(t, r.stderr, c.what)
	}
}

// Item 18: the --fix message names the file once, on one line.
func TestFixMessageIsOneLine(t *testing.T) {
	dir := t.TempDir()
	name := "two\nlines" + pwned + ".txt"
	writeFile(t, dir, name, string(fixable(t)))
	r := runLimited(t, dir, nil, 20*time.Second, "--fix", "--quiet", name)
	assert.Equal(t, `newslint: two\nlines\x1b]0;PWNED\x07.txt: fixed 2 finding(s)`+"\n", r.stderr)
}

// Item 17: through the CLI, a file with CR-only line ends has its
// directives read, enabling one rule after a bare disable turns it back
// on, and a misspelt directive is reported with
// --report-unused-suppressions.
func TestSuppressionsThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		"Port strike", "",
		"<!-- newslint-disable-next-line quote-balance -->",
		"He said “never closed, one.", "",
		"<!-- newslint-disable -->", "",
		"He said “never closed, two.", "",
		"<!-- newslint-enable quote-balance -->", "",
		"He said “never closed, three.", "",
		"<!-- newslint-enabel -->", "",
	}
	for _, eol := range []string{"\n", "\r"} {
		writeFile(t, dir, "a.txt", strings.Join(lines, eol))
		r := runLimited(t, dir, nil, 20*time.Second, "--format", "json", "--report-unused-suppressions", "a.txt")
		var got []string
		for _, f := range findingsOf(t, r.stdout) {
			got = append(got, f["rule"].(string)+": "+f["message"].(string))
		}
		require.Len(t, got, 2, "line end %q: %s", eol, r.stdout)
		assert.Contains(t, got[0], "quote-balance: quotation opened here is never closed")
		assert.Equal(t, "unused-suppression: unknown directive newslint-enabel (did you mean newslint-enable?); it suppresses nothing", got[1])
	}
}

// Item 19: --fix in a folder newslint may not write names the article,
// not the temporary file it could not create.
func TestFixInReadOnlyFolderNamesTheArticle(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	require.NoError(t, os.MkdirAll(ro, 0o755))
	p := writeFile(t, ro, "a.txt", string(fixable(t)))
	require.NoError(t, os.Chmod(p, 0o666))
	require.NoError(t, os.Chmod(ro, 0o555))
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	cmd := exec.Command(binary, "--fix", "ro/a.txt")
	cmd.Dir = dir
	if os.Geteuid() == 0 {
		// root writes in any folder: run as nobody, who may reach the
		// binary and the article but not write in ro.
		for _, d := range []string{filepath.Dir(binary), filepath.Dir(dir), dir} {
			require.NoError(t, os.Chmod(d, 0o755))
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "%s", out)
	assert.Equal(t, 2, ee.ExitCode(), "%s", out)
	assert.Contains(t, string(out), "ro/a.txt: error: could not apply fixes: cannot write beside ro/a.txt: permission denied\n")
	assert.NotContains(t, string(out), ".newslint-", "the temporary file is not named")
	got, _ := os.ReadFile(p)
	assert.Equal(t, string(fixable(t)), string(got), "the article is as it was")
}
