package article

// GrowAt makes room in a full table for the rest of a pass that has read
// done of total bytes (or tokens): its capacity becomes what the density
// seen so far predicts for the whole, an eighth more, and at least a
// quarter more than it was. A table that outgrows its first estimate is
// then copied once or twice rather than a dozen times at a quarter more
// each: on a 10 MB article those copies were a tenth of the time, each
// into memory the process had not touched yet. Room reserved and never
// filled costs next to nothing: the new table is made, not grown
// (slices.Grow, through append's growslice, clears the room past the
// length of a table without pointers, touching every page of it; make
// takes fresh pages from the system as they are, zero). The estimate
// waits for a sixteenth of the pass, and never passes total (each entry
// takes at least one byte or token).
func GrowAt[T any](s []T, done, total int) []T {
	want := len(s) + len(s)/4 + 16
	if done > 0 && done >= total/16 && total > done {
		est := int(int64(len(s)) * int64(total) / int64(done))
		want = max(want, min(est+est/8+16, total))
	}
	t := make([]T, len(s), want)
	copy(t, s)
	return t
}
