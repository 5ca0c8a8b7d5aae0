// Package format writes lint results in newslint's output formats, one file
// a format (text, json, sarif, github, rdjsonl, checkstyle), all behind the
// one Formatter interface.
//
// Never imports: rules, inspect, cmd/newslint, internal/ruletest.
package format

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newslint/newslint/linter"
)

// Formatter writes results in one output format.
type Formatter interface {
	Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error
}

// Options are what the CI formats need beyond the results.
type Options struct {
	// BaseDir is the directory paths are made relative to (the repository
	// root in CI); "" keeps paths as given.
	BaseDir  string
	ToolName string
	// StepSummary is the GitHub job summary file ($GITHUB_STEP_SUMMARY),
	// to which the github format writes every finding; "" writes none.
	StepSummary    string
	Version        string
	InformationURI string
}

var constructors = map[string]func(Options) Formatter{
	"text":       func(Options) Formatter { return Text{} },
	"json":       func(Options) Formatter { return JSON{} },
	"sarif":      func(o Options) Formatter { return SARIF{o} },
	"github":     func(o Options) Formatter { return GitHub{o} },
	"rdjsonl":    func(o Options) Formatter { return RDJSONL{o} },
	"checkstyle": func(o Options) Formatter { return Checkstyle{o} },
}

// New returns the formatter for a --format name.
func New(name string, opts Options) (Formatter, error) {
	if opts.ToolName == "" {
		opts.ToolName = "newslint"
	}
	if c, ok := constructors[name]; ok {
		return c(opts), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
}

// UsesBaseDir reports whether the format writes paths relative to
// Options.BaseDir (SARIF and GitHub annotations): finding the repository's
// top level takes a git process, which the other formats do not wait for.
func UsesBaseDir(name string) bool { return name == "sarif" || name == "github" }

// Names lists the output formats, sorted.
func Names() []string {
	names := make([]string, 0, len(constructors))
	for n := range constructors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// relPath makes path relative to base with forward slashes when it lies
// inside base.
func relPath(base, path string) string {
	if base == "" {
		return filepath.ToSlash(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// level names a severity as a CI format does: error, warning, and
// infoName for info ("note" in SARIF, "notice" in GitHub annotations).
func level(s linter.Severity, infoName string) string {
	if s == linter.Info {
		return infoName
	}
	return s.String()
}

// errText is the message of a file's error, or "".
func errText(r linter.FileResult) string {
	if r.Err == nil {
		return ""
	}
	return r.Err.Error()
}
