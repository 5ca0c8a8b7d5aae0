package rules

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// A stray pronoun is one of a gender nobody in view has: no person of
// that gender, or of a gender the article leaves open, is named, called
// by a role or a noun, or referred to by another pronoun in its sentence
// or the sentences just before it, while someone the article firmly gives
// the other gender is ("Trump's campaign backtracked, contradicting her
// earlier comments"). The vote-based check in pronoun_consistency.go
// needs the person's other pronouns to agree; this one needs no
// pronouns at all, only that nobody else could be meant.

// strayWindow is how many sentences before a pronoun's own are in view
// (sentences wholly inside quotations not counted); strayWindowStruct
// when the pronoun's own sentence names its referent by its structure.
const (
	strayWindow       = 2
	strayWindowStruct = 1
	// strayTokensBefore and strayTokensAfter bound the words read around
	// one pronoun, so that an endless sentence stays linear.
	strayTokensBefore = 300
	strayTokensAfter  = 40
	// strayMaxSentences bounds the walk back over sentences wholly
	// inside quotations.
	strayMaxSentences = 8
)

// strayPronouns reports the stray pronouns that the vote-based check did
// not report already (reported holds mention indexes).
func strayPronouns(s *strayScan, reported map[int]bool) {
	pass, byEnt, indep := s.pass, s.byEnt, s.indep
	a, pm := pass.Article, pass.People
	if len(a.Paragraphs) == 0 {
		return
	}
	titled := s.inHeadline(0)
	for i, m := range pm.Mentions {
		if m.Form != people.Pronoun || m.Quote >= 0 || m.Gender() == "" || m.Why == people.RefGeneric || reported[i] {
			continue
		}
		if m.Para == 0 && titled {
			continue // a headline in title case names people loosely
		}
		if namedAfter(a, m) || s.turn(int(m.Para)) {
			continue
		}
		s.judged = s.ownVote(m) // before anything asks how firm a gender is
		if people.ObjectHisAt(a, int(m.FirstToken)) {
			// "he has not endorsed his or conceded": where only an object
			// stands, "his" is "her" or "him" written wrong, whoever is
			// meant.
			s.reportObjectHis(m)
			reported[i] = true
			continue
		}
		if m.Referent >= 0 && (m.Why.InSentence() || m.Why == people.RefPrevious) && indep[m.Referent] == m.Gender() {
			continue // its referent, in view, is of its gender: the common case, decided at once
		}
		// Whom its own clause rules out, once for every check below.
		s.cannot, s.notMeant = s.commanded(m, s.cannot[:0]), -1
		binder := s.reflexiveBinder(i)
		if binder >= 0 {
			// Which of the two is the slip: the one whose gender the
			// pronouns around them do not share ("He describes herself
			// as … he has donated"; "whether he herself had emailed
			// … her server"). When they do not tell, the checks below
			// judge the reflexive as any other pronoun, but only for
			// someone its sentence names ("Clinton has won primaries
			// that free her to present himself"): a reflexive sees no
			// further than its sentence, and the binder alone would
			// make the one it means the reflexive's ("Then he steeled
			// herself", where "he" is the slip).
			switch odd := s.oddOne(m, pm.Mentions[binder]); {
			case odd == i:
				reportReflexive(pass, binder, m, m)
				reported[i] = true
				continue
			case odd == binder:
				if !reported[binder] {
					reportReflexive(pass, binder, pm.Mentions[binder], m)
					reported[binder] = true
				}
				continue
			}
		}
		if target := s.reflexiveBound(i); target >= 0 {
			reportBound(pass, byEnt, target, m) // "Lund herself": the name it stands by says most
			reported[i] = true
		} else if target := s.strayTarget(i); target >= 0 && (binder < 0 || namedInSentence(pm, target, m)) {
			reportStray(pass, byEnt, target, s.notMeant, m)
			reported[i] = true
		} else if target := s.boundTarget(i); target >= 0 {
			reportBound(pass, byEnt, target, m)
			reported[i] = true
		}
	}
}

type strayScan struct {
	pass     *linter.Pass
	byEnt    map[int]*votes
	indep    []string
	surnames []surnameOf
	covered  []bool
	// skipQuote is one more than the quotation fitsBetween passes over
	// (the one the pronoun being judged tags), 0 for none.
	skipQuote int
	// quoted caches allQuoted by sentence: 0 not known yet, 1 yes, 2 no.
	quoted []uint8
	// speakerOf maps a speaker's mention to the quotation it tags.
	speakerOf map[int]int
	// caps holds the article's capitalised words (capitals).
	caps map[string]bool
	// places holds the one-word names the article puts after a
	// preposition of place (placeWords).
	places map[string]bool
	// headline caches whether the first paragraph is a headline in title
	// case (inHeadline): 0 not known yet, 1 yes, 2 no.
	headline uint8
	// turns caches turn by paragraph: 0 not known yet, 1 yes, 2 no.
	turns []uint8
	// holders indexes the people of the article by the keys of their
	// roles (heldOnlyBy).
	holders map[string][]int
	// indefinite maps words to where an indefinite word first stands
	// before them (indefinites); firstNamed and firstNot are where the
	// article names someone first, and someone not firmly of each gender
	// (namedOnlyBefore, once namedKnown).
	indefinite map[string]int
	namedKnown bool
	firstNamed int
	firstNot   [2]int
	// cannot holds the people the pronoun being judged cannot mean
	// (commanded, set once per pronoun by strayPronouns); notMeant is one
	// of them of its gender in view, or -1. commandEnd is where what its
	// clause commands after it ends: nobody named or described there is
	// whom it means ("she told the story of an older supporter").
	cannot     []int
	notMeant   int
	commandEnd int
	// subordinate is set by commanded when a subordinator opens the
	// clause of the pronoun being judged ("that when she arrives").
	subordinate bool
	// judged is the person whose votes hold the pronoun being judged
	// (ownVote), -1 for none: its own vote is no evidence about itself.
	judged       int
	judgedGender string
}

// surnameOf is a person of the article and their surname.
type surnameOf struct {
	sur string
	id  int
}

// bearers returns the people of the article whose surname is sur, from
// a list sorted by surname built when first needed. A relative shares
// no surname with someone who is no relative: the article calls a
// relative by first name ("Trump … his daughter, Ivanka Trump"), so a
// bare "Trump" is not hers, as the model reads it too.
func (s *strayScan) bearers(sur string) []surnameOf {
	if s.surnames == nil {
		pm := s.pass.People
		s.surnames = make([]surnameOf, 0, len(pm.Entities))
		for e := range pm.Entities {
			// Not a name of two words or more whose first word is no
			// given name ("Never Trump", "Whip Steve Scalise"): the model
			// could not tell what it is, and nothing says it is someone.
			if su := pm.Entities[e].Surname(); su != "" && pm.Entities[e].Kind.MayBePerson() &&
				(pm.Entities[e].Kind == people.KindPerson || s.givenFirst(e)) {
				s.surnames = append(s.surnames, surnameOf{su, e})
			}
		}
		// Sorted by surname, relatives last, so that a surname's
		// non-relatives are a prefix of its run.
		kin := func(e int) int {
			if pm.Entities[e].Relative() {
				return 1
			}
			return 0
		}
		slices.SortFunc(s.surnames, func(x, y surnameOf) int {
			return cmp.Or(strings.Compare(x.sur, y.sur), cmp.Compare(kin(x.id), kin(y.id)), cmp.Compare(x.id, y.id))
		})
	}
	lo, _ := slices.BinarySearchFunc(s.surnames, sur, func(x surnameOf, t string) int { return strings.Compare(x.sur, t) })
	hi := lo
	for hi < len(s.surnames) && s.surnames[hi].sur == sur {
		hi++
	}
	pm := s.pass.People
	if k := lo + sort.Search(hi-lo, func(k int) bool { return pm.Entities[s.surnames[lo+k].id].Relative() }); k > lo {
		hi = k
	}
	return s.surnames[lo:hi]
}

// givenFirst reports whether entity e may be someone by its words: one
// word, or a word before its last that the name data know as a given
// name, or an initial ("Ivanka Trump", "Counsel W. Neil Eggleston", not
// "Never Trump" or "Good Morning America").
func (s *strayScan) givenFirst(e int) bool {
	name := strings.Fields(s.pass.People.Entities[e].Name)
	if len(name) < 2 {
		return true
	}
	for i, w := range name[:len(name)-1] {
		// The first word may be any given name; a later one must be
		// mostly a given name ("Morning" is a rare one).
		if i == 0 && people.GivenNameGender(w) != "" || people.MostlyGivenName(w) || len(w) == 2 && w[1] == '.' {
			return true
		}
	}
	return false
}

// anyMayBe reports whether one of people may have gender g: nothing
// firmly gives them the other.
func (s *strayScan) anyMayBe(people []surnameOf, g string) bool {
	return slices.ContainsFunc(people, func(p surnameOf) bool {
		return !s.firm(p.id, opposite(g))
	})
}

// firmly reports whether what the article says of e besides pronouns (the
// gazetteer, a gendered title, a one-sided first name) gives it gender g,
// and at most one pronoun, of any kind, says otherwise, or the evidence
// against is a quarter or less of the evidence for (a man called "he" a
// dozen times, to whom the model gave two pronouns about a woman near
// him). Pronouns alone never make anyone firm: one wrong resolution would.
func (s *strayScan) firmly(e int, g string) bool {
	if s.indep[e] != g {
		return false
	}
	v := s.byEnt[e]
	if v == nil {
		return true
	}
	against := s.against(e, g)
	return against <= 1 || 4*against <= v.n[gi(g)]
}

// against is the evidence that e is not of gender g, without the vote of
// the pronoun being judged: the pronoun cannot vouch for itself ("The
// senator … he refused … “…,” she said").
func (s *strayScan) against(e int, g string) int {
	n := s.byEnt[e].n[gi(opposite(g))]
	if e == s.judged && n > 0 && s.judgedGender == opposite(g) {
		n--
	}
	return n
}

// ownVote returns the person whose votes genderVotes gave pronoun m's
// (its referent, or the model's guess), -1 when it gave none for sure:
// a pronoun about someone else in view, against what the article says of
// them, is left out there.
func (s *strayScan) ownVote(m people.Mention) int {
	s.judgedGender = m.Gender()
	if m.Form != people.Pronoun || m.Quote >= 0 || m.Gender() == "" {
		return -1
	}
	e := cmp.Or(int(m.Referent)+1, int(m.Entity)+1) - 1
	if e < 0 || s.indep[e] != "" && s.indep[e] != m.Gender() {
		return -1
	}
	return e
}

