//go:build unix

package archive

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f into memory, read-only: the
// pages are the system's cache of the file, neither copied nor zeroed,
// and each is read (a page fault) only when a look-up first reads it.
// unmap releases them.
func mapFile(f *os.File, size int) (data []byte, unmap func() error, err error) {
	data, err = syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}
