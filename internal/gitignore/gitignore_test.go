package gitignore

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A case is one .gitignore at the top of a work tree and paths below it,
// each with whether git ignores it (written by hand from gitignore(5)). A
// path ending in "/" is a directory. A path is ignored when it or a
// directory above it is, as a walk that skips ignored directories sees
// it.
type matchCase struct {
	name, ignore string
	paths        map[string]bool
}

var matchCases = []matchCase{
	{"basics", "*.log\n!keep.log\nbuild/\n/root.txt\ndoc/*.txt\n**/tmp\nfoo/**/bar\n\\#hash\n\\!bang\ntrail\\ \nspaces   \n# comment\n\n", map[string]bool{
		"a.log": true, "sub/b.log": true, "keep.log": false, "sub/keep.log": false,
		"build/": true, "build/x.txt": true, "src/build/": true, "build.txt": false, "notes/build": false,
		"root.txt": true, "sub/root.txt": false,
		"doc/a.txt": true, "doc/sub/a.txt": false,
		"tmp/": true, "a/b/tmp": true,
		"foo/bar": true, "foo/a/b/bar": true, "foobar": false, "xfoo/bar": false,
		"#hash": true, "!bang": true, "trail ": true, "trail": false, "spaces": true,
		"# comment": false,
	}},
	{"brackets", "[abc].md\n[!a-c]x.md\nfile[0-9][[:alpha:]].txt\n[]]br.txt\nq?.txt\n*.[ch]\nbad[.txt\n[[:nope:]]z.txt\n[^x]y.txt\n", map[string]bool{
		"a.md": true, "d.md": false, "dx.md": true, "ax.md": false,
		"file1a.txt": true, "file1.txt": false, "file12.txt": false,
		"]br.txt": true, "q1.txt": true, "q12.txt": false,
		"main.c": true, "main.h": true, "main.o": false,
		"bad[.txt": false, "nz.txt": false, "ay.txt": true, "xy.txt": false,
	}},
	{"no re-include below an ignored directory", "logs/\n!logs/keep.txt\n", map[string]bool{
		"logs/": true, "logs/keep.txt": true, "other/keep.txt": false,
	}},
	{"only one directory kept", "/*\n!/content/\n", map[string]bool{
		"a.txt": true, "data/": true, "data/x.txt": true, "content/": false, "content/x.txt": false,
	}},
	{"a trailing /** is what is inside", "a/**\nsub/deep/\n", map[string]bool{
		"a/": false, "a/x.txt": true, "a/b/c.txt": true, "b/a/x.txt": false,
		"sub/deep/": true, "sub/deep/f.txt": true, "x/sub/deep/": false,
	}},
	{"** next to other characters", "x/a**/y\n**.gen\nlib/**.min.js\n", map[string]bool{
		// git matches what follows a pattern's literal start as a
		// pattern of its own: there "**/y" is at its start.
		"x/a/b/y": true, "x/ay": true, "x/ab/y": true,
		"one.gen": true, "deep/two.gen": true,
		"lib/a.min.js": true, "lib/sub/a.min.js": false,
	}},
	{"leading **/ and middle /**/", "**/gen/*.md\nsrc/**/out\n", map[string]bool{
		"gen/a.md": true, "x/y/gen/a.md": true, "gen/sub/a.md": false,
		"src/out": true, "src/a/b/out": true, "srcx/out": false,
	}},
}

// ignoredInWalk is whether a walk that skips ignored directories skips
// path.
func ignoredInWalk(l *List, path string) bool {
	parts := strings.Split(strings.TrimSuffix(path, "/"), "/")
	for i := range parts {
		isDir := i < len(parts)-1 || strings.HasSuffix(path, "/")
		if Ignored([]*List{l}, strings.Join(parts[:i+1], "/"), isDir) {
			return true
		}
	}
	return false
}