// firm reports whether e is of gender g by what the article says of it
// (firmly) or, overwhelmingly, by its pronouns (firmByPronouns): not
// someone of the other gender in view.
func (s *strayScan) firm(e int, g string) bool { return s.firmly(e, g) || s.firmByPronouns(e, g) }

// firmReferent reports whether e, the referent its sentence gives a
// pronoun, is firmly of gender g: as firmly says, or, when nothing but
// pronouns gives e a gender, by several pronouns whose referents their
// sentences fix, with at most one of any kind against ("Hillary
// Clinton", whose given name the data leave open). Only a pronoun's own
// referent is judged so: whether someone else may be meant is never.
func (s *strayScan) firmReferent(e int, g string) bool {
	if s.firmly(e, g) {
		return true
	}
	return s.pronounsGive(e, g, firmPronouns)
}

// firmByPronouns reports whether nothing but pronouns gives e a gender
// and they give it g overwhelmingly: at least firmOthers pronouns whose
// referents their sentences fix, and at most one pronoun of any kind
// against ("Bernie Sanders", whose given name the data leave open, called
// "he" all through). Then e is not someone of the other gender in view.
func (s *strayScan) firmByPronouns(e int, g string) bool { return s.pronounsGive(e, g, firmOthers) }

// pronounsGive reports whether nothing but pronouns gives e a gender and
// at least n of them, whose referents their sentences fix, give it g,
// with at most one pronoun of any kind against.
func (s *strayScan) pronounsGive(e int, g string, n int) bool {
	v := s.byEnt[e]
	if s.indep[e] != "" || v == nil {
		return false
	}
	against := s.against(e, g)
	if people.GivenNameLean(s.pass.People.Entities[e].FirstName()) == g && against == 0 {
		// A first name most of whose bearers have g ("Bernie": 86 in
		// 100 men; "Barack", too rare for the data to vouch for) and
		// nothing at all against: one pronoun the structure fixes is
		// enough, or two the model gave it, whose sentences leave
		// others in view.
		if v.n[gi(g)] >= 2 {
			return true
		}
		n = 1
	}
	// At most one against, or a quarter or less of the evidence for
	// ("Bernie Sanders" called "he" 37 times, to whom the model gave two
	// pronouns about a woman near him).
	if against == 0 && len(v.prons[gi(g)]) >= 1 && v.n[gi(g)] >= 2*n {
		// Nothing against, and twice the pronouns needed, most of them
		// the model's guesses, but one its sentence fixes ("Obama", a
		// dozen times "he").
		return true
	}
	return len(v.prons[gi(g)]) >= n && (against <= 1 || 4*against <= v.n[gi(g)])
}

// firmOthers is how many pronouns with structural referents make someone
// in view firm when nothing else gives them a gender.
const firmOthers = 3

// firmPronouns is how many pronouns with structural referents make a
// gender firm when nothing else gives it.
const firmPronouns = 2

// barelyNamed reports whether nothing but its word says entity e is a
// person's: it speaks nowhere, has no role or title and is never named in
// full ("Indiana", which the given-name data know).
func (s *strayScan) barelyNamed(e int) bool {
	pm := s.pass.People
	ent := &pm.Entities[e]
	return ent.Kind.MayBePerson() && !pm.Speaking[e] && len(ent.Roles) == 0 && !ent.Titled && !ent.FullNamed
}

// namedPerson reports whether entity e is surely a person: the model
// says so, or it is named in full with a first name the data give a
// gender and a surname they know ("Martin O’Malley", whose first name is
// also a common surname).
func (s *strayScan) namedPerson(e int) bool {
	ent := &s.pass.People.Entities[e]
	return ent.Kind == people.KindPerson ||
		ent.Kind == people.KindUnknown && people.GivenNameGender(ent.FirstName()) != "" && people.MayBeNameWord(ent.Surname())
}

// strayTarget returns the person stray pronoun i seems to mean (someone
// firmly of the other gender in view, its structural referent first), or
// -1 when someone of its own gender may be in view, or nobody is.
func (s *strayScan) strayTarget(i int) int {
	a, pm := s.pass.Article, s.pass.People
	m := pm.Mentions[i]
	window := s.window(m)
	first := int(m.Sent)
	for si, n := int(m.Sent)-1, 0; si >= 0 && n < window && int(m.Sent)-si <= strayMaxSentences; si-- {
		first = si
		if !s.allQuoted(si) {
			n++
		}
	}
	hi := min(int(a.Sentences[m.Sent].EndToken), int(m.EndToken)+strayTokensAfter)
	// A reflexive means someone its own sentence names before it, outside
	// quotations: its clause's subject, or the one whose words it stands
	// in ("Trump said that only an outsider like himself could").
	reflexive := people.IsReflexive(a.Lower(int(m.FirstToken)))
	if reflexive {
		first, hi = int(m.Sent), int(m.EndToken)
	}
	lo := max(int(a.Sentences[first].FirstToken), int(m.FirstToken)-strayTokensBefore)
	s.covered = slices.Grow(s.covered[:0], hi-lo)[:hi-lo]
	clear(s.covered)

	// A pronoun that tags a quotation ("“…,” she said") is its speaker:
	// nobody named inside those words.
	tagged := s.tags(i)
	// What a possessive pronoun possesses is not whom it means ("her
	// client's", "his son"): the noun phrase right after it.
	owned := s.possessedEnd(m)
	// Nor the name in apposition to it ("Her rival, Hillary Clinton,"):
	// the one possessed again.
	named := s.appositiveEnd(m, owned)
	// Nor anyone unnamed after it, unless it may look ahead (looksAhead).
	ahead := tagged >= 0 || s.looksAhead(m)
	s.notMeant = -1
	byName := false
	target, chain := -1, -1
	ownSubject := -1
	objPron := people.ObjectPronounAt(a, int(m.FirstToken))
	chainHere := false
	for si := int(m.Sent); si >= first; si-- {
		ms := pm.MentionsInSentence(si)
		// The mentions in [lo, hi), last first.
		k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= hi })
		for k--; k >= 0 && int(pm.Mentions[ms[k]].FirstToken) >= lo; k-- {
			o := pm.Mentions[ms[k]]
			for t := int(o.FirstToken); t < int(o.EndToken) && t < hi; t++ {
				s.covered[t-lo] = true
			}
			if ms[k] == int32(i) || tagged >= 0 && int(o.Quote) == tagged || o.Form == people.RolePhrase && o.FirstToken >= m.FirstToken && int(o.EndToken) <= owned ||
				reflexive && o.Quote >= 0 || s.takesUpLater(m, o) {
				continue
			}
			if o.Entity < 0 && o.Form != people.Pronoun && o.FirstToken >= m.EndToken && (int(o.FirstToken) < s.commandEnd || !ahead) {
				continue // "she will thank the organizer": someone its clause names after it
			}
			if o.Entity >= 0 && (slices.Contains(s.cannot, int(o.Entity)) || int(o.FirstToken) > owned && int(o.EndToken) <= named) {
				if fits, _ := s.mentionFits(m, o); fits {
					s.notMeant = int(o.Entity)
				}
				continue // "she will back Ayotte": not Ayotte
			}
			fits, person := s.mentionFits(m, o)
			if fits {
				return -1
			}
			if person && o.Quote < 0 && s.namedPerson(int(o.Entity)) && o.Start() < m.Start() && (target < 0 || o.Entity == m.Referent) {
				if objPron && o.Sent == m.Sent && s.subjectOfClause(int(ms[k]), m) {
					// "where Trump could again eclipse her": an object
					// pronoun is not its clause's subject; whom it seems
					// to mean is someone before.
					if ownSubject < 0 {
						ownSubject = int(o.Entity)
					}
				} else {
					target = int(o.Entity)
				}
			}
			if person && s.byFirstNameOnly(int(o.Entity), opposite(m.Gender())) {
				byName = true
			}
			if chain < 0 && o.Form == people.Pronoun && o.Quote < 0 && o.Gender() == opposite(m.Gender()) && o.Start() < m.Start() && o.Why != people.RefGeneric {
				// Its referent, or the most recent person of its gender
				// the model took it for.
				chain = cmp.Or(int(o.Referent)+1, int(o.Entity)+1) - 1
				chainHere = si == int(m.Sent)
			}
		}
	}
	if target < 0 {
		target = ownSubject
	}
	if (target < 0 || chainHere) && chain >= 0 && s.namedPerson(chain) && (s.firm(chain, opposite(m.Gender()))) {
		// Nobody named in view, but the pronouns there go on about
		// someone firmly of the other gender ("She brought … She
		// introduced … [He] was a canny infighter"); or a pronoun of the
		// other gender before it in its sentence is whom it most likely
		// stands for, more than the last name ("Reyes … won the backing
		// of Tom Hale and Glenn Moss as he sought to bolster her case").
		target = chain
	}
	if target < 0 || s.continuedAfter(i) || s.notMeant >= 0 && byName {
		// Where the one person of its gender in view is ruled out by
		// the clause's structure, everyone else in view must be of the
		// other gender by more than a first name (a woman named Jess is
		// rare, not unknown).
		return -1
	}
	for t := hi - 1; t >= lo; t-- {
		if t != int(m.FirstToken) && !s.covered[t-lo] && a.IsWord(t) && (tagged < 0 || a.QuoteOf(t) != tagged) && !(reflexive && a.InQuote(t)) &&
			!(t > int(m.FirstToken) && t < owned) && !(t >= int(m.EndToken) && (t < s.commandEnd || !ahead)) && s.wordFits(m, t) {
			return -1
		}
	}
	return target
}

// subjectOfClause reports whether mention k, before pronoun m in its
// sentence, is the subject of the clause m stands in: a subject with no
// clause boundary (a subordinator, a relative word, a conjunction or a
// punctuation mark) between them.
func (s *strayScan) subjectOfClause(k int, m people.Mention) bool {
	a, pm := s.pass.Article, s.pass.People
	if !pm.SubjectOf(a, k) {
		return false
	}
	for t := int(pm.Mentions[k].EndToken); t < int(m.FirstToken); t++ {
		switch a.Lower(t) {
		case "that", "who", "which", "when", "where", "because", "while", "after", "before", "if", "but", "and", ",", ";", ":", "to":
			return false
		}
	}
	return true
}

