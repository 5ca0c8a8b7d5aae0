package main

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func seedText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	return string(data)
}

// seedParagraphs returns the seed's paragraphs after the first two lines
// (the site name and the headline).
func seedParagraphs(t *testing.T) []string {
	parts := strings.Split(strings.TrimSpace(seedText(t)), "\n\n")
	require.Greater(t, len(parts), 3)
	return parts[2:]
}

// A fake misattribution inside a code block must not be linted.
const fakeCode = "Speaking about trade, the Belarus President stated that all was well. \u201cWe agree,\u201d said Ivan Stranger."

func findingsOf(t *testing.T, out string) []map[string]any {
	t.Helper()
	v := decode(t, out)
	var fs []map[string]any
	for _, f := range v["files"].([]any) {
		for _, x := range f.(map[string]any)["findings"].([]any) {
			fs = append(fs, x.(map[string]any))
		}
	}
	return fs
}

// lineOf returns the 1-based line of the first line of text containing s.
func lineOf(text, s string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}

// seedFinding checks that a run found the seed's one finding and returns
// it.
func seedFinding(t *testing.T, r result) map[string]any {
	t.Helper()
	require.Equal(t, 1, r.code, r.stderr)
	fs := findingsOf(t, r.stdout)
	require.Len(t, fs, 1, r.stdout)
	assert.Equal(t, "quote-attribution", fs[0]["rule"])
	return fs[0]
}

func TestMarkdownSeed(t *testing.T) {
	paras := seedParagraphs(t)
	md := "---\ntitle: \"Belarus and Kazakhstan\"\ntags: [trade]\n---\n\n# Call for measures to reverse negative trends\n\n" +
		strings.Join(paras, "\n\n") + "\n\n```text\n" + fakeCode + "\n```\n\nSee `" + fakeCode + "` and <!-- a comment said Ivan Stranger -->.\n"
	dir := t.TempDir()
	writeFile(t, dir, "seed.md", md)
	f := seedFinding(t, runIn(t, dir, "", "--format", "json", "seed.md"))
	assert.Equal(t, float64(lineOf(md, "said Andrei Kobyakov")), f["line"])
	assert.Equal(t, float64(258), f["column"])
	assert.Equal(t, float64(273), f["endColumn"])
	assert.Equal(t, "Andrei Kobyakov", md[int(f["offset"].(float64)):int(f["endOffset"].(float64))])
}

func TestHTMLSeed(t *testing.T) {
	paras := seedParagraphs(t)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<head><title>Call for measures</title>\n<script>var s = \"said Ivan Stranger\";</script></head>\n<body>\n<nav>Home | News</nav>\n<article>\n<h1>Call for measures to reverse negative trends</h1>\n")
	for _, p := range paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n\n")
	}
	b.WriteString("<pre><code>" + html.EscapeString(fakeCode) + "</code></pre>\n</article>\n</body>\n</html>\n")
	src := b.String()
	dir := t.TempDir()
	writeFile(t, dir, "seed.html", src)
	f := seedFinding(t, runIn(t, dir, "", "--format", "json", "seed.html"))
	line := lineOf(src, "said Andrei Kobyakov")
	assert.Equal(t, float64(line), f["line"])
	// The <p> tag adds three columns; escaped quotes (&#34;) would add
	// more, but the seed uses curly quotes, which are not escaped.
	lineText := strings.Split(src, "\n")[line-1]
	want := len([]rune(lineText[:strings.Index(lineText, "Andrei Kobyakov")])) + 1
	assert.Equal(t, float64(want), f["column"])
	assert.Equal(t, "Andrei Kobyakov", src[int(f["offset"].(float64)):int(f["endOffset"].(float64))])
}

func TestHTMLEntitiesKeepQuotes(t *testing.T) {
	src := "<p>Mayor Ana Ruiz said: &ldquo;We won.&rdquo; Ruiz&rsquo;s team agreed &amp; cheered.</p>\n<p>&ldquo;Unclosed, she said.</p>\n"
	dir := t.TempDir()
	writeFile(t, dir, "a.html", src)
	r := runIn(t, dir, "", "--format", "json", "a.html")
	fs := findingsOf(t, r.stdout)
	require.Len(t, fs, 1, r.stdout)
	assert.Equal(t, "quote-balance", fs[0]["rule"])
	assert.Equal(t, float64(2), fs[0]["line"])
	assert.Equal(t, "&ldquo;", src[int(fs[0]["offset"].(float64)):int(fs[0]["endOffset"].(float64))], "the finding covers the whole character reference")
}

