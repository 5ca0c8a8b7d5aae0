package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// What the README, the pre-commit hook and the workflows tell people to
// install, checked against go.mod, tools/go.mod and this repository.

var (
	commitSHA = regexp.MustCompile(`^[0-9a-f]{40}$`)
	release   = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)
	// A step's "uses: owner/repo[/path]@ref  # comment" line.
	usesLine = regexp.MustCompile(`^\s*(?:-\s+)?uses:\s*([^@\s]+)@(\S+)(?:\s+#\s*(\S+))?.*$`)
	// "@latest" (go install, npx) or "-latest" (runs-on: ubuntu-latest).
	floating = regexp.MustCompile(`(?i)[@-]latest\b`)
	// "go install PACKAGE@VERSION" in a step's script.
	goInstall = regexp.MustCompile(`go install\s+"?([^"\s@]+)@([^"\s]+)"?`)
)

// repoRoot is the repository root, from this package's directory.
var repoRoot = filepath.Join("..", "..")

// modLine returns the first field after prefix on a line of a go.mod.
func modLine(t *testing.T, path, prefix string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Fields(strings.TrimSpace(l))
		if len(f) >= 2 && f[0] == prefix {
			return f[1]
		}
	}
	t.Fatalf("%s: no %q line", path, prefix)
	return ""
}

// ownRevisionExists checks that rev names a commit or tag of this
// repository, when it is a git checkout with its history (a shallow clone
// or a copy without .git cannot say, and the check is skipped, saying so).
func ownRevisionExists(t *testing.T, what, rev string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Logf("git not installed: %s %s not looked up", what, rev)
		return
	}
	out, err := exec.Command("git", "-C", repoRoot, "rev-parse", "--is-shallow-repository").Output()
	if err != nil || strings.TrimSpace(string(out)) != "false" {
		t.Logf("not a full git clone: %s %s not looked up", what, rev)
		return
	}
	err = exec.Command("git", "-C", repoRoot, "rev-parse", "--verify", "--quiet", rev+"^{commit}").Run()
	assert.NoError(t, err, "%s %s is no commit or tag of this repository", what, rev)
}

// checkOwnRevision checks a revision of newslint that people are told to
// use: a release tag or a full commit SHA, not a branch or "latest", that
// exists.
func checkOwnRevision(t *testing.T, what, rev string) {
	t.Helper()
	if !assert.True(t, commitSHA.MatchString(rev) || release.MatchString(rev), "%s %q: a release tag vX.Y.Z or a full commit SHA", what, rev) {
		return
	}
	ownRevisionExists(t, what, rev)
}

func workflowFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{
		filepath.Join(repoRoot, "integrations", "github-actions", "*.y*ml"),
		filepath.Join(repoRoot, ".github", "workflows", "*.y*ml"),
	} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	return files
}

