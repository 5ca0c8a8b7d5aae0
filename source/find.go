package source

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// gram is the number of words of the runs the index is keyed by.
const gram = 4

// maxHits bounds the positions looked at for one run of a quotation (a run
// the sources repeat thousands of times), so that a look-up stays bounded.
const maxHits = 256

// MaxWords is the longest quotation (in words) aligned with the sources;
// a longer one is aligned by its first MaxWords words.
const MaxWords = 400

func gramHash(h []uint64) uint64 {
	g := uint64(0x9E3779B97F4A7C15)
	for _, x := range h[:gram] {
		g = bits.RotateLeft64(g, 23) ^ x
		g *= 0xff51afd7ed558ccd
	}
	return g ^ g>>29
}

func (x *Index) hashes(from, to int) []uint64 {
	out := make([]uint64, to-from)
	for i := range out {
		out[i] = x.words[from+i].hash
	}
	return out
}

// index builds the table of four-word runs: linear in the words.
func (x *Index) index() {
	n := len(x.words)
	size := 16
	for size < 2*n {
		size <<= 1
	}
	x.mask = uint64(size - 1)
	x.head = make([]int32, size)
	for i := range x.head {
		x.head[i] = -1
	}
	x.next = make([]int32, n)
	var h [gram]uint64
	for p := 0; p+gram <= n; p++ {
		for k := range h {
			h[k] = x.words[p+k].hash
		}
		b := gramHash(h[:]) & x.mask
		x.next[p] = x.head[b]
		x.head[b] = int32(p)
	}
}

// lookup calls fn with each position (up to maxHits) where the four words
// of q begin.
func (x *Index) lookup(q []uint64, fn func(p int)) {
	if len(x.head) == 0 {
		return
	}
	g := gramHash(q)
	hits := 0
	var h [gram]uint64
	for p := x.head[g&x.mask]; p >= 0 && hits < maxHits; p = x.next[p] {
		for k := range h {
			h[k] = x.words[int(p)+k].hash
		}
		if h == [gram]uint64(q[:gram]) {
			fn(int(p))
			hits++
		}
	}
}

// Op is one step of an alignment: quotation words [Q0, Q1) against source
// words [S0, S1) (Index word numbers). Equal ops have words the same;
// others have words changed, added (S0 == S1) or dropped (Q0 == Q1).
type Op struct {
	Equal          bool
	Q0, Q1, S0, S1 int
}

// Match is where a quotation's words are in the sources.
type Match struct {
	// Start and End delimit the source words the quotation was aligned
	// with.
	Start, End int
	// Ops is the alignment, in order; all Equal when the words are the
	// source's.
	Ops []Op
	// Joined is set when the quotation runs two places of the sources
	// together: its words [0, Split) are at Start and the rest at Second.
	Joined bool
	Split  int
	Second int
}

// Exact reports whether the quotation's words are the source's.
func (m Match) Exact() bool {
	for _, op := range m.Ops {
		if !op.Equal {
			return false
		}
	}
	return !m.Joined
}

// Find aligns a quotation's words (their hashes, as Words gives them) with
// the sources. gap[i], when set, says that words of the source may stand
// unquoted before the quotation's word i (where an editor's [bracketed]
// words or nothing replaced them). It finds the place by the quotation's
// four-word runs, and fails (ok false) when none of them is in the
// sources or most of its words are not there. A quotation shorter than
// four words is only looked for in [near0, near1) of the source words,
// when that is not empty.
func (x *Index) Find(q []uint64, gap []bool, near0, near1 int) (m Match, ok bool) {
	if len(q) > MaxWords {
		q, gap = q[:MaxWords], gap[:MaxWords]
	}
	if len(q) == 0 {
		return m, false
	}
	if len(q) < gram {
		return x.findNear(q, near0, near1)
	}
	votes := map[int]int{}
	var diag []int // the diagonal of each quotation run, or minInt
	for i := 0; i+gram <= len(q); i++ {
		x.lookup(q[i:], func(p int) {
			votes[p-i]++
			diag = append(diag, i, p-i)
		})
	}
	if len(votes) == 0 {
		return m, false
	}
	best, bestVotes := 0, -1
	for d, v := range votes {
		if v > bestVotes || v == bestVotes && d < best {
			best, bestVotes = d, v
		}
	}
	if j, ok := x.joined(q, diag, best); ok {
		return j, true
	}
	fi := x.fileOf(max(0, min(best, len(x.words)-1)))
	slack := len(q)/2 + 4
	lo := max(x.files[fi].first, best-slack)
	hi := min(x.files[fi].end, best+len(q)+slack)
	m = x.align(q, gap, lo, hi)
	equal := 0
	for _, op := range m.Ops {
		if op.Equal {
			equal += op.Q1 - op.Q0
		}
	}
	if 2*equal < len(q) {
		return Match{}, false
	}
	return m, true
}