// looksAhead reports whether pronoun m may mean someone named after it
// in its sentence: it stands before anyone its sentence names ("In her
// speech, Clinton said", "His aides say Trump"), or it is the subject of
// a clause a subordinator opens ("Trump said that when she arrives,
// Clinton will"). After
// its sentence has named someone, in a main clause, a pronoun takes up
// someone before it ("Obama kept in touch with his supporters even after
// his last election … an advocate for the Democratic nominee").
func (s *strayScan) looksAhead(m people.Mention) bool {
	a, pm := s.pass.Article, s.pass.People
	named := false
	for _, k := range s.mentionsFrom(int(m.Sent), int(m.FirstToken)-strayTokensBefore) {
		o := pm.Mentions[k]
		if o.Start() >= m.Start() {
			break
		}
		if o.Quote < 0 && (o.Form == people.Pronoun || o.Entity >= 0 && pm.Entities[o.Entity].Kind.MayBePerson()) {
			named = true
			break
		}
	}
	if !named {
		return true
	}
	// Only a subject opens a clause ("even after her last race": a
	// preposition); commanded has read whether a subordinator opens it.
	w := a.Lower(int(m.FirstToken))
	return (w == "he" || w == "she") && s.subordinate
}

// possessedEnd returns the end of the noun phrase possessive pronoun m
// opens ("her [client's]", "his [new campaign manager]"): the lower-case
// words after it, at most four, up to and with the first possessive or
// the last of them; m's own end when m is no possessive.
func (s *strayScan) possessedEnd(m people.Mention) int {
	a := s.pass.Article
	if !people.PossessiveAt(a, int(m.FirstToken)) {
		return int(m.EndToken)
	}
	end := int(m.EndToken)
	for t := int(m.EndToken); t < len(a.Tokens) && t < int(m.EndToken)+4 && a.IsWord(t) && !a.IsCapWord(t); t++ {
		end = t + 1
		if _, poss := article.StripPossessive(a.Tok(t)); poss {
			break
		}
	}
	return end
}

// mentionsFrom returns the mentions of sentence si that start at token
// from or after it, found by binary search: a walk over them stays
// bounded however long the sentence runs.
func (s *strayScan) mentionsFrom(si, from int) []int32 {
	pm := s.pass.People
	ms := pm.MentionsInSentence(si)
	k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= from })
	return ms[k:]
}

// takesUpLater reports whether mention o, a pronoun after pronoun m,
// refers to someone named between the two ("He criticized … Donald
// Trump, though she did not name him"): it says nothing of whom m means.
func (s *strayScan) takesUpLater(m, o people.Mention) bool {
	if o.Form != people.Pronoun || o.Start() <= m.Start() {
		return false
	}
	pm := s.pass.People
	e := cmp.Or(int(o.Referent)+1, int(o.Entity)+1) - 1
	if e >= 0 && (s.firm(e, opposite(o.Gender()))) {
		e = -1 // the model's guess, against its gender
	}
	if e < 0 {
		// Unresolved: someone firmly of its gender named between may be
		// whom it takes up.
		for si := int(m.Sent); si <= int(o.Sent); si++ {
			ms := pm.MentionsInSentence(si)
			k := sort.Search(len(ms), func(k int) bool { return pm.Mentions[ms[k]].Start() > m.Start() })
			for ; k < len(ms) && pm.Mentions[ms[k]].Start() < o.Start(); k++ {
				if x := pm.Mentions[ms[k]]; x.Form != people.Pronoun && x.Entity >= 0 &&
					(s.firm(int(x.Entity), o.Gender())) {
					return true
				}
			}
		}
		return false
	}
	ms := pm.Entities[e].Mentions
	k := sort.Search(len(ms), func(k int) bool { return pm.Mentions[ms[k]].Start() > m.Start() })
	for ; k < len(ms) && pm.Mentions[ms[k]].Start() < o.Start(); k++ {
		if pm.Mentions[ms[k]].Form != people.Pronoun {
			return true
		}
	}
	return false
}

// appositiveEnd returns the end of a name in apposition to the noun
// phrase possessive pronoun m opens, which ends at owned with a noun for
// a person ("Her rival, Hillary Clinton, captured", "his wife, Ana,"):
// the name after its comma, closed by a comma, a full stop or the
// sentence's end. owned when there is none, or m possesses nobody.
func (s *strayScan) appositiveEnd(m people.Mention, owned int) int {
	a, pm := s.pass.Article, s.pass.People
	if owned <= int(m.EndToken) || !a.IsPunct(owned, ",") || !people.UnnamedPersonAt(a, owned-1) {
		return owned // "After her arrest, Dorn, a lawyer, said": no person is possessed
	}
	for _, k := range s.mentionsFrom(int(m.Sent), owned+1) {
		o := pm.Mentions[k]
		if int(o.FirstToken) != owned+1 {
			break
		}
		if o.Form == people.Pronoun || o.Form == people.RolePhrase || len(o.Words) == 0 {
			return owned
		}
		if closesAppositive(a, o) {
			return int(o.EndToken)
		}
		break
	}
	return owned
}

// continuedAfter reports whether pronoun i's gender goes on after it,
// outside quotations, in its sentence or the next: the writer is still
// speaking of someone of that gender ("… wanted to issue her support.
// She chose the hashtag"), whom the model did not find; a lone flipped
// pronoun has nothing of its gender after it.
func (s *strayScan) continuedAfter(i int) bool {
	pm := s.pass.People
	m := pm.Mentions[i]
	for si := int(m.Sent); si <= int(m.Sent)+1 && si < len(s.pass.Article.Sentences); si++ {
		ms := pm.MentionsInSentence(si)
		k := sort.Search(len(ms), func(k int) bool { return pm.Mentions[ms[k]].Start() > m.Start() })
		for ; k < len(ms); k++ {
			o := pm.Mentions[ms[k]]
			if o.FirstToken > m.EndToken+strayTokensBefore {
				return false // bounded, however long the sentence runs
			}
			if o.Form == people.Pronoun && o.Quote < 0 && o.Gender() == m.Gender() && o.Why != people.RefGeneric && !s.takesUpLater(m, o) {
				return true
			}
		}
	}
	return false
}

// namedAfter reports whether the editor names pronoun m's referent in
// brackets just after it ("She [Hillary Clinton] is right").
func namedAfter(a *article.Article, m people.Mention) bool {
	return a.IsPunct(int(m.EndToken), "[")
}

// turn reports whether paragraph p is a turn of a transcript: it opens
// with a speaker's name or label and a colon ("Alex Seitz-Wald: She is
// right", "FALLIN: I think he is"), so its words are the speaker's, like
// a quotation's. Each paragraph is read once.
func (s *strayScan) turn(p int) bool {
	a := s.pass.Article
	if s.turns == nil {
		s.turns = make([]uint8, len(a.Paragraphs))
	}
	if s.turns[p] == 0 {
		s.turns[p] = 2
		if transcriptTurn(a, p) {
			s.turns[p] = 1
		}
	}
	return s.turns[p] == 1
}

// transcriptTurn reports whether paragraph p opens with one to four
// capitalised words and a colon.
func transcriptTurn(a *article.Article, p int) bool {
	para := a.Paragraphs[p]
	if int(para.FirstSentence) >= len(a.Sentences) {
		return false
	}
	first := int(a.Sentences[para.FirstSentence].FirstToken)
	end := int(a.Sentences[para.FirstSentence].EndToken)
	for t, n := first, 0; t < end && n <= 4; t++ {
		switch {
		case a.IsPunct(t, ":"):
			return n > 0 && t+1 < end
		case a.IsCapWord(t), a.IsPunct(t, "-"), a.IsPunct(t, "."):
			if a.IsWord(t) {
				n++
			}
		default:
			return false
		}
	}
	return false
}

// tags returns the quotation whose speaker mention i is, or -1; the
// speakers are indexed when first needed.
func (s *strayScan) tags(i int) int {
	pm := s.pass.People
	if s.speakerOf == nil {
		s.speakerOf = map[int]int{}
		for q, at := range pm.Attributions {
			if at.Speaker >= 0 {
				s.speakerOf[int(at.Speaker)] = q
			}
		}
	}
	if q, ok := s.speakerOf[i]; ok {
		return q
	}
	return -1
}

// boundTarget returns the person a subject, possessive or reflexive pronoun must
// mean by the structure of its own sentence ("Trump said she would",
// "Kasich told donors that she", "Cruz himself", "“…,” she said" after
// Trump spoke), or of the sentence before ("Brandt questioned the
// contract. She …"), when the article
// firmly gives that person the other gender and nobody of the pronoun's
// gender is where a reader looks for its antecedent: earlier in its
// sentence, or as the subject of the sentence before ("Theresa May lost
// the vote. Corbyn said she had to accept defeat"), or as the person the
// paragraph is about. Someone of its gender named elsewhere in view, in
// an object or a quotation, does not make the pronoun theirs. -1
// otherwise.
func (s *strayScan) boundTarget(i int) int {
	a, pm := s.pass.Article, s.pass.People
	m := pm.Mentions[i]
	r := int(m.Referent)
	if r < 0 || (m.Why != people.RefSpeech && m.Why != people.RefOnly && m.Why != people.RefSubject && m.Why != people.RefPrevious && m.Why != people.RefSpeaker && m.Why != people.RefRelative) {
		return -1
	}
	switch w := a.Lower(int(m.FirstToken)); {
	case m.Why == people.RefPrevious && (w != "he" && w != "she" || !s.previousHolds(i)):
		// The only person of the sentence before: only for a subject
		// pronoun that goes on speaking of them ("Comey said the
		// statements were wrong. He …").
		return -1
	case w == "he" || w == "she" || people.IsReflexive(w):
	case people.PossessiveAt(a, int(m.FirstToken)) && !s.inReportedWords(m):
		// A possessive, but not in reported words, where it is often
		// someone else's ("Mackler issued a statement saying his comment").
	default:
		return -1
	}
	other := opposite(m.Gender())
	if !s.namedPerson(r) || !s.firmReferent(r, other) || s.byBareRole(m, r) {
		return -1
	}
	if s.namesakeMayBe(r, m, other) {
		return -1 // a namesake who may be of its gender
	}
	if k := s.nameBefore(m); k >= 0 && int(pm.Mentions[k].Entity) == r && people.IsReflexive(a.Lower(int(m.FirstToken))) {
		return r // "Trump herself": it stands by the name
	}
	if ps := int(pm.Subject(int(m.Para)).Entity); ps >= 0 && ps != r && !s.firmly(ps, other) {
		return -1
	}
	// Earlier in its own sentence; for a tag, not inside the words it
	// tags, whose speaker is nobody they name ("Clinton signaled that she
	// is girding for a fight. “Sen. Sanders has had trouble,” he said").
	lo := max(int(a.Sentences[m.Sent].FirstToken), int(m.FirstToken)-strayTokensBefore)
	from := s.reportedFrom(m, r)
	s.skipQuote = s.tags(i) + 1
	own := s.fitsBetween(m, int(m.Sent), lo, from, false)
	s.skipQuote = 0
	if own {
		return -1
	}
	if from != int(m.FirstToken) {
		return r // "Mook acknowledged …, she said": its sentence names the speaker
	}
	// The sentence before; not for a pronoun in a relative clause,
	// which means the one the clause describes whoever the topic was
	// ("… said Sue Keninger, 62, who has not decided which candidate she
	// will back").
	for si := int(m.Sent) - 1; si >= 0 && int(m.Sent)-si <= strayMaxSentences && m.Why != people.RefRelative; si-- {
		if s.allQuoted(si) {
			continue
		}
		// There, only where a reader looks for an antecedent: a subject,
		// a possessor ("Sanders is under pressure to soften his barbs at
		// Clinton. But Devine said she" is Devine). For a tag, anyone of
		// its gender there may be the voice it takes up ("… a message
		// from Wendy Sherman … “Wheels up,” she wrote").
		if s.fitsBetween(m, si, max(int(a.Sentences[si].FirstToken), int(m.FirstToken)-strayTokensBefore), int(a.Sentences[si].EndToken), m.Why != people.RefSpeaker) {
			return -1
		}
		break
	}
	return r
}

