package archive

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"slices"
)

// MergeFanIn is how many files one merge reads at once: more are merged
// in groups, through temporary files, so that the memory a merge takes
// (a few bytes for each string and entity of the files it reads, and a
// read buffer for each) does not grow with their number.
const MergeFanIn = 8

// OverlapError is two authorities that hold some article both: merging
// them would count it twice.
type OverlapError struct {
	A, B     string
	Articles int
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("%s and %s share %d article%s: merged, they would count %s twice (build the shards from disjoint sets of files, or add new articles with newslint archive add)",
		e.A, e.B, e.Articles, plural(e.Articles), map[bool]string{true: "it", false: "them"}[e.Articles == 1])
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Merge writes to w the authority of every article of the authorities at
// paths together: counts summed, first dates the earliest, latest the
// latest, strings and records united. Merging is associative and
// commutative, and what it writes depends only on the articles: the
// authorities of the shards of an archive, merged in any order and
// grouping, are byte for byte the authority built from the whole. Two
// authorities that share an article are refused (an *OverlapError),
// before anything is written. Temporary files (for more than MergeFanIn
// paths) go to tempDir ("" for the system's).
func Merge(w io.Writer, tempDir string, paths ...string) error {
	if err := checkOverlap(paths); err != nil {
		return err
	}
	return mergeFiles(w, tempDir, paths)
}

// checkOverlap refuses authorities that share an article, naming the
// first two that do and how many they share. Each is checked whole
// first.
func checkOverlap(paths []string) error {
	if len(paths) < 2 {
		return nil
	}
	type cursor struct {
		in  *input
		r   *bufio.Reader
		fp  uint64
		end bool
	}
	cs := make([]*cursor, len(paths))
	defer func() {
		for _, c := range cs {
			if c != nil {
				c.in.close()
			}
		}
	}()
	for i, p := range paths {
		in, err := openInput(p)
		if err != nil {
			return err
		}
		cs[i] = &cursor{in: in, r: in.reader(secFingerprints, in.l.sec[secFingerprints][1])}
	}
	next := func(c *cursor) error {
		var b [8]byte
		if _, err := io.ReadFull(c.r, b[:]); err == io.EOF {
			c.end = true
			return nil
		} else if err != nil {
			return c.in.fail(err)
		}
		fp := binary.LittleEndian.Uint64(b[:])
		if c.fp != 0 && fp <= c.fp {
			return c.in.damaged("the article fingerprints are out of order")
		}
		c.fp = fp
		return nil
	}
	for _, c := range cs {
		c.fp = 0
		if err := next(c); err != nil {
			return err
		}
	}
	shared := map[[2]int]int{}
	for {
		lo := -1
		for i, c := range cs {
			if !c.end && (lo < 0 || c.fp < cs[lo].fp) {
				lo = i
			}
		}
		if lo < 0 {
			break
		}
		fp := cs[lo].fp
		var holders []int
		for i, c := range cs {
			if !c.end && c.fp == fp {
				holders = append(holders, i)
				if err := next(c); err != nil {
					return err
				}
			}
		}
		for x := 0; x < len(holders); x++ {
			for y := x + 1; y < len(holders); y++ {
				shared[[2]int{holders[x], holders[y]}]++
			}
		}
	}
	for i := range paths {
		for j := i + 1; j < len(paths); j++ {
			if n := shared[[2]int{i, j}]; n > 0 {
				return &OverlapError{A: paths[i], B: paths[j], Articles: n}
			}
		}
	}
	return nil
}

// mergeFiles merges the authorities at paths, which share no article,
// into w: at most MergeFanIn at once.
func mergeFiles(w io.Writer, tempDir string, paths []string) error {
	if len(paths) <= MergeFanIn {
		ins := make([]*input, 0, len(paths))
		defer func() {
			for _, in := range ins {
				in.close()
			}
		}()
		for _, p := range paths {
			in, err := openInput(p)
			if err != nil {
				return err
			}
			ins = append(ins, in)
		}
		return mergeInputs(w, ins)
	}
	var temps []string
	defer func() {
		for _, t := range temps {
			removeTemp(t)
		}
	}()
	for start := 0; start < len(paths); start += MergeFanIn {
		f, err := createTemp(tempDir)
		if err != nil {
			return err
		}
		temps = append(temps, f.Name())
		err = mergeFiles(f, tempDir, paths[start:min(start+MergeFanIn, len(paths))])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return mergeFiles(w, tempDir, temps)
}

// input is an authority file read as a stream, for merging: checked
// whole when opened (every chunk against its checksum), then read section
// by section.
type input struct {
	name string
	f    *os.File
	l    layout
	meta meta
	// words, names and ents map the file's words, names and entities to
	// the output's; outWords is the number of words of the output.
	words, names, ents []uint32
	outWords           uint32
}

// openInput opens and checks the authority at path: its header, footer
// and layout, and every chunk against its checksum (read through once).
func openInput(path string) (*input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{path, plainError(err)}
	}
	in := &input{name: path, f: f}
	if err := in.check(); err != nil {
		f.Close()
		return nil, err
	}
	return in, nil
}

func (in *input) check() error {
	st, err := in.f.Stat()
	if err != nil {
		return &FileError{in.name, plainError(err)}
	}
	if !st.Mode().IsRegular() {
		return &FileError{in.name, errors.New("not a regular file")}
	}
	shrank := fmt.Errorf("%w: the file shrank while it was read", ErrTruncated)
	if in.l, err = readLayout(st.Size(), func(p []byte, off int64) error {
		n, err := in.f.ReadAt(p, off)
		if n == len(p) {
			return nil
		}
		if err == io.EOF {
			return shrank
		}
		return err
	}); err != nil {
		return &FileError{in.name, plainError(err)}
	}
	r := bufio.NewReaderSize(io.NewSectionReader(in.f, 0, int64(in.l.end)), 256<<10)
	chunk := make([]byte, chunkSize)
	for c, at := uint64(0), uint64(0); at < in.l.end; c, at = c+1, at+chunkSize {
		b := chunk[:min(chunkSize, in.l.end-at)]
		if _, err := io.ReadFull(r, b); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = shrank
			}
			return &FileError{in.name, plainError(err)}
		}
		if crc32.Checksum(b, crcTable) != in.l.chunkSum(c) {
			return &FileError{in.name, fmt.Errorf("%w: bytes %d to %d do not match their checksum (copy or build it again)", ErrDamaged, at, at+uint64(len(b)))}
		}
	}
	m := in.l.sec[secMeta]
	mb := make([]byte, m[1])
	if _, err := in.f.ReadAt(mb, int64(m[0])); err != nil {
		return in.fail(err)
	}
	var ok bool
	if in.meta, ok = decodeMeta(mb); !ok {
		return in.damaged("its summary does not decode")
	}
	return nil
}

