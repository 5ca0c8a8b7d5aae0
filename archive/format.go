package archive

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strings"
)

// Version is the version of the file format this package reads and
// writes. Version 1 had one checksum of the whole file, which Open
// checked whole; version 2 has one for each chunk (chunkSize bytes),
// checked when the chunk is first read.
const Version = 2

// magic opens every authority file; endMagic stands before its checksum.
const (
	magic    = "\x89NLA\r\n\x1a\n"
	endMagic = "NLA\x00"
)

// The sections of a file, in the order they are written.
const (
	secWords = iota
	secNames
	secEntities
	secFrames
	secFingerprints
	secMeta
	numSections
)

// The indexed sections (those with records, an index and a count).
const numIndexed = secFingerprints

const (
	headerSize = 8 + 4 // magic, version
	// footerSize is the footer's: the directory (each section's offset
	// and length), for each indexed section its number of records and
	// where its samples start, the file's length, endMagic and the
	// checksum.
	footerSize = numSections*16 + numIndexed*8 + 8 + 4 + 4
	// chunkSize is how many bytes share one checksum: the bytes before
	// the table of checksums are cut into chunks of chunkSize (the last
	// may be shorter), each checked against its checksum when a look-up
	// first reads it. Small, so that a look-up reads and checks little
	// more than the records it reads; the table costs 4 bytes a chunk.
	chunkSize = 4 << 10
	// blockSize is how many records of a section share one entry of its
	// index: a look-up is a binary search over the index, then a scan of
	// at most blockSize records. The first record of a block is written
	// whole, the others as differences from the one before.
	blockSize = 16
	// sampleEvery is how many blocks share one sample: the first record of
	// every sampleEvery-th block is copied after the index, so that a
	// look-up searches the samples (a few pages) before the blocks
	// between two of them, not blocks all over the section (each first
	// read of a page of the file costs a page fault).
	sampleEvery = 16
	// maxSection is the largest section a uint32 offset can index.
	maxSection = 1<<32 - 1
	// maxNameWords is the most words a name (a string of several words)
	// may have.
	maxNameWords = 64
)

// crcTable is the checksum's: CRC-32 (IEEE), which the hash/crc32
// package computes with the processor's instructions where it can, and
// whose table costs nothing to make (the Castagnoli table crc32.MakeTable
// makes took a few tenths of a millisecond of every run's start).
var crcTable = crc32.IEEETable

// Kind is what an entity is.
type Kind uint8

// Kinds of entities.
const (
	Person Kind = 1 + iota
	Organisation
	Place
)

var kindNames = [...]string{Person: "person", Organisation: "organisation", Place: "place"}

