package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fakeGit puts a git on the PATH that records each call in a file and
// fails; it returns the environment to run with and the record's path.
func fakeGit(t *testing.T) ([]string, string) {
	t.Helper()
	bin := t.TempDir()
	record := filepath.Join(bin, "calls")
	script := "#!/bin/sh\necho \"$@\" >> '" + record + "'\nexit 128\n"
	require.NoError(t, os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755))
	return []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}, record
}

// Only the formats that write paths relative to the repository (SARIF,
// GitHub annotations) ask git for it: a plain lint run starts no process.
func TestOnlyRelativeFormatsRunGit(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", unbalanced)
	for _, f := range []string{"text", "json", "rdjsonl", "checkstyle", "sarif", "github"} {
		env, record := fakeGit(t)
		r := runEnv(t, dir, env, "--format", f, "a.txt")
		require.Equal(t, 1, r.code, "%s: %s", f, r.stderr)
		calls, err := os.ReadFile(record)
		if f == "sarif" || f == "github" {
			require.NoError(t, err, "--format %s should find the repository's top level", f)
			require.Contains(t, string(calls), "rev-parse --show-toplevel")
			continue
		}
		require.True(t, os.IsNotExist(err), "--format %s ran git: %s", f, strings.TrimSpace(string(calls)))
	}
}

// initBytes runs the binary on path with GODEBUG=inittrace=1 and returns
// the bytes each package's initialisation allocated, by import path
// (inittrace names only the packages whose initialisation does work).
func initBytes(t *testing.T, dir, path string) map[string]int {
	t.Helper()
	r := runEnv(t, dir, []string{"GODEBUG=inittrace=1"}, "--exit-zero", path)
	require.Equal(t, 0, r.code, r.stderr)
	out := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(r.stderr))
	for sc.Scan() {
		// init PKG @0.5 ms, 0.01 ms clock, 144 bytes, 4 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 10 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		require.NoError(t, err, sc.Text())
		out[f[1]] += n
	}
	require.Contains(t, out, "main", "no init trace in:\n%s", r.stderr)
	return out
}

// markupMachinery reports whether an import path is Markdown, HTML or XML
// machinery: goldmark and the HTML tokenizer (upstream or the copies in
// article/markup/internal) or encoding/xml.
func markupMachinery(pkg string) bool {
	for _, p := range []string{"github.com/yuin/goldmark", "golang.org/x/net/html", "encoding/xml",
		"github.com/newslint/newslint/article/markup/internal/"} {
		if pkg == p || strings.HasPrefix(pkg, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

// A plain-text article initialises no Markdown, HTML or XML machinery
// (goldmark's patterns, compiled at start-up, cost 4 to 5 ms a run, the
// HTML tokenizer's table of references half a millisecond): what is left
// of those packages' initialisation allocates next to nothing, and what
// a Markdown file needs is built when one is read.
func TestPlainTextInitialisesNoMarkup(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", clean)
	total := 0
	for pkg, n := range initBytes(t, dir, "a.txt") {
		if markupMachinery(pkg) {
			require.LessOrEqual(t, n, 8<<10, "%s allocates %d bytes at start-up", pkg, n)
			total += n
		}
	}
	require.LessOrEqual(t, total, 16<<10, "Markdown, HTML and XML packages allocate %d bytes at start-up", total)
	// The same binary still reads both formats.
	writeFile(t, dir, "a.md", "# Budget\n\n**Mayor Ana Ruiz** said the [budget](https://example.org) passed.\n")
	writeFile(t, dir, "a.html", "<p>Mayor Ana Ruiz said &ldquo;it passed.&rdquo;</p>")
	for _, f := range []string{"a.md", "a.html"} {
		r := runIn(t, dir, "", "--format", "json", f)
		require.Equal(t, 0, r.code, "%s: %s", f, r.stderr)
	}
}

// helloWorld builds a Go hello-world with the go command on the PATH (the
// one that builds newslint) into dir and returns its path.
func helloWorld(tb testing.TB, dir string) string {
	tb.Helper()
	src := filepath.Join(dir, "hello")
	require.NoError(tb, os.MkdirAll(src, 0o755))
	require.NoError(tb, os.WriteFile(filepath.Join(src, "go.mod"), []byte("module hello\n"), 0o644))
	require.NoError(tb, os.WriteFile(filepath.Join(src, "main.go"),
		[]byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n"), 0o644))
	bin := filepath.Join(dir, "hello-world")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = src
	out, err := cmd.CombinedOutput()
	require.NoError(tb, err, string(out))
	return bin
}

// BenchmarkStartup measures what an article costs from process start to
// exit, as pre-commit, an editor's on-save hook or a CMS call pays it:
// the real binary on the founding article against a Go hello-world built
// by the same go command, run alternately, one pair per iteration. It
// reports the median wall time of each and their ratio (the target: 1.5
// at most):
//
//	go test ./cmd/newslint -run XXX -bench Startup -benchtime 100x
func BenchmarkStartup(b *testing.B) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	require.NoError(b, err)
	if _, err := os.Stat(seed); err != nil {
		b.Skipf("seed article not available: %v", err)
	}
	hello := helloWorld(b, b.TempDir())
	run := func(name string, args ...string) time.Duration {
		start := time.Now()
		cmd := exec.Command(name, args...)
		if err := cmd.Run(); err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	run(binary, seed) // the first run reads the binary from disk
	var lint, world []time.Duration
	b.ResetTimer()
	for range b.N {
		lint = append(lint, run(binary, seed))
		world = append(world, run(hello))
	}
	b.StopTimer()
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2]) / 1e6
	}
	l, h := median(lint), median(world)
	b.ReportMetric(l, "newslint-ms")
	b.ReportMetric(h, "hello-ms")
	b.ReportMetric(l/h, "ratio")
	b.ReportMetric(0, "ns/op")
}