func (in *input) close() { in.f.Close() }

// reader reads n bytes of section sec from its start.
func (in *input) reader(sec int, n uint64) *bufio.Reader {
	return bufio.NewReaderSize(io.NewSectionReader(in.f, int64(in.l.sec[sec][0]), int64(n)), 64<<10)
}

func (in *input) damaged(what string) error {
	return &FileError{in.name, fmt.Errorf("%w: %s", ErrDamaged, what)}
}

// fail is an error reading the file: one that ends too soon is damaged.
func (in *input) fail(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return in.damaged("a record runs past its section")
	}
	return &FileError{in.name, plainError(err)}
}

// ref maps a string reference of the file to the output's.
func (in *input) ref(r uint32) (uint32, bool) {
	if r < uint32(len(in.words)) {
		return in.words[r], true
	}
	r -= uint32(len(in.words))
	if r >= uint32(len(in.names)) {
		return 0, false
	}
	return in.outWords + in.names[r], true
}

// records streams the records of an indexed section of an input.
type records struct {
	in   *input
	r    *bufio.Reader
	n    uint32 // records read
	size uint64 // the bytes of the records
}

func (in *input) records(sec int) *records {
	n := in.l.records(sec)
	return &records{in: in, r: in.reader(sec, n), size: n}
}

// more reports whether a record is left, counting it as read; at the end
// it checks that the section had nothing but its records.
func (rs *records) more(sec int) (bool, error) {
	if rs.n == rs.in.l.count[sec] {
		if _, err := rs.r.ReadByte(); err != io.EOF {
			return false, rs.in.damaged("bytes after the records of a section")
		}
		return false, nil
	}
	rs.n++
	return true, nil
}

// first reports whether the record last counted opens a block.
func (rs *records) first() bool { return (rs.n-1)%blockSize == 0 }

// chunk reads a uvarint length and that many bytes into buf.
func (rs *records) chunk(buf []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(rs.r)
	if err != nil {
		return nil, rs.in.fail(err)
	}
	if n > rs.size {
		return nil, rs.in.damaged("a record runs past its section")
	}
	buf = slices.Grow(buf[:0], int(n))[:n]
	if _, err := io.ReadFull(rs.r, buf); err != nil {
		return nil, rs.in.fail(err)
	}
	return buf, nil
}

