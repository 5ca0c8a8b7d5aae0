//go:build !linux

package main

import "os"

// isTerminalFile reports whether f is a terminal; where terminal
// attributes cannot be asked for without another dependency, a character
// device is taken for one.
func isTerminalFile(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