func (k Kind) String() string {
	if k < Person || k > Place {
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
	return kindNames[k]
}

// FrameKind is what a frame is: what a person's surname is written
// under.
type FrameKind byte

// Kinds of frames, in the order they are stored.
const (
	// FrameGiven is a given name ("jerome" → "powell").
	FrameGiven FrameKind = 'g'
	// FrameOrganisation is an organisation the person is named with: the
	// organisation of a title ("GM's chief executive"), or one named just
	// before it ("Federal Reserve Chair Jerome Powell").
	FrameOrganisation FrameKind = 'o'
	// FrameTitle is the class of a title ("chair", "prime-minister").
	FrameTitle FrameKind = 't'
)

func (k FrameKind) String() string {
	switch k {
	case FrameGiven:
		return "given name"
	case FrameOrganisation:
		return "organisation"
	case FrameTitle:
		return "title"
	}
	return fmt.Sprintf("frame(%d)", byte(k))
}

func validFrameKind(k FrameKind) bool {
	return k == FrameGiven || k == FrameOrganisation || k == FrameTitle
}

// Handle names an entity of an Authority (its index in the file).
type Handle uint32

// The records as they are coded, strings as references: a reference
// below the number of words is a word, the others are names (strings of
// several words) in order, so that references compare as the strings do
// in the file's order (words by their bytes, then names by their words).

// spellRec is a spelling: the string at ref written in shape (see
// shapeOf; 0: as it is).
type spellRec struct {
	ref      uint32
	shape    uint64
	articles uint64
}

type titleRec struct {
	class, text   uint32
	shape         uint64 // of text
	articles      uint64
	first, latest Day
}

type entityRec struct {
	name          uint32
	kind          Kind
	articles      uint64
	first, latest Day
	male, female  uint64
	spell         []spellRec
	titles        []titleRec
}

type frameRec struct {
	kind           FrameKind
	frame, surname uint32
	entity         uint32
	articles       uint64
	latest         Day
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// entityCmp orders entities by name, then kind.
func entityCmp(a, b *entityRec) int {
	if a.name != b.name {
		return cmpU32(a.name, b.name)
	}
	return int(a.kind) - int(b.kind)
}

// frameCmp orders frames by kind, frame, surname, entity.
func frameCmp(a, b *frameRec) int {
	switch {
	case a.kind != b.kind:
		return int(a.kind) - int(b.kind)
	case a.frame != b.frame:
		return cmpU32(a.frame, b.frame)
	case a.surname != b.surname:
		return cmpU32(a.surname, b.surname)
	}
	return cmpU32(a.entity, b.entity)
}

func spellCmp(a, b spellRec) int {
	if a.ref != b.ref {
		return cmpU32(a.ref, b.ref)
	}
	return cmpU64(a.shape, b.shape)
}

func titleCmp(a, b titleRec) int {
	switch {
	case a.class != b.class:
		return cmpU32(a.class, b.class)
	case a.text != b.text:
		return cmpU32(a.text, b.text)
	}
	return cmpU64(a.shape, b.shape)
}

// namesCmp orders names by their words' references.
func namesCmp(a, b []uint32) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return cmpU32(a[i], b[i])
		}
	}
	return len(a) - len(b)
}

// The flags byte of an entity: its kind in the low two bits, then which
// optional fields follow.
const (
	flagKind    = 3
	flagDates   = 4
	flagGender  = 8
	flagTitles  = 16
	flagsKnown  = flagKind | flagDates | flagGender | flagTitles
	maxRecBytes = 1 << 30
)

// appendEntity appends e's body (without its length). prev is the name
// of the record before it in its block; first marks a block's first
// record, whose name is written whole.
func appendEntity(b []byte, e *entityRec, prev uint32, first bool) []byte {
	if first {
		b = binary.AppendUvarint(b, uint64(e.name))
	} else {
		b = binary.AppendUvarint(b, uint64(e.name-prev))
	}
	flags := byte(e.kind)
	if e.first != 0 {
		flags |= flagDates
	}
	if e.male+e.female > 0 {
		flags |= flagGender
	}
	if len(e.titles) > 0 {
		flags |= flagTitles
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, e.articles)
	if e.first != 0 {
		b = binary.AppendUvarint(b, uint64(e.first))
		b = binary.AppendUvarint(b, uint64(e.latest-e.first))
	}
	if e.male+e.female > 0 {
		b = binary.AppendUvarint(b, e.male)
		b = binary.AppendUvarint(b, e.female)
	}
	b = binary.AppendUvarint(b, uint64(len(e.spell)))
	for _, s := range e.spell {
		b = binary.AppendVarint(b, int64(s.ref)-int64(e.name))
		b = binary.AppendUvarint(b, s.shape)
		b = binary.AppendUvarint(b, s.articles)
	}
	if len(e.titles) > 0 {
		b = binary.AppendUvarint(b, uint64(len(e.titles)))
		for _, t := range e.titles {
			b = binary.AppendUvarint(b, uint64(t.class))
			b = binary.AppendUvarint(b, uint64(t.text))
			b = binary.AppendUvarint(b, t.shape)
			b = binary.AppendUvarint(b, t.articles)
			b = binary.AppendUvarint(b, uint64(t.first))
			b = binary.AppendUvarint(b, uint64(t.latest-t.first))
		}
	}
	return b
}

