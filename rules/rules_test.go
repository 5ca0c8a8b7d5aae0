package rules

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/require"
)

// expectation is one line of a .want file: "LINE:COLUMN RULE REGEXP".
type expectation struct {
	line, col int
	rule      string
	re        *regexp.Regexp
	src       string
}

func readWant(t *testing.T, path string) (exps []expectation, none bool) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err, "every testdata article needs a .want file (write \"none\" for no findings)")
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "none" {
			none = true
			continue
		}
		parts := strings.SplitN(line, " ", 3)
		require.Len(t, parts, 3, "%s:%d: want LINE:COLUMN RULE REGEXP", path, n)
		lc := strings.SplitN(parts[0], ":", 2)
		require.Len(t, lc, 2, "%s:%d", path, n)
		l, err1 := strconv.Atoi(lc[0])
		c, err2 := strconv.Atoi(lc[1])
		require.NoError(t, err1)
		require.NoError(t, err2)
		exps = append(exps, expectation{line: l, col: c, rule: parts[1], re: regexp.MustCompile(parts[2]), src: fmt.Sprintf("%s:%d", path, n)})
	}
	require.NoError(t, sc.Err())
	require.False(t, none && len(exps) > 0, "%s: \"none\" with expectations", path)
	require.True(t, none || len(exps) > 0, "%s: no expectations; write \"none\" for a clean article", path)
	return exps, none
}

func defaultLinter(t testing.TB) *linter.Linter {
	cfg, err := linter.LoadConfig(newslint.DefaultConfig, "", All())
	require.NoError(t, err)
	return &linter.Linter{Rules: All(), Config: cfg}
}

// TestTestdata lints every article under testdata/rules with the default
// configuration and compares the findings with the .want file beside it:
// a missing finding and an unexpected one both fail.
func TestTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	l := defaultLinter(t)
	for _, path := range files {
		t.Run(strings.TrimPrefix(path, "../testdata/rules/"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			exps, _ := readWant(t, strings.TrimSuffix(path, ".txt")+".want")
			findings, _, errMsg := l.Lint(path, data)
			require.Empty(t, errMsg)
			used := make([]bool, len(findings))
			for _, e := range exps {
				ok := false
				for i, f := range findings {
					if !used[i] && f.Rule == e.rule && f.Start.Line == e.line && f.Start.Column == e.col && e.re.MatchString(f.Message) {
						used[i], ok = true, true
						break
					}
				}
				if !ok {
					t.Errorf("%s: missing finding %d:%d %s %q", e.src, e.line, e.col, e.rule, e.re)
				}
			}
			for i, f := range findings {
				if !used[i] {
					t.Errorf("%s:%d:%d: unexpected finding: %s (%s)", path, f.Start.Line, f.Start.Column, f.Message, f.Rule)
				}
			}
		})
	}
}

// TestConfigListsEveryRule checks that config.toml documents every rule
// with its default severity and every option with its default value.
func TestConfigListsEveryRule(t *testing.T) {
	text := string(newslint.DefaultConfig)
	for _, r := range All() {
		require.Contains(t, text, "[rules."+r.Name+"]", "config.toml must list %s", r.Name)
		require.NotEmpty(t, r.Explain, "%s needs an explanation", r.Name)
	}
	cfg, err := linter.LoadConfig(newslint.DefaultConfig, "", All())
	require.NoError(t, err)
	for _, r := range All() {
		rc := cfg.Rules[r.Name]
		require.Equal(t, r.Severity, rc.Severity, "config.toml severity of %s differs from the rule's default", r.Name)
		require.True(t, rc.Enabled, "%s is off in config.toml", r.Name)
		for k, def := range r.Options {
			require.Contains(t, text, "\n"+k+" = ", "config.toml must document %s.%s", r.Name, k)
			require.Equal(t, def, rc.Options[k], "config.toml value of %s.%s differs from the rule's default", r.Name, k)
		}
	}
}

func TestSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available (%v)", err)
	}
	findings, _, errMsg := defaultLinter(t).Lint(path, data)
	require.Empty(t, errMsg)
	for _, f := range findings {
		require.NotEqual(t, "quote-balance", f.Rule, "the seed's quotes are balanced: %v", f)
	}
}