// validateSARIF validates a SARIF log against the official SARIF 2.1.0
// schema, kept in testdata/sarif (see its README.md for source and notices).
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	sf, err := os.Open(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	require.NoError(t, err)
	defer sf.Close()
	doc, err := jsonschema.UnmarshalJSON(sf)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", doc))
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(inst))
}

func TestSARIFValidates(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.txt"))
	require.NoError(t, err)
	writeFile(t, dir, "news/sample.txt", string(data))
	writeFile(t, dir, "news/fix.txt", golden(t, "article.txt"))
	writeFile(t, dir, "news/bad.txt", "a\x00b")
	r := runIn(t, dir, "", "--format", "sarif", "news")
	assert.Equal(t, 2, r.code)
	validateSARIF(t, []byte(r.stdout))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log))
	require.Len(t, log.Runs, 1)
	assert.Equal(t, "newslint", log.Runs[0].Tool.Driver.Name)
	assert.GreaterOrEqual(t, len(log.Runs[0].Tool.Driver.Rules), 7)
	var uris []string
	for _, res := range log.Runs[0].Results {
		uris = append(uris, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	assert.Contains(t, uris, "news/sample.txt", "URIs are relative to the working directory (no git repository here)")
}

func TestSARIFSeedValidates(t *testing.T) {
	seedText(t)
	seed, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	require.NoError(t, err)
	r := runIn(t, t.TempDir(), "", "--format", "sarif", "--report-unused-suppressions", seed)
	assert.Equal(t, 1, r.code)
	validateSARIF(t, []byte(r.stdout))
}

func TestGitHubAndCheckstyleAndRdjsonl(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Report, with: 100% of \"facts\n")
	r := runIn(t, dir, "", "--format", "github", "a.txt")
	assert.Equal(t, "::warning file=a.txt,line=1,col=23,endLine=1,endColumn=24,title=newslint quote-balance::quotation opened here is never closed in its paragraph (and the next paragraph does not continue it)\n", r.stdout)
	r = runIn(t, dir, "", "--format", "checkstyle", "a.txt")
	assert.Contains(t, r.stdout, `<error line="1" column="23" severity="warning"`)
	r = runIn(t, dir, "", "--format", "rdjsonl", "a.txt")
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &d))
	assert.Equal(t, "WARNING", d["severity"])
}

func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	text := "Port strike\n\n<!-- newslint-disable quote-balance -->\n\nHe said “never closed, one.\n\n<!-- newslint-enable -->\n\nHe said “never closed, two.\n\n<!-- newslint-disable-next-line quote-balance -- quoting a tweet -->\nHe said “never closed, three.\n\n<!-- newslint-disable-next-line name-spelling -->\nNothing here to suppress.\n\n<!-- newslint-disable no-such-rule -->\n"
	writeFile(t, dir, "a.txt", text)
	writeFile(t, dir, "a.md", text)
	for _, name := range []string{"a.txt", "a.md"} {
		r := runIn(t, dir, "", "--format", "json", name)
		fs := findingsOf(t, r.stdout)
		require.Len(t, fs, 1, name+": "+r.stdout)
		assert.Equal(t, float64(9), fs[0]["line"], name)

		r = runIn(t, dir, "", "--format", "json", "--report-unused-suppressions", name)
		fs = findingsOf(t, r.stdout)
		var unused []string
		for _, f := range fs {
			if f["rule"] == "unused-suppression" {
				unused = append(unused, f["message"].(string))
			}
		}
		require.Len(t, unused, 2, name+": "+r.stdout)
		assert.Contains(t, unused[0], "name-spelling suppresses nothing")
		assert.Contains(t, unused[1], "unknown rule no-such-rule")
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
}

func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	old := "Storm closes port\n\n“Old unclosed quote, the authority said.\n\nShips were diverted.\n"
	writeFile(t, dir, "story.txt", old)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "first")
	writeFile(t, dir, "story.txt", old+"\n“New unclosed quote, a spokesman said.\n")
	writeFile(t, dir, "new.txt", "“Brand new file, unclosed.\n")

	r := runIn(t, dir, "", "--format", "json", "story.txt", "new.txt")
	assert.Len(t, findingsOf(t, r.stdout), 3)
	r = runIn(t, dir, "", "--format", "json", "--new-from-rev", "HEAD", "story.txt", "new.txt")
	assert.Equal(t, 1, r.code, r.stderr)
	fs := findingsOf(t, r.stdout)
	require.Len(t, fs, 2, r.stdout)
	assert.Equal(t, float64(1), fs[0]["line"], "an untracked file (new.txt) is all new")
	assert.Equal(t, float64(7), fs[1]["line"], "only the added line of story.txt")

	r = runIn(t, dir, "", "--new-from-rev", "no-such-rev", "story.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "no-such-rev")
}

