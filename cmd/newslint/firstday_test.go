package main

// Issue 20, "a newsroom's first day": what a desk meets the first time it
// runs newslint. Each test names the item it covers.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// misattributed has one finding, a quote-attribution error, which no fix
// can mend.
const misattributed = "Council delays vote on harbour plan\n\n" +
	"Mayor Ana Ruiz said on Tuesday that the council would delay its vote on the harbour plan. " +
	"Councillor Tomas Berg, who leads the opposition, called the plan rushed.\n\n" +
	"Ruiz told reporters the delay would give residents time to respond. “We want every voice heard before we decide,” Berg said.\n"

// misattributedFinding is how a plain run reports misattributed, saved
// as quote.txt.
const misattributedFinding = "quote.txt:5:115: error: quote attributed to Tomas Berg, but this paragraph reports a statement by Ana Ruiz (“Ruiz told”) (quote-attribution)\n"

// flippedPronoun has one finding, a pronoun-consistency warning whose fix
// is "she".
const flippedPronoun = "Minister resigns over rail contract\n\n" +
	"Transport Minister Helen Marsh resigned on Friday after an inquiry into a rail contract. Marsh said she had acted in good faith.\n\n" +
	"In a statement, Marsh said he would cooperate fully with investigators.\n"

// runEnv is runIn with the environment extended (or, for "NAME=", a
// variable removed).
func runEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = withEnv(os.Environ(), env)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	require.NoError(t, ctx.Err())
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{out.String(), errb.String(), code}
}

// withEnv returns base with each NAME=VALUE of env set; "NAME=" removes
// NAME.
func withEnv(base, env []string) []string {
	var out []string
	for _, kv := range base {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, e := range env {
			if n, _, _ := strings.Cut(e, "="); n == name {
				drop = true
			}
		}
		if !drop {
			out = append(out, kv)
		}
	}
	for _, e := range env {
		if !strings.HasSuffix(e, "=") {
			out = append(out, e)
		}
	}
	return out
}

