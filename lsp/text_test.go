package lsp

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// The conversions as they were written first, reading each line from its
// start: the reference the line index and the rope must agree with.

func refLineEnd(text []byte, start int) int {
	for i := start; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' {
			return i
		}
	}
	return len(text)
}

func refOffsetOf(text []byte, p Position, enc string) int {
	return refOffsetIn(text, lineStarts(text), p, enc)
}

func refOffsetIn(text []byte, starts []int, p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(starts) {
		return len(text)
	}
	off := starts[p.Line]
	end := refLineEnd(text, off)
	for n := 0; off < end; {
		r, size := utf8.DecodeRune(text[off:end])
		u := units(r, size, enc)
		if n+u > p.Character {
			break
		}
		n += u
		off += size
	}
	return off
}

func refPositionOf(text []byte, starts []int, off int, enc string) Position {
	off = max(0, min(off, len(text)))
	line := lineOf(starts, off)
	n := 0
	for i := starts[line]; i < off; {
		r, size := utf8.DecodeRune(text[i:off])
		n += units(r, size, enc)
		i += size
	}
	return Position{Line: line, Character: n}
}

func refApply(text []byte, c contentChange, enc string) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	from := refOffsetOf(text, c.Range.Start, enc)
	to := refOffsetOf(text, c.Range.End, enc)
	if to < from {
		from, to = to, from
	}
	out := append([]byte(nil), text[:from]...)
	out = append(out, c.Text...)
	return append(out, text[to:]...)
}

// pieces of test text: line breaks of each kind, and characters of one to
// four bytes (one or two UTF-16 units).
var pieces = []string{"a", "b ", "é", "€", "😀", "\n", "\r", "\r\n", "\n\r", "  "}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func randomPosition(rng *rand.Rand, lines int) Position {
	return Position{Line: rng.IntN(lines+3) - 1, Character: rng.IntN(40) - 2}
}

// checkRope checks the rope's invariants: chunks are not empty, not cut
// inside a UTF-8 sequence nor between \r and \n, and every node counts
// what is below it.
func checkRope(t *testing.T, r *rope) {
	t.Helper()
	var prev []byte
	var walk func(n *node, parent uint32)
	walk = func(n *node, parent uint32) {
		if n == nil {
			return
		}
		require.LessOrEqual(t, n.prio, parent, "heap order")
		walk(n.left, n.prio)
		require.NotEmpty(t, n.text, "an empty chunk")
		require.True(t, utf8.RuneStart(n.text[0]), "a chunk starts inside a UTF-8 sequence")
		if prev != nil {
			require.False(t, prev[len(prev)-1] == '\r' && n.text[0] == '\n', "\\r\\n cut between chunks")
		}
		prev = n.text
		want := r.newNode(n.text)
		require.Equal(t, want.breaks, n.breaks)
		require.Equal(t, want.units, n.units)
		require.Equal(t, len(n.text)+n.left.size()+n.right.size(), n.sumSize)
		require.Equal(t, n.breaks+n.left.lineBreaks()+n.right.lineBreaks(), n.sumBreaks)
		require.Equal(t, n.units+n.left.unitCount()+n.right.unitCount(), n.sumUnits)
		walk(n.right, n.prio)
	}
	walk(r.root, ^uint32(0))
}

// TestRopeMatchesReference: random edits to random texts, with chunks of
// a few bytes so that every edit crosses chunks, give the text the
// reference gives, in each encoding; so do the conversions.
func TestRopeMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 7))
	for _, enc := range []string{encUTF16, encUTF8, encUTF32} {
		for _, chunk := range []int{4, 9, 64} {
			for round := range 30 {
				text := []byte(randomText(rng, rng.IntN(60)))
				if round == 0 {
					text = []byte(randomText(rng, 3000)) // a deeper tree
				}
				r := newRopeChunk(text, enc, chunk)
				for step := range 40 {
					lines := len(lineStarts(text))
					c := contentChange{Range: &Range{Start: randomPosition(rng, lines), End: randomPosition(rng, lines)}, Text: randomText(rng, rng.IntN(5))}
					if rng.IntN(30) == 0 {
						c = contentChange{Text: randomText(rng, rng.IntN(20))}
					}
					for range 5 {
						p := randomPosition(rng, lines)
						require.Equal(t, refOffsetOf(text, p, enc), r.offsetOf(p), "%s chunk %d round %d: offset of %v in %q", enc, chunk, round, p, text)
					}
					text = refApply(text, c, enc)
					r.apply(c)
					require.Equal(t, string(text), string(r.bytes()), "%s chunk %d round %d step %d", enc, chunk, round, step)
					checkRope(t, r)
				}
			}
		}
	}
}

