package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/newslint/newslint/internal/gitignore"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
)

// What a directory walk skips besides hidden directories: what git
// ignores in the work tree the directory is in (the .gitignore of every
// directory from the top of the work tree down, .git/info/exclude and
// core.excludesFile, as git ls-files --others --exclude-standard sees
// them), and what the exclude patterns of the directory's configuration
// name. Outside a work tree, no .gitignore applies, as for git. Paths
// named on the command line are never skipped.

// maxIgnoreFile is the largest ignore file read, as for a configuration.
const maxIgnoreFile = 1 << 20

// walkState is what applies in one directory of a walk.
type walkState struct {
	// abs is the directory's absolute path, as walked (links not
	// resolved).
	abs string
	// top is the top of the work tree the directory is in ("" outside
	// one); rel the directory's path in it, slash-separated ("" at the
	// top).
	top, rel string
	// lists are the ignore files in force, lowest precedence first.
	lists []*gitignore.List
}

// child is the state of subdirectory name (before its own .gitignore is
// read).
func (s walkState) child(name string) walkState {
	c := walkState{abs: filepath.Join(s.abs, name)}
	if s.top != "" {
		c.top, c.rel, c.lists = s.top, joinRel(s.rel, name), slices.Clip(s.lists)
	}
	return c
}

// ignored reports whether git ignores entry name of the directory.
func (s walkState) ignored(name string, isDir bool) bool {
	return s.top != "" && gitignore.Ignored(s.lists, joinRel(s.rel, name), isDir)
}

// joinRel joins a work-tree path and a name.
func joinRel(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

// startState is the state of a directory named on the command line
// (absolute): the work tree it is in, and the ignore files of the
// directories above it in that tree.
func (c *collector) startState(abs string) walkState {
	top := ""
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			return walkState{abs: abs}
		}
		d = parent
	}
	s := c.topState(top)
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == "." {
		return s
	}
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		s.readIgnore(c)
		s = s.child(name)
	}
	return s
}

// topState is the state at the top of a work tree: core.excludesFile
// and .git/info/exclude in force.
func (c *collector) topState(top string) walkState {
	s := walkState{abs: top, top: top}
	if f := c.excludesFile(top); f != "" {
		s.lists = append(s.lists, c.readList(f, "", false))
	}
	if gd := gitCommonDir(top); gd != "" {
		s.lists = append(s.lists, c.readList(filepath.Join(gd, "info", "exclude"), "", false))
	}
	return s
}

// readIgnore adds the directory's .gitignore, a regular file (git does
// not follow a link there), to s.
func (s *walkState) readIgnore(c *collector) {
	p := filepath.Join(s.abs, ".gitignore")
	if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() {
		s.lists = append(s.lists, c.readList(p, s.rel, true))
	}
}

// readList reads an ignore file; one that cannot be read is reported
// (as a target in error) when it exists, and ignores nothing.
func (c *collector) readList(p, base string, mustExist bool) *gitignore.List {
	data, err := safeio.ReadFile(p, maxIgnoreFile)
	if err != nil {
		if mustExist || !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			c.add(Target{Path: p, Err: fmt.Errorf("ignore file not read, so nothing it names is skipped: %w", ioError(err))})
		}
		return &gitignore.List{Base: base}
	}
	return gitignore.Parse(data, base)
}

// gitCommonDir is the repository directory of the work tree at top: its
// .git directory, or where a .git file points (a linked work tree's
// common directory, or a submodule's).
func gitCommonDir(top string) string {
	dot := filepath.Join(top, ".git")
	st, err := os.Stat(dot)
	if err != nil {
		return ""
	}
	if st.IsDir() {
		return dot
	}
	data, err := safeio.ReadFile(dot, 4096)
	if err != nil {
		return ""
	}
	gd, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return ""
	}
	gd = strings.TrimSpace(gd)
	if !filepath.IsAbs(gd) {
		gd = filepath.Join(top, gd)
	}
	if common, err := safeio.ReadFile(filepath.Join(gd, "commondir"), 4096); err == nil {
		cd := strings.TrimSpace(string(common))
		if !filepath.IsAbs(cd) {
			cd = filepath.Join(gd, cd)
		}
		return cd
	}
	return gd
}

// excludesFile is core.excludesFile for the work tree at top, as git
// reads it (git config, where git is installed), else git's default:
// $XDG_CONFIG_HOME/git/ignore, or ~/.config/git/ignore. Asked once per
// work tree.
func (c *collector) excludesFile(top string) string {
	if f, ok := c.excludes[top]; ok {
		return f
	}
	f := ""
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "-C", top, "config", "--path", "--get", "core.excludesFile").Output()
	switch {
	case err == nil && strings.TrimSpace(string(out)) != "":
		f = strings.TrimRight(string(out), "\r\n")
		if !filepath.IsAbs(f) {
			f = filepath.Join(top, f) // git reads a relative path from the top
		}
	default:
		if x := os.Getenv("XDG_CONFIG_HOME"); x != "" {
			f = filepath.Join(x, "git", "ignore")
		} else if h, err := os.UserHomeDir(); err == nil {
			f = filepath.Join(h, ".config", "git", "ignore")
		}
	}
	c.excludes[top] = f
	return f
}

// excluder is the exclude patterns of one configuration, relative to its
// directory.
type excluder struct {
	dir  string
	list *gitignore.List
}

// excluderFor compiles cfg's exclude patterns, once per configuration.
func (c *collector) excluderFor(cfg *linter.Config) *excluder {
	if cfg == nil || len(cfg.Exclude) == 0 {
		return nil
	}
	if e, ok := c.excluders[cfg]; ok {
		return e
	}
	dir, err := filepath.Abs(filepath.Dir(cfg.Path))
	if err != nil {
		dir = filepath.Dir(cfg.Path)
	}
	e := &excluder{dir: dir, list: &gitignore.List{}}
	for _, x := range cfg.Exclude {
		if p, ok := gitignore.ParseLine(x); ok {
			e.list.Patterns = append(e.list.Patterns, p)
		}
	}
	c.excluders[cfg] = e
	return e
}

// excluded reports whether the patterns exclude abs (a file or directory
// found by the walk). Below the configuration's directory they are
// matched as a .gitignore there is; elsewhere (a file given with
// --config elsewhere) only against the name.
func (e *excluder) excluded(abs string, isDir bool) bool {
	if e == nil {
		return false
	}
	rel, err := filepath.Rel(e.dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		rel = filepath.Base(abs)
	}
	matched, ignored := e.list.Match(filepath.ToSlash(rel), isDir)
	return matched && ignored
}
