package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
	"github.com/stretchr/testify/require"
)

// The seed article gives the UN words to Andrei Kobyakov; a transcript in
// which the Belarus President (LUKASHENKO, a label on its own line) says
// them makes the speaker finding on that quotation, with the transcript's
// place as related information.
func TestQuoteFidelitySeedWrongSpeaker(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt"))
	if err != nil {
		t.Skip("the founding article (shared seeds) is not available")
	}
	l := defaultLinter(t)
	l.Config.SourcePaths = []string{filepath.Join("..", "testdata", "quote-fidelity", "seed-transcript.txt")}
	fs, err := l.Lint("seed.txt", seed, markup.Text)
	require.NoError(t, err)
	var got []linter.Finding
	for _, f := range fs {
		if f.Rule == "quote-fidelity" && f.Severity == linter.Error {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1, "%v", got)
	f := got[0]
	require.Contains(t, f.Message, "the transcript gives these words to LUKASHENKO; the article to Andrei Kobyakov")
	require.True(t, strings.HasPrefix(string(seed[f.Start.Offset:]), "We support you in the UN"))
	require.Len(t, f.Related, 1)
	require.Equal(t, filepath.Join("..", "testdata", "quote-fidelity", "seed-transcript.txt"), f.Related[0].File)
	require.Equal(t, 5, f.Related[0].Start.Line)
}

// transcript generates about size bytes of a labelled transcript from a
// small vocabulary (seeded: the same text every run).
func transcript(size int) []byte {
	words := strings.Fields("the council harbour ferry will run open close every day night week year city board fund works pay cost fare spring winter we you they said think plan build island terminal timetable passengers million service review")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for turn := 0; b.Len() < size; turn++ {
		fmt.Fprintf(&b, "SPEAKER%d: ", turn%7)
		for i := 0; i < 60; i++ {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// benchmarkSources checks an article with quotations against size bytes of
// transcripts, indexed once (outside the timing), then lints again and
// again: the time per op is what checking adds.
func benchmarkSources(b *testing.B, size int) {
	dir := b.TempDir()
	p := filepath.Join(dir, "transcript.txt")
	require.NoError(b, os.WriteFile(p, transcript(size), 0o644))
	art, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "quote-fidelity", "exact.txt"))
	require.NoError(b, err)
	l := defaultLinter(b)
	l.Config.SourcePaths = []string{p}
	l.Sources = &engine.Sources{}
	if _, err := l.Lint("a.txt", art, markup.Text); err != nil { // reads and indexes
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Lint("a.txt", art, markup.Text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuoteFidelity1MB(b *testing.B) { benchmarkSources(b, 1<<20) }
func BenchmarkQuoteFidelity2MB(b *testing.B) { benchmarkSources(b, 2<<20) }

// benchmarkIndex reads and indexes size bytes of transcripts: what a run
// pays once.
func benchmarkIndex(b *testing.B, size int) {
	dir := b.TempDir()
	p := filepath.Join(dir, "transcript.txt")
	require.NoError(b, os.WriteFile(p, transcript(size), 0o644))
	art, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "quote-fidelity", "exact.txt"))
	require.NoError(b, err)
	l := defaultLinter(b)
	l.Config.SourcePaths = []string{p}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Sources = &engine.Sources{}
		if _, err := l.Lint("a.txt", art, markup.Text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuoteFidelityIndex1MB(b *testing.B) { benchmarkIndex(b, 1<<20) }
func BenchmarkQuoteFidelityIndex2MB(b *testing.B) { benchmarkIndex(b, 2<<20) }
