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
// block, a device never ends). It follows symbolic links to files and to
// directories alike when their target is inside one of the directories
// named (WalkOptions.FollowLinks: wherever it is), each directory once (a
// link loop ends there). A path named on the command line is never
// skipped, and followed when it is a link; one that is not a regular file
// or a directory is an error.
func Collect(paths []string, stdin io.Reader, stdinName string, format *markup.Format) []Target {
	ts, _ := CollectWith(paths, stdin, stdinName, format, nil, WalkOptions{})
	return ts
}

// CollectConfigured is Collect, giving each target the configuration
// configs returns for its directory (standard input: the directory of
// stdinName) and skipping in walks what that configuration excludes. The
// first error of configs ends the collection and is returned.
func CollectConfigured(paths []string, stdin io.Reader, stdinName string, format *markup.Format, configs ConfigFunc) ([]Target, error) {
	return CollectWith(paths, stdin, stdinName, format, configs, WalkOptions{})
}

// WalkOptions are how a walk treats symbolic links.
type WalkOptions struct {
	// FollowLinks follows links wherever they lead, out of the
	// directories named too (a link to / walks the whole file system).
	// Without it a walk follows only links whose target, every link on
	// the way resolved, is inside a directory named, so that nothing
	// outside them is read, nor rewritten by --fix.
	FollowLinks bool
	// SkippedLink, when not nil, is called with each link a walk does not
	// follow (as walked) and the real path of its target.
	SkippedLink func(link, target string)
}

// CollectWith is CollectConfigured, walking as opts says.
func CollectWith(paths []string, stdin io.Reader, stdinName string, format *markup.Format, configs ConfigFunc, opts WalkOptions) ([]Target, error) {
	return collect(paths, stdin, stdinName, format, configs, opts, nil)
}

// Walk is CollectWith without standard input, giving found each target
// as the walk lists it instead of returning them all, and remembering
// nothing of the files a walk finds: the memory it takes is that of the
// directories (each walked once, as CollectWith does), whatever the number
// of files. So a file a walk finds twice (through a link, a hard link, or
// two paths that name one directory) is given twice; the paths named are
// each given once, as CollectWith gives them. found is called from the
// goroutine that calls Walk.
func Walk(paths []string, configs ConfigFunc, opts WalkOptions, found func(Target)) error {
	_, err := collect(paths, nil, "", nil, configs, opts, found)
	return err
}

