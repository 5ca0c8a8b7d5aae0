package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"
	"unsafe"
)

// MaxOpenBytes is the largest authority Open opens.
const MaxOpenBytes = 4 << 30

// mapFrom is the size from which Open maps a file rather than reading it.
const mapFrom = 64 << 10

// Authority is an authority file read into memory and checked. Look-ups
// read its bytes where they lie: nothing is built when it is opened.
type Authority struct {
	name                           string
	data                           []byte
	words, names, entities, frames section
	fps                            []byte
	meta                           meta
	unmap                          func() error
}

// section is the records, index and count of an indexed section.
type section struct {
	recs  []byte
	index []byte
	n     uint32
}

// block is the offset of block i's first record in recs, or false.
func (s *section) block(i uint64) (int, bool) {
	if i >= uint64(len(s.index))/4 {
		return 0, false
	}
	off := int(binary.LittleEndian.Uint32(s.index[i*4:]))
	return off, off < len(s.recs)
}

// Open opens the authority at path and checks it (its header, version,
// length and checksum); an error names the file (a *FileError). A big
// authority is mapped into memory, not copied: it costs the time to
// checksum its bytes, and its pages are the system's cache of the file. A
// mapped file must not be cut short in place while it is open (reading
// past its new end would crash): newslint never does, it writes a new
// authority beside the old and renames it over it, which leaves an open
// one whole.
func Open(path string) (*Authority, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &FileError{path, plainError(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, &FileError{path, plainError(err)}
	case !st.Mode().IsRegular():
		return nil, &FileError{path, errors.New("not a regular file")}
	case st.Size() > MaxOpenBytes:
		return nil, &FileError{path, fmt.Errorf("larger than %d bytes: not read", int64(MaxOpenBytes))}
	}
	if st.Size() >= mapFrom {
		if data, unmap, err := mapFile(f, st.Size()); err == nil {
			a, err := Parse(path, data)
			if err != nil {
				unmap()
				return nil, err
			}
			a.unmap = unmap
			return a, nil
		}
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: the file shrank while it was read", ErrTruncated)
		}
		return nil, &FileError{path, plainError(err)}
	}
	return Parse(path, data)
}

// Close releases the memory an authority Open mapped. No string or
// look-up of the authority may be used after it.
func (a *Authority) Close() error {
	unmap := a.unmap
	*a = Authority{name: a.name}
	if unmap == nil {
		return nil
	}
	return unmap()
}

// plainError is err without the path an *fs.PathError repeats.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse checks data as an authority file, named name in errors, and
// returns it; data is kept, not copied, and must not change.
func Parse(name string, data []byte) (*Authority, error) {
	l, err := readLayout(int64(len(data)), func(p []byte, off int64) error {
		if off < 0 || off+int64(len(p)) > int64(len(data)) {
			return ErrTruncated
		}
		copy(p, data[off:])
		return nil
	})
	if err != nil {
		return nil, &FileError{name, err}
	}
	if crc32.Checksum(data[:len(data)-4], castagnoli) != l.crc {
		return nil, &FileError{name, fmt.Errorf("%w: its checksum does not match its bytes (copy or build it again)", ErrDamaged)}
	}
	a := &Authority{name: name, data: data, meta: l.meta}
	for _, s := range []struct {
		sec int
		dst *section
	}{{secWords, &a.words}, {secNames, &a.names}, {secEntities, &a.entities}, {secFrames, &a.frames}} {
		start, recs := l.sec[s.sec][0], l.records(s.sec)
		*s.dst = section{recs: data[start : start+recs], index: data[start+recs : start+l.sec[s.sec][1]-4], n: l.count[s.sec]}
	}
	f := l.sec[secFingerprints]
	a.fps = data[f[0] : f[0]+f[1]]
	return a, nil
}

// Name is the name the authority was opened under.
func (a *Authority) Name() string { return a.name }

// word returns word i, a view of the authority's bytes.
func (a *Authority) word(i uint32) (string, bool) {
	off, ok := a.words.block(uint64(i) / blockSize)
	if !ok || i >= a.words.n {
		return "", false
	}
	b := a.words.recs[off:]
	for k := i % blockSize; ; k-- {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return "", false
		}
		if k == 0 {
			return view(b[w : w+int(n)]), true
		}
		b = b[w+int(n):]
	}
}

