// Package safeio reads and replaces files without hanging, without
// unbounded memory and without losing data: reads stop at a limit, refuse
// anything that is not a regular file (a FIFO would block, a device would
// never end), and replacements go through a synced temporary file, to the
// target of a symbolic link, keeping owner and mode, and only when the file
// is still what was read.
//
// Never imports: any package of this module.
package safeio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// TooLargeError is a read that passed its limit.
type TooLargeError struct {
	Size  int64 // the size, when known; -1 when the read was stopped
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size >= 0 {
		return fmt.Sprintf("file is %d bytes, over the limit of %d bytes", e.Size, e.Limit)
	}
	return fmt.Sprintf("input is over the limit of %d bytes", e.Limit)
}

// NotRegularError is a path that names something other than a regular
// file.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	return "not a regular file (" + KindOf(e.Mode) + "): not read"
}

// KindOf names a file's type in words.
func KindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
}

// ReadLimited reads r to its end, or fails with a *TooLargeError as soon as
// it passes limit bytes: a reader that never ends costs limit+1 bytes.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return buf.Bytes(), nil
}

// ReadFile reads the regular file at path, up to limit bytes. It never
// blocks on a FIFO (it is opened without waiting for a writer, then
// refused) and never reads more than limit+1 bytes.
func ReadFile(path string, limit int64) ([]byte, error) { return ReadFileSized(path, limit, nil) }

// ReadFileSized is ReadFile, and calls sized, when it is not nil, with the
// file's size once the file is open and measured and before it is read
// (to wait for room for it, or to prepare for a big one).
func ReadFileSized(path string, limit int64, sized func(int64)) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{st.Mode()}
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	if sized != nil {
		sized(st.Size())
	}
	data, err := readSized(f, int(st.Size()), limit)
	var tl *TooLargeError
	if errors.As(err, &tl) {
		tl.Size = -1 // it grew past the limit while it was read
	}
	return data, err
}

// readSized reads a file measured to hold size bytes, up to limit. It
// reads the size and one byte more: once the measured bytes are in, a
// read that stops short of the extra byte has met the end, so no further
// read is made to see it (a file of a few kilobytes takes one read). A
// file that grew since it was measured is read on, up to the limit, when
// a read brings the extra byte; one that grows while it is read may be
// read as it was measured (and --fix then refuses to rewrite it, as its
// text is no longer what was read). A size of 0 (an empty file, or
// /proc, whose sizes say nothing) is read to the end.
func readSized(r io.Reader, size int, limit int64) ([]byte, error) {
	if size == 0 {
		return ReadLimited(r, limit)
	}
	buf := make([]byte, size+1)
	n := 0
	var err error
	for n < size && err == nil {
		var k int
		k, err = r.Read(buf[n:])
		n += k
	}
	switch {
	case err != nil && err != io.EOF:
		return nil, err
	case n <= size:
		return buf[:n], nil
	}
	rest, err := ReadLimited(r, limit-int64(n))
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			tl.Limit = limit
		}
		return nil, err
	}
	return append(buf, rest...), nil
}

// IsRegular reports whether path (following links) is a regular file,
// without opening it.
func IsRegular(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
