package rules

import (
	"fmt"
	"sort"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
)

// A "his" where only an object stands ("he has not endorsed his or
// conceded", "gives his an edge"; people.ObjectHisAt) is "her" or "him"
// written wrong, whoever it means: a possessive cannot stand there. The
// fix is the object pronoun of the people it may mean in view (its own
// sentence before it and the sentence before, outside quotations, but
// the subject of its clause, which an object pronoun never means) when
// they all have one gender; otherwise the finding offers both.

// reportObjectHis reports "his" at pronoun m, which people.ObjectHisAt
// found where an object belongs.
func (s *strayScan) reportObjectHis(m people.Mention) {
	a := s.pass.Article
	word := a.Text(m.Span())
	next := a.Tok(int(m.EndToken))
	msg := fmt.Sprintf("“%s” cannot be a possessive here, before “%s”: it stands where an object belongs", word, next)
	g := s.objectGender(m)
	if g == "" {
		s.pass.Report(m.Span(), msg+" (“her” or “him”)")
		return
	}
	repl := objectPronoun(g) // never capitalised: ObjectHisAt takes no "His"
	msg += fmt.Sprintf(", and everyone in view it can mean is a %s", personNoun(g))
	s.pass.Report(m.Span(), msg, s.pass.Fix("replace with “"+repl+"”", m.Span(), repl))
}

// objectGender returns the one gender of the people object pronoun m may
// mean in view, or "" when they have both or none: those named or
// referred to in its sentence before it and in the sentence before,
// outside quotations, without the subject of its clause (the nearest
// person before it in its sentence who owns nothing: "Dorn's support
// … gives his" leaves Dorn in view). A named person counts with the
// gender the article firmly gives them; one it leaves open makes the
// answer "".
func (s *strayScan) objectGender(m people.Mention) string {
	pm := s.pass.People
	subject := s.objectSubject(m)
	if subject == -1 {
		return ""
	}
	var seen [2]bool
	open := false
	for si := int(m.Sent); si >= 0 && si >= int(m.Sent)-1; si-- {
		for _, k := range s.mentionsFrom(si, int(m.FirstToken)-strayTokensBefore) {
			o := pm.Mentions[k]
			if o.FirstToken >= m.FirstToken {
				break
			}
			if o.Quote >= 0 {
				continue
			}
			e := int(o.Entity)
			if o.Form == people.Pronoun && o.Referent >= 0 {
				e = int(o.Referent)
			}
			switch {
			case e >= 0 && e == subject:
			case o.Form == people.Pronoun:
				if o.Gender() != "" && o.Why != people.RefGeneric {
					seen[gi(o.Gender())] = true
				}
			case o.Gender() != "":
				seen[gi(o.Gender())] = true
			case e >= 0 && pm.Entities[e].Kind.MayBePerson():
				switch {
				case s.firm(e, "female"):
					seen[gi("female")] = true
				case s.firm(e, "male"):
					seen[gi("male")] = true
				case s.namedPerson(e):
					open = true
				}
			}
		}
	}
	switch {
	case open || seen[0] == seen[1]:
		return ""
	case seen[gi("female")]:
		return "female"
	}
	return "male"
}

// objectSubject returns the person who is the subject of object pronoun
// m's clause, whom it never means: the nearest "he" or "she" before it in
// its sentence ("He congratulated her and offered to campaign for his"),
// else the first person its sentence names who owns nothing ("Dorn's
// support … gives his" has none). -1 when that subject is a pronoun the
// model resolved to nobody, -2 when there is none.
func (s *strayScan) objectSubject(m people.Mention) int {
	a, pm := s.pass.Article, s.pass.People
	first := -2
	ms := s.mentionsFrom(int(m.Sent), int(m.FirstToken)-strayTokensBefore)
	// Only those before it: found by binary search, so that the walk
	// stays bounded however long the sentence runs.
	ms = ms[:sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.FirstToken) })]
	for k := len(ms) - 1; k >= 0; k-- {
		o := pm.Mentions[ms[k]]
		if o.Quote >= 0 {
			continue
		}
		if w := a.Lower(int(o.FirstToken)); o.Form == people.Pronoun && (w == "he" || w == "she") {
			if o.Referent >= 0 {
				return int(o.Referent)
			}
			if o.Entity >= 0 {
				return int(o.Entity)
			}
			return -1
		}
		if o.Form != people.Pronoun && !owner(a, o) {
			first = int(o.Entity)
			if first < 0 {
				first = -2
			}
		}
	}
	return first
}

// owner reports whether mention o owns what follows it ("Dorn's", "her
// campaign"): a possessor, never a clause's subject.
func owner(a *article.Article, o people.Mention) bool {
	w := a.Lower(int(o.EndToken) - 1)
	if _, poss := article.StripPossessive(w); poss {
		return true
	}
	return people.PossessiveAt(a, int(o.EndToken)-1) || w == "its" || w == "their"
}

// objectPronoun is "her" or "him".
func objectPronoun(g string) string {
	if g == "female" {
		return "her"
	}
	return "him"
}
