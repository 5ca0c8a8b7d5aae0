package format

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
)

// RDJSONL writes the Reviewdog Diagnostic Format as JSON lines.
// Its columns count UTF-8 bytes, as the format defines; paths are as given
// on the command line (relative to the working directory), which is how
// reviewdog reads them.
type RDJSONL struct{ Opts Options }

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// byteRange converts positions to reviewdog's byte columns.
func byteRange(start, end article.Position) rdRange {
	return rdRange{Start: rdPosition{start.Line, start.ByteColumn}, End: rdPosition{end.Line, end.ByteColumn}}
}

// Format implements Formatter.
func (r RDJSONL) Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
	return formatByFile(r, w, results, rules)
}

// Stream implements Streamer: a line a finding.
func (r RDJSONL) Stream(w io.Writer, _ []*linter.Rule) FileWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &rdStream{r, enc}
}

type rdStream struct {
	r   RDJSONL
	enc *json.Encoder
}

func (s *rdStream) File(res linter.FileResult) error {
	// As given (relative to the working directory), as reviewdog reads
	// it.
	path := pathText(res.Path)
	for _, f := range res.Findings {
		d := rdDiagnostic{Message: f.Message, Severity: strings.ToUpper(f.Severity.String()),
			Source: rdSource{Name: s.r.Opts.ToolName, URL: s.r.Opts.InformationURI}, Code: rdCode{f.Rule}}
		d.Location.Path = path
		d.Location.Range = byteRange(f.Start, f.End)
		for _, sg := range f.Suggestions {
			for _, e := range sg.Edits {
				d.Suggestions = append(d.Suggestions, rdSuggestion{Range: byteRange(e.Start, e.End), Text: e.NewText})
			}
		}
		if err := s.enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

func (s *rdStream) Close() error { return nil }
