package people

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/newslint/newslint/article"
)

// isNameWord reports whether token i may be part of a person's name. The
// answer is kept in the token's flags: name runs are read from many
// places, and each would otherwise look the word up again. (It depends
// on wordSurnames, so it is first asked once findWordSurnames has run.)
func (a *analysis) isNameWord(i int) bool {
	if !a.IsCapWord(i) {
		return false
	}
	f := a.tokFlags[i]
	if f&flagNameKnown == 0 {
		f |= flagNameKnown
		if a.nameWord(i) {
			f |= flagNameWord
		}
		a.tokFlags[i] = f
	}
	return f&flagNameWord != 0
}

// nameWord is isNameWord, worked out.
func (a *analysis) nameWord(i int) bool {
	w, _ := article.StripPossessive(a.Tok(i))
	if a.wordSurnames[w] {
		return true // Theresa May, then May; Jen Jordan, then Jordan
	}
	if nonName(w) || article.IsAllCaps(w) && utf8.RuneCountInString(w) > 3 || isLegalForm(w) && w != "Co" {
		return false
	}
	// The flags say whether the word as written is a speech verb; only
	// a possessive is looked up without its 's.
	if f := a.tokFlags[i]; f&flagSpeechVerb != 0 {
		return false
	} else if f&flagPossessive != 0 {
		if _, verb := speechVerbs[a.lowerBase(i)]; verb {
			return false
		}
	}
	return a.tokFlags[i]&flagCountry == 0
}

// isInitial reports whether tokens i, i+1 are an initial and its full stop
// ("J." in "J. R. Smith").
func (a *analysis) isInitial(i, end int) bool {
	if i+1 >= end || !a.IsCapWord(i) || utf8.RuneCountInString(a.Tok(i)) != 1 {
		return false
	}
	return a.IsPunct(i+1, ".")
}

// initial returns the initial at token j with its full stop ("J."): the
// text itself when the stop follows at once, as it does.
func (a *analysis) initial(j int) string {
	t, stop := a.Tokens[j], a.Tokens[j+1]
	if w := a.Tok(j); stop.Start() != t.End() || a.Src.Text[t.Start():t.End()] != w {
		return w + "."
	}
	return a.Src.Text[t.Start():stop.End()]
}

// nameRun reads a run of name words from token i: capitalised words,
// initials and particles between them. It returns the token after the run
// and the words (possessive removed), in a buffer the next call reuses: a
// caller that keeps them keeps a copy (most runs are read and dropped).
func (a *analysis) nameRun(i, end int) (int, []string) {
	words := a.runWords[:0]
	j := i
	for j < end {
		if a.isInitial(j, end) && a.IsCapWord(j+2) {
			words = append(words, a.initial(j))
			j += 2
			continue
		}
		if a.isNameWord(j) {
			w, poss := article.StripPossessive(a.Tok(j))
			// A title does not start a name ("U.S. Spokesman"), unless
			// the article uses it as a surname ("Nora King … King has").
			// (A word not flagged as a title's first word, unless
			// possessive, is no title of one word.)
			if (len(words) == 0 || allInitials(words)) && a.tokFlags[j]&(flagTitleStart|flagPossessive) != 0 && !a.wordSurnames[w] {
				if _, title := titleClasses[a.lowerBase(j)]; title {
					words = words[:0]
					j = i
					break
				}
			}
			words = append(words, w)
			j++
			if poss {
				break
			}
			continue
		}
		// A particle, in lower case or opening with a capital ("de",
		// "De"; the list is in lower case).
		if len(words) > 0 && j+1 < end && a.tokFlags[j]&flagParticle != 0 && (a.Tok(j) == a.Lower(j) || a.IsCapWord(j)) && a.isNameWord(j+1) {
			words = append(words, a.Tok(j))
			j++
			continue
		}
		break
	}
	a.runWords = words[:0] // the buffer, grown, for the next run
	// A run may not end in a particle.
	for len(words) > 0 && particles[words[len(words)-1]] {
		words = words[:len(words)-1]
		j--
	}
	// Initials alone ("U.S") are not a name.
	long := false
	for _, w := range words {
		if utf8.RuneCountInString(strings.TrimSuffix(w, ".")) > 1 {
			long = true
		}
	}
	if !long {
		return i, nil
	}
	return j, words
}