// findNear looks for the words of q, all of them, in [lo, hi).
func (x *Index) findNear(q []uint64, lo, hi int) (Match, bool) {
	lo, hi = max(lo, 0), min(hi, len(x.words))
	for p := lo; p+len(q) <= hi; p++ {
		if x.equalAt(q, p) {
			return Match{Start: p, End: p + len(q), Ops: []Op{{Equal: true, Q0: 0, Q1: len(q), S0: p, S1: p + len(q)}}}, true
		}
	}
	return Match{}, false
}

func (x *Index) equalAt(q []uint64, p int) bool {
	if p < 0 || p+len(q) > len(x.words) {
		return false
	}
	for i, h := range q {
		if x.words[p+i].hash != h {
			return false
		}
	}
	return true
}

// joined finds a quotation made of two places of the sources run
// together: a prefix whose words are at diagonal best (or another) and
// the rest at another diagonal, each exactly.
func (x *Index) joined(q []uint64, diag []int, best int) (Match, bool) {
	// prefix[d] / suffix: how far the words match exactly from each end.
	prefixLen := func(d int) int {
		n := 0
		for n < len(q) && d+n >= 0 && d+n < len(x.words) && x.words[d+n].hash == q[n] {
			n++
		}
		return n
	}
	suffixLen := func(d int) int {
		n := 0
		for n < len(q) {
			i := len(q) - 1 - n
			if d+i < 0 || d+i >= len(x.words) || x.words[d+i].hash != q[i] {
				break
			}
			n++
		}
		return n
	}
	if prefixLen(best) == len(q) {
		return Match{}, false
	}
	seen := map[int]bool{}
	var ds []int
	for k := 1; k < len(diag); k += 2 {
		if d := diag[k]; !seen[d] {
			seen[d] = true
			ds = append(ds, d)
		}
		if len(ds) > 64 {
			break
		}
	}
	sort.Ints(ds)
	for _, d1 := range ds {
		p := prefixLen(d1)
		if p < 2 || p == len(q) {
			continue
		}
		for _, d2 := range ds {
			if d2 == d1 {
				continue
			}
			if s := suffixLen(d2); s >= 2 && p+s >= len(q) {
				k := p
				return Match{Start: d1, End: d1 + k, Joined: true, Split: k, Second: d2 + k,
					Ops: []Op{{Equal: true, Q0: 0, Q1: k, S0: d1, S1: d1 + k}, {Equal: true, Q0: k, Q1: len(q), S0: d2 + k, S1: d2 + len(q)}}}, true
			}
		}
	}
	return Match{}, false
}

// align finds the run of source words in [lo, hi) nearest the quotation:
// an edit distance in words whose ends are free in the source (dynamic
// programming, quotation × window, both bounded). A word changed costs 3,
// one added or dropped 2 (so that "until spring" for "until next spring"
// reads as a word dropped, not one changed and one cut off), and a
// source word skipped where gap allows costs nothing.
func (x *Index) align(q []uint64, gap []bool, lo, hi int) Match {
	n, w := len(q), hi-lo
	const (
		diagStep = iota
		upStep   // quotation word added
		leftStep // source word dropped
	)
	cost := make([]int32, (n+1)*(w+1))
	step := make([]uint8, (n+1)*(w+1))
	at := func(i, j int) int { return i*(w+1) + j }
	for i := 1; i <= n; i++ {
		cost[at(i, 0)] = int32(2 * i)
		step[at(i, 0)] = upStep
	}
	for i := 1; i <= n; i++ {
		dropCost := int32(2)
		if i < n && gap[i] {
			dropCost = 0
		}
		for j := 1; j <= w; j++ {
			sub := int32(3)
			if q[i-1] == x.words[lo+j-1].hash {
				sub = 0
			}
			c, s := cost[at(i-1, j-1)]+sub, uint8(diagStep)
			if u := cost[at(i-1, j)] + 2; u < c {
				c, s = u, upStep
			}
			if l := cost[at(i, j-1)] + dropCost; l < c {
				c, s = l, leftStep
			}
			cost[at(i, j)], step[at(i, j)] = c, s
		}
	}
	// Of equal costs, the first alignment whose last word is the
	// source's: "until spring" drops "next" rather than adding "spring".
	end, endsEqual := 0, false
	for j := 1; j <= w; j++ {
		c, eq := cost[at(n, j)], q[n-1] == x.words[lo+j-1].hash
		if c < cost[at(n, end)] || c == cost[at(n, end)] && eq && !endsEqual {
			end, endsEqual = j, eq
		}
	}
	// Walk back, then build the ops forward.
	type move struct {
		eq     bool
		dq, ds int
	}
	var rev []move
	i, j := n, end
	for i > 0 {
		switch step[at(i, j)] {
		case diagStep:
			rev = append(rev, move{q[i-1] == x.words[lo+j-1].hash, 1, 1})
			i, j = i-1, j-1
		case upStep:
			rev = append(rev, move{false, 1, 0})
			i--
		default:
			rev = append(rev, move{i < n && gap[i], 0, 1})
			j--
		}
	}
	var ops []Op
	qi, sj := 0, lo+j
	for k := len(rev) - 1; k >= 0; k-- {
		mv := rev[k]
		if len(ops) == 0 || ops[len(ops)-1].Equal != mv.eq {
			ops = append(ops, Op{Equal: mv.eq, Q0: qi, Q1: qi, S0: sj, S1: sj})
		}
		qi, sj = qi+mv.dq, sj+mv.ds
		ops[len(ops)-1].Q1, ops[len(ops)-1].S1 = qi, sj
	}
	m := Match{Start: lo + j, End: lo + end, Ops: ops}
	// Words added at either end of the quotation, where the source's
	// sentence goes on, are words changed: "will run every {+night+}"
	// for "every day" is [-day-]{+night+}.
	if k := len(m.Ops) - 1; k > 0 && !m.Ops[k].Equal && m.Ops[k].S0 == m.Ops[k].S1 {
		op := &m.Ops[k]
		add := op.Q1 - op.Q0
		if e := op.S1 + add; e <= x.files[x.fileOf(lo)].end && x.sameSentence(op.S1-1, e-1) {
			op.S1, m.End = e, e
		}
	}
	if len(m.Ops) > 1 && !m.Ops[0].Equal && m.Ops[0].S0 == m.Ops[0].S1 {
		op := &m.Ops[0]
		add := op.Q1 - op.Q0
		if s := op.S0 - add; s >= x.files[x.fileOf(lo)].first && x.sameSentence(s, op.S0) {
			op.S0, m.Start = s, s
		}
	}
	return m
}

