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
	// seen: a bit for each word (by its hash), 16 to 32 bits a word:
	// which words the sources hold, so that a variant of a quotation with
	// a word they do not hold is not looked up (voteVariants).
	x.seen = make([]uint64, max(1, size/8))
	for _, w := range x.words {
		b := w.hash & (uint64(len(x.seen))*64 - 1)
		x.seen[b>>6] |= 1 << (b & 63)
	}
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

// holds reports whether the sources may hold a word of hash h (false:
// they do not).
func (x *Index) holds(h uint64) bool {
	if len(x.seen) == 0 {
		return false
	}
	b := h & (uint64(len(x.seen))*64 - 1)
	return x.seen[b>>6]&(1<<(b&63)) != 0
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
// the sources: FindPart, with no word joined to the next and no
// contraction.
func (x *Index) Find(q []uint64, gap []bool, near0, near1 int) (m Match, ok bool) {
	ws := make([]QuoteWord, len(q))
	for i := range q {
		ws[i] = QuoteWord{Hash: q[i], Gap: gap[i]}
	}
	return x.FindPart(&QuotePart{Words: ws}, near0, near1)
}

// FindPart aligns a quotation's words with the sources. A word's Gap,
// when set, says that words of the source may stand unquoted before it
// (where an editor's [bracketed] words or nothing replaced them). It finds
// the place by the quotation's four-word runs (and, when none of them is
// in the sources, by the runs it would have with a contraction written
// out or two words written as one), and fails (ok false) when none of
// them is in the sources or most of its words are not there. A quotation
// shorter than four words is only looked for in [near0, near1) of the
// source words, when that is not empty.
func (x *Index) FindPart(part *QuotePart, near0, near1 int) (m Match, ok bool) {
	ws := part.Words
	if len(ws) > MaxWords {
		ws = ws[:MaxWords]
	}
	if len(ws) == 0 {
		return m, false
	}
	q := make([]uint64, len(ws))
	for i, w := range ws {
		q[i] = w.Hash
	}
	if len(q) < gram {
		return x.findNear(ws, q, near0, near1)
	}
	votes := map[int]int{}
	var diag []int // the quotation run and the diagonal of each hit
	vote := func(run []uint64, at int) {
		x.lookup(run, func(p int) {
			votes[p-at]++
			diag = append(diag, at, p-at)
		})
	}
	for i := 0; i+gram <= len(q); i++ {
		vote(q[i:], i)
	}
	if len(votes) == 0 {
		x.voteVariants(ws, part.contractions, q, vote)
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
	m = x.align(ws, q, lo, hi)
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

// voteVariants looks up, for a quotation none of whose runs is in the
// sources, the runs around each of its contractions written out ("we've"
// as "we have", "it's" as "it is" or "it has") and around each pair of
// its words written as one ("we have" as "we've", "per cent" as
// "percent"): a few runs for each word, so that it stays linear.
func (x *Index) voteVariants(ws []QuoteWord, cs []contraction, q []uint64, vote func(run []uint64, at int)) {
	var buf []uint64
	// local looks up the runs of q[from:i] + mid + q[k:to] that hold a
	// word of mid; the word at local index 0 stands at quotation index
	// from.
	local := func(i, k int, mid ...uint64) {
		from, to := max(0, i-gram+1), min(len(q), k+gram-1)
		buf = append(append(append(buf[:0], q[from:i]...), mid...), q[k:to]...)
		for s := 0; s+gram <= len(buf); s++ {
			if s+gram > i-from && s < i-from+len(mid) {
				vote(buf[s:], from+s)
			}
		}
	}
	for _, c := range cs {
		for _, r := range c.readings {
			if r[0] != 0 && c.word < len(q) && x.holds(r[0]) && x.holds(r[1]) {
				local(c.word, c.word+1, r[0], r[1])
			}
		}
	}
	for i, w := range ws {
		if w.Join != 0 && i+1 < len(ws) && x.holds(w.Join) {
			local(i, i+2, w.Join)
		}
	}
}

// findNear looks for the words of q, all of them, in [lo, hi): as they
// are, or with a word for two or two for one as an editor may write them
// ("won't" for "will not").
func (x *Index) findNear(ws []QuoteWord, q []uint64, lo, hi int) (Match, bool) {
	lo, hi = max(lo, 0), min(hi, len(x.words))
	for p := lo; p+len(q) <= hi; p++ {
		if x.equalAt(q, p) {
			return Match{Start: p, End: p + len(q), Ops: []Op{{Equal: true, Q0: 0, Q1: len(q), S0: p, S1: p + len(q)}}}, true
		}
	}
	for p := lo; p < hi; p++ {
		if m, ok := x.joinedAt(ws, q, p, hi); ok {
			return m, true
		}
	}
	return Match{}, false
}

// joinedAt matches the words of q from source word p (before hi), each
// equal or a word for two or two for one (joinHash).
func (x *Index) joinedAt(ws []QuoteWord, q []uint64, p, hi int) (Match, bool) {
	m := Match{Start: p}
	i, j := 0, p
	for i < len(q) {
		op := Op{Equal: true, Q0: i, S0: j}
		switch {
		case j < hi && x.words[j].hash == q[i]:
			i, j = i+1, j+1
		case j+1 < hi && x.join(j) == q[i]:
			i, j = i+1, j+2
		case i+1 < len(q) && j < hi && ws[i].Join != 0 && ws[i].Join == x.words[j].hash:
			i, j = i+2, j+1
		default:
			return Match{}, false
		}
		op.Q1, op.S1 = i, j
		m.Ops = append(m.Ops, op)
	}
	m.End = j
	return m, true
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
// source word skipped where gap allows costs nothing. A word that stands
// for two, or two for one, as an editor may write them (joinHash: "we've"
// for "we have", "email" for "e-mail"), are equal.
func (x *Index) align(ws []QuoteWord, q []uint64, lo, hi int) Match {
	n, w := len(q), hi-lo
	const (
		diagStep  = iota
		upStep    // quotation word added
		leftStep  // source word dropped
		oneToTwo  // a quotation word for two of the source
		twoToOne  // two quotation words for one of the source
		equalCost = 0
	)
	// sjoin[j]: what source words lo+j and lo+j+1 may be written as.
	sjoin := make([]uint64, w)
	for j := 0; j+1 < w; j++ {
		sjoin[j] = x.join(lo + j)
	}
	cost := make([]int32, (n+1)*(w+1))
	step := make([]uint8, (n+1)*(w+1))
	at := func(i, j int) int { return i*(w+1) + j }
	for i := 1; i <= n; i++ {
		cost[at(i, 0)] = int32(2 * i)
		step[at(i, 0)] = upStep
	}
	for i := 1; i <= n; i++ {
		dropCost := int32(2)
		if i < n && ws[i].Gap {
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
			if j >= 2 && sjoin[j-2] == q[i-1] && sjoin[j-2] != 0 {
				if t := cost[at(i-1, j-2)] + equalCost; t < c {
					c, s = t, oneToTwo
				}
			}
			if i >= 2 && ws[i-2].Join != 0 && ws[i-2].Join == x.words[lo+j-1].hash {
				if t := cost[at(i-2, j-1)] + equalCost; t < c {
					c, s = t, twoToOne
				}
			}
			cost[at(i, j)], step[at(i, j)] = c, s
		}
	}
	// Of equal costs, the first alignment whose last word is the
	// source's: "until spring" drops "next" rather than adding "spring".
	end, endsEqual := 0, false
	for j := 1; j <= w; j++ {
		c, eq := cost[at(n, j)], q[n-1] == x.words[lo+j-1].hash || step[at(n, j)] == oneToTwo || step[at(n, j)] == twoToOne
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
		case oneToTwo:
			rev = append(rev, move{true, 1, 2})
			i, j = i-1, j-2
		case twoToOne:
			rev = append(rev, move{true, 2, 1})
			i, j = i-2, j-1
		default:
			rev = append(rev, move{i < n && ws[i].Gap, 0, 1})
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

// join is what source words w and w+1 may be written as (joinHash), 0
// when they are in different passages.
func (x *Index) join(w int) uint64 {
	if w+1 >= len(x.words) || x.words[w].passage != x.words[w+1].passage {
		return 0
	}
	a, b := x.words[w], x.words[w+1]
	t := x.files[x.fileOf(w)].Text
	return joinHash(t[a.start:a.end], t[a.end:b.start], t[b.start:b.end])
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
			b.WriteString(x.between(w))
		}
		b.Write(f.Text[x.words[w].start:x.words[w].end])
	}
	return b.String()
}

// between is what Text writes between source words w-1 and w.
func (x *Index) between(w int) string {
	f := &x.files[x.fileOf(w)]
	prev := x.words[w-1]
	between := f.Text[prev.end:x.words[w].start]
	if x.fileOf(w-1) != x.fileOf(w) || strings.ContainsAny(string(between), "\n\r<>") || len(between) > 8 {
		return " "
	}
	return string(between)
}

// Context is source words [from, to) (to > from) as Text writes them, and
// up to n words of their passage on either side, with what stands between:
// before, the words, after. cutBefore and cutAfter say that the passage
// goes on beyond them.
func (x *Index) Context(from, to, n int) (before, words, after string, cutBefore, cutAfter bool) {
	p := x.Passage(from)
	if a := max(p.First, from-n); a < from {
		before = x.Text(a, from) + x.between(from)
		cutBefore = a > p.First
	}
	words = x.Text(from, to)
	if q := x.Passage(to - 1); q == p {
		if b := min(p.End, to+n); b > to {
			after = x.between(to) + x.Text(to, b)
			cutAfter = b < p.End
		}
	}
	return before, words, after, cutBefore, cutAfter
}

// Word is source word w as written.
func (x *Index) Word(w int) string {
	f := &x.files[x.fileOf(w)]
	return string(f.Text[x.words[w].start:x.words[w].end])
}
