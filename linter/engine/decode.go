package engine

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
)

// decoded is a file's text turned into UTF-8 for the model, and the way
// back: orig[i] is the offset in the file of byte i of the text.
type decoded struct {
	text []byte
	orig []int32
	// legacy is set for a file read as Windows-1252; bad is the offset
	// in the file of its first byte that is not UTF-8.
	legacy bool
	bad    int
}

// decode turns data into UTF-8 when it is UTF-16 with a byte-order mark,
// or text that is not UTF-8 (read as Windows-1252); nil when data is UTF-8
// already (with or without a byte-order mark), the usual case.
func decode(data []byte) *decoded {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeUTF16(data, false)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeUTF16(data, true)
	case utf8.Valid(data):
		return nil
	}
	d := &decoded{legacy: true, bad: -1}
	d.text = make([]byte, 0, len(data)+len(data)/8)
	d.orig = make([]int32, 0, cap(d.text)+1)
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if d.bad < 0 {
				d.bad = i
			}
			r = charmap.Windows1252.DecodeByte(data[i])
		}
		d.add(r, i)
		i += n
	}
	d.orig = append(d.orig, int32(len(data)))
	return d
}

// decodeUTF16 decodes UTF-16 after its byte-order mark; an odd last byte
// or a lone surrogate reads as U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) *decoded {
	d := &decoded{bad: -1}
	d.text = make([]byte, 0, len(data)/2+16)
	d.orig = make([]int32, 0, cap(d.text)+1)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	i := 2
	for i+1 < len(data) {
		r, n := rune(unit(i)), 2
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if i+3 < len(data) {
				if p := utf16.DecodeRune(rune(unit(i)), rune(unit(i+2))); p != utf8.RuneError {
					r, n = p, 4
				}
			}
		}
		d.add(r, i)
		i += n
	}
	if i < len(data) {
		d.add(utf8.RuneError, i)
	}
	d.orig = append(d.orig, int32(len(data)))
	return d
}

// add appends r, which starts at offset at of the file.
func (d *decoded) add(r rune, at int) {
	n := len(d.text)
	d.text = utf8.AppendRune(d.text, r)
	for k := n; k < len(d.text); k++ {
		d.orig = append(d.orig, int32(at))
	}
}

// remap moves the findings' offsets from the text to the file. Lines and
// columns (in code points) are the same in both; byte columns are
// recounted in the file's bytes.
func (d *decoded) remap(findings []linter.Finding) {
	pos := func(p *article.Position) {
		lineStart := p.Offset - (p.ByteColumn - 1)
		p.Offset = int(d.orig[min(p.Offset, len(d.orig)-1)])
		if lineStart >= 0 && p.ByteColumn > 0 {
			p.ByteColumn = p.Offset - int(d.orig[min(lineStart, len(d.orig)-1)]) + 1
		}
	}
	for i := range findings {
		f := &findings[i]
		pos(&f.Start)
		pos(&f.End)
		for r := range f.Related {
			pos(&f.Related[r].Start)
			pos(&f.Related[r].End)
		}
		for s := range f.Suggestions {
			for e := range f.Suggestions[s].Edits {
				pos(&f.Suggestions[s].Edits[e].Start)
				pos(&f.Suggestions[s].Edits[e].End)
			}
		}
	}
}

// finding is the engine's finding for a legacy-encoded file, at its first
// byte that is not UTF-8 (positions in the text, remapped with the rest).
func (d *decoded) finding() linter.Finding {
	at := 0
	for at < len(d.orig)-1 && int(d.orig[at]) < d.bad {
		at++
	}
	_, n := utf8.DecodeRune(d.text[at:])
	src := article.NewSource(d.text)
	return linter.Finding{Rule: linter.EncodingName, Severity: linter.Warning,
		Message: "the file is not UTF-8: it was read as Windows-1252 (Latin-1); save it as UTF-8 (fixes are not applied to it)",
		Start:   src.Position(at), End: src.Position(at + n)}
}
