// Command newslint is an editorial fact-consistency linter for news
// articles.
//
//	newslint [flags] PATH...       lint files and directories ("-" reads stdin)
//	newslint rules                 list the rules
//	newslint explain RULE          explain a rule
//	newslint inspect [flags] FILE  show what newslint understood of an article
//	newslint archive SUBCOMMAND    a name authority learned from an archive
//	newslint lsp                   a language server (LSP 3.17) on stdio
//
// Exit status: 0 when no finding is at or above --fail-severity (with --fix,
// no finding left; with --exit-zero, always), 1 when some is, 2 for usage,
// configuration or input errors.
//
// This package holds flags, files and exit codes; the work is done by
// linter/engine, rules, format, inspect and lsp.
//
// Never imports: internal/ruletest.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

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
	// the whole development set peaks under 32 MB. A big file, a model
	// that outgrows the small limit (see watchHeap) or the language
	// server changes both (see tuneGC). GOGC and GOMEMLIMIT in
	// the environment still win.
	setGC(400, smallHeapLimit)
	watchHeap() // a model that outgrows the small limit lifts it (gc.go)
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
	archive       string
	sources       pathList
	stdinFilename string
	minSeverity   string
	failSeverity  string
	version       bool
	fix           bool
	diff          bool
	inputFormat   string
	reportUnused  bool
	newFromRev    string
	enable        ruleList
	disable       ruleList
	exitZero      bool
	quiet         bool
	color         string
	followLinks   bool
	verbose       bool
	maxSame       maxSameFlag
}

// maxSameFlag is --max-same-issues: a count from 0, when given.
type maxSameFlag struct {
	set bool
	n   int
}

func (f *maxSameFlag) String() string {
	if !f.set {
		return ""
	}
	return strconv.Itoa(f.n)
}

func (f *maxSameFlag) Set(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > config.MaxSameIssues {
		return fmt.Errorf("want a number from 0 (no cap) to %d", config.MaxSameIssues)
	}
	f.set, f.n = true, n
	return nil
}

// pathList is a repeatable flag of paths (--source).
type pathList []string

func (l *pathList) String() string { return strings.Join(*l, ",") }

func (l *pathList) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("want a file or a folder")
	}
	*l = append(*l, v)
	return nil
}

// ruleList is a repeatable flag of rule names, each value one name or a
// comma-separated list.
type ruleList []string

func (l *ruleList) String() string { return strings.Join(*l, ",") }