// mergeInputs merges inputs that share no article into w.
func mergeInputs(w io.Writer, ins []*input) error {
	fw := newFileWriter(w)
	if err := mergeWords(fw, ins); err != nil {
		return err
	}
	if err := mergeNames(fw, ins); err != nil {
		return err
	}
	m, err := mergeEntities(fw, ins)
	if err != nil {
		return err
	}
	if err := mergeFrames(fw, ins); err != nil {
		return err
	}
	if err := mergeFingerprints(fw, ins); err != nil {
		return err
	}
	for _, in := range ins {
		m.dated += in.meta.dated
		m.first = earlier(m.first, in.meta.first)
		m.latest = max(m.latest, in.meta.latest)
	}
	return fw.finish(&m)
}

func mergeWords(fw *fileWriter, ins []*input) error {
	type head struct {
		rs      *records
		s, prev []byte
		end     bool
	}
	hs := make([]*head, len(ins))
	next := func(h *head) error {
		more, err := h.rs.more(secWords)
		if !more {
			h.end = true
			return err
		}
		h.prev, h.s = h.s, h.prev
		if h.s, err = h.rs.chunk(h.s); err != nil {
			return err
		}
		if h.rs.n > 1 && bytes.Compare(h.prev, h.s) >= 0 || bytes.IndexByte(h.s, ' ') >= 0 {
			return h.rs.in.damaged("the words are out of order")
		}
		return nil
	}
	for k, in := range ins {
		in.words = make([]uint32, in.l.count[secWords])
		hs[k] = &head{rs: in.records(secWords)}
		if err := next(hs[k]); err != nil {
			return err
		}
	}
	fw.begin(secWords)
	var out uint32
	for {
		var lo *head
		for _, h := range hs {
			if !h.end && (lo == nil || bytes.Compare(h.s, lo.s) < 0) {
				lo = h
			}
		}
		if lo == nil {
			break
		}
		fw.wordRecord(lo.s)
		// lo is read on last: the others are compared with its word.
		for _, h := range hs {
			if h != lo && !h.end && bytes.Equal(h.s, lo.s) {
				h.rs.in.words[h.rs.n-1] = out
				if err := next(h); err != nil {
					return err
				}
			}
		}
		lo.rs.in.words[lo.rs.n-1] = out
		if err := next(lo); err != nil {
			return err
		}
		out++
	}
	fw.end(true)
	for _, in := range ins {
		in.outWords = out
	}
	return fw.err
}

func mergeNames(fw *fileWriter, ins []*input) error {
	type head struct {
		rs *records
		// raw is the name's words as the file has them; words mapped.
		raw, words []uint32
		end        bool
	}
	hs := make([]*head, len(ins))
	var prev []uint32
	next := func(h *head) error {
		more, err := h.rs.more(secNames)
		if !more {
			h.end = true
			return err
		}
		in := h.rs.in
		shared, err1 := binary.ReadUvarint(h.rs.r)
		rest, err2 := binary.ReadUvarint(h.rs.r)
		if err := errors.Join(err1, err2); err != nil {
			return in.fail(err)
		}
		if shared > uint64(len(h.raw)) || h.rs.first() && shared != 0 || shared+rest > maxNameWords || shared+rest < 2 {
			return in.damaged("a name does not decode")
		}
		prev = append(prev[:0], h.words...)
		h.raw, h.words = h.raw[:shared], h.words[:shared]
		for j := uint64(0); j < rest; j++ {
			w, err := binary.ReadUvarint(h.rs.r)
			if err != nil {
				return in.fail(err)
			}
			if w >= uint64(len(in.words)) {
				return in.damaged("a name refers to nothing")
			}
			h.raw = append(h.raw, uint32(w))
			h.words = append(h.words, in.words[w])
		}
		if h.rs.n > 1 && namesCmp(prev, h.words) >= 0 {
			return in.damaged("the names are out of order")
		}
		return nil
	}
	for k, in := range ins {
		in.names = make([]uint32, in.l.count[secNames])
		hs[k] = &head{rs: in.records(secNames)}
		if err := next(hs[k]); err != nil {
			return err
		}
	}
	fw.begin(secNames)
	var out uint32
	for {
		var lo *head
		for _, h := range hs {
			if !h.end && (lo == nil || namesCmp(h.words, lo.words) < 0) {
				lo = h
			}
		}
		if lo == nil {
			break
		}
		fw.nameRecord(lo.words)
		for _, h := range hs {
			if h != lo && !h.end && namesCmp(h.words, lo.words) == 0 {
				h.rs.in.names[h.rs.n-1] = out
				if err := next(h); err != nil {
					return err
				}
			}
		}
		lo.rs.in.names[lo.rs.n-1] = out
		if err := next(lo); err != nil {
			return err
		}
		out++
	}
	fw.end(true)
	return fw.err
}

