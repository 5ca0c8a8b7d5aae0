package format

import (
	"encoding/json"
	"io"

	"github.com/newslint/newslint/article"
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

// JSONRange is where a finding, an edit or a piece of evidence lies: lines
// and columns 1-based (columns in code points), offsets 0-based bytes, the
// ends exclusive. Its fields are written inline in the object holding it.
type JSONRange struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
	Offset    int `json:"offset"`
	EndOffset int `json:"endOffset"`
}

func jsonRange(start, end article.Position) JSONRange {
	return JSONRange{Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column, Offset: start.Offset, EndOffset: end.Offset}
}

// JSONFinding is one finding. End positions are exclusive.
type JSONFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	JSONRange
	Suggestions []JSONSuggestion `json:"suggestions"`
	// Related is the evidence elsewhere in the text, when the rule gives
	// it (the established spelling of a name, the reported speaker).
	Related []JSONRelated `json:"related,omitempty"`
}

// JSONRelated is a place in the text that explains a finding.
type JSONRelated struct {
	JSONRange
	Message string `json:"message"`
}

// JSONSuggestion is a suggested fix.
type JSONSuggestion struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit replaces [offset, endOffset) with text.
type JSONEdit struct {
	JSONRange
	Text string `json:"text"`
}

// JSON writes JSONOutput.
type JSON struct{}

// ToJSON converts results to the JSON document.
func ToJSON(results []linter.FileResult) JSONOutput {
	out := JSONOutput{Version: 1, Files: make([]JSONFile, 0, len(results))}
	for _, r := range results {
		jf := JSONFile{Path: pathText(r.Path), Findings: make([]JSONFinding, 0, len(r.Findings)), Error: errText(r)}
		for _, f := range r.Findings {
			jfnd := JSONFinding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
				JSONRange: jsonRange(f.Start, f.End), Suggestions: []JSONSuggestion{}}
			for _, s := range f.Suggestions {
				js := JSONSuggestion{Message: s.Message, Edits: []JSONEdit{}}
				for _, e := range s.Edits {
					js.Edits = append(js.Edits, JSONEdit{JSONRange: jsonRange(e.Start, e.End), Text: e.NewText})
				}
				jfnd.Suggestions = append(jfnd.Suggestions, js)
			}
			for _, r := range f.Related {
				jfnd.Related = append(jfnd.Related, JSONRelated{JSONRange: jsonRange(r.Start, r.End), Message: r.Message})
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
