package archive

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// MaxOpenBytes is the largest authority Open opens.
const MaxOpenBytes = 4 << 30

// mapFrom is the size from which Open maps a file rather than reading it.
const mapFrom = 64 << 10

// Authority is an authority file, opened: its header, footer and table
// of checksums checked, nothing built. Look-ups read its records where
// they lie, each chunk of the file checked against its checksum when it
// is first read. Safe for concurrent use.
type Authority struct {
	name string
	// data is the file's bytes up to its table of checksums: mapped into
	// memory (Open, for a big file), or read into it.
	data []byte
	// file is the file mapped, kept open to tell a file changed since it
	// was opened (size and mtime, what it was then) from a damaged one;
	// free unmaps it.
	file  *os.File
	size  int64
	mtime time.Time
	free  func() error
	// sums are the chunks' checksums; checked marks the chunks read and
	// checked (one bit each).
	sums    []byte
	checked []atomic.Uint64

	words, names, entities, frames section
	fps, metaAt                    span
	meta                           meta
}

// section is where the records, the index, the samples and their index
// of an indexed section lie in data, and its number of records.
type section struct {
	recs, index, samples, sampleIndex span
	n                                 uint32
}

// span is a range of data.
type span struct{ off, len int }

// blocks is the number of entries of the section's index.
func (s *section) blocks() uint32 { return uint32(blocks(s.n)) }

// Open opens the authority at path and checks what tells where its
// records lie: its header (an authority, of this version), its footer,
// its table of checksums (against the checksum of the three), its
// length and its sections' bounds; an error names the file (a
// *FileError). Its records are not read: a big file is mapped into
// memory, and each chunk (chunkSize bytes) is checked against its
// checksum when a look-up first reads it. So opening costs the same
// whatever the size, and a look-up reads and checks a few chunks; a
// look-up that reads a damaged chunk returns an error naming the file
// (ErrDamaged).
//
// A mapped file cut short in place while it is open (newslint never does
// that: it writes a new authority beside the old and renames it over it,
// which leaves an open one whole) makes the look-ups that read past its
// new end return an error naming it (ErrChanged), not crash: they read
// the mapping with debug.SetPanicOnFault, and nothing they return points
// into it (but a FrameEntry's Surname, during the call only). Bytes
// changed in place in a chunk not yet read fail its checksum
// (ErrChanged); in one read already, they are read as they are now.
func Open(path string) (*Authority, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &FileError{path, plainError(err)}
	}
	a, err := open(path, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return a, nil
}

func open(path string, f *os.File) (a *Authority, err error) {
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, &FileError{path, plainError(err)}
	case !st.Mode().IsRegular():
		return nil, &FileError{path, errors.New("not a regular file")}
	case st.Size() > MaxOpenBytes:
		return nil, &FileError{path, fmt.Errorf("larger than %d bytes: not read", int64(MaxOpenBytes))}
	}
	readAt := func(p []byte, off int64) error {
		n, err := f.ReadAt(p, off)
		if n == len(p) {
			return nil
		}
		if err == io.EOF {
			return fmt.Errorf("%w: the file shrank while it was read", ErrTruncated)
		}
		return err
	}
	l, err := readLayout(st.Size(), readAt)
	if err != nil {
		return nil, &FileError{path, plainError(err)}
	}
	if st.Size() >= mapFrom {
		if data, free, err := mapFile(f, int(l.end)); err == nil {
			a := newAuthority(path, data, &l)
			a.file, a.size, a.mtime, a.free = f, st.Size(), st.ModTime(), free
			if err := a.readMeta(); err != nil {
				a.Close()
				return nil, err
			}
			return a, nil
		}
	}
	data := make([]byte, l.end)
	if err := readAt(data, 0); err != nil {
		return nil, &FileError{path, plainError(err)}
	}
	a = newAuthority(path, data, &l)
	a.size = st.Size()
	if err := a.readMeta(); err != nil {
		return nil, err
	}
	f.Close()
	return a, nil
}

