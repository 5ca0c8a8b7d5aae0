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
	// UnknownDirective is a comment that starts like a directive
	// ("newslint-…") but is none, as a misspelt one: it suppresses
	// nothing, and is reported with ReportUnusedSuppressions.
	UnknownDirective
)

var directiveWords = map[string]DirectiveKind{
	"newslint-disable": Disable, "newslint-enable": Enable, "newslint-disable-next-line": DisableNextLine,
}

func (k DirectiveKind) String() string {
	if k == UnknownDirective {
		return "unknown directive"
	}
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
	Kind DirectiveKind
	// Word is the directive's first word as written.
	Word   string
	Rules  []string
	Reason string
	// Line is the line the directive ends on.
	Line    int
	used    bool
	unknown []string
}

// ParseDirectives reads the directives from a document's comments; rules
// not in known are remembered as unknown, and a comment whose first word
// starts with "newslint" and a hyphen (or "_", ":", ".") but is no
// directive is an UnknownDirective.
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
		d.Word = firstOr(fields, "")
		kind, ok := directiveWords[d.Word]
		if !ok {
			if looksLikeDirective(d.Word) {
				d.Kind = UnknownDirective
				out = append(out, d)
			}
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

// looksLikeDirective reports whether w, which is no directive, was meant
// as one: "newslint" in any case followed by a hyphen, underscore, colon
// or full stop ("newslint-disable-lin", "Newslint-Disable", "newslint:off").
func looksLikeDirective(w string) bool {
	const prefix = "newslint"
	if len(w) <= len(prefix) || !strings.EqualFold(w[:len(prefix)], prefix) {
		return false
	}
	return strings.IndexByte("-_:.", w[len(prefix)]) >= 0
}

// directiveList is the directives, in the order the README gives them.
var directiveList = []string{"newslint-disable", "newslint-enable", "newslint-disable-next-line"}

// nearestDirective is the directive w was most likely meant to be (by
// edit distance, at most 4, ignoring case), or "".
func nearestDirective(w string) string {
	if len(w) > 40 {
		return ""
	}
	w = strings.ToLower(w)
	best, bestDist := "", 5
	for _, d := range directiveList {
		if n := editDistance(w, d); n < bestDist {
			best, bestDist = d, n
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func firstOr(xs []string, def string) string {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

// suppressRange is where a directive silences one rule ("" for every
// rule): a byte range, or one line for disable-next-line. An except range
// is where a rule was enabled again inside a disable of every rule: the
// all-rules range does not silence that rule there.
type suppressRange struct {
	rule     string
	from, to int
	line     int
	dir      *Directive
	except   bool
}

// ranges turns directives into the ranges they silence: a disable lasts
// until the enable that names its rule (or enables everything), or to the
// end of the file. Inside a disable of every rule, newslint-enable RULE
// turns that rule back on until a disable names it again, a bare disable
// turns everything off again, or a bare enable ends it all.
func ranges(dirs []*Directive, fileEnd int) []suppressRange {
	var out []suppressRange
	open := map[string]*Directive{} // rule ("" = all) -> open disable
	except := map[string]int{}      // rule enabled inside open[""] -> from
	closeRange := func(rule string, to int) {
		if d, ok := open[rule]; ok {
			out = append(out, suppressRange{rule: rule, from: d.End, to: to, dir: d})
			delete(open, rule)
		}
	}
	closeExcept := func(rule string, to int) {
		if from, ok := except[rule]; ok {
			out = append(out, suppressRange{rule: rule, from: from, to: to, except: true})
			delete(except, rule)
		}
	}
	closeAllExcepts := func(to int) {
		for _, r := range slices.Sorted(maps.Keys(except)) {
			closeExcept(r, to)
		}
	}
	for _, d := range dirs {
		switch d.Kind {
		case Disable:
			if len(d.Rules) == 0 {
				if _, ok := open[""]; ok && len(except) > 0 {
					// Some rules were enabled again: this disable
					// turns them off, and silences from here on.
					closeAllExcepts(d.Start)
					closeRange("", d.Start)
				}
				if _, ok := open[""]; !ok {
					open[""] = d
				}
			}
			for _, r := range d.Rules {
				closeExcept(r, d.Start)
				if _, ok := open[r]; !ok {
					open[r] = d
				}
			}
		case Enable:
			if len(d.Rules) == 0 {
				for _, r := range slices.Sorted(maps.Keys(open)) {
					closeRange(r, d.Start)
				}
				closeAllExcepts(d.Start)
			}
			for _, r := range d.Rules {
				closeRange(r, d.Start)
				if _, ok := open[""]; ok {
					if _, ok := except[r]; !ok {
						except[r] = d.Start
					}
				}
			}
		case DisableNextLine:
			rules := d.Rules
			if len(rules) == 0 {
				rules = []string{""}
			}
			for _, r := range rules {
				out = append(out, suppressRange{rule: r, line: d.Line + 1, dir: d})
			}
		}
	}
	for _, r := range slices.Sorted(maps.Keys(open)) {
		closeRange(r, fileEnd)
	}
	closeAllExcepts(fileEnd)
	return out
}

// suppressor finds, in O(log directives), whether a finding is silenced.
// Next-line ranges are indexed by (rule, line); byte ranges by rule,
// sorted: ranges of one rule never overlap (a rule is disabled once until
// enabled), so a binary search finds the one that may hold a finding; so
// are except ranges.
type suppressor struct {
	byLine   map[lineKey][]*Directive
	byRule   map[string][]suppressRange
	byExcept map[string][]suppressRange
}

type lineKey struct {
	rule string
	line int
}

func newSuppressor(rs []suppressRange) *suppressor {
	s := &suppressor{byLine: map[lineKey][]*Directive{}, byRule: map[string][]suppressRange{}, byExcept: map[string][]suppressRange{}}
	for _, rg := range rs {
		switch {
		case rg.line > 0:
			k := lineKey{rg.rule, rg.line}
			s.byLine[k] = append(s.byLine[k], rg.dir)
		case rg.except:
			s.byExcept[rg.rule] = append(s.byExcept[rg.rule], rg)
		default:
			s.byRule[rg.rule] = append(s.byRule[rg.rule], rg)
		}
	}
	for _, m := range []map[string][]suppressRange{s.byRule, s.byExcept} {
		for _, list := range m {
			sort.Slice(list, func(i, j int) bool { return list[i].from < list[j].from })
		}
	}
	return s
}

// silences reports whether the directives silence f (those for its rule,
// and those for every rule, unless its rule was enabled again there),
// marking the directives that do as used.
func (s *suppressor) silences(f linter.Finding) bool {
	hit := false
	for _, rule := range []string{f.Rule, ""} {
		for _, d := range s.byLine[lineKey{rule, f.Start.Line}] {
			d.used, hit = true, true
		}
	}
	if rg := find(s.byRule[f.Rule], f.Start.Offset); rg != nil {
		rg.dir.used, hit = true, true
	}
	if rg := find(s.byRule[""], f.Start.Offset); rg != nil && find(s.byExcept[f.Rule], f.Start.Offset) == nil {
		rg.dir.used, hit = true, true
	}
	return hit
}

// find is the range of the sorted, disjoint rs that holds off, or nil.
func find(rs []suppressRange, off int) *suppressRange {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].from > off }) - 1
	if i >= 0 && off < rs[i].to {
		return &rs[i]
	}
	return nil
}

// suppression is a file's directives, read before its rules run: keep
// drops each finding they silence as it is reported (before it counts
// against max-same-issues), and unused, with ReportUnusedSuppressions,
// adds a finding for each directive that silenced nothing.
type suppression struct {
	dirs []*Directive
	s    *suppressor
	src  *article.Source
}

// suppression reads f's directives; nil when it has none.
func (l *Linter) suppression(f *File) *suppression {
	if len(f.Doc.Comments) == 0 {
		return nil
	}
	known := make(map[string]bool, len(l.Rules))
	for _, r := range l.Rules {
		known[r.Name] = true
	}
	src := f.Article.Orig
	dirs := ParseDirectives(f.Doc.Comments, src, known)
	if len(dirs) == 0 {
		return nil
	}
	return &suppression{dirs: dirs, s: newSuppressor(ranges(dirs, len(src.Bytes)+1)), src: src}
}

func (sp *suppression) keep(f linter.Finding) bool { return !sp.s.silences(f) }

// unused adds to findings, with ReportUnusedSuppressions, a finding for
// each directive that silenced nothing, once every rule has run.
func (l *Linter) unused(sp *suppression, findings []linter.Finding) []linter.Finding {
	if sp == nil || !l.ReportUnusedSuppressions {
		return findings
	}
	findings = append(findings, unusedFindings(sp.dirs, sp.src)...)
	linter.SortFindings(findings)
	return findings
}

// unusedFindings reports the directives that silenced nothing, name a
// rule that does not exist, or are no directive (misspelt).
func unusedFindings(dirs []*Directive, src *article.Source) []linter.Finding {
	var out []linter.Finding
	for _, d := range dirs {
		if d.Kind == Enable {
			continue
		}
		var msg string
		switch {
		case d.Kind == UnknownDirective:
			hint := "the directives are " + strings.Join(directiveList, ", ")
			if near := nearestDirective(d.Word); near != "" {
				hint = "did you mean " + near + "?"
			}
			msg = fmt.Sprintf("unknown directive %s (%s); it suppresses nothing", article.Clip(d.Word, 40), hint)
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
