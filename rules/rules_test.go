package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/internal/ruletest"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultLinter(t testing.TB) *engine.Linter {
	cfg, err := config.Load(newslint.DefaultConfig, "", All())
	require.NoError(t, err)
	return &engine.Linter{Rules: All(), Config: cfg}
}

// TestRules runs every case under testdata/rules through the harness: all
// rules on every article, a missing or an unexpected finding fails.
func TestRules(t *testing.T) {
	ruletest.Run(t, filepath.Join("..", "testdata", "rules"), All(), newslint.DefaultConfig)
}

// Every rule has cases of its own: positive ones, look-alikes that stay
// clean, Markdown and HTML articles, and a case for each option.
func TestEveryRuleHasCases(t *testing.T) {
	cases, err := ruletest.Cases(filepath.Join("..", "testdata", "rules"))
	require.NoError(t, err)
	byRule := map[string][]string{}
	for _, c := range cases {
		dir := filepath.Dir(c.Name)
		byRule[dir] = append(byRule[dir], filepath.Base(c.Name))
	}
	for _, r := range All() {
		names := byRule[r.Name]
		assert.GreaterOrEqual(t, len(names), 4, "%s needs positive, look-alike, Markdown and HTML cases", r.Name)
		var md, html, look bool
		for _, n := range names {
			switch filepath.Ext(n) {
			case ".md":
				md = true
			case ".html":
				html = true
			}
			if n == "lookalikes.txt" {
				look = true
			}
		}
		assert.True(t, md, "%s has no Markdown case", r.Name)
		assert.True(t, html, "%s has no HTML case", r.Name)
		assert.True(t, look, "%s has no lookalikes.txt case", r.Name)
		// Every option is set by some case's .toml.
		tomls, err := filepath.Glob(filepath.Join("..", "testdata", "rules", r.Name, "*.toml"))
		require.NoError(t, err)
		var all strings.Builder
		for _, p := range tomls {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			all.Write(b)
		}
		for _, o := range r.Options {
			assert.Contains(t, all.String(), "\n"+o.Name()+" = ", "no case of %s sets option %s", r.Name, o.Name())
		}
	}
}

func TestAllRulesAreValid(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		require.NoError(t, r.Validate())
		require.False(t, seen[r.Name], "duplicate rule %s", r.Name)
		seen[r.Name] = true
		require.NotEmpty(t, r.Explain, "%s needs an explanation", r.Name)
		require.Equal(t, r.Name, Lookup(r.Name).Name)
	}
	require.Nil(t, Lookup("no-such-rule"))
}

// The founding article: exactly one finding, the misattributed quote on
// line 11.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available (%v)", err)
	}
	findings, err := defaultLinter(t).Lint(path, data, markup.Text)
	require.NoError(t, err)
	require.Len(t, findings, 1, "%v", findings)
	f := findings[0]
	assert.Equal(t, "quote-attribution", f.Rule)
	assert.Equal(t, linter.Error, f.Severity)
	assert.Equal(t, 11, f.Start.Line)
	assert.Equal(t, 258, f.Start.Column)
	assert.Equal(t, "Andrei Kobyakov", string(data[f.Start.Offset:f.End.Offset]))
	assert.Contains(t, f.Message, "Alexander Lukashenko")
	assert.Contains(t, f.Message, "Kobyakov is not mentioned elsewhere")
}

// TestDeletionIndex: the hashed index finds every form one edit away
// (substitution, insertion, deletion, a swap of neighbours, in ASCII and
// not), and not a form two edits away.
func TestDeletionIndex(t *testing.T) {
	forms := []string{"Nazarbayev", "Nazarbaev", "Nazarbyaev", "Nazarbayeva", "Nazerbayev", "Lukashenko", "Łukaszenko", "Łukashenko", "Smith"}
	idx := deletionIndex(forms)
	got := func(s string) []string {
		var out []string
		for _, i := range idx.near(s, nil) {
			out = append(out, forms[i])
		}
		return out
	}
	assert.ElementsMatch(t, []string{"Nazarbayev", "Nazarbaev", "Nazarbyaev", "Nazarbayeva", "Nazerbayev"}, got("Nazarbayev"))
	assert.ElementsMatch(t, []string{"Lukashenko", "Łukashenko"}, got("Lukashenko"))
	assert.ElementsMatch(t, []string{"Łukaszenko", "Łukashenko"}, got("Łukaszenko"))
	assert.Empty(t, got("Jones"))
}

// TestNearPairsScanMatchesIndex: comparing signatures finds exactly the
// pairs the deletion index finds, on words built to be one and two edits
// apart (and not), in ASCII and not.
func TestNearPairsScanMatchesIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aeinorstłóżé")
	edit := func(w []rune) []rune {
		out := slices.Clone(w)
		k := rng.IntN(len(out))
		switch rng.IntN(4) {
		case 0:
			out[k] = alphabet[rng.IntN(len(alphabet))]
		case 1:
			out = slices.Delete(out, k, k+1)
		case 2:
			out = slices.Insert(out, k, alphabet[rng.IntN(len(alphabet))])
		default:
			if k+1 < len(out) {
				out[k], out[k+1] = out[k+1], out[k]
			}
		}
		return out
	}
	for round := 0; round < 200; round++ {
		var cands, forms []string
		for i := 0; i < 8; i++ {
			w := make([]rune, 4+rng.IntN(6))
			for k := range w {
				w[k] = alphabet[rng.IntN(len(alphabet))]
			}
			cands = append(cands, string(w))
			forms = append(forms, string(w), string(edit(w)), string(edit(edit(w))))
		}
		scan := nearPairs(cands, forms)
		var index [][2]int
		idx := deletionIndex(cands)
		for vi, v := range forms {
			for _, ci := range idx.near(v, nil) {
				if cands[ci] != v {
					index = append(index, [2]int{ci, vi})
				}
			}
		}
		require.ElementsMatch(t, index, scan, "cands %q forms %q", cands, forms)
		require.NotEmpty(t, scan)
	}
}
