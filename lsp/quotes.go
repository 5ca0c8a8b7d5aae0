package lsp

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/source"
)

// hoverTextMax bounds the source's words one part of a quotation's hover
// shows, in bytes (a quotation of 400 words shows the start of its
// passage).
const hoverTextMax = 600

// contextWords is how many words of the source's passage a hover shows
// on either side of the quotation's words.
const contextWords = 12

// quoteHover shows, for the quotation at off (when the document's
// configuration or front matter gives sources), where each part of it is
// in the sources, in the passage that holds it (the source's place, its
// speaker, its words with the quotation's in bold), or that it is not
// there: as quote-fidelity looks it up.
func (r *lintResult) quoteHover(off int) *hover {
	if r.sources == nil || r.file == nil {
		return nil
	}
	a := r.file.Article
	for _, q := range a.Quotes {
		w := q.Whole()
		if q.Single || off < w.Start || off >= w.End {
			continue
		}
		c := q.Content()
		parts := source.Quote(a.Src.Text[c.Start:c.End], c.Start)
		var b strings.Builder
		switch {
		case !r.sources.Locate(parts):
			b.WriteString("**Sources**: not looked up (fewer than four words)\n")
		default:
			var items list
			for i := range parts {
				items.add(sourcePart(r.sources, &parts[i], i, len(parts)))
			}
			b.WriteString(items.join("\n\n"))
			b.WriteString("\n")
		}
		rg := r.rangeOf(w.Start, w.End)
		return &hover{Contents: markupContent{Kind: "markdown", Value: b.String()}, Range: &rg}
	}
	return nil
}

// sourcePart is one part of a quotation in the sources, in Markdown.
func sourcePart(x *source.Index, p *source.QuotePart, i, n int) string {
	label := "**Source**"
	if n > 1 {
		label = fmt.Sprintf("**Source** (part %d of %d)", i+1, n)
	}
	if !p.Found {
		return label + ": not found in the sources"
	}
	m := p.Match
	l := x.Where(m.Start, m.End)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: `%s:%d:%d`", label, filepath.ToSlash(l.File), l.Line, l.Column)
	if sp := x.Speakers(m.Start, m.End); len(sp) > 0 && sp[0] != "" {
		fmt.Fprintf(&b, ", %s", escapeMarkdown(strings.Join(sp, ", ")))
	}
	switch {
	case m.Joined:
		b.WriteString(" — two passages run together")
	case m.Exact():
		b.WriteString(" — as said")
	default:
		b.WriteString(" — the words differ")
	}
	before, words, after, cutBefore, cutAfter := x.Context(m.Start, m.End, contextWords)
	if cutBefore {
		before = "… " + before
	}
	if cutAfter {
		after += " …"
	}
	fmt.Fprintf(&b, "\n\n> %s**%s**%s", escapeMarkdown(article.Clip(before, hoverTextMax/4)),
		escapeMarkdown(article.Clip(words, hoverTextMax)), escapeMarkdown(article.Clip(after, hoverTextMax/4)))
	return b.String()
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "\n", " ", "\r", " ")

// escapeMarkdown makes a source's words plain text in Markdown.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
