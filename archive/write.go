package archive

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// fileWriter writes an authority file as a stream: the header, the
// sections in order (records, then their index and count), the footer
// with the checksum of every byte. Nothing is held but the index of the
// section being written (four bytes for every blockSize records).
type fileWriter struct {
	w   *bufio.Writer
	crc uint32
	off int64
	err error
	dir [numSections][2]uint64
	// The section being written: its number, start, the offsets of its
	// blocks and its records.
	sec      int
	secStart int64
	index    []uint32
	n        uint64
	buf      []byte
	scratch  []byte
	// The record before, in its block: what the next is written as a
	// difference from.
	prevName   []uint32
	prevEntity uint32
	prevFrame  frameRec
}

func newFileWriter(w io.Writer) *fileWriter {
	fw := &fileWriter{w: bufio.NewWriterSize(w, 64<<10), sec: -1}
	fw.write([]byte(magic))
	fw.write(binary.LittleEndian.AppendUint32(nil, Version))
	return fw
}

func (fw *fileWriter) write(p []byte) {
	if fw.err != nil {
		return
	}
	fw.crc = crc32.Update(fw.crc, castagnoli, p)
	fw.off += int64(len(p))
	_, fw.err = fw.w.Write(p)
}

// begin starts section sec.
func (fw *fileWriter) begin(sec int) {
	fw.sec, fw.secStart, fw.index, fw.n = sec, fw.off, fw.index[:0], 0
}

// record writes one record of an indexed section.
func (fw *fileWriter) record(p []byte) {
	if fw.n%blockSize == 0 {
		rel := fw.off - fw.secStart
		if rel > maxSection {
			fw.fail(errors.New("a section of the authority would pass 4 GB"))
			return
		}
		fw.index = append(fw.index, uint32(rel))
	}
	fw.n++
	fw.write(p)
}

// end ends the section being written; an indexed one gets its index and
// count.
func (fw *fileWriter) end(indexed bool) {
	if indexed {
		if fw.n > 1<<32-1 {
			fw.fail(errors.New("a section of the authority would pass 4,294,967,295 records"))
		}
		b := fw.buf[:0]
		for _, o := range fw.index {
			b = binary.LittleEndian.AppendUint32(b, o)
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(fw.n))
		fw.write(b)
		fw.buf = b[:0]
	}
	fw.dir[fw.sec] = [2]uint64{uint64(fw.secStart), uint64(fw.off - fw.secStart)}
}

func (fw *fileWriter) fail(err error) {
	if fw.err == nil {
		fw.err = err
	}
}

// firstInBlock reports whether the next record opens a block (and is
// written whole).
func (fw *fileWriter) firstInBlock() bool { return fw.n%blockSize == 0 }

// wordRecord writes one word of the word table.
func (fw *fileWriter) wordRecord(s []byte) {
	b := binary.AppendUvarint(fw.buf[:0], uint64(len(s)))
	b = append(b, s...)
	fw.record(b)
	fw.buf = b[:0]
}

// nameRecord writes one name: its words' references.
func (fw *fileWriter) nameRecord(words []uint32) {
	b := appendName(fw.buf[:0], words, fw.prevName, fw.firstInBlock())
	fw.record(b)
	fw.buf = b[:0]
	fw.prevName = append(fw.prevName[:0], words...)
}

// entityRecord writes one entity: its length, then its body.
func (fw *fileWriter) entityRecord(e *entityRec) {
	body := appendEntity(fw.scratch[:0], e, fw.prevEntity, fw.firstInBlock())
	b := binary.AppendUvarint(fw.buf[:0], uint64(len(body)))
	b = append(b, body...)
	fw.record(b)
	fw.buf, fw.scratch = b[:0], body[:0]
	fw.prevEntity = e.name
}

func (fw *fileWriter) frameRecord(f *frameRec) {
	b := appendFrame(fw.buf[:0], f, &fw.prevFrame, fw.firstInBlock())
	fw.record(b)
	fw.buf = b[:0]
	fw.prevFrame = *f
}

func (fw *fileWriter) fingerprint(fp uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], fp)
	fw.write(b[:])
}

// finish writes the meta section and the footer, and flushes.
func (fw *fileWriter) finish(m *meta) error {
	fw.begin(secMeta)
	fw.write(appendMeta(nil, m))
	fw.end(false)
	var b []byte
	for _, d := range fw.dir {
		b = binary.LittleEndian.AppendUint64(b, d[0])
		b = binary.LittleEndian.AppendUint64(b, d[1])
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(fw.off+int64(len(b))+8+int64(len(endMagic))+4))
	b = append(b, endMagic...)
	fw.write(b)
	crc := fw.crc
	fw.write(binary.LittleEndian.AppendUint32(nil, crc))
	if fw.err != nil {
		return fw.err
	}
	return fw.w.Flush()
}