// findWordSurnames finds the surnames that are also months, days or
// countries (Theresa May, Brian March, Jen Jordan): such a word right after
// a first name that is mostly a given name, and, for a country, on the
// census list of surnames. In that article the word may be the person's
// surname wherever it stands.
func (a *analysis) findWordSurnames() {
	for i := 1; i < len(a.Tokens); i++ {
		if a.tokFlags[i]&flagCapital == 0 || a.tokFlags[i-1]&flagCapital == 0 {
			continue
		}
		w, _ := article.StripPossessive(a.Tok(i))
		title := titles[w] && surnameClass(w) != 0
		if !calendar[w] && !title && (a.tokFlags[i]&flagCountry == 0 && !isKnownPlace(w) || surnameClass(w) == 0) {
			continue
		}
		// A month, a day or a title must follow a word that is mostly a
		// given name ("Brian March", "Larry King", not "Rich March"); a
		// country that is also a surname may follow any given name ("Sen.
		// Jen Jordan").
		if known, mostly, _ := givenName(a.Tok(i - 1)); (mostly || known && !calendar[w] && !title) && !(weekdays[w] && a.usedAsDay(w)) {
			if a.wordSurnames == nil {
				a.wordSurnames = map[string]bool{}
			}
			a.wordSurnames[w] = true
		}
	}
}