// Item 1: --diff and --fix report what they cannot fix, and exit by
// --fail-severity, not by whether there was something to fix.
func TestDiffAndFixReportWhatTheyCannotFix(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "quote.txt", misattributed)
	writeFile(t, dir, "pronoun.txt", flippedPronoun)

	r := runIn(t, dir, "", "--diff", "quote.txt")
	assert.Equal(t, 1, r.code, "an error is at or above --fail-severity warning")
	assert.Empty(t, r.stdout, "nothing to fix: no diff")
	assert.Contains(t, r.stderr, misattributedFinding)

	// A fixable warning under --fail-severity error: the diff is printed,
	// and the run passes as a plain run would.
	r = runIn(t, dir, "", "--diff", "--fail-severity", "error", "pronoun.txt")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "+In a statement, Marsh said she would")
	assert.NotContains(t, r.stderr, "pronoun-consistency", "a finding in the diff is not reported again")

	// Both files: the fix goes to the diff, the rest to standard error.
	r = runIn(t, dir, "", "--diff", "quote.txt", "pronoun.txt")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "+In a statement, Marsh said she would")
	assert.NotContains(t, r.stdout, "quote.txt")
	assert.Contains(t, r.stderr, misattributedFinding)
	assert.NotContains(t, r.stderr, "pronoun-consistency")

	r = runIn(t, dir, "", "--diff", "--fail-severity", "error", "quote.txt")
	assert.Equal(t, 1, r.code, "an error fails --fail-severity error")
	r = runIn(t, dir, "", "--diff", "--exit-zero", "quote.txt")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stderr, misattributedFinding)

	// --fix reports what is left and exits by it.
	r = runIn(t, dir, "", "--fix", "quote.txt", "pronoun.txt")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, misattributedFinding, r.stdout)
	fixed, err := os.ReadFile(filepath.Join(dir, "pronoun.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(fixed), "Marsh said she would")
	r = runIn(t, dir, "", "--fix", "--fail-severity", "error", "pronoun.txt")
	assert.Equal(t, 0, r.code, "nothing left: %s%s", r.stdout, r.stderr)
}

// Item 2: --min-severity applies to what --fix and --diff fix.
func TestFixAndDiffHonourMinSeverity(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "pronoun.txt", flippedPronoun)

	r := runIn(t, dir, "", "--diff", "--min-severity", "error", "pronoun.txt")
	assert.Empty(t, r.stdout, "a warning below --min-severity is not in the diff")
	assert.Equal(t, "no problems in 1 file; 1 hidden by --min-severity\n", r.stderr, "nor reported")
	assert.Equal(t, 1, r.code, "--min-severity hides but does not change the exit status, as in a plain run")

	r = runIn(t, dir, "", "--fix", "--min-severity", "error", "pronoun.txt")
	assert.Equal(t, 1, r.code)
	assert.Empty(t, r.stdout)
	assert.NotContains(t, r.stderr, "fixed")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, flippedPronoun, string(data), "the warning's fix is not applied")

	r = runLimited(t, dir, strings.NewReader(flippedPronoun), 20*time.Second, "--fix", "--min-severity", "error", "-")
	assert.Equal(t, flippedPronoun, r.stdout, "standard input comes back unchanged")

	// Standard input that is not UTF-8 is given back as it was: fixes are
	// not applied to it, and nothing is lost.
	latin := "Caf\xe9 owner Ana Ruiz said he would reopen.\n"
	r = runLimited(t, dir, strings.NewReader(latin), 20*time.Second, "--fix", "-")
	assert.Equal(t, latin, r.stdout)
	assert.Contains(t, r.stderr, "(encoding)")

	r = runIn(t, dir, "", "--fix", "--min-severity", "warning", "pronoun.txt")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	data, err = os.ReadFile(p)
	require.NoError(t, err)
	assert.Contains(t, string(data), "Marsh said she would")
}

// notInGit returns a temporary directory git does not see as a
// repository, or skips the test.
func notInGit(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	if exec.Command("git", "-C", dir, "rev-parse", "--git-dir").Run() == nil {
		t.Skip("the temporary directory is inside a git repository")
	}
	return dir
}

// Item 4: a revision that does not exist, or no repository at all, is a
// usage error even when no file has a finding.
func TestNewFromRevCheckedUpFront(t *testing.T) {
	dir := notInGit(t)
	writeFile(t, dir, "clean.txt", clean)

	r := runIn(t, dir, "", "--new-from-rev", "HEAD", "clean.txt")
	assert.Equal(t, 2, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stderr, "not a git repository")
	assert.NotContains(t, r.stderr, "is not a revision")
	assert.Empty(t, r.stdout)

	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "first")
	r = runIn(t, dir, "", "--new-from-rev", "no-such-rev", "clean.txt")
	assert.Equal(t, 2, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stderr, `"no-such-rev" is not a revision`)
	r = runIn(t, dir, "", "--new-from-rev", "no-such-rev", ".")
	assert.Equal(t, 2, r.code, "a directory is checked too")
	r = runIn(t, dir, clean, "--new-from-rev", "no-such-rev", "-")
	assert.Equal(t, 2, r.code, "standard input: the current directory's repository")
	r = runIn(t, dir, "", "--new-from-rev", "HEAD", "clean.txt")
	assert.Equal(t, 0, r.code, r.stderr)
}

// Item 5: --diff with a machine format is a usage error, not a diff that
// a JSON reader chokes on. (JSON carries every fix as "suggestions"
// already.)
func TestDiffRefusesMachineFormats(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "pronoun.txt", flippedPronoun)
	for _, f := range []string{"json", "sarif", "github", "rdjsonl", "checkstyle"} {
		r := runIn(t, dir, "", "--format", f, "--diff", "pronoun.txt")
		assert.Equal(t, 2, r.code, f)
		assert.Empty(t, r.stdout, f)
		assert.Contains(t, r.stderr, "--diff", f)
		assert.Contains(t, r.stderr, "--format "+f, f)
	}
	r := runIn(t, dir, "", "--format", "text", "--diff", "pronoun.txt")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "+In a statement")
}

