package people

import (
	"strings"
	"unicode/utf8"
)

// WordSet is a set of words held as 64-bit FNV-1a hashes in an
// open-addressed table: the article's lower-case words are added once per
// token, and a slot is eight bytes with no string to hash twice or to
// scan. Two words with one hash (one chance in 2^64 a pair) would be
// taken for one.
type WordSet struct {
	slots []uint64 // 0 is empty
	n     int
}

// newWordSet makes a set sized for about n words.
func newWordSet(n int) *WordSet {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &WordSet{slots: make([]uint64, size)}
}

func wordHash(w string) uint64 {
	return HashString(HashOffset, w) | 1 // never 0, the empty slot
}

// add puts w in the set.
func (s *WordSet) add(w string) {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	if s.insert(wordHash(w)) {
		s.n++
	}
}

func (s *WordSet) insert(h uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			return true
		case h:
			return false
		}
	}
}

func (s *WordSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 2*len(old))
	for _, h := range old {
		if h != 0 {
			s.insert(h)
		}
	}
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool {
	if s == nil || len(s.slots) == 0 {
		return false
	}
	return s.has(wordHash(w))
}

// has reports whether the set holds the word of hash h.
func (s *WordSet) has(h uint64) bool {
	if s == nil || len(s.slots) == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

// HasLower reports whether w in lower case is in the set, without
// building the lower-case string when w is ASCII.
func (s *WordSet) HasLower(w string) bool {
	h := uint64(HashOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return s.Has(strings.ToLower(w))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211 // as HashString
	}
	return s.has(h | 1)
}
