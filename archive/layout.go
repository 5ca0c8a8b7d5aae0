package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Errors an authority file that cannot be read gives, each wrapped in a
// *FileError naming the file.
var (
	// ErrNotAuthority is a file that is not an authority at all.
	ErrNotAuthority = errors.New("not a newslint name authority (build one with newslint archive build)")
	// ErrTruncated is an authority whose end is missing.
	ErrTruncated = errors.New("truncated")
	// ErrDamaged is an authority whose bytes are not those written.
	ErrDamaged = errors.New("damaged")
	// ErrChanged is an authority whose file was changed in place, or cut
	// short, after it was opened: what is read of it now is not what was
	// opened. newslint never does that to an authority (it writes a new
	// one beside it and renames it over it, which leaves an open one
	// whole); copy or build one so too.
	ErrChanged = errors.New("changed after it was opened")
)

// FileError is an authority file that cannot be read, and why.
type FileError struct {
	Name string
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// VersionError is an authority written in another version of the format.
type VersionError struct{ Version uint32 }

func (e *VersionError) Error() string {
	return fmt.Sprintf("version %d; this newslint reads version %d (build the authority again with this newslint, or use the newslint that wrote it)", e.Version, Version)
}

// layout is where an authority's sections lie, as its header and footer
// say, checked.
type layout struct {
	sec [numSections][2]uint64 // offset and length
	// count is the number of records of each indexed section, top where
	// its samples start (from the section's start).
	count, top [numSections]uint32
	// end is where the sections end: the chunks (chunkSize bytes, the
	// last shorter) cover the bytes before it. sums holds the checksum of
	// each chunk.
	end  uint64
	sums []byte
}

// readAt reads len(p) bytes at off, or fails.
type readAt func(p []byte, off int64) error

// indexed reports whether a section has an index and a count.
func indexed(sec int) bool { return sec < numIndexed }

// blocks is the number of index entries of n records.
func blocks(n uint32) uint64 { return (uint64(n) + blockSize - 1) / blockSize }

// chunks is the number of chunks of the first end bytes of a file.
func chunks(end uint64) uint64 { return (end + chunkSize - 1) / chunkSize }

// readLayout reads and checks an authority of size bytes as far as it is
// checked when opened: its header, its footer and its table of
// checksums, against the checksum of the three, and the directory (where
// its sections lie, which must follow one another from the header to the
// table, each indexed one long enough for its index). The sections'
// bytes are not read: each chunk is checked against its checksum when it
// is first read.
func readLayout(size int64, read readAt) (layout, error) {
	var l layout
	var hdr [headerSize]byte
	n := min(size, headerSize)
	if err := read(hdr[:n], 0); err != nil {
		return l, err
	}
	if n < int64(len(magic)) {
		if n > 0 && string(hdr[:n]) == magic[:n] {
			return l, fmt.Errorf("%w: %d bytes, the header alone is %d", ErrTruncated, size, headerSize)
		}
		return l, ErrNotAuthority
	}
	if string(hdr[:len(magic)]) != magic {
		return l, ErrNotAuthority
	}
	if n < headerSize {
		return l, fmt.Errorf("%w: %d bytes, the header alone is %d", ErrTruncated, size, headerSize)
	}
	if v := binary.LittleEndian.Uint32(hdr[len(magic):]); v != Version {
		return l, &VersionError{v}
	}
	if size < int64(headerSize+footerSize) {
		return l, fmt.Errorf("%w: %d bytes, too short to hold an authority", ErrTruncated, size)
	}
	var ft [footerSize]byte
	if err := read(ft[:], size-footerSize); err != nil {
		return l, err
	}
	tail := ft[footerSize-16:]
	length := binary.LittleEndian.Uint64(tail)
	if string(tail[8:12]) != endMagic || length < uint64(size) {
		return l, fmt.Errorf("%w: %d bytes, and it does not end as an authority ends (cut short, or something added after its end: copy or build it again)", ErrTruncated, size)
	}
	if length != uint64(size) {
		return l, fmt.Errorf("%w: %d bytes, where it says %d", ErrDamaged, size, length)
	}
	// The table of checksums lies between the sections and the footer:
	// where, the size alone says (the sections' end, e, and the table's
	// 4 bytes a chunk of e add up to the bytes before the footer).
	before := uint64(size) - footerSize
	k := (before + chunkSize + 3) / (chunkSize + 4)
	l.end = before - 4*k
	if l.end < headerSize || chunks(l.end) != k {
		return l, fmt.Errorf("%w: its table of checksums is out of place", ErrDamaged)
	}
	l.sums = make([]byte, 4*k)
	if err := read(l.sums, int64(l.end)); err != nil {
		return l, err
	}
	crc := crc32.Update(crc32.Checksum(hdr[:], crcTable), crcTable, l.sums)
	crc = crc32.Update(crc, crcTable, ft[:footerSize-4])
	if crc != binary.LittleEndian.Uint32(ft[footerSize-4:]) {
		return l, fmt.Errorf("%w: its checksums do not match its bytes (copy or build it again)", ErrDamaged)
	}
	d := ft[:]
	for i := range l.sec {
		l.sec[i] = [2]uint64{binary.LittleEndian.Uint64(d), binary.LittleEndian.Uint64(d[8:])}
		d = d[16:]
	}
	for i := range numIndexed {
		l.count[i], l.top[i] = binary.LittleEndian.Uint32(d), binary.LittleEndian.Uint32(d[4:])
		d = d[8:]
	}
	// The sections follow one another from the header to the table.
	at := uint64(headerSize)
	for i, s := range l.sec {
		if s[0] != at || s[1] > l.end-at {
			return l, fmt.Errorf("%w: its sections are out of place", ErrDamaged)
		}
		at += s[1]
		if indexed(i) {
			idx, top := 4*blocks(l.count[i]), uint64(l.top[i])
			if top < idx || top-idx > maxSection || top+4*samples(l.count[i]) > s[1] || l.count[i] == 0 && s[1] != 0 {
				return l, fmt.Errorf("%w: a section's index does not fit it", ErrDamaged)
			}
		}
	}
	if at != l.end {
		return l, fmt.Errorf("%w: its sections are out of place", ErrDamaged)
	}
	if l.sec[secFingerprints][1]%8 != 0 {
		return l, fmt.Errorf("%w: the article fingerprints are cut", ErrDamaged)
	}
	if m := l.sec[secMeta]; m[1] > 256 {
		return l, fmt.Errorf("%w: its summary is too long", ErrDamaged)
	}
	return l, nil
}

// samples is the number of samples of n records (the first record of
// every sampleEvery-th block).
func samples(n uint32) uint64 { return (blocks(n) + sampleEvery - 1) / sampleEvery }

// records is the length of the records of an indexed section (before its
// index).
func (l *layout) records(sec int) uint64 {
	return uint64(l.top[sec]) - 4*blocks(l.count[sec])
}

// chunkSum is the checksum chunk c's bytes must have.
func (l *layout) chunkSum(c uint64) uint32 {
	return binary.LittleEndian.Uint32(l.sums[4*c:])
}
