// Command newslint is an editorial fact-consistency linter for news
// articles.
//
//	newslint [flags] PATH...       lint files and directories ("-" reads stdin)
//	newslint rules                 list the rules
//	newslint explain RULE          explain a rule
//	newslint inspect [flags] FILE  show what newslint understood of an article
//	newslint lsp                   a language server (LSP 3.17) on stdio
//
// Exit status: 0 when no finding is at or above --fail-severity, 1 when some
// is, 2 for usage, configuration or input errors.
//
// This package holds flags, files and exit codes; the work is done by
// linter/engine, rules, format, inspect and lsp.
//
// Never imports: internal/ruletest.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/format"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
	"github.com/newslint/newslint/lsp"
	"github.com/newslint/newslint/rules"
)

const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	// Ordinary articles leave little live heap (a few MB), so collecting
	// seldom (GOGC 400) saves a third of the CPU time, and a soft limit of
	// 26 MB makes the collector work harder only as the heap nears it:
	// the whole development set peaks under 32 MB. A big file or the
	// language server changes both (see tuneGC). GOGC and GOMEMLIMIT in
	// the environment still win.
	setGC(400, smallHeapLimit)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// smallHeapLimit is the soft memory limit for ordinary articles;
// bigHeapLimit the one for big files and the language server, whose
// models are larger than a small limit and would make the collector run
// without end.
const (
	smallHeapLimit = 26 << 20
	bigHeapLimit   = 1 << 30
)

// setGC sets the collector's percentage and soft memory limit, unless the
// environment sets them.
func setGC(percent int, limit int64) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}

// bigFile is the size from which a file's model dominates the heap.
const bigFile = 1 << 20

// tuneGC collects more often when a big file is to be linted (or standard
// input, whose size is not known): the model of a 10 MB article is about
// 130 MB, and letting the heap grow to five times that before collecting,
// as suits many small articles, would make the peak far larger than the
// work needs; the small soft limit is lifted, which such a model passes.
// A file found in a directory is measured as it is read: the linter calls
// back then, before the file is read. GOGC and GOMEMLIMIT in the
// environment still win.
func tuneGC(l *engine.Linter, targets []engine.Target) {
	var big sync.Once
	bigGC := func() { big.Do(func() { setGC(25, bigHeapLimit) }) }
	for _, t := range targets {
		if t.Stdin && t.Data == nil || t.Size >= bigFile {
			bigGC()
			return
		}
	}
	l.Sized = func(size int64) {
		if size >= bigFile {
			bigGC()
		}
	}
}

type options struct {
	format        string
	config        string
	stdinFilename string
	minSeverity   string
	failSeverity  string
	version       bool
	fix           bool
	diff          bool
	inputFormat   string
	reportUnused  bool
	newFromRev    string
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newslint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(format.Names(), ", "))
	fs.StringVar(&o.config, "config", "", "configuration file (default: the first newslint.toml or .newslint.toml found from the current directory up, else the built-in defaults)")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "<stdin>", "path to report for standard input (\"-\")")
	fs.StringVar(&o.minSeverity, "min-severity", "info", "show only findings at or above this severity (info, warning, error)")
	fs.StringVar(&o.failSeverity, "fail-severity", "warning", "exit 1 when a finding is at or above this severity")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.inputFormat, "input-format", "", "input format of standard input: text, markdown or html (default: from --stdin-filename's extension)")
	fs.BoolVar(&o.reportUnused, "report-unused-suppressions", false, "report newslint-disable directives that suppress nothing")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since the git revision REV")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the files in place, then report what is left")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff instead of the findings")
	// Usage is printed by run: to stdout when asked for, to stderr after
	// a usage error.
	fs.Usage = func() {}
	return fs
}

// printUsage writes the usage and the flags to w.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, `usage: newslint [flags] PATH...
       newslint rules
       newslint explain RULE
       newslint inspect [--format text|json] FILE
       newslint lsp                   a language server on stdin and stdout
       newslint help | version

Lints news articles. A directory is walked for .txt, .md, .markdown, .html
and .htm files (hidden directories skipped); any file named on the command
line is linted (by its extension: Markdown, HTML, else plain text); "-"
reads standard input. Exit status: 0 clean, 1 findings at or above
--fail-severity, 2 usage, configuration or input errors.

