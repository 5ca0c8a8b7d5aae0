// Package ruletest runs rule tests the same way for every rule, in the
// spirit of golang.org/x/tools/go/analysis/analysistest: each case is an
// article written for the test (testdata/rules/<rule>/<case>.txt, .md or
// .html) with a .want file beside it naming every finding expected (see
// Expectation), and an optional <case>.toml that is merged over the
// default configuration (rule options, [[people]] entries). Every rule
// runs on every case, so a case fails on a missing finding and on an
// unexpected one from any rule.
//
// Never imports: rules, format, inspect, cmd/newslint.
package ruletest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
)

// Case is one test article.
type Case struct {
	// Name is <rule>/<case>.<ext>, relative to the testdata directory.
	Name string
	Path string
}

// Cases lists the test articles under dir, sorted.
func Cases(dir string) ([]Case, error) {
	var out []Case
	for _, ext := range []string{"txt", "md", "html"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*", "*."+ext))
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return nil, err
			}
			out = append(out, Case{Name: filepath.ToSlash(rel), Path: p})
		}
	}
	slices.SortFunc(out, func(a, b Case) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// Run runs every case under dir with the given rules and default
// configuration (config.toml's bytes), one subtest a case.
func Run(t *testing.T, dir string, rules []*linter.Rule, defaults []byte) {
	t.Helper()
	cases, err := Cases(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("no test articles under %s", dir)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { RunCase(t, c, rules, defaults) })
	}
}

// RunCase lints one case and compares its findings with its .want file.
func RunCase(t *testing.T, c Case, rules []*linter.Rule, defaults []byte) {
	t.Helper()
	base := strings.TrimSuffix(c.Path, filepath.Ext(c.Path))
	want, err := ReadWant(base + ".want")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(defaults, "", rules)
	if err != nil {
		t.Fatal(err)
	}
	if opts, err := os.ReadFile(base + ".toml"); err == nil {
		if err := config.Merge(cfg, base+".toml", opts, rules); err != nil {
			t.Fatal(err)
		}
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	data, err := os.ReadFile(c.Path)
	if err != nil {
		t.Fatal(err)
	}
	l := &engine.Linter{Rules: rules, Config: cfg}
	findings, err := l.Lint(c.Path, data, markup.ForPath(c.Path))
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	if problems := Compare(data, want, findings); len(problems) > 0 {
		t.Errorf("%s:\n%s", c.Path, strings.Join(problems, "\n"))
	}
}

// Compare matches findings against expectations one to one and describes
// every expectation not met and every finding not expected, as .want lines.
func Compare(src []byte, want Want, findings []linter.Finding) []string {
	used := make([]bool, len(findings))
	var problems []string
	for _, e := range want.Expect {
		found := false
		for i, f := range findings {
			if !used[i] && matches(src, e, f) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			problems = append(problems, "missing:    "+e.Where+": "+describe(e))
		}
	}
	for i, f := range findings {
		if !used[i] {
			problems = append(problems, "unexpected: "+Format(f.Start.Line, f.Start.Column, f.Rule, spanText(src, f), f.Message, fixOf(f)))
		}
	}
	return problems
}

func matches(src []byte, e Expectation, f linter.Finding) bool {
	if f.Rule != e.Rule || f.Start.Line != e.Line || e.Column > 0 && f.Start.Column != e.Column {
		return false
	}
	if spanText(src, f) != e.Text || !e.Message.MatchString(f.Message) {
		return false
	}
	fix := fixOf(f)
	if (fix == nil) != (e.Fix == nil) {
		return false
	}
	return fix == nil || *fix == *e.Fix
}

func spanText(src []byte, f linter.Finding) string {
	s, e := f.Start.Offset, f.End.Offset
	if s < 0 || e > len(src) || s > e {
		return "<span out of the file>"
	}
	return string(src[s:e])
}

// fixOf is the replacement text of a finding's first suggested edit.
func fixOf(f linter.Finding) *string {
	if len(f.Suggestions) == 0 || len(f.Suggestions[0].Edits) == 0 {
		return nil
	}
	return &f.Suggestions[0].Edits[0].NewText
}

func describe(e Expectation) string {
	return wantLine(itoa(e.Line, e.Column), e.Rule, e.Text, e.Message.String(), e.Fix)
}
