package linter

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// analysePeople builds the people model of an article.
func analysePeople(a *Article, cfg *Config) *People {
	lowerWords := map[string]bool{}
	p := &People{LowerWords: lowerWords}
	for i, t := range a.Tokens {
		if t.Kind == Word && !a.isCapWord(i) {
			lowerWords[a.Tok(i)] = true
		}
	}
	a.findMentions(p, lowerWords)
	a.coordinate(p)
	var gazetteer []Person
	if cfg != nil {
		gazetteer = cfg.People
	}
	a.groupEntities(p, gazetteer)
	a.linkRoles(p)
	a.resolvePronouns(p)
	p.index = newMentionIndex(a, p)
	a.attributeQuotes(p)
	a.structuralReferents(p)
	a.paragraphSubjects(p)
	a.indexPeople(p)
	return p
}

func (a *Article) indexPeople(p *People) {
	p.MentionsByPara = make([][]int, len(a.Paragraphs))
	p.StatementsByPara = make([][]int, len(a.Paragraphs))
	for i, m := range p.Mentions {
		p.MentionsByPara[m.Para] = append(p.MentionsByPara[m.Para], i)
	}
	p.Speaking = map[int]bool{}
	for i, st := range p.Statements {
		p.StatementsByPara[st.Para] = append(p.StatementsByPara[st.Para], i)
		if e := p.Mentions[st.Mention].Entity; e >= 0 {
			p.Speaking[e] = true
		}
	}
	for _, at := range p.Attributions {
		if at.Entity >= 0 {
			p.Speaking[at.Entity] = true
		}
	}
	p.CapWords = map[string]int{}
	p.capByInitial = map[rune][]string{}
	for i, t := range a.Tokens {
		if t.Kind == Word && a.isCapWord(i) {
			w, _ := stripPossessive(a.Tok(i))
			if p.CapWords[w] == 0 {
				r, _ := utf8.DecodeRuneInString(w)
				p.capByInitial[r] = append(p.capByInitial[r], w)
			}
			p.CapWords[w]++
		}
	}
}

// NearVariantInArticle returns a capitalised word of the article that is a
// near spelling of name (see NearVariant), or "". Only words with the same
// first letter are compared.
func (p *People) NearVariantInArticle(name string) string {
	r, _ := utf8.DecodeRuneInString(name)
	for _, w := range p.capByInitial[r] {
		if NearVariant(name, w) {
			return w
		}
	}
	return ""
}

func sameFirst(x, y string) bool {
	if x == y {
		return true
	}
	// An initial matches the name it abbreviates: "J." and "John".
	xs, ys := strings.TrimSuffix(x, "."), strings.TrimSuffix(y, ".")
	if len(xs) == 1 && strings.HasPrefix(ys, xs) || len(ys) == 1 && strings.HasPrefix(xs, ys) {
		return true
	}
	return false
}

