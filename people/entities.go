package people

import (
	"slices"
	"strings"

	"github.com/newslint/newslint/article"
)

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

// grouping is the state of groupEntities: the entities made so far, by
// surname, and the gazetteer's aliases.
type grouping struct {
	pm        *Model
	bySurname map[string][]int // surname -> entity IDs
	alias     map[string]int   // gazetteer alias (and its last word) -> entity
}

// newEntity makes an entity named by words (name: the words joined).
func (g *grouping) newEntity(words []string, name string) int {
	id := len(g.pm.Entities)
	g.pm.Entities = append(g.pm.Entities, Entity{ID: id, Name: name, words: words})
	sur := words[len(words)-1]
	g.bySurname[sur] = append(g.bySurname[sur], id)
	return id
}

// groupEntities puts name mentions of one person into one entity: full
// names by surname and first name, then surnames and honorific mentions by
// the surname they share with exactly one person.
func (a *analysis) groupEntities(pm *Model, gazetteer []Person) {
	g := &grouping{pm: pm, bySurname: map[string][]int{}, alias: map[string]int{}}
	// Names are mentioned about twice each: room for an entity per two
	// named mentions is seldom outgrown.
	named := 0
	for i := range pm.Mentions {
		if len(pm.Mentions[i].Words) > 0 {
			named++
		}
	}
	pm.Entities = make([]Entity, 0, len(gazetteer)+named/2+4)
	// Gazetteer people first, so that aliases join them.
	g.addGazetteer(gazetteer)
	pm.gazetteer = len(pm.Entities)
	for i := range pm.Mentions {
		pm.Mentions[i].Entity = -1
	}
	for i := range pm.Mentions {
		if len(pm.Mentions[i].Words) >= 2 && pm.Mentions[i].Form != Name {
			g.groupFullName(&pm.Mentions[i])
		}
	}
	firstWord := map[string][]int{}
	for id := range pm.Entities {
		w := pm.Entities[id].words
		if len(w) >= 2 {
			firstWord[w[0]] = append(firstWord[w[0]], id)
		}
		// "Javier Nogales Iturri" is Nogales: a name of three words may
		// hold two surnames, and the first of them is the one used alone.
		if len(w) == 3 && !particles[w[1]] && !strings.HasSuffix(w[1], ".") && len(g.bySurname[w[1]]) == 0 {
			g.bySurname[w[1]] = append(g.bySurname[w[1]], id)
		}
	}
	for i := range pm.Mentions {
		if len(pm.Mentions[i].Words) == 1 && pm.Mentions[i].Form != Name {
			a.groupOneName(g, &pm.Mentions[i], firstWord)
		}
	}
}

// addGazetteer makes an entity of each gazetteer person, with gender,
// titles and aliases.
func (g *grouping) addGazetteer(gazetteer []Person) {
	for _, p := range gazetteer {
		words := strings.Fields(p.Name)
		if len(words) == 0 {
			continue
		}
		id := g.newEntity(words, strings.Join(words, " "))
		g.pm.Entities[id].Gender = p.Gender
		for _, al := range p.Aliases {
			g.alias[al] = id
			if f := strings.Fields(al); len(f) > 0 {
				g.alias[f[len(f)-1]] = id
			}
		}
		for _, t := range p.Titles {
			g.pm.Entities[id].Roles = append(g.pm.Entities[id].Roles, gazetteerRole(t))
		}
	}
}

// gazetteerRole reads a title written in the gazetteer ("President of
// Belarus", "Belarusian President"): its class and its country.
func gazetteerRole(title string) Role {
	r := Role{Text: title, Class: titleClassOf(title)}
	for _, w := range strings.Fields(title) {
		if c := countryOf(w); c != "" {
			r.Country = c
			break
		}
	}
	return r
}

// groupFullName joins a name of two or more words to the entity with its
// surname and the same (or no) first name, or to a gazetteer alias, or
// makes a new entity.
func (g *grouping) groupFullName(m *Mention) {
	found := -1
	for _, id := range g.bySurname[m.Surname()] {
		e := &g.pm.Entities[id]
		if len(e.words) < 2 || sameFirst(e.words[0], m.Words[0]) {
			found = id
			break
		}
	}
	if found < 0 {
		if id, ok := g.alias[g.pm.nameOf(m)]; ok {
			found = id
		}
	}
	if found < 0 {
		found = g.newEntity(m.Words, g.pm.nameOf(m))
	}
	e := &g.pm.Entities[found]
	if m.Role != nil {
		// Known now so that one-word names can tell namesakes apart by
		// title; collectMentions adds every role once.
		e.passRoles = append(e.passRoles, m.Role.Class)
	}
	if len(m.Words) > len(e.words) {
		e.words = m.Words
		e.Name = g.pm.nameOf(m)
	}
	m.Entity = found
}

