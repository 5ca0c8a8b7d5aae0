package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var binary string

// TestMain builds the real binary once; the CLI tests run it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newslint-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "newslint")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// runLimited runs the binary in dir with stdin, failing the test if it
// has not finished within limit.
func runLimited(t *testing.T, dir string, stdin io.Reader, limit time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "newslint %v did not finish within %v", args, limit)
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{out.String(), errb.String(), code}
}

func runIn(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	return runLimited(t, dir, strings.NewReader(stdin), 2*time.Minute, args...)
}

const clean = "Council approves budget\n\nThe council approved the budget. “It was a long night,” said Mayor Ana Ruiz.\n"
const unbalanced = "Storm closes port\n\n“The harbour will stay closed, the port authority said.\n"

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &v), s)
	return v
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "clean.txt", clean)
	writeFile(t, dir, "bad.txt", unbalanced)

	r := runIn(t, dir, "", "clean.txt")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)

	r = runIn(t, dir, "", "bad.txt")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "bad.txt:3:1: warning: quotation opened here is never closed in its paragraph (and the next paragraph does not continue it) (quote-balance)\n", r.stdout)

	r = runIn(t, dir, "", "--fail-severity", "error", "bad.txt")
	assert.Equal(t, 0, r.code, "a warning is below --fail-severity error")
	r = runIn(t, dir, "", "bad.txt", "--min-severity=error")
	assert.Equal(t, 1, r.code, "--min-severity hides but does not change the exit status")
	assert.Empty(t, r.stdout)

	r = runIn(t, dir, "", "--format", "yaml", "bad.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "unknown format")
	r = runIn(t, dir, "")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage")
	r = runIn(t, dir, "", "--no-such-flag", "bad.txt")
	assert.Equal(t, 2, r.code)
}

func TestStdin(t *testing.T) {
	r := runIn(t, t.TempDir(), unbalanced, "--stdin-filename", "story.txt", "--format", "json", "-")
	assert.Equal(t, 1, r.code)
	v := decode(t, r.stdout)
	files := v["files"].([]any)
	require.Len(t, files, 1)
	f := files[0].(map[string]any)
	assert.Equal(t, "story.txt", f["path"])
	finding := f["findings"].([]any)[0].(map[string]any)
	assert.Equal(t, "quote-balance", finding["rule"])
	assert.Equal(t, float64(3), finding["line"])
	assert.Equal(t, float64(19), finding["offset"])
	assert.Equal(t, float64(22), finding["endOffset"])
}

func TestDirectoryWithBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", unbalanced)
	writeFile(t, dir, "binary.txt", "GIF89a\x00\x00\x01")
	unreadable := filepath.Join(dir, "unreadable.md")
	if os.Getuid() == 0 || runtime.GOOS == "windows" {
		// Root reads any file, so the unreadable one is a dangling link.
		require.NoError(t, os.Symlink(filepath.Join(dir, "gone"), unreadable))
	} else {
		writeFile(t, dir, "unreadable.md", clean)
		require.NoError(t, os.Chmod(unreadable, 0))
	}
	writeFile(t, dir, "notes.json", "{}")

	r := runIn(t, dir, "", "--format", "json", dir)
	assert.Equal(t, 2, r.code)
	v := decode(t, r.stdout)
	byPath := map[string]map[string]any{}
	for _, f := range v["files"].([]any) {
		m := f.(map[string]any)
		byPath[m["path"].(string)] = m
	}
	require.Len(t, byPath, 3, r.stdout)
	assert.Len(t, byPath[good]["findings"], 1)
	assert.Nil(t, byPath[good]["error"])
	assert.Contains(t, byPath[filepath.Join(dir, "binary.txt")]["error"], "binary")
	assert.NotEmpty(t, byPath[unreadable]["error"])
	assert.Contains(t, r.stderr, "binary.txt")

	// The text format names the errors too, after the findings.
	r = runIn(t, dir, "", dir)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, "good.txt:3:1: warning:")
	assert.Contains(t, r.stdout, "binary.txt: error: binary file")
}

