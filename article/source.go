package article

import (
	"bytes"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Position is a place in a source file. Line and Column are 1-based; Column
// counts Unicode code points from the start of the line (a byte order mark is
// not counted). Offset is the 0-based byte offset into the original bytes.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
	// ByteColumn is the 1-based column counted in UTF-8 bytes (as
	// reviewdog counts), not written in newslint's own JSON.
	ByteColumn int `json:"-"`
}

// Source is the original bytes of an article together with a line index.
// Every offset newslint reports is an offset into Bytes: the article is never
// rewritten, so nothing has to be searched for again to find a position.
type Source struct {
	Bytes []byte
	// Text is Bytes as a string (shared, not copied again by slicing).
	Text string
	// Start is the first byte of content (3 when the file begins with a
	// UTF-8 byte order mark, else 0).
	Start int
	// lineStarts holds the byte offset at which each line begins (four
	// bytes a line: a source is at most 1 GB).
	lineStarts []int32
	// checkpoints caches, for long lines, the code-point count at every
	// checkpointEvery bytes, so that a column costs at most that many bytes
	// of counting however long the line.
	checkpoints map[int][]int
}

// checkpointEvery is 256: a column is then at most that many bytes of
// counting (a flood of findings on one 4 MB line spent 0.7 s counting at
// 1024), for 16 bytes of checkpoint every 256 of a long line.
const checkpointEvery = 256

// MaxSource is the largest source NewSource reads, in bytes (its line
// starts take four bytes each).
const MaxSource = math.MaxInt32

// NewSource indexes b. Line breaks are LF, CRLF or a lone CR.
func NewSource(b []byte) *Source {
	// The bytes are never changed once read: Text shares them rather
	// than holding a second copy of the article.
	if len(b) > MaxSource {
		// Line starts are kept in four bytes; the configuration caps a
		// file at 1 GB, and the engine refuses a decoded text past this,
		// so only a library caller gets here.
		panic("article: a source of 2 GB or more")
	}
	s := &Source{Bytes: b, Text: unsafe.String(unsafe.SliceData(b), len(b))}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		s.Start = 3
	}
	// Made at its final size (lines end at LF, CR or CRLF, so the line
	// feeds and carriage returns bound their number), not grown.
	cr := bytes.Count(b, []byte{'\r'})
	s.lineStarts = make([]int32, 1, 1+bytes.Count(b, []byte{'\n'})+cr)
	if cr == 0 {
		// Line feeds only, as most files have: found by IndexByte,
		// which scans many bytes at a time.
		for i := 0; ; {
			k := bytes.IndexByte(b[i:], '\n')
			if k < 0 {
				return s
			}
			i += k + 1
			s.lineStarts = append(s.lineStarts, int32(i))
		}
	}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			s.lineStarts = append(s.lineStarts, int32(i+1))
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			s.lineStarts = append(s.lineStarts, int32(i+1))
		}
	}
	return s
}

// Len is the length of the source in bytes.
func (s *Source) Len() int { return len(s.Bytes) }

// Lines is the number of lines (a final line break does not start a line of
// its own unless something follows it).
func (s *Source) Lines() int {
	n := len(s.lineStarts)
	if n > 1 && int(s.lineStarts[n-1]) == len(s.Bytes) {
		n--
	}
	return n
}

// Line returns the 1-based line of offset off (cheaper than Position: no
// column is counted).
func (s *Source) Line(off int) int { return s.line(s.clamp(off)) + 1 }

// line returns the 0-based index of the line holding offset.
func (s *Source) line(off int) int {
	return sort.Search(len(s.lineStarts), func(i int) bool { return int(s.lineStarts[i]) > off }) - 1
}

// clamp keeps an offset inside the file and moves it back to the start of a
// UTF-8 sequence so that a column is never computed from half a character.
func (s *Source) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(s.Bytes) {
		return len(s.Bytes)
	}
	if off < s.Start {
		return s.Start // inside a byte order mark: the text's first byte
	}
	for off > 0 && off < len(s.Bytes) && !utf8.RuneStart(s.Bytes[off]) && off > s.lineStartOf(off) {
		off--
	}
	return off
}

func (s *Source) lineStartOf(off int) int {
	ls := int(s.lineStarts[s.line(off)])
	if ls < s.Start {
		ls = s.Start
	}
	return ls
}

// Position converts a byte offset to a Position.
func (s *Source) Position(off int) Position {
	off = s.clamp(off)
	li := s.line(off)
	start := int(s.lineStarts[li])
	if start < s.Start {
		start = s.Start
	}
	return Position{Line: li + 1, Column: 1 + s.runesBetween(li, start, off), Offset: off, ByteColumn: off - start + 1}
}

// runesBetween counts the code points of line li from start to off.
func (s *Source) runesBetween(li, start, off int) int {
	// Counted in Text, not Bytes: utf8.RuneCount converts the bytes past
	// the first non-ASCII one into a string, a copy a call
	// (TestPositionAllocatesNothing).
	if off-start <= 2*checkpointEvery {
		return utf8.RuneCountInString(s.Text[start:off])
	}
	cps := s.checkpoints[li]
	if cps == nil {
		// Count the line once. Checkpoint k is the first rune start at or
		// after start+k*checkpointEvery, stored as (offset, runes before).
		end := len(s.Bytes)
		if li+1 < len(s.lineStarts) {
			end = int(s.lineStarts[li+1])
		}
		n := 0
		for i := start; i < end; {
			if i-start >= (len(cps)/2)*checkpointEvery {
				cps = append(cps, i, n)
			}
			_, size := utf8.DecodeRune(s.Bytes[i:])
			i += size
			n++
		}
		if s.checkpoints == nil {
			s.checkpoints = map[int][]int{}
		}
		s.checkpoints[li] = cps
	}
	k := min((off-start)/checkpointEvery, len(cps)/2-1)
	for k > 0 && cps[2*k] > off {
		k--
	}
	return cps[2*k+1] + utf8.RuneCountInString(s.Text[cps[2*k]:off])
}

// UTF16Column returns the 1-based column of off counted in UTF-16 code units,
// as the Language Server Protocol and many editors count them.
func (s *Source) UTF16Column(off int) int {
	off = s.clamp(off)
	start := int(s.lineStarts[s.line(off)])
	if start < s.Start {
		start = s.Start
	}
	col := 1
	for i := start; i < off; {
		r, size := utf8.DecodeRune(s.Bytes[i:])
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
		i += size
	}
	return col
}

// IsSpace reports whether r is white space, including NBSP and the other
// Unicode space separators, and the zero-width characters that editors
// leave between words.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch r {
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// IsLineBreak reports whether b is a line-break byte.
func IsLineBreak(b byte) bool { return b == '\n' || b == '\r' }

// LooksBinary reports whether b is not text: it holds a NUL byte, more than
// one byte in twenty is a control character other than white space and
// escape, or more than three bytes in ten are not valid UTF-8. (Text in a
// legacy encoding, Latin-1 or Windows-1252, has few bytes above 127.)
func LooksBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range b {
		if controlByte[c] {
			controls++
		}
	}
	if controls*20 > len(b) {
		return true
	}
	if utf8.Valid(b) {
		return false // checked many bytes at a time
	}
	bad := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return bad*10 > len(b)*3
}

// controlByte marks the control characters LooksBinary counts: all below
// space but white space and escape.
var controlByte = byteSet(func(c byte) bool { return c < ' ' && !strings.ContainsRune("\t\n\r\f\v\x1b", rune(c)) })