// namesakeMayBe reports whether pronoun m, whose sentence gives it r,
// may mean someone else of r's surname who is not firmly of gender other
// (r's, by the article): unless its sentence names r in full, when the
// article calls someone else by the bare surname, or r's namesake is in
// view ("Clinton said as he introduced his wife").
func (s *strayScan) namesakeMayBe(r int, m people.Mention, other string) bool {
	pm := s.pass.People
	sur := pm.Entities[r].Surname()
	return sur != "" && !namedInFull(pm, r, m) && (pm.CalledBy(sur) != r || s.namesakeInView(sur, r, m)) &&
		slices.ContainsFunc(s.bearers(sur), func(p surnameOf) bool { return p.id != r && !s.firmly(p.id, other) })
}

// byFirstNameOnly reports whether only e's first name gives it gender g:
// no honorific, gendered title or role noun, and no pronoun whose
// referent its sentence fixes.
func (s *strayScan) byFirstNameOnly(e int, g string) bool {
	if e < 0 {
		return false
	}
	ent := &s.pass.People.Entities[e]
	if ent.Gender != "" {
		return false
	}
	for k := range ent.Roles {
		if roleGender(&ent.Roles[k]) != "" {
			return false
		}
	}
	v := s.byEnt[e]
	return v == nil || len(v.prons[gi(g)]) == 0
}

// commanded appends to out the people pronoun m cannot mean because its
// clause goes on to name them: a subject or object pronoun is never
// someone its own clause names after it ("she will aggressively back
// Ayotte", "Trump asked him to endorse Romney", "he said Cruz had
// lost"). A pronoun in a subordinate clause may look ahead to the name
// after the comma that closes the clause ("When she arrived, Ayotte
// spoke", "Trump said that if she wins, Clinton will"), and names
// inside quotations are the quoted speaker's: neither counts. At most
// strayTokensAfter words after the pronoun are read.
func (s *strayScan) commanded(m people.Mention, out []int) []int {
	a, pm := s.pass.Article, s.pass.People
	s.commandEnd, s.subordinate = int(m.EndToken), false
	switch w := a.Lower(int(m.FirstToken)); {
	case w == "he" || w == "she" || w == "him":
	case w == "her" && !people.PossessiveHerAt(a, int(m.FirstToken)):
	case people.PossessiveAt(a, int(m.FirstToken)):
		return s.possessorCommands(m, out)
	default:
		return out
	}
	sent := a.Sentences[m.Sent]
	// The clause the pronoun stands in: back to the sentence's start or
	// a comma, a semicolon, a colon or a dash; a subordinator opening it
	// ends what the pronoun commands at the next comma.
	subordinate := false
	defer func() { s.subordinate = subordinate }()
	for k := int(m.FirstToken) - 1; k >= int(sent.FirstToken) && int(m.FirstToken)-k <= strayTokensBefore; k-- {
		if a.IsWord(k) && people.IsSubordinator(a.Lower(k)) {
			subordinate = true
			break
		}
		if a.IsPunct(k, ",") || a.IsPunct(k, ";") || a.IsPunct(k, ":") || a.IsPunct(k, "—") || a.IsPunct(k, "–") {
			break
		}
	}
	end := min(int(sent.EndToken), int(m.EndToken)+strayTokensAfter)
	for k := int(m.EndToken); k < end; k++ {
		// A comma that opens a relative clause or another clause ("his
		// comments, which drew criticism that Trump …") ends what the
		// pronoun commands.
		if a.IsPunct(k, ";") || (a.IsPunct(k, ",") || a.IsDash(k)) && (subordinate || clauseAfterComma[a.Lower(k+1)]) {
			end = k
			break
		}
		if lw, lw1 := a.Lower(k), a.Lower(k+1); (lw == "and" || lw == "or" || lw == "but") && (lw1 == "that" || people.IsRelativeWord(lw1) || people.IsSubordinator(lw1)) {
			// "a state which she won in 2008 and which Bill Clinton won
			// in 1992": a second clause, coordinated with the pronoun's,
			// that it does not command.
			end = k
			break
		}
	}
	s.commandEnd = end
	ms := pm.MentionsInSentence(int(m.Sent))
	for k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.EndToken) }); k < len(ms); k++ {
		o := pm.Mentions[ms[k]]
		if int(o.FirstToken) >= end {
			break
		}
		if o.Entity == m.Referent && m.Why.InSentence() {
			// "Sanders said that he plans a bill … an effort that
			// Sanders said would fail": whom the structure before it
			// fixes, a writer may name again later in its clause.
			continue
		}
		if o.Form != people.Pronoun && o.Quote < 0 && o.Entity >= 0 && len(o.Words) > 0 && !slices.Contains(out, int(o.Entity)) {
			out = append(out, int(o.Entity))
		}
	}
	return out
}

// possessorCommands appends to out the person a possessive pronoun's own
// noun phrase names after a preposition, which the pronoun cannot mean
// ("her attacks on Clinton", "his 2008 campaign against Obama", "her
// lead over Sanders": Clinton's attacks on herself would be "her attacks
// on herself"). A name that only modifies a noun ("her criticism of
// Trump supporters") is no one the phrase names.
func (s *strayScan) possessorCommands(m people.Mention, out []int) []int {
	a, pm := s.pass.Article, s.pass.People
	owned := s.possessedEnd(m)
	for p := int(m.EndToken) + 1; p <= owned && p < int(a.Sentences[m.Sent].EndToken); p++ {
		if !a.IsWord(p) || !complementPrepositions[a.Lower(p)] {
			continue
		}
		ms := s.mentionsFrom(int(m.Sent), p+1)
		if len(ms) == 0 {
			break
		}
		o := pm.Mentions[ms[0]]
		if int(o.FirstToken) == p+1 && o.Form != people.Pronoun && o.Quote < 0 && o.Entity >= 0 && len(o.Words) > 0 &&
			!pm.ModifierAt(a, int(ms[0])) && (!a.IsWord(int(o.EndToken)) || afterComplement[a.Lower(int(o.EndToken))]) && !slices.Contains(out, int(o.Entity)) {
			out = append(out, int(o.Entity))
		}
		break
	}
	return out
}

// complementPrepositions open the complement of a noun a possessive
// pronoun opens ("her attacks on", "his race against").
var complementPrepositions = map[string]bool{"on": true, "against": true, "of": true, "with": true, "over": true,
	"to": true, "for": true, "toward": true, "towards": true, "versus": true, "vs": true}

// afterComplement are the words that may follow the name a possessive's
// complement ends with: a preposition, a conjunction, an auxiliary; not a
// noun the name would modify ("her attacks on Ruiz supporters").
var afterComplement = map[string]bool{"on": true, "in": true, "at": true, "during": true, "over": true, "since": true,
	"after": true, "before": true, "by": true, "from": true, "to": true, "for": true, "with": true, "and": true, "or": true,
	"but": true, "as": true, "that": true, "which": true, "who": true, "because": true, "while": true, "when": true,
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true, "will": true, "would": true}

// clauseAfterComma are the words that, after a comma, open a clause a
// pronoun before the comma does not command.
var clauseAfterComma = map[string]bool{"which": true, "who": true, "whom": true, "whose": true, "where": true,
	"while": true, "although": true, "though": true, "but": true, "and": true}

// byBareRole reports whether the last mention of r before pronoun m, in
// its sentence or the one before, is a role phrase with nothing but its
// title ("the candidate … her mother"): the model's link of a bare role
// to the one person the article titles so is a guess, where two people
// may hold it.
func (s *strayScan) byBareRole(m people.Mention, r int) bool {
	o, ok := lastNamedBefore(s.pass.People, r, m)
	return ok && bareRole(o)
}

// bareRole reports whether mention o is a role phrase with nothing but
// its title ("the candidate", "the senator"; not "the Vermont senator").
func bareRole(o people.Mention) bool {
	return o.Form == people.RolePhrase && o.Role != nil && o.Role.Qualifier == "" && o.Role.Country == "" && o.Role.Org == ""
}

// reportedFrom returns where the words that pronoun m's referent r is
// reported to say begin, before m in its sentence, for a pronoun that
// tags them ("Mook acknowledged the former secretary of State and
// Sanders had split the contests, which is an outcome, she said"): the
// people those words name are not in view for the tag. m's own start
// otherwise.
func (s *strayScan) reportedFrom(m people.Mention, r int) int {
	a, pm := s.pass.Article, s.pass.People
	if m.Why != people.RefSpeaker {
		return int(m.FirstToken)
	}
	for _, st := range pm.StatementsByPara.Of(int(m.Para)) {
		v := pm.Statements[st].Verb
		if sp := pm.Mentions[pm.Statements[st].Mention]; int(sp.Entity) == r && sp.Sent == m.Sent && v.End <= m.Start() {
			return a.TokenIndexAt(v.Start)
		}
	}
	return int(m.FirstToken)
}