// Item 6: HTML on standard input is read as HTML when nothing names its
// format; Markdown and plain text stay plain text.
func TestStdinSniffsHTML(t *testing.T) {
	dir := t.TempDir()
	page := "\ufeff  <!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Port</title></head>\n<body>\n" +
		"<p>The harbour reopened on Monday, <!-- “check --> officials said.</p>\n</body>\n</html>\n"
	r := runIn(t, dir, page, "-")
	assert.Equal(t, 0, r.code, r.stdout)
	assert.Empty(t, r.stdout)
	r = runIn(t, dir, page, "--input-format", "text", "-")
	assert.Equal(t, 1, r.code, "read as text, the comment's quotation mark is unbalanced (an HTML reader drops the comment): %s", r.stdout)
	r = runIn(t, dir, page, "--stdin-filename", "page.txt", "-")
	assert.Equal(t, 1, r.code, "a .txt name says plain text")

	// A fragment that starts with a paragraph tag, and one with a <body>
	// after a comment.
	for _, doc := range []string{
		"<p class=\"lede\">The harbour reopened on Monday, officials said.</p>\n",
		"<!-- saved page -->\n<html><head><meta charset=\"utf-8\"></head><body><div class=\"x\">The harbour reopened.</div></body></html>\n",
	} {
		r = runIn(t, dir, doc, "-")
		assert.Equal(t, 0, r.code, "%q: %s", doc, r.stdout)
	}
	// The sniffed format is the one inspect reads too.
	r = runIn(t, dir, page, "inspect", "-")
	assert.Equal(t, 0, r.code)
	assert.NotContains(t, r.stdout, "stray closing mark", r.stdout)
	assert.Contains(t, r.stdout, "Paragraphs (1)", r.stdout)

	// Plain text that mentions a tag in passing stays plain text.
	text := "Browsers ignore <p> tags in titles, the report said. “Unclosed.\n"
	r = runIn(t, dir, text, "-")
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, "quote-balance")
}

// Item 10: the summary line goes to standard error after text output,
// not with --quiet or a machine format.
func TestSummaryLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/bad.txt", unbalanced)
	writeFile(t, dir, "a/clean.txt", clean)
	writeFile(t, dir, "a/quote.txt", misattributed)
	writeFile(t, dir, "one.txt", clean)

	r := runIn(t, dir, "", "a")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "a/bad.txt:3:1: warning: quotation opened here is never closed in its paragraph (and the next paragraph does not continue it) (quote-balance)\n"+
		"a/"+misattributedFinding, r.stdout, "standard output holds the findings only")
	assert.Equal(t, "2 problems (1 error, 1 warning) in 2 of 3 files\n", r.stderr)

	r = runIn(t, dir, "", "one.txt")
	assert.Equal(t, "no problems in 1 file\n", r.stderr)
	r = runIn(t, dir, "", "one.txt", "nope.txt")
	assert.Equal(t, "no problems in 1 file; 1 file could not be linted\n", r.stderr)
	r = runIn(t, dir, "", "--min-severity", "error", "a")
	assert.Equal(t, "1 problem (1 error) in 1 of 3 files; 1 hidden by --min-severity\n", r.stderr, "the summary counts what is shown, and says what is not")

	for _, args := range [][]string{{"--quiet", "a"}, {"--format", "json", "a"}, {"--format", "sarif", "a"}, {"--format", "github", "a"}} {
		r = runEnv(t, dir, []string{"GITHUB_STEP_SUMMARY="}, args...)
		assert.Equal(t, 1, r.code, "%v", args)
		assert.Empty(t, r.stderr, "%v", args)
		assert.NotEmpty(t, r.stdout, "%v", args)
	}
}

