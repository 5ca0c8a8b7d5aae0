package people

import "unicode/utf8"

// EditDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), counted
// in code points. It returns max+1 as soon as the distance must exceed max,
// so comparing two names costs at most O(len(a)·len(b)) and usually less.
func EditDistance(a, b string, max int) int {
	// Names are short: their runes and the three rows fit in arrays on
	// the stack, and a long word costs one allocation.
	var bufA, bufB [32]rune
	var rows [3][33]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	var pp, prev, cur []int // rows i-2, i-1 and i
	if len(rb) < len(rows[0]) {
		pp, prev, cur = rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	} else {
		pp, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		pp, prev, cur = prev, cur, pp
	}
	return min(prev[len(rb)], max+1)
}

// NearVariant reports whether two surnames look like spellings of one name:
// they differ, share their first letter, are one edit apart (two for names
// of eight letters or more), and the longer has five letters or more.
func NearVariant(a, b string) bool {
	if a == b || a == "" || b == "" {
		return false
	}
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra != rb {
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := min(la, lb)
	if n < 4 || max(la, lb) < 5 {
		return false
	}
	max := 1
	if n >= 8 {
		max = 2
	}
	return EditDistance(a, b, max) <= max
}

// appendRunes appends the code points of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}
