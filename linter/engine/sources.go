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

	mu       sync.Mutex
	outsides map[string]outsideOf // by article folder and source
	files    map[string]*sourceFiles
	sets     map[string]*sourceSet
	reads    int
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
		if real, top, out := s.outside(path, p); out {
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
		forget(&s.mu, s.sets, key, set) // tried again at the next For (the file may be put back)
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

// outside is config.OutsideRepository for source p named for the article
// at path, worked out once per folder of articles and source in a run (a
// run's articles mostly share both); every time in a watching session,
// where a link may change.
func (s *Sources) outside(path, p string) (real, top string, out bool) {
	if s.Watch {
		return config.OutsideRepository(path, p)
	}
	key := filepath.Dir(path) + "\x00" + p
	s.mu.Lock()
	o, ok := s.outsides[key]
	s.mu.Unlock()
	if !ok {
		o.real, o.top, o.out = config.OutsideRepository(path, p)
		s.mu.Lock()
		if s.outsides == nil {
			s.outsides = map[string]outsideOf{}
		}
		s.outsides[key] = o
		s.mu.Unlock()
	}
	return o.real, o.top, o.out
}

// outsideOf is what config.OutsideRepository said of a source.
type outsideOf struct {
	real, top string
	out       bool
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
	err = walkSources(path, func(p string, d fs.DirEntry) error {
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
		forget(&s.mu, s.files, key, sf)
	}
	return sf.files, sf.err
}

// forget removes m[key] under mu if it is still v (a failed read, to be
// tried again; another For may have replaced it already).
func forget[V comparable](mu *sync.Mutex, m map[string]V, key string, v V) {
	mu.Lock()
	if m[key] == v {
		delete(m, key)
	}
	mu.Unlock()
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
	var walkErr *sourceWalkError
	err = walkSources(path, func(p string, d fs.DirEntry) error {
		f, err := s.readFile(p, maxSize)
		if f != nil {
			out = append(out, *f)
		}
		return err
	})
	if errors.As(err, &walkErr) {
		err = fmt.Errorf("source %s: %w", walkErr.path, ioError(walkErr.err))
	}
	return out, err
}

// walkSources calls fn with each file a source folder's walk reads: the
// regular files with a source's extension (sourceExts), not hidden nor in
// a hidden folder. An error of the walk itself is a *sourceWalkError.
func walkSources(root string, fn func(p string, d fs.DirEntry) error) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &sourceWalkError{p, err}
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !slices.Contains(sourceExts, strings.ToLower(filepath.Ext(p))) {
			return nil
		}
		return fn(p, d)
	})
}

// sourceWalkError is a folder of sources that could not be walked.
type sourceWalkError struct {
	path string
	err  error
}

func (e *sourceWalkError) Error() string { return e.err.Error() }
func (e *sourceWalkError) Unwrap() error { return e.err }

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
