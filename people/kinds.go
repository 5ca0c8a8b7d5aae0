package people

import (
	"slices"
	"strings"

	"github.com/newslint/newslint/article"
)

// Kind is what a name names.
type Kind uint8

// Kinds of names.
const (
	// KindUnknown is a name the article gives no evidence about. It may
	// be a person's, and the people model treats it as one.
	KindUnknown Kind = iota
	KindPerson
	KindOrganisation
	KindPlace
)

var kindNames = [...]string{"unknown", "person", "organisation", "place"}

func (k Kind) String() string { return kindNames[k] }

// MayBePerson reports whether a name of this kind may be a person's: it is
// one, or nothing says it is not.
func (k Kind) MayBePerson() bool { return k == KindPerson || k == KindUnknown }

// evidence is what the article says about one name, weighed by classify.
type evidence struct {
	person, described, weakPerson, org, place []string
	// bigPlace is set for a country, a capital or a city of a million:
	// "Moscow would keep to its pledge" is still a place.
	bigPlace bool
}

func (ev *evidence) add(list *[]string, why string) {
	for _, w := range *list {
		if w == why {
			return
		}
	}
	*list = append(*list, why)
}

// decide weighs the evidence: what says "a person" for certain (an
// honorific, a title, an age, a gender, a description such as "an
// analyst" or "who") wins; then what says "an organisation" (a legal
// form, "its", shares, an affiliation); then "a place"; then a given name,
// which is weak evidence (Harlow Stanton may be a firm).
func (ev *evidence) decide() (Kind, []string) {
	switch {
	case len(ev.person) > 0:
		return KindPerson, ev.person
	case len(ev.described) > 0:
		return KindPerson, ev.described
	case len(ev.org) > 0 && !ev.bigPlace:
		return KindOrganisation, ev.org
	case len(ev.place) > 0:
		return KindPlace, ev.place
	case len(ev.weakPerson) > 0:
		return KindPerson, ev.weakPerson
	}
	return KindUnknown, nil
}

// classify decides the kind of every entity from what its mentions and
// their context say, and copies it to the mentions.
func (a *analysis) classify(pm *Model) {
	evs := make([]evidence, len(pm.Entities))
	for id := 0; id < pm.gazetteer; id++ {
		evs[id].add(&evs[id].person, "in the people gazetteer")
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Entity < 0 || m.Form == Pronoun || m.Form == RolePhrase {
			continue
		}
		ev := &evs[m.Entity]
		if m.Form == Name {
			a.nameEvidence(m, ev)
			continue
		}
		a.personEvidence(m, ev)
		a.orgEvidence(pm, i, ev)
		a.placeEvidence(m, ev)
	}
	for id := range pm.Entities {
		pm.Entities[id].Kind, pm.Entities[id].Evidence = evs[id].decide()
	}
	for i := range pm.Mentions {
		if m := &pm.Mentions[i]; m.Entity >= 0 {
			m.Kind = pm.Entities[m.Entity].Kind
		}
	}
}

// personEvidence reads what marks a mention as a person's: an honorific, a
// title or role, an age, a description, a gendered word, or (weakly) a
// first name that is mostly a given name.
func (a *analysis) personEvidence(m *Mention, ev *evidence) {
	switch {
	case m.Form == Honorific:
		ev.add(&ev.person, "honorific “"+a.Tok(int(m.FirstToken))+"”")
	case m.Role != nil && m.Role.Class != "":
		ev.add(&ev.person, "title “"+m.Role.Text+"”")
	case m.Age > 0:
		ev.add(&ev.person, "age")
	case m.Gender() != "":
		ev.add(&ev.person, m.Gender())
	case m.Described:
		ev.add(&ev.described, "described as a person")
	}
	if a.opensWithGivenName(m) {
		ev.add(&ev.weakPerson, "given name “"+m.Words[0]+"”")
	}
	if a.affiliatedName(m) {
		ev.add(&ev.weakPerson, "an affiliation after the name (“"+a.Tok(int(m.EndToken))+" "+a.Tok(int(m.EndToken)+1)+" …”)")
	}
}

