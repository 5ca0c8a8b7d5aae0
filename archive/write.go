package archive

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
)

// fileWriter writes an authority file as a stream: the header, the
// sections in order (records, then their index), the checksum of each
// chunk, the footer with the checksum of the header, the checksums and
// itself. Nothing is held but the index of the section being written
// (four bytes for every blockSize records) and the checksums (four bytes
// a chunk).
type fileWriter struct {
	w *bufio.Writer
	// chunk holds the bytes of the chunk being written, summed and
	// written when it is whole (one checksum of chunkSize bytes costs
	// far less than one for each record); sums are the checksums of the
	// chunks written.
	chunk      []byte
	sums       []byte
	off        int64
	err        error
	dir        [numSections][2]uint64
	count, top [numIndexed]uint32
	// samples are the first records of every sampleEvery-th block of the
	// section being written, sampleAt their offsets.
	samples  []byte
	sampleAt []uint32
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
	fw := &fileWriter{w: bufio.NewWriterSize(w, 64<<10), sec: -1, chunk: make([]byte, 0, chunkSize)}
	fw.write([]byte(magic))
	fw.write(binary.LittleEndian.AppendUint32(nil, Version))
	return fw
}

// write writes p to the sections, summing its chunks.
func (fw *fileWriter) write(p []byte) {
	for len(p) > 0 && fw.err == nil {
		n := min(len(p), chunkSize-len(fw.chunk))
		fw.chunk = append(fw.chunk, p[:n]...)
		fw.off += int64(n)
		p = p[n:]
		if len(fw.chunk) == chunkSize {
			fw.endChunk()
		}
	}
}

// endChunk sums and writes the chunk being written.
func (fw *fileWriter) endChunk() {
	fw.sums = binary.LittleEndian.AppendUint32(fw.sums, crc32.Checksum(fw.chunk, crcTable))
	if fw.err == nil {
		_, fw.err = fw.w.Write(fw.chunk)
	}
	fw.chunk = fw.chunk[:0]
}

// begin starts section sec.
func (fw *fileWriter) begin(sec int) {
	fw.sec, fw.secStart, fw.index, fw.n = sec, fw.off, fw.index[:0], 0
	fw.samples, fw.sampleAt = fw.samples[:0], fw.sampleAt[:0]
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
		if fw.n%(blockSize*sampleEvery) == 0 {
			fw.sampleAt = append(fw.sampleAt, uint32(len(fw.samples)))
			fw.samples = append(fw.samples, p...)
		}
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
		fw.write(b)
		if top := fw.off - fw.secStart; top > math.MaxUint32 {
			fw.fail(errors.New("a section of the authority would pass 4 GB"))
		} else {
			fw.top[fw.sec] = uint32(top)
		}
		fw.write(fw.samples)
		b = b[:0]
		for _, o := range fw.sampleAt {
			b = binary.LittleEndian.AppendUint32(b, o)
		}
		fw.write(b)
		fw.buf = b[:0]
		fw.count[fw.sec] = uint32(fw.n)
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

// finish writes the meta section, the checksums of the chunks and the
// footer, and flushes.
func (fw *fileWriter) finish(m *meta) error {
	fw.begin(secMeta)
	fw.write(appendMeta(nil, m))
	fw.end(false)
	if len(fw.chunk) > 0 {
		fw.endChunk()
	}
	var b []byte
	for _, d := range fw.dir {
		b = binary.LittleEndian.AppendUint64(b, d[0])
		b = binary.LittleEndian.AppendUint64(b, d[1])
	}
	for i, n := range fw.count {
		b = binary.LittleEndian.AppendUint32(b, n)
		b = binary.LittleEndian.AppendUint32(b, fw.top[i])
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(fw.off+int64(len(fw.sums)+footerSize)))
	b = append(b, endMagic...)
	var hdr []byte
	hdr = append(hdr, magic...)
	hdr = binary.LittleEndian.AppendUint32(hdr, Version)
	crc := crc32.Update(crc32.Checksum(hdr, crcTable), crcTable, fw.sums)
	b = binary.LittleEndian.AppendUint32(b, crc32.Update(crc, crcTable, b))
	if fw.err != nil {
		return fw.err
	}
	if _, err := fw.w.Write(fw.sums); err != nil {
		return err
	}
	if _, err := fw.w.Write(b); err != nil {
		return err
	}
	return fw.w.Flush()
}
