package people

// HashOffset is the FNV-1a starting value: HashString(HashOffset, s) is
// the 64-bit FNV-1a hash of s. The data tables' Bloom filters, the
// article's word set and name-spelling's deletion index all hash with it
// (internal/gendata writes the filters with the same function, and a test
// checks that they admit every key).
const HashOffset uint64 = 14695981039346656037

// HashString continues an FNV-1a hash h over the bytes of s, so that a
// string can be hashed in pieces: HashString(HashString(HashOffset, a), b)
// is the hash of a+b.
func HashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