// weekdays are the days of the week.
var weekdays = setOf("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

// usedAsDay reports whether the article uses weekday w as a day ("on
// Monday", "last Friday", "Monday morning"): then "Morning Joe Monday",
// "told Fox's Joe Tuesday" name no one Monday. The article is read once
// per weekday asked about (a weekday after a given name), whatever the
// number of times it is asked.
func (a *analysis) usedAsDay(w string) bool {
	if used, ok := a.daysUsed[w]; ok {
		return used
	}
	if a.daysUsed == nil {
		a.daysUsed = map[string]bool{}
	}
	used := a.readsAsDay(w)
	a.daysUsed[w] = used
	return used
}

// readsAsDay is usedAsDay, worked out.
func (a *analysis) readsAsDay(w string) bool {
	for i := 1; i < len(a.Tokens); i++ {
		if t, _ := article.StripPossessive(a.Tok(i)); t != w {
			continue
		}
		switch a.Lower(i - 1) {
		case "on", "last", "next", "this", "since", "until", "by", "late", "early":
			return true
		}
		switch a.Lower(i + 1) {
		case "morning", "afternoon", "evening", "night":
			return true
		}
	}
	return false
}

// findUsedPlaces finds the one-word names the article itself uses as
// places: a place the data know, after "in", "from" or "near"
// (placeOpeners: "won in Vermont"), and the region after such a place and
// a comma ("in Worcester, Massachusetts,", "from Aurora, Colorado."),
// which the data need not know. One name keeps one sense in an article:
// "Vermont" is the state in "his neighbouring state, Vermont," too. The
// surname of someone the article names in full (Hillary Clinton, Jen
// Jordan) is no place.
func (a *analysis) findUsedPlaces() {
	for i := 1; i < len(a.Tokens); i++ {
		if a.tokFlags[i]&flagCapital == 0 || a.IsCapWord(i+1) || a.IsCapWord(i-1) {
			continue
		}
		w, poss := article.StripPossessive(a.Tok(i))
		if poss || a.wordSurnames[w] || a.InQuote(i) {
			continue
		}
		used := false
		switch prev := a.Lower(i - 1); {
		case placeOpeners[prev]:
			used = isKnownPlace(w)
		case prev == ",":
			// "in Worcester, Massachusetts": a known place after "in",
			// "from" or "near" before the comma, and the region's name
			// ends the phrase.
			used = a.placeBefore(i-2) && (i+1 == len(a.Tokens) || a.Tokens[i+1].Kind == article.Punct && !a.IsPunct(i+1, "'"))
		}
		if used {
			if a.usedPlaces == nil {
				a.usedPlaces = map[string]bool{}
			}
			a.usedPlaces[w] = true
		}
	}
}

// placeBefore reports whether token k ends a place's name of one to three
// capitalised words that the data know and "in", "from" or "near" opens
// ("in Worcester", "from Park Ridge").
func (a *analysis) placeBefore(k int) bool {
	if !a.IsCapWord(k) {
		return false
	}
	for j := k; j > k-3 && j > 0 && a.IsCapWord(j); j-- {
		if placeOpeners[a.Lower(j-1)] {
			name := a.Text(article.Span{Start: a.Tokens[j].Start(), End: a.Tokens[k].End()})
			return isKnownPlace(name) && !a.wordSurnames[name]
		}
	}
	return false
}

// placeOpeners are the prepositions after which a name the data know as a
// place is one ("won in Vermont", "a nurse from Aurora"); not "to" or
// "at" ("talked to Lincoln", "a lawyer at Baker").
var placeOpeners = setOf("in from near outside across throughout")

// findMentions reads every sentence for person mentions.
func (a *analysis) findMentions(pm *Model, lowerWords *WordSet) {
	a.findWordSurnames()
	a.findUsedPlaces()
	// Mentions are large (96 bytes); the table is sized from the
	// pronouns and two in five of the capitalised words (a name takes one
	// to three of them, and many are no one's): on the dev set, room for
	// 1.3 times the mentions found, other names included, and outgrown by
	// one article in thirteen.
	pronouns, capitals := 0, 0
	for _, f := range a.tokFlags {
		switch {
		case f&flagPronoun != 0:
			pronouns++
		case f&flagCapital != 0:
			capitals++
		}
	}
	n := pronouns + 2*capitals/5 + 4
	if n*int(unsafe.Sizeof(Mention{})) > 1<<20 {
		// A big table is memory the process takes fresh from the system,
		// whose pages nothing touches until a mention is written: room
		// for half the capitalised words costs nothing where it is not
		// filled, and spares the copy of the whole table into fresh pages
		// near the end (a 10 MB article: 173,000 mentions against 168,000
		// estimated).
		n = pronouns + capitals/2 + 4
	}
	pm.Mentions = make([]Mention, 0, n)
	for _, s := range a.Sentences {
		for i := int(s.FirstToken); i < int(s.EndToken); {
			// Most tokens start no mention: punctuation, and lower-case
			// words that are neither pronouns nor the start of a role.
			if f := a.tokFlags[i]; a.Tokens[i].Kind != article.Word || f&(flagPronoun|flagCapital) == 0 && !a.mayStartRole(i) {
				i++
				continue
			}
			m, next, ok := a.mentionAt(i, s, lowerWords)
			if ok {
				if len(pm.Mentions) == cap(pm.Mentions) {
					pm.Mentions = article.GrowAt(pm.Mentions, i, len(a.Tokens))
				}
				pm.Mentions = append(pm.Mentions, m)
			}
			i = next
		}
	}
}

// mention builds a mention of tokens [first, end) whose name runs from
// token nameStart (no name when nameStart is end).
func (a *analysis) mention(form Form, first, nameStart, end int, words []string) Mention {
	t := a.Tokens[first]
	sent := a.SentenceOf(first)
	m := Mention{Span32: article.Span32Of(article.Span{Start: t.Start(), End: a.Tokens[end-1].End()}), Form: form, Words: words,
		Para: a.Sentences[sent].Para, Sent: int32(sent), Quote: int32(a.QuoteOf(first)), FirstToken: int32(first), EndToken: int32(end)}
	if nameStart < end {
		m.name = article.Span32Of(article.Span{Start: a.Tokens[nameStart].Start(), End: a.Tokens[end-1].End()})
	}
	return m
}

// mentionAt reads the mention that starts at token i of sentence s, if
// there is one, and returns the token to read on from: a pronoun, a title
// or role with or without a name, an honorific and a name, or a name.
func (a *analysis) mentionAt(i int, s article.Sentence, lowerWords *WordSet) (Mention, int, bool) {
	if a.Tokens[i].Kind != article.Word {
		return Mention{}, i + 1, false
	}
	f := a.tokFlags[i]
	if f&flagPronoun != 0 {
		m := a.mention(Pronoun, i, i+1, i+1, nil)
		m.setGender(pronounGender[a.Lower(i)])
		return m, i + 1, true
	}
	if r, next, ok := a.parseRole(i, int(s.EndToken)); ok {
		if m, cont, emit := a.roleMention(r, i, next, int(s.EndToken)); cont >= 0 {
			return m, cont, emit
		}
	}
	if f&flagCapital == 0 {
		return Mention{}, i + 1, false // honorifics and names are capitalised
	}
	if f&flagHonorific != 0 {
		if m, next, ok := a.honorificMention(i, s); ok {
			return m, next, true
		}
	}
	return a.nameMention(i, s, lowerWords)
}

// roleMention reads what follows a role starting at token i and ending
// before next: "President Ana Lis", "First Minister of Scotland Nicola
// Sturgeon", "the 47-year-old Smith", or a role phrase alone ("the
// Belarus President"). cont is -1 when the role makes no mention.
func (a *analysis) roleMention(r Role, i, next, end int) (m Mention, cont int, emit bool) {
	if r.Class != "" && next < end {
		if m, ok := a.roleOfName(r, i, next, end); ok {
			return m, int(m.EndToken), true
		}
	}
	if nameEnd, words := a.nameRun(next, end); len(words) > 0 {
		words = slices.Clone(words)
		kind := TitledName
		if r.Class == "" {
			// "the 47-year-old Smith": an age, not a title
			kind = FullName
			if len(words) == 1 {
				kind = Surname
			}
		}
		rr := r
		m := a.mention(kind, i, next, nameEnd, words)
		m.Role, m.Introduced = &rr, true
		if r.Age > 0 {
			m.Age = int32(r.Age)
		}
		a.trimPossessive(&m)
		a.appositive(&m, end)
		return m, nameEnd, true
	}
	if r.Class == "" && r.Age == 0 || !definite(a.Lower(i)) && !a.afterPossessive(i) {
		return Mention{}, -1, false
	}
	if r.Class != "" && r.Country == "" && r.Qualifier == "" && r.Class == "leader" && r.Age == 0 {
		return Mention{}, -1, false // "the leader" alone is nobody in particular
	}
	if _, poss := article.StripPossessive(a.Lower(next - 1)); !poss && modifiesNoun(a.Article, next) {
		return Mention{}, -1, false // "the general election", "the delegate count"
	}
	if a.IsPunct(next, ",") {
		if _, words := a.nameRun(next+1, end); len(words) > 0 {
			// "The Conservative candidate, Mark Hollis,": the role
			// introduces the name after it and refers to nobody before.
			return Mention{}, next, false
		}
	}
	rr := r
	m = a.mention(RolePhrase, i, next, next, nil)
	m.Role = &rr
	return m, next, true
}

// roleOfName reads "First Minister of Scotland Nicola Sturgeon", "speaker
// of the parliament Ali Larijani": the name is the last words of what
// follows "of", "to" or "for".
func (a *analysis) roleOfName(r Role, i, next, end int) (Mention, bool) {
	if w := a.Lower(next); w != "of" && w != "to" && w != "for" || r.Class == "relative" {
		// "the daughter of former Vice President Dick Cheney": a
		// relative of the one named, not the one named.
		return Mention{}, false
	}
	ns, ne := a.trailingName(next+1, end)
	if ne <= ns {
		return Mention{}, false
	}
	nameEnd, words := a.nameRun(ns, ne)
	if nameEnd != ne || len(words) < 2 {
		return Mention{}, false
	}
	words = slices.Clone(words)
	// The name must stand apart from what the role is of: after the
	// place or body ("of Scotland Nicola Sturgeon", "of the parliament
	// Ali Larijani"), or be a person's by its given name. "President of
	// Advanced Voice" is of a company, and names nobody.
	if known, mostly, _ := givenName(words[0]); (!known || !mostly) && (ns == next+1 || !a.IsCapWord(ns-1) && !a.IsPunct(ns-1, ".")) {
		return Mention{}, false
	}
	rr := r
	rr.Span = article.Span{Start: a.Tokens[i].Start(), End: a.Tokens[ns-1].End()}
	rr.Text = a.Text(rr.Span)
	if rr.Qualifier == "" && rr.Country == "" && ns-1 > next && a.IsCapWord(ns-1) {
		// "Minister of Finance Karl Berg": the department qualifies the
		// office.
		if code := countryNames[a.Tok(ns-1)]; code != "" {
			rr.Country = code
		} else {
			rr.Qualifier = a.Lower(ns - 1)
		}
	}
	m := a.mention(TitledName, i, ns, nameEnd, words)
	m.Role, m.Introduced = &rr, true
	a.trimPossessive(&m)
	a.appositive(&m, end)
	return m, true
}

// honorificMention reads an honorific and a name: "Mr. Smith", "Dr Jane
// Roe".
func (a *analysis) honorificMention(i int, s article.Sentence) (Mention, int, bool) {
	g, ok := honorifics[a.Lower(i)]
	if !ok || !a.IsCapWord(i) {
		return Mention{}, 0, false
	}
	j := i + 1
	if a.IsPunct(j, ".") {
		j++
	}
	nameEnd, words := a.nameRun(j, int(s.EndToken))
	if len(words) == 0 {
		return Mention{}, 0, false
	}
	words = slices.Clone(words)
	m := a.mention(Honorific, i, j, nameEnd, words)
	m.setGender(g)
	a.trimPossessive(&m)
	a.introducedBefore(&m, int(s.FirstToken))
	a.officeBefore(&m, int(s.FirstToken))
	a.appositive(&m, int(s.EndToken))
	return m, nameEnd, true
}

// nameMention reads a name at token i: a run of capitalised words that is
// plausibly a person's name, less an opening adverb or an occupation
// before it, with what introduces it around it.
func (a *analysis) nameMention(i int, s article.Sentence, lowerWords *WordSet) (Mention, int, bool) {
	if i > int(s.FirstToken) && a.tokFlags[i-1]&flagCapital != 0 && placePrefixes[a.Tok(i-1)] ||
		i-1 > int(s.FirstToken) && a.IsPunct(i-1, ".") && placeAbbreviations[a.Tok(i-2)] {
		// "South Carolina Saturday", "New Jersey Gov.", "St. Paul": the
		// rest of a place's name, whatever the name data say of
		// "Carolina" or "Paul".
		return Mention{}, i + 1, false
	}
	nameEnd, words := a.nameRun(i, int(s.EndToken))
	if len(words) == 0 {
		return Mention{}, i + 1, false
	}
	if len(words) > 4 || !a.plausibleName(i, nameEnd, words, lowerWords) {
		return Mention{}, nameEnd, false
	}
	words = slices.Clone(words)
	if nameEnd < int(s.EndToken) && generational[a.Tok(nameEnd)] {
		// "Robert Downey Jr.": the suffix belongs to the mention, not to
		// the name's words.
		nameEnd++
		if a.IsPunct(nameEnd, ".") && nameEnd < int(s.EndToken)-1 {
			nameEnd++
		}
	}
	nameStart, spanStart := i, i
	if len(words) >= 2 && a.SentenceStart(i) {
		// "Afterwards Trump", "Previously Redstone": an adverb or an
		// ordinary word opening the sentence is not a first name (but
		// "Emily", "Carly" and "Billy" are).
		w := words[0]
		known, _, _ := givenName(w)
		if lowerWords.HasLower(w) || !known && (hasSuffixFold(w, "ly") || hasSuffixFold(w, "wards")) {
			words = words[1:]
			nameStart, spanStart = i+1, i+1
		}
	}
	if len(words) >= 2 && nameStart == i && a.SentenceStart(i) && clauseVerbs[strings.ToLower(words[0])] && a.isQuestion(s) {
		// "Does Marco Rubio stand a chance?", "Will Trump win?": the
		// auxiliary a question opens with, not a first name ("Will Smith
		// said" asks nothing).
		words = words[1:]
		nameStart, spanStart = i+1, i+1
	}
	if len(words) >= 2 && nameStart == i && a.SentenceStart(i) && gerund(words[0]) && !a.nextIsSpeechVerb(nameEnd) {
		// "Debating Clinton's character", "Replacing Inco": a verb
		// opening a sentence or a headline is no first name (mid-sentence
		// a capital says otherwise: "the Protecting Freedom Act", and so
		// does a speech verb after it: "Ziering Vance said").
		words = words[1:]
		nameStart, spanStart = nameStart+1, spanStart+1
	}
	described := false
	if len(words) >= 2 && (a.isOccupationWord(words[0]) || a.SentenceStart(i) && descriptorBeforeName(words)) {
		// "Doctors Michael Hershfield", "Voter Kitty Mak",
		// "Fifteen-year-old Robert": a description, then the name.
		words = words[1:]
		nameStart, described = i+1, true
	} else if len(words) >= 2 && hyphenModifier(words[0]) {
		// "Lagos-based Meridian Capital": a modifier, not a name, and
		// not an introduction either.
		words = words[1:]
		nameStart = i + 1
	}
	kind := FullName
	if len(words) == 1 {
		kind = Surname
	}
	m := a.mention(kind, i, nameStart, nameEnd, words)
	m.Span32 = article.Span32Of(article.Span{Start: a.Tokens[spanStart].Start(), End: m.End()})
	m.Quote = int32(a.QuoteOf(spanStart))
	m.Introduced, m.Described = described, described
	m.SentenceInitial = a.SentenceStart(i)
	a.trimPossessive(&m)
	a.introducedBefore(&m, int(s.FirstToken))
	// A lower-case title just before the name: "foreign minister Sergei
	// Lavrov", "drummer Mickey Hart".
	a.titleBefore(&m, int(s.FirstToken))
	a.kinBefore(&m, int(s.FirstToken))
	a.appositive(&m, int(s.EndToken))
	return m, nameEnd, true
}

// isQuestion reports whether sentence s ends with a question mark, before
// any closing quotation marks or brackets.
func (a *analysis) isQuestion(s article.Sentence) bool {
	t := strings.TrimRight(a.Src.Text[s.Start():s.End()], " \t\n\r\"'”’)]")
	return strings.HasSuffix(t, "?")
}

// kinBefore reads a kinship noun that a possessive opens, set off by a
// comma before a name of two words or more ("his daughter, Lena
// Brandt", "Trump's wife, Melania Trump"): the name is a relative's.
// The mention keeps its span and form; only its role says so.
func (a *analysis) kinBefore(m *Mention, sentStart int) {
	k := int(m.FirstToken) - 1
	if m.Role != nil || len(m.Words) < 2 || k-2 < sentStart || !a.IsPunct(k, ",") || titleClasses[a.Lower(k-1)] != "relative" {
		return
	}
	if w := a.Lower(k - 2); w != "his" && w != "her" && w != "their" {
		if _, poss := article.StripPossessive(a.Tok(k - 2)); !poss {
			return
		}
	}
	m.Role = &Role{Class: "relative", Text: a.Tok(k - 1), Span: a.Tokens[k-1].Span()}
	m.Introduced = true
}

// gerund reports whether w is a verb's -ing form and no given name or
// surname the data know ("Debating", not "Sterling", "Irving" or
// "Manning").
func gerund(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	known, _, _ := givenName(w)
	return !known && surnameClass(w) == 0
}

func allInitials(words []string) bool {
	for _, w := range words {
		if !strings.HasSuffix(w, ".") {
			return false
		}
	}
	return true
}

// hyphenModifier reports whether a word is a compound modifier whose last
// part is lower case: "Lagos-based", "Kremlin-backed", "Paris-born". It
// describes the name after it and is not part of it.
func hyphenModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || k == len(w)-1 {
		return false
	}
	r := w[k+1]
	return r >= 'a' && r <= 'z'
}

