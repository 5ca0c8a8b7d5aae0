package lsp

import (
	"math/rand/v2"
	"sort"
	"unicode/utf8"
)

// Position encodings (LSP 3.17 general.positionEncodings).
const (
	encUTF8  = "utf-8"
	encUTF16 = "utf-16"
	encUTF32 = "utf-32"
)

// units is how many code units of enc a character of size n bytes takes.
func units(r rune, n int, enc string) int {
	switch enc {
	case encUTF8:
		return n
	case encUTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// lineStarts returns the byte offset at which each line of text begins.
// Lines end at \n, \r\n or a lone \r, as in LSP.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the index of the line holding off.
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
}

// markEvery is the distance between the column marks of a long line.
const markEvery = 256

// lineIndex converts between byte offsets and LSP positions in a text
// that does not change (a linted version of a document). Besides the
// start of each line it keeps, on lines longer than markEvery bytes, a
// mark every markEvery bytes with its column, so that a conversion reads
// at most markEvery bytes of its line: the positions of all the findings
// on a one-line document take time linear in the document.
type lineIndex struct {
	text   []byte
	enc    string
	starts []int
	marks  []mark // in text order
}

// mark is a rune boundary on a long line and its column there.
type mark struct{ off, col int }

func newLineIndex(text []byte, enc string) *lineIndex {
	x := &lineIndex{text: text, enc: enc, starts: lineStarts(text)}
	for line, start := range x.starts {
		end := x.lineEnd(line)
		if end-start <= markEvery {
			continue
		}
		col, last := 0, start
		for off := start; off < end; {
			if off-last >= markEvery {
				x.marks = append(x.marks, mark{off, col})
				last = off
			}
			if text[off] < utf8.RuneSelf {
				col++
				off++
				continue
			}
			r, size := utf8.DecodeRune(text[off:end])
			col += units(r, size, x.enc)
			off += size
		}
	}
	return x
}

// lineEnd is the offset of the line break ending line (or the end of the
// text).
func (x *lineIndex) lineEnd(line int) int {
	if line+1 >= len(x.starts) {
		return len(x.text)
	}
	end := x.starts[line+1]
	if x.text[end-1] == '\n' {
		end--
		if end > x.starts[line] && x.text[end-1] == '\r' {
			end--
		}
	} else if x.text[end-1] == '\r' {
		end--
	}
	return end
}

// lineOf is the index of the line holding off.
func (x *lineIndex) lineOf(off int) int { return lineOf(x.starts, off) }

// offsetOf converts an LSP position to a byte offset. A line past the end
// is the end of the text; a character past the end of its line is the end
// of the line (as the specification says); a position inside a character
// that takes two UTF-16 units is the start of that character.
func (x *lineIndex) offsetOf(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.text)
	}
	start, end := x.starts[p.Line], x.lineEnd(p.Line)
	// The last mark of the line at or before the column.
	lo := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off >= start })
	hi := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off >= end })
	off, col := start, 0
	if k := sort.Search(hi-lo, func(i int) bool { return x.marks[lo+i].col > p.Character }) - 1; k >= 0 {
		off, col = x.marks[lo+k].off, x.marks[lo+k].col
	}
	for off < end {
		r, size := utf8.DecodeRune(x.text[off:end])
		u := units(r, size, x.enc)
		if col+u > p.Character {
			break
		}
		col += u
		off += size
	}
	return off
}

// positionOf converts a byte offset to an LSP position.
func (x *lineIndex) positionOf(off int) Position {
	off = max(0, min(off, len(x.text)))
	line := x.lineOf(off)
	from, col := x.starts[line], 0
	if k := sort.Search(len(x.marks), func(i int) bool { return x.marks[i].off > off }) - 1; k >= 0 && x.marks[k].off >= from {
		from, col = x.marks[k].off, x.marks[k].col
	}
	for i := from; i < off; {
		if x.text[i] < utf8.RuneSelf {
			col++
			i++
			continue
		}
		r, size := utf8.DecodeRune(x.text[i:off])
		col += units(r, size, x.enc)
		i += size
	}
	return Position{Line: line, Character: col}
}

// chunkSize is the size a document's text is cut into.
const chunkSize = 1 << 10