func TestStdinInputFormat(t *testing.T) {
	md := "# Title\n\n```\n“unclosed in code\n```\n"
	r := runIn(t, t.TempDir(), md, "--input-format", "markdown", "-")
	assert.Equal(t, 0, r.code, r.stdout)
	r = runIn(t, t.TempDir(), md, "--stdin-filename", "x.md", "-")
	assert.Equal(t, 0, r.code, r.stdout)
	r = runIn(t, t.TempDir(), md, "-")
	assert.Equal(t, 1, r.code, "as plain text the code block's quote counts")
	r = runIn(t, t.TempDir(), md, "--input-format", "rtf", "-")
	assert.Equal(t, 2, r.code)
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(data, v))
}

// The pre-commit hook names the real command and the article types.
func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID       string   `yaml:"id"`
		Entry    string   `yaml:"entry"`
		Language string   `yaml:"language"`
		TypesOr  []string `yaml:"types_or"`
		Files    string   `yaml:"files"`
	}
	readYAML(t, filepath.Join("..", "..", ".pre-commit-hooks.yaml"), &hooks)
	require.Len(t, hooks, 1)
	h := hooks[0]
	assert.Equal(t, "newslint", h.ID)
	assert.Equal(t, "golang", h.Language, "pre-commit builds the module's commands with go install")
	assert.ElementsMatch(t, []string{"markdown", "plain-text", "html"}, h.TypesOr)
	// pre-commit runs "entry FILE...": the hook's command on staged files.
	dir := t.TempDir()
	writeFile(t, dir, "story.md", unbalanced)
	writeFile(t, dir, "ok.txt", clean)
	r := runIn(t, dir, "", "story.md", "ok.txt")
	assert.Equal(t, 1, r.code, "a finding fails the commit")
	r = runIn(t, dir, "", "ok.txt")
	assert.Equal(t, 0, r.code)
	re := regexp.MustCompile(h.Files)
	assert.True(t, re.MatchString("a/b.md") && re.MatchString("x.html") && !re.MatchString("x.go"))
}

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	Env         map[string]string `yaml:"env"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Steps []struct {
			Name string            `yaml:"name"`
			If   string            `yaml:"if"`
			Run  string            `yaml:"run"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// runStep runs a workflow step's script as the runner does (bash -e) in
