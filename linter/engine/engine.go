// Package engine lints files: it reads each target in its format, builds
// the article and people models once, hands them to every enabled rule,
// applies inline suppressions and returns sorted findings. Files are linted
// concurrently; one file's failure never stops the others.
//
// Never imports: rules, format, inspect, cmd/newslint.
package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
	"golang.org/x/sync/semaphore"
)

// Linter runs a set of rules under a configuration.
type Linter struct {
	Rules  []*linter.Rule
	Config *linter.Config
	// ReportUnusedSuppressions adds a finding for each inline directive that
	// suppresses nothing.
	ReportUnusedSuppressions bool
	// KeepSource keeps each file's bytes in its result (for --fix and
	// --diff); otherwise nothing of a file outlives its linting, so memory
	// stays flat however many files are linted.
	KeepSource bool
	// MaxBytesInFlight bounds the bytes of the files being linted at once
	// (0: DefaultBytesInFlight). The model takes several times a file's
	// size, so eight workers on eight big files would take eight times
	// that; a file larger than the bound is linted alone.
	MaxBytesInFlight int64
	// Sized, when set, is called with the size of each file measured as
	// it is read (Target.Size -1), before it is read: from the workers,
	// at once.
	Sized func(int64)
	// Linted, when set, is called after each target is linted (for a
	// progress line), from the workers.
	Linted func()
	// Sources reads the sources quotations are checked against, each
	// once in a run (shared by the Linters of every configuration); nil
	// reads those of each article afresh.
	Sources *Sources
}

// DefaultBytesInFlight is the default MaxBytesInFlight: one 10 MB file
// and a few ordinary articles, or hundreds of ordinary articles, at once.
const DefaultBytesInFlight = 16 << 20

// File is one article read in its format and analysed: what every rule's
// pass sees.
type File struct {
	Doc     markup.Document
	Article *article.Article
	People  *people.Model
}

// ModelError is a failure while reading an article into the model.
type ModelError struct{ Value any }

func (e *ModelError) Error() string {
	return fmt.Sprintf("internal error while reading the article: %v (please report this with the article)", e.Value)
}

// LintTargets lints every target concurrently and returns one result per
// target, sorted by path.
func (l *Linter) LintTargets(targets []Target) []linter.FileResult {
	results := make([]linter.FileResult, len(targets))
	l.each(targets, func(i int, tl *Linter, sized func(int64)) {
		results[i] = tl.lintTarget(targets[i], sized)
	})
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	return results
}

// each calls work for every target, from GOMAXPROCS workers, each target
// under its configuration's Linter and weighed against MaxBytesInFlight:
// work is called with sized when the target's size is measured as it is
// read (to be passed to the read), else with nil, its weight held already.
func (l *Linter) each(targets []Target, work func(i int, tl *Linter, sized func(int64))) {
	workers := min(runtime.GOMAXPROCS(0), len(targets))
	budget := l.bytesInFlight()
	inFlight := semaphore.NewWeighted(budget)
	// Each worker takes the next target by counting, not from a channel:
	// thousands of small files would otherwise cost a hand-off (and often
	// a thread's wake-up) each.
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(targets) {
					return
				}
				l.weighed(targets[i], inFlight, budget, func(tl *Linter, sized func(int64)) { work(i, tl, sized) })
			}
		}()
	}
	wg.Wait()
}

// bytesInFlight is MaxBytesInFlight, or its default.
func (l *Linter) bytesInFlight() int64 {
	if l.MaxBytesInFlight > 0 {
		return l.MaxBytesInFlight
	}
	return DefaultBytesInFlight
}

// weighed calls work for target t under its configuration's Linter, t's
// weight held against inFlight while it runs: at once when t's size is
// known (work gets sized nil), else as it is read (work passes sized to
// the read). Then it counts t as done (Linted).
func (l *Linter) weighed(t Target, inFlight *semaphore.Weighted, budget int64, work func(tl *Linter, sized func(int64))) {
	w := &weighing{l: l, sem: inFlight, budget: budget}
	tl := l.forTarget(t)
	var sized func(int64)
	if t.Size >= 0 || t.Stdin || t.Err != nil {
		w.acquire(tl.weight(t))
	} else {
		sized = w.measured
	}
	work(tl, sized)
	w.release()
	if l.Linted != nil {
		l.Linted()
	}
}

// weighing holds a target's weight against MaxBytesInFlight: acquired
// before the file is read, at once when its size is known, else once it
// is measured (measured, called back by the read).
type weighing struct {
	l      *Linter
	sem    *semaphore.Weighted
	budget int64
	held   int64
}

func (w *weighing) acquire(size int64) {
	w.held = min(max(1, size), w.budget)
	_ = w.sem.Acquire(context.Background(), w.held) // cannot fail: no deadline
}

func (w *weighing) measured(size int64) {
	if w.l.Sized != nil {
		w.l.Sized(size)
	}
	w.acquire(size)
}

func (w *weighing) release() {
	if w.held > 0 {
		w.sem.Release(w.held)
	}
}

