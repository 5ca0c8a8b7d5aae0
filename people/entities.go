package people

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
)

func (a *analysis) indexPeople(pm *Model) {
	pm.MentionsByPara = make([][]int, len(a.Paragraphs))
	pm.StatementsByPara = make([][]int, len(a.Paragraphs))
	for i, m := range pm.Mentions {
		pm.MentionsByPara[m.Para] = append(pm.MentionsByPara[m.Para], i)
	}
	pm.Speaking = map[int]bool{}
	for i, st := range pm.Statements {
		pm.StatementsByPara[st.Para] = append(pm.StatementsByPara[st.Para], i)
		if e := pm.Mentions[st.Mention].Entity; e >= 0 {
			pm.Speaking[e] = true
		}
	}
	for _, at := range pm.Attributions {
		if at.Entity >= 0 {
			pm.Speaking[at.Entity] = true
		}
	}
	pm.CapWords = map[string]int{}
	pm.capByInitial = map[rune][]string{}
	for i, t := range a.Tokens {
		if t.Kind == article.Word && a.IsCapWord(i) {
			w, _ := article.StripPossessive(a.Tok(i))
			if pm.CapWords[w] == 0 {
				r, _ := utf8.DecodeRuneInString(w)
				pm.capByInitial[r] = append(pm.capByInitial[r], w)
			}
			pm.CapWords[w]++
		}
	}
}

