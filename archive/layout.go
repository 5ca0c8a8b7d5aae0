package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
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
	// count is the number of records of each indexed section.
	count [numSections]uint32
	meta  meta
	crc   uint32 // the checksum stored
}

// readAt reads len(p) bytes at off, or fails.
type readAt func(p []byte, off int64) error

// indexed reports whether a section has an index and a count.
func indexed(sec int) bool {
	return sec == secWords || sec == secNames || sec == secEntities || sec == secFrames
}

// blocks is the number of index entries of n records.
func blocks(n uint32) uint64 { return (uint64(n) + blockSize - 1) / blockSize }

// readLayout reads and checks the header, the footer and the directory of
// an authority of size bytes. The checksum is not checked (the caller
// does, as it reads the bytes).
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
	d := ft[:]
	for i := range l.sec {
		l.sec[i] = [2]uint64{binary.LittleEndian.Uint64(d), binary.LittleEndian.Uint64(d[8:])}
		d = d[16:]
	}
	length := binary.LittleEndian.Uint64(d)
	d = d[8:]
	if string(d[:len(endMagic)]) != endMagic || length < uint64(size) {
		return l, fmt.Errorf("%w: %d bytes, and it does not end as an authority ends (cut short, or something added after its end: copy or build it again)", ErrTruncated, size)
	}
	if length != uint64(size) {
		return l, fmt.Errorf("%w: %d bytes, where it says %d", ErrDamaged, size, length)
	}
	l.crc = binary.LittleEndian.Uint32(d[len(endMagic):])
	// The sections follow one another from the header to the footer.
	at := uint64(headerSize)
	for i, s := range l.sec {
		if s[0] != at || s[1] > uint64(size)-footerSize-at {
			return l, fmt.Errorf("%w: its sections are out of place", ErrDamaged)
		}
		at += s[1]
		if indexed(i) {
			if s[1] < 4 {
				return l, fmt.Errorf("%w: a section is too short", ErrDamaged)
			}
			var c [4]byte
			if err := read(c[:], int64(s[0]+s[1]-4)); err != nil {
				return l, err
			}
			l.count[i] = binary.LittleEndian.Uint32(c[:])
			if 4+4*blocks(l.count[i]) > s[1] || s[1] > maxSection+4+4*blocks(l.count[i]) {
				return l, fmt.Errorf("%w: a section's index does not fit it", ErrDamaged)
			}
		}
	}
	if at != uint64(size)-footerSize {
		return l, fmt.Errorf("%w: its sections are out of place", ErrDamaged)
	}
	if l.sec[secFingerprints][1]%8 != 0 {
		return l, fmt.Errorf("%w: the article fingerprints are cut", ErrDamaged)
	}
	if m := l.sec[secMeta]; m[1] > 256 {
		return l, fmt.Errorf("%w: its summary is too long", ErrDamaged)
	}
	mb := make([]byte, l.sec[secMeta][1])
	if err := read(mb, int64(l.sec[secMeta][0])); err != nil {
		return l, err
	}
	var ok bool
	if l.meta, ok = decodeMeta(mb); !ok {
		return l, fmt.Errorf("%w: its summary does not decode", ErrDamaged)
	}
	return l, nil
}

// records is the length of the records of an indexed section (before its
// index and count).
func (l *layout) records(sec int) uint64 {
	return l.sec[sec][1] - 4 - 4*blocks(l.count[sec])
}
