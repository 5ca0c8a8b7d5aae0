//go:build unix

package archive

import (
	"os"
	"syscall"
)

// mapFile maps size bytes of f into memory, read-only: the pages are the
// system's cache of the file, neither copied nor zeroed, which makes
// opening a big authority cheap. unmap releases them.
func mapFile(f *os.File, size int64) (data []byte, unmap func() error, err error) {
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED|mapPopulate)
	if err != nil {
		return nil, nil, err
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}