// NearVariantInArticle returns a capitalised word of the article that is a
// near spelling of name (see NearVariant), or "". Only words with the same
// first letter are compared.
func (pm *Model) NearVariantInArticle(name string) string {
	r, _ := utf8.DecodeRuneInString(name)
	for _, w := range pm.capByInitial[r] {
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
func (a *analysis) groupEntities(pm *Model, gazetteer []Person) {
	bySurname := map[string][]int{} // surname -> entity IDs
	newEntity := func(words []string) int {
		id := len(pm.Entities)
		pm.Entities = append(pm.Entities, Entity{ID: id, Name: strings.Join(words, " "), words: words})
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
		pm.Entities[id].Gender = g.Gender
		for _, al := range g.Aliases {
			gazAlias[al] = id
			if f := strings.Fields(al); len(f) > 0 {
				gazAlias[f[len(f)-1]] = id
			}
		}
		for _, t := range g.Titles {
			pm.Entities[id].Roles = append(pm.Entities[id].Roles, Role{Text: t, Class: titleClassOf(t)})
		}
	}
	for i := range pm.Mentions {
		pm.Mentions[i].Entity = -1
	}
	// Pass 1: names of two or more words.
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if len(m.Words) < 2 {
			continue
		}
		sur := m.Surname()
		found := -1
		for _, id := range bySurname[sur] {
			e := &pm.Entities[id]
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
			pm.Entities[found].passRoles = append(pm.Entities[found].passRoles, m.Role.Class)
		}
		if len(m.Words) > len(pm.Entities[found].words) {
			pm.Entities[found].words = m.Words
			pm.Entities[found].Name = strings.Join(m.Words, " ")
		}
		m.Entity = found
	}
	// Pass 2: one-word names join the single person whose surname (or, for
	// two-word names written surname first, first word) they are.
	firstWord := map[string][]int{}
	for id := range pm.Entities {
		w := pm.Entities[id].words
		if len(w) >= 2 {
			firstWord[w[0]] = append(firstWord[w[0]], id)
		}
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
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
				for _, r := range pm.Entities[c].passRoles {
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
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Entity < 0 {
			continue
		}
		e := &pm.Entities[m.Entity]
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
func (a *analysis) possessiveBefore(i int) bool {
	if i == 0 || !a.IsCapWord(i-1) {
		return false
	}
	_, poss := article.StripPossessive(a.Tok(i - 1))
	return poss
}

func (a *analysis) prevIsSpeechVerb(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if a.Tokens[k].Kind == article.Punct {
			continue
		}
		_, ok := speechVerbs[a.Lower(k)]
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
func (a *analysis) linkRoles(pm *Model) {
	// Entities by the classes of their roles (and by age), so that a role
	// phrase is compared only with people who could hold it.
	byClass := map[string][]int{}
	for id := range pm.Entities {
		seen := map[string]bool{}
		for _, h := range pm.Entities[id].Roles {
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
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
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
			for _, h := range pm.Entities[id].Roles {
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
			pm.Entities[cand].Mentions = append(pm.Entities[cand].Mentions, i)
		}
	}
	for id := range pm.Entities {
		sort.Ints(pm.Entities[id].Mentions)
	}
}

// pronounable reports whether a pronoun may refer to an entity: a person
// with a full name, a title, an honorific, a role or an introduction (a
// bare capitalised word may be a company).
func (pm *Model) pronounable(e int) bool {
	ent := &pm.Entities[e]
	return ent.FullNamed || ent.Titled || ent.Introduced || ent.Gender != "" || len(ent.Roles) > 0
}

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
		if m.Kind != Pronoun {
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

// PersonLike reports whether an entity is surely a person: it is
// introduced, has a title, an honorific or a role, or has a full name that
// is mentioned twice or speaks.
func (pm *Model) PersonLike(e int) bool {
	ent := pm.Entities[e]
	if ent.Introduced || len(ent.Roles) > 0 || ent.Gender != "" {
		return true
	}
	if ent.Titled {
		return true
	}
	if len(ent.words) < 2 {
		return pm.Speaking[e] && len(ent.Mentions) >= 2
	}
	return len(ent.Mentions) >= 2 || pm.Speaking[e]
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
	mi := pm.index
	pm.bySent = make([][]int, len(a.Sentences))
	for i, m := range pm.Mentions {
		pm.bySent[m.Sent] = append(pm.bySent[m.Sent], i)
	}
	for i := range pm.Mentions {
		pm.Mentions[i].Referent = -1
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Kind != Pronoun || m.Quote >= 0 {
			continue
		}
		ref := -1
		// "Winch said she", "Pickens told Reuters she", "X said that he".
		k := m.FirstToken - 1
		if a.Lower(k) == "that" {
			k--
		}
		subj := a.Lower(m.FirstToken) == "he" || a.Lower(m.FirstToken) == "she"
		for j := k; subj && j >= k-2 && j >= 0; j-- {
			if a.speechVerbAt(j) {
				if j < k && speechVerbs[a.Lower(j)] != "tell" {
					break // only "told Reuters she" may put words between
				}
				v := j
				if a.Lower(j-1) == "as" {
					v = j - 1 // "quoted Yoshiro Araki as saying he"
				}
				if sp := a.speakerBeforeVerb(mi, v, a.Sentences[m.Sent].FirstToken); sp >= 0 && pm.Mentions[sp].Kind != Pronoun && !strings.HasSuffix(a.Lower(j), "ing") || sp >= 0 && v != j {
					if e := pm.Mentions[sp].Entity; e >= 0 && pm.pronounable(e) {
						ref = e
					}
				}
				break
			}
			if a.Tokens[j].Kind == article.Punct {
				break
			}
		}
		if ref < 0 {
			ref = a.onlyPersonBefore(pm, m.Sent, m.FirstToken)
			if ref >= 0 && a.objectPronoun(m.FirstToken) && a.subjectOfSentence(pm, m.Sent, ref) {
				// "Ruiz welcomed her": an object pronoun is never the
				// subject of its own clause.
				ref = -2
			}
			if ref == -2 {
				ref = -1
			} else if ref < 0 && m.Sent > 0 && a.Sentences[m.Sent-1].Para == m.Para {
				ref = a.onlyPersonBefore(pm, m.Sent-1, a.Sentences[m.Sent-1].EndToken)
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
			if g, ok := genderNouns[a.Lower(j)]; ok && g == m.Gender {
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
		if !pm.pronounable(m.Entity) {
			return -2 // a company or a place the pronoun cannot be about
		}
		found = m.Entity
	}
	return found
}

// MentionsInSentence lists the mentions of sentence si in text order.
func (pm *Model) MentionsInSentence(si int) []int {
	if si < 0 || si >= len(pm.bySent) {
		return nil
	}
	return pm.bySent[si]
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