// affiliatedName reports whether a name of two or three words, none of
// them a word of organisations' names or a country's, that opens with a
// given name, is followed by "of", "at" or "from" and a
// capitalised name: "Tamas Varga of PVM Oil Associates", "Ana Lind
// from Oslo". The name is a person's, affiliated with what follows.
func (a *analysis) affiliatedName(m *Mention) bool {
	if len(m.Words) < 2 || len(m.Words) > 3 || m.Form == Name {
		return false
	}
	switch a.Lower(int(m.EndToken)) {
	case "of", "at", "from":
	default:
		return false
	}
	for _, w := range m.Words {
		if isOrgNoun(w) || orgNames[w] || isLegalForm(w) || countryOf(w) != "" {
			return false
		}
	}
	// And the name opens with a known given name ("Middle District of
	// Louisiana", "Philippine Chamber of Commerce" do not).
	known, _, _ := givenName(m.Words[0])
	return known && a.IsCapWord(int(m.EndToken)+1)
}

// orgEvidence reads what marks a name as an organisation's: a legal form
// after it, a known company, outlet or party, a word for an organisation
// before it ("investment bank X"), "its" referring back to it, "X shares",
// "shares of X", "analysts at X", and "X's Jane Doe" (an affiliation).
func (a *analysis) orgEvidence(pm *Model, i int, ev *evidence) {
	m := &pm.Mentions[i]
	name := pm.nameOf(m)
	if form := a.legalFormAt(int(m.EndToken)); form != "" {
		ev.add(&ev.org, "legal form “"+form+"”")
	}
	// A known company of one word that is also a common surname (Rogers,
	// Hawkins) says nothing; nor does a word for an organisation before a
	// name that opens with a given name ("the association's Carlos
	// Calmon").
	if isKnownOrg(name) && (len(m.Words) > 1 || surnameClass(name) == 0) {
		ev.add(&ev.org, knownOrgWhy(knownOrg(name)))
	}
	// Around a bare surname, the words that suggest an organisation
	// ("a spokeswoman for Fiorina", "the group Fiorina …") say nothing of
	// a person the article names in full with a given name (Carly
	// Fiorina).
	if len(m.Words) == 1 && m.Entity >= 0 && len(pm.Entities[m.Entity].words) >= 2 {
		if known, mostly, _ := givenName(pm.Entities[m.Entity].words[0]); known && mostly {
			return
		}
	}
	if w := a.Lower(int(m.FirstToken) - 1); orgNouns[w] && !a.opensWithGivenName(m) {
		ev.add(&ev.org, "called “"+w+"”")
	}
	switch a.Lower(int(m.EndToken)) {
	case "shares", "stock", "stake", "subsidiary", "unit", "shareholders":
		ev.add(&ev.org, "“"+a.Tok(int(m.EndToken))+"” after the name")
	}
	if w := a.Lower(int(m.FirstToken) - 2); a.Lower(int(m.FirstToken)-1) == "of" && ofOrganisation[w] {
		ev.add(&ev.org, "“"+w+" of” before the name")
	}
	if w := a.Lower(int(m.FirstToken) - 1); (w == "at" || w == "for" || w == "with") && (isOccupation(a.Lower(int(m.FirstToken)-2)) || a.Lower(int(m.FirstToken)-2) == "analysts") {
		ev.add(&ev.org, "“"+a.Lower(int(m.FirstToken)-2)+" "+w+"” before the name")
	}
	if a.affiliationAfterPerson(pm, m) && !isKnownPlace(name) {
		ev.add(&ev.org, "an affiliation after a person's name (“of”, “at”, “with”)")
	}
	if a.refersBackWithIts(pm, i) {
		ev.add(&ev.org, "“its” refers back to it")
	}

	if a.affiliationOf(pm, i) {
		ev.add(&ev.org, "“"+name+"'s” before a person's name")
	}
}

// opensWithGivenName reports whether a name of two or three words opens
// with a word that is mostly a given name (not a particle such as De or
// Van).
func (a *analysis) opensWithGivenName(m *Mention) bool {
	if len(m.Words) < 2 || len(m.Words) > 3 || IsParticle(m.Words[0]) {
		return false
	}
	known, mostly, _ := givenName(m.Words[0])
	return known && mostly
}

func knownOrgWhy(k byte) string {
	switch k {
	case 'c':
		return "a known company"
	case 'o':
		return "a known news outlet"
	case 'p':
		return "a known political party"
	}
	return "a known organisation"
}

// ofOrganisation are the nouns of "shares of X", "members of X": what an
// organisation has.
var ofOrganisation = setOf("shares stake subsidiary unit units members member employees staff shareholders stock owners")

// orgNouns are common nouns for organisations: one right before a name
// says what the name is ("investment bank Merrow Lynd", "the carmaker
// Volvo").
var orgNouns = setOf(`company firm bank group agency ministry broker brokerage insurer reinsurer lender carrier airline retailer
manufacturer maker carmaker automaker chipmaker drugmaker producer operator fund newspaper daily broadcaster network magazine
association union party club university college charity organisation organization institute council authority regulator
watchdog exchange conglomerate subsidiary startup start-up consultancy utility developer supplier distributor publisher label
miner refiner shipper railway railroad builder homebuilder insurer bancorp trust partnership`)

