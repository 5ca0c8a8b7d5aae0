package linter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/source"
)

// Severity orders findings by how much they matter.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", name)
}

// Rule is one check. A rule is a plain value: it reads the article model
// handed to it through a Pass and reports findings; it keeps no state.
type Rule struct {
	// Name is the rule's kebab-case ID, used in config, output and
	// suppressions.
	Name string
	// Doc is a one-line description.
	Doc string
	// Explain is the longer explanation printed by `newslint explain`.
	Explain string
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Options are the options the rule reads, with their defaults.
	Options []Option
	// ReadsEnglish marks a rule that reads English (people, quotations,
	// grammar): the engine skips it on an article that is clearly in
	// another language while the language rule is enabled.
	ReadsEnglish bool
	// Run checks one article.
	Run func(*Pass)
}

// LanguageName is the name of the rule that reports an article clearly
// not in English; while it is enabled, the engine skips the rules that
// read English (ReadsEnglish) on such an article.
const LanguageName = "language"

// kebabCase reports whether s is a rule or option name in kebab-case:
// ^[a-z][a-z0-9]*(-[a-z0-9]+)*$, read by hand so that no expression is
// compiled at every start.
func kebabCase(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '-' && i+1 < len(s) && s[i+1] != '-':
		default:
			return false
		}
	}
	return true
}

// Validate checks that a rule is well formed.
func (r *Rule) Validate() error {
	if !kebabCase(r.Name) {
		return fmt.Errorf("rule name %q is not kebab-case", r.Name)
	}
	if r.Doc == "" || r.Run == nil {
		return fmt.Errorf("rule %s needs a Doc and a Run function", r.Name)
	}
	seen := map[string]bool{}
	for _, o := range r.Options {
		switch n := o.Name(); {
		case n == "enabled" || n == "severity":
			return fmt.Errorf("rule %s: option name %s is reserved", r.Name, n)
		case !kebabCase(n):
			return fmt.Errorf("rule %s: option name %q is not kebab-case", r.Name, n)
		case seen[n]:
			return fmt.Errorf("rule %s: option %s declared twice", r.Name, n)
		default:
			seen[n] = true
		}
	}
	return nil
}

// Option returns the rule's option of that name, or nil.
func (r *Rule) Option(name string) Option {
	for _, o := range r.Options {
		if o.Name() == name {
			return o
		}
	}
	return nil
}

// OptionNames lists the rule's option names, sorted.
func (r *Rule) OptionNames() []string {
	names := make([]string, 0, len(r.Options))
	for _, o := range r.Options {
		names = append(names, o.Name())
	}
	sort.Strings(names)
	return names
}

// Edit replaces the bytes between Start and End with NewText.
type Edit struct {
	Start   article.Position `json:"start"`
	End     article.Position `json:"end"`
	NewText string           `json:"newText"`
}

// Suggestion is a proposed fix made of edits that do not overlap.
type Suggestion struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Finding is one reported problem.
type Finding struct {
	Rule        string
	Severity    Severity
	Message     string
	Start, End  article.Position
	Suggestions []Suggestion
	// Related is the evidence elsewhere in the text (the established
	// spelling of a name, the paragraph's reported speaker).
	Related []Related
	// Confidence is how sure the rule is that the finding is a real
	// error, from 0 to 1, when it knows (Pass.ReportConfident); 0 when it
	// does not say. Not written in any output format but newslint archive
	// report's, which ranks findings by it.
	Confidence float64 `json:"-"`
	// Archive marks a finding made from the name authority (Pass.Archive),
	// not from the article alone (Pass.FromArchive). Not written in any
	// output format but newslint archive report's.
	Archive bool `json:"-"`
}

// Related is a place in the text that explains a finding.
type Related struct {
	// File is the file the place is in when it is not the article's (a
	// source quote-fidelity checked a quotation against), else "".
	File    string           `json:"file,omitempty"`
	Start   article.Position `json:"start"`
	End     article.Position `json:"end"`
	Message string           `json:"message"`
}