// previousHolds reports whether pronoun i, whose referent is the only
// person of the sentence before, can mean no one else by its sentence's
// shape: it does not stand in a clause that opens the sentence before
// its subject ("When she was a prosecutor, Lynch …" is Lynch), nor in
// words a tag later in its sentence reports ("She did receive emails,
// he said"), and no pronoun of its gender about someone else stands in
// the two sentences before that one ("he cautions … Rachel Harvey
// reports … He also said").
func (s *strayScan) previousHolds(i int) bool {
	a, pm := s.pass.Article, s.pass.People
	m := pm.Mentions[i]
	sent := a.Sentences[m.Sent]
	if people.IsSubordinator(a.Lower(int(sent.FirstToken))) {
		return false
	}
	for _, st := range pm.StatementsByPara.Of(int(m.Para)) {
		v := pm.Statements[st].Verb
		if v.Start > m.End() && v.End <= sent.End() && pm.Mentions[pm.Statements[st].Mention].Start() > m.Start() {
			return false
		}
	}
	for si := int(m.Sent) - 2; si >= 0 && si >= int(m.Sent)-3; si-- {
		for _, k := range pm.MentionsInSentence(si) {
			o := pm.Mentions[k]
			if o.Form == people.Pronoun && o.Quote < 0 && o.Gender() == m.Gender() && o.Referent != m.Referent {
				return false
			}
		}
	}
	return true
}

// inReportedWords reports whether pronoun m stands in words its sentence
// reports (after a speech verb: "Mackler issued a statement saying his
// comment"), where a possessive is often someone else's.
func (s *strayScan) inReportedWords(m people.Mention) bool {
	return m.Why == people.RefSpeech || s.pass.People.ReportsBefore(s.pass.Article, &m)
}

// nameBefore returns the mention that ends just before pronoun m, or -1.
func (s *strayScan) nameBefore(m people.Mention) int {
	pm := s.pass.People
	ms := pm.MentionsInSentence(int(m.Sent))
	k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.FirstToken) })
	if k > 0 && int(pm.Mentions[ms[k-1]].EndToken) == int(m.FirstToken) && pm.Mentions[ms[k-1]].Form != people.Pronoun {
		return int(ms[k-1])
	}
	return -1
}

// fitsBetween reports whether a mention or a word of sentence si in
// tokens [lo, hi) may be someone of pronoun m's gender; with prominent,
// only a mention that is a subject or a possessor counts.
func (s *strayScan) fitsBetween(m people.Mention, si, lo, hi int, prominent bool) bool {
	a, pm := s.pass.Article, s.pass.People
	if hi <= lo {
		return false
	}
	s.covered = slices.Grow(s.covered[:0], hi-lo)[:hi-lo]
	clear(s.covered)
	for _, k := range pm.MentionsInSentence(si) {
		o := pm.Mentions[k]
		if int(o.FirstToken) >= hi || int(o.EndToken) <= lo {
			continue
		}
		for t := max(int(o.FirstToken), lo); t < int(o.EndToken) && t < hi; t++ {
			s.covered[t-lo] = true
		}
		if o.Entity >= 0 && slices.Contains(s.cannot, int(o.Entity)) || o.Quote >= 0 && int(o.Quote) == s.skipQuote-1 {
			continue
		}
		if fits, _ := s.mentionFits(m, o); fits && (!prominent || pm.Prominent(a, int(k))) {
			return true
		}
	}
	for t := lo; t < hi; t++ {
		// With prominent, an unnamed person counts only where a reader
		// looks ("would name a budget chief" does not); a noun of the
		// pronoun's gender ("thanked his wife. She …") always does.
		if !s.covered[t-lo] && a.IsWord(t) && (s.skipQuote == 0 || a.QuoteOf(t) != s.skipQuote-1) && s.wordFits(m, t) &&
			(!prominent || people.ProminentWord(a, t) || genderedNoun(a, t)) {
			return true
		}
	}
	return false
}

// reflexiveBound is boundTarget for a reflexive, -1 for any other
// pronoun.
func (s *strayScan) reflexiveBound(i int) int {
	if !people.IsReflexive(s.pass.Article.Lower(int(s.pass.People.Mentions[i].FirstToken))) {
		return -1
	}
	return s.boundTarget(i)
}

// reflexiveBinder returns the pronoun a reflexive must agree with and
// does not, or -1: a reflexive refers back within its clause, and when
// the nearest person before it in its sentence, outside quotations, is a
// subject or object pronoun of the other gender ("she has sought to
// portray himself", "He describes herself as"), with no word between
// that may be someone of its gender ("her husband found himself"), the
// two cannot be one person whoever they are. A name there is left to
// the other checks, which know how firmly its gender stands.
func (s *strayScan) reflexiveBinder(i int) int {
	a, pm := s.pass.Article, s.pass.People
	m := pm.Mentions[i]
	if !people.IsReflexive(a.Lower(int(m.FirstToken))) {
		return -1
	}
	ms := pm.MentionsInSentence(int(m.Sent))
	k := sort.Search(len(ms), func(k int) bool { return int(pm.Mentions[ms[k]].FirstToken) >= int(m.FirstToken) })
	for k--; k >= 0 && int(m.FirstToken)-int(pm.Mentions[ms[k]].FirstToken) <= strayTokensBefore; k-- {
		o := pm.Mentions[ms[k]]
		if o.Quote >= 0 {
			continue
		}
		if o.Form != people.Pronoun {
			return -1
		}
		switch w := a.Lower(int(o.FirstToken)); {
		case people.PossessiveAt(a, int(o.FirstToken)):
			continue // "her husband found himself": the possessor binds nothing
		case w != "he" && w != "she" && w != "him" && w != "her":
			return -1
		}
		if o.Gender() == m.Gender() || o.Gender() == "" || o.Why == people.RefGeneric {
			return -1
		}

		for t := int(o.EndToken); t < int(m.FirstToken); t++ {
			if a.IsWord(t) && !a.InQuote(t) && s.wordFits(m, t) {
				return -1
			}
		}
		return int(ms[k])
	}
	return -1
}

// oddOne returns which of reflexive r and the pronoun b that binds it is
// the slip: the one whose gender no other pronoun outside quotations in
// their paragraph has, where at least two have the other's; failing
// that, the same in their paragraph and the one before; -1 when the
// pronouns around them do not tell.
func (s *strayScan) oddOne(r, b people.Mention) int {
	for _, from := range [...]int{int(r.Para), int(r.Para) - 1} {
		n := s.pronounGenders(r, b, max(0, from))
		switch rg, bg := n[gi(r.Gender())], n[gi(b.Gender())]; {
		case bg >= 2 && rg == 0:
			return s.index(r)
		case rg >= 2 && bg == 0:
			return s.index(b)
		}
	}
	return -1
}

// pronounGenders counts by gender the pronouns outside quotations, but
// r and b, from paragraph from to r's, in the six sentences before r's
// and the one after and within strayTokensBefore words of r: bounded,
// however long a sentence runs.
func (s *strayScan) pronounGenders(r, b people.Mention, from int) [2]int {
	a, pm := s.pass.Article, s.pass.People
	var n [2]int
	for si := max(0, int(r.Sent)-6); si <= int(r.Sent)+1 && si < len(a.Sentences); si++ {
		for _, k := range pm.MentionsInSentence(si) {
			o := pm.Mentions[k]
			if int(o.Para) < from || o.Para > r.Para || o.FirstToken < r.FirstToken-strayTokensBefore || o.FirstToken > r.FirstToken+strayTokensBefore {
				continue
			}
			if o.Form != people.Pronoun || o.Quote >= 0 || o.Gender() == "" || o.Why == people.RefGeneric || o.Start() == r.Start() || o.Start() == b.Start() {
				continue
			}
			n[gi(o.Gender())]++
		}
	}
	return n
}

// reportReflexive reports the slip of a reflexive and the pronoun that
// binds it (binder), whose genders differ: slip is one of the two.
func reportReflexive(pass *linter.Pass, binder int, slip, reflexive people.Mention) {
	a, pm := pass.Article, pass.People
	b := pm.Mentions[binder]
	msg := fmt.Sprintf("“%s” refers back to “%s” earlier in its clause (line %d), but the two differ in gender and the pronouns around them are %s",
		a.Text(reflexive.Span()), a.Text(b.Span()), a.Position(b.Start()).Line, opposite(slip.Gender()))
	if slip.Start() == b.Start() {
		msg = fmt.Sprintf("“%s” is bound by the reflexive “%s” after it in its clause (line %d), but the two differ in gender and the pronouns around them are %s",
			a.Text(b.Span()), a.Text(reflexive.Span()), a.Position(reflexive.Start()).Line, opposite(slip.Gender()))
	}
	reportWithSwap(pass, slip, msg)
}

// reportBound reports pronoun m, which its sentence's structure gives to
// target, a person of the other gender.
func reportBound(pass *linter.Pass, byEnt map[int]*votes, target int, m people.Mention) {
	other := opposite(m.Gender())
	word := pass.Article.Text(m.Span())
	msg := fmt.Sprintf("“%s” refers to %s (%s), whom the article refers to as %s",
		word, pass.People.Entities[target].Name, m.Why, other)
	if v := byEnt[target]; v != nil && len(v.lines[gi(other)]) > 0 {
		lines := uniqueInts(slices.Clone(v.lines[gi(other)]))
		msg += fmt.Sprintf(" (line%s %s)", plural(len(lines)), joinInts(lines))
	}
	reportWithSwap(pass, m, msg)
}

// window is how many sentences before pronoun m's own are in view. One
// when its sentence's structure names the referent and the pronoun is a
// subject or a possessive that refers back to it there ("Ruiz told them
// that he would sign", "Brandt later withdrew her objection"): the
// sentence before may still hold whom it means ("Theresa May lost the
// vote. Corbyn said she had to accept defeat", "… Corbyn attacked her
// handling of the talks"). Two otherwise: for referents the structure
// does not give, for an object pronoun, never its clause's subject
// ("Sanders and Trump are speaking to her"), a possessive in reported
// words, often someone else's ("Mackler issued a statement saying his
// comment"), or in an appositive ("Capellas, her counterpart").
func (s *strayScan) window(m people.Mention) int {
	a := s.pass.Article
	if !m.Why.InSentence() || m.Referent < 0 || !s.firmly(int(m.Referent), opposite(m.Gender())) || m.Why == people.RefObject || s.byBareRole(m, int(m.Referent)) {
		return strayWindow
	}
	switch w := a.Lower(int(m.FirstToken)); {
	case w == "he" || w == "she":
		return strayWindowStruct
	case people.IsReflexive(w) || people.PossessiveAt(a, int(m.FirstToken)):
		if s.inReportedWords(m) || a.IsPunct(int(m.FirstToken)-1, ",") {
			return strayWindow
		}
		return strayWindowStruct
	}
	return strayWindow
}

