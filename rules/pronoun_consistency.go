package rules

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// minEvidence is how many agreeing signals establish a gender.
var minEvidence = linter.NewOption("min-evidence", int64(2)).Within(1, 100)

// PronounConsistency reports a pronoun that contradicts the gender the
// article establishes for its referent.
func PronounConsistency() *linter.Rule {
	return &linter.Rule{
		Name:     "pronoun-consistency",
		Doc:      "a pronoun that contradicts the gender the article establishes for a person",
		Severity: linter.Warning,
		Options:  []linter.Option{minEvidence},
		Explain: `Reports a pronoun (he, she, him, her, his, hers, himself, herself) that refers
to a person and contradicts the gender the article establishes for that
person by its other pronouns, an honorific (Mr., Mrs., Ms.), a gendered
title (chairwoman), the people gazetteer, or (as weak evidence) a first
name the data give one gender:

  Winch said he … Winch said he … Winch said she has produced …

A pronoun is reported only where its referent is clear:
  - the text's structure gives it one: the subject of the speech verb
    just before it ("Winch said she"); the last speaker, for a pronoun
    that speaks in a tag ("…, he said."); the subject of the clause
    before it for a subject pronoun ("Brandt had to explain to Ms
    Alvarez that he …"), and the one who is not its clause's subject for
    an object pronoun ("… that he could not send her the file"), but not
    after a verb of telling whose listener may be meant ("Brandt told
    Ms Alvarez that she …" is left open); the
    only person named earlier in its sentence or in the sentence before
    (a possessor counts: "Whitby's campaign stalled when she lost"); or
    the subject after an opening phrase ("On the advice of his lawyer,
    Calero declined");
  - and the structure leaves no one else: not "he or she", "his or her";
    not a person named only as a modifier ("the Clinton campaign … him");
    not someone the text does not name ("her boss told her he …", "her
    predecessor … he"); not words deep in reported speech ("Mukasey said
    the scandal is the latest issue in her career"); not an object of a
    preposition for a subject pronoun ("a loss to Sanders in the state
    she represented"); newslint inspect shows each pronoun with the reason;
  - and nobody else of the pronoun's gender is in view: no other person
    of that gender named, called by a role ("the chairwoman") or referred
    to by a pronoun earlier in its paragraph or in the last sentences of
    the paragraph before ("Ruiz said she had raised taxes", just after
    President Maria Lopez, is not reported), and no noun of that gender
    near it ("his wife … she").
A pronoun is also reported when nobody in view has its gender: no person
of that gender (or of a gender the article leaves open) is named, called
by a role or a noun ("his wife", "her boss", "a resident who"), or
referred to by another pronoun in its sentence or the two before it
(one, when its own sentence's structure names the referent), while
someone the article firmly gives the other gender, by a first name, a
title or the gazetteer and not by pronouns, is (named, or taken up by the
pronouns in view: "She brought … She introduced … He was"):

  Councillor Peter Brandt questioned the cost. Brandt later withdrew
  her objection.

Words the model reads as names but that are no one's do not put anyone
in view: a place ("Cruz of Texas", "South Carolina", "in Iowa"), a month
("by June"), a party-and-state tag ("R-Wis."), a group ("Hispanics", "the
Clintons"), a name modifying a noun ("the Dodd-Frank law"), a common word
opening a sentence ("Leading the talks"), a name inside the quotation a
tag pronoun closes, a plural or predicate noun ("many commentators", "has
been a candidate"), a country or organisation ("Syria"), what a
possessive possesses ("her client's case"), a role phrase whose holder
named last before it firmly has the other gender ("the Vermont senator"),
a state in brackets ("Cruz (Tex.)"), the rest of a place's name ("St.
Paul", and "Minnesota" after it), a place in a list of places, a name of
several words none of which before the last is a given name ("Good
Morning America", "Never Trump"), a word nobody bears that the model
placed with no one, a word the model placed with no one that the place
data know ("Charlotte officials"), and a bare surname of someone named in
full, whatever the given-name data say of the word ("Carter" of Ruth
Carter, "Rodriguez" of Gina Rodriguez). A bare
surname shared with a relative is not the relative's: the article calls
a relative by first name ("Trump … his daughter, Ivanka Trump").
A subject or object pronoun never means someone its own clause names
after it: in "Ortiz said that she would back Lindqvist's rivals", "she"
cannot be Lindqvist (unless it stands in a subordinate clause that a
comma closes before the name: "When she arrived, Lindqvist spoke").
A reflexive means someone its own sentence names before it, outside
quotations. Nor is a pronoun stray when its gender goes on in the next
sentence.

A reflexive whose binder, the subject or object pronoun before it in its
clause, has the other gender ("He describes herself as …") is a slip
whoever is meant; the pronouns around the two say which of them to
report.

A subject, possessive or reflexive pronoun is also reported when its own
sentence gives it a referent firmly of the other gender and nobody of its
gender stands before it in that sentence, or as a subject or possessor in
the sentence before (an object there, "Devine thanked Ms Hale", does not
make her the topic), even if someone of its gender is named further back
or after it ("Samuel Ortiz … but she was angry that Okafor had approved
it"; "Lund herself"; not a possessive in reported words, nor in a
paragraph about someone of its gender). The same holds for a pronoun that
speaks in a tag ("“…,” she said" after Brandt spoke) and for a subject
pronoun whose only person in the sentence before is of the other gender,
unless it stands in a clause opening its sentence before the subject it
may mean ("When she was a prosecutor, Lynch …"), in words a later tag
reports, or goes on with someone of its gender spoken of just before.
Firm means a first name (one the data give one gender 95 times in 100),
title, honorific or the gazetteer, with at most one pronoun against or
against being a quarter or less of the evidence, or at least two pronouns
whose referent the structure fixes with at most one against.

Pronouns inside quotations are someone else's words and are never checked;
nor are those of a transcript's turn ("Dana Whitlow: She is right",
"PELLETIER: I think he …") or one whose referent the editor names in
brackets ("She [Nora Okafor] is right").
Two people of one surname ("Tom Reyes and his wife, Senator Ana Reyes …
For her part, Reyes said") are told apart by the pronoun, not reported,
unless the surname alone is used after one of them is named in full and
before the other is (then it is that one, unless the other is named just
before the pronoun), or the pronoun's antecedent is the full name itself.

The established gender needs at least min-evidence signals, from pronouns
whose referent is itself clear or from an honorific (which counts twice),
title, gazetteer or first name; the contradicting pronoun must stand alone.

Options:
  min-evidence  how many agreeing signals establish a gender`,
		ReadsEnglish: true,
		Run:          runPronounConsistency,
	}
}

