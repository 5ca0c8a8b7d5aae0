package newslint_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const module = "github.com/newslint/newslint"

// pkg is one package of the module as its files say: its import path
// relative to the module ("" for the root), what it imports (outside test
// files) and the "Never imports:" line of its package comment.
type pkg struct {
	rel     string
	imports []string
	never   string
}

// readPackages parses every package of the module (imports and comments
// only).
func readPackages(t *testing.T) map[string]*pkg {
	t.Helper()
	pkgs := map[string]*pkg{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(filepath.Dir(path))
		if rel == "." {
			rel = ""
		}
		p := pkgs[rel]
		if p == nil {
			p = &pkg{rel: rel}
			pkgs[rel] = p
		}
		for _, imp := range f.Imports {
			v, _ := strconv.Unquote(imp.Path.Value)
			p.imports = append(p.imports, v)
		}
		if f.Doc != nil {
			if m := neverRE.FindStringSubmatch(f.Doc.Text()); m != nil {
				p.never = strings.Join(strings.Fields(m[1]), " ")
			}
		}
		return nil
	})
	require.NoError(t, err)
	return pkgs
}

var neverRE = regexp.MustCompile(`(?s)Never imports:(.*?)\.(\s*$|\n\n)`)

// rule is a "Never imports:" line read: forbidden module packages and
// outside import paths, every module package but some, and whether it
// holds for indirect imports too.
type rule struct {
	forbidden  []string
	allModule  bool
	except     []string
	transitive bool
}

func parseRule(line string) rule {
	var r rule
	if s, ok := strings.CutSuffix(line, "(directly or not)"); ok {
		line, r.transitive = strings.TrimSpace(s), true
	}
	if rest, ok := strings.CutPrefix(line, "any package of this module"); ok {
		r.allModule = true
		if but, ok := strings.CutPrefix(strings.TrimSpace(rest), "but "); ok {
			r.except = splitList(but)
		}
		return r
	}
	r.forbidden = splitList(line)
	return r
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ReplaceAll(s, " or ", ","), func(r rune) bool { return r == ',' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// forbids reports whether the rule forbids importing path (a full import
// path).
func (r rule) forbids(path string) bool {
	rel, inModule := moduleRel(path)
	if inModule && r.allModule {
		return !slices.Contains(r.except, rel)
	}
	for _, f := range r.forbidden {
		if inModule && f == rel || !inModule && (path == f || strings.HasPrefix(path, f+"/")) {
			return true
		}
	}
	return false
}

func moduleRel(path string) (string, bool) {
	if path == module {
		return "", true
	}
	rel, ok := strings.CutPrefix(path, module+"/")
	return rel, ok
}

// deps returns what package rel imports, directly or through the module's
// packages.
func deps(pkgs map[string]*pkg, rel string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(r string) {
		p := pkgs[r]
		if p == nil {
			return
		}
		for _, imp := range p.imports {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if sub, ok := moduleRel(imp); ok {
				walk(sub)
			}
		}
	}
	walk(rel)
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

// TestLayout checks every package against the "Never imports:" line of its
// package comment, which every package must have.
func TestLayout(t *testing.T) {
	pkgs := readPackages(t)
	require.Contains(t, pkgs, "article")
	require.Contains(t, pkgs, "rules")
	for rel, p := range pkgs {
		if p.never == "" {
			t.Errorf("package %q: its package comment must say what it never imports (a \"Never imports: ….\" line)", rel)
			continue
		}
		r := parseRule(p.never)
		imports := p.imports
		if r.transitive {
			imports = deps(pkgs, rel)
		}
		for _, imp := range imports {
			if r.forbids(imp) {
				t.Errorf("package %q imports %s, which its package comment forbids (Never imports: %s)", rel, imp, p.never)
			}
		}
	}
}

// The rules see only the article and people models: none of the parsers
// (Markdown, HTML, TOML) or the diff library is among their dependencies.
func TestRulesDependOnModelsOnly(t *testing.T) {
	pkgs := readPackages(t)
	for _, d := range deps(pkgs, "rules") {
		for _, heavy := range []string{"github.com/yuin/goldmark", "golang.org/x/net/html", "github.com/BurntSushi/toml", "github.com/sergi/go-diff"} {
			require.False(t, d == heavy || strings.HasPrefix(d, heavy+"/"), "rules depends on %s", d)
		}
	}
	for _, d := range deps(pkgs, "article") {
		_, inModule := moduleRel(d)
		require.False(t, inModule, "article imports %s", d)
	}
}

// The checker itself: a rule forbids what it names and nothing else.
func TestLayoutRules(t *testing.T) {
	r := parseRule("any package of this module but article")
	require.True(t, r.forbids(module+"/people"))
	require.False(t, r.forbids(module+"/article"))
	require.False(t, r.forbids("strings"))
	r = parseRule("rules, format or cmd/newslint, github.com/yuin/goldmark (directly or not)")
	require.True(t, r.transitive)
	require.True(t, r.forbids(module+"/format"))
	require.True(t, r.forbids("github.com/yuin/goldmark/ast"))
	require.False(t, r.forbids(module+"/linter"))
	require.False(t, r.forbids("github.com/yuin/goldmarkdown"))
}
