package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/source"
)

// lintResult is one lint of one version of a document.
type lintResult struct {
	text        []byte
	idx         *lineIndex
	file        *engine.File
	findings    []linter.Finding
	diagnostics []Diagnostic
	err         error
	// archive is the name authority the document was linted with (its
	// configuration's), for hovers; nil when none.
	archive *archive.Authority
	// sources are the sources its quotations were checked against, for
	// hovers; nil when none.
	sources *source.Index
}

// lintText lints a document's text and turns the findings into
// diagnostics. A document over max-file-size is not linted; one
// diagnostic says so.
func lintText(l *engine.Linter, uri, path, lang string, text []byte, enc string) *lintResult {
	res := &lintResult{text: text, idx: newLineIndex(text, enc)}
	name := path
	if name == "" {
		name = uri
	}
	if limit := maxSize(l); int64(len(text)) > limit {
		res.diagnostics = []Diagnostic{{Severity: severityInformation, Code: "max-file-size", Source: "newslint",
			Message: fmt.Sprintf("the document is %d bytes, over max-file-size (%d bytes): not linted", len(text), limit)}}
		return res
	}
	format := formatOf(lang, path)
	res.file, res.findings, res.err = l.LintFile(name, text, format)
	if l.Config != nil {
		res.archive = l.Config.Archive
		if l.Sources != nil && res.file != nil {
			// The set the lint used, from the session's cache.
			res.sources, _ = l.Sources.For(l.Config, name, text, format)
		}
	}
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
	return Range{Start: r.idx.positionOf(start), End: r.idx.positionOf(end)}
}

func (r *lintResult) diagnostic(uri string, f linter.Finding) Diagnostic {
	d := Diagnostic{Range: r.rangeOf(f.Start.Offset, f.End.Offset), Severity: severityOf(f.Severity),
		Code: f.Rule, Source: "newslint", Message: f.Message}
	for _, rel := range f.Related {
		loc := Location{URI: uri, Range: r.rangeOf(rel.Start.Offset, rel.End.Offset)}
		if rel.File != "" {
			// A place in another file (a source quote-fidelity read):
			// its lines and columns, as that file gives them.
			loc = Location{URI: fileURIOf(rel.File), Range: Range{Start: Position{Line: rel.Start.Line - 1, Character: rel.Start.Column - 1},
				End: Position{Line: rel.End.Line - 1, Character: rel.End.Column - 1}}}
		}
		d.RelatedInformation = append(d.RelatedInformation, relatedInformation{Location: loc, Message: rel.Message})
	}
	return d
}

// fileURIOf is the file URI of a path.
func fileURIOf(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
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
	if res := s.models.get(d, d.gen); res != nil {
		s.mu.Unlock()
		return res
	}
	text, path, lang, enc, gen := d.text.bytes(), d.path, d.lang, s.enc, d.gen
	s.mu.Unlock()
	l, _ := s.configs.linter(path)
	res := lintText(l, uri, path, lang, text, enc)
	s.mu.Lock()
	if !d.closed && d.gen == gen {
		s.models.put(d, gen, res)
	}
	s.mu.Unlock()
	return res
}

// models holds the lints of the documents linted or shown last, with
// their models, for hover and code actions: at most maxModels of them,
// and beyond the newest at most maxModelBytes of text. Any other
// document is linted again when it is asked about.
type models struct {
	entries []modelEntry // oldest first
}

type modelEntry struct {
	d   *document
	gen int
	res *lintResult
}

const (
	maxModels     = 4
	maxModelBytes = 2 << 20
)

// get returns d's lint if it is of generation gen, and makes it the
// newest.
func (m *models) get(d *document, gen int) *lintResult {
	for i, e := range m.entries {
		if e.d == d {
			if e.gen != gen {
				return nil
			}
			m.entries = append(slices.Delete(m.entries, i, i+1), e)
			return e.res
		}
	}
	return nil
}

// put keeps d's lint of generation gen as the newest, and forgets the
// oldest beyond the limits.
func (m *models) put(d *document, gen int, res *lintResult) {
	m.drop(d)
	m.entries = append(m.entries, modelEntry{d, gen, res})
	total := 0
	keep := len(m.entries) - 1
	for keep > 0 && len(m.entries)-keep < maxModels {
		total += len(m.entries[keep-1].res.text)
		if total > maxModelBytes {
			break
		}
		keep--
	}
	if keep > 0 {
		clear(m.entries[:keep])
		m.entries = append(m.entries[:0], m.entries[keep:]...)
	}
}

// drop forgets d's lint.
func (m *models) drop(d *document) {
	for i, e := range m.entries {
		if e.d == d {
			m.entries = slices.Delete(m.entries, i, i+1)
			return
		}
	}
}

// codeActions offers, for each finding in the range, its fixes as quick
// fixes, and a directive that disables its rule for its line.
func (s *Server) codeActions(p codeActionParams) []codeAction {
	res := s.current(p.TextDocument.URI)
	actions := []codeAction{}
	if res == nil {
		return actions
	}
	from := res.idx.offsetOf(p.Range.Start)
	to := res.idx.offsetOf(p.Range.End)
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
	line := r.idx.lineOf(f.Start.Offset)
	start := r.idx.starts[line]
	indent := start
	for indent < len(r.text) && (r.text[indent] == ' ' || r.text[indent] == '\t') {
		indent++
	}
	eol := "\n"
	if end := r.idx.lineEnd(line); end+1 < len(r.text) && r.text[end] == '\r' && r.text[end+1] == '\n' {
		eol = "\r\n"
	}
	at := Position{Line: line, Character: 0}
	return textEdit{Range: Range{Start: at, End: at},
		NewText: string(r.text[start:indent]) + "<!-- newslint-disable-next-line " + f.Rule + " -->" + eol}
}