// descriptorBeforeName reports whether the first of the words opening a
// sentence is a description and the rest a name: "Pollster Hana
// Lindqvist", "Shopkeeper Ali Demir". The first word is neither a given
// name nor a surname, and a word that is mostly a given name follows it.
func descriptorBeforeName(words []string) bool {
	if len(words) < 3 {
		return false
	}
	if known, _, _ := givenName(words[0]); known || surnameClass(words[0]) != 0 {
		return false
	}
	_, mostly, _ := givenName(words[1])
	return mostly
}

// isOccupationWord reports whether a capitalised word is an occupation or
// description rather than a name: "Doctors", "Voter", "Co-author",
// "Fifteen-year-old".
func (a *analysis) isOccupationWord(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "-year-old") {
		return true
	}
	if _, ok := titleClasses[lw]; ok {
		return true
	}
	if strings.HasSuffix(lw, "s") {
		if _, ok := titleClasses[strings.TrimSuffix(lw, "s")]; ok {
			return true
		}
	}
	return false
}

// trailingName finds, in the few words after a title's "of" ("of the
// parliament Ali Larijani", "to the United Nations Nikki Haley"), the name
// at their end: the last run of two or three name words followed by
// punctuation or a verb. It returns the run's token range, or (0, 0).
func (a *analysis) trailingName(i, end int) (int, int) {
	// Skip lower-case words ("the parliament"), then take the first
	// capitalised run.
	j := i
	for j < end && j < i+4 && a.Tokens[j].Kind == article.Word && !a.IsCapWord(j) {
		j++
	}
	s := j
	for j < end && j < s+7 && (a.IsCapWord(j) || a.IsPunct(j, ".") && j > s && utf8.RuneCountInString(a.Tok(j-1)) == 1) {
		j++
	}
	if j-s < 2 {
		return 0, 0
	}
	// The name is the run's last two words (three with an initial).
	n := j - 2
	if n-1 >= s && a.IsPunct(n-1, ".") {
		n -= 2
	}
	for k := n; k < j; k++ {
		if !a.isNameWord(k) && !a.IsPunct(k, ".") {
			return 0, 0
		}
	}
	return n, j
}

