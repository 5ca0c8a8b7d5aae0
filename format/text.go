package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/linter"
)

// Text writes `path:line:column: severity: message (rule)`, one
// finding a line; files that could not be linted are written as
// `path: error: message`.
type Text struct{}

// Format implements Formatter.
func (Text) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
	for _, r := range results {
		for _, f := range r.Findings {
			msg := strings.ReplaceAll(f.Message, "\n", " ")
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s (%s)\n", r.Path, f.Start.Line, f.Start.Column, f.Severity, msg, f.Rule); err != nil {
				return err
			}
		}
		if r.Err != nil {
			if _, err := fmt.Fprintf(w, "%s: error: %s\n", r.Path, r.Err); err != nil {
				return err
			}
		}
	}
	return nil
}
