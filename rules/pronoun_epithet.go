package rules

import (
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
)

// An epithet is a definite role phrase that takes up someone the article
// has named ("Ted Cruz won Iowa … The Texas senator thanked voters"). The
// model links one to a person only when the article gives that person
// the role; otherwise the stray check must ask whether it may be someone
// of the pronoun's gender nobody named. It is not when everyone the
// article has named by then is firmly of the other gender, the article
// never brought in an unnamed holder ("a senator", "an aide"), and the
// pronoun's own sentence names, before it, someone of that other gender
// whom the pronoun takes up more readily than a phrase in an earlier
// sentence ("Cruz … as he sought to bolster her case"). A role phrase in
// the pronoun's own sentence, or with no name between, still may be
// anyone: "Governor Alan Whitby … The former mayor insisted she had done
// nothing wrong" tells the mayor's gender, not a slip. So may a role its
// complement makes one of a kind ("the chairman of the board"), which
// brings its holder in rather than taking anyone up.

// epithetOf reports whether the role phrase whose last word is at token
// head, of role r, can only be someone of gender g the article has
// named, in view of pronoun m (as above).
func (s *strayScan) epithetOf(m people.Mention, r *people.Role, head int, g string) bool {
	a := s.pass.Article
	if r == nil || head < 0 || head+1 >= len(a.Tokens) || a.SentenceOf(head) >= int(m.Sent) || !s.definiteBefore(head) || roleGender(r) != "" {
		return false
	}
	if w := a.Lower(head + 1); w == "of" || w == "at" || w == "for" || w == "in" || a.Lower(head) == "of" || a.Lower(head) == "for" {
		// "the chairman of the Federal Reserve board", "the head of the
		// agency": a role its complement makes one of a kind brings its
		// holder in, named or not. (A title read with its "of", "the
		// director of", ends in it.)
		return false
	}
	holders := s.roleHolders()
	for _, key := range roleKeys(r) {
		if len(holders[key]) > 0 {
			return false // heldOnlyBy judges a role the article gives someone
		}
	}
	at := a.Tokens[head].Start()
	if first, ok := s.indefinites()[headWord(a, head)]; ok && first < at {
		return false // "a Reuters photographer … the photographer"
	}
	if !s.namedOnlyBefore(g, at) && !s.namedOnlyInParagraph(g, head) {
		return false
	}
	pm := s.pass.People
	for _, k := range s.mentionsFrom(int(m.Sent), int(m.FirstToken)-strayTokensBefore) {
		o := pm.Mentions[k]
		if o.FirstToken >= m.FirstToken {
			break
		}
		if o.Form != people.Pronoun && o.Form != people.RolePhrase && o.Entity >= 0 && o.Quote < 0 && (s.firm(int(o.Entity), g)) {
			return true
		}
	}
	return false
}

// headWord is the lower-case word at token t without a possessive 's.
func headWord(a *article.Article, t int) string {
	w, _ := article.StripPossessive(a.Lower(t))
	return w
}

// definiteBefore reports whether the noun at token head is taken up by
// "the" before it, over at most three modifiers ("the Texas senator",
// "The former president"); never "a", "another", a possessive ("her
// predecessor", "Trump's adviser": someone else) or punctuation.
func (s *strayScan) definiteBefore(head int) bool {
	a := s.pass.Article
	for k := head - 1; k >= 0 && head-k <= 4; k-- {
		if !a.IsWord(k) {
			return false
		}
		w := a.Lower(k)
		if w == "the" {
			return true
		}
		if _, poss := article.StripPossessive(w); poss || indefiniteWords[w] || w == "his" || w == "her" || w == "its" || w == "their" {
			return false
		}
	}
	return false
}

// indefiniteWords bring someone new in ("a senator", "another aide").
var indefiniteWords = map[string]bool{"a": true, "an": true, "another": true, "one": true, "some": true, "any": true,
	"every": true, "each": true, "no": true}

// indefinites maps each lower-case word to where the article first puts
// it after an indefinite word, over at most two modifiers ("a federal
// judge", "an aide"), built when first needed.
func (s *strayScan) indefinites() map[string]int {
	if s.indefinite != nil {
		return s.indefinite
	}
	a := s.pass.Article
	s.indefinite = map[string]int{}
	for t := range a.Tokens {
		if !a.IsWord(t) || !indefiniteWords[a.Lower(t)] {
			continue
		}
		for k := t + 1; k < len(a.Tokens) && k <= t+3 && a.IsWord(k); k++ {
			w := headWord(a, k)
			if _, ok := s.indefinite[w]; !ok {
				s.indefinite[w] = a.Tokens[k].Start()
			}
		}
	}
	return s.indefinite
}

// namedOnlyInParagraph reports whether the paragraph of the role phrase
// ending at token head names someone before it, within strayTokensBefore
// tokens, and everyone it names there, by name outside a role phrase, is
// firmly of gender g: an epithet takes up the person the paragraph is
// about ("Trump says he's a counterpuncher … Asked if he was ever bullied,
// the Republican presidential candidate said no").
func (s *strayScan) namedOnlyInParagraph(g string, head int) bool {
	a, pm := s.pass.Article, s.pass.People
	si := a.SentenceOf(head)
	para := int(a.Sentences[si].Para)
	named := false
	for sj := si; sj >= 0 && int(a.Sentences[sj].Para) == para; sj-- {
		for _, k := range s.mentionsFrom(sj, head-strayTokensBefore) {
			o := pm.Mentions[k]
			if int(o.FirstToken) >= head {
				break
			}
			if o.Form == people.Pronoun || o.Form == people.RolePhrase || o.Entity >= 0 && !pm.Entities[o.Entity].Kind.MayBePerson() || s.noOnes(o) {
				continue
			}
			if o.Entity < 0 || !s.firm(int(o.Entity), g) {
				return false
			}
			named = true
		}
		if int(a.Sentences[sj].FirstToken) <= head-strayTokensBefore {
			break
		}
	}
	return named
}

// namedOnlyBefore reports whether someone is named before offset at and
// everyone named before it, by name outside a role phrase, is firmly of
// gender g.
func (s *strayScan) namedOnlyBefore(g string, at int) bool {
	if !s.namedKnown {
		// Worked out once, whoever is judged: no pronoun's own vote left
		// out (the answer must not depend on which pronoun asked first).
		judged := s.judged
		s.judged = -1
		defer func() { s.judged = judged }()
		s.namedKnown = true
		s.firstNamed = int(^uint(0) >> 1)
		s.firstNot = [2]int{s.firstNamed, s.firstNamed}
		pm := s.pass.People
		for _, o := range pm.Mentions {
			if o.Form == people.Pronoun || o.Form == people.RolePhrase || o.Entity >= 0 && !pm.Entities[o.Entity].Kind.MayBePerson() || s.noOnes(o) {
				continue
			}
			if o.Entity >= 0 && s.firstNamed > o.Start() {
				s.firstNamed = o.Start()
			}
			for _, gg := range [...]string{"female", "male"} {
				if o.Entity < 0 || !s.firm(int(o.Entity), gg) {
					s.firstNot[gi(gg)] = min(s.firstNot[gi(gg)], o.Start())
				}
			}
		}
	}
	return s.firstNamed < at && at <= s.firstNot[gi(g)]
}
