// Package ruletest runs rule tests the same way for every rule, in the
// spirit of golang.org/x/tools/go/analysis/analysistest: each case is an
// article written for the test (testdata/rules/<rule>/<case>.txt, .md or
// .html) with a .want file beside it naming every finding expected (see
// Expectation), and an optional <case>.toml that is merged over the
// default configuration (rule options, [[people]] entries). Every rule
// runs on every case, so a case fails on a missing finding and on an
// unexpected one from any rule.
//
// A case checked against a newsroom's archive (a name authority) has its
// archive's articles, written for the test too, in a directory beside it,
// <case>.archive/ (or the directory its .toml names, [archive] path =
// "newsroom.archive", to share one between cases): the harness builds the
// authority from them (as newslint archive build does) and hands it to
// the rules.
//
// A case checked against sources (quote-fidelity) has them beside it:
// <case>.source.txt, <case>.source.srt, <case>.source.vtt (any number,
// each read as its extension says), or a folder <case>.sources/, walked;
// the harness adds them to the case's [sources] paths. A .source. file is
// never a case itself.
//
// Never imports: rules, format, inspect, cmd/newslint.
package ruletest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newslint/newslint/archive"
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
			if strings.Contains(filepath.Base(p), ".source.") {
				continue // a case's source (quote-fidelity), not a case
			}
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
	if st, err := os.Stat(base + ".archive"); err == nil && st.IsDir() && cfg.ArchivePath == "" {
		cfg.ArchivePath = base + ".archive"
	}
	if st, err := os.Stat(cfg.ArchivePath); err == nil && st.IsDir() {
		a, err := BuildArchive(cfg.ArchivePath, rules, defaults)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Archive = a
	} else if err := config.OpenArchive(cfg, nil); err != nil {
		t.Fatal(err)
	}
	srcs, err := filepath.Glob(base + ".source.*")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(base + ".sources"); err == nil && st.IsDir() {
		srcs = append(srcs, base+".sources")
	}
	cfg.SourcePaths = append(cfg.SourcePaths, srcs...)
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

// built holds the authorities BuildArchive built, by directory.
var built sync.Map // string → *archive.Authority

// BuildArchive builds the name authority of the articles in dir (its
// .txt, .md and .html files, not below), under the default configuration,
// as newslint archive build does, once per directory.
func BuildArchive(dir string, rules []*linter.Rule, defaults []byte) (*archive.Authority, error) {
	if a, ok := built.Load(dir); ok {
		return a.(*archive.Authority), nil
	}
	cfg, err := config.Load(defaults, "", rules)
	if err != nil {
		return nil, err
	}
	l := &engine.Linter{Rules: rules, Config: cfg}
	b := archive.NewBuilder()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() || !markup.Lintable(p) {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f := l.Analyse(p, data, markup.ForPath(p))
		if _, err := b.Add(archive.Collect(f.Article, f.People)); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := b.Finish(&buf); err != nil {
		return nil, err
	}
	a, err := archive.Parse(dir, buf.Bytes())
	if err != nil {
		return nil, err
	}
	built.Store(dir, a)
	return a, nil
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
