package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordRule reports every occurrence of the word "bad", with a fix.
var wordRule = &linter.Rule{Name: "bad-word", Doc: "reports bad", Severity: linter.Warning, Run: func(pass *linter.Pass) {
	for i, tk := range pass.Article.Tokens {
		if pass.Article.Tok(i) == "bad" {
			pass.Report(tk.Span(), "the word “bad”", pass.Fix("use good", tk.Span(), "good"))
		}
	}
}}

var panicRule = &linter.Rule{Name: "panics", Doc: "always panics", Severity: linter.Error, Run: func(pass *linter.Pass) {
	if strings.Contains(pass.Article.Src.Text, "boom") {
		panic("boom")
	}
}}

func TestLintRecoversFromPanics(t *testing.T) {
	l := &Linter{Rules: []*linter.Rule{panicRule, wordRule}, Config: linter.DefaultConfig([]*linter.Rule{panicRule, wordRule})}
	fs, err := l.Lint("x.txt", []byte("boom and bad"), markup.Text)
	require.Len(t, fs, 1, "the other rule still ran")
	assert.Equal(t, "bad-word", fs[0].Rule)
	var re *linter.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "panics", re.Rule)
	assert.Contains(t, err.Error(), "internal error in rule panics: boom")

	fs, err = l.Lint("y.txt", []byte("all bad"), markup.Text)
	assert.Len(t, fs, 1)
	assert.NoError(t, err)
}

func TestLintDisabledRuleAndSeverity(t *testing.T) {
	cfg := linter.DefaultConfig([]*linter.Rule{wordRule})
	cfg.Rules["bad-word"].Severity = linter.Error
	l := &Linter{Rules: []*linter.Rule{wordRule}, Config: cfg}
	fs, err := l.Lint("x.txt", []byte("bad"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, linter.Error, fs[0].Severity)
	cfg.Rules["bad-word"].Enabled = false
	fs, err = l.Lint("x.txt", []byte("bad"), markup.Text)
	require.NoError(t, err)
	assert.Empty(t, fs)
}

func TestLintTargetsMixedInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	good := write("good.txt", "A bad day.\n")
	bin := write("bin.txt", "abc\x00\x01\x02")
	big := write("big.md", strings.Repeat("x", 200))
	write("ignored.json", "{}")
	sub := filepath.Join(dir, ".hidden")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	write(".hidden/skip.txt", "bad")
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.MkdirAll(empty, 0o755))

	cfg := linter.DefaultConfig([]*linter.Rule{wordRule})
	cfg.MaxFileSize = 100
	l := &Linter{Rules: []*linter.Rule{wordRule}, Config: cfg}
	targets := Collect([]string{dir, filepath.Join(dir, "missing.txt"), empty}, nil, "", nil)
	res := l.LintTargets(targets)
	byPath := map[string]linter.FileResult{}
	for _, r := range res {
		byPath[r.Path] = r
	}
	require.Len(t, byPath[good].Findings, 1)
	assert.ErrorContains(t, byPath[bin].Err, "binary")
	assert.ErrorContains(t, byPath[big].Err, "over the limit")
	assert.ErrorContains(t, byPath[filepath.Join(dir, "missing.txt")].Err, "no such file")
	assert.ErrorContains(t, byPath[empty].Err, "no .txt")
	_, hidden := byPath[filepath.Join(sub, "skip.txt")]
	assert.False(t, hidden)
	for i := 1; i < len(res); i++ {
		assert.LessOrEqual(t, res[i-1].Path, res[i].Path, "results are sorted by path")
	}
}

func TestLintTargetsStdin(t *testing.T) {
	l := &Linter{Rules: []*linter.Rule{wordRule}}
	res := l.LintTargets(Collect([]string{"-"}, strings.NewReader("so bad"), "article.txt", nil))
	require.Len(t, res, 1)
	assert.Equal(t, "article.txt", res[0].Path)
	require.Len(t, res[0].Findings, 1)
	assert.Equal(t, article.Position{Line: 1, Column: 4, Offset: 3, ByteColumn: 4}, res[0].Findings[0].Start)
	assert.Equal(t, article.Position{Line: 1, Column: 7, Offset: 6, ByteColumn: 7}, res[0].Findings[0].End)
}

// TestWalkedFilesMeasuredAsRead: files found by walking a directory are
// measured when they are read (Sized is called with each size, before the
// read), and the bytes being linted at once stay within MaxBytesInFlight,
// as for files whose sizes were known when listed.
func TestWalkedFilesMeasuredAsRead(t *testing.T) {
	dir := t.TempDir()
	sizes := map[int64]bool{}
	for i := 1; i <= 12; i++ {
		text := strings.Repeat("word ", 4*i) + "\n" // 20i+1 bytes
		sizes[int64(len(text))] = true
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), []byte(text), 0o644))
	}
	var inFlight, most atomic.Int64
	slow := &linter.Rule{Name: "slow", Doc: "holds its article a while", Severity: linter.Info, Run: func(pass *linter.Pass) {
		n := inFlight.Add(int64(len(pass.Article.Src.Bytes)))
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-int64(len(pass.Article.Src.Bytes)))
	}}
	var mu sync.Mutex
	measured := map[int64]bool{}
	l := &Linter{Rules: []*linter.Rule{slow}, MaxBytesInFlight: 300, Sized: func(size int64) {
		mu.Lock()
		measured[size] = true
		mu.Unlock()
	}}
	targets := Collect([]string{dir}, nil, "", nil)
	for _, tg := range targets {
		assert.Equal(t, int64(-1), tg.Size, "a walked file is measured as it is read")
	}
	for _, r := range l.LintTargets(targets) {
		require.NoError(t, r.Err)
	}
	assert.Equal(t, sizes, measured)
	assert.LessOrEqual(t, most.Load(), int64(300))
	assert.Positive(t, most.Load())
}

// BenchmarkCollectAndRead lists a directory of 1,000 small articles and
// reads each (what a run over the dev set does before any linting): the
// walk measures nothing, and each file takes one read.
func BenchmarkCollectAndRead(b *testing.B) {
	dir := b.TempDir()
	text := []byte(strings.Repeat("Alexander Lukashenko said the talks went well. ", 40))
	for i := 0; i < 1000; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), text, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	l := &Linter{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range Collect([]string{dir}, nil, "", nil) {
			if _, _, err := l.read(t, func(int64) {}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
