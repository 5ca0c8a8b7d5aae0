package archive

import "math"

// FrameFrom is Frame from the first surname that is from or after it in
// order (from is folded, as Fold folds: it is compared bytewise as it
// is): a rule that wants the surnames near one name (which share its
// first letter) reads those, not a frame of thousands. It allocates
// nothing. An error is a part of the file that cannot be read.
func (a *Authority) FrameFrom(kind FrameKind, frame, from string, fn func(FrameEntry) bool) error {
	return a.FrameRange(kind, frame, from, "", 0, fn)
}

// FrameRange is Frame for the surnames from from, and before to ("": to
// the frame's end), in order (both folded, as Fold folds: they are
// compared bytewise as they are); the surnames of those the archive
// writes under the frame in fewer than min articles are not read (their
// FrameEntry.Surname is ""), which makes passing over the many surnames
// of a frame seen once cheap (a rule that wants the surnames near one
// name that are well known, and how often the name itself is written,
// reads the first for the range of its initial with its threshold, the
// second for the range of the name alone). It allocates nothing. An error
// is a part of the file that cannot be read.
func (a *Authority) FrameRange(kind FrameKind, frame, from, to string, min int, fn func(FrameEntry) bool) (err error) {
	defer a.done(a.guard(), &err)
	ref, ok, err := a.find(Fold(frame))
	if err != nil || !ok {
		return err
	}
	// References compare as the strings do: the first word from or
	// after from is where the surnames wanted start, the first from or
	// after to where they end.
	sur, _, err := a.wordSearch(from)
	if err != nil {
		return err
	}
	end := uint32(math.MaxUint32)
	if to != "" {
		if end, _, err = a.wordSearch(to); err != nil {
			return err
		}
	}
	return a.frameFrom(frameRec{kind: kind, frame: ref, surname: sur}, end, uint64(max(min, 0)), fn)
}
