package archive

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse: whatever the bytes, reading an authority is an error naming
// the file or an authority every look-up reads without a crash; the bytes
// are also tried with their checksum made to match, so that damaged
// records reach the decoders, and merged from a file.
func FuzzParse(f *testing.F) {
	good := build(f, testFiles(f), 0)
	var empty bytes.Buffer
	if err := NewBuilder().Finish(&empty); err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(empty.Bytes())
	f.Add(good[:len(good)/2])
	f.Add(good[:headerSize])
	f.Add([]byte(magic))
	f.Add([]byte{})
	bad := append([]byte(nil), good...)
	bad[len(bad)/3] ^= 0xff
	f.Add(bad)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, d := range [][]byte{data, withChecksum(data)} {
			a, err := Parse("f.nla", d)
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Name != "f.nla" {
					t.Fatalf("an error that does not name the file: %v", err)
				}
				continue
			}
			_ = exercise(t, a)
			_ = a.Check()
			if i == 1 {
				path := writeTemp(t, dir, "f.nla", d)
				_ = Merge(&bytes.Buffer{}, dir, path)
				_, _ = Fingerprints(path)
			}
		}
	})
}
