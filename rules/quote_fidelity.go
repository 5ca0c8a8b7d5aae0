package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
	"github.com/newslint/newslint/source"
)

// QuoteFidelity checks each quotation against what was said: the
// transcripts, captions, statements and stories given as sources.
func QuoteFidelity() *linter.Rule {
	return &linter.Rule{
		Name:         "quote-fidelity",
		Doc:          "a quotation whose words, or speaker, are not the sources' (runs only when sources are given)",
		Severity:     linter.Error,
		ReadsEnglish: true,
		Explain: `Runs only when sources are given (--source PATH, sources = [...] in a
Markdown article's front matter, [sources] paths in newslint.toml): plain
text, transcripts with speaker labels ("LUKASHENKO:", "Q:", "MR. SMITH:",
"Jane Doe (Reuters):", or a label on its own line), captions (SRT, WebVTT
with <v Name> voice tags), other articles. Each direct quotation of four
words or more is looked up in them, after setting aside what editors may
change: the quotation marks, the case of the first letter, spacing and
punctuation, words in [square brackets] (which may stand for the source's
words), and an ellipsis (… or ...), which joins passages that come in that
order in the source.

- Found as said: no finding.
- Found with words changed, added or dropped: an error showing the
  difference word by word, [-the source's-]{+the article's+}, with a fix
  that restores the source's words (the article's quotation marks kept).
- Two passages of the source run together without an ellipsis (the end of
  one answer and the start of another): an error; the fix marks the cut.
- Found, but the transcript gives the words to someone else than the
  article does: an error naming both, with the source's place as related
  information. Labels are matched to the article's people by surname, full
  name or title.
- Not found in any source: an info finding, so a desk can see what it could
  not verify.

  transcript.txt:
    LUKASHENKO: We support you in the UN on the global document.
  article:
    “We support you in the UN on the global document,” said Andrei Kobyakov.
  → the transcript gives these words to LUKASHENKO; the article to Andrei
    Kobyakov (transcript.txt:1)`,
		Run: runQuoteFidelity,
	}
}

// minQuoteWords is the shortest quotation checked, in words.
const minQuoteWords = 4

// nearWords is how far from a passage found a short part of a quotation
// (after an ellipsis) is looked for.
const nearWords = 400

// qword is a word of a quotation: its bytes in the article and its hash.
type qword struct {
	start, end int
	hash       uint64
	gap        bool // a [bracketed] insertion stands before it
}

// qpart is a run of a quotation's words between ellipses, and where it is
// in the sources.
type qpart struct {
	words []qword
	m     source.Match
	found bool
}

func runQuoteFidelity(pass *linter.Pass) {
	idx := pass.Sources
	if idx == nil {
		return
	}
	a := pass.Article
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		parts := quoteParts(a, q)
		n := 0
		for _, p := range parts {
			n += len(p.words)
		}
		if n < minQuoteWords {
			continue
		}
		checkQuote(pass, idx, qi, parts)
	}
}

// quoteParts reads a quotation's words, split at each ellipsis, leaving
// out [bracketed] words.
func quoteParts(a *article.Article, q article.Quote) []qpart {
	c := q.Content()
	text, pos := unglue(a.Src.Text[c.Start:c.End])
	parts := []qpart{{}}
	gap := false
	flush := func(from, to int) {
		p := &parts[len(parts)-1]
		source.Words([]byte(text[from:to]), false, func(s, e int, h uint64) {
			p.words = append(p.words, qword{start: c.Start + pos[from+s], end: c.Start + pos[from+e-1] + 1, hash: h, gap: gap})
			gap = false
		})
	}
	seg := 0
	for i := 0; i < len(text); {
		switch {
		case text[i] == '[':
			flush(seg, i)
			end := strings.IndexByte(text[i:], ']')
			if end < 0 {
				end = len(text)
			} else {
				end += i
			}
			if inner := text[i+1 : end]; strings.Contains(inner, "…") || strings.Contains(inner, "...") {
				parts = append(parts, qpart{})
			} else {
				gap = true
			}
			i = min(end+1, len(text))
			seg = i
		case strings.HasPrefix(text[i:], "…"):
			flush(seg, i)
			parts = append(parts, qpart{})
			i += len("…")
			seg = i
		case strings.HasPrefix(text[i:], "..."):
			flush(seg, i)
			parts = append(parts, qpart{})
			for i < len(text) && text[i] == '.' {
				i++
			}
			seg = i
		default:
			i++
		}
	}
	flush(seg, len(text))
	out := parts[:0]
	for _, p := range parts {
		if len(p.words) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// unglue drops the brackets of a bracketed part of a word ("[T]he",
// "candidate[s]"), which stand for the source's letters, and returns the
// text left and, for each of its bytes, its offset in text.
func unglue(text string) (string, []int) {
	pos := make([]int, 0, len(text))
	var b strings.Builder
	letterAt := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[i:])
		return i < len(text) && unicode.IsLetter(r)
	}
	letterBefore := func(i int) bool {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		return i > 0 && unicode.IsLetter(r)
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '[' {
			if k := strings.IndexByte(text[i:], ']'); k > 1 && k <= 12 {
				inner := text[i+1 : i+k]
				if !strings.ContainsAny(inner, " .…") && (letterBefore(i) || letterAt(i+k+1)) {
					for j := i + 1; j < i+k; j++ {
						b.WriteByte(text[j])
						pos = append(pos, j)
					}
					i += k
					continue
				}
			}
		}
		b.WriteByte(text[i])
		pos = append(pos, i)
	}
	return b.String(), pos
}

