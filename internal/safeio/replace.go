package safeio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// ErrChanged is a file that changed on disk after it was read: it is not
// replaced, so that nobody's edit is lost.
var ErrChanged = errors.New("the file changed on disk after newslint read it; not rewritten (run newslint again)")

// Replace writes data to the file at path in place of old, which is what
// was read from it:
//   - a symbolic link is followed, and its target is rewritten (the link
//     stays a link);
//   - a file with several hard links is rewritten in place, so that every
//     link sees the new text; any other file is replaced atomically
//     through a synced temporary file in its directory, with its mode,
//     its extended attributes (on Linux: ACLs, security labels, user
//     attributes) and, where permitted, its owner and group; a file whose
//     attributes the new file cannot be given is rewritten in place, as a
//     hard-linked one is, which keeps them;
//   - the file is compared with old just before it is replaced, and left
//     alone with ErrChanged if it differs;
//   - the directory is synced after the rename.
func Replace(path string, old, data []byte) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return &NotRegularError{st.Mode()}
	}
	if st.Mode().Perm()&0o222 == 0 {
		// The directory may let newslint replace it, but its mode says it
		// is not to be written: a read-only file stays as it is, however
		// many links it has.
		return ErrReadOnly
	}
	if err := unchanged(real, old); err != nil {
		return err
	}
	if linkCount(st) > 1 {
		return rewriteInPlace(real, old, data)
	}
	return replaceAtomic(real, st, old, data)
}

// ErrReadOnly is a file whose mode lets nobody write it: --fix leaves it
// alone.
var ErrReadOnly = errors.New("the file is read-only; not rewritten (make it writable to fix it)")

// unchanged checks that the file at path still holds old.
func unchanged(path string, old []byte) error {
	now, err := ReadFile(path, int64(len(old))+1)
	var tl *TooLargeError
	if errors.As(err, &tl) || err == nil && !bytes.Equal(now, old) {
		return ErrChanged
	}
	return err
}

// rewriteInPlace overwrites a file's bytes, keeping its inode (and so its
// hard links), and syncs it. Whatever fails, the file is left as it was:
//   - a synced copy of old is written beside it first (a crash midway
//     leaves that copy, .newslint-backup-*, to restore from);
//   - a file that grows is first extended to its new size, so that a full
//     disk or a file-size limit fails before a byte of it is overwritten;
//   - if writing or truncating fails after all, old is written back and
//     the copy removed; if even that fails, the error names the copy.
func rewriteInPlace(path string, old, data []byte) error {
	dir := filepath.Dir(path)
	backup, err := os.CreateTemp(dir, ".newslint-backup-*")
	if err != nil {
		return fmt.Errorf("cannot keep a copy of %s beside it: %w", path, cause(err))
	}
	bname := backup.Name()
	if _, err := backup.Write(old); err == nil {
		err = backup.Sync()
	}
	if cerr := backup.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(bname)
		return fmt.Errorf("cannot keep a copy of %s beside it: %w", path, cause(err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		os.Remove(bname)
		return err
	}
	werr := overwrite(f, data, len(old))
	if werr != nil {
		// Put old back: it is no larger than what the file holds now, or
		// than what it held before.
		if rerr := overwrite(f, old, len(data)); rerr != nil {
			f.Close()
			return fmt.Errorf("%w; restoring it failed too (%v): its text is in %s", werr, rerr, bname)
		}
	}
	if cerr := f.Close(); werr == nil && cerr != nil {
		return fmt.Errorf("%w: its text before the fix is in %s", cerr, bname)
	}
	os.Remove(bname)
	return werr
}

// overwrite writes data over f from its start, f holding size bytes:
// extending f to its new size first when it grows, truncating it after
// when it shrinks, then syncing.
func overwrite(f *os.File, data []byte, size int) error {
	if len(data) > size {
		if err := f.Truncate(int64(len(data))); err != nil {
			f.Truncate(int64(size)) // a partial extension, undone
			return err
		}
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if len(data) < size {
		if err := f.Truncate(int64(len(data))); err != nil {
			return err
		}
	}
	return f.Sync()
}

// replaceAtomic writes data to a temporary file beside path, with path's
// mode and owner, syncs it, checks once more that path still holds old, and
// renames it over path.
func replaceAtomic(path string, st os.FileInfo, old, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".newslint-*")
	if err != nil {
		return fmt.Errorf("cannot write beside %s: %w", path, cause(err))
	}
	name := tmp.Name()
	track(name)
	defer untrack(name)
	defer os.Remove(name) // a no-op once renamed
	if err := writeSynced(tmp, st, data); err != nil {
		return fmt.Errorf("cannot write beside %s: %w", path, cause(err))
	}
	if err := copyXattrs(path, name); err != nil {
		// An attribute the new file cannot be given (a security label
		// this user may not set): the file is rewritten in place instead,
		// which keeps its inode and with it every attribute.
		os.Remove(name)
		return rewriteInPlace(path, old, data)
	}
	if err := unchanged(path, old); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("cannot replace %s: %w", path, cause(err))
	}
	syncDir(dir)
	return nil
}

// cause is what went wrong in err without the path it names: errors from
// the temporary files name the article, not a file the user never made
// (".newslint-1637873841").
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func writeSynced(tmp *os.File, st os.FileInfo, data []byte) error {
	_, err := tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(st.Mode().Perm())
	}
	if err == nil {
		chown(tmp, st)
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable. Not every system can sync a
// directory; the rename has happened either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// The temporary files being written, removed if the process is
// interrupted.
var (
	tempMu    sync.Mutex
	temps     = map[string]bool{}
	onSignal  sync.Once
	signalled = make(chan os.Signal, 1)
)

func track(name string) {
	tempMu.Lock()
	temps[name] = true
	tempMu.Unlock()
}

func untrack(name string) {
	tempMu.Lock()
	delete(temps, name)
	tempMu.Unlock()
}

// RemoveTempsOnSignal makes an interrupt, hang-up or termination signal
// remove the temporary files Replace is writing before the process exits
// (with status 128 + the signal's number). A SIGKILL cannot be caught; a
// temporary file it leaves is named .newslint-* and holds only a copy.
func RemoveTempsOnSignal() {
	onSignal.Do(func() {
		signal.Notify(signalled, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go func() {
			sig := <-signalled
			tempMu.Lock() // held until exit: no new temporary file starts
			for name := range temps {
				os.Remove(name)
			}
			code := 130
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		}()
	})
}
