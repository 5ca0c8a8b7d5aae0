package linter

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
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
	// Options holds the rule's options with their default values. The type
	// of each default (bool, int64, float64, string, []string) is the type
	// a configuration must give.
	Options map[string]any
	// Run checks one article.
	Run func(*Pass)
}

var ruleNameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks that a rule is well formed.
func (r *Rule) Validate() error {
	if !ruleNameRE.MatchString(r.Name) {
		return fmt.Errorf("rule name %q is not kebab-case", r.Name)
	}
	if r.Doc == "" || r.Run == nil {
		return fmt.Errorf("rule %s needs a Doc and a Run function", r.Name)
	}
	for k, v := range r.Options {
		switch v.(type) {
		case bool, int64, float64, string, []string:
		default:
			return fmt.Errorf("rule %s: option %s has unsupported type %T", r.Name, k, v)
		}
		if k == "enabled" || k == "severity" {
			return fmt.Errorf("rule %s: option name %s is reserved", r.Name, k)
		}
	}
	return nil
}

// Edit replaces the bytes of Span with NewText.
type Edit struct {
	Start   Position `json:"start"`
	End     Position `json:"end"`
	NewText string   `json:"newText"`
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
	Start, End  Position
	Suggestions []Suggestion
}

// Pass hands one article to one rule.
type Pass struct {
	Article *Article
	Rule    *Rule
	Config  *Config
	// Options are the rule's options: its defaults overlaid with the
	// configuration.
	Options  map[string]any
	severity Severity
	findings []Finding
}

// Report records a finding over span, with optional suggested fixes made
// of (span, replacement) edits.
func (p *Pass) Report(span Span, message string, fixes ...Suggestion) {
	if p.Article.Format == HTML {
		span = p.Article.widenToEntities(span)
	}
	src := p.Article.Orig
	p.findings = append(p.findings, Finding{
		Rule:        p.Rule.Name,
		Severity:    p.severity,
		Message:     message,
		Start:       src.Position(span.Start),
		End:         src.Position(span.End),
		Suggestions: fixes,
	})
}

// Fix builds a one-edit suggestion that replaces span with text.
func (p *Pass) Fix(message string, span Span, text string) Suggestion {
	src := p.Article.Orig
	return Suggestion{Message: message, Edits: []Edit{{Start: src.Position(span.Start), End: src.Position(span.End), NewText: text}}}
}

// Bool returns a boolean option.
func (p *Pass) Bool(name string) bool { v, _ := p.Options[name].(bool); return v }

// Int returns an integer option.
func (p *Pass) Int(name string) int { v, _ := p.Options[name].(int64); return int(v) }

// Float returns a float option.
func (p *Pass) Float(name string) float64 { v, _ := p.Options[name].(float64); return v }

// String returns a string option.
func (p *Pass) String(name string) string { v, _ := p.Options[name].(string); return v }

// Strings returns a list option.
func (p *Pass) Strings(name string) []string { v, _ := p.Options[name].([]string); return v }

// SortFindings orders findings by line, column, rule, end and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
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
	})
}