func hashesOf(ws []qword) ([]uint64, []bool) {
	hs, gaps := make([]uint64, len(ws)), make([]bool, len(ws))
	for i, w := range ws {
		hs[i], gaps[i] = w.hash, w.gap
	}
	return hs, gaps
}

func checkQuote(pass *linter.Pass, idx *source.Index, qi int, parts []qpart) {
	// Long parts first, by their four-word runs; then short ones near
	// the part found before (or after) them.
	for i := range parts {
		if len(parts[i].words) >= minQuoteWords {
			hs, gaps := hashesOf(parts[i].words)
			parts[i].m, parts[i].found = idx.Find(hs, gaps, 0, 0)
		}
	}
	for i := range parts {
		if parts[i].found || len(parts[i].words) >= minQuoteWords {
			continue
		}
		hs, gaps := hashesOf(parts[i].words)
		if i > 0 && parts[i-1].found {
			e := parts[i-1].m.End
			parts[i].m, parts[i].found = idx.Find(hs, gaps, e, e+nearWords)
		} else if i+1 < len(parts) && parts[i+1].found {
			s := parts[i+1].m.Start
			parts[i].m, parts[i].found = idx.Find(hs, gaps, s-nearWords, s)
		}
	}
	anyFound := false
	for _, p := range parts {
		anyFound = anyFound || p.found
	}
	whole := article.Span{Start: parts[0].words[0].start, End: parts[len(parts)-1].words[len(parts[len(parts)-1].words)-1].end}
	if !anyFound {
		pass.ReportAtMost(linter.Info, whole, "quotation not found in the sources", nil)
		return
	}
	var prev *qpart
	for i := range parts {
		p := &parts[i]
		span := article.Span{Start: p.words[0].start, End: p.words[len(p.words)-1].end}
		if !p.found {
			pass.ReportAtMost(linter.Info, span, "this part of the quotation is not found in the sources", nil)
			continue
		}
		if prev != nil && p.m.Start < prev.m.End && idx.Where(p.m.Start, p.m.Start+1).File == idx.Where(prev.m.Start, prev.m.Start+1).File {
			pass.ReportRelated(span, fmt.Sprintf("the ellipsis joins passages that come in the other order in the source (%s)", sourceWhere(idx, p.m.Start, p.m.End)),
				[]linter.Related{sourceRelated(idx, p.m.Start, p.m.End, "this part, in the source"), sourceRelated(idx, prev.m.Start, prev.m.End, "the part before it, in the source")})
		}
		prev = p
		switch {
		case p.m.Joined:
			reportJoined(pass, idx, p)
			continue
		case !p.m.Exact():
			reportChanged(pass, idx, p, span)
		}
		checkSpeaker(pass, idx, qi, p, span)
	}
}

func sourceWhere(idx *source.Index, from, to int) string {
	l := idx.Where(from, to)
	return fmt.Sprintf("%s:%d", filepath.ToSlash(l.File), l.Line)
}