// Parse is Open for the bytes of an authority file in memory, named name
// in errors: checked as Open checks a file, each chunk when it is first
// read. data is kept, not copied, and must not change.
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
	a := newAuthority(name, data[:l.end], &l)
	a.size = int64(len(data))
	if err := a.readMeta(); err != nil {
		return nil, err
	}
	return a, nil
}

func newAuthority(name string, data []byte, l *layout) *Authority {
	a := &Authority{name: name, data: data, sums: l.sums, checked: make([]atomic.Uint64, (len(l.sums)/4+63)/64)}
	for sec, dst := range []*section{&a.words, &a.names, &a.entities, &a.frames} {
		start, recs, top, n := int(l.sec[sec][0]), int(l.records(sec)), int(l.top[sec]), l.count[sec]
		six := 4 * int(samples(n))
		*dst = section{recs: span{start, recs}, index: span{start + recs, top - recs},
			samples:     span{start + top, int(l.sec[sec][1]) - top - six},
			sampleIndex: span{start + int(l.sec[sec][1]) - six, six}, n: n}
	}
	f := l.sec[secFingerprints]
	a.fps = span{int(f[0]), int(f[1])}
	m := l.sec[secMeta]
	a.metaAt = span{int(m[0]), int(m[1])}
	return a
}

// readMeta reads the summary section (a chunk or two at the end).
func (a *Authority) readMeta() (err error) {
	defer a.done(a.guard(), &err)
	b, err := a.bytes(a.metaAt.off, a.metaAt.len)
	if err != nil {
		return err
	}
	var ok bool
	if a.meta, ok = decodeMeta(b); !ok {
		return a.damaged("its summary does not decode")
	}
	return nil
}

// guard starts reading the authority's bytes: a fault reading them (a
// mapped file cut short since it was opened) panics in this goroutine
// rather than crash the process, and done, deferred, recovers it into
// an error naming the file. It returns the goroutine's setting before:
//
//	defer a.done(a.guard(), &err)
func (a *Authority) guard() bool { return debug.SetPanicOnFault(true) }

// done ends what guard started (was is the setting before it): a fault
// in the authority's bytes becomes *err (ErrChanged); any other panic
// goes on.
func (a *Authority) done(was bool, err *error) {
	debug.SetPanicOnFault(was)
	v := recover()
	if v == nil {
		return
	}
	if f, ok := v.(interface{ Addr() uintptr }); ok && a.holds(f.Addr()) {
		*err = &FileError{a.name, fmt.Errorf("%w: it is cut short, a part of it is gone (build or copy it again, and open it again)", ErrChanged)}
		return
	}
	panic(v)
}

// holds reports whether addr is in the pages of the authority's bytes.
func (a *Authority) holds(addr uintptr) bool {
	if len(a.data) == 0 {
		return false
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(a.data)))
	return addr >= base && addr-base < uintptr(len(a.data)+os.Getpagesize())
}

// Close releases what the authority holds (its file and its mapping). No
// look-up of the authority may be made after it.
func (a *Authority) Close() error {
	var err error
	if a.free != nil {
		err = a.free()
	}
	if a.file != nil {
		if ferr := a.file.Close(); err == nil {
			err = ferr
		}
	}
	a.file, a.free, a.data = nil, nil, nil
	a.words, a.names, a.entities, a.frames, a.fps, a.metaAt = section{}, section{}, section{}, section{}, span{}, span{}
	return err
}

// plainError is err without the path an *fs.PathError repeats.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Name is the name the authority was opened under.
func (a *Authority) Name() string { return a.name }

// damaged is the error of a record that does not decode: ErrChanged when
// the file mapped has changed since it was opened, else ErrDamaged.
func (a *Authority) damaged(what string) error {
	if a.changedOnDisk() {
		return &FileError{a.name, fmt.Errorf("%w: %s (build or copy it again, and open it again)", ErrChanged, what)}
	}
	return &FileError{a.name, fmt.Errorf("%w: %s", ErrDamaged, what)}
}

