package config

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deepInline is x = {a={a={…}}}, depth levels deep (3 bytes a level).
func deepInline(depth int) string {
	return "x = {" + strings.Repeat("a={", depth-1) + strings.Repeat("}", depth) + "\n"
}

// TestDeepNestingRefused: arrays and inline tables nested past MaxNesting
// are refused before the TOML parser sees them (8,000 levels took it 26 s
// and 1.5 GB), with an error at the first bracket too deep; brackets in
// strings and comments do not count, and MaxNesting levels are read.
func TestDeepNestingRefused(t *testing.T) {
	for name, text := range map[string]string{
		"inline tables, 8,000 deep": deepInline(8000),
		"arrays, 8,000 deep":        "x = " + strings.Repeat("[", 8000) + strings.Repeat("]", 8000) + "\n",
		"one past the limit":        deepInline(MaxNesting + 1),
		// After a string whose closing run has extra quotes, after an
		// escaped quote, after a literal string ending in a backslash
		// and after a multi-line string over lines, brackets count again.
		"after a closing run of quotes": "x = [\"\"\"a\"\"\"\"\", " + strings.Repeat("[", 70) + strings.Repeat("]", 71) + "\n",
		"after an escaped quote":        "x = [\"a\\\"[\", " + strings.Repeat("[", 70) + strings.Repeat("]", 71) + "\n",
		"after a literal backslash":     "x = ['a\\', " + strings.Repeat("[", 70) + strings.Repeat("]", 71) + "\n",
		"after a multi-line string":     "x = '''\n[[[\n''' # [[[\ny = " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n",
	} {
		start := time.Now()
		_, err := loadString(t, text)
		elapsed := time.Since(start)
		ce := configErr(t, err)
		assert.Contains(t, ce.Msg, "nested more than 64 deep", name)
		assert.Less(t, elapsed, 2*time.Second, name)
	}

	// The 65th { of x = {a={… is at column 5 + 3 × 64.
	ce := configErr(t, func() error { _, err := loadString(t, "# deep\n"+deepInline(8000)); return err }())
	assert.Equal(t, 2, ce.Line)
	assert.Equal(t, 5+3*MaxNesting, ce.Column)
	assert.Equal(t, "", ce.Key)

	// Brackets in strings, multi-line strings and comments are text.
	many := strings.Repeat("[{", 100)
	for name, text := range map[string]string{
		"basic string":        "[rules.alpha]\nmode = \"" + many + "\"\n",
		"escaped quote":       "[rules.alpha]\nmode = \"\\\"" + many + "\"\n",
		"literal string":      "[rules.alpha]\nmode = '" + many + "'\n",
		"multi-line basic":    "[rules.alpha]\nmode = \"\"\"\n\"\"" + many + "\\\n\"\"\"\"\n",
		"multi-line literal":  "[rules.alpha]\nmode = '''\n''" + many + "\n''''\n",
		"comment":             "# " + many + "\n[rules.alpha] # " + many + "\nmode = \"x\"\n",
		"quoted key":          "[rules.alpha]\n\"" + many + "\" = 1\n",
		"64 deep, then text.": "x = " + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting) + "\n",
	} {
		_, err := loadString(t, text)
		if err != nil {
			assert.NotContains(t, err.Error(), "nested", name)
		}
	}
	c, err := loadString(t, "[rules.alpha]\nmode = \"\"\"\n"+many+"\"\"\"\nwords = ['[', \"]\", '''{''']\n")
	require.NoError(t, err)
	assert.Equal(t, many, c.Rules["alpha"].Options["mode"])
	assert.Equal(t, []string{"[", "]", "{"}, c.Rules["alpha"].Options["words"])
}

// BenchmarkMergeDeepNesting: refusing deep nesting takes time linear in
// the text; compare the two sizes.
func BenchmarkMergeDeepNesting(b *testing.B) {
	for _, depth := range []int{8_000, 40_000} {
		text := []byte(deepInline(depth))
		b.Run(fmt.Sprintf("depth-%d", depth), func(b *testing.B) {
			for b.Loop() {
				if err := Merge(linter.DefaultConfig(testRules), "f.toml", text, testRules); err == nil {
					b.Fatal("deep nesting read")
				}
			}
		})
	}
}