// groupEntities puts name mentions of one person into one entity: full
// names by surname and first name, then surnames and honorific mentions by
// the surname they share with exactly one person.
func (a *Article) groupEntities(p *People, gazetteer []Person) {
	bySurname := map[string][]int{} // surname -> entity IDs
	newEntity := func(words []string) int {
		id := len(p.Entities)
		p.Entities = append(p.Entities, Entity{ID: id, Name: strings.Join(words, " "), words: words})
		bySurname[words[len(words)-1]] = append(bySurname[words[len(words)-1]], id)
		return id
	}
	// Gazetteer people first, so that aliases join them.
	gazAlias := map[string]int{}
	for _, g := range gazetteer {
		words := strings.Fields(g.Name)
		if len(words) == 0 {
			continue
		}
		id := newEntity(words)
		p.Entities[id].Gender = g.Gender
		for _, al := range g.Aliases {
			gazAlias[al] = id
			if f := strings.Fields(al); len(f) > 0 {
				gazAlias[f[len(f)-1]] = id
			}
		}
		for _, t := range g.Titles {
			p.Entities[id].Roles = append(p.Entities[id].Roles, Role{Text: t, Class: titleClassOf(t)})
		}
	}
	for i := range p.Mentions {
		p.Mentions[i].Entity = -1
	}
	// Pass 1: names of two or more words.
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if len(m.Words) < 2 {
			continue
		}
		sur := m.Surname()
		found := -1
		for _, id := range bySurname[sur] {
			e := &p.Entities[id]
			if len(e.words) < 2 || sameFirst(e.words[0], m.Words[0]) {
				found = id
				break
			}
		}
		if found < 0 {
			if id, ok := gazAlias[strings.Join(m.Words, " ")]; ok {
				found = id
			}
		}
		if found < 0 {
			found = newEntity(m.Words)
		}
		if m.Role != nil {
			// Known now so that pass 2 can tell namesakes apart by title;
			// the final loop below adds every role once.
			p.Entities[found].passRoles = append(p.Entities[found].passRoles, m.Role.Class)
		}
		if len(m.Words) > len(p.Entities[found].words) {
			p.Entities[found].words = m.Words
			p.Entities[found].Name = strings.Join(m.Words, " ")
		}
		m.Entity = found
	}
	// Pass 2: one-word names join the single person whose surname (or, for
	// two-word names written surname first, first word) they are.
	firstWord := map[string][]int{}
	for id := range p.Entities {
		w := p.Entities[id].words
		if len(w) >= 2 {
			firstWord[w[0]] = append(firstWord[w[0]], id)
		}
	}
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if len(m.Words) != 1 {
			continue
		}
		w := m.Words[0]
		cands := bySurname[w]
		if len(cands) == 0 {
			if id, ok := gazAlias[w]; ok {
				cands = []int{id}
			}
		}
		if len(cands) == 0 {
			cands = firstWord[w]
		}
		if len(cands) > 1 && m.Role != nil && m.Role.Class != "" {
			// "Trade Secretary Baker" beside Howard Baker and Treasury
			// Secretary James Baker: the title tells them apart.
			var same []int
			for _, c := range cands {
				for _, r := range p.Entities[c].passRoles {
					if r == m.Role.Class {
						same = append(same, c)
						break
					}
				}
			}
			if len(same) == 1 {
				cands = same
			}
		}
		switch {
		case len(cands) == 1:
			m.Entity = cands[0]
		case len(cands) == 0 && (m.Kind != Surname || m.Introduced || m.Role != nil ||
			!m.SentenceInitial && (a.nextIsSpeechVerb(m.EndToken) || a.prevIsSpeechVerb(m.FirstToken) || a.possessiveBefore(m.FirstToken))):
			// A person known by one name only: "Egan said", "Mr. Smith".
			m.Entity = newEntity(m.Words)
		}
	}
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if m.Entity < 0 {
			continue
		}
		e := &p.Entities[m.Entity]
		e.Mentions = append(e.Mentions, i)
		if m.Role != nil {
			e.Roles = append(e.Roles, *m.Role)
		}
		if m.Introduced {
			e.Introduced = true
		}
		if m.Kind == Honorific || m.Kind == TitledName {
			e.Titled = true
		}
		if len(m.Words) >= 2 {
			e.FullNamed = true
		}
		if m.Gender != "" && e.Gender == "" {
			e.Gender = m.Gender
		}
	}
}

func titleClassOf(title string) string {
	words := strings.Fields(strings.ToLower(title))
	for i := range words {
		if c, ok := titleClasses[strings.Join(words[i:], " ")]; ok {
			return c
		}
	}
	for _, w := range words {
		if c, ok := titleClasses[w]; ok {
			return c
		}
	}
	return ""
}

// possessiveBefore reports whether the word before token i is a
// capitalised possessive ("Repligen's Egan").
func (a *Article) possessiveBefore(i int) bool {
	if i == 0 || !a.isCapWord(i-1) {
		return false
	}
	_, poss := stripPossessive(a.Tok(i - 1))
	return poss
}

func (a *Article) prevIsSpeechVerb(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if a.Tokens[k].Kind == Punct {
			continue
		}
		_, ok := speechVerbs[a.lowerTok(k)]
		return ok
	}
	return false
}

// classesMatch reports whether a role phrase's class can name a person who
// holds a role of class held.
func classesMatch(phrase, held string) bool {
	if phrase == held {
		return true
	}
	if phrase == "leader" {
		return leaderClasses[held]
	}
	if phrase == "president" && held == "leader" {
		return true
	}
	return false
}

// roleMatches reports whether the role phrase r can refer to someone who
// holds h.
func roleMatches(r, h Role) bool {
	if r.Age > 0 {
		return h.Age == r.Age
	}
	if r.Class == "" || !classesMatch(r.Class, h.Class) {
		return false
	}
	if r.Country != "" && h.Country != r.Country {
		return false
	}
	if r.Org != "" && h.Org != "" && !strings.EqualFold(r.Org, h.Org) {
		return false
	}
	if r.Qualifier != "" && h.Qualifier != "" {
		// "the foreign minister" is not "the finance minister"
		rq, hq := strings.Fields(r.Qualifier), strings.Fields(h.Qualifier)
		if rq[len(rq)-1] != hq[len(hq)-1] && !r.Former && !h.Former {
			return false
		}
	}
	return true
}

