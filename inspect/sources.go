package inspect

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/source"
)

// QuoteSource is where a quotation is in the sources it is checked
// against (newslint inspect with --source, a Markdown article's sources =
// [...], or [sources] paths): what quote-fidelity compares it with.
type QuoteSource struct {
	// Checked is false for a quotation of fewer than four words, which
	// is not looked up.
	Checked bool `json:"checked"`
	// Found is set when some of its words are in the sources.
	Found bool `json:"found"`
	// Passages are where each part of the quotation (the whole of it, or
	// each run of its words between ellipses) is, in order.
	Passages []SourcePassage `json:"passages,omitempty"`
}

// SourcePassage is where one part of a quotation is in the sources.
type SourcePassage struct {
	// Found is false for a part that is not in the sources; the other
	// fields are then empty.
	Found bool `json:"found"`
	// File, Line and Column (1-based, in characters) are where the
	// source's words begin.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Speakers are the labels the source gives the words ("OKONJO",
	// "Q"; two when the part runs together the words of two speakers),
	// none when it names no one.
	Speakers []string `json:"speakers,omitempty"`
	// Text is the source's words the part was aligned with, as the
	// source writes them.
	Text string `json:"text,omitempty"`
	// Match is "exact" (the source's words, but for what editors may
	// change), "changed" (words changed, added or dropped) or "joined"
	// (two places of the source run together).
	Match string `json:"match,omitempty"`
}

// AddSources fills each quotation's Source with where it is in the
// sources (idx, read for the article's configuration), as quote-fidelity
// looks it up. Nothing when idx is nil (no sources).
func AddSources(rep *Report, a *article.Article, idx *source.Index) {
	if idx == nil {
		return
	}
	qi := 0
	for _, q := range a.Quotes {
		if q.Single {
			continue
		}
		if qi >= len(rep.Quotes) {
			return
		}
		rep.Quotes[qi].Source = quoteSourceOf(a, q, idx)
		qi++
	}
}

// quoteSourceOf is where the quotation q of a is in idx.
func quoteSourceOf(a *article.Article, q article.Quote, idx *source.Index) *QuoteSource {
	c := q.Content()
	parts := source.Quote(a.Src.Text[c.Start:c.End], c.Start)
	qs := &QuoteSource{}
	if !idx.Locate(parts) {
		return qs
	}
	qs.Checked = true
	for _, p := range parts {
		if !p.Found {
			qs.Passages = append(qs.Passages, SourcePassage{})
			continue
		}
		qs.Found = true
		m := p.Match
		l := idx.Where(m.Start, m.End)
		sp := SourcePassage{Found: true, File: filepath.ToSlash(l.File), Line: l.Line, Column: l.Column, Text: idx.Text(m.Start, m.End)}
		for _, who := range idx.Speakers(m.Start, m.End) {
			if who != "" {
				sp.Speakers = append(sp.Speakers, who)
			}
		}
		switch {
		case m.Joined:
			sp.Match = "joined"
		case m.Exact():
			sp.Match = "exact"
		default:
			sp.Match = "changed"
		}
		qs.Passages = append(qs.Passages, sp)
	}
	return qs
}

// text is the quotation's source as newslint inspect prints it: a line
// for each part, its words cut at 80 bytes.
func (qs *QuoteSource) text() string {
	switch {
	case !qs.Checked:
		return "      source: not looked up (fewer than four words)\n"
	case !qs.Found:
		return "      source: not found in the sources\n"
	}
	var b strings.Builder
	for i, p := range qs.Passages {
		label := "source"
		if len(qs.Passages) > 1 {
			label = fmt.Sprintf("source (part %d of %d)", i+1, len(qs.Passages))
		}
		if !p.Found {
			fmt.Fprintf(&b, "      %s: not found in the sources\n", label)
			continue
		}
		fmt.Fprintf(&b, "      %s %s:%d:%d", label, p.File, p.Line, p.Column)
		if len(p.Speakers) > 0 {
			fmt.Fprintf(&b, " %s", strings.Join(p.Speakers, ", "))
		}
		fmt.Fprintf(&b, " (%s): “%s”\n", p.Match, article.Clip(p.Text, 80))
	}
	return b.String()
}
