package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
)

func devFiles(b *testing.B) (names []string, data [][]byte, total int64) {
	b.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "dev", "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	if len(paths) == 0 {
		b.Skip("../shared/eval/dev not available")
	}
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, p)
		data = append(data, d)
		total += int64(len(d))
	}
	return names, data, total
}

// BenchmarkDevSet lints every article of ../shared/eval/dev with all default
// rules, one after another on one goroutine; MB/s is the throughput of one
// core.
func BenchmarkDevSet(b *testing.B) {
	names, data, total := devFiles(b)
	l := defaultLinter(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range data {
			if _, err := l.Lint(names[j], data[j], markup.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchmarkSize lints one article of about size bytes, built by repeating
// the paragraphs of a written test article.
func benchmarkSize(b *testing.B, size int) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "bench", "paragraphs.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.Write(seed)
		sb.WriteString("\n\n")
	}
	benchText(b, []byte(sb.String()))
}

// benchText lints one article b.N times and reports its throughput.
func benchText(b *testing.B, text []byte) {
	l := defaultLinter(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Lint("bench.txt", text, markup.Text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkArticle20KB(b *testing.B) { benchmarkSize(b, 20<<10) }
func BenchmarkArticle1MB(b *testing.B)  { benchmarkSize(b, 1<<20) }

// benchmarkOneSentence lints an article that is a single endless sentence
// on a single line, with names and pronouns throughout: every look-back
// window and every column computation is bounded, so its time grows
// linearly too.
func benchmarkOneSentence(b *testing.B, size int) {
	unit := "John Smith said he would go and Smith thinks he will “go” and "
	benchText(b, []byte(strings.Repeat(unit, size/len(unit)+1)))
}

func BenchmarkOneSentence20KB(b *testing.B) { benchmarkOneSentence(b, 20<<10) }
func BenchmarkOneSentence1MB(b *testing.B)  { benchmarkOneSentence(b, 1<<20) }