// remapEntity maps an entity's references into the output, checking them.
func (in *input) remapEntity(e *entityRec) error {
	n := uint32(len(in.words) + len(in.names))
	if msg := checkEntity(e, n); msg != "" {
		return in.damaged(msg)
	}
	e.name, _ = in.ref(e.name)
	for i := range e.spell {
		e.spell[i].ref, _ = in.ref(e.spell[i].ref)
	}
	for i := range e.titles {
		e.titles[i].class, _ = in.ref(e.titles[i].class)
		e.titles[i].text, _ = in.ref(e.titles[i].text)
	}
	return nil
}

func mergeEntities(fw *fileWriter, ins []*input) (meta, error) {
	var m meta
	type head struct {
		rs      *records
		e       entityRec
		rawName uint32 // the name's reference in the file
		buf     []byte
		end     bool
	}
	hs := make([]*head, len(ins))
	next := func(h *head) error {
		more, err := h.rs.more(secEntities)
		if !more {
			h.end = true
			return err
		}
		prevName, prevKind := h.e.name, h.e.kind
		if h.buf, err = h.rs.chunk(h.buf); err != nil {
			return err
		}
		if !decodeEntity(h.buf, &h.e, h.rawName, h.rs.first()) {
			return h.rs.in.damaged("an entity does not decode")
		}
		h.rawName = h.e.name
		if err := h.rs.in.remapEntity(&h.e); err != nil {
			return err
		}
		if h.rs.n > 1 && entityCmp(&entityRec{name: prevName, kind: prevKind}, &h.e) >= 0 {
			return h.rs.in.damaged("the entities are out of order")
		}
		return nil
	}
	for k, in := range ins {
		in.ents = make([]uint32, in.l.count[secEntities])
		hs[k] = &head{rs: in.records(secEntities)}
		if err := next(hs[k]); err != nil {
			return m, err
		}
	}
	fw.begin(secEntities)
	var out uint32
	var acc entityRec
	var spellTmp []spellRec
	var titleTmp []titleRec
	for {
		var lo *head
		for _, h := range hs {
			if !h.end && (lo == nil || entityCmp(&h.e, &lo.e) < 0) {
				lo = h
			}
		}
		if lo == nil {
			break
		}
		key := entityRec{name: lo.e.name, kind: lo.e.kind}
		acc = entityRec{name: key.name, kind: key.kind, spell: acc.spell[:0], titles: acc.titles[:0]}
		for _, h := range hs {
			if h.end || entityCmp(&h.e, &key) != 0 {
				continue
			}
			acc.articles += h.e.articles
			acc.first = earlier(acc.first, h.e.first)
			acc.latest = max(acc.latest, h.e.latest)
			acc.male += h.e.male
			acc.female += h.e.female
			spellTmp = mergeSpellings(spellTmp[:0], acc.spell, h.e.spell)
			acc.spell, spellTmp = spellTmp, acc.spell
			titleTmp = mergeTitles(titleTmp[:0], acc.titles, h.e.titles)
			acc.titles, titleTmp = titleTmp, acc.titles
			h.rs.in.ents[h.rs.n-1] = out
			if err := next(h); err != nil {
				return m, err
			}
		}
		m.count(&acc)
		fw.entityRecord(&acc)
		out++
	}
	fw.end(true)
	return m, fw.err
}

// mergeSpellings merges two lists sorted by reference and shape, summing.
func mergeSpellings(dst, a, b []spellRec) []spellRec {
	for len(a) > 0 && len(b) > 0 {
		switch c := spellCmp(a[0], b[0]); {
		case c < 0:
			dst, a = append(dst, a[0]), a[1:]
		case c > 0:
			dst, b = append(dst, b[0]), b[1:]
		default:
			dst = append(dst, spellRec{ref: a[0].ref, shape: a[0].shape, articles: a[0].articles + b[0].articles})
			a, b = a[1:], b[1:]
		}
	}
	dst = append(dst, a...)
	return append(dst, b...)
}

// mergeTitles merges two lists sorted by class, text and shape, summing.
func mergeTitles(dst, a, b []titleRec) []titleRec {
	for len(a) > 0 && len(b) > 0 {
		switch c := titleCmp(a[0], b[0]); {
		case c < 0:
			dst, a = append(dst, a[0]), a[1:]
		case c > 0:
			dst, b = append(dst, b[0]), b[1:]
		default:
			t := a[0]
			t.articles += b[0].articles
			t.first = earlier(t.first, b[0].first)
			t.latest = max(t.latest, b[0].latest)
			dst = append(dst, t)
			a, b = a[1:], b[1:]
		}
	}
	dst = append(dst, a...)
	return append(dst, b...)
}