// Pass hands one article to one rule.
type Pass struct {
	Article *article.Article
	// People is who is who and who said what in the article.
	People *people.Model
	Rule   *Rule
	Config *Config
	// Archive is the newsroom's name authority (Config.Archive): what it
	// has published, to check names and titles against; nil when the
	// configuration names none.
	Archive *archive.Authority
	// Sources is what was said (transcripts, captions, statements,
	// stories: --source, [sources] paths, the article's front matter),
	// indexed once per run, to check quotations against; nil when none
	// is given.
	Sources *source.Index
	// options are the rule's options: its defaults overlaid with the
	// configuration.
	options  map[string]any
	widen    func(article.Span) article.Span
	severity Severity
	findings []Finding
	// fromArchive marks the findings reported as the archive's
	// (FromArchive).
	fromArchive bool
	// err is the error the rule failed with (Fail).
	err error
	// keep, when set, says whether a finding is kept (not suppressed);
	// those it refuses are neither stored nor counted.
	keep func(Finding) bool
	// max is the cap on findings kept (0: none): past 2*max, the findings
	// are sorted and cut to the first max, so memory stays bounded
	// however many are reported; dropped counts those cut, first is the
	// first of them in text order.
	max     int
	dropped int
	first   Finding
}

// Report records a finding over span, with optional suggested fixes.
func (pass *Pass) Report(span article.Span, message string, fixes ...Suggestion) {
	pass.report(span, message, nil, fixes, 0)
}

func (pass *Pass) report(span article.Span, message string, related []Related, fixes []Suggestion, confidence float64) {
	if pass.widen != nil {
		span = pass.widen(span)
	}
	for i, f := range fixes {
		if len(f.Edits) == 0 {
			// A fix Fix refused: keep the others, in a new slice (fixes
			// may be the caller's).
			var kept []Suggestion
			for _, g := range fixes[i:] {
				if len(g.Edits) > 0 {
					kept = append(kept, g)
				}
			}
			fixes = append(fixes[:i:i], kept...)
			break
		}
	}
	src := pass.Article.Orig
	pass.add(Finding{
		Rule:        pass.Rule.Name,
		Severity:    pass.severity,
		Message:     message,
		Start:       src.Position(span.Start),
		End:         src.Position(span.End),
		Suggestions: fixes,
		Related:     related,
		Confidence:  min(max(confidence, 0), 1),
		Archive:     pass.fromArchive,
	})
}

// Fail records that the rule could not check the article, and why (the
// name authority could not be read: an error naming its file): the run
// reports it for the file (exit status 2), with the findings reported
// before it. The first error is kept; the rule should return.
func (pass *Pass) Fail(err error) {
	if pass.err == nil {
		pass.err = err
	}
}

// FromArchive marks the findings reported until the function it returns
// is called as made from the name authority (Finding.Archive): a rule
// starts its check against the archive with defer pass.FromArchive()().
func (pass *Pass) FromArchive() (done func()) {
	saved := pass.fromArchive
	pass.fromArchive = true
	return func() { pass.fromArchive = saved }
}

// ReportAtMost records a finding as ReportRelated does, at the rule's
// severity or sev, whichever is lower: for a finding that is weaker
// evidence than the rule's others (a title the archive has seen
// superseded is a warning, even where a title changing mid-story is an
// error).
func (pass *Pass) ReportAtMost(sev Severity, span article.Span, message string, related []Related, fixes ...Suggestion) {
	saved := pass.severity
	pass.severity = min(sev, saved)
	defer func() { pass.severity = saved }()
	pass.ReportRelated(span, message, related, fixes...)
}

// ReportRelated records a finding over span with the evidence for it
// elsewhere in the text, and optional suggested fixes.
func (pass *Pass) ReportRelated(span article.Span, message string, related []Related, fixes ...Suggestion) {
	pass.report(span, message, related, fixes, 0)
}

// ReportConfident is ReportRelated with how sure the rule is that the
// finding is a real error, from 0 to 1 (Finding.Confidence): for a rule
// whose evidence says how strong it is (a spelling outnumbered ten to one
// is likelier a slip than one used as often as the other).
func (pass *Pass) ReportConfident(confidence float64, span article.Span, message string, related []Related, fixes ...Suggestion) {
	pass.report(span, message, related, fixes, confidence)
}