// groupOneName joins a one-word name to the single person whose surname
// (or, for two-word names written surname first, first word) it is; a
// title tells namesakes apart. A one-word name that matches nobody makes
// an entity of its own when it is surely a person ("Egan said", "Mr.
// Smith").
func (a *analysis) groupOneName(g *grouping, m *Mention, firstWord map[string][]int) {
	w := m.Words[0]
	cands := g.bySurname[w]
	if len(cands) == 0 {
		if id, ok := g.alias[w]; ok {
			cands = []int{id}
		}
	}
	if len(cands) == 0 {
		cands = firstWord[w]
	}
	if len(cands) > 1 {
		// "Baker" beside Ginger Baker and his daughter Nettie Baker: a
		// bare surname is not a relative's, who go by first name.
		var notKin []int
		for _, c := range cands {
			if !slices.Contains(g.pm.Entities[c].passRoles, "relative") {
				notKin = append(notKin, c)
			}
		}
		if len(notKin) > 0 {
			cands = notKin
		}
	}
	if len(cands) > 1 {
		// Of several namesakes, the one the article introduces with a
		// title or description is the one it goes on to call by surname
		// (drummer Ginger Baker, beside his birth name Peter Edward Baker).
		var titled []int
		for _, c := range cands {
			if len(g.pm.Entities[c].passRoles) > 0 {
				titled = append(titled, c)
			}
		}
		if len(titled) == 1 {
			cands = titled
		}
	}
	if len(cands) > 1 && m.Role != nil && m.Role.Class != "" {
		// "Trade Secretary Baker" beside Howard Baker and Treasury
		// Secretary James Baker: the title tells them apart.
		var same []int
		for _, c := range cands {
			if slices.Contains(g.pm.Entities[c].passRoles, m.Role.Class) {
				same = append(same, c)
			}
		}
		if len(same) == 1 {
			cands = same
		}
	}
	switch {
	case len(cands) == 1:
		m.Entity = cands[0]
	case len(cands) == 0 && (m.Form != Surname || m.Introduced || m.Role != nil ||
		!m.SentenceInitial && (a.nextIsSpeechVerb(m.EndToken) || a.prevIsSpeechVerb(m.FirstToken) || a.possessiveBefore(m.FirstToken))):
		m.Entity = g.newEntity(m.Words, g.pm.nameOf(m))
	}
}

// collectMentions lists each entity's mentions and gathers what they say
// of it: roles, introduction, title, full name, gender.
func (pm *Model) collectMentions() {
	byEntity := groupBy(len(pm.Entities), len(pm.Mentions), func(i int) int { return pm.Mentions[i].Entity })
	for id := range pm.Entities {
		pm.Entities[id].Mentions = byEntity[id]
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Entity < 0 {
			continue
		}
		e := &pm.Entities[m.Entity]
		if m.Form == Name {
			continue
		}
		if m.Role != nil {
			e.Roles = append(e.Roles, *m.Role)
		}
		e.Introduced = e.Introduced || m.Introduced
		e.Titled = e.Titled || m.Form == Honorific || m.Form == TitledName
		e.FullNamed = e.FullNamed || len(m.Words) >= 2
		if m.Gender != "" && e.Gender == "" {
			e.Gender = m.Gender
		}
	}
}

// nameOf is a mention's name: its words joined by spaces.
func (pm *Model) nameOf(m *Mention) string { return joinWords(pm.text, m.Words, m.Name) }

// joinWords joins words as they stand in the article's text at span at
// (see joinWords).
func (a *analysis) joinWords(words []string, at article.Span) string {
	return joinWords(a.Src.Text, words, at)
}

// joinWords joins words by spaces: as they stand in text at span at (a
// possessive 's may follow the last), when they stand so, as most names
// do, so that nothing is built; else by strings.Join.
func joinWords(text string, words []string, at article.Span) string {
	if len(words) == 1 {
		return words[0]
	}
	if at.Start < 0 || at.End > len(text) || at.Start > at.End {
		return strings.Join(words, " ")
	}
	s := text[at.Start:at.End]
	pos := 0
	for k, w := range words {
		if k > 0 {
			if pos >= len(s) || s[pos] != ' ' {
				return strings.Join(words, " ")
			}
			pos++
		}
		if !strings.HasPrefix(s[pos:], w) {
			return strings.Join(words, " ")
		}
		pos += len(w)
	}
	switch s[pos:] {
	case "", "'s", "’s":
		return s[:pos]
	}
	return strings.Join(words, " ")
}
