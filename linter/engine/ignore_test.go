package engine

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// put writes files under root: name → content.
func put(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
}

// listed is the paths of targets relative to root, slash-separated and
// sorted; a target in error is listed with its error.
func listed(t *testing.T, root string, targets []Target) []string {
	t.Helper()
	var out []string
	for _, tg := range targets {
		rel, err := filepath.Rel(root, tg.Path)
		require.NoError(t, err)
		s := filepath.ToSlash(rel)
		if tg.Err != nil {
			s += ": " + tg.Err.Error()
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// noGitConfig keeps the user's git configuration out of a test: no
// global or system file, and the default global excludes file under
// xdg.
func noGitConfig(t *testing.T) (xdg string) {
	xdg = t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	return xdg
}

// ignoredTree is a work tree (made without git) whose ignore files skip
// some of its articles.
func ignoredTree(t *testing.T) string {
	xdg := noGitConfig(t)
	put(t, xdg, map[string]string{"git/ignore": "*.global.txt\n"})
	root := t.TempDir()
	put(t, root, map[string]string{
		".git/info/exclude":             "private.md\n",
		".gitignore":                    "node_modules/\n*.gen.md\n!keep.gen.md\n/build\n",
		"content/.gitignore":            "drafts/\n!local.gen.md\n",
		"a.txt":                         "a",
		"node_modules/pkg/NOTICE.txt":   "n",
		"content/node_modules/x.md":     "n",
		"x.gen.md":                      "g",
		"gen/y.gen.md":                  "g",
		"keep.gen.md":                   "k",
		"build/out.html":                "b",
		"content/build/in.md":           "b",
		"content/drafts/d.md":           "d",
		"drafts/d.md":                   "d",
		"content/local.gen.md":          "l",
		"content/other.gen.md":          "o",
		"private.md":                    "p",
		"content/private.md":            "p",
		"notes.global.txt":              "g",
		"content/sub/deeper.global.txt": "g",
	})
	return root
}

// TestWalkSkipsWhatGitIgnores: a walk skips what .gitignore at every
// level, .git/info/exclude and the global excludes file ignore, with
// negation and anchoring, also when it starts below the top.
func TestWalkSkipsWhatGitIgnores(t *testing.T) {
	root := ignoredTree(t)
	assert.Equal(t, []string{
		"a.txt", "content/build/in.md", "content/local.gen.md", "drafts/d.md", "keep.gen.md",
	}, listed(t, root, Collect([]string{root}, nil, "", nil)))

	assert.Equal(t, []string{"content/build/in.md", "content/local.gen.md"},
		listed(t, root, Collect([]string{filepath.Join(root, "content")}, nil, "", nil)),
		"the .gitignore files above the directory walked apply")

	// Named files are linted however ignored.
	named := []string{filepath.Join(root, "node_modules/pkg/NOTICE.txt"), filepath.Join(root, "x.gen.md")}
	assert.Equal(t, []string{"node_modules/pkg/NOTICE.txt", "x.gen.md"}, listed(t, root, Collect(named, nil, "", nil)))

	// A directory named is walked, though ignored: what it holds is
	// matched as git matches it ("node_modules/" names the directory).
	assert.Equal(t, []string{"node_modules/pkg/NOTICE.txt"},
		listed(t, root, Collect([]string{filepath.Join(root, "node_modules")}, nil, "", nil)))

	// A directory that holds only ignored files says so.
	got := Collect([]string{filepath.Join(root, "gen")}, nil, "", nil)
	require.Len(t, got, 1)
	assert.ErrorContains(t, got[0].Err, "not ignored")
}

// TestWalkOutsideAWorkTree: outside a git work tree no .gitignore
// applies, as for git.
func TestWalkOutsideAWorkTree(t *testing.T) {
	noGitConfig(t)
	root := t.TempDir()
	put(t, root, map[string]string{".gitignore": "*.md\n", "a.md": "a"})
	assert.Equal(t, []string{"a.md"}, listed(t, root, Collect([]string{root}, nil, "", nil)))
	// A work tree inside a walked directory has its own rules.
	put(t, root, map[string]string{"repo/.git/HEAD": "", "repo/.gitignore": "*.md\n", "repo/b.md": "b", "repo/c.txt": "c"})
	assert.Equal(t, []string{"a.md", "repo/c.txt"}, listed(t, root, Collect([]string{root}, nil, "", nil)))
}

// TestWalkAgreesWithGitLsFiles compares a walk with what git itself
// lists as untracked and not ignored, on a tree with ignore files at
// several levels and a global excludes file named in git's configuration.
func TestWalkAgreesWithGitLsFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	noGitConfig(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	put(t, home, map[string]string{
		".gitconfig": "[core]\n\texcludesFile = ~/my-ignore\n",
		"my-ignore":  "*.bak.md\nscratch/\n",
	})
	t.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
	root := t.TempDir()
	cmd := exec.Command("git", "init", "-q", root)
	require.NoError(t, cmd.Run())
	put(t, root, map[string]string{
		".git/info/exclude":           "/local-only/\n",
		".gitignore":                  "# generated\n*.gen.*\n!/docs/*.gen.md\nvendor\ndata/**/raw/\n/out*/\n[Tt]emp*.txt\n",
		"docs/.gitignore":             "!vendor\nold/*\n!old/keep.md\n",
		"docs/a.gen.md":               "x",
		"docs/sub/b.gen.md":           "x",
		"docs/vendor/v.md":            "x",
		"docs/old/gone.md":            "x",
		"docs/old/keep.md":            "x",
		"vendor/lib/README.md":        "x",
		"data/x/raw/r.txt":            "x",
		"data/x/cooked/c.txt":         "x",
		"data/raw/top.txt":            "x",
		"out1/o.html":                 "x",
		"docs/out2/o.html":            "x",
		"Temp1.txt":                   "x",
		"temp2.txt":                   "x",
		"Attempt.txt":                 "x",
		"local-only/l.md":             "x",
		"notes.bak.md":                "x",
		"scratch/s.md":                "x",
		"story.md":                    "x",
		"content/2024/piece.html":     "x",
		"content/2024/piece.bak.md.x": "x",
	})
	ls := exec.Command("git", "ls-files", "--others", "--exclude-standard", "-z")
	ls.Dir = root
	out, err := ls.Output()
	require.NoError(t, err)
	var want []string
	for _, p := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if markup.Lintable(p) && !strings.HasPrefix(p, ".") && !strings.Contains(p, "/.") {
			want = append(want, p)
		}
	}
	slices.Sort(want)
	require.NotEmpty(t, want)
	assert.Equal(t, want, listed(t, root, Collect([]string{root}, nil, "", nil)))
}

// TestExcludeInConfig: the exclude patterns of the configuration that
// applies in a directory skip what they name there, relative to that
// configuration's directory; a file named is still linted.
func TestExcludeInConfig(t *testing.T) {
	noGitConfig(t)
	root := t.TempDir()
	put(t, root, map[string]string{
		"newslint.toml":         "exclude = [\"drafts/\", \"/data/**/*.md\", \"*.skip.txt\"]\n",
		"a.txt":                 "a",
		"drafts/d.txt":          "d",
		"data/2024/x.md":        "x",
		"data/2024/x.txt":       "x",
		"more/data/y.md":        "y",
		"b.skip.txt":            "s",
		"content/newslint.toml": "exclude = [\"wip.md\"]\n",
		"content/drafts/d.txt":  "d",
		"content/wip.md":        "w",
		"content/c.skip.txt":    "c",
		"content/ready.md":      "r",
	})
	set := config.NewSet(nil, nil, "")
	got, err := CollectConfigured([]string{root}, nil, "", nil, set.For)
	require.NoError(t, err)
	assert.Equal(t, []string{
		// content/ has its own configuration: the top one's patterns do
		// not apply there.
		"a.txt", "content/c.skip.txt", "content/drafts/d.txt", "content/ready.md",
		"data/2024/x.txt", "more/data/y.md",
	}, listed(t, root, got))

	got, err = CollectConfigured([]string{filepath.Join(root, "drafts", "d.txt")}, nil, "", nil, set.For)
	require.NoError(t, err)
	assert.Equal(t, []string{"drafts/d.txt"}, listed(t, root, got), "a file named is linted")

	// --config: one file's patterns, relative to it, for every directory.
	fixed := config.NewSet(nil, nil, filepath.Join(root, "content", "newslint.toml"))
	got, err = CollectConfigured([]string{root}, nil, "", nil, fixed.For)
	require.NoError(t, err)
	assert.NotContains(t, listed(t, root, got), "content/wip.md")
	assert.Contains(t, listed(t, root, got), "drafts/d.txt")
}

// TestEachFileItsConfig: each file is linted under the configuration of
// its directory; standard input under that of its --stdin-filename.
func TestEachFileItsConfig(t *testing.T) {
	noGitConfig(t)
	rules := []*linter.Rule{wordRule}
	root := t.TempDir()
	put(t, root, map[string]string{
		"top.txt":               "bad",
		"content/newslint.toml": "[rules.bad-word]\nenabled = false\n",
		"content/a.txt":         "bad",
		"content/deep/b.txt":    "bad",
	})
	set := config.NewSet(nil, rules, "")
	targets, err := CollectConfigured([]string{root, "-"}, strings.NewReader("bad"), filepath.Join(root, "content", "in.txt"), nil, set.For)
	require.NoError(t, err)
	l := &Linter{Rules: rules}
	found := map[string]int{}
	for _, r := range l.LintTargets(targets) {
		require.NoError(t, r.Err)
		rel, _ := filepath.Rel(root, r.Path)
		found[filepath.ToSlash(rel)] = len(r.Findings)
	}
	assert.Equal(t, map[string]int{"top.txt": 1, "content/a.txt": 0, "content/deep/b.txt": 0, "content/in.txt": 0}, found)

	// A broken configuration ends the collection with its error.
	put(t, root, map[string]string{"content/newslint.toml": "[rules.bad-word\n"})
	_, err = CollectConfigured([]string{root}, nil, "", nil, config.NewSet(nil, rules, "").For)
	var ce *config.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, filepath.Join(root, "content", "newslint.toml"), ce.File)
}

// TestIgnoreFileErrors: an ignore file that cannot be read is reported,
// and the walk goes on.
func TestIgnoreFileErrors(t *testing.T) {
	noGitConfig(t)
	root := t.TempDir()
	put(t, root, map[string]string{".git/HEAD": "", "a.txt": "a"})
	require.NoError(t, os.WriteFile(filepath.Join(root, ".gitignore"), bytes.Repeat([]byte("x\n"), maxIgnoreFile), 0o644))
	put(t, root, map[string]string{"sub/b.txt": "b"})
	got := listed(t, root, Collect([]string{root, filepath.Join(root, "sub", "b.txt")}, nil, "", nil))
	require.Len(t, got, 3, "the error once, however often the file is read")
	assert.Contains(t, got[0], ".gitignore: ignore file not read")
	assert.Equal(t, []string{"a.txt", "sub/b.txt"}, got[1:])
	got = listed(t, root, Collect([]string{filepath.Join(root, "sub"), root}, nil, "", nil))
	assert.Len(t, got, 3, "the error once, however often the file is read: %v", got)
}