// rope is an open document's text, cut into chunks of about chunkSize
// bytes held in a balanced tree (a treap) whose nodes count the bytes,
// line breaks and position units (in the session's encoding) below them.
// An edit finds its range and replaces it in time that grows with the
// edit and the logarithm of the document, not with the document: one
// didChange of thousands of edits to a document of megabytes is
// near-linear. A chunk is never cut inside a UTF-8 sequence or between
// \r and \n, so each chunk counts its own breaks and units.
type rope struct {
	root  *node
	enc   string
	chunk int // chunkSize, smaller in tests
}

type node struct {
	left, right *node
	prio        uint32
	text        []byte
	// Of this node's chunk.
	breaks, units int
	// Of the subtree.
	sumSize, sumBreaks, sumUnits, sumCount int
}

func newRope(text []byte, enc string) *rope { return newRopeChunk(text, enc, chunkSize) }

func newRopeChunk(text []byte, enc string, chunk int) *rope {
	r := &rope{enc: enc, chunk: chunk}
	r.root = r.build(text)
	return r
}

func (n *node) size() int {
	if n == nil {
		return 0
	}
	return n.sumSize
}

func (n *node) lineBreaks() int {
	if n == nil {
		return 0
	}
	return n.sumBreaks
}

func (n *node) unitCount() int {
	if n == nil {
		return 0
	}
	return n.sumUnits
}

func (n *node) count() int {
	if n == nil {
		return 0
	}
	return n.sumCount
}

func (n *node) fix() {
	n.sumSize = len(n.text) + n.left.size() + n.right.size()
	n.sumBreaks = n.breaks + n.left.lineBreaks() + n.right.lineBreaks()
	n.sumUnits = n.units + n.left.unitCount() + n.right.unitCount()
	n.sumCount = 1 + n.left.count() + n.right.count()
}

func merge(a, b *node) *node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.prio > b.prio:
		a.right = merge(a.right, b)
		a.fix()
		return a
	}
	b.left = merge(a, b.left)
	b.fix()
	return b
}

// split cuts t into its first k chunks and the rest.
func split(t *node, k int) (*node, *node) {
	if t == nil {
		return nil, nil
	}
	if k <= t.left.count() {
		l, r := split(t.left, k)
		t.left = r
		t.fix()
		return l, t
	}
	l, r := split(t.right, k-t.left.count()-1)
	t.right = l
	t.fix()
	return t, r
}

// newNode is a chunk, with its breaks (a final \r is one: the next chunk
// never starts with \n) and units counted.
func (r *rope) newNode(text []byte) *node {
	n := &node{prio: rand.Uint32(), text: text}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' || c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
				n.breaks++
			}
			n.units++
			i++
			continue
		}
		ru, size := utf8.DecodeRune(text[i:])
		n.units += units(ru, size, r.enc)
		i += size
	}
	n.fix()
	return n
}

// build cuts text into chunks and makes a tree of them.
func (r *rope) build(text []byte) *node {
	if len(text) == 0 {
		return nil
	}
	pieces := max(1, (len(text)+r.chunk/2)/r.chunk)
	var t *node
	from := 0
	for k := 1; k <= pieces && from < len(text); k++ {
		to := len(text)
		if k < pieces {
			to = max(from+1, len(text)*k/pieces)
			// Not inside a UTF-8 sequence, nor between \r and \n.
			for to < len(text) && (text[to]&0xC0 == 0x80 || text[to] == '\n' && text[to-1] == '\r') {
				to++
			}
		}
		t = merge(t, r.newNode(append([]byte(nil), text[from:to]...)))
		from = to
	}
	return t
}

// len is the length of the text in bytes.
func (r *rope) len() int { return r.root.size() }

// bytes is the whole text.
func (r *rope) bytes() []byte {
	out := make([]byte, 0, r.len())
	return appendNodes(out, r.root)
}

func appendNodes(out []byte, n *node) []byte {
	for n != nil {
		out = appendNodes(out, n.left)
		out = append(out, n.text...)
		n = n.right
	}
	return out
}

// chunkAt is the index of the chunk holding offset off (the number of
// chunks when off is the end).
func (r *rope) chunkAt(off int) int {
	idx := 0
	for n := r.root; n != nil; {
		if off < n.left.size() {
			n = n.left
			continue
		}
		off -= n.left.size()
		idx += n.left.count()
		if off < len(n.text) {
			return idx
		}
		off -= len(n.text)
		idx++
		n = n.right
	}
	return idx
}

