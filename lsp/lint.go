package lsp

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
	"github.com/newslint/newslint/people"
)

// lintResult is one lint of one version of a document.
type lintResult struct {
	text        []byte
	starts      []int
	enc         string
	file        *engine.File
	findings    []linter.Finding
	diagnostics []Diagnostic
	err         error
}

// lintText lints a document's text and turns the findings into
// diagnostics. A document over max-file-size is not linted; one
// diagnostic says so.
func lintText(l *engine.Linter, uri, path, lang string, text []byte, enc string) *lintResult {
	res := &lintResult{text: text, starts: lineStarts(text), enc: enc}
	name := path
	if name == "" {
		name = uri
	}
	if limit := maxSize(l); int64(len(text)) > limit {
		res.diagnostics = []Diagnostic{{Severity: severityInformation, Code: "max-file-size", Source: "newslint",
			Message: fmt.Sprintf("the document is %d bytes, over max-file-size (%d bytes): not linted", len(text), limit)}}
		return res
	}
	res.file, res.findings, res.err = l.LintFile(name, text, formatOf(lang, path))
	for _, f := range res.findings {
		res.diagnostics = append(res.diagnostics, res.diagnostic(uri, f))
	}
	return res
}

func maxSize(l *engine.Linter) int64 {
	if l.Config != nil && l.Config.MaxFileSize > 0 {
		return l.Config.MaxFileSize
	}
	return linter.DefaultMaxFileSize
}

// rangeOf is the LSP range of [start, end).
func (r *lintResult) rangeOf(start, end int) Range {
	return Range{Start: positionOf(r.text, r.starts, start, r.enc), End: positionOf(r.text, r.starts, end, r.enc)}
}

func (r *lintResult) diagnostic(uri string, f linter.Finding) Diagnostic {
	d := Diagnostic{Range: r.rangeOf(f.Start.Offset, f.End.Offset), Severity: severityOf(f.Severity),
		Code: f.Rule, Source: "newslint", Message: f.Message}
	for _, rel := range f.Related {
		d.RelatedInformation = append(d.RelatedInformation, relatedInformation{
			Location: Location{URI: uri, Range: r.rangeOf(rel.Start.Offset, rel.End.Offset)}, Message: rel.Message})
	}
	return d
}

func severityOf(s linter.Severity) int {
	switch s {
	case linter.Error:
		return severityError
	case linter.Warning:
		return severityWarning
	}
	return severityInformation
}

// current returns the lint of the document's current version, linting it
// now when the last lint is of an older one (a code action or hover asked
// before the pause in typing ended).
func (s *Server) current(uri string) *lintResult {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	if d.linted != nil && d.lintedGen == d.gen {
		res := d.linted
		s.mu.Unlock()
		return res
	}
	text, path, lang, enc := d.text, d.path, d.lang, s.enc
	s.mu.Unlock()
	l, _ := s.configs.linter(path)
	return lintText(l, uri, path, lang, text, enc)
}

// codeActions offers, for each finding in the range, its fixes as quick
// fixes, and a directive that disables its rule for its line.
func (s *Server) codeActions(p codeActionParams) []codeAction {
	res := s.current(p.TextDocument.URI)
	actions := []codeAction{}
	if res == nil {
		return actions
	}
	from := offsetOf(res.text, res.starts, p.Range.Start, res.enc)
	to := offsetOf(res.text, res.starts, p.Range.End, res.enc)
	uri := p.TextDocument.URI
	for i, f := range res.findings {
		if f.End.Offset < from || f.Start.Offset > to {
			continue
		}
		diag := res.diagnostics[i]
		for k, sg := range f.Suggestions {
			var edits []textEdit
			for _, e := range sg.Edits {
				edits = append(edits, textEdit{Range: res.rangeOf(e.Start.Offset, e.End.Offset), NewText: e.NewText})
			}
			actions = append(actions, codeAction{Title: sg.Message, Kind: "quickfix", Diagnostics: []Diagnostic{diag},
				IsPreferred: k == 0, Edit: &workspaceEdit{Changes: map[string][]textEdit{uri: edits}}})
		}
		actions = append(actions, codeAction{Title: "Disable " + f.Rule + " for this line", Kind: "quickfix",
			Diagnostics: []Diagnostic{diag}, Edit: &workspaceEdit{Changes: map[string][]textEdit{uri: {res.disableLine(f)}}}})
	}
	return actions
}

