package archive

import (
	"encoding/binary"
	"sort"
)

// FrameFrom is Frame from the first surname (folded) that is from or
// after it in order: a rule that wants the surnames near one name (which
// share its first letter) reads those, not a frame of thousands. It
// allocates nothing.
func (a *Authority) FrameFrom(kind FrameKind, frame, from string, fn func(FrameEntry) bool) {
	ref, ok := a.find(Fold(frame))
	if !ok {
		return
	}
	want := frameRec{kind: kind, frame: ref, surname: a.wordFrom(Fold(from))}
	nb := len(a.frames.index) / 4
	// The last block whose first frame is before the first one wanted.
	k := sort.Search(nb, func(i int) bool {
		off, ok := a.frames.block(uint64(i))
		if !ok {
			return true
		}
		var f frameRec
		if _, ok := decodeFrame(a.frames.recs[off:], &f, nil, true); !ok {
			return true
		}
		return frameCmp(&f, &want) >= 0
	}) - 1
	k = max(k, 0)
	off, ok := a.frames.block(uint64(k))
	if !ok {
		return
	}
	b := a.frames.recs[off:]
	var prev, f frameRec
	for i := uint64(k) * blockSize; i < uint64(a.frames.n) && len(b) > 0; i++ {
		n, ok := decodeFrame(b, &f, &prev, i%blockSize == 0)
		if !ok {
			return
		}
		b, prev = b[n:], f
		if f.kind != kind || f.frame != ref || f.surname < want.surname {
			if frameCmp(&f, &want) > 0 {
				return
			}
			continue
		}
		sur, ok := a.word(f.surname)
		if !ok {
			if sur, ok = a.str(f.surname); !ok {
				return
			}
		}
		if !fn(FrameEntry{Surname: sur, Articles: int(f.articles), Latest: f.latest, Entity: Handle(f.entity)}) {
			return
		}
	}
}

// wordFrom is the reference of the first word that is s or after it
// (the number of words when there is none): references compare as the
// strings do.
func (a *Authority) wordFrom(s string) uint32 {
	nb := len(a.words.index) / 4
	// The last block whose first word is before s.
	k := sort.Search(nb, func(i int) bool {
		first, ok := a.word(uint32(i) * blockSize)
		return !ok || first >= s
	}) - 1
	if k < 0 {
		return 0
	}
	off, _ := a.words.block(uint64(k))
	b := a.words.recs[off:]
	i := uint32(k) * blockSize
	for ; i < a.words.n; i++ {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			break
		}
		if view(b[w:w+int(n)]) >= s {
			return i
		}
		b = b[w+int(n):]
	}
	return i
}
