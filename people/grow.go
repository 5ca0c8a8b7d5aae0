package people

import "slices"

// growAt makes room in a full table for the rest of a pass that has read
// done of total tokens: its capacity becomes what the density seen so far
// predicts for the whole, an eighth more, and at least a quarter more
// than it was (as article's growAt: one or two copies of a table that
// outgrows its first estimate, not a dozen, each into memory not touched
// before). The estimate waits for a sixteenth of the pass and never
// passes total.
func growAt[T any](s []T, done, total int) []T {
	want := len(s) + len(s)/4 + 16
	if done > 0 && done >= total/16 && total > done {
		est := int(int64(len(s)) * int64(total) / int64(done))
		want = max(want, min(est+est/8+16, total))
	}
	return slices.Grow(s, want-len(s))
}
