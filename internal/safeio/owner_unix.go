//go:build unix

package safeio

import (
	"os"
	"syscall"
)

// linkCount is the number of hard links to a file.
func linkCount(st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}

// chown gives f the owner and group of st where permitted; a user who
// may not (most users, for another's file) keeps the file as their own.
func chown(f *os.File, st os.FileInfo) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(s.Uid), int(s.Gid))
	}
}