// sameSentence reports whether source words [a, b] stand in one passage
// and one sentence (no full stop, question or exclamation mark between).
func (x *Index) sameSentence(a, b int) bool {
	if a < 0 || b >= len(x.words) || a > b || x.words[a].passage != x.words[b].passage {
		return false
	}
	f := &x.files[x.fileOf(a)]
	return !strings.ContainsAny(string(f.Text[x.words[a].end:x.words[b].start]), ".?!")
}

func (x *Index) fileOf(w int) int {
	return sort.Search(len(x.files), func(i int) bool { return x.files[i].end > w })
}

// Passage returns the passage of source word w.
func (x *Index) Passage(w int) *Passage {
	return &x.Passages[x.words[w].passage]
}

// Speakers lists the different speakers of source words [from, to), in
// order ("" for words no label gives to anyone).
func (x *Index) Speakers(from, to int) []string {
	var out []string
	last := int32(-1)
	for w := from; w < to; w++ {
		if p := x.words[w].passage; p != last {
			last = p
			s := x.Passages[p].Speaker
			if len(out) == 0 || out[len(out)-1] != s {
				out = append(out, s)
			}
		}
	}
	return out
}

// Location is a place in a source file.
type Location struct {
	File string
	// Line and Column (code points) are 1-based; Offset is in bytes.
	Line, Column, Offset       int
	EndLine, EndColumn, EndOff int
	ByteColumn, EndByteColumn  int
}

// Where is the place of source words [from, to) (to > from).
func (x *Index) Where(from, to int) Location {
	f := &x.files[x.fileOf(from)]
	l := Location{File: f.Path}
	l.Line, l.Column, l.ByteColumn, l.Offset = f.position(int(x.words[from].start))
	l.EndLine, l.EndColumn, l.EndByteColumn, l.EndOff = f.position(int(x.words[max(to-1, from)].end))
	return l
}

func (f *indexedFile) position(off int) (line, col, byteCol, offset int) {
	i := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off }) - 1
	start := f.lineStarts[i]
	return i + 1, utf8.RuneCount(f.Text[start:off]) + 1, off - start + 1, off
}

// Text is source words [from, to) as the source writes them: with the
// punctuation between words of one line, and one space where the words
// are on different lines or markup stands between them.
func (x *Index) Text(from, to int) string {
	var b strings.Builder
	for w := from; w < to; w++ {
		f := &x.files[x.fileOf(w)]
		if w > from {
			prev := x.words[w-1]
			between := f.Text[prev.end:x.words[w].start]
			if x.fileOf(w-1) != x.fileOf(w) || strings.ContainsAny(string(between), "\n\r<>") || len(between) > 8 {
				b.WriteByte(' ')
			} else {
				b.Write(between)
			}
		}
		b.Write(f.Text[x.words[w].start:x.words[w].end])
	}
	return b.String()
}

// Word is source word w as written.
func (x *Index) Word(w int) string {
	f := &x.files[x.fileOf(w)]
	return string(f.Text[x.words[w].start:x.words[w].end])
}