func (l *ruleList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*l = append(*l, name)
		}
	}
	return nil
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newslint", flag.ContinueOnError)
	fs.SetOutput(visibleLines{stderr}) // an unknown flag is echoed as given
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(format.Names(), ", "))
	fs.StringVar(&o.config, "config", "", "configuration file for every file (default: for each file, the first newslint.toml or .newslint.toml found from its directory up to its repository root or the home directory, else the built-in defaults)")
	fs.StringVar(&o.archive, "archive", "", "name authority `FILE` (newslint archive build) to check names and titles against, for every file (default: [archive] path in each file's configuration)")
	fs.Var(&o.sources, "source", "check quotations against the transcripts, captions (SRT, WebVTT), statements or stories at `PATH`, a file or a folder walked (repeatable; rule quote-fidelity)")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "<stdin>", "path to report for standard input (\"-\")")
	fs.StringVar(&o.minSeverity, "min-severity", "info", "show, and fix, only findings at or above this severity (info, warning, error)")
	fs.StringVar(&o.failSeverity, "fail-severity", "warning", "exit 1 when a finding is at or above this severity")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.inputFormat, "input-format", "", "input format of standard input: text, markdown or html (default: from --stdin-filename's extension, else html when it looks like HTML, else text)")
	fs.BoolVar(&o.reportUnused, "report-unused-suppressions", false, "report newslint-disable directives that suppress nothing")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since the git revision REV")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the files in place, then report what is left")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff, and what they do not fix to standard error (text output only)")
	fs.Var(&o.enable, "enable", "run `RULE` even if the configuration turns it off (repeatable, or a comma-separated list)")
	fs.Var(&o.disable, "disable", "do not run `RULE` (repeatable, or a comma-separated list)")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when there are findings (usage and file errors still exit 2)")
	fs.BoolVar(&o.quiet, "quiet", false, "print no summary line and no progress line on standard error")
	fs.StringVar(&o.color, "color", "auto", "colour text output `WHEN`: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&o.followLinks, "follow-links", false, "in directory walks, follow symbolic links that lead out of the directories named too (default: only those whose target is inside one)")
	fs.Var(&o.maxSame, "max-same-issues", "show at most `N` findings of one rule per file, the first in the text, and one finding, of their severity, counting the rest; 0 shows all (default: max-same-issues in the configuration, 50)")
	fs.BoolVar(&o.verbose, "verbose", false, "say on standard error which configuration applies to the files, and each symbolic link a walk does not follow")
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
       newslint inspect [--format text|json] [--source PATH] FILE
       newslint archive build|add|merge|info ...
                                      a name authority learned from an archive
                                      (newslint archive help)
       newslint archive report PATH...
                                      the corrections report of an archive
       newslint lsp                   a language server on stdin and stdout
       newslint help | version

Lints news articles. A directory is walked for .txt, .md, .markdown, .html
and .htm files (hidden directories, what git ignores and what exclude in
newslint.toml names skipped; links out of the directories named not
followed); any file named on the command
line is linted (by its extension: Markdown, HTML, else plain text); "-"
reads standard input. Exit status: 0 clean, 1 findings at or above
--fail-severity (also with --fix and --diff; never with --exit-zero), 2
usage, configuration or input errors.

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
	if len(args) > 0 && args[0] == "archive" {
		// Its own subcommands and flags (-o): see archive.go.
		return runArchive(args[1:], rules.All(), stdout, stderr)
	}
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
			sayf(stderr, "usage: newslint explain RULE")
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
	// configs gives each file its configuration (config is --config, or
	// the defaults, for a target that has none).
	configs engine.ConfigFunc
	// disabled are the rules --disable names, whose findings (the
	// engine's own included) are dropped.
	disabled map[string]bool
	// capAfter is max-same-issues when --new-from-rev filters findings
	// after linting: the cap is applied after the filter, so that old
	// findings do not crowd out new ones.
	capAfter int
	// reportUnused is --report-unused-suppressions, or --enable
	// unused-suppression.
	reportUnused bool
}