// dir, with the workflow's env and newslint on the PATH.
func runStep(t *testing.T, dir, script string, env map[string]string) (string, error) {
	t.Helper()
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"))
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// The documented workflow, run as GitHub runs it: the lint step passes on
// findings and writes SARIF that validates; the last step fails the job on
// findings at FAIL_ON and passes with FAIL_ON=none (annotate only); the
// permissions upload-sarif needs on private repositories are there.
func TestGitHubWorkflow(t *testing.T) {
	var wf workflow
	readYAML(t, filepath.Join("..", "..", "integrations", "github-actions", "newslint.yml"), &wf)
	assert.Equal(t, "write", wf.Permissions["security-events"])
	assert.Equal(t, "read", wf.Permissions["actions"])
	job, ok := wf.Jobs["newslint"]
	require.True(t, ok)
	var lint, upload, fail, failIf string
	for _, s := range job.Steps {
		switch {
		case strings.Contains(s.Run, "newslint --format sarif"):
			lint = s.Run
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif"):
			upload = s.With["sarif_file"]
		case strings.Contains(s.Run, "--fail-severity"):
			fail, failIf = s.Run, s.If
		}
	}
	require.NotEmpty(t, lint)
	require.NotEmpty(t, fail)
	require.Equal(t, "newslint.sarif", upload)
	assert.Equal(t, "env.FAIL_ON != 'none'", failIf)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.txt"))
	require.NoError(t, err)
	writeFile(t, dir, filepath.Join(wf.Env["ARTICLES"], "sample.txt"), string(data))
	out, err := runStep(t, dir, lint, wf.Env)
	require.NoError(t, err, "the lint step passes when there are findings: %s", out)
	assert.Contains(t, out, "newslint ", "the log says which newslint ran")
	sarif, err := os.ReadFile(filepath.Join(dir, "newslint.sarif"))
	require.NoError(t, err)
	assert.Contains(t, string(sarif), "quote-attribution")
	validateSARIF(t, sarif)

	require.Equal(t, "error", wf.Env["FAIL_ON"])
	out, err = runStep(t, dir, fail, wf.Env)
	assert.Error(t, err, "an error-level finding fails the job: %s", out)
	assert.Contains(t, out, "quote-attribution")

	clean := t.TempDir()
	writeFile(t, clean, filepath.Join(wf.Env["ARTICLES"], "ok.txt"), "Council approves budget\n\nThe council approved the budget.\n")
	out, err = runStep(t, clean, fail, wf.Env)
	assert.NoError(t, err, "no finding: the job passes: %s", out)
}

// The reviewdog workflow names files as reviewdog reads them: its lint
// step's rdjsonl, run from the repository root, holds paths that exist
// from there.
func TestReviewdogWorkflow(t *testing.T) {
	var wf workflow
	readYAML(t, filepath.Join("..", "..", "integrations", "github-actions", "newslint-reviewdog.yml"), &wf)
	assert.Equal(t, "write", wf.Permissions["pull-requests"])
	var lint string
	for _, s := range wf.Jobs["newslint"].Steps {
		if strings.Contains(s.Run, "--format rdjsonl") {
			lint = s.Run
		}
	}
	require.NotEmpty(t, lint)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	line := ""
	for _, l := range strings.Split(lint, "\n") {
		if strings.Contains(l, "--format rdjsonl") {
			line = l
		}
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample.txt"))
	require.NoError(t, err)
	writeFile(t, dir, filepath.Join(wf.Env["ARTICLES"], "sample.txt"), string(data))
	out, err := runStep(t, dir, line, wf.Env)
	require.NoError(t, err, out)
	rd, err := os.ReadFile(filepath.Join(dir, "newslint.rdjsonl"))
	require.NoError(t, err)
	for _, l := range strings.Split(strings.TrimSpace(string(rd)), "\n") {
		var d struct {
			Location struct{ Path string } `json:"location"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &d))
		_, err := os.Stat(filepath.Join(dir, d.Location.Path))
		assert.NoError(t, err, "rdjsonl path %q exists from the working directory", d.Location.Path)
	}
}

// rdjsonl and checkstyle paths are relative to the working directory even
// below the repository root (a workflow's working-directory), where
// github and SARIF stay relative to the root.
func TestPathsFromASubdirectory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := exec.Command("git", "init", "-q", repo)
	require.NoError(t, git.Run())
	content := filepath.Join(repo, "content")
	writeFile(t, content, "a.txt", unbalanced)
	for format, want := range map[string]string{
		"rdjsonl":    `"path":"a.txt"`,
		"checkstyle": `name="a.txt"`,
		"text":       "a.txt:3:1:",
		"github":     "file=content/a.txt,",
		"sarif":      `"uri": "content/a.txt"`,
	} {
		r := runIn(t, content, "", "--format", format, "a.txt")
		assert.Contains(t, r.stdout, want, format)
	}
}

// lookTool finds a CI tool (reviewdog, actionlint) on the PATH; .ci/run
// builds them at pinned versions from tools/go.mod.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not on the PATH (build it with: cd tools && go build -o ../.tools/ tool; .ci/run does)", name)
	}
	return p
}

// End to end with reviewdog, as a workflow with working-directory runs
// it: from a subdirectory of the repository, newslint's rdjsonl through
// reviewdog's diff filter keeps the finding on the added line and drops
// the one on an unchanged line.
func TestReviewdogEndToEnd(t *testing.T) {
	reviewdog := lookTool(t, "reviewdog")
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	repo := t.TempDir()
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	git("init", "-q", ".")
	base, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fix", "article.txt"))
	require.NoError(t, err)
	article := strings.Replace(string(base), "Officials said Zelinsky", "Officials said Zelensky", 1)
	writeFile(t, repo, filepath.Join("content", "story.txt"), article)
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	writeFile(t, repo, filepath.Join("content", "story.txt"), article+"\nLater, Zelinsky flew home.\n")
	git("commit", "-q", "-a", "-m", "change")

	cmd := exec.Command("bash", "-c", binary+` --format rdjsonl . | "$REVIEWDOG" -f=rdjsonl -reporter=local -filter-mode=added -diff="git diff HEAD~1"`)
	cmd.Dir = filepath.Join(repo, "content")
	cmd.Env = append(os.Environ(), "REVIEWDOG="+reviewdog)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "story.txt")
	assert.Contains(t, string(out), "Zelinsky", "the finding on the added line comes through")
	assert.NotContains(t, string(out), "Lukashenka", "the finding on an unchanged line is filtered out")
}

// Both workflows pass actionlint.
func TestWorkflowsPassActionlint(t *testing.T) {
	actionlint := lookTool(t, "actionlint")
	files, err := filepath.Glob(filepath.Join("..", "..", "integrations", "github-actions", "*.yml"))
	require.NoError(t, err)
	require.Len(t, files, 2)
	out, err := exec.Command(actionlint, files...).CombinedOutput()
	assert.NoError(t, err, "%s", out)
}
