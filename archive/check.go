package archive

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// Check reads every chunk of the authority against its checksum
// (Verify), then every record, and checks that it is as newslint writes
// it: every record decodes, in order, and refers to what exists; the
// summary's counts are the records'. The checksums find bytes changed
// since they were written; Check also finds what a faulty writer got
// wrong.
func (a *Authority) Check() (err error) {
	if err := a.Verify(); err != nil {
		return err
	}
	defer a.done(a.guard(), &err)
	fail := func(what string) error {
		return &FileError{a.name, fmt.Errorf("%w: %s", ErrDamaged, what)}
	}
	recs := func(s *section) []byte { return a.data[s.recs.off : s.recs.off+s.recs.len] }
	atBlock := func(s *section, i uint32, left []byte) bool {
		if i%blockSize != 0 {
			return true
		}
		off := binary.LittleEndian.Uint32(a.data[s.index.off+4*int(i/blockSize):])
		return int(off) == s.recs.len-len(left)
	}
	// Words: in order, no two equal.
	b := recs(&a.words)
	var prev []byte
	for i := uint32(0); i < a.words.n; i++ {
		if !atBlock(&a.words, i, b) {
			return fail("the word index is wrong")
		}
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return fail("a word does not decode")
		}
		s := b[w : w+int(n)]
		if i > 0 && bytes.Compare(prev, s) >= 0 || bytes.IndexByte(s, ' ') >= 0 {
			return fail("the words are out of order")
		}
		prev, b = s, b[w+int(n):]
	}
	if len(b) != 0 {
		return fail("bytes after the words")
	}
	// Names: in order, of words.
	d := decoder{b: recs(&a.names)}
	var name, prevName []uint32
	for i := uint32(0); i < a.names.n; i++ {
		if !atBlock(&a.names, i, d.b) {
			return fail("the name index is wrong")
		}
		shared, rest := d.uvarint(), d.uvarint()
		if d.bad || shared > uint64(len(name)) || i%blockSize == 0 && shared != 0 || shared+rest > maxNameWords || shared+rest < 2 {
			return fail("a name does not decode")
		}
		prevName = append(prevName[:0], name...)
		name = name[:shared]
		for j := uint64(0); j < rest; j++ {
			if w := d.u32(); w < a.words.n {
				name = append(name, w)
			} else {
				return fail("a name refers to nothing")
			}
		}
		if d.bad || i > 0 && namesCmp(prevName, name) >= 0 {
			return fail("the names are out of order")
		}
	}
	if len(d.b) != 0 {
		return fail("bytes after the names")
	}
	strs := a.words.n + a.names.n
	if strs < a.words.n {
		return fail("too many strings")
	}
	var m meta
	var prevE, e entityRec
	b = recs(&a.entities)
	for i := uint32(0); i < a.entities.n; i++ {
		if !atBlock(&a.entities, i, b) {
			return fail("the entity index is wrong")
		}
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) || !decodeEntity(b[w:w+int(n)], &e, prevE.name, i%blockSize == 0) {
			return fail("an entity does not decode")
		}
		if err := checkEntity(&e, strs); err != "" {
			return fail(err)
		}
		if i > 0 && entityCmp(&prevE, &e) >= 0 {
			return fail("the entities are out of order")
		}
		m.count(&e)
		prevE.name, prevE.kind = e.name, e.kind
		b = b[w+int(n):]
	}
	if len(b) != 0 {
		return fail("bytes after the entities")
	}
	var prevF, f frameRec
	b = recs(&a.frames)
	for i := uint32(0); i < a.frames.n; i++ {
		if !atBlock(&a.frames, i, b) {
			return fail("the frame index is wrong")
		}
		n, ok := decodeFrame(b, &f, &prevF, i%blockSize == 0)
		if !ok {
			return fail("a frame does not decode")
		}
		if f.frame >= strs || f.surname >= strs || f.entity >= a.entities.n || f.articles == 0 {
			return fail("a frame refers to nothing")
		}
		if i > 0 && frameCmp(&prevF, &f) >= 0 {
			return fail("the frames are out of order")
		}
		prevF, b = f, b[n:]
	}
	if len(b) != 0 {
		return fail("bytes after the frames")
	}
	for _, s := range []*section{&a.words, &a.names, &a.entities, &a.frames} {
		if err := a.checkSamples(s); err != nil {
			return err
		}
	}
	fps := a.data[a.fps.off : a.fps.off+a.fps.len]
	for i := 8; i < len(fps); i += 8 {
		if binary.LittleEndian.Uint64(fps[i-8:]) >= binary.LittleEndian.Uint64(fps[i:]) {
			return fail("the article fingerprints are out of order")
		}
	}
	m.dated, m.first, m.latest = a.meta.dated, a.meta.first, a.meta.latest
	if m != a.meta || a.meta.dated > uint64(len(fps)/8) {
		return fail("its summary does not count its records")
	}
	return nil
}

// checkEntity checks an entity's references and order; "" when it is
// sound.
func checkEntity(e *entityRec, strs uint32) string {
	if e.name >= strs || e.articles == 0 {
		return "an entity refers to nothing"
	}
	for i, s := range e.spell {
		if s.ref >= strs || s.articles == 0 || i > 0 && spellCmp(e.spell[i-1], s) >= 0 {
			return "an entity's spellings are out of order"
		}
	}
	for i, t := range e.titles {
		if t.class >= strs || t.text >= strs || t.articles == 0 || i > 0 && titleCmp(e.titles[i-1], t) >= 0 {
			return "an entity's titles are out of order"
		}
	}
	return ""
}

// checkSamples checks that the samples of s are the first records of
// every sampleEvery-th block, whole. Called under guard, every chunk
// checked.
func (a *Authority) checkSamples(s *section) error {
	if uint64(s.sampleIndex.len/4) != samples(s.n) {
		return a.damaged("a section's samples are out of place")
	}
	end := 0
	for j := 0; j < s.sampleIndex.len/4; j++ {
		at := int(binary.LittleEndian.Uint32(a.data[s.sampleIndex.off+4*j:]))
		b, err := a.block(s, uint32(j*sampleEvery))
		if err != nil {
			return err
		}
		n, ok := a.firstLen(s, b)
		if !ok || at != end || at+n > s.samples.len || !bytes.Equal(a.data[s.samples.off+at:s.samples.off+at+n], b[:n]) {
			return a.damaged("a section's samples are not its records")
		}
		end = at + n
	}
	if end != s.samples.len {
		return a.damaged("a section's samples are not its records")
	}
	return nil
}

// firstLen is the length of the record that opens b, a block of s.
func (a *Authority) firstLen(s *section, b []byte) (int, bool) {
	switch s {
	case &a.words, &a.entities:
		n, w := binary.Uvarint(b)
		return w + int(n), w > 0 && n <= uint64(len(b)-w)
	case &a.names:
		var buf [maxNameWords]uint32
		_, n, ok := firstName(b, buf[:0])
		return n, ok
	}
	var f frameRec
	return decodeFrame(b, &f, nil, true)
}
