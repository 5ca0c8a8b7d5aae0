package lsp

import (
	"unicode/utf8"
)

// Position encodings (LSP 3.17 general.positionEncodings).
const (
	encUTF8  = "utf-8"
	encUTF16 = "utf-16"
	encUTF32 = "utf-32"
)

// units is how many code units of enc a character of size n bytes takes.
func units(r rune, n int, enc string) int {
	switch enc {
	case encUTF8:
		return n
	case encUTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// lineStarts returns the byte offset at which each line of text begins.
// Lines end at \n, \r\n or a lone \r, as in LSP.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineEnd is the offset of the line break ending the line that starts at
// start (or the end of the text).
func lineEnd(text []byte, start int) int {
	for i := start; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' {
			return i
		}
	}
	return len(text)
}

// offsetOf converts an LSP position to a byte offset. A line past the end
// is the end of the text; a character past the end of its line is the end
// of the line (as the specification says); a position inside a character
// that takes two UTF-16 units is the start of that character.
func offsetOf(text []byte, starts []int, p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(starts) {
		return len(text)
	}
	off := starts[p.Line]
	end := lineEnd(text, off)
	for n := 0; off < end; {
		r, size := utf8.DecodeRune(text[off:end])
		u := units(r, size, enc)
		if n+u > p.Character {
			break
		}
		n += u
		off += size
	}
	return off
}

// positionOf converts a byte offset to an LSP position.
func positionOf(text []byte, starts []int, off int, enc string) Position {
	off = max(0, min(off, len(text)))
	line := lineOf(starts, off)
	n := 0
	for i := starts[line]; i < off; {
		r, size := utf8.DecodeRune(text[i:off])
		n += units(r, size, enc)
		i += size
	}
	return Position{Line: line, Character: n}
}

// lineOf is the index of the line holding off.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// applyChange applies one content change to text.
func applyChange(text []byte, c contentChange, enc string) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	starts := lineStarts(text)
	from := offsetOf(text, starts, c.Range.Start, enc)
	to := offsetOf(text, starts, c.Range.End, enc)
	if to < from {
		from, to = to, from
	}
	out := make([]byte, 0, len(text)-(to-from)+len(c.Text))
	out = append(out, text[:from]...)
	out = append(out, c.Text...)
	return append(out, text[to:]...)
}
