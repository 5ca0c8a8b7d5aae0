package format

import (
	"io"

	"github.com/newslint/newslint/linter"
)

// Streamer is a Formatter that can also write the results one file at a
// time, as the files are linted, so that a run need not hold every file's
// findings until the end (text, json, rdjsonl, checkstyle). What a stream
// writes is what Format writes for the same results, byte for byte:
// Format is the stream of every result.
type Streamer interface {
	Formatter
	Stream(w io.Writer, rules []*linter.Rule) FileWriter
}

// FileWriter writes one file's results at a time, in the order Format
// would write them; Close writes what ends the output.
type FileWriter interface {
	File(r linter.FileResult) error
	Close() error
}

// formatByFile is Format for a Streamer: every result through its stream.
func formatByFile(s Streamer, w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
	fw := s.Stream(w, rules)
	for _, r := range results {
		if err := fw.File(r); err != nil {
			return err
		}
	}
	return fw.Close()
}