// legalFormAt reads a legal form at token k ("Ltd", "Inc.", "S.A.",
// "GmbH"), possibly after a comma, and returns it as written, or "".
func (a *analysis) legalFormAt(k int) string {
	if a.IsPunct(k, ",") {
		k++
	}
	if !a.IsCapWord(k) {
		return "" // as after most names: nothing to build
	}
	// The form's words without their full stops: one word as it stands,
	// "S.A." joined.
	w := a.Tok(k)
	end := k + 1
	if a.IsPunct(k+1, ".") {
		var b strings.Builder
		for j := k; j < len(a.Tokens) && j < k+4; j++ {
			t := a.Tokens[j]
			switch {
			case t.Kind == article.Word && (j == k || a.IsPunct(j-1, ".")):
				b.WriteString(a.Tok(j))
				end = j + 1
				continue
			case a.IsPunct(j, ".") && j > k:
				continue
			}
			break
		}
		w = b.String()
	}
	if !isLegalForm(w) {
		return ""
	}
	// A two-letter form (AG, SA) after a name must end the name's
	// phrase: "Volkswagen AG said", not "Smith AB Testing".
	if len(w) == 2 && a.IsCapWord(end) {
		return ""
	}
	return a.Text(article.Span{Start: a.Tokens[k].Start(), End: a.Tokens[end-1].End()})
}

// affiliationAfterPerson reports whether the name follows "of", "at" or
// "with" right after a person's name ("Jennifer Rowland of Edward Jones").
func (a *analysis) affiliationAfterPerson(pm *Model, m *Mention) bool {
	switch a.Lower(int(m.FirstToken) - 1) {
	case "of", "at", "with":
	default:
		return false
	}
	p, ok := pm.index.endAt(int(m.FirstToken) - 1)
	if !ok {
		return false
	}
	o := pm.Mentions[p]
	return o.Form != Name && o.Form != Pronoun && len(o.Words) >= 2
}

// refersBackWithIts reports whether "its" (or "itself") follows name
// mention i in its clause, with no other name or personal pronoun
// between: "Harlow Stanton cut its forecast".
func (a *analysis) refersBackWithIts(pm *Model, i int) bool {
	m := &pm.Mentions[i]
	s := a.Sentences[m.Sent]
	// Mentions are in text order and do not overlap: the ones after m are
	// met in turn as the words are read, with no search.
	next := i + 1
	for k := int(m.EndToken); k < int(s.EndToken) && k < int(m.EndToken)+12; k++ {
		if a.InQuote(k) {
			return false
		}
		switch a.Lower(k) {
		case "its", "itself":
			return true
		case "he", "she", "his", "her", "him", "who", "whose", "they", "their", "and", "but", "while", "which", "that":
			return false
		}
		if a.Tokens[k].Kind == article.Punct && strings.Contains(".;:“”\"", a.Tok(k)) {
			return false
		}
		for next < len(pm.Mentions) && int(pm.Mentions[next].FirstToken) < k {
			next++
		}
		if next < len(pm.Mentions) && int(pm.Mentions[next].FirstToken) == k && pm.Mentions[next].Form != Name {
			return false
		}
	}
	return false
}

// affiliationOf reports whether mention i is the possessive before a
// person's full name ("Corvex's Lee Ortiz", "Baker and Reid's Priya
// Raman"): the name it qualifies is the person, it is the organisation. A
// mention joined by "and" or "&" to such a possessive is part of it.
func (a *analysis) affiliationOf(pm *Model, i int) bool {
	m := &pm.Mentions[i]
	k := int(m.EndToken)
	if w := a.Lower(k); (w == "and" || w == "&") && i+1 < len(pm.Mentions) && int(pm.Mentions[i+1].FirstToken) == k+1 {
		m = &pm.Mentions[i+1] // "Baker and Reid's …": look at Reid's
		k = int(m.EndToken)
	}
	if _, poss := article.StripPossessive(a.Tok(k - 1)); !poss {
		return false
	}
	next, ok := pm.index.startAt(k)
	if !ok {
		return false
	}
	n := pm.Mentions[next]
	return len(n.Words) >= 2 && n.Role == nil && n.Form != Name
}