var pronounSwap = map[string]string{
	"he": "she", "she": "he", "his": "her", "hers": "his", "himself": "herself", "herself": "himself", "him": "her",
}

// votes is the evidence of one person's gender: the count of signals for
// each gender, the lines they stand on, and the pronouns whose referent the
// text's structure fixes (the only ones that can be reported).
// votes are indexed by gender (gi): two genders, two slots, no map.
type votes struct {
	n     [2]int
	lines [2][]int
	prons [2][]int
	// weak counts the evidence that does not stand against a pronoun: the
	// pronouns whose referent the model only guessed (the most recent
	// person of that gender) or that may be about someone else in view,
	// and a first name's gender, by gender.
	weak [2]int
}

// gi is the index of a gender ("male" or "female") in votes.
func gi(gender string) int {
	if gender == "female" {
		return 1
	}
	return 0
}

func (v *votes) add(gender string, weight, line int) {
	v.n[gi(gender)] += weight
	v.lines[gi(gender)] = append(v.lines[gi(gender)], line)
}

func runPronounConsistency(pass *linter.Pass) {
	a, pm := pass.Article, pass.People
	need := int(minEvidence.Get(pass))
	// Twice: first from every signal, then only from the pronouns whose
	// referent is clear given what the first pass established of everyone
	// else ("Corbyn said she had to accept defeat", right after Theresa
	// May, says nothing of Corbyn).
	indep, names := independentGenders(pm)
	byEnt := genderVotes(pass.Article, pm, indep, names, nil)
	byEnt = genderVotes(pass.Article, pm, indep, names, byEnt)
	reported := map[int]bool{}
	s := &strayScan{pass: pass, byEnt: byEnt, indep: indep, judged: -1}
	for _, e := range slices.Sorted(maps.Keys(byEnt)) {
		v := byEnt[e]
		major, minor := v.major()
		// One pronoun whose referent is clear contradicts the gender;
		// nothing else does but weak evidence (pronouns the model only
		// guessed, or that may be about someone else, a first name); and
		// the gender rests on more than weak evidence, or agrees with what
		// the article says of the person besides pronouns.
		if v.n[gi(major)] < need || v.n[gi(major)] == v.weak[gi(major)] && indep[e] != major ||
			len(v.prons[gi(minor)]) != 1 || v.n[gi(minor)]-v.weak[gi(minor)] != 1 || v.n[gi(major)] < 2 {
			continue
		}
		m := pm.Mentions[v.prons[gi(minor)][0]]
		if namedAfter(a, m) || transcriptTurn(a, int(m.Para)) {
			continue // its referent named in brackets, or a speaker's words
		}
		if someoneElseFits(a, pm, byEnt, e, m) && !(m.Why.InSentence() && !someoneElseInSentence(a, pm, byEnt, e, m)) {
			continue // the pronoun may be about another person in view
		}
		ent := pm.Entities[e]
		reportPronoun(pass, &ent, m, major, uniqueInts(v.lines[gi(major)]))
		reported[v.prons[gi(minor)][0]] = true
	}
	strayPronouns(s, reported)
	s.sentenceBound(reported)
}