// view is b as a string, sharing its bytes.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// nameWords returns the words (references) of name i, in buf.
func (a *Authority) nameWords(i uint32, buf []uint32) ([]uint32, bool) {
	off, ok := a.names.block(uint64(i) / blockSize)
	if !ok || i >= a.names.n {
		return nil, false
	}
	d := decoder{b: a.names.recs[off:]}
	buf = buf[:0]
	for k := uint32(0); k <= i%blockSize; k++ {
		shared, rest := d.uvarint(), d.uvarint()
		if d.bad || shared > uint64(len(buf)) || k == 0 && shared != 0 || shared+rest > maxNameWords || shared+rest < 2 {
			return nil, false
		}
		buf = buf[:shared]
		for j := uint64(0); j < rest; j++ {
			buf = append(buf, d.u32())
		}
		if d.bad {
			return nil, false
		}
	}
	return buf, true
}

// str returns the string a reference names: a word, a view of the
// authority's bytes, or a name, its words joined (a new string).
func (a *Authority) str(ref uint32) (string, bool) {
	if ref < a.words.n {
		return a.word(ref)
	}
	var buf [maxNameWords]uint32
	ws, ok := a.nameWords(ref-a.words.n, buf[:0])
	if !ok {
		return "", false
	}
	var b strings.Builder
	for k, w := range ws {
		s, ok := a.word(w)
		if !ok || w >= a.words.n {
			return "", false
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String(), true
}

// findWord returns the index of word s.
func (a *Authority) findWord(s string) (uint32, bool) {
	nb := len(a.words.index) / 4
	// The last block whose first word is s or before it.
	k := sort.Search(nb, func(i int) bool {
		first, ok := a.word(uint32(i) * blockSize)
		return !ok || first > s
	}) - 1
	if k < 0 {
		return 0, false
	}
	off, _ := a.words.block(uint64(k))
	b := a.words.recs[off:]
	for i := uint32(k) * blockSize; i < a.words.n && i < uint32(k+1)*blockSize; i++ {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return 0, false
		}
		v := view(b[w : w+int(n)])
		if v > s {
			return 0, false
		}
		if v == s {
			return i, true
		}
		b = b[w+int(n):]
	}
	return 0, false
}

// find returns the reference of string s (already folded): a word's, or
// a name's. It allocates nothing.
func (a *Authority) find(s string) (uint32, bool) {
	if strings.IndexByte(s, ' ') < 0 {
		return a.findWord(s)
	}
	var buf [maxNameWords]uint32
	ws := buf[:0]
	for rest := s; ; {
		w, more, found := strings.Cut(rest, " ")
		ref, ok := a.findWord(w)
		if !ok || len(ws) == maxNameWords {
			return 0, false
		}
		ws = append(ws, ref)
		if !found {
			break
		}
		rest = more
	}
	var tmp [maxNameWords]uint32
	nb := len(a.names.index) / 4
	k := sort.Search(nb, func(i int) bool {
		first, ok := a.nameWords(uint32(i)*blockSize, tmp[:0])
		return !ok || namesCmp(first, ws) > 0
	}) - 1
	if k < 0 {
		return 0, false
	}
	for i := uint32(k) * blockSize; i < a.names.n && i < uint32(k+1)*blockSize; i++ {
		v, ok := a.nameWords(i, tmp[:0])
		if !ok {
			return 0, false
		}
		switch c := namesCmp(v, ws); {
		case c > 0:
			return 0, false
		case c == 0:
			return a.words.n + i, true
		}
	}
	return 0, false
}

// entityAt returns the bytes of entity h's body, and the name of the
// entity before it in its block (what its name is written from).
func (a *Authority) entityAt(h Handle) ([]byte, uint32, bool) {
	off, ok := a.entities.block(uint64(h) / blockSize)
	if !ok || uint32(h) >= a.entities.n {
		return nil, 0, false
	}
	b := a.entities.recs[off:]
	var prev uint32
	for k := uint32(h) % blockSize; ; k-- {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return nil, 0, false
		}
		body := b[w : w+int(n)]
		if k == 0 {
			return body, prev, true
		}
		d := decoder{b: body}
		if uint32(h)%blockSize-k == 0 {
			prev = d.u32()
		} else {
			prev = d.add32(prev, d.uvarint())
		}
		if d.bad {
			return nil, 0, false
		}
		b = b[w+int(n):]
	}
}

// entityKey reads the name and kind of entity h.
func (a *Authority) entityKey(h Handle) (uint32, Kind, bool) {
	body, prev, ok := a.entityAt(h)
	if !ok {
		return 0, 0, false
	}
	d := decoder{b: body}
	var name uint32
	if uint32(h)%blockSize == 0 {
		name = d.u32()
	} else {
		name = d.add32(prev, d.uvarint())
	}
	kind := Kind(d.byte() & flagKind)
	return name, kind, !d.bad
}