// placeEvidence reads what marks a one-word name as a place's: a known
// place or country after "in", "from", "near" or "at".
func (a *analysis) placeEvidence(m *Mention, ev *evidence) {
	if len(m.Words) != 1 {
		// A name of several words that is a known place or country:
		// Hong Kong, New Zealand.
		if name := a.joinWords(m.Words, m.Name()); isKnownPlace(name) {
			ev.add(&ev.place, "a known place")
		}
		return
	}
	w := m.Words[0]
	if a.wordSurnames[w] && placeClass(w) != 1 && countryNames[w] == "" {
		return // the surname of someone the article names in full (Hillary Clinton … to Clinton)
	}
	if placeClass(w) == 1 || countryNames[w] != "" {
		ev.add(&ev.place, "a country, a capital or a large city")
		ev.bigPlace = true
	}
	if a.placePreposition(int(m.FirstToken)) && isKnownPlace(w) {
		ev.add(&ev.place, "a known place, after “"+a.Lower(int(m.FirstToken)-1)+"”")
	}
}

// nameEvidence records why a name that is not a person's was taken as an
// organisation's or a place's (findOtherNames decided it).
func (a *analysis) nameEvidence(m *Mention, ev *evidence) {
	if m.Kind == KindOrganisation {
		ev.add(&ev.org, a.whyOf(m))
	} else {
		ev.add(&ev.place, a.whyOf(m))
	}
}

// findOtherNames finds the names of organisations and places that are not
// mentions of people: runs of capitalised words (joined by "of", "and",
// "&", "for", "de") that end in a legal form, hold a word that ends the
// names of organisations (Bank, Group, Securities) or places (River,
// Street), are a known organisation, or are a known place or country.
func (a *analysis) findOtherNames(pm *Model) {
	covered := make([]bool, len(a.Tokens)+1)
	for _, m := range pm.Mentions {
		for k := int(m.FirstToken); k < int(m.EndToken); k++ {
			covered[k] = true
		}
	}
	// Room for the other names of an ordinary article: a mention is
	// large, and growing the list from one would copy it four times.
	found := make([]Mention, 0, 8)
	for _, s := range a.Sentences {
		for i := int(s.FirstToken); i < int(s.EndToken); {
			end := a.capRun(i, int(s.EndToken), covered)
			if end == i {
				i++
				continue
			}
			if m, ok := a.otherName(i, end); ok {
				found = append(found, m)
			}
			i = end
		}
	}
	if len(found) == 0 {
		return
	}
	pm.Mentions = mergeMentions(pm.Mentions, found)
}

// capRun returns the end of the run of capitalised words at token i that
// no mention covers; joiners stand inside a run only between capitalised
// words.
func (a *analysis) capRun(i, end int, covered []bool) int {
	j := i
	for j < end && !covered[j] {
		switch {
		case a.IsCapWord(j):
			j++
			continue
		case j > i && j+1 < end && a.IsCapWord(j+1) && !covered[j+1]:
			switch a.Lower(j) {
			case "of", "and", "&", "for", "de", "du", "des", "la", "le", "del", "di":
				j++
				continue
			}
		}
		break
	}
	// A run does not end in a joiner.
	for j > i && !a.IsCapWord(j-1) {
		j--
	}
	return j
}