// replace replaces the bytes [from, to) with text. The chunks that change
// and one on each side are cut again (so chunks stay near chunkSize, and
// the bytes on either side of the new chunks are ones that were side by
// side before: no \r\n is cut).
func (r *rope) replace(from, to int, text []byte) {
	i, j := r.chunkAt(from), r.chunkAt(to)
	lo, hi := max(i-1, 0), min(j+2, r.root.count())
	left, rest := split(r.root, lo)
	mid, right := split(rest, hi-lo)
	base := left.size()
	old := appendNodes(make([]byte, 0, mid.size()), mid)
	region := make([]byte, 0, len(old)-(to-from)+len(text))
	region = append(region, old[:from-base]...)
	region = append(region, text...)
	region = append(region, old[to-base:]...)
	r.root = merge(merge(left, r.build(region)), right)
}

// afterBreak finds the k-th line break (k ≥ 1): the offsets of its first
// byte and of the byte after it.
func (r *rope) afterBreak(k int) (start, end int, ok bool) {
	base := 0
	for n := r.root; n != nil; {
		if k <= n.left.lineBreaks() {
			n = n.left
			continue
		}
		k -= n.left.lineBreaks()
		base += n.left.size()
		if k <= n.breaks {
			t := n.text
			for i := 0; i < len(t); i++ {
				switch {
				case t[i] == '\n':
					if k--; k == 0 {
						if i > 0 && t[i-1] == '\r' {
							return base + i - 1, base + i + 1, true
						}
						return base + i, base + i + 1, true
					}
				case t[i] == '\r' && (i+1 == len(t) || t[i+1] != '\n'):
					if k--; k == 0 {
						return base + i, base + i + 1, true
					}
				}
			}
		}
		k -= n.breaks
		base += len(n.text)
		n = n.right
	}
	return 0, 0, false
}

// unitsBefore is the number of units in the text before off (a rune
// boundary).
func (r *rope) unitsBefore(off int) int {
	u := 0
	for n := r.root; n != nil; {
		if off < n.left.size() {
			n = n.left
			continue
		}
		off -= n.left.size()
		u += n.left.unitCount()
		if off < len(n.text) {
			for i := 0; i < off; {
				ru, size := utf8.DecodeRune(n.text[i:])
				u += units(ru, size, r.enc)
				i += size
			}
			return u
		}
		off -= len(n.text)
		u += n.units
		n = n.right
	}
	return u
}

// atUnits is the last rune boundary with at most u units before it.
func (r *rope) atUnits(u int) int {
	base := 0
	for n := r.root; n != nil; {
		if u < n.left.unitCount() {
			n = n.left
			continue
		}
		u -= n.left.unitCount()
		base += n.left.size()
		if u < n.units {
			off := 0
			for off < len(n.text) {
				ru, size := utf8.DecodeRune(n.text[off:])
				k := units(ru, size, r.enc)
				if k > u {
					break
				}
				u -= k
				off += size
			}
			return base + off
		}
		u -= n.units
		base += len(n.text)
		n = n.right
	}
	return base
}

// offsetOf converts an LSP position to a byte offset, as
// lineIndex.offsetOf does.
func (r *rope) offsetOf(p Position) int {
	if p.Line < 0 {
		return 0
	}
	start, end := 0, r.len()
	if p.Line > 0 {
		_, after, ok := r.afterBreak(p.Line)
		if !ok {
			return end
		}
		start = after
	}
	if s, _, ok := r.afterBreak(p.Line + 1); ok {
		end = s
	}
	if p.Character <= 0 {
		return start
	}
	at := r.atUnits(r.unitsBefore(start) + min(p.Character, r.root.unitCount()))
	return max(start, min(at, end))
}

// apply applies one content change.
func (r *rope) apply(c contentChange) {
	if c.Range == nil {
		r.root = r.build([]byte(c.Text))
		return
	}
	from, to := r.offsetOf(c.Range.Start), r.offsetOf(c.Range.End)
	if to < from {
		from, to = to, from
	}
	r.replace(from, to, []byte(c.Text))
}