func collect(paths []string, stdin io.Reader, stdinName string, format *markup.Format, configs ConfigFunc, opts WalkOptions, stream func(Target)) ([]Target, error) {
	c := &collector{seen: map[string]bool{}, dirs: map[string]int{}, configs: configs, opts: opts,
		excludes: map[string]string{}, excluders: map[*linter.Config]*excluder{}, stream: stream}
	if !opts.FollowLinks {
		for _, p := range paths {
			if p == "-" {
				continue
			}
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				c.roots = append(c.roots, realPath(p))
			}
		}
	}
	for _, p := range paths {
		if c.err != nil {
			break
		}
		if p == "-" {
			if !c.seen["-"] {
				c.seen["-"] = true
				c.put(Target{Path: stdinName, Stdin: true, Reader: stdin, Format: format, Config: c.configFor(filepath.Dir(stdinName))})
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
	// walked, by real path, with the lintable files found below each (-1
	// while it is walked).
	seen map[string]bool
	// inodes holds the files with several hard links listed, by device
	// and inode.
	inodes map[[2]uint64]bool
	dirs   map[string]int
	// roots are the real paths of the directories named, which a walk
	// does not leave (none with opts.FollowLinks).
	roots   []string
	opts    WalkOptions
	configs ConfigFunc
	err     error // the first error of configs
	// excludes holds core.excludesFile by work tree; excluders the
	// compiled exclude patterns by configuration.
	excludes  map[string]string
	excluders map[*linter.Config]*excluder
	// stream, when set, is given each target instead of out (see Walk);
	// listed counts the targets listed either way.
	stream func(Target)
	listed int
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
	if c.stream != nil && t.Size < 0 {
		// Found by a walk, streamed: not remembered (see Walk).
		c.put(t)
		return
	}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	if id, ok := hardLinkID(key); ok && t.Err == nil && !t.Stdin {
		// Two names for one file (hard links): linted, and fixed, once.
		if c.inodes[id] {
			return
		}
		if c.inodes == nil {
			c.inodes = map[[2]uint64]bool{}
		}
		c.inodes[id] = true
	}
	c.put(t)
}

// put lists t: in out, or given to stream.
func (c *collector) put(t Target) {
	c.listed++
	if c.stream != nil {
		c.stream(t)
		return
	}
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

// walk lists the lintable files under dir, a directory named.
func (c *collector) walk(dir string) {
	before := c.listed
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	real := realPath(dir)
	var n walkCount
	if found, walked := c.dirs[real]; walked {
		// Named twice, or walked already through another path: an
		// error only if there was nothing in it then.
		n.found = found
	} else {
		n = c.walkDir(dir, real, c.startState(abs))
	}
	if n.found == 0 && c.listed == before && c.err == nil {
		msg := "directory holds no .txt, .md, .markdown, .html or .htm file"
		if n.skipped > 0 {
			msg += " that is not ignored (.gitignore, exclude in newslint.toml)"
		}
		if n.links > 0 {
			msg += fmt.Sprintf("; %d symbolic link(s) leading out of the directories named not followed (--follow-links follows them)", n.links)
		}
		c.put(Target{Path: dir, Err: errors.New(msg)})
	}
}

// walkCount is what a walk found: lintable files, files and directories
// skipped as ignored, and links not followed.
type walkCount struct{ found, skipped, links int }

func (n *walkCount) add(m walkCount) {
	n.found, n.skipped, n.links = n.found+m.found, n.skipped+m.skipped, n.links+m.links
}

// walkDir lists the lintable files under dir, whose real path (no link
// in it) is real and whose state is st, following links as c.opts says,
// to each directory once. The real path of each entry that is not a link
// is real's, joined with its name; only links are resolved, so that the
// walk takes a few system calls for each directory and file, however deep.
func (c *collector) walkDir(dir, real string, st walkState) (n walkCount) {
	if found, walked := c.dirs[real]; walked {
		// Walked already: a link loop, or named twice ("newslint x/y x").
		// What it held counts, so that a second naming is no "holds no
		// file" error.
		n.found = max(found, 0)
		return n
	}
	c.dirs[real] = -1 // being walked
	defer func() { c.dirs[real] = n.found }()
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.add(Target{Path: dir, Err: ioError(err)})
		return n
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
	// The directory's configuration is read only when something in it may
	// be linted: a broken newslint.toml beside images alone stops nothing.
	var cfg *linter.Config
	if slices.ContainsFunc(entries, mayHoldArticles) {
		cfg = c.configFor(st.abs)
		if c.err != nil {
			return n
		}
	}
	excl := c.excluderFor(cfg)
	skip := func(name string, isDir bool) bool {
		if st.ignored(name, isDir) || excl.excluded(filepath.Join(st.abs, name), isDir) {
			n.skipped++
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
		isLink := mode&fs.ModeSymlink != 0
		if isLink {
			fi, err := os.Stat(path)
			if err != nil {
				if markup.Lintable(e.Name()) && !skip(e.Name(), false) {
					n.found++
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
			if strings.HasPrefix(e.Name(), ".") || skip(e.Name(), true) {
				continue
			}
			sub, ok := c.entryReal(real, e.Name(), path, isLink)
			if !ok {
				n.links++
				continue
			}
			n.add(c.walkDir(path, sub, st.child(e.Name())))
		case mode.IsRegular() && markup.Lintable(e.Name()):
			if skip(e.Name(), false) {
				continue
			}
			key, ok := c.entryReal(real, e.Name(), path, isLink)
			if !ok {
				n.links++
				continue
			}
			n.found++
			c.addAs(Target{Path: path, Size: -1, Config: cfg}, key)
		}
	}
	return n
}

// mayHoldArticles reports whether a directory entry may be, or hold, a
// file to lint: a lintable file, a directory that is not hidden, or a
// link (which may be either).
func mayHoldArticles(e fs.DirEntry) bool {
	switch t := e.Type(); {
	case t&fs.ModeSymlink != 0:
		return true
	case t.IsDir():
		return !strings.HasPrefix(e.Name(), ".")
	}
	return e.Type().IsRegular() && markup.Lintable(e.Name())
}

// entryReal is the real path of entry name of the directory whose real
// path is real, found at path: real's joined with the name, or for a link
// its target resolved. ok is false for a link the walk does not follow,
// which is told to opts.SkippedLink.
func (c *collector) entryReal(real, name, path string, isLink bool) (string, bool) {
	if !isLink {
		return filepath.Join(real, name), true
	}
	target, err := resolveLink(real, name)
	if err != nil {
		target = realPath(path) // a race: the link changed since it was read
	}
	if c.opts.FollowLinks || c.inRoots(target) {
		return target, true
	}
	if c.opts.SkippedLink != nil {
		c.opts.SkippedLink(path, target)
	}
	return target, false
}

// inRoots reports whether the real path p is one of the directories named
// or below one.
func (c *collector) inRoots(p string) bool {
	for _, r := range c.roots {
		if within(r, p) {
			return true
		}
	}
	return false
}

// within reports whether path p is dir or below it (both clean).
func within(dir, p string) bool {
	rest, ok := strings.CutPrefix(p, dir)
	return ok && (rest == "" || rest[0] == filepath.Separator || strings.HasSuffix(dir, string(filepath.Separator)))
}

// maxLinkHops is the most links resolveLink follows for one path, as the
// system does (Linux: 40); past it the path cannot be opened anyway.
const maxLinkHops = 40

// resolveLink returns the real path of the link name in the directory
// whose real path is dir. Only what the link adds is looked at: dir has no
// link in it (so ".." in a target is its parent), and each component the
// targets add is looked up once, a link among them read and followed in
// turn, so that the time is that of the targets, not of the depth of dir.
func resolveLink(dir, name string) (string, error) {
	cur, rest := dir, name
	for hops := 0; rest != ""; {
		var comp string
		comp, rest, _ = strings.Cut(rest, string(filepath.Separator))
		switch comp {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, comp)
		fi, err := os.Lstat(next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", &fs.PathError{Op: "resolve", Path: next, Err: errors.New("too many levels of symbolic links")}
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			// From the top of the file system, whose path has no link.
			if cur, err = filepath.EvalSymlinks(target); err != nil {
				return "", err
			}
			continue
		}
		if rest != "" {
			target += string(filepath.Separator) + rest
		}
		rest = target
	}
	return cur, nil
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
