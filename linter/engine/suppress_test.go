package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// worseRule reports every occurrence of the word "worse".
var worseRule = &linter.Rule{Name: "worse-word", Doc: "reports worse", Severity: linter.Warning, Run: func(pass *linter.Pass) {
	for i, tk := range pass.Article.Tokens {
		if pass.Article.Tok(i) == "worse" {
			pass.Report(tk.Span(), "the word “worse”")
		}
	}
}}

func suppressLinter(report bool) *Linter {
	rs := []*linter.Rule{wordRule, worseRule}
	return &Linter{Rules: rs, Config: linter.DefaultConfig(rs), ReportUnusedSuppressions: report}
}

// found lists the findings as "line:rule", in order.
func found(fs []linter.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%s", f.Start.Line, f.Rule))
	}
	return out
}

// TestEnableOneRuleAfterDisablingAll: a bare newslint-disable turns every
// rule off; newslint-enable RULE then turns that one rule back on (and
// only it), until a later disable turns it off again.
func TestEnableOneRuleAfterDisablingAll(t *testing.T) {
	text := strings.Join([]string{
		"<!-- newslint-disable -->",
		"bad worse", // 2: both off
		"<!-- newslint-enable bad-word -->",
		"bad worse", // 4: bad-word back on
		"<!-- newslint-disable bad-word -->",
		"bad worse", // 6: both off again
		"<!-- newslint-enable bad-word -->",
		"bad worse", // 8: bad-word on
		"<!-- newslint-disable -->",
		"bad worse", // 10: a bare disable turns everything off again
		"<!-- newslint-enable -->",
		"bad worse", // 12: everything on
		"",
	}, "\n")
	for _, format := range []markup.Format{markup.Text, markup.Markdown} {
		fs, err := suppressLinter(false).Lint("a", []byte(text), format)
		require.NoError(t, err)
		assert.Equal(t, []string{"4:bad-word", "8:bad-word", "12:bad-word", "12:worse-word"}, found(fs), "format %v", format)

		fs, err = suppressLinter(true).Lint("a", []byte(text), format)
		require.NoError(t, err)
		assert.Equal(t, []string{"4:bad-word", "8:bad-word", "12:bad-word", "12:worse-word"}, found(fs),
			"format %v: every directive silenced something", format)
	}
}

// TestEnableOneRuleAfterDisablingAllToTheEnd: a rule enabled inside a
// bare disable stays on to the end of the file, the others stay off.
func TestEnableOneRuleAfterDisablingAllToTheEnd(t *testing.T) {
	text := "<!-- newslint-disable -->\nbad worse\n<!-- newslint-enable worse-word -->\nbad worse\n\nbad worse\n"
	fs, err := suppressLinter(false).Lint("a.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	assert.Equal(t, []string{"4:worse-word", "6:worse-word"}, found(fs))
}

// TestDirectivesWithCROnlyLineEnds: a file whose lines end in a lone CR
// (old Mac files) has its directive lines read as lines, as LF and CRLF
// files do.
func TestDirectivesWithCROnlyLineEnds(t *testing.T) {
	lines := []string{
		"bad",
		"<!-- newslint-disable bad-word -->",
		"bad",
		"<!-- newslint-enable -->",
		"bad",
		"<!-- newslint-disable-next-line bad-word -->",
		"bad",
		"bad",
		"",
	}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		for _, format := range []markup.Format{markup.Text, markup.Markdown} {
			fs, err := suppressLinter(true).Lint("a", []byte(strings.Join(lines, eol)), format)
			require.NoError(t, err)
			assert.Equal(t, []string{"1:bad-word", "5:bad-word", "8:bad-word"}, found(fs), "format %v, line end %q", format, eol)
		}
	}
}

// TestUnknownDirectiveReported: a comment that starts like a directive
// but is none (a misspelling) is reported, with the nearest directive,
// under ReportUnusedSuppressions; without it nothing is reported.
func TestUnknownDirectiveReported(t *testing.T) {
	text := strings.Join([]string{
		"<!-- newslint-disable-lin bad-word -->",
		"bad",
		"<!-- newslint-enabel -->",
		"<!-- Newslint-Disable-Next-Line -->",
		"bad",
		"<!-- newslint is a linter; newslint: not a directive either -->",
		"<!-- newslint-disable-next-line bad-word -->",
		"bad",
		"",
	}, "\n")
	for _, format := range []markup.Format{markup.Text, markup.Markdown, markup.HTML} {
		fs, err := suppressLinter(false).Lint("a", []byte(text), format)
		require.NoError(t, err)
		assert.Equal(t, []string{"2:bad-word", "5:bad-word"}, found(fs), "format %v", format)

		fs, err = suppressLinter(true).Lint("a", []byte(text), format)
		require.NoError(t, err)
		var msgs []string
		for _, f := range fs {
			if f.Rule == linter.UnusedSuppressionName {
				msgs = append(msgs, fmt.Sprintf("%d: %s", f.Start.Line, f.Message))
			}
		}
		assert.Equal(t, []string{
			"1: unknown directive newslint-disable-lin (did you mean newslint-disable?); it suppresses nothing",
			"3: unknown directive newslint-enabel (did you mean newslint-enable?); it suppresses nothing",
			"4: unknown directive Newslint-Disable-Next-Line (did you mean newslint-disable-next-line?); it suppresses nothing",
		}, msgs, "format %v", format)
	}
}

// TestUnknownDirectiveLongWord: a long word after "newslint-" is reported
// without being compared letter by letter.
func TestUnknownDirectiveLongWord(t *testing.T) {
	word := "newslint-" + strings.Repeat("x", 1<<20)
	fs, err := suppressLinter(true).Lint("a.txt", []byte("<!-- "+word+" -->\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, linter.UnusedSuppressionName, fs[0].Rule)
	assert.Less(t, len(fs[0].Message), 200, "the word is cut short in the message")
}