func sourceRelated(idx *source.Index, from, to int, msg string) linter.Related {
	l := idx.Where(from, to)
	return linter.Related{File: l.File,
		Start:   article.Position{Line: l.Line, Column: l.Column, Offset: l.Offset, ByteColumn: l.ByteColumn},
		End:     article.Position{Line: l.EndLine, Column: l.EndColumn, Offset: l.EndOff, ByteColumn: l.EndByteColumn},
		Message: msg}
}

// reportJoined reports a part whose words run two places of the source
// together, with a fix that marks the cut with an ellipsis.
func reportJoined(pass *linter.Pass, idx *source.Index, p *qpart) {
	m := p.m
	k := m.Split
	first, second := m.Ops[0], m.Ops[1]
	span := article.Span{Start: p.words[0].start, End: p.words[len(p.words)-1].end}
	msg := fmt.Sprintf("the quotation runs together two passages of the source without an ellipsis: “%s” (%s) and “%s” (%s)",
		idx.Text(first.S0, first.S1), sourceWhere(idx, first.S0, first.S1), idx.Text(second.S0, second.S1), sourceWhere(idx, second.S0, second.S1))
	cut := article.Span{Start: p.words[k-1].end, End: p.words[k].start}
	pass.ReportRelated(span, msg,
		[]linter.Related{sourceRelated(idx, first.S0, first.S1, "the first passage"), sourceRelated(idx, second.S0, second.S1, "the second passage")},
		pass.Fix("mark the cut with an ellipsis", cut, " … "))
}

// reportChanged reports words changed, added or dropped, showing the
// difference and restoring the source's words.
func reportChanged(pass *linter.Pass, idx *source.Index, p *qpart, span article.Span) {
	a := pass.Article
	src := a.Src.Text
	wordText := func(from, to int) string { return src[p.words[from].start:p.words[to-1].end] }
	var diff []string
	var edits []linter.Edit
	fixable := true
	for oi, op := range p.m.Ops {
		if op.Equal {
			text := ""
			if op.Q1 > op.Q0 {
				text = wordText(op.Q0, op.Q1)
			}
			// Long runs of equal words are shortened to their ends.
			ws := strings.Fields(text)
			if len(ws) > 8 {
				switch {
				case oi == 0:
					text = "… " + strings.Join(ws[len(ws)-4:], " ")
				case oi == len(p.m.Ops)-1:
					text = strings.Join(ws[:4], " ") + " …"
				default:
					text = strings.Join(ws[:4], " ") + " … " + strings.Join(ws[len(ws)-4:], " ")
				}
			}
			if text != "" {
				diff = append(diff, text)
			}
			continue
		}
		var sText, qText string
		if op.S1 > op.S0 {
			sText = idx.Text(op.S0, op.S1)
			diff = append(diff, "[-"+sText+"-]")
		}
		if op.Q1 > op.Q0 {
			qText = wordText(op.Q0, op.Q1)
			diff = append(diff, "{+"+qText+"+}")
		}
		var at article.Span
		var text string
		switch {
		case op.Q1 > op.Q0 && op.S1 > op.S0:
			at, text = article.Span{Start: p.words[op.Q0].start, End: p.words[op.Q1-1].end}, sText
			if op.Q0 == 0 {
				text = sameFirstCase(qText, text)
			}
		case op.Q1 > op.Q0 && op.Q0 > 0:
			at = article.Span{Start: p.words[op.Q0-1].end, End: p.words[op.Q1-1].end}
		case op.Q1 > op.Q0 && op.Q1 < len(p.words):
			at = article.Span{Start: p.words[op.Q0].start, End: p.words[op.Q1].start}
		case op.Q0 > 0:
			at, text = article.Span{Start: p.words[op.Q0-1].end, End: p.words[op.Q0-1].end}, " "+sText
		case op.Q0 < len(p.words):
			at, text = article.Span{Start: p.words[0].start, End: p.words[0].start}, sameFirstCase(wordText(0, 1), sText)+" "
		default:
			fixable = false
			continue
		}
		s := pass.Fix("", at, text)
		if len(s.Edits) == 0 {
			fixable = false
			continue
		}
		edits = append(edits, s.Edits...)
	}
	msg := fmt.Sprintf("the quotation's words differ from the source (%s): %s", sourceWhere(idx, p.m.Start, p.m.End), strings.Join(diff, " "))
	rel := []linter.Related{sourceRelated(idx, p.m.Start, p.m.End, "the source's words: “"+idx.Text(p.m.Start, p.m.End)+"”")}
	if !fixable || len(edits) == 0 {
		pass.ReportRelated(span, msg, rel)
		return
	}
	pass.ReportRelated(span, msg, rel, linter.Suggestion{Message: "restore the source's words", Edits: edits})
}

