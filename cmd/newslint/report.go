package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/format"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
)

// newslint archive report: the corrections report for a standards editor.
// Every article under the paths is linted as a plain run lints it; of the
// findings, those that are probably errors in published copy are kept
// (reportKinds), ranked by confidence, and written with the article's date,
// a short context, the evidence and the correction, after the counts per
// kind and per year.

// reportKind is a rule whose findings the report keeps, with the
// confidence of a finding whose rule does not give one
// (linter.Finding.Confidence): the rule's precision measured on
// published copy (README, "The corrections report").
type reportKind struct {
	rule string
	// confidence is the default confidence of the rule's findings.
	confidence float64
	// archiveOnly keeps only the findings the rule makes from a name
	// authority (title-consistency: a title changed inside one article
	// is most often a promotion reported, not an error).
	archiveOnly bool
	// archiveConfidence, when not 0, is the default confidence of the
	// rule's findings made from a name authority.
	archiveConfidence float64
}

// reportKinds are the kinds of finding the report keeps, in the order its
// summary lists them. Not kept: quote-balance (typography, not a fact),
// language, number-consistency (figures are revised between versions of
// a story), unintroduced-person (style), and the engine's own findings.
var reportKinds = []reportKind{
	{rule: "name-spelling", confidence: 0.84, archiveConfidence: 0.75},
	{rule: "title-consistency", confidence: 0.5, archiveOnly: true},
	{rule: "quote-attribution", confidence: 0.3},
	{rule: "pronoun-consistency", confidence: 0.2},
}

// fromArchive reports whether f was made from a name authority (issue 22,
// item 3): the rules mark those (linter.Pass.FromArchive).
func fromArchive(f *linter.Finding) bool { return f.Archive }

// reportFormats are the values of --format for archive report.
var reportFormats = []string{"markdown", "json", "csv"}

// reportEntry is one finding of the report.
type reportEntry struct {
	Rank       int            `json:"rank"`
	Confidence float64        `json:"confidence"`
	Path       string         `json:"path"`
	Line       int            `json:"line"`
	Column     int            `json:"column"`
	EndLine    int            `json:"endLine"`
	EndColumn  int            `json:"endColumn"`
	Rule       string         `json:"rule"`
	Archive    bool           `json:"archive"`
	Severity   string         `json:"severity"`
	Date       string         `json:"date"`
	Message    string         `json:"message"`
	Correction string         `json:"correction"`
	Context    string         `json:"context"`
	Evidence   []reportRelate `json:"evidence"`
	// before, text and after are Context cut around the finding's text
	// (for the Markdown report, which marks it).
	before, text, after string
	offset              int
}

// reportRelate is a piece of evidence elsewhere in the article.
type reportRelate struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// reportCount is a row of the counts per kind.
type reportCount struct {
	Kind     string `json:"kind"`
	Findings int    `json:"findings"`
}

// reportYear is a row of the counts per year.
type reportYear struct {
	Year     string `json:"year"`
	Articles int    `json:"articles"`
	Findings int    `json:"findings"`
}

// reportSummary is what the report counts.
type reportSummary struct {
	Articles   int           `json:"articles"`
	Dated      int           `json:"datedArticles"`
	Unreadable int           `json:"unreadable"`
	Findings   int           `json:"findings"`
	Listed     int           `json:"listed"`
	PerKind    []reportCount `json:"perKind"`
	PerYear    []reportYear  `json:"perYear"`
}

// reportJSON is what archive report --format json writes.
type reportJSON struct {
	Version  int            `json:"version"`
	Summary  reportSummary  `json:"summary"`
	Findings []*reportEntry `json:"findings"`
}

// undated is the year of the articles that give no date.
const undated = "undated"

// reportCollector gathers the kept findings of the files linted, from the
// linter's workers.
type reportCollector struct {
	mu       sync.Mutex
	entries  []*reportEntry
	articles map[string]int // by year
	messages []fileMessage
	failed   int
}

