package people

import (
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
)

// firstPersonWords are the pronouns a speaker uses of themselves.
var firstPersonWords = setOf("i me my mine myself we us our ours ourselves")

// FirstPerson reports whether quotation qi speaks as "I" or "we" (outside
// the quotations nested in it): words its speaker says of themselves.
func (pm *Model) FirstPerson(art *article.Article, qi int) bool {
	q := art.Quotes[qi]
	for k := art.TokenIndexAt(q.Open().End); k < len(art.Tokens) && art.Tokens[k].Start() < q.Close().Start; k++ {
		if art.QuoteOf(k) == qi && art.Tokens[k].Kind == article.Word && firstPersonWords[art.Lower(k)] {
			return true
		}
	}
	return false
}

// SpeaksOf reports whether quotation qi speaks of entity e in the third
// person, so that its words are not e's there ("Lind declined an
// interview. “She's not available,” Haddad wrote"): the quotation names
// e, or uses a pronoun of e's gender when e is the only person of that
// gender the paragraph names before it (apart from speaker, the
// quotation's attributed speaker).
func (pm *Model) SpeaksOf(art *article.Article, qi, e, speaker int) bool {
	q := art.Quotes[qi]
	ms := pm.MentionsByPara.Of(int(q.Para))
	// The paragraph's mentions are in text order: those of the quotation
	// are found by a binary search, so that a paragraph of many
	// quotations is not read once for each.
	first := sort.Search(len(ms), func(i int) bool { return pm.Mentions[ms[i]].Start() >= q.Open().End })
	namedOther := false // someone else of the pronoun's gender named in the quotation
	var named []int
	for _, i := range ms[first:] {
		m := &pm.Mentions[i]
		if m.Start() >= q.Close().Start {
			break
		}
		if int(m.Quote) != qi || m.End() > q.Close().Start {
			continue
		}
		if int(m.Entity) == e && m.Form != Pronoun {
			return true
		}
		if m.Form != Pronoun && m.Entity >= 0 && m.Kind.MayBePerson() {
			named = append(named, int(m.Entity))
		}
	}
	pronoun := thirdPersonIn(art, qi)
	if pronoun == "" || !pm.mayBe(e, pronoun) {
		return false
	}
	for _, n := range named {
		if n != e && pm.mayBe(n, pronoun) && pm.PersonLike(n) {
			namedOther = true // "Ben would've gotten better advice, and if he had …"
		}
	}
	if namedOther {
		return false
	}
	// Whom the pronoun can mean: the people of its gender named in the
	// paragraph before the quotation (the nearest 200 mentions).
	before := sort.Search(len(ms), func(i int) bool { return pm.Mentions[ms[i]].Start() >= q.Open().Start })
	for _, i := range ms[max(0, before-200):before] {
		m := &pm.Mentions[i]
		if m.Quote >= 0 || m.Form == Pronoun || m.Entity < 0 || int(m.Entity) == e || int(m.Entity) == speaker || !m.Kind.MayBePerson() {
			continue
		}
		if pm.mayBe(int(m.Entity), pronoun) && pm.PersonLike(int(m.Entity)) {
			return false // two people it may mean
		}
	}
	return true
}

// Names reports whether quotation qi names entity e (not by a pronoun),
// outside the quotations nested in it.
func (pm *Model) Names(art *article.Article, qi, e int) bool {
	return pm.anyMentionIn(art, qi, func(m *Mention) bool { return int(m.Entity) == e && m.Form != Pronoun })
}

// Personal reports whether quotation qi speaks of people at all: in the
// first person, or of someone in the third (a pronoun or a name). “It was
// offensive” says nothing of whose words they are.
func (pm *Model) Personal(art *article.Article, qi int) bool {
	if pm.FirstPerson(art, qi) || thirdPersonIn(art, qi) != "" {
		return true
	}
	return pm.anyMentionIn(art, qi, func(m *Mention) bool { return m.Form != Pronoun && m.Kind.MayBePerson() })
}

// anyMentionIn reports whether a mention of quotation qi (not of the
// quotations nested in it) satisfies ok. The paragraph's mentions are in
// text order: those of the quotation are found by a binary search.
func (pm *Model) anyMentionIn(art *article.Article, qi int, ok func(*Mention) bool) bool {
	q := art.Quotes[qi]
	ms := pm.MentionsByPara.Of(int(q.Para))
	first := sort.Search(len(ms), func(i int) bool { return pm.Mentions[ms[i]].Start() >= q.Open().End })
	for _, i := range ms[first:] {
		m := &pm.Mentions[i]
		if m.Start() >= q.Close().Start {
			break
		}
		if int(m.Quote) == qi && ok(m) {
			return true
		}
	}
	return false
}

// thirdPersonIn returns the gender of the first third-person pronoun of
// quotation qi, contractions included ("He’s not available", "she'll"),
// or "".
func thirdPersonIn(art *article.Article, qi int) string {
	q := art.Quotes[qi]
	for k := art.TokenIndexAt(q.Open().End); k < len(art.Tokens) && art.Tokens[k].Start() < q.Close().Start; k++ {
		if art.QuoteOf(k) != qi || art.Tokens[k].Kind != article.Word {
			continue
		}
		w := art.Lower(k)
		if i := strings.IndexAny(w, "'’"); i > 0 {
			w = w[:i]
		}
		if g := pronounGender[w]; g != "" {
			return g
		}
	}
	return ""
}

