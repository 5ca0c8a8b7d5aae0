package engine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
)

// Target is one thing to lint: a path, or data read from standard input
// (Stdin set) reported under Path.
type Target struct {
	Path  string
	Data  []byte
	Stdin bool
	// Err is set when the target could not even be listed.
	Err error
	// Format is the input format; nil chooses by the path's extension.
	Format *markup.Format
}

// Collect expands paths into targets: files stay files, directories are
// walked for the files markup.Lintable accepts (hidden directories
// skipped), and "-" is standard input, read as format when that is not nil.
// Problems become targets with Err set, so that they are reported with the
// rest.
func Collect(paths []string, stdin io.Reader, stdinName string, format *markup.Format) []Target {
	var out []Target
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			t := Target{Path: stdinName, Data: data, Stdin: true, Format: format}
			if err != nil {
				t.Err = fmt.Errorf("cannot read standard input: %w", err)
			}
			out = append(out, t)
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			out = append(out, Target{Path: p, Err: ioError(err)})
		case !st.IsDir():
			out = append(out, Target{Path: p})
		default:
			out = append(out, walk(p)...)
		}
	}
	return out
}

// walk lists the lintable files under dir.
func walk(dir string) []Target {
	var out []Target
	found := 0
	walkErr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, Target{Path: path, Err: ioError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if markup.Lintable(d.Name()) {
			found++
			out = append(out, Target{Path: path})
		}
		return nil
	})
	if walkErr != nil {
		out = append(out, Target{Path: dir, Err: ioError(walkErr)})
	} else if found == 0 {
		out = append(out, Target{Path: dir, Err: errors.New("directory holds no .txt, .md, .markdown, .html or .htm file")})
	}
	return out
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
// that says why, what cannot be linted: an unreadable file, one over
// max-file-size, or a binary one.
func (l *Linter) Read(t Target) ([]byte, markup.Format, error) {
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
	data := t.Data
	if !t.Stdin {
		var err error
		if data, err = readLimited(t.Path, limit); err != nil {
			return nil, format, err
		}
	} else if int64(len(data)) > limit {
		return nil, format, fmt.Errorf("input is %d bytes, over the limit of %d bytes (max-file-size)", len(data), limit)
	}
	if article.LooksBinary(data) {
		return nil, format, errors.New("binary file (NUL bytes or mostly invalid UTF-8): not linted")
	}
	return data, format, nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ioError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, ioError(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the limit of %d bytes (max-file-size)", st.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, ioError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the limit of %d bytes (max-file-size)", limit)
	}
	return data, nil
}