func TestMatchTable(t *testing.T) {
	for _, tc := range matchCases {
		l := Parse([]byte(tc.ignore), "")
		for path, want := range tc.paths {
			assert.Equal(t, want, ignoredInWalk(l, path), "%s: %q", tc.name, path)
		}
	}
}

// TestTableAgreesWithGit checks the hand-written table against git's own
// answers (git check-ignore on real files), where git is installed.
func TestTableAgreesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	for _, tc := range matchCases {
		dir := t.TempDir()
		gitIn(t, dir, nil, "init", "-q")
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(tc.ignore), 0o644))
		var stdin bytes.Buffer
		var paths []string
		for p := range tc.paths {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if strings.HasSuffix(p, "/") {
				require.NoError(t, os.MkdirAll(full, 0o755))
			} else {
				require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
				require.NoError(t, os.WriteFile(full, nil, 0o644))
			}
			p = strings.TrimSuffix(p, "/")
			paths = append(paths, p)
			stdin.WriteString(p + "\x00")
		}
		out := gitIn(t, dir, &stdin, "check-ignore", "--no-index", "--stdin", "-z")
		ignored := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
		for path, want := range tc.paths {
			assert.Equal(t, want, slices.Contains(ignored, strings.TrimSuffix(path, "/")), "%s: git on %q", tc.name, path)
		}
	}
}

// gitIn runs git in dir with no configuration but the repository's own,
// and returns its output (check-ignore exits 1 when nothing is ignored).
func gitIn(t *testing.T, dir string, stdin *bytes.Buffer, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && len(args) > 0 && args[0] == "check-ignore" {
		err = nil
	}
	require.NoError(t, err, "git %v", args)
	return string(out)
}

func TestParseLines(t *testing.T) {
	l := Parse([]byte("\xef\xbb\xbfa.txt\r\n\r\nb.txt"), "")
	require.Len(t, l.Patterns, 2, "BOM skipped, CRLF read, last line without its end read")
	assert.True(t, ignoredInWalk(l, "a.txt"))
	assert.True(t, ignoredInWalk(l, "b.txt"))

	// A list below the top applies to paths below its directory, anchored
	// there.
	sub := Parse([]byte("/x.txt\ny.txt\n"), "content")
	for path, want := range map[string]bool{"content/x.txt": true, "content/a/x.txt": false, "content/a/y.txt": true, "x.txt": false, "y.txt": false} {
		matched, ignored := sub.Match(path, false)
		assert.Equal(t, want, matched && ignored, path)
	}
}

func TestCompile(t *testing.T) {
	for _, bad := range []string{"", "  ", "# note", "a[b", "[[:nope:]]", `x\`, "!", "/"} {
		_, err := Compile(bad)
		assert.Error(t, err, "%q", bad)
	}
	for _, good := range []string{"drafts/", "data/**/*.md", "*.tmp.txt", `\#x`, "!keep.txt"} {
		_, err := Compile(good)
		assert.NoError(t, err, "%q", good)
	}
}

// TestMatchIsLinear: a pattern of many stars against a long name that
// almost matches takes no time (a backtracking matcher takes time
// exponential in the stars).
func TestMatchIsLinear(t *testing.T) {
	p, err := Compile(strings.Repeat("*a", 40) + "b")
	require.NoError(t, err)
	name := strings.Repeat("a", 4000)
	start := time.Now()
	for range 10 {
		assert.False(t, p.Match(name, false))
	}
	assert.Less(t, time.Since(start), 5*time.Second)
}

// FuzzMatch reads any line as a pattern and matches it against any path:
// it never panics.
func FuzzMatch(f *testing.F) {
	f.Add("[[:alpha:]-z]**/x\\", "a/b/x")
	f.Add("!/a/**/b/", "a/b")
	f.Add("[!]-]?*", "]x")
	f.Fuzz(func(t *testing.T, line, path string) {
		if p, ok := ParseLine(line); ok {
			p.Match(path, false)
			p.Match(path, true)
		}
		_, _ = Compile(line)
	})
}
