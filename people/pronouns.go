package people

import (
	"strings"

	"github.com/newslint/newslint/article"
)

// resolvePronouns links a pronoun outside quotations to the person most
// recently mentioned before it, outside quotations, within the paragraph or
// the one before, whose gender does not contradict it. It does not guess
// when the two most recent people are of the same (or unknown) gender.
func (a *analysis) resolvePronouns(pm *Model) {
	type recent struct{ ent, para int }
	var last []recent // most recent first, distinct entities
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Quote >= 0 {
			continue
		}
		if m.Form != Pronoun {
			if m.Entity >= 0 && pm.pronounable(m.Entity) {
				// move to front
				n := []recent{{m.Entity, m.Para}}
				for _, r := range last {
					if r.ent != m.Entity && len(n) < 4 {
						n = append(n, r)
					}
				}
				last = n
			}
			continue
		}
		// Candidates in the pronoun's own paragraph come first; the
		// paragraph before is used only when its own has none.
		var cands []int
		for _, want := range []int{m.Para, m.Para - 1} {
			for _, r := range last {
				if r.para != want {
					continue
				}
				g := pm.Entities[r.ent].Gender
				if g != "" && g != m.Gender {
					continue
				}
				cands = append(cands, r.ent)
			}
			if len(cands) > 0 {
				break
			}
		}
		if len(cands) == 0 {
			continue
		}
		// Two candidates: only when the nearer one's gender is known and
		// the other's differs.
		if len(cands) > 1 {
			g0, g1 := pm.Entities[cands[0]].Gender, pm.Entities[cands[1]].Gender
			if g0 == "" || g0 == g1 {
				continue
			}
		}
		m.Entity = cands[0]
	}
}

// genderNouns are nouns for people of one gender: a pronoun of that gender
// near one may refer to that person instead of a named one.
var genderNouns = map[string]string{
	"wife": "female", "woman": "female", "women": "female", "mother": "female", "daughter": "female", "sister": "female",
	"girl": "female", "girlfriend": "female", "widow": "female", "queen": "female", "actress": "female", "granddaughter": "female",
	"aunt": "female", "niece": "female", "grandmother": "female", "mum": "female", "mom": "female", "lady": "female", "princess": "female",
	"spokeswoman": "female", "chairwoman": "female", "businesswoman": "female", "congresswoman": "female", "fiancée": "female",
	"husband": "male", "man": "male", "men": "male", "father": "male", "son": "male", "brother": "male", "boy": "male",
	"boyfriend": "male", "widower": "male", "king": "male", "actor": "male", "grandson": "male", "uncle": "male", "nephew": "male",
	"grandfather": "male", "dad": "male", "gentleman": "male", "prince": "male", "spokesman": "male", "chairman": "male",
	"businessman": "male", "congressman": "male", "fiancé": "male",
}

// structuralReferents sets Mention.Referent for pronouns outside
// quotations.
func (a *analysis) structuralReferents(pm *Model) {
	pm.bySent = make([][]int, len(a.Sentences))
	for i, m := range pm.Mentions {
		pm.bySent[m.Sent] = append(pm.bySent[m.Sent], i)
	}
	for i := range pm.Mentions {
		pm.Mentions[i].Referent = -1
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Form != Pronoun || m.Quote >= 0 {
			continue
		}
		ref := a.speakerReferent(pm, m)
		if ref < 0 {
			ref = a.nearestReferent(pm, m)
		}
		if ref >= 0 && a.genderNounBefore(m) {
			// A noun for someone of the pronoun's gender between (his
			// wife … she) makes the reference uncertain.
			ref = -1
		}
		m.Referent = ref
	}
}

// speakerReferent finds the referent of a subject pronoun after a speech
// verb: "Winch said she", "Pickens told Reuters she", "X said that he",
// "quoted Yoshiro Araki as saying he". -1 when there is none.
func (a *analysis) speakerReferent(pm *Model, m *Mention) int {
	if w := a.Lower(m.FirstToken); w != "he" && w != "she" {
		return -1
	}
	k := m.FirstToken - 1
	if a.Lower(k) == "that" {
		k--
	}
	for j := k; j >= k-2 && j >= 0; j-- {
		if a.speechVerbAt(j) {
			if j < k && speechVerbs[a.Lower(j)] != "tell" {
				return -1 // only "told Reuters she" may put words between
			}
			v := j
			if a.Lower(j-1) == "as" {
				v = j - 1
			}
			sp := a.speakerBeforeVerb(pm.index, v, a.Sentences[m.Sent].FirstToken)
			if sp >= 0 && (pm.Mentions[sp].Form != Pronoun && !strings.HasSuffix(a.Lower(j), "ing") || v != j) {
				if e := pm.Mentions[sp].Entity; e >= 0 && pm.pronounable(e) {
					return e
				}
			}
			return -1
		}
		if a.Tokens[j].Kind == article.Punct {
			return -1
		}
	}
	return -1
}

