package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/source"
)

// Sources reads and indexes the sources quotations are checked against
// (quote-fidelity): those --source names (Extra), those a configuration
// names ([sources] paths) and those a Markdown article's front matter
// names (sources = [...]). Each file is read once in a run, and each set of
// sources indexed once, however many articles share it. Safe for
// concurrent use.
type Sources struct {
	// Extra are the sources of every article (--source).
	Extra []string
	// Skipped, when set, is called once for each source file not read
	// (binary, over max-file-size), with why.
	Skipped func(path string, err error)
	// Watch is for a long session (the language server): each set of
	// sources is still indexed once, and kept by its files' paths, sizes
	// and modification times, which each For looks at again (a stat of
	// each file, a walk of each folder): a file changed, added or
	// removed is read again and its set indexed again; a set that failed
	// is tried again; and at most maxWatchedSets sets are kept. Without
	// it, a run reads each file once, whatever happens to it.
	Watch bool

	mu    sync.Mutex
	files map[string]*sourceFiles
	sets  map[string]*sourceSet
	reads int
}

type sourceFiles struct {
	once  sync.Once
	stamp string // Watch: the files' sizes and times when read
	files []source.File
	err   error
}

type sourceSet struct {
	once  sync.Once
	stamp string
	idx   *source.Index
	err   error
}

// maxWatchedSets bounds the sets of sources a watching session keeps (an
// editor with documents naming many different sources).
const maxWatchedSets = 16

// sourceExts are the files a source folder's walk reads.
var sourceExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt"}

// Check reads the Extra sources now: the error names the first missing or
// unreadable one.
func (s *Sources) Check(maxSize int64) error {
	for _, p := range s.Extra {
		stamp := ""
		if s.Watch {
			stamp = stampOf(p)
		}
		if _, err := s.read(p, maxSize, stamp); err != nil {
			return err
		}
	}
	return nil
}

// For returns the index of the sources of the article at path (data, in
// format) under cfg: Extra, cfg.SourcePaths and its front matter's, nil
// when there are none. The error names a source that is missing or
// unreadable.
func (s *Sources) For(cfg *linter.Config, path string, data []byte, format markup.Format) (*source.Index, error) {
	paths := slices.Clone(s.Extra)
	named := cfg.SourcePaths
	if format == markup.Markdown {
		for _, p := range source.FrontMatter(data) {
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			named = append(named, p)
		}
	}
	for _, p := range named {
		if real, top, out := outsideRepository(path, p); out {
			return nil, fmt.Errorf("source %s leads to %s, outside the repository %s: not read (give it with --source to use it)", p, real, top)
		}
	}
	paths = append(paths, named...)
	if len(paths) == 0 {
		return nil, nil
	}
	// Each source once, by its absolute path; read and reported by the
	// path as given.
	keys := make([]string, 0, len(paths))
	given := make([]string, 0, len(paths))
	for _, p := range paths {
		k := filepath.Clean(p)
		if abs, err := filepath.Abs(p); err == nil {
			k = abs
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			given = append(given, filepath.Clean(p))
		}
	}
	key := strings.Join(keys, "\x00")
	var stamps []string
	setStamp := ""
	if s.Watch {
		stamps = make([]string, len(given))
		for i, p := range given {
			stamps[i] = stampOf(p)
		}
		setStamp = strings.Join(stamps, "\x00")
	}
	s.mu.Lock()
	if s.sets == nil {
		s.sets = map[string]*sourceSet{}
	}
	set := s.sets[key]
	if set == nil || set.stamp != setStamp {
		if s.Watch && set == nil && len(s.sets) >= maxWatchedSets {
			for k := range s.sets {
				delete(s.sets, k) // any one: the map stays bounded
				break
			}
			// And the files read: only a saving for sets that share
			// them, which are read again if they are needed again.
			clear(s.files)
		}
		set = &sourceSet{stamp: setStamp}
		s.sets[key] = set
	}
	s.mu.Unlock()
	set.once.Do(func() {
		var all []source.File
		for i, p := range given {
			stamp := ""
			if stamps != nil {
				stamp = stamps[i]
			}
			fs, err := s.read(p, cfg.MaxFileSize, stamp)
			if err != nil {
				set.err = err
				return
			}
			all = append(all, fs...)
		}
		set.idx = source.Build(all)
	})
	if set.err != nil && s.Watch {
		// Tried again at the next For (the file may be put back).
		s.mu.Lock()
		if s.sets[key] == set {
			delete(s.sets, key)
		}
		s.mu.Unlock()
	}
	return set.idx, set.err
}