// sameFirstCase gives text the case of the first letter of like: an
// editor may capitalise a quotation's first word.
func sameFirstCase(like, text string) string {
	l, _ := utf8.DecodeRuneInString(like)
	t, n := utf8.DecodeRuneInString(text)
	switch {
	case unicode.IsUpper(l) && unicode.IsLower(t):
		return string(unicode.ToUpper(t)) + text[n:]
	case unicode.IsLower(l) && unicode.IsUpper(t) && !unicode.IsUpper(rune(second(text))):
		return string(unicode.ToLower(t)) + text[n:]
	}
	return text
}

func second(s string) rune {
	_, n := utf8.DecodeRuneInString(s)
	r, _ := utf8.DecodeRuneInString(s[n:])
	return r
}

// checkSpeaker reports words the source gives to another speaker than the
// one the article gives them to.
func checkSpeaker(pass *linter.Pass, idx *source.Index, qi int, p *qpart, span article.Span) {
	speakers := idx.Speakers(p.m.Start, p.m.End)
	if len(speakers) > 1 {
		pass.ReportRelated(span, fmt.Sprintf("the quotation runs together the words of %s in the source (%s)", strings.Join(labelled(speakers), " and "), sourceWhere(idx, p.m.Start, p.m.End)),
			[]linter.Related{sourceRelated(idx, p.m.Start, p.m.End, "the source")})
		return
	}
	if len(speakers) == 0 || speakers[0] == "" || pass.People == nil || qi >= len(pass.People.Attributions) {
		return
	}
	e := pass.People.Attributions[qi].Entity
	if e < 0 || e >= len(pass.People.Entities) {
		return
	}
	ent := &pass.People.Entities[e]
	if labelNames(speakers[0], ent) {
		return
	}
	pass.ReportRelated(span, fmt.Sprintf("the transcript gives these words to %s; the article to %s (%s)", speakers[0], ent.Name, sourceWhere(idx, p.m.Start, p.m.End)),
		[]linter.Related{sourceRelated(idx, p.m.Start, p.m.End, "the words, said by "+speakers[0])})
}

func labelled(speakers []string) []string {
	out := make([]string, len(speakers))
	for i, s := range speakers {
		if s == "" {
			s = "a speaker the source does not name"
		}
		out[i] = s
	}
	return out
}

// labelHonorifics are the words of a label that are no name.
var labelHonorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "the": true, "prof": true}

// labelNames reports whether a transcript's speaker label names the
// entity: its surname or full name ("LUKASHENKO", "MR. SMITH", "Jane Doe
// (Reuters)"), or a title the article gives the person ("THE PRESIDENT").
func labelNames(label string, ent *people.Entity) bool {
	if open := strings.IndexByte(label, '('); open > 0 {
		label = label[:open]
	}
	var words []uint64
	source.Words([]byte(label), false, func(s, e int, h uint64) {
		if !labelHonorifics[strings.ToLower(label[s:e])] {
			words = append(words, h)
		}
	})
	if len(words) == 0 {
		return false
	}
	name := map[uint64]bool{}
	source.Words([]byte(ent.Name), false, func(_, _ int, h uint64) { name[h] = true })
	surname := source.Hash(ent.Surname())
	for _, w := range words {
		if w == surname && surname != 0 {
			return true
		}
	}
	allName := true
	for _, w := range words {
		allName = allName && name[w]
	}
	if allName {
		return true
	}
	// A title: every word of the label is a word of one of the
	// person's roles ("PRESIDENT", "THE PRIME MINISTER").
	for _, r := range ent.Roles {
		role := map[uint64]bool{}
		source.Words([]byte(strings.ReplaceAll(r.Class+" "+r.Text, "-", " ")), false, func(_, _ int, h uint64) { role[h] = true })
		all := true
		for _, w := range words {
			all = all && role[w]
		}
		if all && r.Class != "" {
			return true
		}
	}
	return false
}