// nearestReferent finds the only person before the pronoun in its
// sentence, or in the sentence before (in its paragraph), or, for a
// possessive in a phrase that opens the sentence, the subject right after
// that phrase ("On the advice of his lawyer, Calero declined"). -1 when
// that is not unambiguous.
func (a *analysis) nearestReferent(pm *Model, m *Mention) int {
	ref := a.onlyPersonBefore(pm, m.Sent, m.FirstToken)
	if ref >= 0 && a.objectPronoun(m.FirstToken) && a.subjectOfSentence(pm, m.Sent, ref) {
		// "Ruiz welcomed her": an object pronoun is never the subject of
		// its own clause.
		return -1
	}
	if ref == -2 {
		return -1
	}
	if ref < 0 {
		ref = a.openingPhraseSubject(pm, m)
	}
	if ref < 0 && m.Sent > 0 && a.Sentences[m.Sent-1].Para == m.Para {
		ref = max(a.onlyPersonBefore(pm, m.Sent-1, a.Sentences[m.Sent-1].EndToken), -1)
	}
	return ref
}

// openingPhraseSubject reads "On the advice of his lawyer, Calero …": a
// possessive pronoun in a phrase that opens the sentence, before any
// name, refers to the subject that follows the phrase's comma. The
// possessive must not be the sentence's first word.
func (a *analysis) openingPhraseSubject(pm *Model, m *Mention) int {
	if w := a.Lower(m.FirstToken); w != "his" && w != "her" {
		return -1
	}
	if m.FirstToken == a.Sentences[m.Sent].FirstWord {
		// "Her deputy, Paul Wendt, will run …": the possessive opens the
		// subject itself, and the name after the comma is in apposition
		// to it, not the possessor.
		return -1
	}
	s := a.Sentences[m.Sent]
	for k := m.FirstToken + 1; k < s.EndToken && k < m.FirstToken+12; k++ {
		if !a.IsPunct(k, ",") {
			if a.Tokens[k].Kind == article.Punct {
				return -1
			}
			continue
		}
		sp, ok := pm.index.startAt(k + 1)
		if !ok || pm.Mentions[sp].Form == Pronoun {
			return -1
		}
		if e := pm.Mentions[sp].Entity; e >= 0 && pm.pronounable(e) {
			return e
		}
		return -1
	}
	return -1
}

// genderNounBefore reports whether a noun for someone of the pronoun's
// gender stands between it and the start of the sentence before.
func (a *analysis) genderNounBefore(m *Mention) bool {
	from := a.Sentences[m.Sent].FirstToken
	if m.Sent > 0 && a.Sentences[m.Sent-1].Para == m.Para {
		from = a.Sentences[m.Sent-1].FirstToken
	}
	from = max(from, m.FirstToken-referentWindow)
	for j := from; j < m.FirstToken; j++ {
		if g, ok := genderNouns[a.Lower(j)]; ok && g == m.Gender {
			return true
		}
	}
	return false
}

// referentWindow bounds, in tokens, how far back a pronoun looks for its
// referent, so that an article with an endless sentence stays linear.
const referentWindow = 60

// onlyPersonBefore returns the one entity mentioned (by name or role,
// outside quotations) in sentence si in the referentWindow tokens before
// token end; -1 when none, -2 when several.
func (a *analysis) onlyPersonBefore(pm *Model, si, end int) int {
	found := -1
	s := a.Sentences[si]
	for k := max(s.FirstToken, end-referentWindow); k < end && k < s.EndToken; k++ {
		mi, ok := pm.index.startAt(k)
		if !ok {
			continue
		}
		m := pm.Mentions[mi]
		if m.Quote >= 0 {
			continue
		}
		if m.Form == Pronoun {
			// An earlier pronoun counts as a mention of its referent; one
			// without a referent ("He spent his time …, and Rosa Parks
			// worked for his office") leaves the reference open.
			if m.Referent < 0 || found >= 0 && m.Referent != found {
				return -2
			}
			found = m.Referent
			continue
		}
		if !m.Kind.MayBePerson() {
			continue // an organisation or a place: not he or she
		}
		if m.Entity < 0 {
			if len(m.Words) > 0 || m.Form == RolePhrase {
				// A name the model could not place, or a role it could
				// not link ("her opponent", "the lawyer"), is still a
				// person.
				return -2
			}
			continue
		}
		if found >= 0 && found != m.Entity {
			return -2
		}
		if !pm.pronounable(m.Entity) {
			return -2 // a name that may be a company's
		}
		found = m.Entity
	}
	return found
}

// GenderOfNoun returns "male" or "female" for a noun that names a person
// of one gender (spokeswoman, chairman, actress), else "".
func GenderOfNoun(w string) string { return genderNouns[w] }

// objectPronoun reports whether the pronoun at token i is an object ("him",
// or "her" not followed by a noun).
func (a *analysis) objectPronoun(i int) bool {
	switch a.Lower(i) {
	case "him":
		return true
	case "her":
		if i+1 >= len(a.Tokens) || a.Tokens[i+1].Kind != article.Word {
			return true
		}
		switch a.Lower(i + 1) {
		case "and", "or", "to", "for", "in", "on", "at", "with", "that", "the", "a", "an", "as", "of", "from", "by", "about", "into", "after", "before", "when", "while", "if", "but", "so", "up", "down", "out", "off", "back":
			return true
		}
	}
	return false
}

// subjectOfSentence reports whether entity e is named at the start of
// sentence si (its subject, roughly).
func (a *analysis) subjectOfSentence(pm *Model, si, e int) bool {
	for _, mi := range pm.MentionsInSentence(si) {
		m := pm.Mentions[mi]
		if m.Quote >= 0 {
			continue
		}
		return m.Entity == e && m.FirstToken <= a.Sentences[si].FirstWord+1
	}
	return false
}