// sentenceBound reports a pronoun whose own sentence gives it its
// referent, e, and names nobody else of its gender before it, when it is
// the only thing in the article that gives e its gender and the rest
// firmly gives e the other one: someone of its gender named in the
// sentences before does not make it theirs ("… and totally ignoring
// Hillary Clinton. ¶ “We are going to win,” Trump said at her victory
// party").
func (s *strayScan) sentenceBound(reported map[int]bool) {
	a, pm := s.pass.Article, s.pass.People
	var counts [][2]int32 // pronounsOf, when first needed
	for i, m := range pm.Mentions {
		if m.Form != people.Pronoun || m.Quote >= 0 || m.Referent < 0 || m.Gender() == "" || reported[i] {
			continue
		}
		switch m.Why {
		case people.RefOnly, people.RefSubject, people.RefRelative:
		default:
			// An object; a subject after "said" ("Trump said she should be
			// jailed", "Randolph told others that he") or a tag, often
			// someone else's: boundTarget weighs those.
			continue
		}
		e := int(m.Referent)
		v := s.byEnt[e]
		major := opposite(m.Gender())
		if counts == nil {
			counts = pronounsOf(pm)
		}
		// Another pronoun of its gender about e: the model's reading of
		// the passage, not the writer, is likely wrong ("many of Mr.
		// Sanders's supporters are expected to support her …, she has
		// not recalibrated her message"). (So at most one pronoun of each
		// gender a person is asked about below, and the work stays linear.)
		if v == nil || counts[e][gi(m.Gender())] > 1 || s.otherVotes(v, m) > 0 || pm.Entities[e].Relative() ||
			namedAfter(a, m) || transcriptTurn(a, int(m.Para)) {
			continue
		}
		// Its sentence, up to it, names e where a reader takes e for its
		// antecedent, and nobody else, by a name or a noun, who may be of
		// its gender ("A general in the army met him there, and she
		// asked"); nor was the sentence before about such a person.
		lo := max(int(a.Sentences[m.Sent].FirstToken), int(m.FirstToken)-strayTokensBefore)
		if someoneElseInSentence(a, pm, s.byEnt, e, m) || !s.plainAntecedent(m, e, lo) {
			continue
		}
		s.judged, s.judgedGender = e, m.Gender()
		other := s.fitsBetween(m, int(m.Sent), lo, int(m.FirstToken), false) || s.aboutAnotherBefore(m)
		s.judged = -1
		if other {
			continue
		}
		if s.namesakeMayBe(e, m, major) {
			continue
		}
		s.judged, s.judgedGender = e, m.Gender()
		firm := s.namedPerson(e) && s.firmReferent(e, major) && !s.byFirstNameOnly(e, major)
		s.judged = -1
		if !firm {
			continue
		}
		ent := pm.Entities[e]
		reportPronoun(s.pass, &ent, m, major, uniqueInts(v.lines[gi(major)]))
		reported[i] = true
	}
}

