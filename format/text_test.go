package format

import (
	"bytes"
	"errors"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// findingsOf makes n findings of one severity.
func findingsOf(n int, s linter.Severity) []linter.Finding {
	fs := make([]linter.Finding, n)
	for i := range fs {
		fs[i] = linter.Finding{Rule: "r", Severity: s}
	}
	return fs
}

func TestSummary(t *testing.T) {
	// The example: 2,419 files, 776 with problems.
	results := make([]linter.FileResult, 2419)
	for i := 0; i < 699; i++ {
		results[i].Findings = findingsOf(1, linter.Error)
	}
	for i := 0; i < 150; i++ {
		j := 699 + i%77 // files 699 to 775
		results[j].Findings = append(results[j].Findings, findingsOf(1, linter.Warning)...)
	}
	results[3].Findings = append(results[3].Findings, findingsOf(28, linter.Info)...)
	assert.Equal(t, "877 problems (699 errors, 150 warnings, 28 info) in 776 of 2,419 files", Summary(results, 0, false))

	clean := make([]linter.FileResult, 12)
	assert.Equal(t, "no problems in 12 files", Summary(clean, 0, false))
	assert.Equal(t, "no problems in 1 file", Summary(clean[:1], 0, false))

	one := []linter.FileResult{{Findings: findingsOf(1, linter.Warning)}}
	assert.Equal(t, "1 problem (1 warning) in 1 file", Summary(one, 0, false))
	two := []linter.FileResult{{Findings: findingsOf(2, linter.Info)}, {}}
	assert.Equal(t, "2 problems (2 info) in 1 of 2 files", Summary(two, 0, false))

	failed := []linter.FileResult{{}, {Err: errors.New("binary")}, {Err: errors.New("gone")}}
	assert.Equal(t, "no problems in 1 file; 2 files could not be linted", Summary(failed, 0, false))
	assert.Equal(t, "1 file could not be linted", Summary(failed[1:2], 0, false))
	// A rule that failed on a file with findings: linted, and not wholly.
	partial := []linter.FileResult{{Findings: findingsOf(1, linter.Error), Err: errors.New("rule failed")}, {}}
	assert.Equal(t, "1 problem (1 error) in 1 of 2 files; 1 file could not be linted", Summary(partial, 0, false))

	assert.Equal(t, "no problems in 12 files; 3 hidden by --min-severity", Summary(clean, 3, false))
	assert.Equal(t, "1 problem (1 warning) in 1 file; 1,200 hidden by --min-severity", Summary(one, 1200, false))

	assert.Equal(t, "\x1b[1m\x1b[32mno problems in 12 files\x1b[0m", Summary(clean, 0, true))
	assert.Equal(t, "\x1b[1m\x1b[33m1 problem (1 warning) in 1 file\x1b[0m", Summary(one, 0, true))
	assert.Equal(t, "\x1b[1m\x1b[31m877 problems (699 errors, 150 warnings, 28 info) in 776 of 2,419 files\x1b[0m", Summary(results, 0, true))
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 2419: "2,419", 123456: "123,456", 1234567: "1,234,567", -4500: "-4,500"} {
		assert.Equal(t, want, thousands(n))
	}
}

func TestTextColor(t *testing.T) {
	results := []linter.FileResult{
		{Path: "a.txt", Findings: []linter.Finding{
			{Rule: "quote-balance", Severity: linter.Warning, Message: "unclosed", Start: article.Position{Line: 3, Column: 1}},
			{Rule: "name-spelling", Severity: linter.Error, Message: "misspelt", Start: article.Position{Line: 4, Column: 7}},
			{Rule: "unintroduced-person", Severity: linter.Info, Message: "who?", Start: article.Position{Line: 5, Column: 2}},
		}},
		{Path: "b\x1b.txt", Err: errors.New("binary file")},
	}
	var plain, color bytes.Buffer
	require.NoError(t, Text{}.Format(&plain, results, nil))
	require.NoError(t, Text{Color: true}.Format(&color, results, nil))
	assert.Equal(t, "a.txt:3:1: warning: unclosed (quote-balance)\n"+
		"a.txt:4:7: error: misspelt (name-spelling)\n"+
		"a.txt:5:2: info: who? (unintroduced-person)\n"+
		"b\\x1b.txt: error: binary file\n", plain.String())
	assert.Equal(t, "\x1b[1ma.txt:3:1:\x1b[0m \x1b[33mwarning\x1b[0m: unclosed \x1b[2m(quote-balance)\x1b[0m\n"+
		"\x1b[1ma.txt:4:7:\x1b[0m \x1b[31merror\x1b[0m: misspelt \x1b[2m(name-spelling)\x1b[0m\n"+
		"\x1b[1ma.txt:5:2:\x1b[0m \x1b[36minfo\x1b[0m: who? \x1b[2m(unintroduced-person)\x1b[0m\n"+
		"\x1b[1mb\\x1b.txt:\x1b[0m \x1b[31merror\x1b[0m: binary file\n", color.String(),
		"the escapes are newslint's own: the path's control character is still escaped")
}