// Spelling is a way an entity is written, and the number of articles
// that write it so.
type Spelling struct {
	Text     string
	Articles int
}

// Title is a title a person is given: its class ("prime-minister") and
// its text as written ("Prime Minister"), with the number of articles and
// the first and latest dates.
type Title struct {
	Class, Text   string
	Articles      int
	First, Latest Day
}

// Entity is the whole record of an entity.
type Entity struct {
	// Name is the entity's full name, folded (Fold): its key, with Kind.
	Name string
	Kind Kind
	// Articles is the number of articles that name it; First and Latest
	// the dates of the first and the latest of them that have a date.
	Articles      int
	First, Latest Day
	// Male and Female are the articles in which the people model took the
	// person for a man, for a woman.
	Male, Female int
	// Spellings are the ways it is written (the full form, and for a
	// person the surname alone), in the authority's order (by their
	// lower-case forms).
	Spellings []Spelling
	// Titles are a person's titles, by class and text.
	Titles []Title
}

// Entity returns the record of entity h; false when there is none (or it
// does not decode).
func (a *Authority) Entity(h Handle) (Entity, bool) {
	body, prev, ok := a.entityAt(h)
	if !ok {
		return Entity{}, false
	}
	var r entityRec
	if !decodeEntity(body, &r, prev, uint32(h)%blockSize == 0) {
		return Entity{}, false
	}
	e := Entity{Kind: r.kind, Articles: int(r.articles), First: r.first, Latest: r.latest, Male: int(r.male), Female: int(r.female)}
	if e.Name, ok = a.str(r.name); !ok {
		return Entity{}, false
	}
	e.Spellings = make([]Spelling, len(r.spell))
	for i, s := range r.spell {
		text, ok := a.str(s.ref)
		if !ok {
			return Entity{}, false
		}
		e.Spellings[i] = Spelling{Text: shaped(text, s.shape), Articles: int(s.articles)}
	}
	if len(r.titles) > 0 {
		e.Titles = make([]Title, len(r.titles))
	}
	for i, t := range r.titles {
		class, ok1 := a.str(t.class)
		text, ok2 := a.str(t.text)
		if !ok1 || !ok2 {
			return Entity{}, false
		}
		e.Titles[i] = Title{Class: class, Text: shaped(text, t.shape), Articles: int(t.articles), First: t.first, Latest: t.latest}
	}
	return e, true
}

// Find calls fn with each entity whose full name, folded, is name folded
// (one of each kind at most, in the order of kinds), until fn returns
// false.
func (a *Authority) Find(name string, fn func(Handle, Kind) bool) {
	ref, ok := a.find(Fold(name))
	if !ok {
		return
	}
	nb := len(a.entities.index) / 4
	k := sort.Search(nb, func(i int) bool {
		n, _, ok := a.entityKey(Handle(uint32(i) * blockSize))
		return !ok || n >= ref
	}) - 1
	for h := Handle(uint32(max(k, 0)) * blockSize); uint32(h) < a.entities.n; h++ {
		n, kind, ok := a.entityKey(h)
		if !ok || n > ref {
			return
		}
		if n == ref && !fn(h, kind) {
			return
		}
	}
}

// Lookup returns the entity of kind whose full name, folded, is name
// folded.
func (a *Authority) Lookup(name string, kind Kind) (Handle, bool) {
	var found Handle
	ok := false
	a.Find(name, func(h Handle, k Kind) bool {
		if k == kind {
			found, ok = h, true
		}
		return k < kind
	})
	return found, ok
}

// FrameEntry is a surname written under a frame.
type FrameEntry struct {
	// Surname is the surname, folded (the person's spellings are in
	// Entity(Entity).Spellings), a view of the authority's bytes.
	Surname string
	// Articles is the number of articles that write the surname under
	// the frame, for this person; Latest the date of the latest of them.
	Articles int
	Latest   Day
	// Entity is the person.
	Entity Handle
}

