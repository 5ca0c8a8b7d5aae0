package linter

import (
	"fmt"
	"sort"
	"strings"
)

// UnusedSuppression describes the findings the engine itself reports for
// suppression directives that suppress nothing (with
// --report-unused-suppressions).
var UnusedSuppression = &Rule{
	Name:     "unused-suppression",
	Doc:      "a newslint-disable directive that suppresses nothing",
	Severity: Warning,
	Explain: `Reported only with --report-unused-suppressions: a newslint-disable or
newslint-disable-next-line directive that suppressed no finding, or that
names a rule newslint does not have. Stale directives hide the next real
problem, so remove them.`,
	Run: func(*Pass) {},
}

// Directive is an inline suppression:
//
//	<!-- newslint-disable RULE[,RULE] -->  …  <!-- newslint-enable [RULE] -->
//	<!-- newslint-disable-next-line RULE -- reason -->
//
// With no rule, a directive applies to every rule.
type Directive struct {
	Span
	Kind    string // "disable", "enable" or "disable-next-line"
	Rules   []string
	Reason  string
	Line    int
	used    bool
	unknown []string
}

// parseDirectives reads the directives from an article's comments.
func parseDirectives(a *Article, known map[string]bool) []*Directive {
	var out []*Directive
	for _, c := range a.Comments {
		body := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(body, "newslint-") {
			continue
		}
		d := &Directive{Span: c.Span, Line: a.Line(c.End)}
		if i := strings.Index(body, " -- "); i >= 0 {
			d.Reason = strings.TrimSpace(body[i+4:])
			body = body[:i]
		}
		fields := strings.Fields(body)
		switch fields[0] {
		case "newslint-disable":
			d.Kind = "disable"
		case "newslint-enable":
			d.Kind = "enable"
		case "newslint-disable-next-line":
			d.Kind = "disable-next-line"
		default:
			continue
		}
		for _, f := range fields[1:] {
			for _, r := range strings.Split(f, ",") {
				if r = strings.TrimSpace(r); r != "" {
					d.Rules = append(d.Rules, r)
					if known != nil && !known[r] {
						d.unknown = append(d.unknown, r)
					}
				}
			}
		}
		out = append(out, d)
	}
	return out
}

type suppressRange struct {
	rule     string // "" for every rule
	from, to int    // byte range, or
	line     int    // a line (disable-next-line)
	dir      *Directive
}

// applySuppressions removes the findings that directives suppress and, when
// reportUnused is set, adds a finding for each directive that suppressed
// nothing.
func applySuppressions(a *Article, findings []Finding, known map[string]bool, reportUnused bool) []Finding {
	dirs := parseDirectives(a, known)
	if len(dirs) == 0 {
		return findings
	}
	var ranges []suppressRange
	open := map[string]*Directive{} // rule ("" = all) -> open disable
	openAt := map[string]int{}
	closeRange := func(rule string, to int) {
		if d, ok := open[rule]; ok {
			ranges = append(ranges, suppressRange{rule: rule, from: openAt[rule], to: to, dir: d})
			delete(open, rule)
		}
	}
	for _, d := range dirs {
		rules := d.Rules
		if len(rules) == 0 {
			rules = []string{""}
		}
		switch d.Kind {
		case "disable":
			for _, r := range rules {
				if _, ok := open[r]; !ok {
					open[r], openAt[r] = d, d.End
				}
			}
		case "enable":
			if len(d.Rules) == 0 {
				for r := range open {
					closeRange(r, d.Start)
				}
			}
			for _, r := range d.Rules {
				closeRange(r, d.Start)
			}
		case "disable-next-line":
			for _, r := range rules {
				ranges = append(ranges, suppressRange{rule: r, line: d.Line + 1, dir: d})
			}
		}
	}
	for r := range open {
		closeRange(r, len(a.Orig.Bytes)+1)
	}
	// Index the ranges: next-line ones by (rule, line); byte ranges by
	// rule, sorted. Ranges of one rule never overlap (a rule is disabled
	// once until enabled), so a binary search finds the one that may hold a
	// finding, and each finding costs O(log directives).
	type lineKey struct {
		rule string
		line int
	}
	byLine := map[lineKey][]*Directive{}
	byRule := map[string][]suppressRange{}
	for _, rg := range ranges {
		if rg.line > 0 {
			k := lineKey{rg.rule, rg.line}
			byLine[k] = append(byLine[k], rg.dir)
		} else {
			byRule[rg.rule] = append(byRule[rg.rule], rg)
		}
	}
	for _, rs := range byRule {
		sort.Slice(rs, func(i, j int) bool { return rs[i].from < rs[j].from })
	}
	suppress := func(rule string, f Finding) bool {
		hit := false
		for _, d := range byLine[lineKey{rule, f.Start.Line}] {
			d.used, hit = true, true
		}
		rs := byRule[rule]
		i := sort.Search(len(rs), func(i int) bool { return rs[i].from > f.Start.Offset }) - 1
		if i >= 0 && f.Start.Offset < rs[i].to {
			rs[i].dir.used, hit = true, true
		}
		return hit
	}
	kept := findings[:0]
	for _, f := range findings {
		// Both the rule's own directives and the all-rules ones apply.
		a, b := suppress(f.Rule, f), suppress("", f)
		if !a && !b {
			kept = append(kept, f)
		}
	}
	if reportUnused {
		for _, d := range dirs {
			if d.Kind == "enable" {
				continue
			}
			var msg string
			switch {
			case len(d.unknown) > 0:
				msg = fmt.Sprintf("newslint-%s names unknown rule %s (newslint rules lists them)", d.Kind, strings.Join(d.unknown, ", "))
			case !d.used:
				what := "any rule"
				if len(d.Rules) > 0 {
					what = strings.Join(d.Rules, ", ")
				}
				msg = fmt.Sprintf("newslint-%s for %s suppresses nothing; remove it", d.Kind, what)
			default:
				continue
			}
			kept = append(kept, Finding{
				Rule: UnusedSuppression.Name, Severity: UnusedSuppression.Severity, Message: msg,
				Start: a.Orig.Position(d.Start), End: a.Orig.Position(d.End),
			})
		}
		SortFindings(kept)
	}
	return kept
}