// bytes returns n bytes of data at off, their chunks checked first if
// they are not yet. Called under guard.
func (a *Authority) bytes(off, n int) ([]byte, error) {
	if off < 0 || n < 0 || off > len(a.data)-n {
		return nil, a.damaged("a record runs past its section")
	}
	if n == 0 {
		return a.data[off:off], nil
	}
	for c := off / chunkSize; c <= (off+n-1)/chunkSize; c++ {
		if a.checked[c/64].Load()&(1<<(c%64)) == 0 {
			if err := a.check(c); err != nil {
				return nil, err
			}
		}
	}
	return a.data[off : off+n], nil
}

// check checks chunk c against its checksum (two goroutines may check
// one chunk at once: both find the same).
func (a *Authority) check(c int) error {
	lo, hi := c*chunkSize, min((c+1)*chunkSize, len(a.data))
	if crc32.Checksum(a.data[lo:hi], crcTable) != binary.LittleEndian.Uint32(a.sums[4*c:]) {
		if a.changedOnDisk() {
			return &FileError{a.name, fmt.Errorf("%w: bytes %d to %d are not those it was opened with (build or copy it again, and open it again)", ErrChanged, lo, hi)}
		}
		return &FileError{a.name, fmt.Errorf("%w: bytes %d to %d do not match their checksum (copy or build it again)", ErrDamaged, lo, hi)}
	}
	a.checked[c/64].Or(1 << (c % 64))
	return nil
}

// changedOnDisk reports whether the file an authority was mapped from is
// no longer what it was (its size or time).
func (a *Authority) changedOnDisk() bool {
	if a.file == nil {
		return false
	}
	st, err := a.file.Stat()
	return err == nil && (st.Size() != a.size || !st.ModTime().Equal(a.mtime))
}

// Verify reads and checks every chunk of the authority (what look-ups
// check as they read); an error names the file and the first chunk that
// does not match. Check also checks what the records say.
func (a *Authority) Verify() (err error) {
	defer a.done(a.guard(), &err)
	for off := 0; off < len(a.data); off += chunkSize {
		if _, err := a.bytes(off, min(chunkSize, len(a.data)-off)); err != nil {
			return err
		}
	}
	return nil
}

// block returns the records of block k (blockSize records, the last may
// have fewer) of section s, checked: its bounds are read from the index.
func (a *Authority) block(s *section, k uint32) ([]byte, error) {
	nb := s.blocks()
	if k >= nb {
		return nil, a.damaged("a record that is not there")
	}
	n := 4
	if k+1 < nb {
		n = 8
	}
	ix, err := a.bytes(s.index.off+4*int(k), n)
	if err != nil {
		return nil, err
	}
	from, to := uint64(binary.LittleEndian.Uint32(ix)), uint64(s.recs.len)
	if n == 8 {
		to = uint64(binary.LittleEndian.Uint32(ix[4:]))
	}
	if from >= to || to > uint64(s.recs.len) {
		return nil, a.damaged("a section's index is wrong")
	}
	return a.bytes(s.recs.off+int(from), int(to-from))
}

// sample returns sample j of section s (a copy of the first record of
// block j*sampleEvery, written whole), and the bytes after it in the
// samples.
func (a *Authority) sample(s *section, j int) ([]byte, error) {
	ns := s.sampleIndex.len / 4
	if j >= ns {
		return nil, a.damaged("a sample that is not there")
	}
	n := 4
	if j+1 < ns {
		n = 8
	}
	ix, err := a.bytes(s.sampleIndex.off+4*j, n)
	if err != nil {
		return nil, err
	}
	from, to := uint64(binary.LittleEndian.Uint32(ix)), uint64(s.samples.len)
	if n == 8 {
		to = uint64(binary.LittleEndian.Uint32(ix[4:]))
	}
	if from >= to || to > uint64(s.samples.len) {
		return nil, a.damaged("a section's samples are out of place")
	}
	return a.bytes(s.samples.off+int(from), int(to-from))
}

