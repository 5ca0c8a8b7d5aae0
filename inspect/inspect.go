// Package inspect builds what `newslint inspect` prints: the article model
// (paragraphs, quotations, people, speakers, paragraph subjects) in a form
// people and scripts can read.
//
// Never imports: linter, rules, format, cmd/newslint.
package inspect

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
)

// Report is what `newslint inspect` prints: the article model in a
// form people and scripts can read.
type Report struct {
	Path       string      `json:"path"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Entities   []Entity    `json:"entities"`
	Quotes     []Quote     `json:"quotes"`
	// Unresolved lists the pronouns outside quotations that refer to no
	// one the model can name, each with the reason.
	Unresolved []Mention  `json:"unresolvedPronouns,omitempty"`
	Stray      []Location `json:"strayClosingQuotes,omitempty"`
}

// Location is a span with its text and position.
type Location struct {
	Text      string `json:"text"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
}

// Paragraph describes a paragraph.
type Paragraph struct {
	Index     int    `json:"index"`
	Line      int    `json:"line"`
	Headline  bool   `json:"headline,omitempty"`
	Sentences int    `json:"sentences"`
	Subject   string `json:"subject,omitempty"`
	// SubjectEvidence says why the subject was chosen.
	SubjectEvidence string `json:"subjectEvidence,omitempty"`
}

// Mention is one mention of an entity.
type Mention struct {
	Location
	// Form is how the mention names: full-name, surname, honorific,
	// titled, role, pronoun, or name (an organisation's or a place's).
	Form string `json:"form"`
	// Reason says, for a pronoun, how its person was found: by the
	// structure of the text ("subject of the clause before it") or, when
	// the structure fixes no one, as the most recent person of its gender.
	Reason string `json:"reason,omitempty"`
}

// Entity is a person with its mentions.
type Entity struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	// Kind is person, organisation, place or unknown; Evidence says why.
	Kind     string   `json:"kind"`
	Evidence []string `json:"evidence"`
	Roles    []string `json:"roles,omitempty"`
	// Ages are the ages the article gives ("Smith, 45,", "the
	// 45-year-old"): not roles.
	Ages     []int     `json:"ages,omitempty"`
	Gender   string    `json:"gender,omitempty"`
	Mentions []Mention `json:"mentions"`
	// Pronouns are the pronouns that refer to the person by the
	// structure of the text, each with the reason.
	Pronouns []Mention `json:"pronouns,omitempty"`
	// Archive is what the newsroom's name authority holds of the entity
	// (AddArchive), when one is configured and knows it.
	Archive *ArchiveRecord `json:"archive,omitempty"`
}

// Quote is a quotation with its speaker.
type Quote struct {
	Location
	Closed    bool      `json:"closed"`
	Continues bool      `json:"continuesNextParagraph,omitempty"`
	Speaker   *Location `json:"speaker,omitempty"`
	Entity    string    `json:"entity,omitempty"`
	// SpeakerKind says what the speaker is: "person", "organisation" (or
	// another kind of name), or "phrase" for a source named by a phrase
	// that is no one's name ("the statement", "a spokeswoman").
	SpeakerKind string `json:"speakerKind,omitempty"`
	// Pattern is how the speaker was found; Cue is the reporting verb.
	Pattern string    `json:"pattern,omitempty"`
	Cue     *Location `json:"cue,omitempty"`
	// ContinuesQuote is, for "continues" and "multi-paragraph", the index
	// (in Quotes) of the quotation whose speaker this one continues.
	ContinuesQuote *int `json:"continuesQuote,omitempty"`
	// Source is where the quotation is in the sources, when some are
	// given (AddSources).
	Source *QuoteSource `json:"source,omitempty"`
}

func location(a *article.Article, s article.Span) Location {
	pos := a.Position(s.Start)
	return Location{Text: a.Text(s), Line: pos.Line, Column: pos.Column, Offset: s.Start, EndOffset: s.End}
}

