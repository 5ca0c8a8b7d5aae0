package linter

import (
	"fmt"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/source"
)

// Unit is one analysed article as the engine hands it to the rules.
type Unit struct {
	Article *article.Article
	People  *people.Model
	Config  *Config
	// Widen, when set, adjusts a span before it becomes a position (for
	// HTML, to cover a whole character reference).
	Widen func(article.Span) article.Span
	// Keep, when set, says whether a finding is kept (not suppressed):
	// those it refuses are neither stored nor counted against
	// Config.MaxSameIssues.
	Keep func(Finding) bool
	// Sources is what the article's quotations are checked against
	// (Pass.Sources), nil when none.
	Sources *source.Index
}

// RuleError is a rule that failed (panicked) on an article; the other
// rules' findings are kept.
type RuleError struct {
	Rule  string
	Value any
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("internal error in rule %s: %v (please report this with the article)", e.Rule, e.Value)
}

// Run runs rule r, configured by rc, on the unit. A rule that panics
// yields no findings and a *RuleError; one that fails (Pass.Fail), its
// findings so far and its error. Past Config.MaxSameIssues
// findings, only the first that many in text order are kept, and one
// info finding says how many more there were; the rest are never held
// (at most twice the cap at once), however many the rule reports.
func (u *Unit) Run(r *Rule, rc *RuleConfig) (findings []Finding, err error) {
	pass := &Pass{Article: u.Article, People: u.People, Rule: r, Config: u.Config, options: rc.Options, widen: u.Widen, severity: rc.Severity, keep: u.Keep, Sources: u.Sources}
	if u.Config != nil {
		pass.max = u.Config.MaxSameIssues
		pass.Archive = u.Config.Archive
	}
	defer func() {
		if v := recover(); v != nil {
			findings, err = nil, &RuleError{Rule: r.Name, Value: v}
		}
	}()
	r.Run(pass)
	return pass.capped(), pass.err
}

// FileResult is what linting one file gave: its findings and, when the file
// could not be linted (or a rule failed on it), an error.
type FileResult struct {
	Path     string
	Findings []Finding
	Err      error
	// Source is the file's bytes, kept only when the engine is asked to
	// (for --fix and --diff).
	Source []byte
	// Stdin marks the result of standard input, which is never a file to
	// write.
	Stdin bool
}

// UnusedSuppressionName is the rule name of the findings the engine itself
// reports for directives that suppress nothing.
const UnusedSuppressionName = "unused-suppression"

// UnusedSuppression describes the engine's own findings (with
// --report-unused-suppressions), for listings and SARIF.
func UnusedSuppression() *Rule {
	return &Rule{
		Name:     UnusedSuppressionName,
		Doc:      "a newslint-disable directive that suppresses nothing",
		Severity: Warning,
		Explain: `Reported only with --report-unused-suppressions: a newslint-disable or
newslint-disable-next-line directive that suppressed no finding, that
names a rule newslint does not have, or a comment that starts like a
directive but is none ("newslint-disable-lin", "newslint-enabel"), with
the directive it was likely meant to be. Stale directives hide the next
real problem, so remove them.`,
		Run: func(*Pass) {},
	}
}

// EncodingName is the rule name of the engine's own finding for a file
// that is not UTF-8 and was read in a legacy encoding.
const EncodingName = "encoding"

// Encoding describes the engine's finding for a file that is not UTF-8,
// for listings, explain and SARIF.
func Encoding() *Rule {
	return &Rule{
		Name:     EncodingName,
		Doc:      "a file that is not UTF-8, linted as Windows-1252 (Latin-1)",
		Severity: Warning,
		Explain: `Reported by newslint itself, at the first byte that is not UTF-8, when a
file is neither UTF-8 nor UTF-16 with a byte-order mark but still text (no
NUL bytes, few bytes above 127). newslint reads it as Windows-1252, the
superset of Latin-1 that most such files use, so that accented names stay
whole; lines, columns and byte offsets still point into the file as it is
on disk. Fixes are not applied to it. Save the file as UTF-8 to silence
this.

UTF-16 files with a byte-order mark are decoded without a finding; their
positions are those of the file too (offsets count its bytes).`,
		Run: func(*Pass) {},
	}
}

// EngineRules describes the findings the engine itself reports, besides
// the rules'.
func EngineRules() []*Rule { return []*Rule{UnusedSuppression(), Encoding()} }
