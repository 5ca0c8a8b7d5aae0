package format

import (
	"fmt"
	"io"

	"github.com/newslint/newslint/linter"
)

// Text writes `path:line:column: severity: message (rule)`, one
// finding a line; files that could not be linted are written as
// `path: error: message`. Control characters and bytes that are not UTF-8,
// in paths and messages alike, are written as escapes (\x1b, \n, \xff).
type Text struct{}

// Format implements Formatter.
func (Text) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
	for _, r := range results {
		for _, f := range r.Findings {
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s (%s)\n", visible(r.Path), f.Start.Line, f.Start.Column, f.Severity, visible(f.Message), f.Rule); err != nil {
				return err
			}
		}
		if r.Err != nil {
			if _, err := fmt.Fprintf(w, "%s: error: %s\n", visible(r.Path), visible(r.Err.Error())); err != nil {
				return err
			}
		}
	}
	return nil
}
