package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/linter"
)

// GitHub writes GitHub Actions workflow commands, one a line.
type GitHub struct{ Opts Options }

// escapeData escapes a workflow command's message as the Actions toolkit
// does.
func escapeData(s string) string {
	return dataEscaper.Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// safeData is a message as GitHub shows it: newlines kept (the toolkit's
// escapes), every other control character made visible.
func safeData(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = visible(l)
	}
	return escapeData(strings.Join(lines, "\n"))
}

// Format implements Formatter.
func (g GitHub) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
	for _, r := range results {
		file := escapeProperty(visible(relPath(g.Opts.BaseDir, r.Path)))
		for _, f := range r.Findings {
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				level(f.Severity, "notice"), file, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
				escapeProperty("newslint "+f.Rule), safeData(f.Message)); err != nil {
				return err
			}
		}
		if r.Err != nil {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", file, escapeProperty("newslint"), safeData(r.Err.Error())); err != nil {
				return err
			}
		}
	}
	return nil
}