// Build builds the report for an article and its people model.
func Build(a *article.Article, pm *people.Model) Report {
	rep := Report{Path: a.Path, Paragraphs: []Paragraph{}, Entities: []Entity{}, Quotes: []Quote{}}
	for _, p := range a.Paragraphs {
		ip := Paragraph{Index: int(p.Index), Line: a.Line(p.Start()), Headline: p.Headline, Sentences: int(p.LastSentence) - int(p.FirstSentence) + 1}
		rep.Paragraphs = append(rep.Paragraphs, ip)
	}
	for _, q := range a.Quotes {
		if q.Single {
			continue
		}
		text := a.Text(q.Whole())
		if len(text) > 80 {
			cut := 77
			for cut > 0 && text[cut]&0xC0 == 0x80 {
				cut--
			}
			text = text[:cut] + "..."
		}
		loc := location(a, q.Whole())
		loc.Text = text
		rep.Quotes = append(rep.Quotes, Quote{Location: loc, Closed: q.Closed, Continues: q.Next >= 0})
	}
	for _, s := range a.Stray {
		rep.Stray = append(rep.Stray, location(a, s))
	}
	addPeople(a, pm, &rep)
	return rep
}

// Text renders the report for people.
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.Path)
	fmt.Fprintf(&b, "\nEntities (%d)\n", len(r.Entities))
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "  #%d %s, %s", e.ID, e.Name, e.Kind)
		if len(e.Evidence) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(e.Evidence, "; "))
		}
		if e.Gender != "" {
			fmt.Fprintf(&b, " [%s]", e.Gender)
		}
		if len(e.Roles) > 0 {
			fmt.Fprintf(&b, ", roles: %s", strings.Join(e.Roles, "; "))
		}
		if len(e.Ages) > 0 {
			fmt.Fprintf(&b, ", age %s", joinAges(e.Ages))
		}
		b.WriteString("\n")
		if e.Archive != nil {
			fmt.Fprintf(&b, "      %s\n", e.Archive.text())
		}
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "      %d:%d %-10s %q\n", m.Line, m.Column, m.Form, m.Text)
		}
		if len(e.Pronouns) > 0 {
			b.WriteString("      pronouns:")
			for _, m := range e.Pronouns {
				fmt.Fprintf(&b, " %s@%d:%d", m.Text, m.Line, m.Column)
			}
			b.WriteString("\n")
			for _, m := range e.Pronouns {
				fmt.Fprintf(&b, "        %s@%d:%d %s\n", m.Text, m.Line, m.Column, m.Reason)
			}
		}
	}
	fmt.Fprintf(&b, "\nQuotes (%d)\n", len(r.Quotes))
	for _, q := range r.Quotes {
		state := ""
		if !q.Closed {
			state = " [open]"
			if q.Continues {
				state = " [continues]"
			}
		}
		fmt.Fprintf(&b, "  %d:%d%s %s\n", q.Line, q.Column, state, q.Text)
		if q.Speaker != nil {
			who := q.Entity
			if who == "" {
				who = q.SpeakerKind
			}
			fmt.Fprintf(&b, "      speaker %q at %d:%d -> %s (%s", q.Speaker.Text, q.Speaker.Line, q.Speaker.Column, who, q.Pattern)
			if q.Cue != nil {
				fmt.Fprintf(&b, ", cue %q", q.Cue.Text)
			}
			if q.ContinuesQuote != nil {
				c := r.Quotes[*q.ContinuesQuote]
				fmt.Fprintf(&b, ", continues the quote at %d:%d", c.Line, c.Column)
			}
			b.WriteString(")\n")
		} else {
			b.WriteString("      speaker: none found\n")
		}
		if q.Source != nil {
			b.WriteString(q.Source.text())
		}
	}
	if len(r.Unresolved) > 0 {
		fmt.Fprintf(&b, "\nUnresolved pronouns (%d)\n", len(r.Unresolved))
		for _, m := range r.Unresolved {
			fmt.Fprintf(&b, "  %s@%d:%d %s\n", m.Text, m.Line, m.Column, m.Reason)
		}
	}
	for _, s := range r.Stray {
		fmt.Fprintf(&b, "  %d:%d stray closing mark %s\n", s.Line, s.Column, s.Text)
	}
	fmt.Fprintf(&b, "\nParagraphs (%d)\n", len(r.Paragraphs))
	for _, p := range r.Paragraphs {
		fmt.Fprintf(&b, "  ¶%d line %d, %d sentence(s)", p.Index+1, p.Line, p.Sentences)
		if p.Headline {
			b.WriteString(", headline")
		}
		if p.Subject != "" {
			fmt.Fprintf(&b, ", subject: %s (%s)", p.Subject, p.SubjectEvidence)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func addPeople(a *article.Article, pm *people.Model, rep *Report) {
	for _, e := range pm.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		ie := Entity{ID: e.ID, Name: e.Name, Kind: e.Kind.String(), Evidence: append([]string{}, e.Evidence...), Gender: e.Gender, Mentions: []Mention{}}
		seen := map[string]bool{}
		for _, r := range e.Roles {
			if r.Age > 0 && !slices.Contains(ie.Ages, r.Age) {
				ie.Ages = append(ie.Ages, r.Age)
			}
			switch {
			case people.IsAge(&r):
			case r.Text != "" && !seen[r.Text]:
				seen[r.Text] = true
				ie.Roles = append(ie.Roles, r.Text)
			}
		}
		for _, mi := range e.Mentions {
			m := pm.Mentions[mi]
			ie.Mentions = append(ie.Mentions, Mention{Location: location(a, m.Span()), Form: m.Form.String()})
			if m.Age > 0 && !slices.Contains(ie.Ages, int(m.Age)) {
				ie.Ages = append(ie.Ages, int(m.Age))
			}
		}
		rep.Entities = append(rep.Entities, ie)
	}
	byID := map[int]int{}
	for i, ie := range rep.Entities {
		byID[ie.ID] = i
	}
	for _, m := range pm.Mentions {
		if m.Form != people.Pronoun || m.Quote >= 0 {
			continue
		}
		ref, why := int(m.Referent), m.Why.String()
		if ref < 0 && m.Entity >= 0 {
			// The model's guess by gender and recency is not a
			// resolution: the pronoun is listed as unresolved, with it.
			why += "; the most recent person of its gender is " + pm.Entities[m.Entity].Name
		}
		pron := Mention{Location: location(a, m.Span()), Form: m.Form.String(), Reason: why}
		if i, ok := byID[ref]; ok && ref >= 0 {
			rep.Entities[i].Pronouns = append(rep.Entities[i].Pronouns, pron)
		} else {
			rep.Unresolved = append(rep.Unresolved, pron)
		}
	}
	qi := 0
	reportIndex := make(map[int]int, len(a.Quotes)) // quotation -> its index in rep.Quotes
	for i, q := range a.Quotes {
		if q.Single {
			continue
		}
		reportIndex[i] = qi
		at := pm.Attribution(i)
		if at.Attributed() {
			rq := &rep.Quotes[qi]
			loc := location(a, at.Source)
			rq.Speaker = &loc
			rq.Pattern = at.Pattern
			if at.Verb.End > at.Verb.Start {
				cue := location(a, at.Verb)
				rq.Cue = &cue
			}
			if c, ok := reportIndex[int(at.Continues)]; ok && at.Continues >= 0 {
				rq.ContinuesQuote = &c
			}
			switch {
			case at.Entity >= 0:
				rq.Entity = pm.Entities[at.Entity].Name
				rq.SpeakerKind = pm.Entities[at.Entity].Kind.String()
			case at.Speaker >= 0:
				m := pm.Mentions[at.Speaker]
				rq.Entity = "(unresolved " + m.Form.String() + ")"
				rq.SpeakerKind = m.Kind.String()
			default:
				rq.SpeakerKind = "phrase"
			}
		}
		qi++
	}
	for i := range a.Paragraphs {
		if s := pm.Subject(i); s.Entity >= 0 {
			rep.Paragraphs[i].Subject = pm.Entities[s.Entity].Name
			rep.Paragraphs[i].SubjectEvidence = pm.SubjectEvidence(a, i)
		}
	}
}

// joinAges writes ages as "52" or "52, 53".
func joinAges(ages []int) string {
	parts := make([]string, len(ages))
	for i, n := range ages {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