// mentionFits reports whether mention o may be someone of pronoun m's
// gender; person is set when o is instead someone firmly of the other.
func (s *strayScan) mentionFits(m, o people.Mention) (fits, person bool) {
	pm := s.pass.People
	other := opposite(m.Gender())
	last := ""
	if len(o.Words) > 0 {
		last = o.Words[len(o.Words)-1]
	}
	switch {
	case o.Gender() == m.Gender():
		return o.Why != people.RefGeneric, false // "she", "Mrs. Clinton"
	case o.Form == people.Pronoun:
		return false, false
	case o.Gender() == other:
		return false, o.Entity >= 0 // "Mr. Obama": its own words say who
	case o.Entity >= 0 && !pm.Entities[o.Entity].Kind.MayBePerson():
		return false, false // "Syria", whatever the name data say of the word
	case len(o.Words) == 1 && people.GenderOfNoun(o.Words[0]) == other:
		return false, false // "a Frenchman", taken for a name
	case s.noOnes(o):
		return false, false
	case o.Form == people.RolePhrase && (o.Entity < 0 || bareRole(o)):
		// "the candidate"; a bare role the model linked to its one titled
		// holder is read so too: two people may hold it.
		return s.unnamedMayBe(m, o.Role, int(o.EndToken)-1, o.Start()), false
	case len(o.Words) > 0 && people.GivenNameGender(o.Words[0]) == m.Gender() && !s.surnameOfNamed(o) &&
		(people.MostlyGivenName(o.Words[0]) || o.Entity >= 0 && pm.Entities[o.Entity].Kind == people.KindPerson):
		return true, false // whatever the model made of the name
	case o.Entity < 0 && last != "":
		// A name the model could not place: a surname two people share.
		ents := s.bearers(last)
		if len(ents) == 0 {
			return true, false
		}
		return s.anyMayBe(ents, m.Gender()), false
	case o.Entity < 0 || !pm.Entities[o.Entity].Kind.MayBePerson():
		return false, false
	case pm.Entities[o.Entity].Kind != people.KindPerson && (people.IsKnownPlace(pm.Entities[o.Entity].Name) || people.IsKnownOrg(pm.Entities[o.Entity].Name)):
		return false, false // "Syria", "China": a country is "it"
	case pm.Entities[o.Entity].Kind == people.KindUnknown && !pm.Speaking[int(o.Entity)] && len(pm.Entities[o.Entity].Roles) == 0 &&
		(!slices.ContainsFunc(o.Words, people.MayBeNameWord) || !s.givenFirst(int(o.Entity))):
		// Nothing shows it is a person's, and the name data know none of
		// its words ("Benghazi", "Muslims").
		return false, false
	case !s.firm(int(o.Entity), other):
		return true, false
	case len(o.Words) == 1 && fullMentions(pm, int(o.Entity)) == 0 && pm.Entities[o.Entity].Gender != other && !s.firmByPronouns(int(o.Entity), other):
		// A bare surname nobody is named in full with, unless an honorific
		// or the gazetteer gives it ("President Obama" beside "Mr. Obama"),
		// or the pronouns about it do, overwhelmingly.
		return true, false
	case len(o.Words) == 1 && int(o.Entity) != pm.CalledBy(last) && s.anyMayBe(s.bearers(last), m.Gender()):
		return true, false // "Clinton", of two Clintons
	}
	return false, true
}

// namesakeInView reports whether someone else of surname sur than r is
// named in pronoun m's sentence before it or in the sentence before
// ("Ortiz and his neighbour, Grace Ortiz, signed the letter. Ortiz said
// she"): then the pronoun may tell them apart, whatever the article's
// convention for the bare surname.
func (s *strayScan) namesakeInView(sur string, r int, m people.Mention) bool {
	pm := s.pass.People
	for si := max(0, int(m.Sent)-1); si <= int(m.Sent); si++ {
		for _, k := range pm.MentionsInSentence(si) {
			o := pm.Mentions[k]
			if o.Start() < m.Start() && o.Entity >= 0 && int(o.Entity) != r && o.Form != people.Pronoun && pm.Entities[o.Entity].Surname() == sur {
				return true
			}
		}
	}
	return false
}

// surnameOfNamed reports whether o, one word, is the surname of the
// person the model gives it, whom the article names in full ("Clinton"
// of Hillary Clinton): a surname, whatever the given-name data say of the
// word.
func (s *strayScan) surnameOfNamed(o people.Mention) bool {
	if len(o.Words) != 1 || o.Entity < 0 {
		return false
	}
	ent := &s.pass.People.Entities[o.Entity]
	return ent.FirstName() != "" && ent.Surname() == o.Words[0]
}

// noOnes reports whether name mention o reads as no one's: a name the
// model could not place, or an entity nothing shows is a person's (it
// speaks nowhere and has no role), that may be no one (mayBeSomeone); or
// a one-word name only its word makes a person's, where a place stands
// ("Evansville, Indiana", "in Nevada", "Cruz of Texas").
func (s *strayScan) noOnes(o people.Mention) bool {
	pm := s.pass.People
	switch {
	case len(o.Words) == 0:
		return false
	case o.Entity < 0:
		return !o.Kind.MayBePerson() || !s.mayBeSomeone(o)
	case pm.Entities[o.Entity].Kind == people.KindUnknown && !pm.Speaking[int(o.Entity)] && len(pm.Entities[o.Entity].Roles) == 0:
		return !s.mayBeSomeone(o)
	}
	return len(o.Words) == 1 && s.barelyNamed(int(o.Entity)) && (s.cityState(o) || s.placeWords()[o.Words[0]] || s.affiliation(o))
}

// mayBeSomeone reports whether o, a name, may be one person's: a name of
// two words or more, or a word the name data know or someone of the
// article bears; not a name after "the" ("the Des Moines Register"), a
// place or organisation the data know, a place after "of" ("Cruz of
// Texas"), a plural ("the Clintons", "Americans"), a contraction ("I've"),
// a country or demonym, nor the second half of a place ("South
// Carolina").
func (s *strayScan) mayBeSomeone(o people.Mention) bool {
	a := s.pass.Article
	if name := joinWords(o.Words); o.FirstToken > 0 && a.Lower(int(o.FirstToken)-1) == "the" || s.affiliation(o) ||
		people.IsKnownPlace(name) || people.IsKnownOrg(name) {
		return false
	}
	if len(o.Words) != 1 {
		return !people.IsPlacePrefix(o.Words[0]) // "South Carolina", "New Hampshire"
	}
	w := o.Words[0]
	switch {
	case strings.ContainsAny(w, "'’") && !strings.HasPrefix(w, "O'") && !strings.HasPrefix(w, "O’") && !strings.HasPrefix(w, "D'") && !strings.HasPrefix(w, "D’"):
		return false // "I've", "We'll"
	case people.IsNonNameWord(w):
		return false
	case o.FirstToken > 0 && people.IsPlacePrefix(a.Tok(int(o.FirstToken)-1)):
		return false // "South Carolina", "New Hampshire", "Las Vegas"
	case partyTag(w) || s.splitPartyTag(o) || s.bracketedAbbreviation(o):
		return false // "R-Wis", "D-Calif", "Cruz (Tex.)"
	case s.cityState(o):
		return false // "Evansville, Indiana"
	case people.ThingListAt(a, int(o.FirstToken)):
		return false // "states like Texas, Alabama and Ohio"
	case s.modifier(o) || s.placeWords()[w]:
		return false // "the Dodd-Frank law"; "Iowa" where the article says "in Iowa"
	case len(s.bearers(w)) > 0:
		return true
	case groupSuffix(w) && !people.CommonSurname(w):
		return false // "Hispanics", "Christians", "Texans": a group
	case s.opensSentence(o) && (s.pass.People.LowerWords.HasLower(w) || !people.MayBeNameWord(w)):
		// "Leading", "Either": a word opening a sentence that the article
		// also writes in lower case, or that nobody bears and the name data
		// do not know.
		return false
	case people.MayBeNameWord(w) && (o.Entity >= 0 || people.MostlyGivenName(w) || people.CommonSurname(w)):
		// A word the model placed with no one is someone's only when
		// the name data know it well: "Well," opening an answer,
		// "Alabama" in a list of states, "Tinder" are rare surnames or
		// rare first names, no more a person's than a word the data do
		// not know at all.
		return true
	}
	// A plural of a name or a word the article or the data know: a
	// family or a group ("the Khans", "Hispanics"), never one person.
	if stem, ok := strings.CutSuffix(w, "s"); ok && !strings.HasSuffix(stem, "s") &&
		(people.MayBeNameWord(stem) || s.pass.People.LowerWords.HasLower(stem) || s.capitals()[stem]) {
		return false
	}
	// A word neither the name data nor the article know as anyone's,
	// that the model placed with nobody ("Minnesota", "Amendment"): a
	// person the model saw would have shown it (speaking, a title, a
	// first name).
	return o.Entity >= 0 && !s.pass.People.LowerWords.HasLower(w)
}

