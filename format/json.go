package format

import (
	"io"
	"strconv"
	"unicode/utf8"

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
	// File is the file the place is in when it is not the finding's (a
	// source quote-fidelity checked against); omitted otherwise.
	File string `json:"file,omitempty"`
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
			jf.Findings = append(jf.Findings, jsonFinding(f))
		}
		out.Files = append(out.Files, jf)
	}
	return out
}

// jsonFinding converts a finding to its JSON form.
func jsonFinding(f linter.Finding) JSONFinding {
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
		jfnd.Related = append(jfnd.Related, JSONRelated{File: pathText(r.File), JSONRange: jsonRange(r.Start, r.End), Message: r.Message})
	}
	return jfnd
}

// Format implements Formatter.
func (j JSON) Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
	return formatByFile(j, w, results, rules)
}

// Stream implements Streamer. The document is written as encoding/json
// writes JSONOutput with a two-space indent and HTML left unescaped, byte
// for byte (TestJSONMatchesEncodingJSON), without reflection and in
// pieces of about 64 KB, each file's object as the file comes and each
// finding as it is converted: nothing of a run's findings, however many,
// is held in a second form.
func (JSON) Stream(dst io.Writer, _ []*linter.Rule) FileWriter {
	s := &jsonStream{dst: dst, w: jsonWriter{b: make([]byte, 0, 80<<10)}}
	w := &s.w
	w.open('{')
	w.intField("version", 1)
	w.key("files")
	w.open('[')
	return s
}

type jsonStream struct {
	dst io.Writer
	w   jsonWriter
}

func (s *jsonStream) File(r linter.FileResult) error {
	w := &s.w
	w.elem()
	w.open('{')
	w.strField("path", pathText(r.Path))
	w.key("findings")
	w.open('[')
	for _, f := range r.Findings {
		w.elem()
		w.finding(jsonFinding(f))
		if len(w.b) >= 64<<10 {
			if err := s.flush(); err != nil {
				return err
			}
		}
	}
	w.close(']')
	if e := errText(r); e != "" {
		w.strField("error", e)
	}
	w.close('}')
	if len(w.b) >= 64<<10 {
		return s.flush()
	}
	return nil
}

func (s *jsonStream) Close() error {
	s.w.close(']')
	s.w.close('}')
	s.w.b = append(s.w.b, '\n')
	return s.flush()
}

func (s *jsonStream) flush() error {
	_, err := s.dst.Write(s.w.b)
	s.w.b = s.w.b[:0]
	return err
}

func (w *jsonWriter) finding(f JSONFinding) {
	w.open('{')
	w.strField("rule", f.Rule)
	w.strField("severity", f.Severity)
	w.strField("message", f.Message)
	w.rangeFields(f.JSONRange)
	w.key("suggestions")
	w.open('[')
	for _, s := range f.Suggestions {
		w.elem()
		w.open('{')
		w.strField("message", s.Message)
		w.key("edits")
		w.open('[')
		for _, e := range s.Edits {
			w.rangeElem(e.JSONRange, "text", e.Text)
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
	if len(f.Related) > 0 {
		w.key("related")
		w.open('[')
		for _, r := range f.Related {
			if r.File == "" {
				w.rangeElem(r.JSONRange, "message", r.Message)
				continue
			}
			w.elem()
			w.open('{')
			w.strField("file", r.File)
			w.rangeFields(r.JSONRange)
			w.strField("message", r.Message)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

// rangeElem writes an element of the open array: an object of a range's
// fields and one string member (an edit's text, a related place's
// message).
func (w *jsonWriter) rangeElem(r JSONRange, name, v string) {
	w.elem()
	w.open('{')
	w.rangeFields(r)
	w.strField(name, v)
	w.close('}')
}

func (w *jsonWriter) rangeFields(r JSONRange) {
	w.intField("line", r.Line)
	w.intField("column", r.Column)
	w.intField("endLine", r.EndLine)
	w.intField("endColumn", r.EndColumn)
	w.intField("offset", r.Offset)
	w.intField("endOffset", r.EndOffset)
}

// jsonWriter writes indented JSON: every member and element on a line of
// its own, two spaces deeper than its container; an empty container as
// {} or [].
type jsonWriter struct {
	b []byte
	// empty says, for each open container, whether nothing is in it yet.
	empty []bool
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.empty = append(w.empty, true)
}

func (w *jsonWriter) close(c byte) {
	n := len(w.empty) - 1
	if !w.empty[n] {
		w.newline(n)
	}
	w.empty = w.empty[:n]
	w.b = append(w.b, c)
}

// elem starts an element of the open array; key a member of the open
// object.
func (w *jsonWriter) elem() {
	n := len(w.empty)
	if !w.empty[n-1] {
		w.b = append(w.b, ',')
	}
	w.empty[n-1] = false
	w.newline(n)
}

func (w *jsonWriter) key(name string) {
	w.elem()
	w.str(name)
	w.b = append(w.b, ':', ' ')
}

func (w *jsonWriter) newline(depth int) {
	w.b = append(w.b, '\n')
	for k := 0; k < depth; k++ {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonWriter) int(v int) { w.b = strconv.AppendInt(w.b, int64(v), 10) }

// strField and intField write a member of the open object.
func (w *jsonWriter) strField(name, v string) {
	w.key(name)
	w.str(v)
}

func (w *jsonWriter) intField(name string, v int) {
	w.key(name)
	w.int(v)
}

// str writes s as encoding/json does with HTML left unescaped: quotes and
// backslashes escaped, control characters as \b \f \n \r \t or \u00XX,
// bytes that are not UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}
