package linter

import (
	"fmt"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
)

// Unit is one analysed article as the engine hands it to the rules.
type Unit struct {
	Article *article.Article
	People  *people.Model
	Config  *Config
	// Widen, when set, adjusts a span before it becomes a position (for
	// HTML, to cover a whole character reference).
	Widen func(article.Span) article.Span
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
// yields no findings and a *RuleError.
func (u *Unit) Run(r *Rule, rc *RuleConfig) (findings []Finding, err error) {
	pass := &Pass{Article: u.Article, People: u.People, Rule: r, Config: u.Config, options: rc.Options, widen: u.Widen, severity: rc.Severity}
	defer func() {
		if v := recover(); v != nil {
			findings, err = nil, &RuleError{Rule: r.Name, Value: v}
		}
	}()
	r.Run(pass)
	return pass.findings, nil
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
newslint-disable-next-line directive that suppressed no finding, or that
names a rule newslint does not have. Stale directives hide the next real
problem, so remove them.`,
		Run: func(*Pass) {},
	}
}