// The workflows pin what they install: every action at a full commit SHA
// with its release as a comment, the runner image, Go at go.mod's version,
// reviewdog at the version tools/go.mod pins, newslint at a release tag or
// commit of this repository; nothing at "latest" or a floating major tag.
func TestWorkflowsPinned(t *testing.T) {
	goVersion := modLine(t, filepath.Join(repoRoot, "go.mod"), "go")
	reviewdog := modLine(t, filepath.Join(repoRoot, "tools", "go.mod"), "github.com/reviewdog/reviewdog")
	for _, file := range workflowFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		text := string(data)
		name := filepath.Base(file)
		for i, l := range strings.Split(text, "\n") {
			if floating.MatchString(l) {
				t.Errorf("%s:%d: %s: pin a version, not latest", name, i+1, strings.TrimSpace(l))
			}
		}

		var wf struct {
			Env  map[string]string `yaml:"env"`
			Jobs map[string]struct {
				RunsOn string `yaml:"runs-on"`
				Steps  []struct {
					Uses string            `yaml:"uses"`
					Run  string            `yaml:"run"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		require.NoError(t, yaml.Unmarshal(data, &wf), name)

		// Every uses: line, as written (the comment is not in the YAML).
		lines := 0
		for _, l := range strings.Split(text, "\n") {
			if !strings.Contains(l, "uses:") || strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			lines++
			m := usesLine.FindStringSubmatch(l)
			if !assert.NotNil(t, m, "%s: %q is not uses: ACTION@SHA # vX.Y.Z", name, l) {
				continue
			}
			assert.Regexp(t, commitSHA, m[2], "%s: %s at a full commit SHA, not a tag or branch", name, m[1])
			assert.Regexp(t, release, m[3], "%s: %s's release as a comment after the SHA", name, m[1])
		}

		steps, goSetups, reviewdogs, installs, runsReviewdog := 0, 0, 0, 0, false
		for job, j := range wf.Jobs {
			assert.NotEmpty(t, j.RunsOn, "%s: job %s", name, job)
			for _, s := range j.Steps {
				if s.Uses != "" {
					steps++
				}
				switch {
				case strings.HasPrefix(s.Uses, "actions/setup-go@"):
					goSetups++
					assert.Equal(t, goVersion, s.With["go-version"], "%s: Go at go.mod's version", name)
				case strings.HasPrefix(s.Uses, "reviewdog/action-setup@"):
					reviewdogs++
					assert.Equal(t, reviewdog, s.With["reviewdog_version"], "%s: reviewdog at tools/go.mod's version", name)
				}
				runsReviewdog = runsReviewdog || strings.Contains(s.Run, "reviewdog -")
				for _, m := range goInstall.FindAllStringSubmatch(s.Run, -1) {
					installs++
					version := m[2]
					if v, ok := strings.CutPrefix(version, "$"); ok {
						version = wf.Env[strings.Trim(v, "{}")]
					}
					if strings.HasPrefix(m[1], "github.com/newslint/newslint/") {
						checkOwnRevision(t, name+": newslint", version)
					} else {
						assert.Regexp(t, release, version, "%s: go install %s at a release", name, m[1])
					}
				}
			}
		}
		assert.Equal(t, steps, lines, "%s: every uses: is on a line of its own", name)
		assert.Equal(t, 1, goSetups, "%s: sets up Go", name)
		assert.Equal(t, 1, installs, "%s: installs newslint", name)
		if runsReviewdog {
			assert.Equal(t, 1, reviewdogs, "%s: installs reviewdog", name)
		}
	}
}

// readmeSection returns the README text from the line that starts with
// from up to the next line that starts with to.
func readmeSection(t *testing.T, from, to string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	text := string(data)
	i := strings.Index(text, "\n"+from)
	require.GreaterOrEqual(t, i, 0, "README has %q", from)
	rest := text[i+1:]
	if j := strings.Index(rest[len(from):], "\n"+to); j >= 0 {
		rest = rest[:len(from)+j+1]
	}
	return rest
}

// fencedBlocks returns the contents of the ```lang blocks in text, with
// the indentation of their opening fence removed.
func fencedBlocks(text, lang string) []string {
	var blocks []string
	var cur []string
	indent, in := "", false
	for _, l := range strings.Split(text, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		switch {
		case !in && trimmed == "```"+lang:
			in, indent, cur = true, l[:len(l)-len(trimmed)], nil
		case in && trimmed == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, strings.TrimPrefix(l, indent))
		}
	}
	return blocks
}

// The README's install command and Go version are go.mod's, and its test
// command is the one .ci/run runs.
func TestReadmeInstall(t *testing.T) {
	module := modLine(t, filepath.Join(repoRoot, "go.mod"), "module")
	goVersion := modLine(t, filepath.Join(repoRoot, "go.mod"), "go")
	quick := readmeSection(t, "## Quick start", "## ")
	assert.Contains(t, quick, "    go install "+module+"/cmd/newslint@latest\n")
	_, err := os.Stat(filepath.Join(repoRoot, "cmd", "newslint", "main.go"))
	require.NoError(t, err, "the installed command is cmd/newslint")
	assert.Contains(t, quick, "Go "+goVersion+" or later")

	m := regexp.MustCompile(`(?m)^    (go test [^\n]*)$`).FindStringSubmatch(quick)
	require.NotNil(t, m, "the Quick start's test command")
	ci, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "run"))
	require.NoError(t, err)
	assert.Regexp(t, `(?m)^`+regexp.QuoteMeta(m[1])+`$`, string(ci), ".ci/run runs the README's test command")
}

// The README's pre-commit snippets work today: the local hook runs the
// installed newslint on the article types the shipped hook names, and the
// remote one names a revision of this repository that exists (not a
// release that was never tagged); so does the example in the hooks file.
func TestReadmePreCommit(t *testing.T) {
	var hooks []struct {
		TypesOr []string `yaml:"types_or"`
	}
	hooksFile := filepath.Join(repoRoot, ".pre-commit-hooks.yaml")
	readYAML(t, hooksFile, &hooks)
	require.Len(t, hooks, 1)

	type config struct {
		Repos []struct {
			Repo  string `yaml:"repo"`
			Rev   string `yaml:"rev"`
			Hooks []struct {
				ID       string   `yaml:"id"`
				Entry    string   `yaml:"entry"`
				Language string   `yaml:"language"`
				TypesOr  []string `yaml:"types_or"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	blocks := fencedBlocks(readmeSection(t, "- **pre-commit**", "- **"), "yaml")
	require.NotEmpty(t, blocks)
	local, remote := 0, 0
	for _, b := range blocks {
		var c config
		require.NoError(t, yaml.Unmarshal([]byte(b), &c), b)
		require.Len(t, c.Repos, 1, b)
		r := c.Repos[0]
		require.Len(t, r.Hooks, 1, b)
		h := r.Hooks[0]
		assert.Equal(t, "newslint", h.ID)
		switch r.Repo {
		case "local":
			local++
			assert.Equal(t, "newslint", h.Entry, "the installed command")
			assert.Equal(t, "system", h.Language, "runs what is on the PATH")
			assert.ElementsMatch(t, hooks[0].TypesOr, h.TypesOr)
		case "https://github.com/newslint/newslint":
			remote++
			checkOwnRevision(t, "README pre-commit rev", r.Rev)
		default:
			t.Errorf("unexpected repo %q", r.Repo)
		}
	}
	assert.Equal(t, 1, local)
	assert.Equal(t, 1, remote)

	data, err := os.ReadFile(hooksFile)
	require.NoError(t, err)
	revs := regexp.MustCompile(`(?m)^#\s+rev:\s*(\S+)`).FindAllStringSubmatch(string(data), -1)
	require.Len(t, revs, 1, "the hooks file's example")
	checkOwnRevision(t, ".pre-commit-hooks.yaml example rev", revs[0][1])
}

// Tests read from ../shared (beside the repository, not in it) only the
// founding article (seeds) and the data sets the tables are generated
// from (data); benchmarks may also time the development set (eval).
// Everything else is a fixture in the repository, so that the tests pass
// the same way in any clone.
func TestTestsReadSharedOnlySeedsAndData(t *testing.T) {
	// Built from parts so that this file does not match itself.
	q := `"`
	joined := regexp.MustCompile(q + `shared` + q + `\s*,\s*` + q + `([^` + q + `]+)` + q)
	literal := regexp.MustCompile(q + `(?:\.\./)+shared/([^/` + q + `]+)`)
	found := 0
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != repoRoot && (strings.HasPrefix(n, ".") || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		isTest := strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, ".test.mjs")
		if !isTest {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, re := range []*regexp.Regexp{joined, literal} {
			for _, m := range re.FindAllStringSubmatch(string(data), -1) {
				found++
				switch {
				case m[1] == "seeds", m[1] == "data":
				case m[1] == "eval" && filepath.Base(path) == "bench_test.go":
				default:
					t.Errorf("%s reads ../shared/%s: keep the fixture in the repository (testdata)", path, m[1])
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Positive(t, found, "the founding article's tests were found")
}

// vscodeIgnored reports whether a .vscodeignore pattern list leaves path
// out of the package (the pattern forms the file uses: "dir/**",
// "**/*.ext" and plain names).
func vscodeIgnored(patterns []string, path string) bool {
	for _, p := range patterns {
		switch {
		case strings.HasSuffix(p, "/**"):
			if strings.HasPrefix(path, strings.TrimSuffix(p, "**")) {
				return true
			}
		case strings.HasPrefix(p, "**/"):
			if ok, _ := filepath.Match(strings.TrimPrefix(p, "**/"), filepath.Base(path)); ok {
				return true
			}
		default:
			if ok, _ := filepath.Match(p, path); ok {
				return true
			}
		}
	}
	return false
}

// The VS Code extension ships with the project's licence, without its
// sources and tests, and serves every language it activates on in saved
// and untitled documents alike.
func TestVSCodeExtensionPackage(t *testing.T) {
	dir := filepath.Join(repoRoot, "integrations", "vscode")
	var pkg struct {
		License          string   `json:"license"`
		Main             string   `json:"main"`
		ActivationEvents []string `json:"activationEvents"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &pkg))

	require.Equal(t, "MIT", pkg.License)
	licence, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
	require.NoError(t, err, "vsce packages the LICENSE file")
	assert.True(t, strings.HasPrefix(string(licence), "MIT License\n"), "LICENSE is the licence package.json names")

	ignore, err := os.ReadFile(filepath.Join(dir, ".vscodeignore"))
	require.NoError(t, err)
	var patterns []string
	for _, l := range strings.Split(string(ignore), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, l)
		}
	}
	for _, p := range []string{"src/extension.ts", "test/lsp.test.mjs", "tsconfig.json", "out/extension.js.map"} {
		assert.True(t, vscodeIgnored(patterns, p), "%s is left out of the package", p)
	}
	main := strings.TrimPrefix(pkg.Main, "./")
	for _, p := range []string{main, "package.json", "LICENSE", "node_modules/vscode-languageclient/node.js"} {
		assert.False(t, vscodeIgnored(patterns, p), "%s is in the package", p)
	}

	src, err := os.ReadFile(filepath.Join(dir, "src", "extension.ts"))
	require.NoError(t, err)
	selector := map[string]bool{}
	for _, m := range regexp.MustCompile(`\{\s*scheme:\s*"(\w+)",\s*language:\s*"(\w+)"\s*\}`).FindAllStringSubmatch(string(src), -1) {
		selector[m[1]+":"+m[2]] = true
	}
	require.NotEmpty(t, pkg.ActivationEvents)
	for _, e := range pkg.ActivationEvents {
		lang, ok := strings.CutPrefix(e, "onLanguage:")
		require.True(t, ok, e)
		for _, scheme := range []string{"file", "untitled"} {
			assert.True(t, selector[scheme+":"+lang], "documentSelector has %s documents of %s", scheme, lang)
		}
	}
}