// linkRoles joins each role phrase to the one person holding a matching
// role in the article; when two people could match, it does not guess.
func (a *Article) linkRoles(p *People) {
	// Entities by the classes of their roles (and by age), so that a role
	// phrase is compared only with people who could hold it.
	byClass := map[string][]int{}
	for id := range p.Entities {
		seen := map[string]bool{}
		for _, h := range p.Entities[id].Roles {
			key := h.Class
			if h.Age > 0 {
				key = "age:" + strconv.Itoa(h.Age)
			}
			if key != "" && !seen[key] {
				seen[key] = true
				byClass[key] = append(byClass[key], id)
			}
		}
	}
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if m.Kind != RolePhrase || m.Role == nil {
			continue
		}
		var pool []int
		if m.Role.Age > 0 {
			pool = byClass["age:"+strconv.Itoa(m.Role.Age)]
		} else if m.Role.Class == "leader" {
			for c := range leaderClasses {
				pool = append(pool, byClass[c]...)
			}
			sort.Ints(pool)
		} else {
			pool = append(pool, byClass[m.Role.Class]...)
			if m.Role.Class == "president" {
				pool = append(pool, byClass["leader"]...)
				sort.Ints(pool)
			}
		}
		cand := -1
		for k, id := range pool {
			if k > 0 && pool[k-1] == id {
				continue
			}
			ok := false
			for _, h := range p.Entities[id].Roles {
				if roleMatches(*m.Role, h) {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
			if cand >= 0 {
				cand = -2 // ambiguous
				break
			}
			cand = id
		}
		if cand >= 0 {
			m.Entity = cand
			p.Entities[cand].Mentions = append(p.Entities[cand].Mentions, i)
		}
	}
	for id := range p.Entities {
		sort.Ints(p.Entities[id].Mentions)
	}
}

// pronounable reports whether a pronoun may refer to an entity: a person
// with a full name, a title, an honorific, a role or an introduction (a
// bare capitalised word may be a company).
func (p *People) pronounable(e int) bool {
	ent := &p.Entities[e]
	return ent.FullNamed || ent.Titled || ent.Introduced || ent.Gender != "" || len(ent.Roles) > 0
}

// resolvePronouns links a pronoun outside quotations to the person most
// recently mentioned before it, outside quotations, within the paragraph or
// the one before, whose gender does not contradict it. It does not guess
// when the two most recent people are of the same (or unknown) gender.
func (a *Article) resolvePronouns(p *People) {
	type recent struct{ ent, para int }
	var last []recent // most recent first, distinct entities
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if m.Quote >= 0 {
			continue
		}
		if m.Kind != Pronoun {
			if m.Entity >= 0 && p.pronounable(m.Entity) {
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
				g := p.Entities[r.ent].Gender
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
			g0, g1 := p.Entities[cands[0]].Gender, p.Entities[cands[1]].Gender
			if g0 == "" || g0 == g1 {
				continue
			}
		}
		m.Entity = cands[0]
	}
}

// PersonLike reports whether an entity is surely a person: it is
// introduced, has a title, an honorific or a role, or has a full name that
// is mentioned twice or speaks.
func (p *People) PersonLike(e int) bool {
	ent := p.Entities[e]
	if ent.Introduced || len(ent.Roles) > 0 || ent.Gender != "" {
		return true
	}
	if ent.Titled {
		return true
	}
	if len(ent.words) < 2 {
		return p.Speaking[e] && len(ent.Mentions) >= 2
	}
	return len(ent.Mentions) >= 2 || p.Speaking[e]
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
func (a *Article) structuralReferents(p *People) {
	mi := p.index
	p.bySent = make([][]int, len(a.Sentences))
	for i, m := range p.Mentions {
		p.bySent[m.Sent] = append(p.bySent[m.Sent], i)
	}
	for i := range p.Mentions {
		p.Mentions[i].Referent = -1
	}
	for i := range p.Mentions {
		m := &p.Mentions[i]
		if m.Kind != Pronoun || m.Quote >= 0 {
			continue
		}
		ref := -1
		// "Winch said she", "Pickens told Reuters she", "X said that he".
		k := m.FirstToken - 1
		if a.lowerTok(k) == "that" {
			k--
		}
		subj := a.lowerTok(m.FirstToken) == "he" || a.lowerTok(m.FirstToken) == "she"
		for j := k; subj && j >= k-2 && j >= 0; j-- {
			if a.speechVerbAt(j) {
				if j < k && speechVerbs[a.lowerTok(j)] != "tell" {
					break // only "told Reuters she" may put words between
				}
				v := j
				if a.lowerTok(j-1) == "as" {
					v = j - 1 // "quoted Yoshiro Araki as saying he"
				}
				if sp := a.speakerBeforeVerb(mi, v, a.Sentences[m.Sent].FirstToken); sp >= 0 && p.Mentions[sp].Kind != Pronoun && !strings.HasSuffix(a.lowerTok(j), "ing") || sp >= 0 && v != j {
					if e := p.Mentions[sp].Entity; e >= 0 && p.pronounable(e) {
						ref = e
					}
				}
				break
			}
			if a.Tokens[j].Kind == Punct {
				break
			}
		}
		if ref < 0 {
			ref = a.onlyPersonBefore(p, m.Sent, m.FirstToken)
			if ref >= 0 && a.objectPronoun(m.FirstToken) && a.subjectOfSentence(p, m.Sent, ref) {
				// "Ruiz welcomed her": an object pronoun is never the
				// subject of its own clause.
				ref = -2
			}
			if ref == -2 {
				ref = -1
			} else if ref < 0 && m.Sent > 0 && a.Sentences[m.Sent-1].Para == m.Para {
				ref = a.onlyPersonBefore(p, m.Sent-1, a.Sentences[m.Sent-1].EndToken)
				if ref == -2 {
					ref = -1
				}
			}
		}
		if ref < 0 {
			continue
		}
		// A noun for someone of the pronoun's gender between (his wife …
		// she) makes the reference uncertain.
		from := a.Sentences[m.Sent].FirstToken
		if m.Sent > 0 && a.Sentences[m.Sent-1].Para == m.Para {
			from = a.Sentences[m.Sent-1].FirstToken
		}
		from = max(from, m.FirstToken-referentWindow)
		for j := from; j < m.FirstToken; j++ {
			if g, ok := genderNouns[a.lowerTok(j)]; ok && g == m.Gender {
				ref = -1
				break
			}
		}
		m.Referent = ref
	}
}

// referentWindow bounds, in tokens, how far back a pronoun looks for its
// referent, so that an article with an endless sentence stays linear.
const referentWindow = 60

// onlyPersonBefore returns the one entity mentioned (by name or role,
// outside quotations) in sentence si in the referentWindow tokens before
// token end; -1 when none, -2 when several.
func (a *Article) onlyPersonBefore(p *People, si, end int) int {
	found := -1
	s := a.Sentences[si]
	for k := max(s.FirstToken, end-referentWindow); k < end && k < s.EndToken; k++ {
		mi, ok := p.index.startAt(k)
		if !ok {
			continue
		}
		m := p.Mentions[mi]
		if m.Quote >= 0 {
			continue
		}
		if m.Kind == Pronoun {
			// An earlier pronoun counts as a mention of its referent; one
			// without a referent ("He spent his time …, and Rosa Parks
			// worked for his office") leaves the reference open.
			if m.Referent < 0 || found >= 0 && m.Referent != found {
				return -2
			}
			found = m.Referent
			continue
		}
		if m.Entity < 0 {
			if len(m.Words) > 0 {
				return -2 // a name the model could not place is still a person
			}
			continue
		}
		if found >= 0 && found != m.Entity {
			return -2
		}
		if !p.pronounable(m.Entity) {
			return -2 // a company or a place the pronoun cannot be about
		}
		found = m.Entity
	}
	return found
}

// MentionsInSentence lists the mentions of sentence si in text order.
func (p *People) MentionsInSentence(si int) []int {
	if si < 0 || si >= len(p.bySent) {
		return nil
	}
	return p.bySent[si]
}

// GenderOfNoun returns "male" or "female" for a noun that names a person
// of one gender (spokeswoman, chairman, actress), else "".
func GenderOfNoun(w string) string { return genderNouns[w] }

// objectPronoun reports whether the pronoun at token i is an object ("him",
// or "her" not followed by a noun).
func (a *Article) objectPronoun(i int) bool {
	switch a.lowerTok(i) {
	case "him":
		return true
	case "her":
		if i+1 >= len(a.Tokens) || a.Tokens[i+1].Kind != Word {
			return true
		}
		switch a.lowerTok(i + 1) {
		case "and", "or", "to", "for", "in", "on", "at", "with", "that", "the", "a", "an", "as", "of", "from", "by", "about", "into", "after", "before", "when", "while", "if", "but", "so", "up", "down", "out", "off", "back":
			return true
		}
	}
	return false
}

// subjectOfSentence reports whether entity e is named at the start of
// sentence si (its subject, roughly).
func (a *Article) subjectOfSentence(p *People, si, e int) bool {
	for _, mi := range p.MentionsInSentence(si) {
		m := p.Mentions[mi]
		if m.Quote >= 0 {
			continue
		}
		return m.Entity == e && m.FirstToken <= a.Sentences[si].FirstWord+1
	}
	return false
}
