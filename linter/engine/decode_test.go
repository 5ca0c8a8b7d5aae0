package engine

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xff, 0xfe}
	if bigEndian {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// lintData lints data as a file's bytes, as the CLI does.
func lintData(t *testing.T, data []byte) linter.FileResult {
	t.Helper()
	l := &Linter{Rules: []*linter.Rule{wordRule}, KeepSource: true}
	res := l.LintTargets([]Target{{Path: "a.txt", Stdin: true, Data: data}})
	require.Len(t, res, 1)
	return res[0]
}

// TestUTF16IsDecodedWithPositionsInTheFile: a UTF-16 file with a
// byte-order mark is linted; lines and columns are those of its text, and
// offsets count its bytes.
func TestUTF16IsDecodedWithPositionsInTheFile(t *testing.T) {
	text := "Ünïcode 😀 line\nso bad\n"
	for _, be := range []bool{false, true} {
		data := utf16Bytes(text, be)
		res := lintData(t, data)
		require.NoError(t, res.Err)
		require.Len(t, res.Findings, 1)
		f := res.Findings[0]
		assert.Equal(t, 2, f.Start.Line)
		assert.Equal(t, 4, f.Start.Column)
		// "bad" starts after the BOM and 19 UTF-16 units ("😀" is two).
		assert.Equal(t, 2+2*19, f.Start.Offset)
		assert.Equal(t, 2+2*22, f.End.Offset)
		assert.Equal(t, "bad", string(utf16.Decode(units(data[f.Start.Offset:f.End.Offset], be))))
		assert.Nil(t, res.Source, "fixes are not applied to a UTF-16 file")
	}
}

func units(b []byte, be bool) []uint16 {
	var out []uint16
	for i := 0; i+1 < len(b); i += 2 {
		if be {
			out = append(out, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			out = append(out, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return out
}

// TestLegacyEncodingIsReadAsWindows1252: text with a few bytes that are
// not UTF-8 is linted as Windows-1252, with a warning at the first such
// byte, and positions in the file's bytes.
func TestLegacyEncodingIsReadAsWindows1252(t *testing.T) {
	data := []byte("Andr\xe9s said \x93so bad\x94\n")
	res := lintData(t, data)
	require.NoError(t, res.Err)
	require.Len(t, res.Findings, 2)
	enc, word := res.Findings[0], res.Findings[1]
	assert.Equal(t, linter.EncodingName, enc.Rule)
	assert.Equal(t, 4, enc.Start.Offset)
	assert.Equal(t, 5, enc.End.Offset)
	assert.Equal(t, 5, enc.Start.Column)
	assert.Contains(t, enc.Message, "Windows-1252")
	assert.Equal(t, "bad", string(data[word.Start.Offset:word.End.Offset]))
	assert.Equal(t, strings.Index(string(data), "bad")+1, word.Start.ByteColumn)
	assert.Nil(t, res.Source)

	// UTF-8, with or without a byte-order mark, is read as it is.
	res = lintData(t, []byte("\ufeffAndrés so bad\n"))
	require.Len(t, res.Findings, 1)
	assert.NotNil(t, res.Source)
	// Binary stays binary.
	res = lintData(t, []byte("GIF89a\x00\x00\x01"))
	assert.Error(t, res.Err)
}

// FuzzDecode lints any bytes as a file is linted (encoding detection
// included): positions always fall inside the file, in order.
func FuzzDecode(f *testing.F) {
	f.Add(utf16Bytes("So bad\n", false))
	f.Add(utf16Bytes("So bad 😀\n", true))
	f.Add([]byte("Andr\xe9s so bad\n"))
	f.Add([]byte("\xff\xfe\x00"))
	l := &Linter{Rules: []*linter.Rule{wordRule}}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := l.LintTargets([]Target{{Path: "f.txt", Stdin: true, Data: data}})
		for _, fd := range res[0].Findings {
			if fd.Start.Offset < 0 || fd.Start.Offset > fd.End.Offset || fd.End.Offset > len(data) {
				t.Fatalf("finding %+v outside the file of %d bytes", fd, len(data))
			}
			if fd.Start.Line < 1 || fd.Start.Column < 1 {
				t.Fatalf("bad position %+v", fd.Start)
			}
		}
	})
}