// coordinate marks a name introduced when it is joined by "and" to an
// introduced name just before it ("Doctors Michael Hershfield and Rebecca
// Buckley").
func (a *analysis) coordinate(pm *Model) {
	for i := 1; i < len(pm.Mentions); i++ {
		m, pm := &pm.Mentions[i], &pm.Mentions[i-1]
		if m.Introduced || !pm.Introduced || int(pm.EndToken)+1 != int(m.FirstToken) || m.Form == Pronoun || pm.Form == Pronoun {
			continue
		}
		if w := a.Lower(int(pm.EndToken)); w == "and" || w == "or" || w == "&" {
			m.Introduced = true
		}
	}
}

// trimPossessive keeps "'s" out of a mention's span.
func (a *analysis) trimPossessive(m *Mention) {
	name := m.Name()
	if base, ok := article.StripPossessive(a.Src.Text[name.Start:name.End]); ok {
		name.End = name.Start + len(base)
		m.name = article.Span32Of(name)
		m.Span32 = article.Span32Of(article.Span{Start: m.Start(), End: name.End})
	}
}

// plausibleName rejects capitalised runs that are not people's names.
func (a *analysis) plausibleName(i, end int, words []string, lowerWords *WordSet) bool {
	// The run is followed by an organisation word ("Waste Management",
	// "Grateful Dead drummer" is fine); a generational suffix ends a
	// name ("Robert Downey Jr.").
	if end < len(a.Tokens) && a.IsCapWord(end) && !generational[a.Tok(end)] {
		return false
	}
	if len(words) == 1 {
		w := words[0]
		if utf8.RuneCountInString(w) < 2 || article.IsAllCaps(w) || a.usedPlaces[w] || IsDemonymPlural(w) {
			return false
		}
		// A sentence's first word that the article also writes in lower
		// case is an ordinary word ("Officials said").
		if lowerWords.HasLower(w) && a.SentenceStart(i) {
			return false
		}
		if lowerWords.HasLower(w) && !a.nextIsSpeechVerb(end) {
			return false
		}
		// "Apparently, that is not", "Fortunately, the rally": an adverb
		// opening a sentence, which the name data know as no one's name
		// (as for a name's first word after it: "Afterwards Trump").
		if a.SentenceStart(i) && (hasSuffixFold(w, "ly") || hasSuffixFold(w, "wards")) {
			if known, _, _ := givenName(w); !known && surnameClass(w) == 0 {
				return false
			}
		}
	}
	// A run after "of", "for" or "and" that follows the head word of an
	// organisation's or a place's name is part of that name ("University
	// of Missouri", "Bank of England").
	if i >= 2 {
		switch a.Lower(i - 1) {
		case "of", "for", "and", "&":
			if w := a.Tok(i - 2); orgHeads[w] || placeHeads[w] {
				return false
			}
		}
	}
	// A run right after "in", "at", "from", "to" names a place more often
	// than a person.
	if i > 0 {
		switch a.Lower(i - 1) {
		case "in", "at", "from", "to", "near", "into", "across", "throughout":
			// Unless the data know the word as a surname and not as a
			// place: "from Baker's remarks", "talked to Smith".
			if len(words) == 1 && a.Lower(i-2) != "according" && (surnameClass(words[0]) == 0 || isKnownPlace(words[0]) && !a.wordSurnames[words[0]]) {
				return false
			}
		}
	}
	return true
}

