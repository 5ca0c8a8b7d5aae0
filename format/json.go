package format

import (
	"encoding/json"
	"io"

	"github.com/newslint/newslint/linter"
)

// JSONOutput is the document written by --format json. Its field names are
// a stable interface for editor plugins and scripts.
type JSONOutput struct {
	Version int        `json:"version"`
	Files   []JSONFile `json:"files"`
}

// JSONFile is one file of JSONOutput.
type JSONFile struct {
	Path     string        `json:"path"`
	Findings []JSONFinding `json:"findings"`
	Error    string        `json:"error,omitempty"`
}

// JSONFinding is one finding. End positions are exclusive.
type JSONFinding struct {
	Rule        string           `json:"rule"`
	Severity    string           `json:"severity"`
	Message     string           `json:"message"`
	Line        int              `json:"line"`
	Column      int              `json:"column"`
	EndLine     int              `json:"endLine"`
	EndColumn   int              `json:"endColumn"`
	Offset      int              `json:"offset"`
	EndOffset   int              `json:"endOffset"`
	Suggestions []JSONSuggestion `json:"suggestions"`
	// Related is the evidence elsewhere in the text, when the rule gives
	// it (the established spelling of a name, the reported speaker).
	Related []JSONRelated `json:"related,omitempty"`
}

// JSONRelated is a place in the text that explains a finding.
type JSONRelated struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Message   string `json:"message"`
}

// JSONSuggestion is a suggested fix.
type JSONSuggestion struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit replaces [offset, endOffset) with text.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Text      string `json:"text"`
}

// JSON writes JSONOutput.
type JSON struct{}

// ToJSON converts results to the JSON document.
func ToJSON(results []linter.FileResult) JSONOutput {
	out := JSONOutput{Version: 1, Files: make([]JSONFile, 0, len(results))}
	for _, r := range results {
		jf := JSONFile{Path: pathText(r.Path), Findings: make([]JSONFinding, 0, len(r.Findings)), Error: errText(r)}
		for _, f := range r.Findings {
			jfnd := JSONFinding{
				Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
				Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
				Offset: f.Start.Offset, EndOffset: f.End.Offset, Suggestions: []JSONSuggestion{},
			}
			for _, s := range f.Suggestions {
				js := JSONSuggestion{Message: s.Message, Edits: []JSONEdit{}}
				for _, e := range s.Edits {
					js.Edits = append(js.Edits, JSONEdit{
						Line: e.Start.Line, Column: e.Start.Column, EndLine: e.End.Line, EndColumn: e.End.Column,
						Offset: e.Start.Offset, EndOffset: e.End.Offset, Text: e.NewText,
					})
				}
				jfnd.Suggestions = append(jfnd.Suggestions, js)
			}
			for _, r := range f.Related {
				jfnd.Related = append(jfnd.Related, JSONRelated{
					Line: r.Start.Line, Column: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column,
					Offset: r.Start.Offset, EndOffset: r.End.Offset, Message: r.Message,
				})
			}
			jf.Findings = append(jf.Findings, jfnd)
		}
		out.Files = append(out.Files, jf)
	}
	return out
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ToJSON(results))
}
