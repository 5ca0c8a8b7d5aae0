//go:build unix

package engine

import (
	"os"
	"syscall"
)

// hardLinkID is the device and inode of the file at path when it has
// several hard links (two names for one file), else ok is false.
func hardLinkID(path string) (id [2]uint64, ok bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return id, false
	}
	st, isUnix := fi.Sys().(*syscall.Stat_t)
	if !isUnix || st.Nlink < 2 || !fi.Mode().IsRegular() {
		return id, false
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}, true
}