// disableLine inserts, above the finding's line, the directive that
// suppresses its rule there: an HTML comment on a line of its own, which
// plain text, Markdown and HTML all read, indented like the line.
func (r *lintResult) disableLine(f linter.Finding) textEdit {
	line := lineOf(r.starts, f.Start.Offset)
	start := r.starts[line]
	indent := start
	for indent < len(r.text) && (r.text[indent] == ' ' || r.text[indent] == '\t') {
		indent++
	}
	eol := "\n"
	if end := lineEnd(r.text, start); end+1 < len(r.text) && r.text[end] == '\r' && r.text[end+1] == '\n' {
		eol = "\r\n"
	}
	at := Position{Line: line, Character: 0}
	return textEdit{Range: Range{Start: at, End: at},
		NewText: string(r.text[start:indent]) + "<!-- newslint-disable-next-line " + f.Rule + " -->" + eol}
}

// hover shows who newslint thinks the name under the cursor is: the
// entity's name, kind and evidence, roles, and every mention.
func (s *Server) hover(p hoverParams) *hover {
	res := s.current(p.TextDocument.URI)
	if res == nil || res.file == nil {
		return nil
	}
	off := offsetOf(res.text, res.starts, p.Position, res.enc)
	pm := res.file.People
	for _, m := range pm.Mentions {
		if off < m.Span.Start || off >= m.Span.End {
			continue
		}
		e := m.Entity
		rg := res.rangeOf(m.Span.Start, m.Span.End)
		if m.Form == people.Pronoun {
			// A pronoun shows whom it refers to and why, or why no one.
			word := strings.TrimSpace(string(res.text[m.Span.Start:m.Span.End]))
			if m.Referent < 0 {
				v := fmt.Sprintf("“%s”: not resolved (%s)", word, m.Why)
				if m.Entity >= 0 {
					v += fmt.Sprintf("; the most recent person of its gender is %s", pm.Entities[m.Entity].Name)
				}
				return &hover{Contents: markupContent{Kind: "markdown", Value: v}, Range: &rg}
			}
			v := fmt.Sprintf("“%s” refers to %s: %s\n\n", word, pm.Entities[m.Referent].Name, m.Why) + res.describe(pm, m.Referent)
			return &hover{Contents: markupContent{Kind: "markdown", Value: v}, Range: &rg}
		}
		if e < 0 {
			return nil
		}
		return &hover{Contents: markupContent{Kind: "markdown", Value: res.describe(pm, e)}, Range: &rg}
	}
	return nil
}

// describe is an entity in Markdown, as newslint inspect shows it.
func (r *lintResult) describe(pm *people.Model, e int) string {
	ent := &pm.Entities[e]
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**: %s", ent.Name, ent.Kind)
	if len(ent.Evidence) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(ent.Evidence, "; "))
	}
	if ent.Gender != "" {
		fmt.Fprintf(&b, ", %s", ent.Gender)
	}
	b.WriteString("\n\n")
	var roles, ages []string
	seen := map[string]bool{}
	for _, r := range ent.Roles {
		if a := strconv.Itoa(r.Age); r.Age > 0 && !slices.Contains(ages, a) {
			ages = append(ages, a)
		}
		switch {
		case people.IsAge(&r):
		case !seen[r.Text]:
			seen[r.Text] = true
			roles = append(roles, r.Text)
		}
	}
	if len(roles) > 0 {
		fmt.Fprintf(&b, "Roles: %s\n\n", strings.Join(roles, "; "))
	}
	for _, mi := range ent.Mentions {
		if n := pm.Mentions[mi].Age; n > 0 && !slices.Contains(ages, strconv.Itoa(n)) {
			ages = append(ages, strconv.Itoa(n))
		}
	}
	if len(ages) > 0 {
		fmt.Fprintf(&b, "Age: %s\n\n", strings.Join(ages, ", "))
	}
	var names, pronouns []string
	for _, mi := range ent.Mentions {
		m := pm.Mentions[mi]
		line := lineOf(r.starts, m.Span.Start) + 1
		names = append(names, fmt.Sprintf("- line %d: “%s”", line, strings.TrimSpace(string(r.text[m.Span.Start:m.Span.End]))))
	}
	for _, m := range pm.Mentions {
		if m.Form == people.Pronoun && m.Quote < 0 && m.Referent == e {
			pronouns = append(pronouns, fmt.Sprintf("%s (line %d: %s)", r.text[m.Span.Start:m.Span.End], lineOf(r.starts, m.Span.Start)+1, m.Why))
		}
	}
	fmt.Fprintf(&b, "Mentioned %d time%s:\n\n%s\n", len(names), plural(len(names)), strings.Join(names, "\n"))
	if len(pronouns) > 0 {
		fmt.Fprintf(&b, "\nPronouns: %s\n", strings.Join(pronouns, ", "))
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
