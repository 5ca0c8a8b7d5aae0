package engine

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
)

// Target is one thing to lint: a path, or standard input (Stdin set)
// reported under Path.
type Target struct {
	Path string
	// Stdin marks standard input, read from Reader (or given as Data).
	Stdin  bool
	Reader io.Reader
	Data   []byte
	// Err is set when the target could not even be listed.
	Err error
	// Format is the input format; nil chooses by the path's extension.
	Format *markup.Format
	// Size is the file's size when it was listed, or -1 when it is
	// measured as it is read (a file found by walking a directory: one
	// system call fewer for each, on the one goroutine that lists them).
	Size int64
	// Config is the configuration the target is linted under (nil: the
	// Linter's).
	Config *linter.Config
}

// ConfigFunc returns the configuration of the files in dir, an absolute
// path (config.Set.For).
type ConfigFunc func(dir string) (*linter.Config, error)

// Collect expands paths into targets: files stay files, directories are
// walked for the files markup.Lintable accepts, and "-" is standard input,
// read as format when that is not nil. Each file is listed once however
// often, and by however many paths, it is named. Problems become targets
// with Err set, so that they are reported with the rest.
//
// A walk skips hidden directories, what git ignores (see ignore.go), and
// anything that is neither a regular file nor a directory (a FIFO would
// block, a device never ends), and follows symbolic links to files and to
// directories alike, each directory once (a link loop ends there). A path
// named on the command line is never skipped; one that is not a regular
// file or a directory is an error.
func Collect(paths []string, stdin io.Reader, stdinName string, format *markup.Format) []Target {
	ts, _ := CollectConfigured(paths, stdin, stdinName, format, nil)
	return ts
}

// CollectConfigured is Collect, giving each target the configuration
// configs returns for its directory (standard input: the directory of
// stdinName) and skipping in walks what that configuration excludes. The
// first error of configs ends the collection and is returned.
func CollectConfigured(paths []string, stdin io.Reader, stdinName string, format *markup.Format, configs ConfigFunc) ([]Target, error) {
	c := &collector{seen: map[string]bool{}, dirs: map[string]bool{}, configs: configs,
		excludes: map[string]string{}, excluders: map[*linter.Config]*excluder{}}
	for _, p := range paths {
		if c.err != nil {
			break
		}
		if p == "-" {
			if !c.seen["-"] {
				c.seen["-"] = true
				c.out = append(c.out, Target{Path: stdinName, Stdin: true, Reader: stdin, Format: format, Config: c.configFor(filepath.Dir(stdinName))})
			}
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			c.add(Target{Path: p, Err: ioError(err)})
		case st.IsDir():
			c.walk(p)
		case !st.Mode().IsRegular():
			c.add(Target{Path: p, Err: &safeio.NotRegularError{Mode: st.Mode()}})
		default:
			c.add(Target{Path: p, Size: st.Size(), Config: c.configFor(filepath.Dir(p))})
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	return c.out, nil
}

// collector gathers targets, each file once.
type collector struct {
	out []Target
	// seen holds the files listed, by real path; dirs the directories
	// walked.
	seen, dirs map[string]bool
	configs    ConfigFunc
	err        error // the first error of configs
	// excludes holds core.excludesFile by work tree; excluders the
	// compiled exclude patterns by configuration.
	excludes  map[string]string
	excluders map[*linter.Config]*excluder
}

// configFor is the configuration of the files in dir (nil without
// configs, or after an error, which is kept).
func (c *collector) configFor(dir string) *linter.Config {
	if c.configs == nil || c.err != nil {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	cfg, err := c.configs(abs)
	if err != nil {
		c.err = err
		return nil
	}
	return cfg
}

// add lists t unless its file is listed already.
func (c *collector) add(t Target) { c.addAs(t, realPath(t.Path)) }

// addAs lists t, whose real path is key, unless it is listed already.
func (c *collector) addAs(t Target, key string) {
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.out = append(c.out, t)
}

// realPath is the path with links resolved, or the clean path when it
// cannot be resolved.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
	}
	return filepath.Clean(p)
}

// walk lists the lintable files under dir.
func (c *collector) walk(dir string) {
	before := len(c.out)
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	found, skipped := c.walkDir(dir, c.startState(abs))
	if found == 0 && len(c.out) == before && c.err == nil {
		msg := "directory holds no .txt, .md, .markdown, .html or .htm file"
		if skipped > 0 {
			msg += " that is not ignored (.gitignore, exclude in newslint.toml)"
		}
		c.out = append(c.out, Target{Path: dir, Err: errors.New(msg)})
	}
}

// walkDir lists the lintable files under dir, whose state is st,
// following links to directories once each, and returns how many it
// found and how many files and directories it skipped as ignored.
func (c *collector) walkDir(dir string, st walkState) (found, skipped int) {
	real := realPath(dir)
	if c.dirs[real] {
		return 0, 0 // walked already: a link loop, or named twice
	}
	c.dirs[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.add(Target{Path: dir, Err: ioError(err)})
		return 0, 0
	}
	hasGit, hasIgnore := false, false
	for _, e := range entries {
		hasGit = hasGit || e.Name() == ".git"
		hasIgnore = hasIgnore || e.Name() == ".gitignore"
	}
	if hasGit && st.top != st.abs {
		st = c.topState(st.abs) // a work tree of its own
	}
	if hasIgnore {
		st.readIgnore(c)
	}
	cfg := c.configFor(st.abs)
	if c.err != nil {
		return 0, 0
	}
	excl := c.excluderFor(cfg)
	skip := func(name string, isDir bool) bool {
		if st.ignored(name, isDir) || excl.excluded(filepath.Join(st.abs, name), isDir) {
			skipped++
			return true
		}
		return false
	}
	// Entries that are links come last, so that a file reached both
	// directly and through a link is listed under its own path.
	slices.SortStableFunc(entries, func(x, y fs.DirEntry) int {
		return cmp.Compare(x.Type()&fs.ModeSymlink, y.Type()&fs.ModeSymlink)
	})
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				if markup.Lintable(e.Name()) && !skip(e.Name(), false) {
					found++
					c.add(Target{Path: path, Err: fmt.Errorf("broken symbolic link: %w", ioError(err))})
				}
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			// A link to a directory is matched as a directory (git takes
			// it for a file, and does not go into it at all).
			if !strings.HasPrefix(e.Name(), ".") && !skip(e.Name(), true) {
				f, s := c.walkDir(path, st.child(e.Name()))
				found, skipped = found+f, skipped+s
			}
		case mode.IsRegular() && markup.Lintable(e.Name()):
			if skip(e.Name(), false) {
				continue
			}
			found++
			t := Target{Path: path, Size: -1, Config: cfg}
			if e.Type()&fs.ModeSymlink == 0 {
				// A file in a directory whose real path is known: no
				// need to resolve it again.
				c.addAs(t, filepath.Join(real, e.Name()))
			} else {
				c.add(t)
			}
		}
	}
	return found, skipped
}

