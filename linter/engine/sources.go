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

	mu    sync.Mutex
	files map[string]*sourceFiles
	sets  map[string]*sourceSet
}

type sourceFiles struct {
	once  sync.Once
	files []source.File
	err   error
}

type sourceSet struct {
	once sync.Once
	idx  *source.Index
	err  error
}

// sourceExts are the files a source folder's walk reads.
var sourceExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt"}

// Check reads the Extra sources now: the error names the first missing or
// unreadable one.
func (s *Sources) Check(maxSize int64) error {
	for _, p := range s.Extra {
		if _, err := s.read(p, maxSize); err != nil {
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
	paths = append(paths, cfg.SourcePaths...)
	if format == markup.Markdown {
		for _, p := range source.FrontMatter(data) {
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			paths = append(paths, p)
		}
	}
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
	s.mu.Lock()
	if s.sets == nil {
		s.sets = map[string]*sourceSet{}
	}
	set := s.sets[key]
	if set == nil {
		set = &sourceSet{}
		s.sets[key] = set
	}
	s.mu.Unlock()
	set.once.Do(func() {
		var all []source.File
		for _, p := range given {
			fs, err := s.read(p, cfg.MaxFileSize)
			if err != nil {
				set.err = err
				return
			}
			all = append(all, fs...)
		}
		set.idx = source.Build(all)
	})
	return set.idx, set.err
}

// read reads the source at path (a file, or a folder walked), once.
func (s *Sources) read(path string, maxSize int64) ([]source.File, error) {
	key := filepath.Clean(path)
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	s.mu.Lock()
	if s.files == nil {
		s.files = map[string]*sourceFiles{}
	}
	sf := s.files[key]
	if sf == nil {
		sf = &sourceFiles{}
		s.files[key] = sf
	}
	s.mu.Unlock()
	sf.once.Do(func() { sf.files, sf.err = s.load(path, maxSize) })
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