// aboutAnotherBefore reports whether the sentence before pronoun m's (in
// its paragraph or the one before, past quotations) opens with someone
// who may be of m's gender: the passage was about them a moment ago, and
// the pronoun may take them up whatever its own sentence names ("Ms. Ana
// Ruiz won the state with a plan for jobs. ¶ Mr. Hale praised her
// plan"). Named there only further on, as an object, they do not make it
// theirs ("He was back to boasting … ignoring Hillary Clinton. ¶ “…,”
// Trump said at her victory party").
func (s *strayScan) aboutAnotherBefore(m people.Mention) bool {
	a, pm := s.pass.Article, s.pass.People
	for si := int(m.Sent) - 1; si >= 0 && int(m.Sent)-si <= strayMaxSentences && a.Sentences[si].Para >= m.Para-1; si-- {
		if s.allQuoted(si) {
			continue
		}
		ms := pm.MentionsInSentence(si)
		if len(ms) == 0 {
			return false
		}
		o := pm.Mentions[ms[0]]
		fits, _ := s.mentionFits(m, o)
		return fits && o.Quote < 0 && o.FirstToken == a.Sentences[si].FirstWord
	}
	return false
}

// otherVotes counts the evidence for pronoun m's gender of its referent
// besides m's own vote (which genderVotes leaves out when someone else of
// its gender is in view and the article gives the referent the other
// gender).
func (s *strayScan) otherVotes(v *votes, m people.Mention) int {
	g := gi(m.Gender())
	n := v.n[g]
	if slices.Contains(v.lines[g], s.pass.Article.Line(m.Start())) {
		n--
	}
	return n
}

// pronounsOf counts, for each person and gender, the pronouns outside
// quotations that the model resolves or guesses to be about them.
func pronounsOf(pm *people.Model) [][2]int32 {
	n := make([][2]int32, len(pm.Entities))
	for _, o := range pm.Mentions {
		if o.Form != people.Pronoun || o.Quote >= 0 || o.Gender() == "" {
			continue
		}
		if o.Entity >= 0 {
			n[o.Entity][gi(o.Gender())]++
		}
		if o.Referent >= 0 && o.Referent != o.Entity {
			n[o.Referent][gi(o.Gender())]++
		}
	}
	return n
}

// plainAntecedent reports whether pronoun m's sentence names e before it
// (from token lo) where a reader takes it for the antecedent: no
// possessive pronoun in reported words ("Mackler issued a statement
// saying his comment"), and e named last before it as no possessor
// ("McAuliffe's comment risks undermining her credibility": not
// McAuliffe's).
func (s *strayScan) plainAntecedent(m people.Mention, e, lo int) bool {
	a, pm := s.pass.Article, s.pass.People
	if people.PossessiveAt(a, int(m.FirstToken)) && s.inReportedWords(m) {
		return false
	}
	last := -1
	for _, k := range s.mentionsFrom(int(m.Sent), lo) {
		o := pm.Mentions[k]
		if o.Start() >= m.Start() {
			break
		}
		if (int(o.Entity) == e || o.Form == people.Pronoun && int(o.Referent) == e) && o.Quote < 0 {
			last = int(k)
		}
	}
	if last < 0 {
		return false
	}
	_, poss := article.StripPossessive(a.Lower(int(pm.Mentions[last].EndToken) - 1))
	return !poss
}

// major returns the gender the evidence favours and the other one.
func (v *votes) major() (string, string) {
	if v.n[gi("female")] > v.n[gi("male")] {
		return "female", "male"
	}
	return "male", "female"
}

// established is the gender the evidence establishes for a person: more
// signals for it than against, or "".
func (v *votes) established() string {
	major, minor := v.major()
	if v.n[gi(major)] > v.n[gi(minor)] {
		return major
	}
	return ""
}

