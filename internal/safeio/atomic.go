package safeio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CreateTemp creates a temporary file in dir (the system's temporary
// directory when dir is ""), named by pattern as os.CreateTemp names it.
// Until RemoveTemp removes it, an interrupt removes it too (see
// RemoveTempsOnSignal).
func CreateTemp(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	track(f.Name())
	return f, nil
}

// RemoveTemp removes a file CreateTemp made.
func RemoveTemp(name string) {
	os.Remove(name)
	untrack(name)
}

// Atomic is a new version of a file, written whole beside it and then put
// in its place at once (Commit), so that a reader sees the old file or
// the new one, never a part, and a failure leaves the old one as it was.
type Atomic struct {
	*os.File
	path string
	mode fs.FileMode
	done bool
}

// CreateAtomic starts a new version of the file at path, which need not
// exist. A symbolic link is followed: its target is replaced, and the
// link stays a link. The new file has the old one's mode (and, where
// permitted, owner and group), else 0644.
func CreateAtomic(path string) (*Atomic, error) {
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	mode := fs.FileMode(0o644)
	st, err := os.Stat(target)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return nil, &NotRegularError{st.Mode()}
	case err == nil:
		mode = st.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".newslint-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", path, cause(err))
	}
	track(tmp.Name())
	if st != nil {
		chown(tmp, st)
	}
	return &Atomic{File: tmp, path: target, mode: mode}, nil
}

// Commit syncs the new version and renames it over the file.
func (a *Atomic) Commit() error {
	if a.done {
		return errors.New("already committed or aborted")
	}
	a.done = true
	name := a.Name()
	defer untrack(name)
	err := a.Chmod(a.mode)
	if err == nil {
		err = a.Sync()
	}
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, a.path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %w", a.path, cause(err))
	}
	syncDir(filepath.Dir(a.path))
	return nil
}

// Abort drops the new version: the file stays as it was. After Commit it
// does nothing.
func (a *Atomic) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.Close()
	os.Remove(a.Name())
	untrack(a.Name())
}