func mergeFrames(fw *fileWriter, ins []*input) error {
	type head struct {
		rs  *records
		f   frameRec
		raw frameRec // as the file has it
		end bool
	}
	hs := make([]*head, len(ins))
	next := func(h *head) error {
		more, err := h.rs.more(secFrames)
		if !more {
			h.end = true
			return err
		}
		in := h.rs.in
		p, err := h.rs.r.Peek(maxFrameBytes)
		if err != nil && err != io.EOF {
			return in.fail(err)
		}
		var f frameRec
		n, ok := decodeFrame(p, &f, &h.raw, h.rs.first())
		if !ok {
			return in.damaged("a frame does not decode")
		}
		h.rs.r.Discard(n)
		h.raw = f
		var ok1, ok2 bool
		f.frame, ok1 = in.ref(f.frame)
		f.surname, ok2 = in.ref(f.surname)
		if !ok1 || !ok2 || f.entity >= uint32(len(in.ents)) || f.articles == 0 {
			return in.damaged("a frame refers to nothing")
		}
		f.entity = in.ents[f.entity]
		if h.rs.n > 1 && frameCmp(&h.f, &f) >= 0 {
			return in.damaged("the frames are out of order")
		}
		h.f = f
		return nil
	}
	for k, in := range ins {
		hs[k] = &head{rs: in.records(secFrames)}
		if err := next(hs[k]); err != nil {
			return err
		}
	}
	fw.begin(secFrames)
	for {
		var lo *head
		for _, h := range hs {
			if !h.end && (lo == nil || frameCmp(&h.f, &lo.f) < 0) {
				lo = h
			}
		}
		if lo == nil {
			break
		}
		acc := lo.f
		acc.articles, acc.latest = 0, 0
		for _, h := range hs {
			if h.end || frameCmp(&h.f, &acc) != 0 {
				continue
			}
			acc.articles += h.f.articles
			acc.latest = max(acc.latest, h.f.latest)
			if err := next(h); err != nil {
				return err
			}
		}
		fw.frameRecord(&acc)
	}
	fw.end(true)
	return fw.err
}

func mergeFingerprints(fw *fileWriter, ins []*input) error {
	type head struct {
		in  *input
		r   *bufio.Reader
		fp  uint64
		end bool
	}
	hs := make([]*head, len(ins))
	next := func(h *head, first bool) error {
		var b [8]byte
		if _, err := io.ReadFull(h.r, b[:]); err == io.EOF {
			h.end = true
			return nil
		} else if err != nil {
			return h.in.fail(err)
		}
		fp := binary.LittleEndian.Uint64(b[:])
		if !first && fp <= h.fp {
			return h.in.damaged("the article fingerprints are out of order")
		}
		h.fp = fp
		return nil
	}
	for k, in := range ins {
		hs[k] = &head{in: in, r: in.reader(secFingerprints, in.l.sec[secFingerprints][1])}
		if err := next(hs[k], true); err != nil {
			return err
		}
	}
	fw.begin(secFingerprints)
	for {
		var lo *head
		for _, h := range hs {
			if !h.end && (lo == nil || h.fp < lo.fp) {
				lo = h
			}
		}
		if lo == nil {
			break
		}
		fp := lo.fp
		for _, h := range hs {
			if h != lo && !h.end && h.fp == fp {
				return &OverlapError{A: lo.in.name, B: h.in.name, Articles: 1}
			}
		}
		fw.fingerprint(fp)
		if err := next(lo, false); err != nil {
			return err
		}
	}
	fw.end(false)
	return fw.err
}

// Fingerprints reads the fingerprints of the articles of the authority at
// path (checked whole first), sorted: eight bytes for each article, not
// the whole authority.
func Fingerprints(path string) ([]uint64, error) {
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer in.close()
	n := in.l.sec[secFingerprints][1] / 8
	fps := make([]uint64, 0, n)
	r := in.reader(secFingerprints, n*8)
	var b [8]byte
	for i := uint64(0); i < n; i++ {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, in.fail(err)
		}
		fp := binary.LittleEndian.Uint64(b[:])
		if i > 0 && fp <= fps[i-1] {
			return nil, in.damaged("the article fingerprints are out of order")
		}
		fps = append(fps, fp)
	}
	return fps, nil
}