// officeBefore attaches to an honorific mention the office standing before
// it: "Foreign Minister Mr. Lavrov", "Undersecretary for Education Mr.
// Toccafondi" (a title, then "for" or "of" and a department).
func (a *analysis) officeBefore(m *Mention, sentStart int) {
	k := int(m.FirstToken) - 1
	for k >= sentStart && k >= int(m.FirstToken)-4 && a.IsCapWord(k) && !a.titleStart(k) {
		k-- // the department's words
	}
	if k < int(m.FirstToken)-1 {
		if w := a.Lower(k); w != "for" && w != "of" {
			return
		}
		k--
	}
	for from := k; from >= sentStart && from >= k-3; from-- {
		if r, next, ok := a.parseRole(from, k+1); ok && next == k+1 && r.Class != "" {
			rr := r
			rr.Span = article.Span{Start: a.Tokens[from].Start(), End: a.Tokens[int(m.FirstToken)-1].End()}
			rr.Text = a.Text(rr.Span)
			m.Role, m.Introduced = &rr, true
			return
		}
	}
}

// titleBefore attaches a lower-case title standing just before the name.
func (a *analysis) titleBefore(m *Mention, sentStart int) {
	for k := int(m.FirstToken) - 1; k >= sentStart && k >= int(m.FirstToken)-5; k-- {
		if a.Tokens[k].Kind != article.Word {
			return
		}
		if r, next, ok := a.parseRole(k, int(m.FirstToken)); ok && next == int(m.FirstToken) {
			if r.Class == "" {
				return
			}
			rr := r
			m.Role = &rr
			m.Introduced = true
			if m.Form == FullName || m.Form == Surname {
				m.Form = TitledName
			}
			m.Span32 = article.Span32Of(article.Span{Start: a.Tokens[k].Start(), End: m.End()})
			m.FirstToken = int32(k)
			return
		}
	}
}