// groupSuffix reports whether w ends as the plural of a noun of belonging
// does ("Americans", "Hispanics", "Baptists", "Mormonites").
func groupSuffix(w string) bool {
	for _, suf := range [...]string{"ans", "ics", "ists", "ites"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// opensSentence reports whether mention o is the first word of its
// sentence or of what follows a colon, after any quotation marks or
// brackets.
func (s *strayScan) opensSentence(o people.Mention) bool {
	a := s.pass.Article
	for t := int(o.FirstToken) - 1; t >= int(a.Sentences[o.Sent].FirstToken); t-- {
		if a.IsWord(t) {
			return false
		}
		if a.IsPunct(t, ":") || a.IsPunct(t, "“") || a.IsPunct(t, "\"") && o.Quote >= 0 && a.QuoteOf(t) == int(o.Quote) {
			return true // after a colon, or opening a quotation
		}
	}
	return true
}

// partyTag reports whether w is a party-and-state tag ("R-Wis", "D-Calif",
// "I-Vt"): one capital, a hyphen, a capitalised abbreviation.
func partyTag(w string) bool {
	return len(w) >= 4 && len(w) <= 8 && w[1] == '-' && w[0] >= 'A' && w[0] <= 'Z' && w[2] >= 'A' && w[2] <= 'Z'
}

// splitPartyTag reports whether o, one word, ends a party-and-state tag
// its tokens split ("R", "-", "Fla" of "(R-Fla.)").
func (s *strayScan) splitPartyTag(o people.Mention) bool {
	a := s.pass.Article
	k := int(o.FirstToken)
	if k < 2 || !a.IsPunct(k-1, "-") {
		return false
	}
	p := a.Tok(k - 2)
	return len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z'
}

// bracketedAbbreviation reports whether o, one word, is an abbreviation
// that fills a bracket ("Ted Cruz (Tex.)", "Marco Rubio (Fla.)"): the
// state a member of Congress stands for. Nobody's name is written so.
func (s *strayScan) bracketedAbbreviation(o people.Mention) bool {
	a := s.pass.Article
	k := int(o.FirstToken)
	return k > 0 && a.IsPunct(k-1, "(") && a.IsPunct(int(o.EndToken), ".") && a.IsPunct(int(o.EndToken)+1, ")")
}

// cityState reports whether o, one word, follows a place the data know
// and a comma ("Evansville, Indiana", "Burlington, Vermont"): the region
// the place is in.
func (s *strayScan) cityState(o people.Mention) bool {
	a := s.pass.Article
	k := int(o.FirstToken)
	if k >= 2 && a.IsPunct(k-1, ",") && s.placeEndsAt(int(o.Sent), k-1) {
		return true
	}
	// One of a list of places: "Michigan, Pennsylvania, Virginia".
	e := int(o.EndToken)
	return e+1 < len(a.Tokens) && a.IsPunct(e, ",") && a.IsCapWord(e+1) && people.IsKnownPlace(a.Tok(e+1)) &&
		!(e+2 < len(a.Tokens) && a.IsCapWord(e+2))
}

// placeEndsAt reports whether a place ends just before token end of
// sentence si: a word the data know as a place ("Evansville") or a
// mention the model reads as one ("St. Paul").
func (s *strayScan) placeEndsAt(si, end int) bool {
	a, pm := s.pass.Article, s.pass.People
	if a.IsCapWord(end-1) && knownPlace(a.Tok(end-1)) {
		return true
	}
	for _, k := range pm.MentionsInSentence(si) {
		if o := pm.Mentions[k]; int(o.EndToken) == end && len(o.Words) > 0 {
			return o.Entity >= 0 && pm.Entities[o.Entity].Kind == people.KindPlace || knownPlace(joinWords(o.Words))
		}
	}
	// A dateline's place in capitals ("DES MOINES, Iowa").
	k := end - 1
	for k >= 0 && a.IsWord(k) && article.IsAllCaps(a.Tok(k)) && end-k <= 3 {
		k--
	}
	return k < end-1 && knownPlace(a.Text(article.Span{Start: a.Tokens[k+1].Start(), End: a.Tokens[end-1].End()}))
}

// knownPlace is people.IsKnownPlace for a name as written or, in
// capitals, as a name is written ("AMES" as "Ames").
func knownPlace(name string) bool {
	if people.IsKnownPlace(name) {
		return true
	}
	if !article.IsAllCaps(strings.ReplaceAll(name, " ", "")) {
		return false
	}
	words := strings.Fields(strings.ToLower(name))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return people.IsKnownPlace(strings.Join(words, " "))
}

// locatives are prepositions after which a bare name is a place.
var locatives = map[string]bool{"in": true, "across": true, "throughout": true, "near": true, "outside": true, "inside": true, "within": true}

// modifier reports whether o, one word, modifies the noun after it ("the
// Dodd-Frank law", "Verizon customers"): a lower-case word follows that
// is no verb.
func (s *strayScan) modifier(o people.Mention) bool {
	a := s.pass.Article
	k := int(o.EndToken)
	if k >= len(a.Tokens) || !a.IsWord(k) || a.IsCapWord(k) {
		return false
	}
	_, poss := article.StripPossessive(a.Tok(int(o.EndToken) - 1))
	i := s.index(o)
	return !poss && i >= 0 && !s.pass.People.SubjectOf(a, i)
}

// index returns the index of mention o in the model.
func (s *strayScan) index(o people.Mention) int {
	pm := s.pass.People
	ms := pm.MentionsInSentence(int(o.Sent))
	for _, k := range ms {
		if pm.Mentions[k].Start() == o.Start() && pm.Mentions[k].End() == o.End() {
			return int(k)
		}
	}
	return -1
}

// heldOnlyBy reports whether the people the article names as holders of
// role r (by its class, or its last word: "the senator", "the nominee")
// are firmly of gender g: the one named last before offset before, or,
// when none is, all of them.
func (s *strayScan) heldOnlyBy(r *people.Role, g string, before int) bool {
	if r == nil {
		return false
	}
	holders := s.roleHolders()
	// The holder named last before it is the one a definite role phrase
	// takes up ("Republican candidate Donald Trump … the candidate");
	// without one, every holder must be of gender g.
	pm := s.pass.People
	nearest, at := -1, -1
	all, found := true, false
	for _, key := range roleKeys(r) {
		for _, e := range holders[key] {
			found = true
			if !s.firm(e, g) {
				all = false
			}
			ms := pm.Entities[e].Mentions
			k := sort.Search(len(ms), func(k int) bool { return pm.Mentions[ms[k]].Start() >= before })
			if k > 0 && pm.Mentions[ms[k-1]].Start() > at {
				nearest, at = e, pm.Mentions[ms[k-1]].Start()
			}
		}
	}
	if nearest >= 0 {
		return s.firm(nearest, g)
	}
	return found && all
}

// roleHolders indexes the people of the article by the keys of their
// roles (roleKeys), built when first needed.
func (s *strayScan) roleHolders() map[string][]int {
	if s.holders == nil {
		pm := s.pass.People
		s.holders = map[string][]int{}
		for e := range pm.Entities {
			if !pm.Entities[e].Kind.MayBePerson() {
				continue
			}
			for k := range pm.Entities[e].Roles {
				for _, key := range roleKeys(&pm.Entities[e].Roles[k]) {
					if hs := s.holders[key]; len(hs) == 0 || hs[len(hs)-1] != e {
						s.holders[key] = append(hs, e)
					}
				}
			}
		}
	}
	return s.holders
}

// roleKeys are the keys a role is known by: its class and the last word
// of its text, lower case ("senator" for "the Vermont senator").
func roleKeys(r *people.Role) []string {
	var keys []string
	if r.Class != "" {
		keys = append(keys, "c:"+r.Class)
	}
	if f := strings.Fields(r.Text); len(f) > 0 {
		w, _ := article.StripPossessive(f[len(f)-1])
		keys = append(keys, "w:"+strings.ToLower(w))
	}
	return keys
}

// joinWords joins a name's words with spaces, without allocating for one.
func joinWords(ws []string) string {
	if len(ws) == 1 {
		return ws[0]
	}
	return strings.Join(ws, " ")
}

// capitals returns the capitalised words of the article, indexed when
// first needed: a plural whose singular the article also writes ("Latinos"
// beside "Latino") is a group.
func (s *strayScan) capitals() map[string]bool {
	if s.caps == nil {
		a := s.pass.Article
		s.caps = map[string]bool{}
		for t := range a.Tokens {
			if a.IsWord(t) && a.IsCapWord(t) {
				s.caps[a.Tok(t)] = true
			}
		}
	}
	return s.caps
}

// placeWords returns the capitalised words the article writes, somewhere,
// alone after a preposition of place ("in Iowa", "across Georgia"): the
// article's own evidence that the word is a place, wherever else it
// stands ("Iowa voters", "Georgia's primary"). Built in one pass when
// first needed.
func (s *strayScan) placeWords() map[string]bool {
	if s.places == nil {
		a := s.pass.Article
		s.places = map[string]bool{}
		for t := 1; t+1 < len(a.Tokens); t++ {
			if a.IsWord(t) && a.IsCapWord(t) && locatives[a.Lower(t-1)] && !a.IsCapWord(t+1) {
				w, _ := article.StripPossessive(a.Tok(t))
				s.places[w] = true
			}
		}
	}
	return s.places
}

// inHeadline reports whether token t is in a headline in title case (the
// article's first paragraph, most of its words capitalised), where a
// capital says nothing of a name.
func (s *strayScan) inHeadline(t int) bool {
	a := s.pass.Article
	if len(a.Paragraphs) == 0 || t >= len(a.Tokens) || a.Tokens[t].Start() >= a.Paragraphs[0].End() {
		return false
	}
	if s.headline == 0 {
		s.headline = 2
		if titleCase(a, 0) {
			s.headline = 1
		}
	}
	return s.headline == 1
}

// affiliation reports whether o, a name of one word, says where a person
// named just before it is from ("Senator Ted Cruz of Texas", "Kasich of
// Ohio"): a capitalised word, "of", then o.
func (s *strayScan) affiliation(o people.Mention) bool {
	a := s.pass.Article
	return len(o.Words) == 1 && o.FirstToken >= 2 && a.Lower(int(o.FirstToken)-1) == "of" && a.IsCapWord(int(o.FirstToken)-2)
}

// wordFits reports whether word t, in no mention, may be someone of
// pronoun m's gender: a noun of that gender ("his wife … she"), a person
// without a name ("her boss told her he", "a booker who said"), a first
// name of that gender, a surname shared by people the model could not
// tell apart, a handle ("@marcorubio").
func (s *strayScan) wordFits(m people.Mention, t int) bool {
	a := s.pass.Article
	noun, _ := article.StripPossessive(a.Lower(t))
	if g := people.GenderOfNoun(noun); g != "" {
		// "his wife … she", "her son's school"; never a plural ("the men
		// … he").
		return g == m.Gender() && !strings.HasSuffix(noun, "men")
	}
	switch {
	case people.UnnamedPersonAt(a, t):
		// "the judge", "her adviser": a role phrase the model did not make.
		return s.unnamedMayBe(m, &people.Role{Text: headWord(a, t)}, t, a.Tokens[t].Start())
	case !a.IsCapWord(t) && a.Lower(t+1) == "who":
		return nounBeforeWho(a, t) // "a resident who", not "candidates who", "those who", "to see who"
	case a.IsPunct(t-1, "@"):
		return true
	case a.IsCapWord(t):
		w, _ := article.StripPossessive(a.Tok(t))
		if people.IsNonNameWord(w) || t > 0 && (people.IsPlacePrefix(a.Tok(t-1)) || locatives[a.Lower(t-1)]) || s.placeWords()[w] ||
			t >= 2 && a.IsPunct(t-1, ",") && s.placeEndsAt(a.SentenceOf(t), t-1) {
			return false // "by June", "South Carolina", "in Iowa", "AMES, Iowa"
		}
		if s.inHeadline(t) {
			// "Trump Calls On Obama To Resign": whom the story names is
			// in view where it names them; a headline's word is someone
			// only as a first name of the pronoun's gender ("Maria Quits").
			return people.GivenNameGender(w) == m.Gender()
		}
		if p := s.pass.People.CalledBy(w); p >= 0 {
			// "Clinton" where the article calls Hillary Clinton so.
			return !s.firm(p, opposite(m.Gender()))
		}
		if b := s.bearers(w); len(b) > 0 {
			// "Rodriguez" where the article names Gina Rodriguez: her
			// surname, not a man's first name.
			return s.anyMayBe(b, m.Gender())
		}
		// A word the model made no one's name that modifies the noun
		// after it, and that the place data know as a place ("Charlotte
		// officials", "the Florida vote"), is that place, not a first
		// name of someone in view, whatever first names it also is.
		return people.GivenNameGender(w) == m.Gender() && !(people.IsKnownPlace(w) && a.IsWord(t+1) && !a.IsCapWord(t+1))
	}
	return false
}

// nounBeforeWho reports whether the lower-case word at t, before "who",
// may be one person: a singular indefinite ("one who", "anyone who",
// whose "his" is generic or someone's), or a noun a determiner opens
// within three words, over no punctuation ("a resident who", "the only
// voter who"); no plural, participle or conjunction ("those who",
// "candidates who", "the candidate running who", "and who"), and no
// verb ("to see who").
func nounBeforeWho(a *article.Article, t int) bool {
	w := a.Lower(t)
	if singularIndefinites[w] {
		return true
	}
	if pluralNoun(w) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || plurals[w] {
		return false
	}
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		if !a.IsWord(j) {
			return false
		}
		switch a.Lower(j) {
		case "a", "an", "the", "one", "another", "this", "that", "his", "her", "their", "our", "my", "your", "its":
			return true
		}
	}
	return false
}

// singularIndefinites stand for one person, whoever it is.
var singularIndefinites = map[string]bool{"one": true, "someone": true, "somebody": true, "anyone": true,
	"anybody": true, "everyone": true, "everybody": true, "whoever": true}

// plurals are plural words of closed classes that "who" may follow.
var plurals = map[string]bool{"those": true, "these": true, "all": true, "many": true, "few": true, "others": true,
	"both": true, "several": true}

// unnamedMayBe reports whether someone named only by a role or a noun
// for a person, r, whose last word is at token head and which starts at
// offset at, may be whom pronoun m means: the one test for a role phrase
// (mentionFits) and a noun the model made none of (wordFits). Not when
// its words give it the other gender, nor a plural ("commentators", "the
// party's donors"), which no "he" or "she" means, nor a predicate, which
// says what someone is ("Sanders is a socialist", "as the party's
// nominee"), nor one in apposition to someone named ("Kasich, the
// governor of Ohio,"), nor a role every holder of which the article
// names is firmly of the other gender ("the Vermont senator"), nor an
// epithet of people named before who all are (epithetOf).
func (s *strayScan) unnamedMayBe(m people.Mention, r *people.Role, head, at int) bool {
	a, other := s.pass.Article, opposite(m.Gender())
	return roleGender(r) != other && !pluralNoun(headWord(a, head)) && !predicative(a, head) &&
		!s.appositiveOfOther(m, head) && !s.heldOnlyBy(r, other, at) && !s.epithetOf(m, r, head, other)
}

// genderedNoun reports whether the word at t is a noun of one gender
// ("wife", "Frenchman").
func genderedNoun(a *article.Article, t int) bool {
	noun, _ := article.StripPossessive(a.Lower(t))
	return people.GenderOfNoun(noun) != ""
}

// pluralNoun reports whether a lower-case person noun is a plural
// ("commentators", "people"), which no "he" or "she" means.
func pluralNoun(w string) bool {
	return w == "people" || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// predicative reports whether the person noun at token t is a predicate
// ("Sanders is a socialist", "as a candidate"): a determiner, and a
// copula or "as" before it, within a few words.
func predicative(a *article.Article, t int) bool {
	for j := t - 1; j >= 1 && j >= t-4; j-- {
		if !a.IsWord(j) || a.IsCapWord(j) && !a.SentenceStart(j) {
			return false
		}
		switch a.Lower(j) {
		case "a", "an", "the", "his", "her", "their", "its", "our", "my", "your":
			return copulas[a.Lower(j-1)] // "as the party's nominee", "becoming his party's nominee"
		}
	}
	return false
}

// copulas are the words after which a noun says what someone is.
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true, "became": true, "becomes": true, "become": true, "remains": true, "remained": true, "becoming": true, "remaining": true, "as": true, "'s": true, "’s": true}

// appositiveOfOther reports whether the person noun at token t stands in
// an appositive of someone firmly of the other gender than pronoun m's
// ("Rubio, a candidate aiming at moderate voters"): within a few words
// after a comma that follows their name, or a bracket after it ("Cruz
// (Tex.), a candidate").
func (s *strayScan) appositiveOfOther(m people.Mention, t int) bool {
	a, pm := s.pass.Article, s.pass.People
	other := opposite(m.Gender())
	if c := nounPhraseEnd(a, t); a.IsPunct(c, ",") {
		// "its governor, John Kasich,", "the first mayor of the city,
		// Marcus Brooks.": the name after it; after a complement, only a
		// name the appositive closes on ("the mayor of the city, Marcus
		// Brooks, said"), not one that opens a clause.
		for _, k := range pm.MentionsInSentence(a.SentenceOf(t)) {
			o := pm.Mentions[k]
			if int(o.FirstToken) != c+1 || o.Entity < 0 || o.Form == people.Pronoun {
				continue
			}
			if c > t+1 && !closesAppositive(a, o) {
				break
			}
			return s.firm(int(o.Entity), other)
		}
	}
	for j := t - 1; j >= 0 && j >= t-5; j-- {
		if !a.IsPunct(j, ",") {
			// Lower-case words, and capitalised modifiers ("Rubio, a
			// Florida senator", "Devine, a Sanders adviser").
			if a.IsWord(j) {
				continue
			}
			return false
		}
		if w := a.Lower(j + 1); w == "and" || w == "or" {
			return false // "Porter, 52, and a nurse": two people
		}
		// "Sen. Ted Cruz (Tex.), a Republican presidential candidate,":
		// a bracket after the name, then the comma.
		end := j
		if a.IsPunct(j-1, ")") {
			for k := j - 2; k >= 0 && k >= j-8; k-- {
				if a.IsPunct(k, "(") {
					end = k
					break
				}
			}
		}
		ms := pm.MentionsInSentence(a.SentenceOf(j))
		for _, k := range ms {
			o := pm.Mentions[k]
			if o.Entity < 0 || o.Form == people.Pronoun {
				continue
			}
			// "Glenn Porter, 52, a nurse": the model reads the age
			// between as the name's.
			if int(o.EndToken) == end || o.Age > 0 && int(o.EndToken) == end-2 && a.IsPunct(end-2, ",") {
				return s.firm(int(o.Entity), other)
			}
		}
		return false
	}
	return false
}

// closesAppositive reports whether name mention o ends an appositive: a
// comma, a full stop or its sentence's end follows it ("Her rival,
// Hillary Clinton, said", "the mayor of the city, Marcus Brooks.").
func closesAppositive(a *article.Article, o people.Mention) bool {
	end := int(o.EndToken)
	return end >= int(a.Sentences[o.Sent].EndToken) || a.IsPunct(end, ",") || a.IsPunct(end, ".")
}

// nounPhraseEnd returns the token after the person noun at t and the
// complement that may follow it: "of", "for", "at" or "in" and up to
// five words, no conjunction, relative word or subordinator among them
// ("the first mayor of the city", "the chief of staff at Acme"); t+1
// when no complement follows.
func nounPhraseEnd(a *article.Article, t int) int {
	switch a.Lower(t + 1) {
	case "of", "for", "at", "in":
	default:
		return t + 1
	}
	for k := t + 2; k < len(a.Tokens) && k <= t+7; k++ {
		if !a.IsWord(k) {
			return k
		}
		if w := a.Lower(k); w == "and" || w == "or" || w == "but" || people.IsSubordinator(w) || people.IsRelativeWord(w) {
			return t + 1
		}
	}
	return t + 1
}

// reportStray reports stray pronoun m, which seems to mean target.
func reportStray(pass *linter.Pass, byEnt map[int]*votes, target, notMeant int, m people.Mention) {
	other := opposite(m.Gender())
	word := pass.Article.Text(m.Span())
	msg := fmt.Sprintf("“%s”: no %s is named or referred to near it; it seems to mean %s, whom the article refers to as %s",
		word, personNoun(m.Gender()), pass.People.Entities[target].Name, other)
	if notMeant >= 0 {
		// "… that she would still back Lindqvist's rivals": the one
		// woman in view is named by the pronoun's own clause.
		msg = fmt.Sprintf("“%s” cannot mean %s, whom its own clause names after it; it seems to mean %s, whom the article refers to as %s",
			word, pass.People.Entities[notMeant].Name, pass.People.Entities[target].Name, other)
	}
	if v := byEnt[target]; v != nil && len(v.lines[gi(other)]) > 0 {
		lines := uniqueInts(slices.Clone(v.lines[gi(other)]))
		msg += fmt.Sprintf(" (line%s %s)", plural(len(lines)), joinInts(lines))
	}
	reportWithSwap(pass, m, msg)
}

// personNoun is "woman" or "man".
func personNoun(g string) string {
	if g == "female" {
		return "woman"
	}
	return "man"
}

// allQuoted reports whether every word of sentence si is inside a
// quotation; each sentence is read once.
func (s *strayScan) allQuoted(si int) bool {
	if s.quoted == nil {
		s.quoted = make([]uint8, len(s.pass.Article.Sentences))
	}
	if s.quoted[si] == 0 {
		s.quoted[si] = 2
		if allQuoted(s.pass.Article, si) {
			s.quoted[si] = 1
		}
	}
	return s.quoted[si] == 1
}

// allQuoted reports whether every word of sentence si is inside a
// quotation.
func allQuoted(a *article.Article, si int) bool {
	s := a.Sentences[si]
	for t := int(s.FirstToken); t < int(s.EndToken); t++ {
		if a.IsWord(t) && !a.InQuote(t) {
			return false
		}
	}
	return true
}