// add keeps what the report needs of one file: its kept findings (with
// their context, cut from the file's text while it is there) and its
// year. Nothing of the file itself is held.
func (c *reportCollector) add(t engine.Target, f *engine.File, res linter.FileResult) {
	var kept []*reportEntry
	year := undated
	if f != nil {
		if d := f.Article.Date; len(d) >= 4 {
			year = d[:4]
		}
		for i := range res.Findings {
			if e := reportEntryOf(t.Path, f, &res.Findings[i]); e != nil {
				kept = append(kept, e)
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if res.Err != nil {
		c.failed++
		c.messages = append(c.messages, fileMessage{t.Path, res.Err.Error()})
	}
	if f != nil {
		c.articles[strings.Clone(year)]++
		c.entries = append(c.entries, kept...)
	}
}

// reportEntryOf is the report's entry for finding fd of file f at path,
// or nil when the report does not keep it.
func reportEntryOf(path string, f *engine.File, fd *linter.Finding) *reportEntry {
	archived := fromArchive(fd)
	k := slices.IndexFunc(reportKinds, func(k reportKind) bool { return k.rule == fd.Rule })
	if k < 0 || reportKinds[k].archiveOnly && !archived {
		return nil
	}
	kind := reportKinds[k]
	confidence := fd.Confidence
	if confidence <= 0 {
		confidence = kind.confidence
		if archived && kind.archiveConfidence > 0 {
			confidence = kind.archiveConfidence
		}
	}
	src := f.Article.Orig
	start, end := offsetOf(src, fd.Start), offsetOf(src, fd.End)
	e := &reportEntry{
		Confidence: confidence, Path: path, Rule: fd.Rule, Archive: archived, Severity: fd.Severity.String(),
		Line: fd.Start.Line, Column: fd.Start.Column, EndLine: fd.End.Line, EndColumn: fd.End.Column,
		Date: strings.Clone(f.Article.Date), Message: strings.Clone(fd.Message), Evidence: []reportRelate{},
		offset: start,
	}
	e.before, e.text, e.after = lineContext(src, start, end)
	e.Context = e.before + e.text + e.after
	if len(fd.Suggestions) > 0 {
		e.Correction = correctionOf(src, start, end, fd.Suggestions[0].Edits)
	}
	for _, r := range fd.Related {
		e.Evidence = append(e.Evidence, reportRelate{r.Start.Line, r.Start.Column, strings.Clone(r.Message)})
	}
	return e
}

// offsetOf is the offset of p in src: p.Offset, unless the file was
// decoded (UTF-16, a legacy encoding) and p.Offset points into its bytes
// on disk; then the offset in src of p's line and column, found by binary
// search (positions grow with offsets).
func offsetOf(src *article.Source, p article.Position) int {
	if p.Offset >= 0 && p.Offset <= src.Len() {
		if q := src.Position(p.Offset); q.Line == p.Line && q.Column == p.Column {
			return p.Offset
		}
	}
	return sort.Search(src.Len(), func(off int) bool {
		q := src.Position(off)
		return q.Line > p.Line || q.Line == p.Line && q.Column >= p.Column
	})
}

// contextRunes is how much of a finding's line the report quotes on
// either side of it, and at most of the finding's own text.
const contextRunes = 60

// lineContext cuts the line of src around [start, end): at most
// contextRunes characters before and after, "…" where the line goes on,
// and the finding's text (up to the line's end, at most contextRunes
// characters). Each is a copy, not a slice of the article.
func lineContext(src *article.Source, start, end int) (before, text, after string) {
	b := src.Bytes
	isBreak := func(c byte) bool { return c == '\n' || c == '\r' }
	from := start
	for n := 0; from > src.Start && !isBreak(b[from-1]); n++ {
		if n == contextRunes {
			before = "…"
			break
		}
		_, size := utf8.DecodeLastRune(b[src.Start:from])
		from -= size
	}
	if before != "" {
		// Cut at a word's start, not inside a word.
		if k := bytes.IndexAny(b[from:start], " \t"); k >= 0 {
			from += k
		}
	}
	before += strings.TrimLeft(string(b[from:start]), " \t")
	to := start
	for n := 0; to < end && to < len(b) && !isBreak(b[to]) && n < contextRunes; n++ {
		_, size := utf8.DecodeRune(b[to:])
		to += size
	}
	text = string(b[start:to])
	last := to
	for n := 0; last < len(b) && !isBreak(b[last]); n++ {
		if n == contextRunes {
			after = "…"
			break
		}
		_, size := utf8.DecodeRune(b[last:])
		last += size
	}
	if after != "" {
		// Cut at a word's end, not inside a word.
		if k := bytes.LastIndexAny(b[to:last], " \t"); k > 0 {
			last = to + k
		}
	}
	after = strings.TrimRight(string(b[to:last]), " \t") + after
	return before, text, after
}

// correctionOf is the finding's text [start, end) with the edits of its
// first suggestion made: the corrected text ("Kenosha"), even where an
// edit changes only some letters of a word that holds markup. Edits that
// stray far outside the finding give their new text alone.
func correctionOf(src *article.Source, start, end int, edits []linter.Edit) string {
	type edit struct {
		start, end int
		text       string
	}
	var es []edit
	from, to := start, end
	for _, e := range edits {
		s, t := offsetOf(src, e.Start), offsetOf(src, e.End)
		if t < s {
			s, t = t, s
		}
		es = append(es, edit{s, t, e.NewText})
		from, to = min(from, s), max(to, t)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
	if to-from > 4*contextRunes {
		var b strings.Builder
		for _, e := range es {
			b.WriteString(e.text)
		}
		return b.String()
	}
	var b strings.Builder
	pos := from
	for _, e := range es {
		if e.start < pos {
			continue // overlapping edits: the first wins, as --fix does
		}
		b.Write(src.Bytes[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.Write(src.Bytes[pos:to])
	return b.String()
}

// archiveReport writes the corrections report of the articles at paths.
func archiveReport(paths []string, o archiveOptions, fs *flag.FlagSet, all []*linter.Rule, stdout, stderr io.Writer) int {
	start := time.Now()
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if !given["format"] {
		o.format = "markdown"
	}
	if !slices.Contains(reportFormats, o.format) {
		sayf(stderr, "--format: archive report writes %s, not %q", strings.Join(reportFormats, ", "), o.format)
		return exitError
	}
	top := -1 // all
	if given["top"] {
		if o.top < 0 {
			sayf(stderr, "--top: want a number from 0")
			return exitError
		}
		top = o.top
	}
	if len(paths) == 0 {
		sayf(stderr, "usage: newslint archive report PATH... [--archive NAMES.nla] [--format markdown|json|csv] [-o FILE]")
		return exitError
	}
	for _, p := range paths {
		if p == "-" {
			sayf(stderr, "archive report: articles are read from files and directories, not from standard input")
			return exitError
		}
	}
	set := config.NewSet(newslint.DefaultConfig, all, o.config)
	if o.archive != "" {
		// Every configuration's authority, as --archive in a plain run.
		if err := set.UseArchive(o.archive); err != nil {
			sayf(stderr, "--archive: %v", err)
			return exitError
		}
	}
	cfg, err := set.Base()
	if err != nil {
		sayf(stderr, "config: %v", err)
		return exitError
	}
	walk := engine.WalkOptions{FollowLinks: o.followLinks}
	if o.verbose {
		walk.SkippedLink = func(link, target string) {
			sayf(stderr, "symbolic link %s not followed: it leads to %s, outside the directories named (--follow-links follows it)", link, target)
		}
	}
	uncapped := uncappedConfigs(set)
	targets, err := engine.CollectWith(paths, nil, "", nil, uncapped, walk)
	if err != nil {
		sayf(stderr, "config: %v", err)
		return exitError
	}
	var out *safeio.Atomic
	if o.output != "" {
		// Opened before the long part: a report that cannot be written
		// is known at once.
		if out, err = safeio.CreateAtomic(o.output); err != nil {
			sayf(stderr, "%s: %v", o.output, err)
			return exitError
		}
		safeio.RemoveTempsOnSignal()
		defer out.Abort()
	}
	l := &engine.Linter{Rules: all, Config: uncappedCopy(cfg)}
	var bar *progressBar
	if !o.quiet && isTerminal(stderr) {
		bar = startProgressBar(stderr, len(targets))
		l.Linted = bar.linted
	}
	c := &reportCollector{articles: map[string]int{}}
	l.LintEach(targets, c.add)
	if bar != nil {
		bar.end()
	}
	sort.SliceStable(c.messages, func(i, j int) bool { return c.messages[i].path < c.messages[j].path })
	for _, m := range c.messages {
		sayf(stderr, "%s: %s", m.path, m.text)
	}
	rep := c.report(top)
	var w io.Writer = stdout
	if out != nil {
		w = out
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch o.format {
	case "json":
		err = writeReportJSON(bw, rep)
	case "csv":
		err = writeReportCSV(bw, rep)
	default:
		err = writeReportMarkdown(bw, rep)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && out != nil {
		err = out.Commit()
	}
	if err != nil {
		sayf(stderr, "writing the report: %v", err)
		return exitError
	}
	if !o.quiet {
		s := rep.Summary
		line := fmt.Sprintf("archive report: %s in %s", count(s.Findings, "probable error"), count(s.Articles, "article"))
		if s.Articles > 0 {
			line += fmt.Sprintf(" (%s per 100)", per100(s.Findings, s.Articles))
		}
		if s.Unreadable > 0 {
			line += fmt.Sprintf(", %s not read", count(s.Unreadable, "file"))
		}
		if o.output != "" {
			line += ", written to " + o.output
		}
		sayf(stderr, "%s, in %.1f s", line, time.Since(start).Seconds())
	}
	if c.failed > 0 {
		return exitError
	}
	return exitOK
}

// uncappedConfigs gives each directory its configuration as linting does,
// with max-same-issues off: a report lists every probable error, not the
// first fifty of a kind in an article. One copy per configuration, so
// that the walk's per-configuration caches still hold.
func uncappedConfigs(set *config.Set) engine.ConfigFunc {
	copies := map[*linter.Config]*linter.Config{}
	return func(dir string) (*linter.Config, error) {
		cfg, err := set.For(dir)
		if err != nil || cfg == nil {
			return cfg, err
		}
		c, ok := copies[cfg]
		if !ok {
			c = uncappedCopy(cfg)
			copies[cfg] = c
		}
		return c, nil
	}
}

func uncappedCopy(cfg *linter.Config) *linter.Config {
	c := *cfg
	c.MaxSameIssues = 0
	return &c
}

// report ranks the kept findings, strongest first (then by path and
// position, so that the report is the same on every run), numbers them,
// counts them and keeps the top (all when top < 0).
func (c *reportCollector) report(top int) *reportJSON {
	sort.SliceStable(c.entries, func(i, j int) bool {
		a, b := c.entries[i], c.entries[j]
		switch {
		case a.Confidence != b.Confidence:
			return a.Confidence > b.Confidence
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.offset != b.offset:
			return a.offset < b.offset
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	rep := &reportJSON{Version: 1, Findings: c.entries}
	s := &rep.Summary
	s.Unreadable = c.failed
	s.Findings = len(c.entries)
	perKind := map[string]int{}
	perYear := map[string]*reportYear{}
	for year, n := range c.articles {
		perYear[year] = &reportYear{Year: year, Articles: n}
		s.Articles += n
		if year != undated {
			s.Dated += n
		}
	}
	for i, e := range c.entries {
		e.Rank = i + 1
		e.Confidence = math.Round(e.Confidence*1000) / 1000
		perKind[kindOf(e)]++
		year := undated
		if len(e.Date) >= 4 {
			year = e.Date[:4]
		}
		perYear[year].Findings++
	}
	for _, k := range reportKinds {
		if !k.archiveOnly {
			s.PerKind = append(s.PerKind, reportCount{k.rule, perKind[k.rule]})
		}
		if k.archiveOnly || k.archiveConfidence > 0 {
			s.PerKind = append(s.PerKind, reportCount{k.rule + " (archive)", perKind[k.rule+" (archive)"]})
		}
	}
	for _, y := range perYear {
		s.PerYear = append(s.PerYear, *y)
	}
	slices.SortFunc(s.PerYear, func(a, b reportYear) int {
		if (a.Year == undated) != (b.Year == undated) {
			if a.Year == undated {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Year, b.Year)
	})
	if s.PerYear == nil {
		s.PerYear = []reportYear{}
	}
	if top >= 0 && top < len(rep.Findings) {
		clear(rep.Findings[top:])
		rep.Findings = rep.Findings[:top]
	}
	if rep.Findings == nil {
		rep.Findings = []*reportEntry{}
	}
	s.Listed = len(rep.Findings)
	return rep
}

// kindOf is the kind an entry is counted under: its rule, "(archive)"
// when made from a name authority.
func kindOf(e *reportEntry) string {
	if e.Archive {
		return e.Rule + " (archive)"
	}
	return e.Rule
}

// per100 is n per 100 of total, with one decimal.
func per100(n, total int) string {
	if total == 0 {
		return "0"
	}
	return strconv.FormatFloat(100*float64(n)/float64(total), 'f', 1, 64)
}

func writeReportJSON(w io.Writer, rep *reportJSON) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// reportCSVHeader names the columns of archive report --format csv.
var reportCSVHeader = []string{"rank", "confidence", "path", "line", "column", "rule", "archive", "date",
	"message", "correction", "context", "evidence"}

// writeReportCSV writes one row per finding (RFC 4180), after a header.
func writeReportCSV(w io.Writer, rep *reportJSON) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(reportCSVHeader); err != nil {
		return err
	}
	for _, e := range rep.Findings {
		var ev []string
		for _, r := range e.Evidence {
			ev = append(ev, fmt.Sprintf("line %d: %s", r.Line, r.Message))
		}
		if err := cw.Write([]string{strconv.Itoa(e.Rank), confidenceText(e.Confidence), e.Path,
			strconv.Itoa(e.Line), strconv.Itoa(e.Column), e.Rule, strconv.FormatBool(e.Archive), e.Date,
			e.Message, e.Correction, e.Context, strings.Join(ev, "; ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func confidenceText(c float64) string { return strconv.FormatFloat(c, 'f', 2, 64) }

// writeReportMarkdown writes the report for people: the counts per kind
// and per year as tables, then the findings strongest first, each with
// its place, the line it is on (the finding in bold), the evidence and
// the correction.
func writeReportMarkdown(w io.Writer, rep *reportJSON) error {
	bw := &errWriter{w: w}
	s := rep.Summary
	bw.printf("# Corrections report\n\n")
	bw.printf("%s checked", count(s.Articles, "article"))
	if s.Articles > 0 {
		bw.printf(" (%s dated)", thousandsOf(s.Dated))
	}
	if s.Unreadable > 0 {
		bw.printf(", %s could not be read", count(s.Unreadable, "file"))
	}
	bw.printf(": %s", count(s.Findings, "probable published error"))
	if s.Listed < s.Findings {
		bw.printf(", the strongest %s listed", thousandsOf(s.Listed))
	}
	bw.printf(".\n\n## Per kind\n\n| Kind | Findings |\n|---|---:|\n")
	for _, k := range s.PerKind {
		bw.printf("| %s | %s |\n", k.Kind, thousandsOf(k.Findings))
	}
	bw.printf("\n## Per year\n\n| Year | Articles | Findings | Per 100 articles |\n|---|---:|---:|---:|\n")
	for _, y := range s.PerYear {
		bw.printf("| %s | %s | %s | %s |\n", mdEscape(y.Year), thousandsOf(y.Articles), thousandsOf(y.Findings), per100(y.Findings, y.Articles))
	}
	bw.printf("\n## Findings, strongest first\n")
	if len(rep.Findings) == 0 {
		bw.printf("\nNone.\n")
	}
	for _, e := range rep.Findings {
		bw.printf("\n%d. %s:%d:%d — %s", e.Rank, mdEscape(e.Path), e.Line, e.Column, e.Rule)
		if e.Archive {
			bw.printf(" (archive)")
		}
		bw.printf(", confidence %s", confidenceText(e.Confidence))
		if e.Date != "" {
			bw.printf(", %s", mdEscape(e.Date))
		}
		bw.printf("\n\n   > %s**%s**%s\n\n   %s", mdLineStart(mdEscape(e.before)), mdEscape(e.text), mdEscape(e.after), mdEscape(sentence(e.Message)))
		if e.Correction != "" {
			bw.printf(" Correction: **%s**.", mdEscape(e.Correction))
		}
		for _, r := range e.Evidence {
			bw.printf(" Line %d: %s", r.Line, mdEscape(sentence(r.Message)))
		}
		bw.printf("\n")
	}
	return bw.err
}

// sentence is s ending in a full stop (or the mark it ends in).
func sentence(s string) string {
	s = strings.TrimRight(s, " ")
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// errWriter keeps the first error of a run of writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(layout string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, layout, args...)
	}
}

// mdEscaper escapes what Markdown would read as markup inside a line of
// text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `&`, `\&`)

// mdEscape is s made one visible line (control characters as escapes)
// that Markdown shows as it is.
func mdEscape(s string) string { return mdEscaper.Replace(format.Visible(s)) }

// mdLineStart escapes what Markdown would read as a block's start at the
// start of a line: a heading, a list item, a rule.
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '+', '-', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// progressBar is the bar a report draws on a terminal: files done of
// the total, and how many a second, redrawn every progressEvery (ten
// times a second) once the run has lasted progressDelay.
type progressBar struct {
	*progress
	start time.Time
}

// startProgressBar starts the bar of a run over total files on w.
func startProgressBar(w io.Writer, total int) *progressBar {
	b := &progressBar{progress: &progress{w: w, total: total, stop: make(chan struct{}), ended: make(chan struct{})}, start: time.Now()}
	if progressDelay <= 0 {
		b.draw()
	}
	go b.run()
	return b
}

func (b *progressBar) run() {
	defer close(b.ended)
	if !b.shown {
		delay := time.NewTimer(progressDelay)
		defer delay.Stop()
		select {
		case <-b.stop:
			return
		case <-delay.C:
		}
		b.draw()
	}
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	for {
		select {
		case <-b.stop:
			fmt.Fprint(b.w, "\r\x1b[K")
			return
		case <-tick.C:
			b.draw()
		}
	}
}

// barWidth is the width of the bar, in characters.
const barWidth = 24

func (b *progressBar) draw() {
	b.shown = true
	done := int(b.done.Load())
	filled := barWidth
	if b.total > 0 {
		filled = min(barWidth, done*barWidth/b.total)
	}
	rate := ""
	if s := time.Since(b.start).Seconds(); s >= 0.1 {
		rate = fmt.Sprintf(", %.0f files/s", float64(done)/s)
	}
	fmt.Fprintf(b.w, "\r\x1b[Knewslint: [%s%s] %s of %s files%s", strings.Repeat("#", filled), strings.Repeat("-", barWidth-filled),
		thousandsOf(done), thousandsOf(b.total), rate)
}
