package people

// prefilter answers "surely not in the set" for most words without
// touching the set's map: one bit per hash of a word's length and its
// first two and last bytes, 64K bits (8 KB, in cache), so that the many
// words of an article that no lexicon holds cost a few instructions
// instead of a map probe. A set bit says only "maybe".
type prefilter [1 << 10]uint64

// prefilterKey hashes what prefilter reads of w.
func prefilterKey(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA77 ^ uint32(w[n-1])*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	h ^= h >> 15
	return h & (1<<16 - 1)
}

// add marks w as maybe present.
func (p *prefilter) add(w string) {
	k := prefilterKey(w)
	p[k>>6] |= 1 << (k & 63)
}

// mayHold reports whether w may be in the set: false means it is not.
func (p *prefilter) mayHold(w string) bool {
	k := prefilterKey(w)
	return p[k>>6]&(1<<(k&63)) != 0
}

// prefilterOf builds the prefilter of a map's keys.
func prefilterOf[V any](m map[string]V) *prefilter {
	p := new(prefilter)
	for w := range m {
		p.add(w)
	}
	return p
}