// otherName classifies the capitalised run [i, end): an organisation, a
// place, or nothing newslint can tell.
func (a *analysis) otherName(i, end int) (Mention, bool) {
	// Leading words that open sentences, name days, months, titles or
	// groups of people, or modify the name, are not part of it ("The
	// Halvorsen Group", "On Monday", "Shares of …", "Lagos-based").
	for i < end && (!a.IsCapWord(i) || nonName(a.Tok(i)) && !nameOpeners[a.Tok(i)] || a.titleStart(i) || hyphenModifier(a.Tok(i))) {
		i++ // "Shares of Brightwater Capital": "Shares of" is not the name
	}
	// A run that ends in a title is a role ("Saudi Energy Minister").
	for end > i && (!a.IsCapWord(end-1) || a.titleStart(end-1)) {
		if a.titleStart(end - 1) {
			return Mention{}, false
		}
		end--
	}
	if i >= end {
		return Mention{}, false
	}
	if end-i == 1 && (orgHeads[a.Tok(i)] || placeHeads[a.Tok(i)]) && !isKnownOrg(a.Tok(i)) {
		return Mention{}, false // "Oil prices rose": a common noun
	}
	// The words go in nameRun's buffer (most runs name nothing); a name
	// found keeps a copy.
	words := a.runWords[:0]
	for k := i; k < end; k++ {
		w, _ := article.StripPossessive(a.Tok(k))
		words = append(words, w)
	}
	a.runWords = words[:0]
	name := a.joinWords(words, article.Span{Start: a.Tokens[i].Start(), End: a.Tokens[end-1].End()})
	last := words[len(words)-1]
	kind, why := KindUnknown, ""
	switch form := a.legalFormAt(end); {
	case form != "":
		kind, why = KindOrganisation, "legal form “"+form+"”"
	case isKnownOrg(name):
		kind, why = KindOrganisation, knownOrgWhy(knownOrg(name))
	case hasAny(words, orgHeads):
		kind, why = KindOrganisation, "a word of organisations' names"
	case placeHeads[last] && len(words) > 1:
		kind, why = KindPlace, "a word of places' names"
	case countryNames[name] != "":
		kind, why = KindPlace, "a country"
	default:
		if c := placeClass(name); c > 0 && (len(words) > 1 || c <= 2 || a.placePreposition(i)) && !(len(words) == 1 && a.wordSurnames[name]) {
			kind, why = KindPlace, "a known place"
		}
	}
	if kind == KindUnknown {
		return Mention{}, false
	}
	m := a.mention(Name, i, i, end, slices.Clone(words))
	a.trimPossessive(&m)
	m.Kind, m.why = kind, a.whyIndex(why)
	return m, true
}

// placePreposition reports whether the word before token i puts a place
// after it ("in", "from", "near").
func (a *analysis) placePreposition(i int) bool {
	switch a.Lower(i - 1) {
	case "in", "from", "near", "outside", "at", "to":
		return true
	}
	return false
}

func hasAny(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// mergeMentions merges two lists of mentions, each in text order (on one
// first token, y's before x's), into x from the back: x usually has the
// room already (findMentions sizes it generously), and a mention is too
// large to copy into a second list.
func mergeMentions(x, y []Mention) []Mention {
	x = slices.Grow(x, len(y))
	i, j := len(x)-1, len(y)-1
	x = x[:len(x)+len(y)]
	for k := len(x) - 1; j >= 0; k-- {
		if i >= 0 && x[i].FirstToken >= y[j].FirstToken {
			x[k] = x[i]
			i--
		} else {
			x[k] = y[j]
			j--
		}
	}
	return x
}

// groupOtherNames makes an entity of each distinct organisation or place
// name.
func (pm *Model) groupOtherNames() {
	byName := map[string]int{}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Form != Name {
			continue
		}
		name := pm.nameOf(m)
		id, ok := byName[name]
		if !ok {
			id = len(pm.Entities)
			pm.Entities = append(pm.Entities, Entity{ID: id, Name: name, words: m.Words})
			byName[name] = id
		}
		m.Entity = int32(id)
	}
}

// placeNouns are common nouns for kinds of place: a list they head
// ("states like Texas, Alabama and Ohio") names places.
var placeNouns = setOf(`state country city town nation province region county district capital village suburb territory
island continent municipality borough neighborhood neighbourhood`)

// ThingListAt reports whether token k of art, a capitalised word, stands
// in a list of examples that a plural noun for places or organisations
// heads ("states like Texas, Alabama, Tennessee and Oklahoma", "companies
// such as Tinder and Uber", "cities, including Reno"): those name
// places and organisations, not people. Lists headed by anything else
// ("candidates like Cruz", "conservatives such as Lee") are not read.
func ThingListAt(art *article.Article, k int) bool {
	if !art.IsCapWord(k) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-40; j-- {
		switch lw := art.Lower(j); {
		case art.IsPunct(j, ","), lw == "and", lw == "or", art.IsCapWord(j):
			continue
		case lw == "like" || lw == "including":
			return thingPlural(art, j-1) || art.IsPunct(j-1, ",") && thingPlural(art, j-2)
		case lw == "as" && art.Lower(j-1) == "such":
			return thingPlural(art, j-2) || art.IsPunct(j-2, ",") && thingPlural(art, j-3)
		default:
			return false
		}
	}
	return false
}

// thingPlural reports whether token k is the plural of a noun for a
// place or an organisation ("states", "countries", "companies").
func thingPlural(art *article.Article, k int) bool {
	if k < 0 || !art.IsWord(k) || art.IsCapWord(k) && !art.SentenceStart(k) {
		return false
	}
	w := art.Lower(k)
	for _, sg := range [...]string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "ies") + "y"} {
		if len(sg) < len(w) && (placeNouns[sg] || orgNouns[sg]) {
			return true
		}
	}
	return false
}