// Item 10: colour in text output on a terminal, or when asked for; never
// with NO_COLOR (unless asked for) or --color=never.
func TestColorFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.txt", unbalanced)
	plain := "bad.txt:3:1: warning: quotation opened here is never closed in its paragraph (and the next paragraph does not continue it) (quote-balance)\n"

	r := runEnv(t, dir, []string{"NO_COLOR="}, "bad.txt")
	assert.Equal(t, plain, r.stdout, "a pipe is not a terminal: no colour")
	r = runEnv(t, dir, []string{"NO_COLOR="}, "--color=always", "bad.txt")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "\x1b[33mwarning\x1b[0m")
	assert.Equal(t, plain, stripANSI(r.stdout))
	assert.Contains(t, r.stderr, "\x1b[")
	r = runEnv(t, dir, []string{"NO_COLOR=1"}, "--color=always", "bad.txt")
	assert.Contains(t, r.stdout, "\x1b[33m", "--color=always wins over NO_COLOR")
	r = runEnv(t, dir, nil, "--color=never", "bad.txt")
	assert.Equal(t, plain, r.stdout)
	assert.NotContains(t, r.stderr, "\x1b[")
	r = runEnv(t, dir, nil, "--color=sometimes", "bad.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--color")
	r = runEnv(t, dir, nil, "--color=always", "--format", "json", "bad.txt")
	assert.NotContains(t, r.stdout, "\x1b[", "machine formats are never coloured")
}

// stripANSI removes the colour escapes newslint writes.
func stripANSI(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		s = s[i+2:]
		j := strings.IndexByte(s, 'm')
		if j < 0 {
			return b.String()
		}
		s = s[j+1:]
	}
}

// Item 11: --enable, --disable and --exit-zero.
func TestEnableDisableExitZero(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.txt", unbalanced)
	writeFile(t, dir, "quote.txt", misattributed)

	r := runIn(t, dir, "", "--disable", "quote-balance", "bad.txt", "quote.txt")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, misattributedFinding, r.stdout)
	r = runIn(t, dir, "", "--disable", "quote-balance", "--disable", "quote-attribution", "bad.txt", "quote.txt")
	assert.Equal(t, 0, r.code)
	assert.Empty(t, r.stdout)
	r = runIn(t, dir, "", "--disable", "quote-balance,quote-attribution", "bad.txt", "quote.txt")
	assert.Equal(t, 0, r.code, "a comma-separated list")

	// --enable turns on a rule the configuration turns off.
	writeFile(t, dir, "newslint.toml", "[rules.quote-balance]\nenabled = false\n")
	r = runIn(t, dir, "", "bad.txt")
	assert.Equal(t, 0, r.code)
	r = runIn(t, dir, "", "--enable", "quote-balance", "bad.txt")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "(quote-balance)")
	require.NoError(t, os.Remove(filepath.Join(dir, "newslint.toml")))

	for _, args := range [][]string{{"--enable", "no-such-rule"}, {"--disable", "quote-balanse"}, {"--enable", "quote-balance", "--disable", "quote-balance"}} {
		r = runIn(t, dir, "", append(args, "bad.txt")...)
		assert.Equal(t, 2, r.code, "%v", args)
		assert.Empty(t, r.stdout, "%v", args)
		assert.Contains(t, r.stderr, args[1], "%v", args)
	}

	r = runIn(t, dir, "", "--exit-zero", "bad.txt", "quote.txt")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "(quote-balance)")
	assert.Contains(t, r.stdout, "(quote-attribution)")
	r = runIn(t, dir, "", "--exit-zero", "bad.txt", "nope.txt")
	assert.Equal(t, 2, r.code, "a file that cannot be linted still fails")
	r = runIn(t, dir, "", "--exit-zero", "--format", "yaml", "bad.txt")
	assert.Equal(t, 2, r.code, "so does a usage error")
}
