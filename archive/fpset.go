package archive

// fpSet is a set of fingerprints, in an open-addressed table of 8 bytes a
// slot kept at most three quarters full: 11 to 21 bytes an article (a
// map takes about 40), which is what a build holds for every article it
// has read, so as not to count one twice.
type fpSet struct {
	slots []uint64 // 0: empty
	n     int
	zero  bool // whether fingerprint 0 is in the set
}

// add adds fp and reports whether it was not in the set.
func (s *fpSet) add(fp uint64) bool {
	if fp == 0 {
		had := s.zero
		s.zero = true
		return !had
	}
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	if !s.insert(fp) {
		return false
	}
	s.n++
	return true
}

// has reports whether fp is in the set.
func (s *fpSet) has(fp uint64) bool {
	if fp == 0 {
		return s.zero
	}
	if len(s.slots) == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := fp & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case fp:
			return true
		case 0:
			return false
		}
	}
}

// insert puts fp in its slot; false when it is there already.
func (s *fpSet) insert(fp uint64) bool {
	mask := uint64(len(s.slots) - 1)
	// Fingerprints are the bytes of a hash: their low bits are as good
	// an index as any.
	for i := fp & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case fp:
			return false
		case 0:
			s.slots[i] = fp
			return true
		}
	}
}

func (s *fpSet) grow() {
	old := s.slots
	s.slots = make([]uint64, max(1024, 2*len(old)))
	for _, fp := range old {
		if fp != 0 {
			s.insert(fp)
		}
	}
}