// someoneElseFits reports whether a person other than e, of the pronoun's
// gender, is in view of pronoun m: named, called by role or referred to
// earlier in its paragraph, or in the paragraph before within the two
// sentences before the pronoun's. Then the pronoun's referent is not
// clear, and the pronoun is not reported.
func someoneElseFits(a *article.Article, pm *people.Model, byEnt map[int]*votes, e int, m people.Mention) bool {
	// Two people of one surname ("Tom Reyes and his wife, Senator Ana
	// Reyes … For her part, Reyes said"): a bare surname may be either,
	// and the pronoun says which, unless the other is named only in
	// passing (a daughter named once in a drummer's obituary).
	if sur := pm.Entities[e].Surname(); sur != "" && !namedInFull(pm, e, m) {
		for o := range pm.Entities {
			if o == e || pm.Entities[o].Surname() != sur || fullMentions(pm, o) < fullMentions(pm, e) {
				continue
			}
			g := firstNameGender(pm, o)
			if v := byEnt[o]; v != nil && v.established() != "" {
				g = v.established()
			}
			if g == m.Gender() {
				return true
			}
		}
	}
	// Walk back from the pronoun, through its paragraph and the one
	// before, over at most viewMentions mentions: a paragraph that is one
	// endless sentence stays linear.
	seen := 0
	for para := int(m.Para); para >= 0 && para >= int(m.Para)-1 && seen < viewMentions; para-- {
		ms := pm.MentionsByPara.Of(para)
		k := sort.Search(len(ms), func(i int) bool { return pm.Mentions[ms[i]].Start() >= m.Start() })
		for k--; k >= 0 && seen < viewMentions; k-- {
			seen++
			o := pm.Mentions[ms[k]]
			if para < int(m.Para) && o.Sent < m.Sent-2 {
				break // out of view: the paragraph before, three sentences back
			}
			if fitsInstead(a, pm, byEnt, e, m, o) {
				return true
			}
		}
	}
	return false
}

// namedInFull reports whether the structure of pronoun m's sentence
// gives it e's name in full ("Hillary Clinton argued that she"): the last
// mention of e before it, in its sentence or the one before, has a given
// name, so a namesake ("Bill Clinton") cannot be meant.
func namedInFull(pm *people.Model, e int, m people.Mention) bool {
	if int(m.Referent) != e || !m.Why.InSentence() && m.Why != people.RefPrevious {
		return false
	}
	o, ok := lastNamedBefore(pm, e, m)
	return ok && len(o.Words) >= 2
}

// lastNamedBefore returns the last mention of e that is no pronoun before
// pronoun m, in its sentence or the one before, within strayTokensBefore
// tokens: the walk starts at m (found by binary search) and stays bounded
// however long the sentence runs (a 1 MB sentence took 4 s when every
// pronoun read every mention of it).
func lastNamedBefore(pm *people.Model, e int, m people.Mention) (people.Mention, bool) {
	for si := int(m.Sent); si >= 0 && si >= int(m.Sent)-1; si-- {
		ms := pm.MentionsInSentence(si)
		k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.FirstToken) })
		for k--; k >= 0; k-- {
			o := pm.Mentions[ms[k]]
			if o.FirstToken < m.FirstToken-strayTokensBefore {
				return people.Mention{}, false
			}
			if int(o.Entity) == e && o.Form != people.Pronoun {
				return o, true
			}
		}
	}
	return people.Mention{}, false
}

// fullMentions counts the mentions that give an entity's name in full
// (two words or more): how much the article introduces them.
func fullMentions(pm *people.Model, e int) int {
	n := 0
	for _, mi := range pm.Entities[e].Mentions {
		if len(pm.Mentions[mi].Words) >= 2 {
			n++
		}
	}
	return n
}

// namedInSentence reports whether pronoun m's sentence names e before it
// (the last time, outside quotations) within strayTokensBefore tokens.
func namedInSentence(pm *people.Model, e int, m people.Mention) bool {
	o, ok := lastNamedBefore(pm, e, m)
	return ok && o.Sent == m.Sent && o.Quote < 0
}

// someoneElseInSentence reports whether a person other than e, of the
// pronoun's gender, is named or referred to before it in its own
// sentence, within strayTokensBefore tokens (however long the sentence
// runs). Where the structure fixed the referent within the sentence
// ("Sanders said … that she had"), only they can make it unclear.
func someoneElseInSentence(a *article.Article, pm *people.Model, byEnt map[int]*votes, e int, m people.Mention) bool {
	ms := pm.MentionsInSentence(int(m.Sent))
	from := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.FirstToken)-strayTokensBefore })
	for _, i := range ms[from:] {
		o := pm.Mentions[i]
		if o.Start() >= m.Start() {
			break
		}
		if fitsInstead(a, pm, byEnt, e, m, o) {
			return true
		}
	}
	return false
}