func TestMissingPathStillLintsOthers(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.txt", unbalanced)
	r := runIn(t, dir, "", "nope.txt", "bad.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, "bad.txt:3:1:")
	assert.Contains(t, r.stdout, "nope.txt: error: no such file or directory")
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", clean)
	writeFile(t, dir, "newslint.toml", "# config\n[rules.quote-balance]\nenabled = tru\n")
	r := runIn(t, dir, "", "a.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "newslint.toml:3")

	sub := filepath.Join(dir, "sub")
	writeFile(t, sub, "b.txt", clean)
	writeFile(t, sub, ".newslint.toml", "[rules.no-such-rule]\nenabled = false\n")
	r = runIn(t, sub, "", "b.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "no-such-rule")

	// --config wins over the file found by walking up.
	cfg := writeFile(t, dir, "off.toml", "[rules.quote-balance]\nenabled = false\n")
	writeFile(t, sub, "c.txt", unbalanced)
	r = runIn(t, sub, "", "--config", cfg, "c.txt")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)
}

func TestRulesAndExplain(t *testing.T) {
	r := runIn(t, t.TempDir(), "", "rules")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "quote-balance")
	r = runIn(t, t.TempDir(), "", "explain", "quote-balance")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "runs over several paragraphs")
	r = runIn(t, t.TempDir(), "", "explain", "nope")
	assert.Equal(t, 2, r.code)
}

func TestSeedJSON(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	require.NoError(t, err)
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	r := runIn(t, t.TempDir(), "", "--format", "json", seed)
	require.Contains(t, []int{0, 1}, r.code, r.stderr)
	v := decode(t, r.stdout)
	assert.Equal(t, float64(1), v["version"])
	files := v["files"].([]any)
	require.Len(t, files, 1)
	f := files[0].(map[string]any)
	assert.Equal(t, seed, f["path"])
	for _, x := range f["findings"].([]any) {
		m := x.(map[string]any)
		for _, k := range []string{"rule", "severity", "message", "line", "column", "endLine", "endColumn", "offset", "endOffset", "suggestions"} {
			assert.Contains(t, m, k)
		}
	}
	// Findings imply exit 1, none exit 0.
	assert.Equal(t, len(f["findings"].([]any)) > 0, r.code == 1)
}

func TestOutputIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 20; i++ {
		writeFile(t, dir, filepath.Join("d", string(rune('a'+i))+".txt"), unbalanced+"\n\nA stray” mark.\n")
	}
	first := runIn(t, dir, "", "--format", "json", "d")
	for i := 0; i < 3; i++ {
		again := runIn(t, dir, "", "--format", "json", "d")
		assert.Equal(t, first.stdout, again.stdout)
	}
}

func TestInspectSeed(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	require.NoError(t, err)
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	r := runIn(t, t.TempDir(), "", "inspect", seed)
	require.Equal(t, 0, r.code, r.stderr)
	for _, want := range []string{
		`"Belarus President Alexander Lukashenko"`, `"The Belarusian head of state"`, `"the Belarus President"`,
		`"the Belarusian leader"`, `"Kazakhstan President Nursultan Nazarbayev"`, `"The Kazakhstan President"`,
		`speaker "Andrei Kobyakov" at 11:258 -> Andrei Kobyakov (after-quote, cue "said")`,
	} {
		assert.Contains(t, r.stdout, want)
	}

	r = runIn(t, t.TempDir(), "", "inspect", "--format", "json", seed)
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Entities []struct {
			Name     string
			Mentions []struct{ Text, Form string }
		}
		Quotes []struct {
			Speaker *struct{ Text string }
			Entity  string
			Pattern string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	var luka []string
	for _, e := range rep.Entities {
		if e.Name == "Alexander Lukashenko" {
			for _, m := range e.Mentions {
				luka = append(luka, m.Text)
			}
		}
	}
	assert.Equal(t, []string{"Belarus President Alexander Lukashenko", "The Belarusian head of state", "Alexander Lukashenko", "the Belarus President", "Alexander Lukashenko", "the Belarusian leader"}, luka)
	require.Len(t, rep.Quotes, 8)
	assert.Equal(t, "Andrei Kobyakov", rep.Quotes[3].Entity)

	// The default rules report exactly the one misattribution.
	r = runIn(t, t.TempDir(), "", seed)
	assert.Equal(t, 1, r.code)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 1, r.stdout)
	assert.Contains(t, lines[0], ":11:258: error: quote attributed to Andrei Kobyakov, but this paragraph reports a statement by Alexander Lukashenko")
	assert.True(t, strings.HasSuffix(lines[0], "(quote-attribution)"))
	r = runIn(t, t.TempDir(), "", "--format", "json", seed)
	v := decode(t, r.stdout)
	f := v["files"].([]any)[0].(map[string]any)["findings"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{float64(11), float64(258), float64(11), float64(273)}, []any{f["line"], f["column"], f["endLine"], f["endColumn"]})
}