// lastBefore returns the last block of s whose first record is not
// after what is sought (after, given the bytes that start with a first
// record, says whether it is), -1 when there is none: a binary search over
// the section's samples, then over the blocks from the sample found to
// the next. It reads a few pages of the file, where a binary search over
// every block would read one in each of many.
func (a *Authority) lastBefore(s *section, after func([]byte) (bool, error)) (int, error) {
	var err error
	test := func(b []byte, e error) bool {
		if e == nil {
			var later bool
			if later, e = after(b); e == nil {
				return later
			}
		}
		err = e
		return true
	}
	nb := int(s.blocks())
	j := sort.Search(s.sampleIndex.len/4, func(j int) bool { return err != nil || test(a.sample(s, j)) }) - 1
	if err != nil || j < 0 {
		return -1, err
	}
	lo, hi := j*sampleEvery, min((j+1)*sampleEvery, nb)
	k := lo + sort.Search(hi-lo, func(i int) bool { return err != nil || test(a.block(s, uint32(lo+i))) }) - 1
	if err != nil {
		return -1, err
	}
	// Block lo's first record is sample j, not after: k >= lo (but for
	// samples that are not the blocks' first records).
	return max(k, lo), nil
}

// word returns word i, a view of the authority's bytes.
func (a *Authority) word(i uint32) (string, error) {
	if i >= a.words.n {
		return "", a.damaged("a reference to a word that is not there")
	}
	b, err := a.block(&a.words, i/blockSize)
	if err != nil {
		return "", err
	}
	for k := i % blockSize; ; k-- {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return "", a.damaged("a word does not decode")
		}
		if k == 0 {
			return view(b[w : w+int(n)]), nil
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
func (a *Authority) nameWords(i uint32, buf []uint32) ([]uint32, error) {
	if i >= a.names.n {
		return nil, a.damaged("a reference to a name that is not there")
	}
	b, err := a.block(&a.names, i/blockSize)
	if err != nil {
		return nil, err
	}
	d := decoder{b: b}
	buf = buf[:0]
	for k := uint32(0); k <= i%blockSize; k++ {
		shared, rest := d.uvarint(), d.uvarint()
		if d.bad || shared > uint64(len(buf)) || k == 0 && shared != 0 || shared+rest > maxNameWords || shared+rest < 2 {
			return nil, a.damaged("a name does not decode")
		}
		buf = buf[:shared]
		for j := uint64(0); j < rest; j++ {
			buf = append(buf, d.u32())
		}
		if d.bad {
			return nil, a.damaged("a name does not decode")
		}
	}
	return buf, nil
}

// str returns the string a reference names: a word, a view of the
// authority's bytes, or a name, its words joined (a new string).
func (a *Authority) str(ref uint32) (string, error) {
	if ref < a.words.n {
		return a.word(ref)
	}
	var buf [maxNameWords]uint32
	ws, err := a.nameWords(ref-a.words.n, buf[:0])
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for k, w := range ws {
		if w >= a.words.n {
			return "", a.damaged("a name refers to nothing")
		}
		s, err := a.word(w)
		if err != nil {
			return "", err
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// wordSearch returns the index of the first word that is s or after it
// (the number of words when there is none), and whether it is s.
func (a *Authority) wordSearch(s string) (uint32, bool, error) {
	// The last block whose first word is s or before it.
	k, err := a.lastBefore(&a.words, func(b []byte) (bool, error) {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return false, a.damaged("a word does not decode")
		}
		return view(b[w:w+int(n)]) > s, nil
	})
	if err != nil {
		return 0, false, err
	}
	if k < 0 {
		return 0, false, nil
	}
	b, err := a.block(&a.words, uint32(k))
	if err != nil {
		return 0, false, err
	}
	i := uint32(k) * blockSize
	for ; i < a.words.n && i < uint32(k+1)*blockSize; i++ {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return 0, false, a.damaged("a word does not decode")
		}
		if v := view(b[w : w+int(n)]); v >= s {
			return i, v == s, nil
		}
		b = b[w+int(n):]
	}
	return i, false, nil
}

// find returns the reference of string s (already folded): a word's, or
// a name's. It allocates nothing.
func (a *Authority) find(s string) (uint32, bool, error) {
	if strings.IndexByte(s, ' ') < 0 {
		return a.wordSearch(s)
	}
	var buf [maxNameWords]uint32
	ws := buf[:0]
	for rest := s; ; {
		w, more, found := strings.Cut(rest, " ")
		ref, ok, err := a.wordSearch(w)
		if err != nil || !ok || len(ws) == maxNameWords {
			return 0, false, err
		}
		ws = append(ws, ref)
		if !found {
			break
		}
		rest = more
	}
	var tmp [maxNameWords]uint32
	k, err := a.lastBefore(&a.names, func(b []byte) (bool, error) {
		first, _, ok := firstName(b, tmp[:0])
		if !ok {
			return false, a.damaged("a name does not decode")
		}
		return namesCmp(first, ws) > 0, nil
	})
	if err != nil || k < 0 {
		return 0, false, err
	}
	for i := uint32(k) * blockSize; i < a.names.n && i < uint32(k+1)*blockSize; i++ {
		v, err := a.nameWords(i, tmp[:0])
		if err != nil {
			return 0, false, err
		}
		switch c := namesCmp(v, ws); {
		case c > 0:
			return 0, false, nil
		case c == 0:
			return a.words.n + i, true, nil
		}
	}
	return 0, false, nil
}

// firstName decodes the words of the name that opens b (the first of a
// block, written whole) into buf; n is the record's length.
func firstName(b []byte, buf []uint32) (words []uint32, n int, ok bool) {
	d := decoder{b: b}
	shared, rest := d.uvarint(), d.uvarint()
	if d.bad || shared != 0 || rest > maxNameWords || rest < 2 {
		return nil, 0, false
	}
	for j := uint64(0); j < rest; j++ {
		buf = append(buf, d.u32())
	}
	return buf, len(b) - len(d.b), !d.bad
}

// entityAt returns the bytes of entity h's body, and the name of the
// entity before it in its block (what its name is written from).
func (a *Authority) entityAt(h Handle) ([]byte, uint32, error) {
	if uint32(h) >= a.entities.n {
		return nil, 0, a.damaged("a reference to an entity that is not there")
	}
	b, err := a.block(&a.entities, uint32(h)/blockSize)
	if err != nil {
		return nil, 0, err
	}
	var prev uint32
	for k := uint32(h) % blockSize; ; k-- {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return nil, 0, a.damaged("an entity does not decode")
		}
		body := b[w : w+int(n)]
		if k == 0 {
			return body, prev, nil
		}
		d := decoder{b: body}
		if uint32(h)%blockSize-k == 0 {
			prev = d.u32()
		} else {
			prev = d.add32(prev, d.uvarint())
		}
		if d.bad {
			return nil, 0, a.damaged("an entity does not decode")
		}
		b = b[w+int(n):]
	}
}

// entityKey reads the name and kind of entity h.
func (a *Authority) entityKey(h Handle) (uint32, Kind, error) {
	body, prev, err := a.entityAt(h)
	if err != nil {
		return 0, 0, err
	}
	d := decoder{b: body}
	var name uint32
	if uint32(h)%blockSize == 0 {
		name = d.u32()
	} else {
		name = d.add32(prev, d.uvarint())
	}
	kind := Kind(d.byte() & flagKind)
	if d.bad {
		return 0, 0, a.damaged("an entity does not decode")
	}
	return name, kind, nil
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

// Entity returns the record of entity h (a Handle the authority gave):
// an error when it cannot be read (a damaged or changed file, naming
// it).
func (a *Authority) Entity(h Handle) (e Entity, err error) {
	defer a.done(a.guard(), &err)
	body, prev, err := a.entityAt(h)
	if err != nil {
		return Entity{}, err
	}
	var r entityRec
	if !decodeEntity(body, &r, prev, uint32(h)%blockSize == 0) {
		return Entity{}, a.damaged("an entity does not decode")
	}
	e = Entity{Kind: r.kind, Articles: int(r.articles), First: r.first, Latest: r.latest, Male: int(r.male), Female: int(r.female)}
	if e.Name, err = a.str(r.name); err != nil {
		return Entity{}, err
	}
	e.Name = strings.Clone(e.Name) // nothing returned points into the file's bytes
	e.Spellings = make([]Spelling, len(r.spell))
	for i, s := range r.spell {
		text, err := a.str(s.ref)
		if err != nil {
			return Entity{}, err
		}
		e.Spellings[i] = Spelling{Text: strings.Clone(shaped(text, s.shape)), Articles: int(s.articles)}
	}
	if len(r.titles) > 0 {
		e.Titles = make([]Title, len(r.titles))
	}
	for i, t := range r.titles {
		class, err := a.str(t.class)
		if err != nil {
			return Entity{}, err
		}
		text, err := a.str(t.text)
		if err != nil {
			return Entity{}, err
		}
		e.Titles[i] = Title{Class: strings.Clone(class), Text: strings.Clone(shaped(text, t.shape)), Articles: int(t.articles), First: t.first, Latest: t.latest}
	}
	return e, nil
}

// Find calls fn with each entity whose full name, folded, is name folded
// (one of each kind at most, in the order of kinds), until fn returns
// false. An error is a part of the file that cannot be read.
func (a *Authority) Find(name string, fn func(Handle, Kind) bool) (err error) {
	defer a.done(a.guard(), &err)
	ref, ok, err := a.find(Fold(name))
	if err != nil || !ok {
		return err
	}
	// The last block whose first entity's name is before it.
	k, err := a.lastBefore(&a.entities, func(b []byte) (bool, error) {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return false, a.damaged("an entity does not decode")
		}
		d := decoder{b: b[w : w+int(n)]}
		name := d.u32()
		if d.bad {
			return false, a.damaged("an entity does not decode")
		}
		return name >= ref, nil
	})
	if err != nil {
		return err
	}
	for h := Handle(uint32(max(k, 0)) * blockSize); uint32(h) < a.entities.n; h++ {
		n, kind, err := a.entityKey(h)
		if err != nil || n > ref {
			return err
		}
		if n == ref && !fn(h, kind) {
			return nil
		}
	}
	return nil
}

// Lookup returns the entity of kind whose full name, folded, is name
// folded; false when there is none.
func (a *Authority) Lookup(name string, kind Kind) (Handle, bool, error) {
	var found Handle
	ok := false
	err := a.Find(name, func(h Handle, k Kind) bool {
		if k == kind {
			found, ok = h, true
		}
		return k < kind
	})
	if err != nil {
		return 0, false, err
	}
	return found, ok, nil
}

// FrameEntry is a surname written under a frame.
type FrameEntry struct {
	// Surname is the surname, folded (the person's spellings are in
	// Entity(Entity).Spellings): a view of the authority's bytes, valid
	// during the call that gives it (strings.Clone it to keep it).
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
// binary search or two. An error is a part of the file that cannot be
// read.
func (a *Authority) Frame(kind FrameKind, frame string, fn func(FrameEntry) bool) (err error) {
	defer a.done(a.guard(), &err)
	ref, ok, err := a.find(Fold(frame))
	if err != nil || !ok {
		return err
	}
	return a.frameFrom(frameRec{kind: kind, frame: ref}, math.MaxUint32, 0, fn)
}

// frameFrom calls fn with the frames of want's kind and frame whose
// surname is want's or after it and before to, in order, their surnames
// read for those of min articles or more.
func (a *Authority) frameFrom(want frameRec, to uint32, min uint64, fn func(FrameEntry) bool) error {
	// The last block whose first frame is before the first one wanted.
	k, err := a.lastBefore(&a.frames, func(b []byte) (bool, error) {
		var f frameRec
		if _, ok := decodeFrame(b, &f, nil, true); !ok {
			return false, a.damaged("a frame does not decode")
		}
		return frameCmp(&f, &want) >= 0, nil
	})
	if err != nil {
		return err
	}
	var prev, f frameRec
	for blk := uint32(max(k, 0)); blk < a.frames.blocks(); blk++ {
		b, err := a.block(&a.frames, blk)
		if err != nil {
			return err
		}
		for i := blk * blockSize; i < a.frames.n && i < (blk+1)*blockSize; i++ {
			n, ok := decodeFrame(b, &f, &prev, i%blockSize == 0)
			if !ok {
				return a.damaged("a frame does not decode")
			}
			b, prev = b[n:], f
			if f.kind != want.kind || f.frame != want.frame || f.surname < want.surname {
				if frameCmp(&f, &want) > 0 {
					return nil
				}
				continue
			}
			if f.surname >= to {
				return nil
			}
			var sur string
			if f.articles >= min {
				if sur, err = a.str(f.surname); err != nil {
					return err
				}
			}
			if !fn(FrameEntry{Surname: sur, Articles: int(f.articles), Latest: f.latest, Entity: Handle(f.entity)}) {
				return nil
			}
		}
	}
	return nil
}

// Fingerprint is the fingerprint of an article's text: the first eight
// bytes of its SHA-256. Two articles with the same bytes are one article.
func Fingerprint(text []byte) uint64 {
	sum := sha256.Sum256(text)
	return binary.BigEndian.Uint64(sum[:8])
}

// HasArticle reports whether the article of fingerprint fp is in the
// authority.
func (a *Authority) HasArticle(fp uint64) (found bool, err error) {
	defer a.done(a.guard(), &err)
	at := func(i int) uint64 {
		var b []byte
		if b, err = a.bytes(a.fps.off+8*i, 8); err != nil {
			return 0
		}
		return binary.LittleEndian.Uint64(b)
	}
	n := a.fps.len / 8
	i := sort.Search(n, func(i int) bool { return err != nil || at(i) >= fp })
	found = i < n && at(i) == fp
	return found && err == nil, err
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
	return Info{Version: Version, Articles: a.fps.len / 8, Dated: int(m.dated), First: m.first, Latest: m.latest,
		Persons: int(m.persons), Organisations: int(m.orgs), Places: int(m.places), Entities: int(a.entities.n),
		Spellings: int(m.spellings), Titles: int(m.titles), Frames: int(a.frames.n), Words: int(a.words.n),
		Names: int(a.names.n), Bytes: int(a.size)}
}

// Summary is what Each gives of an entity without decoding the rest of
// its record.
type Summary struct {
	Kind     Kind
	Articles int
}

// Each calls fn with every entity in order (by name, then kind), until fn
// returns false. It allocates nothing. An error is a part of the file
// that cannot be read.
func (a *Authority) Each(fn func(Handle, Summary) bool) (err error) {
	defer a.done(a.guard(), &err)
	var name uint32
	for blk := uint32(0); blk < a.entities.blocks(); blk++ {
		b, err := a.block(&a.entities, blk)
		if err != nil {
			return err
		}
		for h := Handle(blk * blockSize); uint32(h) < a.entities.n && uint32(h) < (blk+1)*blockSize; h++ {
			n, w := binary.Uvarint(b)
			if w <= 0 || n > uint64(len(b)-w) {
				return a.damaged("an entity does not decode")
			}
			d := decoder{b: b[w : w+int(n)]}
			if uint32(h)%blockSize == 0 {
				name = d.u32()
			} else {
				name = d.add32(name, d.uvarint())
			}
			kind := Kind(d.byte() & flagKind)
			articles := d.uvarint()
			if d.bad {
				return a.damaged("an entity does not decode")
			}
			if !fn(h, Summary{Kind: kind, Articles: int(articles)}) {
				return nil
			}
			b = b[w+int(n):]
		}
	}
	return nil
}