// viewMentions bounds how many mentions before a pronoun are in view.
const viewMentions = 60

// fitsInstead reports whether mention o, before pronoun m, is a person
// other than e of the pronoun's gender.
func fitsInstead(a *article.Article, pm *people.Model, byEnt map[int]*votes, e int, m, o people.Mention) bool {
	other := int(o.Entity)
	if o.Form == people.Pronoun && o.Referent >= 0 {
		other = int(o.Referent)
	}
	switch {
	case o.Form == people.Pronoun && o.Gender() == m.Gender() && other != e && o.Quote < 0:
		return true // "she" before, about someone else or no one known
	case o.Form == people.RolePhrase && other < 0 && roleGender(o.Role) != opposite(m.Gender()):
		return true // "the chairwoman", "her opponent": someone the model could not name
	case other < 0 || other == e || !pm.Entities[other].Kind.MayBePerson():
		return false
	}
	v := byEnt[other]
	if o.Sent >= m.Sent-1 && (v == nil || v.established() == "") && pm.Entities[other].Kind == people.KindPerson &&
		!subjectPronoun(a, m) {
		// A person of whom the article says no gender, in the sentence
		// before or the pronoun's own, for a possessive or an object,
		// often someone other than its clause's subject ("saying Clinton
		// took questions … Kaine dubbed her appearance").
		return true
	}
	if o.Sent == m.Sent && m.Why == people.RefSubject && (v == nil || v.established() == "") && pm.Entities[other].Kind == people.KindPerson {
		// A subject pronoun the model gave the subject of the clause
		// before, of the several people its sentence names, beside one
		// of whom the article says no gender: the structure guessed
		// ("Clinton attacked Crim, saying he would appoint judges").
		return true
	}
	return v != nil && v.established() == m.Gender()
}

// subjectPronoun reports whether pronoun m is "he" or "she".
func subjectPronoun(a *article.Article, m people.Mention) bool {
	w := a.Tok(int(m.FirstToken))
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she")
}

// independentGenders computes independentGender for every entity, once
// per article (an entity's roles grow with its mentions), and the gender
// each one's first name gives (firstNameGender).
func independentGenders(pm *people.Model) (indep, names []string) {
	indep = make([]string, len(pm.Entities))
	names = make([]string, len(pm.Entities))
	for e := range pm.Entities {
		names[e] = firstNameGender(pm, e)
		indep[e] = independentGender(pm, e, names[e])
	}
	return indep, names
}

// independentGender is the gender the article gives a person besides
// pronouns: the gazetteer, an honorific (Mr., Ms.), a gendered title
// (chairwoman), or a one-sided first name (ng, its gender); "" when none
// or they disagree.
func independentGender(pm *people.Model, e int, ng string) string {
	ent := &pm.Entities[e]
	g := ent.Gender
	for _, r := range ent.Roles {
		if rg := roleGender(&r); rg != "" {
			if g != "" && g != rg {
				return ""
			}
			g = rg
		}
	}
	if ng != "" {
		if g != "" && g != ng {
			return ""
		}
		g = ng
	}
	return g
}

// firstNameGender is the gender e's first name gives, as weak evidence:
// only when the data know its first word mostly as a given name, or its
// last word as a name too ("Martin O'Malley"); not "Special Operations
// forces", nor "Ma Ngok", whose first word is more often a surname and
// may be one here.
func firstNameGender(pm *people.Model, e int) string {
	ent := &pm.Entities[e]
	first := ent.GivenName() // "Christopher" of J. Christopher Stevens
	if first == "" {
		return ""
	}
	g := people.GivenNameGender(first)
	if g == "" || !people.MostlyGivenName(first) && !people.MayBeNameWord(ent.Surname()) {
		return ""
	}
	return g
}

// roleGender is the gender a role's words give (chairwoman, actress,
// his wife), or "".
func roleGender(r *people.Role) string {
	if r == nil {
		return ""
	}
	for w := range strings.FieldsSeq(r.Text) {
		w, _ = article.StripPossessive(w) // "her son's"
		if g := people.GenderOfNoun(w); g != "" {
			return g
		}
	}
	return ""
}