// Frame calls fn with every surname the archive writes under the frame of
// kind and name frame (folded first: a given name, a title's class, an
// organisation), in order of surname (then person), until fn returns
// false. It allocates nothing: a frame the archive does not know costs a
// binary search or two.
func (a *Authority) Frame(kind FrameKind, frame string, fn func(FrameEntry) bool) {
	ref, ok := a.find(Fold(frame))
	if !ok {
		return
	}
	want := frameRec{kind: kind, frame: ref}
	nb := len(a.frames.index) / 4
	// The last block whose first frame is before the frame's first entry.
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
		if f.kind != kind || f.frame != ref {
			if frameCmp(&f, &want) > 0 {
				return
			}
			continue
		}
		sur, ok := a.word(f.surname)
		if !ok {
			// A surname of several words (never written by Collect).
			if sur, ok = a.str(f.surname); !ok {
				return
			}
		}
		if !fn(FrameEntry{Surname: sur, Articles: int(f.articles), Latest: f.latest, Entity: Handle(f.entity)}) {
			return
		}
	}
}

// Fingerprint is the fingerprint of an article's text: the first eight
// bytes of its SHA-256. Two articles with the same bytes are one article.
func Fingerprint(text []byte) uint64 {
	sum := sha256.Sum256(text)
	return binary.BigEndian.Uint64(sum[:8])
}

// HasArticle reports whether the article of fingerprint fp is in the
// authority.
func (a *Authority) HasArticle(fp uint64) bool {
	n := len(a.fps) / 8
	i := sort.Search(n, func(i int) bool { return binary.LittleEndian.Uint64(a.fps[i*8:]) >= fp })
	return i < n && binary.LittleEndian.Uint64(a.fps[i*8:]) == fp
}

// Info is what an authority holds, in numbers.
type Info struct {
	Version int
	// Articles is the number of articles it was built from; Dated those
	// with a date, First and Latest their range.
	Articles, Dated int
	First, Latest   Day
	// The entities of each kind, and all of them.
	Persons, Organisations, Places, Entities int
	// Spellings and Titles are those of all the entities together;
	// Frames the frames; Words and Names the distinct strings of one
	// word and of several.
	Spellings, Titles, Frames, Words, Names int
	// Bytes is the size of the file.
	Bytes int
}

// Info summarises the authority (from its summary section: no record is
// read).
func (a *Authority) Info() Info {
	m := a.meta
	return Info{Version: Version, Articles: len(a.fps) / 8, Dated: int(m.dated), First: m.first, Latest: m.latest,
		Persons: int(m.persons), Organisations: int(m.orgs), Places: int(m.places), Entities: int(a.entities.n),
		Spellings: int(m.spellings), Titles: int(m.titles), Frames: int(a.frames.n), Words: int(a.words.n),
		Names: int(a.names.n), Bytes: len(a.data)}
}

// Summary is what Each gives of an entity without decoding the rest of
// its record.
type Summary struct {
	Kind     Kind
	Articles int
}

// Each calls fn with every entity in order (by name, then kind), until fn
// returns false. It allocates nothing.
func (a *Authority) Each(fn func(Handle, Summary) bool) {
	b := a.entities.recs
	var name uint32
	for h := Handle(0); uint32(h) < a.entities.n; h++ {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return
		}
		d := decoder{b: b[w : w+int(n)]}
		if uint32(h)%blockSize == 0 {
			name = d.u32()
		} else {
			name = d.add32(name, d.uvarint())
		}
		kind := Kind(d.byte() & flagKind)
		articles := d.uvarint()
		if d.bad || !fn(h, Summary{Kind: kind, Articles: int(articles)}) {
			return
		}
		b = b[w+int(n):]
	}
}

// Check reads every record of the authority and checks that it is as
// newslint writes it: every record decodes, in order, and refers to what
// exists; the summary's counts are the records'. Open checks the bytes
// against the checksum; Check finds what a faulty writer got wrong.
func (a *Authority) Check() error {
	fail := func(what string) error {
		return &FileError{a.name, fmt.Errorf("%w: %s", ErrDamaged, what)}
	}
	atBlock := func(s *section, i uint32, left []byte) bool {
		if i%blockSize != 0 {
			return true
		}
		off, ok := s.block(uint64(i / blockSize))
		return ok && off == len(s.recs)-len(left)
	}
	// Words: in order, no two equal.
	b := a.words.recs
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
	d := decoder{b: a.names.recs}
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
	b = a.entities.recs
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
	b = a.frames.recs
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
	for i := 8; i < len(a.fps); i += 8 {
		if binary.LittleEndian.Uint64(a.fps[i-8:]) >= binary.LittleEndian.Uint64(a.fps[i:]) {
			return fail("the article fingerprints are out of order")
		}
	}
	m.dated, m.first, m.latest = a.meta.dated, a.meta.first, a.meta.latest
	if m != a.meta || a.meta.dated > uint64(len(a.fps)/8) {
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