// TestLineIndexMatchesReference: the line index with its marks converts as
// the reference does, on long lines, at every offset (rune boundary or
// not) and at positions in and past each line.
func TestLineIndexMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noBreaks := strings.NewReplacer("\n", "", "\r", "")
	for _, enc := range []string{encUTF16, encUTF8, encUTF32} {
		for range 4 {
			long := noBreaks.Replace(randomText(rng, 700)) // over 1,000 bytes
			text := []byte(randomText(rng, 100) + "\n" + long + "\r\n" + long[:600] + "\r" + randomText(rng, 50) + long)
			x := newLineIndex(text, enc)
			require.NotEmpty(t, x.marks)
			for off := 0; off <= len(text); off++ {
				if want, got := refPositionOf(text, x.starts, off, enc), x.positionOf(off); got != want {
					t.Fatalf("%s: position of %d: %v, want %v", enc, off, got, want)
				}
			}
			for line := -1; line <= len(x.starts); line++ {
				for ch := -1; ch < 1500; ch += 1 + rng.IntN(5) {
					p := Position{Line: line, Character: ch}
					if want, got := refOffsetIn(text, x.starts, p, enc), x.offsetOf(p); got != want {
						t.Fatalf("%s: offset of %v: %d, want %d", enc, p, got, want)
					}
				}
			}
		}
	}
}

// oneLine is a one-line page of n bytes with a finding every 10 bytes.
func oneLine(n int) ([]byte, []int) {
	text := []byte("<p>😀 " + strings.Repeat("a bad day ", n/10) + "</p>")
	var offs []int
	for i := 0; ; i++ {
		k := bytes.Index(text[i:], []byte("bad"))
		if k < 0 {
			return text, offs
		}
		offs = append(offs, i+k, i+k+3)
		i += k
	}
}

// BenchmarkLongLinePositions: the positions of every finding on a
// one-line page, at two sizes; the time per byte stays the same.
func BenchmarkLongLinePositions(b *testing.B) {
	for _, size := range []int{100 << 10, 400 << 10} {
		text, offs := oneLine(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				x := newLineIndex(text, encUTF16)
				for _, off := range offs {
					x.positionOf(off)
				}
			}
		})
	}
}

// manyEdits is a document of lines "a good day" and one change of edits,
// one every 20 lines, in no order, that make "good" "bad".
func manyEdits(lines int) ([]byte, []contentChange) {
	text := []byte(strings.Repeat("a good day\n", lines))
	var changes []contentChange
	for _, k := range rand.New(rand.NewPCG(1, 2)).Perm(lines / 20) {
		changes = append(changes, contentChange{Range: &Range{Start: Position{Line: k * 20, Character: 2}, End: Position{Line: k * 20, Character: 6}}, Text: "bad"})
	}
	return text, changes
}

// BenchmarkManyEdits: one didChange with an edit every 20 lines, in no
// order, to documents of 1 MB and 4 MB (50,000 and 200,000 edits); the
// time per byte stays about the same (it grows with the logarithm).
func BenchmarkManyEdits(b *testing.B) {
	for _, lines := range []int{100_000, 400_000} {
		text, changes := manyEdits(lines)
		b.Run(fmt.Sprintf("%dMB", len(text)>>20), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				r := newRope(text, encUTF16)
				for _, c := range changes {
					r.apply(c)
				}
			}
		})
	}
}
