package format

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newslint/newslint/linter"
)

// Text writes `path:line:column: severity: message (rule)`, one
// finding a line; files that could not be linted are written as
// `path: error: message`. Control characters and bytes that are not UTF-8,
// in paths and messages alike, are written as escapes (\x1b, \n, \xff).
type Text struct {
	// Color writes the location in bold, the severity in its colour and
	// the rule dimmed, with ANSI escapes: for a terminal.
	Color bool
}

// ANSI escapes of the colours Text and Summary use.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// severityColor is the colour of a severity's name.
func severityColor(s linter.Severity) string {
	switch s {
	case linter.Error:
		return ansiRed
	case linter.Warning:
		return ansiYellow
	}
	return ansiCyan
}

// paint wraps s in the escape code when color is set.
func paint(color bool, code, s string) string {
	if !color {
		return s
	}
	return code + s + ansiReset
}

// Format implements Formatter.
func (t Text) Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
	return formatByFile(t, w, results, rules)
}

// Stream implements Streamer.
func (t Text) Stream(w io.Writer, _ []*linter.Rule) FileWriter { return &textStream{t, w} }

type textStream struct {
	t Text
	w io.Writer
}

func (s *textStream) File(r linter.FileResult) error {
	t, w := s.t, s.w
	path := visible(r.Path)
	for _, f := range r.Findings {
		loc := path + ":" + strconv.Itoa(f.Start.Line) + ":" + strconv.Itoa(f.Start.Column) + ":"
		if _, err := fmt.Fprintf(w, "%s %s: %s %s\n", paint(t.Color, ansiBold, loc),
			paint(t.Color, severityColor(f.Severity), f.Severity.String()), visible(f.Message),
			paint(t.Color, ansiDim, "("+f.Rule+")")); err != nil {
			return err
		}
	}
	if r.Err != nil {
		if _, err := fmt.Fprintf(w, "%s %s: %s\n", paint(t.Color, ansiBold, path+":"),
			paint(t.Color, ansiRed, "error"), visible(r.Err.Error())); err != nil {
			return err
		}
	}
	return nil
}

func (s *textStream) Close() error { return nil }

// Summary is the line that ends text output (without its newline):
// "877 problems (699 errors, 150 warnings, 28 info) in 776 of 2,419
// files", "no problems in 12 files", with "; 2 files could not be linted"
// when some could not and "; 3 hidden by --min-severity" for the hidden
// findings (which still count for the exit status). Files counts the files
// linted (a file a rule failed on, with findings, among them); problems,
// the findings in results. With color, it is red when there is an error or
// a file that could not be linted, yellow for warnings, and green when
// there is nothing.
func Summary(results []linter.FileResult, hidden int, color bool) string {
	var t Tally
	for _, r := range results {
		t.Add(r)
	}
	return t.Summary(hidden, color)
}

// Tally counts what Summary says, one file's results at a time, so that a
// run that writes each file's findings as it goes need not keep them.
type Tally struct {
	bySeverity                            [linter.Error + 1]int
	problems, files, withProblems, failed int
}

// Add counts one file's results.
func (t *Tally) Add(r linter.FileResult) {
	if r.Err != nil {
		t.failed++
	}
	if r.Err == nil || len(r.Findings) > 0 {
		t.files++
	}
	if len(r.Findings) > 0 {
		t.withProblems++
	}
	for _, f := range r.Findings {
		t.problems++
		if f.Severity >= linter.Info && f.Severity <= linter.Error {
			t.bySeverity[f.Severity]++
		}
	}
}

// Summary is Summary's line for the results counted.
func (t *Tally) Summary(hidden int, color bool) string {
	bySeverity, problems, files, withProblems, failed := t.bySeverity, t.problems, t.files, t.withProblems, t.failed
	var b strings.Builder
	switch {
	case problems > 0:
		b.WriteString(count(problems, "problem", "problems"))
		var parts []string
		for _, s := range []struct {
			sev        linter.Severity
			one, other string
		}{{linter.Error, "error", "errors"}, {linter.Warning, "warning", "warnings"}, {linter.Info, "info", "info"}} {
			if n := bySeverity[s.sev]; n > 0 {
				parts = append(parts, count(n, s.one, s.other))
			}
		}
		if len(parts) > 0 {
			b.WriteString(" (" + strings.Join(parts, ", ") + ")")
		}
		if files == 1 {
			b.WriteString(" in 1 file")
		} else {
			b.WriteString(" in " + thousands(withProblems) + " of " + count(files, "file", "files"))
		}
	case files > 0 || failed == 0:
		b.WriteString("no problems in " + count(files, "file", "files"))
	}
	if failed > 0 {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(count(failed, "file", "files") + " could not be linted")
	}
	if hidden > 0 {
		b.WriteString("; " + thousands(hidden) + " hidden by --min-severity")
	}
	code := ansiGreen
	switch {
	case bySeverity[linter.Error] > 0 || failed > 0:
		code = ansiRed
	case bySeverity[linter.Warning] > 0:
		code = ansiYellow
	case problems > 0:
		code = ansiCyan
	}
	return paint(color, ansiBold+code, visible(b.String()))
}

// count writes n with its noun: "1 file", "2,419 files".
func count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + other
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