// add stores f, unless keep refuses it, holding at most 2*max findings.
func (pass *Pass) add(f Finding) {
	if pass.keep != nil && !pass.keep(f) {
		return
	}
	pass.findings = append(pass.findings, f)
	if pass.max > 0 && len(pass.findings) >= 2*pass.max {
		pass.cut()
	}
}

// cut keeps the first max findings in text order and counts the rest:
// the findings kept are always the first max of all those stored so far,
// so the result does not depend on the order the rule reports in.
func (pass *Pass) cut() {
	if pass.max <= 0 || len(pass.findings) <= pass.max {
		return
	}
	SortFindings(pass.findings)
	rest := pass.findings[pass.max:]
	if pass.dropped == 0 || findingLess(rest[0], pass.first) {
		pass.first = rest[0]
	}
	pass.dropped += len(rest)
	clear(rest) // let the dropped findings' messages and fixes go
	pass.findings = pass.findings[:pass.max]
}

// capped is the findings kept, sorted, and one info finding for those
// not kept, at the first of them.
func (pass *Pass) capped() []Finding {
	pass.cut()
	if pass.dropped == 0 {
		return pass.findings
	}
	SortFindings(pass.findings)
	return append(pass.findings, moreFinding(pass.Rule.Name, pass.severity, pass.dropped, pass.max, pass.first))
}

// moreFinding stands for dropped findings of rule, not shown: at the first
// of them, with their severity, so that an exit status or --fix counts
// what it stands for.
func moreFinding(rule string, sev Severity, dropped, max int, first Finding) Finding {
	return Finding{
		Rule:     rule,
		Severity: sev,
		Message: fmt.Sprintf("%d more \u201c%s\u201d findings in this file not shown (max-same-issues = %d; 0 shows all)",
			dropped, rule, max),
		Start: first.Start,
		End:   first.End,
	}
}

// CapFindings keeps, of one file's findings, at most max of each rule (the
// first in the text) and one finding for the rest, as the engine does
// while linting; for findings filtered after linting (--new-from-rev).
// max 0 keeps all.
func CapFindings(fs []Finding, max int) []Finding {
	if max <= 0 {
		return fs
	}
	SortFindings(fs)
	count := map[string]int{}
	worst := map[string]Severity{}
	first := map[string]Finding{}
	out := fs[:0:0]
	for _, f := range fs {
		count[f.Rule]++
		if count[f.Rule] <= max {
			out = append(out, f)
			continue
		}
		if count[f.Rule] == max+1 {
			first[f.Rule], worst[f.Rule] = f, f.Severity
		} else if f.Severity > worst[f.Rule] {
			worst[f.Rule] = f.Severity
		}
	}
	for rule, n := range count {
		if n > max {
			out = append(out, moreFinding(rule, worst[rule], n-max, max, first[rule]))
		}
	}
	SortFindings(out)
	return out
}

// Evidence builds a Related for span.
func (pass *Pass) Evidence(span article.Span, message string) Related {
	if pass.widen != nil {
		span = pass.widen(span)
	}
	src := pass.Article.Orig
	return Related{Start: src.Position(span.Start), End: src.Position(span.End), Message: message}
}

// Fix builds a one-edit suggestion that replaces span with text. In a
// word that holds markup (Nazar<b>baev</b>) the edit changes only the
// letters that differ (article.Edit); a fix that would change the markup
// is no fix (no edits), and Report leaves it out.
func (pass *Pass) Fix(message string, span article.Span, text string) Suggestion {
	src := pass.Article.Orig
	span, text, ok := pass.Article.Edit(span, text)
	if !ok {
		return Suggestion{Message: message}
	}
	return Suggestion{Message: message, Edits: []Edit{{Start: src.Position(span.Start), End: src.Position(span.End), NewText: text}}}
}

// SortFindings orders findings by offset, rule, end and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return findingLess(fs[i], fs[j]) })
}

func findingLess(a, b Finding) bool {
	if a.Start.Offset != b.Start.Offset {
		return a.Start.Offset < b.Start.Offset
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	if a.End.Offset != b.End.Offset {
		return a.End.Offset < b.End.Offset
	}
	return a.Message < b.Message
}