// decoder reads varints from b, remembering the first failure.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// u32 reads a uvarint that must fit 32 bits.
func (d *decoder) u32() uint32 {
	v := d.uvarint()
	if v > 1<<32-1 {
		d.bad = true
		return 0
	}
	return uint32(v)
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// add32 is a + b, which must fit 32 bits.
func (d *decoder) add32(a uint32, b uint64) uint32 {
	if b > uint64(1<<32-1-a) {
		d.bad = true
		return 0
	}
	return a + uint32(b)
}

// dates reads a first day and the days to the latest.
func (d *decoder) dates() (Day, Day) {
	first := Day(d.u32())
	latest := Day(d.add32(uint32(first), d.uvarint()))
	if first == 0 && latest != 0 {
		d.bad = true
	}
	return first, latest
}

// decodeEntity reads an entity's body into e, reusing its slices; prev
// and first are as for appendEntity. Every count is checked against the
// bytes left, so that a damaged count never makes a huge slice.
func decodeEntity(b []byte, e *entityRec, prev uint32, first bool) bool {
	d := decoder{b: b}
	if first {
		e.name = d.u32()
	} else {
		e.name = d.add32(prev, d.uvarint())
	}
	flags := d.byte()
	e.kind = Kind(flags & flagKind)
	e.articles = d.uvarint()
	e.first, e.latest, e.male, e.female = 0, 0, 0, 0
	if flags&flagDates != 0 {
		e.first, e.latest = d.dates()
		if e.first == 0 {
			return false
		}
	}
	if flags&flagGender != 0 {
		e.male, e.female = d.uvarint(), d.uvarint()
		if e.male+e.female == 0 {
			return false
		}
	}
	n := d.uvarint()
	if n > uint64(len(d.b))/3 {
		return false
	}
	e.spell = e.spell[:0]
	for i := uint64(0); i < n && !d.bad; i++ {
		ref := int64(e.name) + d.varint()
		if ref < 0 || ref > 1<<32-1 {
			return false
		}
		e.spell = append(e.spell, spellRec{ref: uint32(ref), shape: d.uvarint(), articles: d.uvarint()})
	}
	e.titles = e.titles[:0]
	if flags&flagTitles != 0 {
		n = d.uvarint()
		if n == 0 || n > uint64(len(d.b))/6 {
			return false
		}
		for i := uint64(0); i < n && !d.bad; i++ {
			t := titleRec{class: d.u32(), text: d.u32(), shape: d.uvarint(), articles: d.uvarint()}
			t.first, t.latest = d.dates()
			e.titles = append(e.titles, t)
		}
	}
	return !d.bad && len(d.b) == 0 && flags&^flagsKnown == 0 && e.kind >= Person && e.kind <= Place
}

// sameFrame marks a frame whose kind and frame are those of the frame
// before it in its block: neither is written again, and its surname is
// written as the difference from that frame's.
const sameFrame = 0x80

// maxFrameBytes bounds a frame's bytes: its kind and five uvarints.
const maxFrameBytes = 1 + 5*binary.MaxVarintLen64

// appendFrame appends f; prev is the frame before it in its block, and
// first marks a block's first frame.
func appendFrame(b []byte, f, prev *frameRec, first bool) []byte {
	if !first && f.kind == prev.kind && f.frame == prev.frame {
		b = append(b, byte(f.kind)|sameFrame)
		b = binary.AppendUvarint(b, uint64(f.surname-prev.surname))
	} else {
		b = append(b, byte(f.kind))
		b = binary.AppendUvarint(b, uint64(f.frame))
		b = binary.AppendUvarint(b, uint64(f.surname))
	}
	b = binary.AppendUvarint(b, uint64(f.entity))
	b = binary.AppendUvarint(b, f.articles)
	return binary.AppendUvarint(b, uint64(f.latest))
}

// decodeFrame reads a frame from the start of b into f, prev being the
// frame before it, and returns the bytes read.
func decodeFrame(b []byte, f, prev *frameRec, first bool) (int, bool) {
	d := decoder{b: b}
	k := d.byte()
	if k&sameFrame != 0 {
		if first || FrameKind(k&^sameFrame) != prev.kind {
			return 0, false
		}
		f.kind, f.frame = prev.kind, prev.frame
		f.surname = d.add32(prev.surname, d.uvarint())
	} else {
		f.kind = FrameKind(k)
		f.frame = d.u32()
		f.surname = d.u32()
		if !first && f.kind == prev.kind && f.frame == prev.frame {
			return 0, false // not as written: the same frame is marked
		}
	}
	f.entity = d.u32()
	f.articles = d.uvarint()
	f.latest = Day(d.u32())
	return len(b) - len(d.b), !d.bad && validFrameKind(f.kind)
}

// appendName appends a name's words (references to words); prev is the
// name before it in its block, and first marks a block's first name: the
// words it shares with prev at its start are counted, not written again.
func appendName(b []byte, words, prev []uint32, first bool) []byte {
	shared := 0
	if !first {
		for shared < len(words) && shared < len(prev) && words[shared] == prev[shared] {
			shared++
		}
	}
	b = binary.AppendUvarint(b, uint64(shared))
	b = binary.AppendUvarint(b, uint64(len(words)-shared))
	for _, w := range words[shared:] {
		b = binary.AppendUvarint(b, uint64(w))
	}
	return b
}

// meta is the meta section: what Info reports without reading the
// records.
type meta struct {
	dated                 uint64
	first, latest         Day
	persons, orgs, places uint64
	spellings, titles     uint64
}

func appendMeta(b []byte, m *meta) []byte {
	for _, v := range []uint64{m.dated, uint64(m.first), uint64(m.latest), m.persons, m.orgs, m.places, m.spellings, m.titles} {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func decodeMeta(b []byte) (meta, bool) {
	d := decoder{b: b}
	m := meta{dated: d.uvarint(), first: Day(d.u32()), latest: Day(d.u32()), persons: d.uvarint(), orgs: d.uvarint(),
		places: d.uvarint(), spellings: d.uvarint(), titles: d.uvarint()}
	return m, !d.bad && len(d.b) == 0
}

// count adds an entity to the meta section's counts.
func (m *meta) count(e *entityRec) {
	switch e.kind {
	case Person:
		m.persons++
	case Organisation:
		m.orgs++
	case Place:
		m.places++
	}
	m.spellings += uint64(len(e.spell))
	m.titles += uint64(len(e.titles))
}

// maxShapeWords is the most words a spelling written in a shape has.
const maxShapeWords = 62

// shapeOf says how a spelling is written from its lower-case form, so that
// "Jerome Powell" is stored as "jerome powell" (the entity's key, stored
// anyway) and a shape: 1 + a mask of the words (separated by spaces or
// hyphens) whose first letter is a capital. ok is false for a spelling no
// shape gives (a letter that is not ASCII, a capital inside a word:
// "McCain", "AP"): it is stored as it is.
func shapeOf(s string) (lower string, shape uint64, ok bool) {
	b, shape, ok := shapeInto(nil, s)
	return string(b), shape, ok
}

// shapeInto is shapeOf, writing the lower-case form into buf (appended
// to buf[:0]).
func shapeInto(buf []byte, s string) (lower []byte, shape uint64, ok bool) {
	var mask uint64
	word, start := 0, true
	buf = append(buf[:0], s...)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return nil, 0, false
		case c == ' ' || c == '-':
			if word++; word > maxShapeWords {
				return nil, 0, false
			}
			start = true
			continue
		case 'A' <= c && c <= 'Z':
			if !start {
				return nil, 0, false
			}
			buf[i] = c + 'a' - 'A'
			mask |= 1 << word
		}
		start = false
	}
	return buf, 1 + mask, true
}

// shaped writes lower in shape (see shapeOf).
func shaped(lower string, shape uint64) string {
	if shape <= 1 {
		return lower
	}
	mask := shape - 1
	var b strings.Builder
	b.Grow(len(lower))
	word, start := 0, true
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c == ' ' || c == '-' {
			word, start = word+1, true
			b.WriteByte(c)
			continue
		}
		if start && word < 64 && mask>>word&1 == 1 && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		start = false
		b.WriteByte(c)
	}
	return b.String()
}