// mayBe reports whether entity e may be of gender g.
func (pm *Model) mayBe(e int, g string) bool {
	eg := pm.Entities[e].Gender
	return eg == "" || eg == g
}

// SubjectOf reports whether mention i is the subject of its clause rather
// than a possessive or a modifier of another noun ("Obama's rise",
// "Clinton allies", "Sanders supporters"): the word after it is a verb, an
// adverb, an auxiliary or a punctuation mark (an appositive).
func (pm *Model) SubjectOf(art *article.Article, i int) bool {
	m := &pm.Mentions[i]
	if m.Form == Pronoun {
		w := art.Lower(int(m.FirstToken))
		return !isPossessivePronoun(w) && !(w == "her" && art.IsWord(int(m.EndToken))) // "His campaign manager …"
	}
	last := art.Lower(int(m.EndToken) - 1)
	if _, poss := article.StripPossessive(last); poss || art.IsPunct(int(m.EndToken), "'") || art.IsPunct(int(m.EndToken), "’") {
		return false
	}
	k := int(m.EndToken)
	if k >= len(art.Tokens) || art.Tokens[k].Kind == article.Punct {
		return true
	}
	if art.Tokens[k].Kind != article.Word || art.IsCapWord(k) {
		return false
	}
	w := art.Lower(k)
	if _, cue := cueVerbs[w]; cue {
		return true // "the report notes": a noun's form, after a name a verb
	}
	return finiteWord(w) || skippable[w] || len(w) > 4 && strings.HasSuffix(w, "ly")
}

// Prominent reports whether mention i is where a reader looks for the
// antecedent of a pronoun in the next sentence: a subject ("Clinton
// said", "she had"), a possessor ("Clinton's campaign", "her plan") or a
// name heading its sentence; not an object of a verb or of a preposition
// ("soften his barbs at Clinton", "attacked Clinton").
func (pm *Model) Prominent(art *article.Article, i int) bool {
	m := &pm.Mentions[i]
	if m.Form == Pronoun {
		w := art.Lower(int(m.FirstToken))
		return w == "he" || w == "she" || isPossessivePronoun(w) || w == "her" && PossessiveHerAt(art, int(m.FirstToken))
	}
	a := &analysis{Article: art}
	if a.prepositionBefore(int(m.FirstToken)) {
		return false
	}
	if _, poss := article.StripPossessive(art.Lower(int(m.EndToken) - 1)); poss {
		return true
	}
	if art.SentenceStart(int(m.FirstToken)) {
		return true
	}
	if w := art.Lower(int(m.FirstToken) - 1); w == "which" || w == "whom" || w == "whose" {
		return true // "the council, which Okafor chairs": its clause's subject
	}
	// A verb after it makes it a subject, even after another verb
	// ("Brandt said Kowalski had fought"); punctuation does only when no
	// verb governs it ("praised Novak.").
	k := int(m.EndToken)
	if k < len(art.Tokens) && art.Tokens[k].Kind == article.Word {
		return pm.SubjectOf(art, i)
	}
	return !a.verbBefore(int(m.FirstToken)) && pm.SubjectOf(art, i)
}

// ProminentWord reports whether the person noun at token t (no name:
// "the chief", "a resident") stands where a reader looks for an
// antecedent, as Prominent does for a mention: a possessor, or a subject
// (its noun phrase opens the sentence or a clause, or a verb follows
// it); not an object of a verb or a preposition ("would name a budget
// chief", "a message from an aide").
func ProminentWord(art *article.Article, t int) bool {
	a := &analysis{Article: art}
	if _, poss := article.StripPossessive(art.Lower(t)); poss {
		return !a.prepositionBefore(t)
	}
	// Back over the noun phrase: lower-case words that are no verb, at
	// most four, and a determiner.
	s := t
	for s > 0 && t-s < 4 && art.IsWord(s-1) && !art.IsCapWord(s-1) && !a.verbLike(s-1) && !prepositions[art.Lower(s-1)] &&
		!finiteWord(art.Lower(s-1)) && !art.SentenceStart(s) {
		s--
	}
	if a.prepositionBefore(s) || a.verbBefore(s) || s > 0 && a.IsWord(s-1) && finiteWord(art.Lower(s-1)) {
		return false
	}
	return art.SentenceStart(s) || s > 0 && art.Tokens[s-1].Kind == article.Punct ||
		t+1 < len(art.Tokens) && art.IsWord(t+1) && finiteWord(art.Lower(t+1))
}

// StatementNounOf reports whether mention i is the possessor of a noun of
// speech ("Trump's statement that …", "Clinton's remarks", "Rubio's
// response"): the sentence reports what they said.
func (pm *Model) StatementNounOf(art *article.Article, i int) bool {
	m := &pm.Mentions[i]
	k := int(m.EndToken)
	if art.IsPunct(k, "'") || art.IsPunct(k, "’") {
		k++
	} else if _, poss := article.StripPossessive(art.Lower(int(m.EndToken) - 1)); !poss && !(m.Form == Pronoun && isPossessivePronoun(art.Lower(int(m.FirstToken)))) {
		return false
	}
	return statementNouns[art.Lower(k)]
}

// statementNouns are the nouns of what someone said or wrote.
var statementNouns = setOf("statement statements remark remarks comment comments words claim claims response reply answer tweet tweets speech message letter warning promise pledge vow argument assertion suggestion insistence retort quip")