// functionWords end in -er, -or, -ent... without naming an occupation.
var functionWords = setOf("after under other over never for or whether either neither per later ever however rather together further former latter remember number order corner paper water winter summer better greater power letter matter border center centre sector factor major minor prior floor door poor superior junior senior behavior behaviour error mirror want important significant different current recent percent went sent spent meant event student moment statement government agreement parliament department management development investment content president incident accident independent permanent apparent urgent silent ancient consent intent extent comment element payment treatment environment requirement settlement movement employment equipment announcement argument document instrument segment fragment monument sentiment experiment establishment enforcement assessment achievement commitment")

// isOccupation reports whether a lower-case word names an occupation or a
// role: a known title, or a word shaped like one (astrophysicist,
// filmmaker, counselor, historian).
func isOccupation(w string) bool {
	if _, ok := titleClasses[w]; ok {
		return true
	}
	if functionWords[w] || len(w) < 6 || isCalendarLower(w) {
		return false // September, October: not occupations
	}
	for _, suf := range []string{"ist", "er", "or", "ian", "eer"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// introducedBefore marks a name introduced by what stands before it: an
// organisation ("Amnesty International Man-kei Tam", "BBC's Jonathan
// Marcus"), an occupation ("astrophysicist David Spergel") or a role placed
// before a comma ("A member of the Tunisian Parliament, Samir Dilou").
func (a *analysis) introducedBefore(m *Mention, sentStart int) {
	k := int(m.FirstToken) - 1
	if k < sentStart {
		return
	}
	t := a.Tokens[k]
	w := a.Tok(k)
	if stem, poss := article.StripPossessive(w); poss && isKnownPlace(stem) {
		return // "Boston's Ida Wren": where someone is from, not who they are
	}
	switch {
	case t.Kind == article.Word && a.IsCapWord(k) && !a.SentenceStart(k) && !a.isNameWord(k) && len(m.Words) > 1:
		if a.tokFlags[k]&flagSpeechVerb == 0 {
			m.Introduced = true
		}
	case t.Kind == article.Word && (w == "named" || w == "called" || w == "identified"):
		m.Introduced = true
	case t.Kind == article.Word && len(m.Words) > 1 || t.Kind == article.Word && !a.IsCapWord(k):
		lw := a.Lower(k)
		if _, poss := article.StripPossessive(w); poss && len(m.Words) > 1 {
			m.Introduced = true
		} else if isOccupation(lw) {
			m.Introduced, m.Described = true, true
		} else if k > sentStart && !a.IsCapWord(k) {
			// "an attendee Om Prakash", "his wife Mary"
			if w := a.Lower(k - 1); determiners[w] || w == "our" {
				m.Introduced = true
			}
		}
	case t.Kind == article.Punct && w == ",":
		for j := k - 1; j >= sentStart && j >= k-20; j-- {
			if a.Tokens[j].Kind == article.Punct && strings.Contains(".!?;“”\"", a.Tok(j)) {
				if a.Tok(j) == "." && j > 0 && utf8.RuneCountInString(a.Tok(j-1)) == 1 {
					continue // U.S.
				}
				break
			}
			if isOccupation(a.Lower(j)) {
				m.Introduced, m.Described = true, true
				return
			}
		}
	}
}

// affiliationAt reports whether an affiliation starts at token i: "from",
// "of", "at" or "with", then (after "the") a capitalised name.
func (a *analysis) affiliationAt(i int) bool {
	switch a.Lower(i) {
	case "from", "of", "at", "with":
	default:
		return false
	}
	if a.Lower(i+1) == "the" {
		i++
	}
	return a.IsCapWord(i+1) && !calendar[a.Tok(i+1)]
}

// clauseOpeners open a clause after a name's comma: what follows is no
// description of the name.
var clauseOpeners = setOf("where when which that while whereas because if")

// appositive reads what follows a name: ", the prime minister,", ", 45,",
// ", GM's chief executive", " of Montgomery Securities", ", who".
func (a *analysis) appositive(m *Mention, end int) {
	i := int(m.EndToken)
	if i >= end {
		return
	}
	// "members of Scientology, who helped her": after "of", what follows
	// describes the head before it, not the name.
	afterOf := a.Lower(int(m.FirstToken)-1) == "of"
	if (a.Lower(i) == "of" || (a.Lower(i) == "from" || a.Lower(i) == "at") && a.IsCapWord(i+1)) && (len(m.Words) > 1 || m.Role != nil || m.Form == Honorific) {
		// "Tom Murtha of brokerage James Capel", "Dole of Kansas"
		m.Introduced = true
		return
	}
	if a.IsPunct(i, "(") && i+1 < end && len(m.Words) > 1 {
		m.Introduced = true
		return
	}
	if !a.IsPunct(i, ",") || i+1 >= end {
		return
	}
	i++
	if a.Tokens[i].Kind == article.Number {
		if n, err := strconv.Atoi(a.Tok(i)); err == nil && n > 0 && n < 130 && (i+1 >= end || a.IsPunct(i+1, ",") || a.IsPunct(i+1, ".")) {
			m.Introduced, m.Described = true, !afterOf
			m.Age = int32(n)
			if m.Role == nil {
				m.Role = &Role{Age: n, Text: a.Tok(i), Span: a.Tokens[i].Span()}
			}
		}
		return
	}
	if a.affiliationAt(i) {
		// ", from the Harbour Trust", ", of Corvex Securities", ", at the
		// university"
		m.Introduced = true
		return
	}
	switch a.Lower(i) {
	case "who", "whose", "himself", "herself", "his", "her", "aged", "age":
		m.Introduced, m.Described = true, !afterOf
		return
	case "one", "both", "another", "its", "their", "our", "formerly", "now", "currently", "then", "also", "until", "once":
		m.Introduced = true
		return
	}
	if _, poss := article.StripPossessive(a.Tok(i)); poss {
		// ", Kodak's senior vice-president"
		m.Introduced, m.Described = true, !afterOf
		return
	}
	// ", commercial counselor for the Soviet Union,": an occupation within
	// the next few words, before the clause ends.
	for k := i; k < end && k < i+6; k++ {
		if a.Tokens[k].Kind == article.Punct || clauseOpeners[a.Lower(k)] {
			break // "St. Paul, Minnesota, where she visited a shelter"
		}
		if !a.IsCapWord(k) && isOccupation(a.Lower(k)) {
			m.Introduced, m.Described = true, !afterOf
			return
		}
	}
	if r, _, ok := a.parseRole(i, end); ok && (r.Class != "" || r.Age > 0) {
		rr := r
		if m.Role == nil || m.Role.Class == "" {
			m.Role = &rr
		}
		m.Introduced, m.Described = true, !afterOf
		return
	}
	// ", a 45-year-old teacher from Leeds," / ", an analyst at X" / ", head
	// of X": an article or a lower-case noun phrase ending in a comma or
	// the sentence counts as an introduction.
	switch a.Lower(i) {
	case "a", "an", "the":
		m.Introduced = true
	}
}

// afterPossessive reports whether token i follows "his", "her" or
// "their", or a possessive noun ("the senator's", "Harris's"): "her opponent",
// "his lawyer", "the senator's aide" is a role phrase for someone other
// than the possessor.
func (a *analysis) afterPossessive(i int) bool {
	if i == 0 || a.Tokens[i-1].Kind != article.Word {
		return false
	}
	switch a.Lower(i - 1) {
	case "his", "her", "their":
		return true
	}
	return a.tokFlags[i-1]&flagPossessive != 0
}