// inspect --format json gives every entity its kind and the evidence.
func TestInspectKinds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Insurer cuts forecast\n\nHarlow Stanton cut its forecast on Monday, the firm said in Denver. "+
		"Mayor Ana Ruiz said the city would help. Shares of Brightwater Capital fell.\n")
	r := runIn(t, dir, "", "inspect", "--format", "json", "a.txt")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Entities []struct {
			Name     string
			Kind     string
			Evidence []string
			Mentions []struct{ Text, Form string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	kinds := map[string]string{}
	for _, e := range rep.Entities {
		kinds[e.Name] = e.Kind
		require.NotEmpty(t, e.Mentions, e.Name)
		if e.Kind != "unknown" {
			assert.NotEmpty(t, e.Evidence, "%s is a %s: the evidence says why", e.Name, e.Kind)
		}
	}
	assert.Equal(t, map[string]string{
		"Harlow Stanton": "organisation", "Ana Ruiz": "person", "Denver": "place", "Brightwater Capital": "organisation",
	}, kinds)
	r = runIn(t, dir, "", "inspect", "a.txt")
	assert.Contains(t, r.stdout, "Harlow Stanton, organisation (“its” refers back to it)")
}

func TestInspectErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bin.txt", "a\x00b")
	r := runIn(t, dir, "", "inspect", "bin.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "binary")
	r = runIn(t, dir, "", "inspect")
	assert.Equal(t, 2, r.code)
	r = runIn(t, dir, "Mayor Ana Ruiz said: “We won.”", "inspect", "-")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, `speaker "Mayor Ana Ruiz"`)
	// Standard input takes --input-format, as when linting: the code
	// block's quotation is not article text.
	md := "# Title\n\n```\n“in code,” said Bob.\n```\n"
	r = runIn(t, dir, md, "inspect", "--input-format", "markdown", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Quotes (0)")
	r = runIn(t, dir, md, "inspect", "-")
	assert.Contains(t, r.stdout, "Quotes (1)")
	r = runIn(t, dir, "", "inspect", dir)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "not a directory")
}

func copyFixture(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fix", "article.txt"))
	require.NoError(t, err)
	writeFile(t, dir, "article.txt", string(data))
}

func golden(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fix", name))
	require.NoError(t, err)
	return string(data)
}

func TestDiffGolden(t *testing.T) {
	dir := t.TempDir()
	copyFixture(t, dir)
	r := runIn(t, dir, "", "--diff", "article.txt")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Equal(t, golden(t, "article.diff"), r.stdout)
	// --diff changes nothing on disk.
	data, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	require.NoError(t, err)
	assert.Equal(t, golden(t, "article.txt"), string(data))
}

func TestFixGolden(t *testing.T) {
	dir := t.TempDir()
	copyFixture(t, dir)
	require.NoError(t, os.Chmod(filepath.Join(dir, "article.txt"), 0o640))
	r := runIn(t, dir, "", "--fix", "article.txt")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stderr, "fixed 2 finding(s)")
	data, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	require.NoError(t, err)
	assert.Equal(t, golden(t, "article.fixed"), string(data))
	st, err := os.Stat(filepath.Join(dir, "article.txt"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "permissions are kept")
	// A second run finds nothing left to fix.
	r = runIn(t, dir, "", "--diff", "article.txt")
	assert.Equal(t, 0, r.code)
	assert.Empty(t, r.stdout)
	r = runIn(t, dir, "", "--fix", "--diff", "article.txt")
	assert.Equal(t, 2, r.code)
}

// Help goes to standard output with exit 0, however it is asked for; a
// usage error goes to standard error with exit 2.
func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		r := runIn(t, dir, "", args...)
		assert.Equal(t, 0, r.code, "%v", args)
		assert.Contains(t, r.stdout, "usage: newslint", "%v", args)
		assert.Contains(t, r.stdout, ".html\nand .htm", "%v: the usage lists what is walked", args)
		assert.Empty(t, r.stderr, "%v", args)
	}
	r := runIn(t, dir, "", "--bogus")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage: newslint")
	assert.Empty(t, r.stdout)

	for _, args := range [][]string{{"--version"}, {"version"}} {
		r := runIn(t, dir, "", args...)
		assert.Equal(t, 0, r.code)
		assert.Regexp(t, `^newslint \S+.*, go1\.\d+`, r.stdout, "%v: version and Go version", args)
	}
}

// Every rule id that can appear in output can be explained, the engine's
// own included.
func TestExplainEngineRules(t *testing.T) {
	for _, name := range []string{"unused-suppression", "encoding", "quote-attribution"} {
		r := runIn(t, t.TempDir(), "", "explain", name)
		assert.Equal(t, 0, r.code, name)
		assert.True(t, strings.HasPrefix(r.stdout, name+" (default severity:"), r.stdout)
	}
}