// genderVotes gathers, for each person, the evidence of their gender: the
// pronouns that refer to them (outside quotations), their gendered
// honorifics (Mr., Ms.), which count twice, the people gazetteer (three
// times), a gendered title (chairman, spokeswoman), and, as weak evidence,
// a first name the data give one gender.
func genderVotes(a *article.Article, pm *people.Model, indep, names []string, first map[int]*votes) map[int]*votes {
	byEnt := map[int]*votes{}
	get := func(e int) *votes {
		v := byEnt[e]
		if v == nil {
			v = &votes{}
			byEnt[e] = v
		}
		return v
	}
	for i, m := range pm.Mentions {
		switch {
		case m.Form == people.Pronoun && m.Quote < 0 && (m.Referent >= 0 || m.Entity >= 0):
			// Pronouns resolved by the model count as evidence; only those
			// whose referent the text's structure fixes can be reported.
			e := int(m.Referent)
			if e < 0 {
				e = int(m.Entity)
			}
			ambiguous := first != nil && someoneElseFits(a, pm, first, e, m)
			if g0 := indep[e]; ambiguous && g0 != "" && g0 != m.Gender() {
				continue // about someone else in view, by all the article says of e
			}
			v := get(e)
			v.add(m.Gender(), 1, a.Line(m.Start()))
			switch {
			case ambiguous:
				v.weak[gi(m.Gender())]++ // it may be about someone else
			case m.Referent >= 0:
				v.prons[gi(m.Gender())] = append(v.prons[gi(m.Gender())], i)
			default:
				v.weak[gi(m.Gender())]++
			}
		case m.Form == people.Honorific && m.Gender() != "" && m.Entity >= 0:
			get(int(m.Entity)).add(m.Gender(), 2, a.Line(m.Start()))
		}
	}
	for e := range pm.Entities {
		ent := &pm.Entities[e]
		if len(ent.Mentions) == 0 || !ent.Kind.MayBePerson() {
			continue
		}
		if ent.Gender != "" && (byEnt[e] == nil || byEnt[e].n[gi(ent.Gender)] < 3) {
			get(e).n[gi(ent.Gender)] += 3 // the gazetteer
		}
		for _, r := range ent.Roles {
			if g := roleGender(&r); g != "" {
				get(e).add(g, 1, a.Line(r.Span.Start))
			}
		}
		if g := names[e]; g != "" {
			v := get(e)
			v.n[gi(g)]++
			v.weak[gi(g)]++
		}
	}
	return byEnt
}

// reportPronoun reports pronoun m, which contradicts the gender major
// established on lines, with the other pronoun as the fix where it is
// unambiguous ("her" may be "him" or "his").
func reportPronoun(pass *linter.Pass, ent *people.Entity, m people.Mention, major string, lines []int) {
	word := pass.Article.Text(m.Span())
	msg := fmt.Sprintf("“%s” refers to %s, whom the article elsewhere refers to as %s (line%s %s)",
		word, ent.Name, major, plural(len(lines)), joinInts(lines))
	reportWithSwap(pass, m, msg)
}

// reportWithSwap reports pronoun m with msg, and the pronoun of the other
// gender as the fix where it is unambiguous: "her" may be "him" or
// "his", and is "him" only where no noun phrase it could possess follows
// ("could again eclipse her.", "told her that"; not "gave her money").
func reportWithSwap(pass *linter.Pass, m people.Mention, msg string) {
	word := pass.Article.Text(m.Span())
	var fixes []linter.Suggestion
	repl, ok := pronounSwap[strings.ToLower(word)]
	if strings.ToLower(word) == "her" {
		repl, ok = "him", people.ObjectPronounAt(pass.Article, int(m.FirstToken))
	}
	if ok {
		if word[0] >= 'A' && word[0] <= 'Z' {
			repl = strings.ToUpper(repl[:1]) + repl[1:]
		}
		fixes = append(fixes, pass.Fix("replace with “"+repl+"”", m.Span(), repl))
	}
	pass.Report(m.Span(), msg, fixes...)
}

func uniqueInts(xs []int) []int {
	sort.Ints(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

// opposite is the other gender.
func opposite(g string) string {
	if g == "male" {
		return "female"
	}
	return "male"
}
