package article

import (
	"runtime"
	"strings"
	"testing"
)

// TestOneWordParagraphsAllocation parses a headline and then 2 MB of
// one-word paragraphs ("word", a blank line, …), where the per-paragraph
// and per-sentence lists dominate the model. They are made at their final
// size, not grown (which held the old copy and the new at once and
// allocated about 130 bytes for each byte of input), and the lines are
// read one at a time rather than listed.
func TestOneWordParagraphsAllocation(t *testing.T) {
	text := "Talks\n\n" + strings.Repeat("word\n\n", 2<<20/6)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	a := ParseText("words.txt", text)
	runtime.ReadMemStats(&after)
	if got, want := len(a.Paragraphs), 2<<20/6+1; got != want {
		t.Fatalf("%d paragraphs, want %d", got, want)
	}
	if len(a.Sentences) != len(a.Paragraphs) || !a.Paragraphs[0].Headline {
		t.Fatalf("%d sentences for %d paragraphs, headline %v", len(a.Sentences), len(a.Paragraphs), a.Paragraphs[0].Headline)
	}
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
	t.Logf("%.1f bytes allocated per byte of input", perByte)
	if perByte > 40 {
		t.Errorf("parsing allocated %.1f bytes per byte of input, want at most 40", perByte)
	}
}
