package linter

import (
	"fmt"
	"strings"
)

// InspectReport is what `newslint inspect` prints: the article model in a
// form people and scripts can read.
type InspectReport struct {
	Path       string            `json:"path"`
	Paragraphs []InspectPara     `json:"paragraphs"`
	Entities   []InspectEntity   `json:"entities"`
	Quotes     []InspectQuote    `json:"quotes"`
	Stray      []InspectLocation `json:"strayClosingQuotes,omitempty"`
}

// InspectLocation is a span with its text and position.
type InspectLocation struct {
	Text      string `json:"text"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
}

// InspectPara describes a paragraph.
type InspectPara struct {
	Index     int    `json:"index"`
	Line      int    `json:"line"`
	Headline  bool   `json:"headline,omitempty"`
	Sentences int    `json:"sentences"`
	Subject   string `json:"subject,omitempty"`
	// SubjectEvidence says why the subject was chosen.
	SubjectEvidence string `json:"subjectEvidence,omitempty"`
}

// InspectMention is one mention of an entity.
type InspectMention struct {
	InspectLocation
	Kind string `json:"kind"`
}

// InspectEntity is a person with its mentions.
type InspectEntity struct {
	ID       int              `json:"id"`
	Name     string           `json:"name"`
	Roles    []string         `json:"roles,omitempty"`
	Gender   string           `json:"gender,omitempty"`
	Mentions []InspectMention `json:"mentions"`
	// Pronouns are the pronouns that refer to the person (by the text's
	// structure, or by resolution).
	Pronouns []InspectMention `json:"pronouns,omitempty"`
}

// InspectQuote is a quotation with its speaker.
type InspectQuote struct {
	InspectLocation
	Closed    bool             `json:"closed"`
	Continues bool             `json:"continuesNextParagraph,omitempty"`
	Speaker   *InspectLocation `json:"speaker,omitempty"`
	Entity    string           `json:"entity,omitempty"`
	Pattern   string           `json:"pattern,omitempty"`
}

func (a *Article) location(s Span) InspectLocation {
	p := a.Position(s.Start)
	return InspectLocation{Text: a.Text(s), Line: p.Line, Column: p.Column, Offset: s.Start, EndOffset: s.End}
}

// Inspect builds the report for an article.
func Inspect(a *Article) InspectReport {
	rep := InspectReport{Path: a.Path, Paragraphs: []InspectPara{}, Entities: []InspectEntity{}, Quotes: []InspectQuote{}}
	for _, p := range a.Paragraphs {
		ip := InspectPara{Index: p.Index, Line: a.Line(p.Start), Headline: p.Headline, Sentences: p.LastSentence - p.FirstSentence + 1}
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
		loc := a.location(q.Whole())
		loc.Text = text
		rep.Quotes = append(rep.Quotes, InspectQuote{InspectLocation: loc, Closed: q.Closed, Continues: q.Next >= 0})
	}
	for _, s := range a.Stray {
		rep.Stray = append(rep.Stray, a.location(s))
	}
	inspectPeople(a, &rep)
	return rep
}

// Text renders the report for people.
func (r InspectReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.Path)
	fmt.Fprintf(&b, "\nEntities (%d)\n", len(r.Entities))
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "  #%d %s", e.ID, e.Name)
		if e.Gender != "" {
			fmt.Fprintf(&b, " [%s]", e.Gender)
		}
		if len(e.Roles) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(e.Roles, "; "))
		}
		b.WriteString("\n")
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "      %d:%d %-10s %q\n", m.Line, m.Column, m.Kind, m.Text)
		}
		if len(e.Pronouns) > 0 {
			b.WriteString("      pronouns:")
			for _, m := range e.Pronouns {
				fmt.Fprintf(&b, " %s@%d:%d", m.Text, m.Line, m.Column)
			}
			b.WriteString("\n")
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
			fmt.Fprintf(&b, "      speaker %q at %d:%d -> %s (%s)\n", q.Speaker.Text, q.Speaker.Line, q.Speaker.Column, q.Entity, q.Pattern)
		} else {
			b.WriteString("      speaker: none found\n")
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

func inspectPeople(a *Article, rep *InspectReport) {
	p := a.People
	if p == nil {
		return
	}
	for _, e := range p.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		ie := InspectEntity{ID: e.ID, Name: e.Name, Gender: e.Gender, Mentions: []InspectMention{}}
		seen := map[string]bool{}
		for _, r := range e.Roles {
			if r.Text != "" && !seen[r.Text] {
				seen[r.Text] = true
				ie.Roles = append(ie.Roles, r.Text)
			}
		}
		for _, mi := range e.Mentions {
			m := p.Mentions[mi]
			ie.Mentions = append(ie.Mentions, InspectMention{InspectLocation: a.location(m.Span), Kind: m.Kind.String()})
		}
		rep.Entities = append(rep.Entities, ie)
	}
	byID := map[int]int{}
	for i, ie := range rep.Entities {
		byID[ie.ID] = i
	}
	for _, m := range p.Mentions {
		if m.Kind != Pronoun {
			continue
		}
		ref := m.Referent
		if ref < 0 {
			ref = m.Entity
		}
		if i, ok := byID[ref]; ok && ref >= 0 {
			rep.Entities[i].Pronouns = append(rep.Entities[i].Pronouns, InspectMention{InspectLocation: a.location(m.Span), Kind: m.Kind.String()})
		}
	}
	qi := 0
	for i, q := range a.Quotes {
		if q.Single {
			continue
		}
		at := p.Attributions[i]
		if at.Speaker >= 0 {
			m := p.Mentions[at.Speaker]
			loc := a.location(m.Span)
			rep.Quotes[qi].Speaker = &loc
			rep.Quotes[qi].Pattern = at.Pattern
			if at.Entity >= 0 {
				rep.Quotes[qi].Entity = p.Entities[at.Entity].Name
			} else {
				rep.Quotes[qi].Entity = "(unresolved " + m.Kind.String() + ")"
			}
		}
		qi++
	}
	for i, s := range p.Subjects {
		if s.Entity >= 0 {
			rep.Paragraphs[i].Subject = p.Entities[s.Entity].Name
			rep.Paragraphs[i].SubjectEvidence = s.Evidence
		}
	}
}