flags:
`)
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// parseArgs parses flags wherever they stand among the positional
// arguments; "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet(&o, stderr)
	pos, err := parseArgs(fs, args)
	if err == flag.ErrHelp {
		printUsage(stdout, fs)
		return exitOK
	}
	if err != nil {
		printUsage(stderr, fs) // the flag package has said what was wrong
		return exitError
	}
	if o.version {
		fmt.Fprintf(stdout, "newslint %s\n", versionLine())
		return exitOK
	}
	if len(pos) == 0 {
		printUsage(stderr, fs)
		return exitError
	}
	all := rules.All()
	switch pos[0] {
	case "rules":
		return listRules(stdout, all)
	case "explain":
		if len(pos) != 2 {
			fmt.Fprintln(stderr, "newslint: usage: newslint explain RULE")
			return exitError
		}
		return explainRule(stdout, stderr, pos[1])
	case "inspect":
		return inspectFile(pos[1:], o, stdin, stdout, stderr, all)
	case "version":
		fmt.Fprintf(stdout, "newslint %s\n", versionLine())
		return exitOK
	case "lsp":
		if len(pos) == 1 {
			setGC(100, bigHeapLimit) // long-running, documents of any size
			return lsp.Serve(stdin, stdout, lsp.Options{Rules: all, Defaults: newslint.DefaultConfig, Version: version()})
		}
	case "help":
		if len(pos) == 1 {
			printUsage(stdout, fs)
			return exitOK
		}
	}
	return lint(pos, o, stdin, stdout, stderr, all)
}

// settings are the flags of a lint run, checked and parsed.
type settings struct {
	formatter    format.Formatter
	stdinFormat  *markup.Format
	minSeverity  linter.Severity
	failSeverity linter.Severity
	config       *linter.Config
}

// check parses and checks the flags of a lint run; the error names the
// flag.
func (o options) check(all []*linter.Rule) (settings, error) {
	var s settings
	var err error
	if o.fix && o.diff {
		return s, errors.New("--fix and --diff cannot be used together")
	}
	if s.formatter, err = format.New(o.format, format.Options{
		BaseDir: baseDir(), Version: version(), InformationURI: newslint.InformationURI,
		StepSummary: os.Getenv("GITHUB_STEP_SUMMARY"),
	}); err != nil {
		return s, err
	}
	if s.stdinFormat, err = o.inputFormatFlag(); err != nil {
		return s, err
	}
	if s.minSeverity, err = linter.ParseSeverity(o.minSeverity); err != nil {
		return s, fmt.Errorf("--min-severity: %w", err)
	}
	if s.failSeverity, err = linter.ParseSeverity(o.failSeverity); err != nil {
		return s, fmt.Errorf("--fail-severity: %w", err)
	}
	if s.config, err = loadConfig(o.config, all); err != nil {
		return s, fmt.Errorf("config: %w", err)
	}
	return s, nil
}

// inputFormatFlag parses --input-format (nil when not given).
func (o options) inputFormatFlag() (*markup.Format, error) {
	if o.inputFormat == "" {
		return nil, nil
	}
	f, err := markup.ParseFormat(o.inputFormat)
	if err != nil {
		return nil, fmt.Errorf("--input-format: %w", err)
	}
	return &f, nil
}

// lint lints the paths and writes the results.
func lint(paths []string, o options, stdin io.Reader, stdout, stderr io.Writer, all []*linter.Rule) int {
	s, err := o.check(all)
	if err != nil {
		fmt.Fprintf(stderr, "newslint: %v\n", err)
		return exitError
	}
	fixStdin := o.fix && slices.Contains(paths, "-")
	if fixStdin && len(paths) > 1 {
		fmt.Fprintln(stderr, "newslint: --fix with standard input (\"-\") takes no other path: the fixed text is written to standard output")
		return exitError
	}
	if o.fix {
		safeio.RemoveTempsOnSignal()
	}
	l := &engine.Linter{Rules: all, Config: s.config, KeepSource: o.fix || o.diff, ReportUnusedSuppressions: o.reportUnused}
	targets := engine.Collect(paths, stdin, o.stdinFilename, s.stdinFormat)
	tuneGC(l, targets)
	results := l.LintTargets(targets)
	if o.newFromRev != "" {
		if err := keepChangedLines(results, o.newFromRev); err != nil {
			fmt.Fprintf(stderr, "newslint: --new-from-rev: %v\n", err)
			return exitError
		}
	}
	if o.diff {
		return printDiffs(results, stdout, stderr)
	}
	if o.fix {
		if err := applyFixes(results, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "newslint: writing output: %v\n", err)
			return exitError
		}
		if fixStdin {
			// Standard output holds the fixed article; what is left to
			// report goes to standard error.
			stdout = stderr
		}
	}
	code := filterSeverities(results, s.minSeverity, s.failSeverity)
	if err := write(stdout, s.formatter, results, all); err != nil {
		fmt.Fprintf(stderr, "newslint: writing output: %v\n", err)
		return exitError
	}
	if o.format != "text" {
		// Machine formats carry the errors; say them on stderr for people too.
		for _, r := range results {
			if r.Err != nil {
				fmt.Fprintf(stderr, "newslint: %s: %s\n", r.Path, r.Err)
			}
		}
	}
	return code
}

// filterSeverities drops findings below min and returns the exit status:
// 2 when a file could not be linted, 1 when a finding is at or above fail.
func filterSeverities(results []linter.FileResult, min, fail linter.Severity) int {
	code := exitOK
	for i := range results {
		r := &results[i]
		kept := r.Findings[:0]
		for _, f := range r.Findings {
			if f.Severity >= min {
				kept = append(kept, f)
			}
			if f.Severity >= fail && code == exitOK {
				code = exitFindings
			}
		}
		r.Findings = kept
	}
	for _, r := range results {
		if r.Err != nil {
			code = exitError
		}
	}
	return code
}

func write(stdout io.Writer, f format.Formatter, results []linter.FileResult, all []*linter.Rule) error {
	w := bufio.NewWriter(stdout)
	if err := f.Format(w, results, all); err != nil {
		return err
	}
	return w.Flush()
}

func loadConfig(path string, all []*linter.Rule) (*linter.Config, error) {
	if path == "" {
		path = config.Find(".")
	}
	return config.Load(newslint.DefaultConfig, path, all)
}

func listRules(w io.Writer, all []*linter.Rule) int {
	width := 0
	for _, r := range all {
		if len(r.Name) > width {
			width = len(r.Name)
		}
	}
	for _, r := range all {
		fmt.Fprintf(w, "%-*s  %-7s  %s\n", width, r.Name, r.Severity, r.Doc)
	}
	return exitOK
}

func explainRule(stdout, stderr io.Writer, name string) int {
	r := rules.Lookup(name)
	for _, er := range linter.EngineRules() {
		if r == nil && er.Name == name {
			r = er
		}
	}
	if r == nil {
		fmt.Fprintf(stderr, "newslint: unknown rule %q (newslint rules lists them)\n", name)
		return exitError
	}
	fmt.Fprintf(stdout, "%s (default severity: %s)\n\n%s\n", r.Name, r.Severity, r.Doc)
	if r.Explain != "" {
		fmt.Fprintf(stdout, "\n%s\n", r.Explain)
	}
	if len(r.Options) > 0 {
		fmt.Fprintln(stdout, "\nOptions (in [rules."+r.Name+"]):")
		for _, k := range r.OptionNames() {
			fmt.Fprintf(stdout, "  %s = %s\n", k, tomlValue(r.Option(k).Default()))
		}
	}
	return exitOK
}

// tomlValue writes an option's default as it is written in config.toml.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// version is the module version newslint was built as (v1.2.3 when
// installed with go install …@v1.2.3), or the source's version for a
// build from a checkout.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return newslint.Version + "-devel"
}

// versionLine is the version with the VCS revision and time the binary was
// built from, when the build recorded them: what a CI log needs to say
// which newslint ran.
func versionLine() string {
	v := version()
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, at, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %s, %s%s)", rev[:min(12, len(rev))], at, modified)
	}
	return v + ", " + info.GoVersion
}
