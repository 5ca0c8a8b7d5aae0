package linter

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Linter runs a set of rules under a configuration.
type Linter struct {
	Rules  []*Rule
	Config *Config
	// ReportUnusedSuppressions adds a finding for each inline directive that
	// suppresses nothing.
	ReportUnusedSuppressions bool
	// KeepSource keeps each file's bytes in its result (for --fix and
	// --diff); otherwise nothing of a file outlives its linting, so memory
	// stays flat however many files are linted.
	KeepSource bool
}

// FileResult is what linting one file gave: its findings and, when the file
// could not be linted (or a rule failed on it), an error.
type FileResult struct {
	Path     string
	Findings []Finding
	Err      string
	// Source is the file's bytes, kept only with Linter.KeepSource.
	Source []byte
}

// Target is one thing to lint: a path, or data read from standard input
// (Data set) reported under Path.
type Target struct {
	Path  string
	Data  []byte
	Stdin bool
	// Err is set when the target could not even be listed.
	Err string
	// Format is the input format; nil chooses by the path's extension.
	Format *InputFormat
}

// LintableExt reports whether a file name has an extension newslint reads
// when walking a directory.
func LintableExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// Collect expands paths into targets: files stay files, directories are
// walked for .txt, .md and .markdown files (hidden directories skipped), and
// "-" is standard input. Problems become targets with Err set, so that they
// are reported with the rest.
func Collect(paths []string, stdin io.Reader, stdinName string) []Target {
	var out []Target
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			t := Target{Path: stdinName, Data: data, Stdin: true}
			if err != nil {
				t.Err = "cannot read standard input: " + err.Error()
			}
			out = append(out, t)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, Target{Path: p, Err: describeIOError(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, Target{Path: p})
			continue
		}
		found := 0
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, Target{Path: path, Err: describeIOError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if LintableExt(d.Name()) {
				found++
				out = append(out, Target{Path: path})
			}
			return nil
		})
		if walkErr != nil {
			out = append(out, Target{Path: p, Err: describeIOError(walkErr)})
		} else if found == 0 {
			out = append(out, Target{Path: p, Err: "directory holds no .txt, .md, .markdown, .html or .htm file"})
		}
	}
	return out
}

func describeIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: cannot read"
	}
	return err.Error()
}

// LintTargets lints every target concurrently and returns one result per
// target, sorted by path.
func (l *Linter) LintTargets(targets []Target) []FileResult {
	results := make([]FileResult, len(targets))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(targets) {
		workers = len(targets)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = l.lintTarget(targets[i])
			}
		}()
	}
	for i := range targets {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	return results
}

func (l *Linter) lintTarget(t Target) FileResult {
	res := FileResult{Path: t.Path}
	if t.Err != "" {
		res.Err = t.Err
		return res
	}
	data, format, err := l.Read(t)
	if err != nil {
		res.Err = err.Error()
		return res
	}
	var a *Article
	res.Findings, a, res.Err = l.LintFormat(t.Path, data, format)
	if a != nil {
		a.Release()
	}
	if l.KeepSource {
		res.Source = data
	}
	return res
}

// Read returns a target's text and input format, refusing, with an error
// that says why, what cannot be linted: an unreadable file, one over
// max-file-size, or a binary one.
func (l *Linter) Read(t Target) ([]byte, InputFormat, error) {
	format := FormatForPath(t.Path)
	if t.Format != nil {
		format = *t.Format
	}
	if t.Err != "" {
		return nil, format, errors.New(t.Err)
	}
	data := t.Data
	if !t.Stdin {
		var err error
		if data, err = readLimited(t.Path, l.maxSize()); err != nil {
			return nil, format, err
		}
	} else if int64(len(data)) > l.maxSize() {
		return nil, format, fmt.Errorf("input is %d bytes, over the limit of %d bytes (max-file-size)", len(data), l.maxSize())
	}
	if LooksBinary(data) {
		return nil, format, errors.New("binary file (NUL bytes or mostly invalid UTF-8): not linted")
	}
	return data, format, nil
}

func (l *Linter) maxSize() int64 {
	if l.Config != nil && l.Config.MaxFileSize > 0 {
		return l.Config.MaxFileSize
	}
	return DefaultMaxFileSize
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New(describeIOError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, errors.New(describeIOError(err))
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the limit of %d bytes (max-file-size)", st.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, errors.New(describeIOError(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the limit of %d bytes (max-file-size)", limit)
	}
	return data, nil
}

// Lint parses data and runs every enabled rule on it. A rule that panics is
// reported in the returned error string; the other rules still run.
func (l *Linter) Lint(path string, data []byte) ([]Finding, *Article, string) {
	return l.LintFormat(path, data, FormatForPath(path))
}

// LintFormat is Lint for an input of the given format. A failure while
// reading the article is reported as an internal error for that file, as
// a failing rule is.
func (l *Linter) LintFormat(path string, data []byte, format InputFormat) (findings []Finding, a *Article, errMsg string) {
	defer func() {
		if v := recover(); v != nil {
			findings, a = nil, nil
			errMsg = fmt.Sprintf("internal error while reading the article: %v (please report this with the article)", v)
		}
	}()
	return l.lintFormat(path, data, format)
}

func (l *Linter) lintFormat(path string, data []byte, format InputFormat) ([]Finding, *Article, string) {
	cfg := l.Config
	if cfg == nil {
		cfg = DefaultConfig(l.Rules)
	}
	a := ParseFormat(path, data, format, cfg)
	var findings []Finding
	var errs []string
	for _, r := range l.Rules {
		rc := l.ruleConfig(r)
		if !rc.Enabled {
			continue
		}
		p := &Pass{Article: a, Rule: r, Config: cfg, Options: rc.Options, severity: rc.Severity}
		if err := runRule(p); err != "" {
			errs = append(errs, err)
		}
		findings = append(findings, p.findings...)
	}
	SortFindings(findings)
	if len(a.Comments) > 0 {
		known := make(map[string]bool, len(l.Rules))
		for _, r := range l.Rules {
			known[r.Name] = true
		}
		findings = applySuppressions(a, findings, known, l.ReportUnusedSuppressions)
	}
	return findings, a, strings.Join(errs, "; ")
}

func (l *Linter) ruleConfig(r *Rule) *RuleConfig {
	if l.Config != nil {
		if rc := l.Config.Rules[r.Name]; rc != nil {
			return rc
		}
	}
	return &RuleConfig{Enabled: true, Severity: r.Severity, Options: r.Options}
}

func runRule(p *Pass) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			p.findings = nil
			msg = fmt.Sprintf("internal error in rule %s: %v (please report this with the article)", p.Rule.Name, v)
		}
	}()
	p.Rule.Run(p)
	return ""
}
