package engine

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
)

// DirectiveKind is what a suppression directive does.
type DirectiveKind uint8

// Directive kinds.
const (
	Disable         DirectiveKind = iota // newslint-disable: until newslint-enable
	Enable                               // newslint-enable: ends a disable
	DisableNextLine                      // newslint-disable-next-line
)

var directiveWords = map[string]DirectiveKind{
	"newslint-disable": Disable, "newslint-enable": Enable, "newslint-disable-next-line": DisableNextLine,
}

func (k DirectiveKind) String() string {
	for w, kind := range directiveWords {
		if kind == k {
			return w
		}
	}
	return fmt.Sprintf("directive(%d)", int(k))
}

// Directive is an inline suppression:
//
//	<!-- newslint-disable RULE[,RULE] -->  …  <!-- newslint-enable [RULE] -->
//	<!-- newslint-disable-next-line RULE -- reason -->
//
// With no rule, a directive applies to every rule.
type Directive struct {
	article.Span
	Kind   DirectiveKind
	Rules  []string
	Reason string
	// Line is the line the directive ends on.
	Line    int
	used    bool
	unknown []string
}

// ParseDirectives reads the directives from a document's comments; rules
// not in known are remembered as unknown.
func ParseDirectives(comments []markup.Comment, src *article.Source, known map[string]bool) []*Directive {
	var out []*Directive
	for _, c := range comments {
		body := strings.TrimSpace(c.Text)
		d := &Directive{Span: c.Span, Line: src.Line(c.End)}
		if before, reason, ok := strings.Cut(body, " -- "); ok {
			d.Reason = strings.TrimSpace(reason)
			body = before
		}
		fields := strings.Fields(body)
		kind, ok := directiveWords[firstOr(fields, "")]
		if !ok {
			continue
		}
		d.Kind = kind
		for _, f := range fields[1:] {
			for _, r := range strings.Split(f, ",") {
				if r = strings.TrimSpace(r); r != "" {
					d.Rules = append(d.Rules, r)
					if !known[r] {
						d.unknown = append(d.unknown, r)
					}
				}
			}
		}
		out = append(out, d)
	}
	return out
}

func firstOr(xs []string, def string) string {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

// suppressRange is where a directive silences one rule ("" for every
// rule): a byte range, or one line for disable-next-line.
type suppressRange struct {
	rule     string
	from, to int
	line     int
	dir      *Directive
}

// ranges turns directives into the ranges they silence: a disable lasts
// until the enable that names its rule (or enables everything), or to the
// end of the file.
func ranges(dirs []*Directive, fileEnd int) []suppressRange {
	var out []suppressRange
	open := map[string]*Directive{} // rule ("" = all) -> open disable
	closeRange := func(rule string, to int) {
		if d, ok := open[rule]; ok {
			out = append(out, suppressRange{rule: rule, from: d.End, to: to, dir: d})
			delete(open, rule)
		}
	}
	for _, d := range dirs {
		rules := d.Rules
		if len(rules) == 0 {
			rules = []string{""}
		}
		switch d.Kind {
		case Disable:
			for _, r := range rules {
				if _, ok := open[r]; !ok {
					open[r] = d
				}
			}
		case Enable:
			if len(d.Rules) == 0 {
				for _, r := range slices.Sorted(maps.Keys(open)) {
					closeRange(r, d.Start)
				}
			}
			for _, r := range d.Rules {
				closeRange(r, d.Start)
			}
		case DisableNextLine:
			for _, r := range rules {
				out = append(out, suppressRange{rule: r, line: d.Line + 1, dir: d})
			}
		}
	}
	for _, r := range slices.Sorted(maps.Keys(open)) {
		closeRange(r, fileEnd)
	}
	return out
}

// suppressor finds, in O(log directives), whether a finding is silenced.
// Next-line ranges are indexed by (rule, line); byte ranges by rule,
// sorted: ranges of one rule never overlap (a rule is disabled once until
// enabled), so a binary search finds the one that may hold a finding.
type suppressor struct {
	byLine map[lineKey][]*Directive
	byRule map[string][]suppressRange
}

type lineKey struct {
	rule string
	line int
}

func newSuppressor(rs []suppressRange) *suppressor {
	s := &suppressor{byLine: map[lineKey][]*Directive{}, byRule: map[string][]suppressRange{}}
	for _, rg := range rs {
		if rg.line > 0 {
			k := lineKey{rg.rule, rg.line}
			s.byLine[k] = append(s.byLine[k], rg.dir)
		} else {
			s.byRule[rg.rule] = append(s.byRule[rg.rule], rg)
		}
	}
	for _, list := range s.byRule {
		sort.Slice(list, func(i, j int) bool { return list[i].from < list[j].from })
	}
	return s
}

// silences reports whether rule's directives silence f, marking the
// directives that do as used.
func (s *suppressor) silences(rule string, f linter.Finding) bool {
	hit := false
	for _, d := range s.byLine[lineKey{rule, f.Start.Line}] {
		d.used, hit = true, true
	}
	rs := s.byRule[rule]
	i := sort.Search(len(rs), func(i int) bool { return rs[i].from > f.Start.Offset }) - 1
	if i >= 0 && f.Start.Offset < rs[i].to {
		rs[i].dir.used, hit = true, true
	}
	return hit
}

// suppress removes the findings that the file's directives silence and,
// with ReportUnusedSuppressions, adds a finding for each directive that
// silenced nothing.
func (l *Linter) suppress(f *File, findings []linter.Finding) []linter.Finding {
	known := make(map[string]bool, len(l.Rules))
	for _, r := range l.Rules {
		known[r.Name] = true
	}
	src := f.Article.Orig
	dirs := ParseDirectives(f.Doc.Comments, src, known)
	if len(dirs) == 0 {
		return findings
	}
	s := newSuppressor(ranges(dirs, len(src.Bytes)+1))
	kept := findings[:0]
	for _, fd := range findings {
		// Both the rule's own directives and the all-rules ones apply.
		own, all := s.silences(fd.Rule, fd), s.silences("", fd)
		if !own && !all {
			kept = append(kept, fd)
		}
	}
	if l.ReportUnusedSuppressions {
		kept = append(kept, unusedFindings(dirs, src)...)
		linter.SortFindings(kept)
	}
	return kept
}

// unusedFindings reports the directives that silenced nothing or name a
// rule that does not exist.
func unusedFindings(dirs []*Directive, src *article.Source) []linter.Finding {
	var out []linter.Finding
	for _, d := range dirs {
		if d.Kind == Enable {
			continue
		}
		var msg string
		switch {
		case len(d.unknown) > 0:
			msg = fmt.Sprintf("%s names unknown rule %s (newslint rules lists them)", d.Kind, strings.Join(d.unknown, ", "))
		case !d.used:
			what := "any rule"
			if len(d.Rules) > 0 {
				what = strings.Join(d.Rules, ", ")
			}
			msg = fmt.Sprintf("%s for %s suppresses nothing; remove it", d.Kind, what)
		default:
			continue
		}
		out = append(out, linter.Finding{
			Rule: linter.UnusedSuppressionName, Severity: linter.Warning, Message: msg,
			Start: src.Position(d.Start), End: src.Position(d.End),
		})
	}
	return out
}
