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
	// 22 now that a paragraph keeps where its first quotation is rather
	// than a list of them, and a line's start takes four bytes (it was 27).
	if perByte > 24 {
		t.Errorf("parsing allocated %.1f bytes per byte of input, want at most 24", perByte)
	}
}

// A finding's column on a long line outside ASCII (a paragraph of
// quotation marks) is counted without allocating: utf8.RuneCount copies
// the bytes past the first non-ASCII one into a string, about a kilobyte
// a position, which on a flood of 500,000 findings on one line was half
// a gigabyte of garbage.
func TestPositionAllocatesNothing(t *testing.T) {
	s := NewSource([]byte(strings.Repeat("“word ", 100_000)))
	offs := []int{5, 700, 1500, 100_000, 350_000, len(s.Bytes) - 1}
	allocs := testing.AllocsPerRun(100, func() {
		for _, off := range offs {
			s.Position(off)
		}
	})
	if allocs > 0 {
		t.Errorf("Position allocated %.0f times per run of %d positions", allocs, len(offs))
	}
	if p := s.Position(len(s.Bytes) - 1); p.Column != 600_000 {
		t.Errorf("last column %d, want 600000", p.Column)
	}
}
