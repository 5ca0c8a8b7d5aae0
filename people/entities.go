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
	// What groupFullName looks up, so that a thousand namesakes cost a
	// thousand look-ups, not a million comparisons. By surname and first
	// word, and by surname and first letter, the first entity (lowest ID)
	// with them; by surname, the entities of one word, and by surname and
	// letter those whose first word is an initial, in ID order.
	// indexed marks the surnames indexed so far.
	indexed   map[string]bool
	byFirst   map[[2]string]int
	byLetter  map[[2]string]int
	oneWord   map[string][]int
	initialOf map[[2]string][]int
	// memo holds what namesakes worked out, by source and word.
	memo map[memoKey]*namesakeChoice
	// introAt is where each entity's name is first given in full (a
	// byte offset), -1 before it is; bare is where each word stands
	// alone as a name, in text order (bareAt).
	introAt []int
	bare    map[string][]int
}

// memoKey is a word and where its candidates came from: 's' surnames,
// 'f' first words.
type memoKey struct {
	source byte
	word   string
}

// newEntity makes an entity named by words (name: the words joined).
func (g *grouping) newEntity(words []string, name string) int {
	id := len(g.pm.Entities)
	g.pm.Entities = append(g.pm.Entities, Entity{ID: id, Name: name, words: words})
	g.introAt = append(g.introAt, -1)
	sur := words[len(words)-1]
	g.bySurname[sur] = append(g.bySurname[sur], id)
	if g.indexed[sur] {
		g.index(id, sur, words)
	}
	return id
}

// namesakeScan is how many people of one surname are compared one by one
// before their names are indexed.
const namesakeScan = 8

// index records entity id, of surname sur, under the first word of words.
func (g *grouping) index(id int, sur string, words []string) {
	if g.byFirst == nil {
		g.byFirst, g.byLetter = map[[2]string]int{}, map[[2]string]int{}
		g.oneWord, g.initialOf = map[string][]int{}, map[[2]string][]int{}
	}
	if len(words) < 2 {
		g.oneWord[sur] = insertID(g.oneWord[sur], id)
		return
	}
	first := words[0]
	if k := [2]string{sur, first}; !hasID(g.byFirst, k) || g.byFirst[k] > id {
		g.byFirst[k] = id
	}
	if k := [2]string{sur, first[:1]}; !hasID(g.byLetter, k) || g.byLetter[k] > id {
		g.byLetter[k] = id
	}
	if f := strings.TrimSuffix(first, "."); len(f) == 1 {
		k := [2]string{sur, f}
		g.initialOf[k] = insertID(g.initialOf[k], id)
	}
}

// insertID inserts id in the sorted list ids, once.
func insertID(ids []int, id int) []int {
	if k, found := slices.BinarySearch(ids, id); !found {
		ids = slices.Insert(ids, k, id)
	}
	return ids
}

func hasID(m map[[2]string]int, k [2]string) bool { _, ok := m[k]; return ok }

// firstNamesake returns the first entity (lowest ID) of surname sur that
// a name with first word first may be (what a scan of bySurname[sur] for
// an entity of one word or with sameFirst would find); -1 when none.
func (g *grouping) firstNamesake(sur, first string) int {
	if ids := g.bySurname[sur]; !g.indexed[sur] {
		if len(ids) <= namesakeScan {
			for _, id := range ids {
				if e := &g.pm.Entities[id]; len(e.words) < 2 || sameFirst(e.words[0], first) {
					return id
				}
			}
			return -1
		}
		if g.indexed == nil {
			g.indexed = map[string]bool{}
		}
		g.indexed[sur] = true
		for _, id := range ids {
			g.index(id, sur, g.pm.Entities[id].words)
		}
	}
	best := -1
	take := func(id int) {
		if best < 0 || id < best {
			best = id
		}
	}
	if id, ok := g.byFirst[[2]string{sur, first}]; ok {
		take(id)
	}
	// Entities of one word, or whose initial first word a longer name
	// has since replaced: the first that still matches (those that no
	// longer do never will again, and are dropped).
	firstMatch := func(ids []int, ok func(e *Entity) bool) []int {
		for len(ids) > 0 && !ok(&g.pm.Entities[ids[0]]) {
			ids = ids[1:]
		}
		if len(ids) > 0 {
			take(ids[0])
		}
		return ids
	}
	g.oneWord[sur] = firstMatch(g.oneWord[sur], func(e *Entity) bool { return len(e.words) < 2 || sameFirst(e.words[0], first) })
	if f := strings.TrimSuffix(first, "."); len(f) == 1 {
		if id, ok := g.byLetter[[2]string{sur, f}]; ok {
			take(id) // "J. Okonkwo": John Okonkwo
		}
	} else if first != "" {
		k := [2]string{sur, first[:1]}
		g.initialOf[k] = firstMatch(g.initialOf[k], func(e *Entity) bool { return len(e.words) < 2 || sameFirst(e.words[0], first) })
	}
	return best
}

