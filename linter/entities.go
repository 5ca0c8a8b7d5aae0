package linter

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// analysePeople builds the people model of an article.
func analysePeople(a *Article, cfg *Config) *People {
	p := &People{}
	lowerWords := map[string]bool{}
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
	a.attributeQuotes(p)
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
		} else if len(m.Words) > len(p.Entities[found].words) {
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
			if m.Entity >= 0 {
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