// weight is what a target counts against MaxBytesInFlight: its size on
// disk (at least 1), or the size limit for standard input.
func (l *Linter) weight(t Target) int64 {
	switch {
	case t.Err != nil:
		return 1
	case t.Stdin && t.Data == nil:
		return l.config().MaxFileSize
	case t.Stdin:
		return max(1, int64(len(t.Data)))
	}
	return max(1, t.Size)
}

func (l *Linter) lintTarget(t Target, sized func(int64)) linter.FileResult {
	_, res := l.lintTargetFile(t, sized)
	return res
}

// lintTargetFile is lintTarget, also returning the analysed file (nil
// when it could not be read or analysed). For a file decoded from UTF-16
// or a legacy encoding, the file's text is the decoded text, while the
// findings' offsets point into the file as it is on disk (their lines and
// columns are the same in both).
func (l *Linter) lintTargetFile(t Target, sized func(int64)) (f *File, res linter.FileResult) {
	res = linter.FileResult{Path: t.Path, Stdin: t.Stdin}
	data, format, err := l.read(t, sized)
	if err != nil {
		res.Err = err
		return nil, res
	}
	dec := decode(data)
	if dec == nil {
		f, res.Findings, res.Err = l.LintFile(t.Path, data, format)
		if l.KeepSource {
			res.Source = data
		}
		return f, res
	}
	if len(dec.text) > article.MaxSource {
		// A legacy encoding grows up to three times as UTF-8: past what
		// the article model holds, a clear error, not a crash.
		res.Err = fmt.Errorf("%s: the file decodes to %d bytes of UTF-8, more than the %d an article may have", t.Path, len(dec.text), article.MaxSource)
		return nil, res
	}
	// UTF-16 or a legacy encoding: the model reads the text as UTF-8, and
	// the positions go back into the file. No source is kept: fixes are
	// not applied to such a file.
	f, res.Findings, res.Err = l.LintFile(t.Path, dec.text, format)
	if dec.legacy {
		res.Findings = append(res.Findings, dec.finding())
		linter.SortFindings(res.Findings)
	}
	dec.remap(res.Findings)
	return f, res
}

func (l *Linter) config() *linter.Config {
	if l.Config == nil {
		return linter.DefaultConfig(l.Rules)
	}
	return l.Config
}

// Analyse reads data in its format and builds the article and people
// models, as linting does.
func (l *Linter) Analyse(path string, data []byte, format markup.Format) *File {
	a, doc := markup.Parse(path, data, format)
	return &File{Doc: doc, Article: a, People: people.Analyse(a, l.config().People)}
}

// Lint analyses data and runs every enabled rule on it. A rule that fails
// is reported in the returned error (a *linter.RuleError, or several
// joined); the other rules still run. A failure while reading the article
// is a *ModelError.
func (l *Linter) Lint(path string, data []byte, format markup.Format) (findings []linter.Finding, err error) {
	_, findings, err = l.LintFile(path, data, format)
	return findings, err
}

// LintFile is Lint, and also returns the analysed file (for an editor's
// hover), nil when reading the article failed.
func (l *Linter) LintFile(path string, data []byte, format markup.Format) (f *File, findings []linter.Finding, err error) {
	defer func() {
		if v := recover(); v != nil {
			f, findings, err = nil, nil, &ModelError{v}
		}
	}()
	cfg := l.config()
	f = l.Analyse(path, data, format)
	unit := &linter.Unit{Article: f.Article, People: f.People, Config: cfg}
	if format == markup.HTML || format == markup.Markdown {
		orig := f.Article.Orig.Bytes
		unit.Widen = func(s article.Span) article.Span { return markup.WidenToEntities(orig, s) }
	}
	srcs := l.Sources
	if srcs == nil {
		srcs = &Sources{}
	}
	if unit.Sources, err = srcs.For(cfg, path, data, format); err != nil {
		return f, nil, err
	}
	sp := l.suppression(f)
	if sp != nil {
		unit.Keep = sp.keep
	}
	var errs []error
	skipEnglish := l.skipsEnglish(cfg, f.Article)
	for _, r := range l.Rules {
		rc := cfg.For(r)
		if !rc.Enabled || r.ReadsEnglish && skipEnglish {
			continue
		}
		fs, err := unit.Run(r, rc)
		if err != nil && !slices.ContainsFunc(errs, func(e error) bool { return e.Error() == err.Error() }) {
			errs = append(errs, err) // once: two rules that read the name authority fail alike
		}
		findings = append(findings, fs...)
	}
	linter.SortFindings(findings)
	findings = l.unused(sp, findings)
	return f, findings, errors.Join(errs...)
}

// skipsEnglish reports whether the rules that read English are skipped on
// a: it is clearly in another language, and the language rule, which says
// so, is enabled (disabling it runs every rule on every article).
func (l *Linter) skipsEnglish(cfg *linter.Config, a *article.Article) bool {
	if a.Language.English() {
		return false
	}
	for _, r := range l.Rules {
		if r.Name == linter.LanguageName {
			return cfg.For(r).Enabled
		}
	}
	return false
}