// hover shows who newslint thinks the name under the cursor is: the
// entity's name, kind and evidence, roles, and every mention; elsewhere
// in a quotation, when sources are given, where it is in them.
func (s *Server) hover(p hoverParams) *hover {
	res := s.current(p.TextDocument.URI)
	if res == nil || res.file == nil {
		return nil
	}
	off := res.idx.offsetOf(p.Position)
	pm := res.file.People
	for _, m := range pm.Mentions {
		if off < m.Span().Start || off >= m.Span().End {
			continue
		}
		e := int(m.Entity)
		rg := res.rangeOf(m.Span().Start, m.Span().End)
		if m.Form == people.Pronoun {
			// A pronoun shows whom it refers to and why, or why no one.
			word := strings.TrimSpace(string(res.text[m.Span().Start:m.Span().End]))
			if m.Referent < 0 {
				v := fmt.Sprintf("“%s”: not resolved (%s)", word, m.Why)
				if m.Entity >= 0 {
					v += fmt.Sprintf("; the most recent person of its gender is %s", pm.Entities[m.Entity].Name)
				}
				return &hover{Contents: markupContent{Kind: "markdown", Value: v}, Range: &rg}
			}
			v := fmt.Sprintf("“%s” refers to %s: %s\n\n", word, pm.Entities[m.Referent].Name, m.Why) + res.describe(pm, int(m.Referent))
			return &hover{Contents: markupContent{Kind: "markdown", Value: v}, Range: &rg}
		}
		if e < 0 {
			return res.quoteHover(off)
		}
		v := res.describe(pm, e)
		if ev := archiveEvidence(res.archive, &pm.Entities[e]); ev != "" {
			v += "\n" + ev + "\n"
		}
		return &hover{Contents: markupContent{Kind: "markdown", Value: v}, Range: &rg}
	}
	return res.quoteHover(off)
}

// hoverListMax is how many items of one list (mentions, pronouns, roles)
// a hover shows: an entity mentioned 100,000 times shows 20 and counts
// the rest.
const hoverListMax = 20

// list gathers at most hoverListMax items and counts them all.
type list struct {
	items []string
	n     int
}

func (l *list) add(item string) {
	if l.n++; len(l.items) < hoverListMax {
		l.items = append(l.items, item)
	}
}

// join is the items joined by sep, and "… and N more" if some were left
// out.
func (l *list) join(sep string) string {
	s := strings.Join(l.items, sep)
	if more := l.n - len(l.items); more > 0 {
		s += fmt.Sprintf("%s… and %d more", sep, more)
	}
	return s
}

// describe is an entity in Markdown, as newslint inspect shows it, with
// each list cut at hoverListMax items.
func (r *lintResult) describe(pm *people.Model, e int) string {
	ent := &pm.Entities[e]
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**: %s", ent.Name, ent.Kind)
	if len(ent.Evidence) > 0 {
		var ev list
		for _, s := range ent.Evidence {
			ev.add(s)
		}
		fmt.Fprintf(&b, " (%s)", ev.join("; "))
	}
	if ent.Gender != "" {
		fmt.Fprintf(&b, ", %s", ent.Gender)
	}
	b.WriteString("\n\n")
	var roles, ages list
	seenRole, seenAge := map[string]bool{}, map[int]bool{}
	addAge := func(n int) {
		if n > 0 && !seenAge[n] {
			seenAge[n] = true
			ages.add(strconv.Itoa(n))
		}
	}
	for _, r := range ent.Roles {
		addAge(r.Age)
		if !people.IsAge(&r) && !seenRole[r.Text] {
			seenRole[r.Text] = true
			roles.add(r.Text)
		}
	}
	if roles.n > 0 {
		fmt.Fprintf(&b, "Roles: %s\n\n", roles.join("; "))
	}
	for _, mi := range ent.Mentions {
		addAge(int(pm.Mentions[mi].Age))
	}
	if ages.n > 0 {
		fmt.Fprintf(&b, "Age: %s\n\n", ages.join(", "))
	}
	var names, pronouns list
	for _, mi := range ent.Mentions {
		if names.n++; len(names.items) < hoverListMax {
			m := pm.Mentions[mi]
			names.items = append(names.items, fmt.Sprintf("- line %d: “%s”", r.idx.lineOf(m.Span().Start)+1, strings.TrimSpace(string(r.text[m.Span().Start:m.Span().End]))))
		}
	}
	for _, m := range pm.Mentions {
		if m.Form == people.Pronoun && m.Quote < 0 && int(m.Referent) == e {
			if pronouns.n++; len(pronouns.items) < hoverListMax {
				pronouns.items = append(pronouns.items, fmt.Sprintf("%s (line %d: %s)", r.text[m.Span().Start:m.Span().End], r.idx.lineOf(m.Span().Start)+1, m.Why))
			}
		}
	}
	fmt.Fprintf(&b, "Mentioned %d time%s:\n\n%s\n", names.n, plural(names.n), names.join("\n"))
	if pronouns.n > 0 {
		fmt.Fprintf(&b, "\nPronouns: %s\n", pronouns.join(", "))
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
