package rules

import (
	"fmt"
	"path/filepath"
	"sort"
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
words), an ellipsis (… or ...), which joins passages that come in that
order in the source, and how a word is written: contractions ("We've" for
"We have", "don't", "it's", "I'm", "won't"), numbers up to twenty in
figures or words ("10", "ten"), "per cent", "percent" or "%", compounds
as one word, hyphenated or spaced ("email", "e-mail"; "healthcare",
"health care"), "&" for "and". British and American spellings are words
changed.

- Found as said: no finding.
- Found with words changed, added or dropped: an error showing the
  difference word by word, [-the source's-]{+the article's+}, with a fix
  that restores the source's words (the article's quotation marks kept).
- Two passages of the source run together without an ellipsis (the end of
  one answer and the start of another): an error; the fix marks the cut.
- Found, but the transcript gives the words to someone else than the
  article does: an error naming both, with the source's place as related
  information. Labels are matched to the article's people by surname, full
  name or title. A label that names no one (Q:, QUESTION:, REPORTER:,
  AUDIENCE MEMBER:, MODERATOR:) is worded as what it is, "a questioner
  (Q:)": the reporter's question put in the official's mouth. It is
  reported only when the transcript labels the person the article names
  elsewhere, and not when the article puts the words as the question asked
  ("Asked whether “…,” she said") or gives them to no one.
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
		c := q.Content()
		parts := source.Quote(a.Src.Text[c.Start:c.End], c.Start)
		if idx.Locate(parts) {
			checkQuote(pass, idx, qi, parts)
		}
	}
}

func partSpan(p *source.QuotePart) article.Span {
	s, e := p.Span()
	return article.Span{Start: s, End: e}
}