// check parses and checks the flags of a lint run; the error names the
// flag.
func (o options) check(all []*linter.Rule) (settings, error) {
	var s settings
	var err error
	if o.fix && o.diff {
		return s, errors.New("--fix and --diff cannot be used together")
	}
	if o.diff && o.format != "text" {
		// The JSON (and SARIF, rdjsonl) output carries every fix already,
		// as suggestions; a diff in it would break its readers.
		return s, fmt.Errorf("--diff prints a unified diff and cannot be combined with --format %s (the %s output carries each fix as a suggestion; apply them with --fix)", o.format, o.format)
	}
	if !slices.Contains(colorModes, o.color) {
		return s, fmt.Errorf("--color: unknown value %q (want %s)", o.color, strings.Join(colorModes, ", "))
	}
	base := ""
	if format.UsesBaseDir(o.format) {
		base = baseDir() // a git process: only for the formats that need it
	}
	if s.formatter, err = format.New(o.format, format.Options{
		BaseDir: base, Version: version(), InformationURI: newslint.InformationURI,
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
	set := config.NewSet(newslint.DefaultConfig, all, o.config)
	if o.archive != "" {
		if err := set.UseArchive(o.archive); err != nil {
			return s, fmt.Errorf("--archive: %w", err)
		}
	}
	if s.config, err = set.Base(); err != nil {
		return s, fmt.Errorf("config: %w", err)
	}
	if err := o.applyRuleFlags(&s, all); err != nil {
		return s, err
	}
	s.configs = o.configsFor(set, all)
	return s, nil
}

// applyRuleFlags checks the rules --enable and --disable name and turns
// them on or off in the configuration. The engine's own findings
// (unused-suppression, encoding) can be disabled too, and
// unused-suppression enabled.
func (o options) applyRuleFlags(s *settings, all []*linter.Rule) error {
	known := map[string]*linter.Rule{}
	for _, r := range all {
		known[r.Name] = r
	}
	engineRules := map[string]bool{}
	for _, r := range linter.EngineRules() {
		engineRules[r.Name] = true
	}
	for _, flag := range []struct {
		name  string
		rules ruleList
	}{{"--enable", o.enable}, {"--disable", o.disable}} {
		for _, name := range flag.rules {
			if known[name] == nil && !engineRules[name] {
				return fmt.Errorf("%s: unknown rule %q (newslint rules lists them)", flag.name, name)
			}
		}
	}
	for _, name := range o.enable {
		if slices.Contains(o.disable, name) {
			return fmt.Errorf("--enable and --disable both name %q", name)
		}
	}
	s.reportUnused = o.reportUnused || slices.Contains(o.enable, linter.UnusedSuppressionName)
	s.disabled = map[string]bool{}
	for _, name := range o.disable {
		s.disabled[name] = true
	}
	setEnabled(s.config, known, o.enable, true)
	setEnabled(s.config, known, o.disable, false)
	if o.newFromRev != "" {
		s.capAfter = s.config.MaxSameIssues
		if o.maxSame.set {
			s.capAfter = o.maxSame.n
		}
	}
	o.setMaxSame(s.config)
	return nil
}

// setMaxSame applies --max-same-issues, when given, to c. With
// --new-from-rev nothing is capped while linting: the findings on changed
// lines are capped once picked (settings.capAfter).
func (o options) setMaxSame(c *linter.Config) {
	if o.maxSame.set {
		c.MaxSameIssues = o.maxSame.n
	}
	if o.newFromRev != "" {
		c.MaxSameIssues = 0
	}
}

// setEnabled turns the named rules on or off in c.
func setEnabled(c *linter.Config, known map[string]*linter.Rule, names []string, on bool) {
	for _, name := range names {
		r := known[name]
		if r == nil {
			continue // the engine's own: see settings.disabled
		}
		rc := *c.For(r)
		rc.Enabled = on
		if c.Rules == nil {
			c.Rules = map[string]*linter.RuleConfig{}
		}
		c.Rules[name] = &rc
	}
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
		sayf(stderr, "%v", err)
		return exitError
	}
	fixStdin := o.fix && slices.Contains(paths, "-")
	if fixStdin && len(paths) > 1 {
		sayf(stderr, "--fix with standard input (\"-\") takes no other path: the fixed text is written to standard output")
		return exitError
	}
	if o.newFromRev != "" {
		if err := checkRevision(paths, o.newFromRev); err != nil {
			sayf(stderr, "--new-from-rev: %v", err)
			return exitError
		}
	}
	if o.fix {
		safeio.RemoveTempsOnSignal()
	}
	l := &engine.Linter{Rules: all, Config: s.config, KeepSource: o.fix || o.diff, ReportUnusedSuppressions: s.reportUnused}
	l.Sources = &engine.Sources{Extra: o.sources, Skipped: func(path string, err error) { sayf(stderr, "source %s: %v", path, err) }}
	if err := l.Sources.Check(s.config.MaxFileSize); err != nil {
		sayf(stderr, "--source: %v", err)
		return exitError
	}
	targets, err := engine.CollectWith(paths, stdin, o.stdinFilename, s.stdinFormat, s.configs, o.walkOptions(stderr))
	if err != nil {
		sayf(stderr, "config: %v", err)
		return exitError
	}
	if o.verbose {
		sayConfigs(stderr, targets)
	}
	if s.stdinFormat == nil {
		sniffStdin(targets, o.stdinFilename)
	}
	var stdinText *bytes.Buffer
	var stdinRest io.Reader // what standard input is read from, for its unread rest
	if fixStdin {
		stdinText, stdinRest = recordStdin(targets)
	}
	tuneGC(l, targets)
	var prog *progress
	if !o.quiet && isTerminal(stderr) {
		prog = startProgress(stderr, len(targets))
		l.Linted = prog.linted
	}
	if st, ok := s.formatter.(format.Streamer); ok && prog == nil && !o.fix && !o.diff && o.newFromRev == "" {
		return streamLint(l, targets, st, o, s, stdout, stderr, all)
	}
	results := l.LintTargets(targets)
	if prog != nil {
		prog.end()
	}
	dropDisabled(results, s.disabled)
	if o.newFromRev != "" {
		if err := keepChangedLines(results, o.newFromRev); err != nil {
			sayf(stderr, "--new-from-rev: %v", err)
			return exitError
		}
		for i := range results {
			results[i].Findings = linter.CapFindings(results[i].Findings, s.capAfter)
		}
	}
	// What is fixed, and what is shown, is what --min-severity lets
	// through; the exit status counts every finding not fixed (a diff
	// fixes nothing), as a plain run counts the hidden ones.
	hidden := dropBelow(results, s.minSeverity)
	code := exitStatus(results, hidden, s.failSeverity)
	report, text := stdout, s.formatter
	colorTo := stdout
	switch {
	case o.diff:
		if err := printDiffs(results, stdout); err != nil {
			sayf(stderr, "writing output: %v", err)
			return exitError
		}
		// Standard output holds the diff; what it does not fix is
		// reported on standard error.
		report, colorTo = stderr, stderr
	case o.fix:
		var in []byte
		if stdinText != nil {
			in = stdinText.Bytes()
		}
		if err := applyFixes(results, in, stdout, stderr); err != nil {
			sayf(stderr, "writing output: %v", err)
			return exitError
		}
		if fixStdin && stdinRest != nil && stdinUnread(results) {
			// Standard input over the size limit: what was read went
			// back out above; the rest follows, so a pipe loses nothing.
			if _, err := io.Copy(stdout, stdinRest); err != nil {
				sayf(stderr, "writing output: %v", err)
				return exitError
			}
		}
		if fixStdin {
			// Standard output holds the fixed article; what is left to
			// report goes to standard error.
			report, colorTo = stderr, stderr
		}
		code = exitStatus(results, hidden, s.failSeverity)
	}
	if o.exitZero && code == exitFindings {
		code = exitOK
	}
	if o.format == "text" {
		text = format.Text{Color: useColor(o.color, colorTo)}
	}
	if err := write(report, text, results, all); err != nil {
		sayf(stderr, "writing output: %v", err)
		return exitError
	}
	if o.format != "text" {
		// Machine formats carry the errors; say them on stderr for people too.
		for _, r := range results {
			if r.Err != nil {
				sayf(stderr, "%s: %s", r.Path, r.Err)
			}
		}
	} else if !o.quiet {
		n := 0
		for _, h := range hidden {
			n += h[linter.Info] + h[linter.Warning] + h[linter.Error]
		}
		fmt.Fprintln(stderr, format.Summary(results, n, useColor(o.color, stderr)))
	}
	return code
}

// streamLint lints the targets and writes each file's results as soon as
// it and the files before it are linted, keeping only what the exit
// status and the summary count: a plain lint run in a format that can be
// written a file at a time (format.Streamer), with nothing that needs
// every result first (--fix, --diff, --new-from-rev, the progress line).
// What it writes, and its exit status, are what the run writes and
// returns holding every result.
func streamLint(l *engine.Linter, targets []engine.Target, st format.Streamer, o options, s settings, stdout, stderr io.Writer, all []*linter.Rule) int {
	if o.format == "text" {
		st = format.Text{Color: useColor(o.color, stdout)}
	}
	w := bufio.NewWriter(stdout)
	fw := st.Stream(w, all)
	var tally format.Tally
	var werr error
	code, hiddenN := exitOK, 0
	l.LintTargetsFunc(targets, func(r linter.FileResult) {
		one := []linter.FileResult{r}
		dropDisabled(one, s.disabled)
		hidden := dropBelow(one, s.minSeverity)
		code = max(code, exitStatus(one, hidden, s.failSeverity))
		hiddenN += hidden[0][linter.Info] + hidden[0][linter.Warning] + hidden[0][linter.Error]
		tally.Add(one[0])
		if werr == nil {
			werr = fw.File(one[0])
		}
		if o.format != "text" && r.Err != nil {
			// Machine formats carry the errors; say them on stderr for
			// people too.
			sayf(stderr, "%s: %s", r.Path, r.Err)
		}
	})
	if werr == nil {
		werr = fw.Close()
	}
	if werr == nil {
		werr = w.Flush()
	}
	if werr != nil {
		sayf(stderr, "writing output: %v", werr)
		return exitError
	}
	if o.exitZero && code == exitFindings {
		code = exitOK
	}
	if o.format == "text" && !o.quiet {
		fmt.Fprintln(stderr, tally.Summary(hiddenN, useColor(o.color, stderr)))
	}
	return code
}

// recordStdin keeps a copy of what is read from standard input, for an
// input whose bytes the linter does not keep (one that is not UTF-8), which
// --fix must still give back.
func recordStdin(targets []engine.Target) (*bytes.Buffer, io.Reader) {
	var buf bytes.Buffer
	var from io.Reader
	for i := range targets {
		if t := &targets[i]; t.Stdin && t.Reader != nil {
			from = t.Reader
			t.Reader = io.TeeReader(t.Reader, &buf)
		}
	}
	return &buf, from
}

// stdinUnread reports whether standard input was left unread in part: it
// could not be linted (over the size limit), so the engine stopped
// reading it.
func stdinUnread(results []linter.FileResult) bool {
	for _, r := range results {
		if r.Stdin && r.Source == nil && r.Err != nil {
			var tl *safeio.TooLargeError
			return errors.As(r.Err, &tl)
		}
	}
	return false
}

// dropDisabled drops the findings of the rules --disable names (the
// engine's own findings, which no configuration turns off, among them).
func dropDisabled(results []linter.FileResult, disabled map[string]bool) {
	if len(disabled) == 0 {
		return
	}
	for i := range results {
		r := &results[i]
		r.Findings = slices.DeleteFunc(r.Findings, func(f linter.Finding) bool { return disabled[f.Rule] })
	}
}

// dropBelow drops the findings below min from results and returns, for
// each result, how many of the dropped ones were of each severity.
func dropBelow(results []linter.FileResult, min linter.Severity) [][linter.Error + 1]int {
	hidden := make([][linter.Error + 1]int, len(results))
	for i := range results {
		r := &results[i]
		r.Findings = slices.DeleteFunc(r.Findings, func(f linter.Finding) bool {
			if f.Severity < min {
				if f.Severity >= linter.Info && f.Severity <= linter.Error {
					hidden[i][f.Severity]++
				}
				return true
			}
			return false
		})
	}
	return hidden
}

// exitStatus is 2 when a file could not be linted, else 1 when a finding
// (shown, or hidden by --min-severity) is at or above fail, else 0.
func exitStatus(results []linter.FileResult, hidden [][linter.Error + 1]int, fail linter.Severity) int {
	code := exitOK
	for i, r := range results {
		if r.Err != nil {
			return exitError
		}
		for _, f := range r.Findings {
			if f.Severity >= fail {
				code = exitFindings
			}
		}
		for sev := fail; sev >= linter.Info && sev <= linter.Error; sev++ {
			if hidden[i][sev] > 0 {
				code = exitFindings
			}
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

// loadConfig loads --config (path), else the configuration nearest file
// (else the built-in defaults), with the name authority --archive names
// (archive), else the one it names.
func loadConfig(path, archive string, all []*linter.Rule, file string) (*linter.Config, error) {
	set := config.NewSet(newslint.DefaultConfig, all, path)
	if archive != "" {
		if err := set.UseArchive(archive); err != nil {
			return nil, fmt.Errorf("--archive: %w", err)
		}
	}
	return set.For(filepath.Dir(file))
}

// configsFor gives the files of each directory their configuration from
// set: --config for every file, else the newslint.toml nearest the
// directory (else the defaults), each file read once, as the language
// server finds it; --enable, --disable and --max-same-issues apply to each.
func (o options) configsFor(set *config.Set, all []*linter.Rule) engine.ConfigFunc {
	known := map[string]*linter.Rule{}
	for _, r := range all {
		known[r.Name] = r
	}
	done := map[*linter.Config]bool{}
	return func(dir string) (*linter.Config, error) {
		c, err := set.For(dir)
		if err == nil && !done[c] {
			done[c] = true
			setEnabled(c, known, o.enable, true)
			setEnabled(c, known, o.disable, false)
			o.setMaxSame(c)
		}
		return c, err
	}
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
		sayf(stderr, "unknown rule %q (newslint rules lists them)", name)
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