// forTarget is the Linter for t: l, or l under t's configuration.
func (l *Linter) forTarget(t Target) *Linter {
	if t.Config == nil || t.Config == l.Config {
		return l
	}
	tl := *l
	tl.Config = t.Config
	return &tl
}

// ioError says what went wrong with a file in words a writer understands.
func ioError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied: cannot read")
	}
	return err
}

// Read returns a target's text and input format, refusing, with an error
// that says why, what cannot be linted: an unreadable file, one that is
// not a regular file, one over max-file-size, or a binary one. No read
// goes past max-file-size + 1 bytes.
func (l *Linter) Read(t Target) ([]byte, markup.Format, error) { return l.read(t, nil) }

// read is Read, calling sized with a file's size before reading it.
func (l *Linter) read(t Target, sized func(int64)) ([]byte, markup.Format, error) {
	format := markup.ForPath(t.Path)
	if t.Format != nil {
		format = *t.Format
	}
	if t.Err != nil {
		return nil, format, t.Err
	}
	limit := l.config().MaxFileSize
	if limit <= 0 {
		limit = linter.DefaultMaxFileSize
	}
	data, err := l.readTarget(t, limit, sized)
	if err != nil {
		return nil, format, err
	}
	if !hasUTF16BOM(data) && article.LooksBinary(data) {
		return nil, format, errors.New("binary file (NUL bytes, control characters or mostly not UTF-8): not linted")
	}
	return data, format, nil
}

func (l *Linter) readTarget(t Target, limit int64, sized func(int64)) ([]byte, error) {
	var data []byte
	var err error
	switch {
	case !t.Stdin:
		data, err = safeio.ReadFileSized(t.Path, limit, sized)
	case t.Data != nil:
		data = t.Data
		if int64(len(data)) > limit {
			err = &safeio.TooLargeError{Size: int64(len(data)), Limit: limit}
		}
	case t.Reader == nil:
		data = []byte{}
	default:
		data, err = safeio.ReadLimited(t.Reader, limit)
	}
	var tl *safeio.TooLargeError
	if errors.As(err, &tl) {
		return nil, fmt.Errorf("%w (max-file-size)", err)
	}
	if err != nil {
		if t.Stdin {
			return nil, fmt.Errorf("cannot read standard input: %w", err)
		}
		return nil, ioError(err)
	}
	return data, nil
}

// hasUTF16BOM reports a UTF-16 byte-order mark, which makes NUL bytes
// text.
func hasUTF16BOM(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff)
}