// checkQuote reports what is wrong with a quotation whose parts Locate
// looked up.
func checkQuote(pass *linter.Pass, idx *source.Index, qi int, parts []source.QuotePart) {
	anyFound := false
	for _, p := range parts {
		anyFound = anyFound || p.Found
	}
	whole := article.Span{Start: partSpan(&parts[0]).Start, End: partSpan(&parts[len(parts)-1]).End}
	if !anyFound {
		pass.ReportAtMost(linter.Info, whole, "quotation not found in the sources", nil)
		return
	}
	var prev *source.QuotePart
	for i := range parts {
		p := &parts[i]
		span := partSpan(p)
		if !p.Found {
			pass.ReportAtMost(linter.Info, span, "this part of the quotation is not found in the sources", nil)
			continue
		}
		if prev != nil && p.Match.Start < prev.Match.End && idx.Where(p.Match.Start, p.Match.Start+1).File == idx.Where(prev.Match.Start, prev.Match.Start+1).File {
			pass.ReportRelated(span, fmt.Sprintf("the ellipsis joins passages that come in the other order in the source (%s)", sourceWhere(idx, p.Match.Start, p.Match.End)),
				[]linter.Related{sourceRelated(idx, p.Match.Start, p.Match.End, "this part, in the source"), sourceRelated(idx, prev.Match.Start, prev.Match.End, "the part before it, in the source")})
		}
		prev = p
		switch {
		case p.Match.Joined:
			reportJoined(pass, idx, p)
			continue
		case !p.Match.Exact():
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
func reportJoined(pass *linter.Pass, idx *source.Index, p *source.QuotePart) {
	m := p.Match
	k := m.Split
	first, second := m.Ops[0], m.Ops[1]
	span := partSpan(p)
	msg := fmt.Sprintf("the quotation runs together two passages of the source without an ellipsis: “%s” (%s) and “%s” (%s)",
		idx.Text(first.S0, first.S1), sourceWhere(idx, first.S0, first.S1), idx.Text(second.S0, second.S1), sourceWhere(idx, second.S0, second.S1))
	cut := article.Span{Start: p.Words[k-1].End, End: p.Words[k].Start}
	pass.ReportRelated(span, msg,
		[]linter.Related{sourceRelated(idx, first.S0, first.S1, "the first passage"), sourceRelated(idx, second.S0, second.S1, "the second passage")},
		pass.Fix("mark the cut with an ellipsis", cut, " … "))
}

// reportChanged reports words changed, added or dropped, showing the
// difference and restoring the source's words.
func reportChanged(pass *linter.Pass, idx *source.Index, p *source.QuotePart, span article.Span) {
	a := pass.Article
	src := a.Src.Text
	wordText := func(from, to int) string { return src[p.Words[from].Start:p.Words[to-1].End] }
	var diff []string
	var edits []linter.Edit
	fixable := true
	for oi, op := range p.Match.Ops {
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
				case oi == len(p.Match.Ops)-1:
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
			at, text = article.Span{Start: p.Words[op.Q0].Start, End: p.Words[op.Q1-1].End}, sText
			if op.Q0 == 0 {
				text = sameFirstCase(qText, text)
			}
		case op.Q1 > op.Q0 && op.Q0 > 0:
			at = article.Span{Start: p.Words[op.Q0-1].End, End: p.Words[op.Q1-1].End}
		case op.Q1 > op.Q0 && op.Q1 < len(p.Words):
			at = article.Span{Start: p.Words[op.Q0].Start, End: p.Words[op.Q1].Start}
		case op.Q0 > 0:
			at, text = article.Span{Start: p.Words[op.Q0-1].End, End: p.Words[op.Q0-1].End}, " "+sText
		case op.Q0 < len(p.Words):
			at, text = article.Span{Start: p.Words[0].Start, End: p.Words[0].Start}, sameFirstCase(wordText(0, 1), sText)+" "
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
	msg := fmt.Sprintf("the quotation's words differ from the source (%s): %s", sourceWhere(idx, p.Match.Start, p.Match.End), strings.Join(diff, " "))
	rel := []linter.Related{sourceRelated(idx, p.Match.Start, p.Match.End, "the source's words: “"+idx.Text(p.Match.Start, p.Match.End)+"”")}
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
func checkSpeaker(pass *linter.Pass, idx *source.Index, qi int, p *source.QuotePart, span article.Span) {
	speakers := idx.Speakers(p.Match.Start, p.Match.End)
	if len(speakers) > 1 {
		pass.ReportRelated(span, fmt.Sprintf("the quotation runs together the words of %s in the source (%s)", strings.Join(labelled(speakers), " and "), sourceWhere(idx, p.Match.Start, p.Match.End)),
			[]linter.Related{sourceRelated(idx, p.Match.Start, p.Match.End, "the source")})
		return
	}
	if len(speakers) == 0 || speakers[0] == "" || pass.People == nil {
		return
	}
	at := pass.People.Attribution(qi)
	e := int(at.Entity)
	if e < 0 || e >= len(pass.People.Entities) {
		return // the article gives the words to no one it names
	}
	ent := &pass.People.Entities[e]
	if labelNames(speakers[0], ent) {
		return
	}
	who := speakers[0]
	if role, ok := genericLabel(who); ok {
		// A label that names no one (Q:, REPORTER:, MODERATOR:): the
		// words are someone else's only if the transcript gives the
		// person the article names a label of their own, and the
		// article does not put them as the question asked.
		if !labelledInFile(idx, idx.Passage(p.Match.Start).File, ent) || putAsQuestion(pass.Article, pass.Article.Quotes[qi], at) {
			return
		}
		who = fmt.Sprintf("%s (%s:)", role, who)
	}
	pass.ReportRelated(span, fmt.Sprintf("the transcript gives these words to %s; the article to %s (%s)", who, ent.Name, sourceWhere(idx, p.Match.Start, p.Match.End)),
		[]linter.Related{sourceRelated(idx, p.Match.Start, p.Match.End, "the words, said by "+who)})
}

// genericLabels are the speaker labels of a transcript that name no one
// (folded), with what they stand for.
var genericLabels = map[string]string{
	"q": "a questioner", "question": "a questioner", "questioner": "a questioner", "reporter": "a questioner",
	"journalist": "a questioner", "audience member": "a questioner", "audience": "a questioner", "participant": "a questioner",
	"unidentified reporter": "a questioner", "unidentified speaker": "a speaker the transcript does not name",
	"moderator": "the moderator", "host": "the host", "interviewer": "the interviewer", "operator": "the operator",
}

// genericLabel says what a label that names no one stands for ("Q":
// "a questioner"; "MODERATOR": "the moderator"), by its words without an
// affiliation in brackets ("REPORTER (Reuters)").
func genericLabel(label string) (string, bool) {
	if open := strings.IndexByte(label, '('); open > 0 {
		label = label[:open]
	}
	key := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(label, ".", " "))), " ")
	role, ok := genericLabels[key]
	return role, ok
}

// labelledInFile reports whether a label of the source file names the
// entity.
func labelledInFile(idx *source.Index, file int, ent *people.Entity) bool {
	for _, l := range idx.FileSpeakers(file) {
		if _, generic := genericLabel(l); !generic && labelNames(l, ent) {
			return true
		}
	}
	return false
}

// putAsQuestion reports whether the article puts the quotation as the
// question asked of its speaker ("Asked whether “…,” Duarte said it
// would not"): a form of "ask" stands before it in its sentence, and is
// not the cue of the attribution ("Duarte asked: “…?”").
func putAsQuestion(a *article.Article, q article.Quote, at people.Attribution) bool {
	start := q.Whole().Start
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End() > start })
	if i == len(a.Sentences) {
		return false
	}
	from := min(a.Sentences[i].Start(), start)
	found := false
	source.Words([]byte(a.Src.Text[from:start]), false, func(s, e int, _ uint64) {
		w := strings.ToLower(a.Src.Text[from+s : from+e])
		if (w == "asked" || w == "asking" || w == "ask") && !(from+s >= at.Verb.Start && from+s < at.Verb.End) {
			found = true
		}
	})
	return found
}

func labelled(speakers []string) []string {
	out := make([]string, len(speakers))
	for i, s := range speakers {
		switch role, generic := genericLabel(s); {
		case s == "":
			s = "a speaker the source does not name"
		case generic:
			s = fmt.Sprintf("%s (%s:)", role, s)
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