// Reads is the number of times a source (a file, or a folder walked) has
// been read.
func (s *Sources) Reads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads
}

// outsideRepository reports whether source p, named by an article's front
// matter or its configuration, resolves outside the git work tree that
// holds the article at path: an article or a configuration under review
// must not make newslint read, and quote in its findings, a file elsewhere
// on the machine. It returns where p leads and the work tree's top.
// Outside a work tree, and for a source that is not there (which reading
// reports), it says no.
func outsideRepository(path, p string) (real, top string, out bool) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return "", "", false
	}
	top = config.SearchTop(dir)
	if _, err := os.Lstat(filepath.Join(top, ".git")); err != nil {
		return "", "", false
	}
	real, err = filepath.EvalSymlinks(p)
	if err != nil {
		return "", "", false
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", "", false
	}
	rtop, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", "", false
	}
	if rel, err := filepath.Rel(rtop, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", false
	}
	return real, top, true
}

// stampOf is what a watching session compares to see that a source
// changed: the size and modification time of the file at path, or of
// each file a walk of the folder at path reads, or why it cannot be
// read.
func stampOf(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "error: " + err.Error()
	}
	if !st.IsDir() {
		return fmt.Sprintf("%d %d", st.Size(), st.ModTime().UnixNano())
	}
	var b strings.Builder
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !slices.Contains(sourceExts, strings.ToLower(filepath.Ext(p))) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %d\x00", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "error: " + err.Error()
	}
	return b.String()
}

// read reads the source at path (a file, or a folder walked), once (with
// Watch, once for each stamp).
func (s *Sources) read(path string, maxSize int64, stamp string) ([]source.File, error) {
	key := filepath.Clean(path)
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	s.mu.Lock()
	if s.files == nil {
		s.files = map[string]*sourceFiles{}
	}
	sf := s.files[key]
	if sf == nil || sf.stamp != stamp {
		sf = &sourceFiles{stamp: stamp}
		s.files[key] = sf
	}
	s.mu.Unlock()
	sf.once.Do(func() {
		s.mu.Lock()
		s.reads++
		s.mu.Unlock()
		sf.files, sf.err = s.load(path, maxSize)
	})
	if sf.err != nil && s.Watch {
		s.mu.Lock()
		if s.files[key] == sf {
			delete(s.files, key)
		}
		s.mu.Unlock()
	}
	return sf.files, sf.err
}

func (s *Sources) load(path string, maxSize int64) ([]source.File, error) {
	if maxSize <= 0 {
		maxSize = linter.DefaultMaxFileSize
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("source %s: %w", path, ioError(err))
	}
	if !st.IsDir() {
		f, err := s.readFile(path, maxSize)
		if err != nil || f == nil {
			return nil, err
		}
		return []source.File{*f}, nil
	}
	var out []source.File
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("source %s: %w", p, ioError(err))
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !slices.Contains(sourceExts, strings.ToLower(filepath.Ext(p))) {
			return nil
		}
		f, err := s.readFile(p, maxSize)
		if f != nil {
			out = append(out, *f)
		}
		return err
	})
	return out, err
}

// readFile reads one source file: nil, and Skipped called, for a binary
// one or one over maxSize; an error when it cannot be read.
func (s *Sources) readFile(path string, maxSize int64) (*source.File, error) {
	data, err := safeio.ReadFileSized(path, maxSize, nil)
	var tl *safeio.TooLargeError
	switch {
	case errors.As(err, &tl):
		s.skip(path, fmt.Errorf("%w (max-file-size): not read", err))
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("source %s: %w", path, ioError(err))
	case article.LooksBinary(data):
		s.skip(path, errors.New("binary file (NUL bytes, control characters or mostly not UTF-8): not read"))
		return nil, nil
	}
	text := data
	if f := markup.ForPath(path); f == markup.Markdown || f == markup.HTML {
		// An article: its text with the markup masked, every offset kept.
		a, _ := markup.Parse(path, data, f)
		text = a.Src.Bytes
	}
	return &source.File{Path: path, Text: text, Format: source.FormatOf(path, data)}, nil
}

func (s *Sources) skip(path string, err error) {
	if s.Skipped != nil {
		s.Skipped(path, err)
	}
}