// maxEntityRoom caps the entities groupEntities makes room for up front
// (an entity takes about 170 bytes).
const maxEntityRoom = 1 << 10

// groupEntities puts name mentions of one person into one entity: full
// names by surname and first name, then surnames and honorific mentions by
// the surname they share with exactly one person.
func (a *analysis) groupEntities(pm *Model, gazetteer []Person) {
	g := &grouping{pm: pm, bySurname: map[string][]int{}, alias: map[string]int{}}
	// Names are mentioned about twice each: room for an entity per two
	// named mentions is seldom outgrown. The room made up front is capped
	// (maxEntityRoom): a long article may name a few people many times,
	// and append grows the table for one that names many.
	named := 0
	for i := range pm.Mentions {
		if len(pm.Mentions[i].Words) > 0 {
			named++
		}
	}
	pm.Entities = make([]Entity, 0, len(gazetteer)+min(named/2, maxEntityRoom)+4)
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
	found := g.firstNamesake(m.Surname(), m.Words[0])
	if found < 0 {
		if id, ok := g.alias[g.pm.nameOf(m)]; ok {
			found = id
		}
	}
	if found < 0 {
		found = g.newEntity(m.Words, g.pm.nameOf(m))
	}
	if g.introAt[found] < 0 {
		g.introAt[found] = m.Start()
	}
	e := &g.pm.Entities[found]
	if m.Role != nil && !(m.Quote >= 0 && m.Role.Class == "relative") {
		// Known now so that one-word names can tell namesakes apart by
		// title; collectMentions adds every role once. A kinship noun
		// inside a quotation is the speaker's word, often a figure of
		// speech (“my dear sister Hillary Clinton”): it makes nobody a
		// relative whom a bare surname cannot mean.
		e.passRoles = append(e.passRoles, m.Role.Class)
	}
	if len(m.Words) > len(e.words) {
		// Indexed again, under the surname it is filed by.
		sur := e.words[len(e.words)-1]
		e.words = m.Words
		e.Name = g.pm.nameOf(m)
		if g.indexed[sur] {
			g.index(found, sur, e.words)
		}
	}
	m.Entity = int32(found)
}

// namesakeChoice is what namesakes worked out for one word: the
// candidates it started from (their number: lists only grow), those who
// are not relatives, the ones left without a title, and those left by
// each title.
type namesakeChoice struct {
	n       int
	notKin  []int
	cands   []int
	byClass map[string][]int
}

// namesakes narrows the people a one-word name w may be (cands, two or
// more) as an editor would: not a relative, who goes by first name; the
// one whose title the mention has; the one the article called by the
// bare word first, or else introduced with a title or description.
// Worked out once per word and title, so that a name shared by thousands
// of people costs a look-up per mention.
func (g *grouping) namesakes(w memoKey, cands []int, role *Role) []int {
	c := g.memo[w]
	if c == nil || c.n != len(cands) {
		notKin := notRelatives(g.pm, cands)
		c = &namesakeChoice{n: len(cands), notKin: notKin, cands: g.narrowNamesakes(w.word, notKin)}
		if g.memo == nil {
			g.memo = map[memoKey]*namesakeChoice{}
		}
		g.memo[w] = c
	}
	if len(c.notKin) <= 1 || role == nil || role.Class == "" {
		return c.cands
	}
	same, ok := c.byClass[role.Class]
	if !ok {
		// "Trade Secretary Baker" beside Howard Baker and Treasury
		// Secretary James Baker, "President Clinton" beside Hillary
		// Clinton: the title tells them apart.
		for _, id := range c.notKin {
			if slices.Contains(g.pm.Entities[id].passRoles, role.Class) {
				same = append(same, id)
			}
		}
		if len(same) != 1 {
			same = c.cands
		}
		if c.byClass == nil {
			c.byClass = map[string][]int{}
		}
		c.byClass[role.Class] = same
	}
	return same
}

// notRelatives keeps, of several namesakes, those who are not relatives
// ("Baker" beside Ginger Baker and his daughter Nettie Baker: a bare
// surname is not a relative's), or all of them if all are.
func notRelatives(pm *Model, cands []int) []int {
	var notKin []int
	for _, c := range cands {
		if !slices.Contains(pm.Entities[c].passRoles, "relative") {
			notKin = append(notKin, c)
		}
	}
	if len(notKin) > 0 {
		return notKin
	}
	return cands
}

// narrowNamesakes keeps, of several namesakes of word w who are not
// relatives, the one the article already called by the bare word before
// it named any other ("Hillary Clinton argued … Clinton said … former
// President Bill Clinton": the article's "Clinton" is hers, and it names
// him in full); else the only one the article introduces with a title or
// description, if there is one (drummer Ginger Baker, beside his birth
// name Peter Edward Baker).
func (g *grouping) narrowNamesakes(w string, cands []int) []int {
	if e := g.calledFirst(w, cands); e >= 0 {
		if g.pm.calledBy == nil {
			g.pm.calledBy = map[string]int{}
		}
		g.pm.calledBy[w] = e
		return []int{e}
	}
	var titled []int
	for _, c := range cands {
		if len(g.pm.Entities[c].passRoles) > 0 {
			titled = append(titled, c)
		}
	}
	if len(titled) == 1 {
		return titled
	}
	return cands
}

// calledFirst returns, of namesakes cands, the first one named in full,
// when word w stands alone after that and before any other is named in
// full (a headline's bare name, before anyone is introduced, tells
// nothing); -1 otherwise.
func (g *grouping) calledFirst(w string, cands []int) int {
	first, second := -1, -1
	for _, c := range cands {
		at := g.introAt[c]
		switch {
		case at < 0:
			return -1 // never named in full: a gazetteer person or one word
		case first < 0 || at < g.introAt[first]:
			first, second = c, first
		case second < 0 || at < g.introAt[second]:
			second = c
		}
	}
	if first < 0 || second < 0 {
		return -1
	}
	bare := g.bareAt(w)
	k, _ := slices.BinarySearch(bare, g.introAt[first])
	if k == len(bare) || bare[k] > g.introAt[second] {
		return -1
	}
	return first
}

// bareAt returns where word w stands alone as a name, in text order; the
// words are indexed when namesakes first need them.
func (g *grouping) bareAt(w string) []int {
	if g.bare == nil {
		g.bare = map[string][]int{}
		for i := range g.pm.Mentions {
			if m := &g.pm.Mentions[i]; len(m.Words) == 1 && m.Form != Name {
				g.bare[m.Words[0]] = append(g.bare[m.Words[0]], m.Start())
			}
		}
	}
	return g.bare[w]
}

// groupOneName joins a one-word name to the single person whose surname
// (or, for two-word names written surname first, first word) it is; a
// title tells namesakes apart. A one-word name that matches nobody makes
// an entity of its own when it is surely a person ("Egan said", "Mr.
// Smith").
func (a *analysis) groupOneName(g *grouping, m *Mention, firstWord map[string][]int) {
	w := m.Words[0]
	cands, source := g.bySurname[w], byte('s')
	if len(cands) == 0 {
		if id, ok := g.alias[w]; ok {
			cands = []int{id}
		}
	}
	if len(cands) == 0 {
		cands, source = firstWord[w], 'f'
	}
	if len(cands) > 1 {
		cands = g.namesakes(memoKey{source, w}, cands, m.Role)
	}
	switch {
	case len(cands) == 1:
		m.Entity = int32(cands[0])
	case len(cands) == 0 && (m.Form != Surname || m.Introduced || m.Role != nil ||
		!m.SentenceInitial && (a.nextIsSpeechVerb(int(m.EndToken)) || a.prevIsSpeechVerb(int(m.FirstToken)) || a.possessiveBefore(int(m.FirstToken)))):
		m.Entity = int32(g.newEntity(m.Words, g.pm.nameOf(m)))
	}
}

// collectMentions lists each entity's mentions and gathers what they say
// of it: roles, introduction, title, full name, gender.
func (pm *Model) collectMentions() {
	byEntity := groupBy(len(pm.Entities), len(pm.Mentions), func(i int) int { return int(pm.Mentions[i].Entity) })
	for id := range pm.Entities {
		pm.Entities[id].Mentions = byEntity.Of(id)
	}
	// Each person's roles in one list made at its final size, not grown
	// role by role.
	roles := make([]int32, len(pm.Entities))
	for i := range pm.Mentions {
		if m := &pm.Mentions[i]; m.Entity >= 0 && m.Form != Name && m.Role != nil {
			roles[m.Entity]++
		}
	}
	for id, n := range roles {
		if n > 0 {
			pm.Entities[id].Roles = slices.Grow(pm.Entities[id].Roles, int(n))
		}
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
		if m.Gender() != "" && e.Gender == "" {
			e.Gender = m.Gender()
		}
	}
}

// nameOf is a mention's name: its words joined by spaces.
func (pm *Model) nameOf(m *Mention) string { return joinWords(pm.text, m.Words, m.Name()) }

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
