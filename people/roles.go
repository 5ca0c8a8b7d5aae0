package people

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newslint/newslint/article"
)

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

// partyOf returns the party a role names with a capitalised adjective
// in its words or the two words just before them ("Republican" of "the
// Republican presidential nominee", "Democratic" of "U.S. Democratic
// presidential candidate Hillary Clinton"): "W" where the data know a "W
// Party". "" when it names none.
func (a *analysis) partyOf(r *Role) string {
	if r.Span.End <= r.Span.Start {
		return ""
	}
	first, last := a.TokenIndexAt(r.Span.Start), a.TokenIndexAt(r.Span.End-1)
	for k := max(0, first-2); k <= last && k < len(a.Tokens); k++ {
		if !a.IsCapWord(k) {
			continue
		}
		w, _ := article.StripPossessive(a.Tok(k))
		if knownOrg(w+" Party") == 'p' {
			return w
		}
	}
	return ""
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
		if m.Form != RolePhrase || m.Role == nil {
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
					// "the Republican presidential nominee" is not
					// "Democratic presidential nominee Hillary Clinton".
					if rp, hp := a.partyOf(m.Role), a.partyOf(&h); rp == "" || hp == "" || rp == hp {
						ok = true
						break
					}
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
			m.Entity = int32(cand)
			pm.Entities[cand].Mentions = append(pm.Entities[cand].Mentions, int32(i))
		}
	}
	for id := range pm.Entities {
		slices.Sort(pm.Entities[id].Mentions)
	}
}

// matchTitle finds the longest title starting at token i within the
// sentence [i, end); it returns the title's class and the token after it.
func (a *analysis) matchTitle(i, end int) (class string, next int) {
	if i >= end || a.Tokens[i].Kind != article.Word {
		return "", -1
	}
	if f := a.tokFlags[i]; f&flagTitleStart == 0 {
		// The flag is the lexicon's answer for the word as written; a
		// possessive ("the president's") is looked up without its 's.
		if first, _ := article.StripPossessive(a.Lower(i)); f&flagPossessive == 0 || !titleFirstWords[first] {
			return "", -1
		}
	}
	best, bestNext := "", -1
	// The phrase is built in a buffer on the stack and looked up as is
	// (indexing a map by string(bytes) copies nothing).
	var buf [64]byte
	phrase := buf[:0]
	for j, words := i, 0; j < end && words < 4; j++ {
		t := a.Tokens[j]
		if t.Kind == article.Punct {
			// An abbreviated title takes its full stop: Sen., Gov., Rep.,
			// Prof., Lt.
			if c, ok := titleClasses[string(phrase)]; ok && a.Tok(j) == "." && j > i && len(phrase) <= 4 && words == 1 {
				best, bestNext = c, j+1
			}
			if c, ok := abbreviatedTitles[string(phrase)]; ok && a.Tok(j) == "." && j == i+1 && a.IsCapWord(i) {
				best, bestNext = c, j+1
			}
			break
		}
		w := a.Lower(j)
		w, _ = article.StripPossessive(w)
		if words > 0 {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, w...)
		words++
		if c, ok := titleClasses[string(phrase)]; ok {
			best, bestNext = c, j+1
		}
	}
	return best, bestNext
}

// parseRole reads a role phrase starting at token i: an optional
// determiner or possessive, country or demonym words, qualifiers, and a
// title ("the Belarus President", "The Belarusian head of state", "GM's
// chief executive", "the 45-year-old", "the president of Belarus"). It
// returns the role and the token after it.
func (a *analysis) parseRole(i, end int) (Role, int, bool) {
	if i >= end || a.Tokens[i].Kind == article.Punct || !a.mayStartRole(i) {
		return Role{}, i, false
	}
	rp := &roleParser{a: a, start: i, i: i, end: end}
	if a.tokFlags[i]&flagDeterminer != 0 {
		rp.hasDet = true
		rp.i++
	}
	for rp.i < end {
		done, ok := rp.step()
		if done {
			return rp.r, rp.i, true
		}
		if !ok {
			break
		}
	}
	return rp.r, i, false
}

// mayStartRole rejects at once most tokens that cannot start a role. A
// capitalised start must be a title, a qualifier, a determiner, a country
// or a possessive, or stand before one of those ("Portland mayor",
// "Wikinews reporter"); a lower-case start must be a determiner, a
// qualifier, a title, an age or a possessive. It reads the token flags
// computed once per article (one look-up per token, not seven).
func (a *analysis) mayStartRole(i int) bool {
	f := a.tokFlags[i]
	if f&(flagPossessive|flagQualifier|flagTitleStart|flagAge) != 0 {
		return true
	}
	if f&flagCapital == 0 {
		return f&flagDeterminer != 0 && a.mayFollowDeterminer(i+1)
	}
	var next uint16
	if i+1 < len(a.tokFlags) {
		next = a.tokFlags[i+1]
	}
	if f&(flagCountry|flagDeterminer) == 0 && nonName(a.Tok(i)) {
		return false // "As President Obama announces …": a sentence's opener, no part of a title
	}
	return f&flagCountry != 0 || f&flagDeterminer != 0 && a.mayFollowDeterminer(i+1) || next&(flagTitleStart|flagQualifier) != 0
}

// mayFollowDeterminer rejects at once most words that cannot open a role
// after a determiner (the first step of roleParser): "the market", "a
// week". What may is an age, a title, a possessive, a country, a
// qualifier, a capitalised word, or the full stop or hyphen of "U.S."
// and "ex-".
func (a *analysis) mayFollowDeterminer(j int) bool {
	if j >= len(a.Tokens) {
		return false
	}
	if a.Tokens[j].Kind == article.Punct {
		w := a.Tok(j)
		return w == "." || w == "-" || w == "–"
	}
	return a.tokFlags[j]&(flagAge|flagTitleStart|flagPossessive|flagCountry|flagQualifier|flagCapital) != 0
}

// roleParser reads a role phrase word by word.
type roleParser struct {
	a             *analysis
	start, i, end int
	hasDet        bool
	quals         []string
	// nonTenure is set once a qualifier of the office itself is read
	// ("deputy", "federal"), not one of tenure (tenureQualifiers).
	nonTenure bool
	r         Role
}

// step reads one word of the role phrase: done when the phrase is
// complete (an age or a title was read), ok when it may go on.
func (rp *roleParser) step() (done, ok bool) {
	a, i := rp.a, rp.i
	t := a.Tokens[i]
	w := a.Tok(i)
	if t.Kind == article.Punct {
		// U.S., ex-
		if w == "." || w == "-" || w == "–" {
			rp.i++
			return false, true
		}
		return false, false
	}
	lw := a.Lower(i)
	if age, ok := parseAge(lw); ok {
		rp.age(age)
		return true, true
	}
	if t.Kind == article.Number {
		return false, false
	}
	if c, next := a.matchTitle(i, rp.end); next > 0 {
		// "Prime" alone is a qualifier; "prime minister" a title.
		rp.title(c, next)
		return true, true
	}
	return false, rp.modifier(w, lw)
}

// age completes the phrase with an age: "the 45-year-old", "the
// 45-year-old teacher", "a 30-year-old woman".
func (rp *roleParser) age(age int) {
	a := rp.a
	rp.r.Age = age
	rp.i++
	if rp.i < rp.end && a.Tokens[rp.i].Kind == article.Word && !a.IsCapWord(rp.i) {
		if c, next := a.matchTitle(rp.i, rp.end); next > 0 {
			rp.r.Class = c
			rp.i = next
		} else if a.Lower(rp.i) == "man" || a.Lower(rp.i) == "woman" {
			rp.i++
		}
	}
	rp.finish()
}

// title completes the phrase with a title of class c that ends before
// token next, and a country after "of" ("president of Belarus").
func (rp *roleParser) title(c string, next int) {
	a := rp.a
	rp.r.Class = c
	rp.i = next
	if rp.i+1 < rp.end && a.Lower(rp.i) == "of" {
		// A country's name, not its adjective: "president of American
		// Hoechst" is of a company.
		if code := countryNames[a.Tok(rp.i+1)]; code != "" && rp.r.Country == "" {
			rp.r.Country = code
			rp.i += 2
		}
	}
	rp.r.Qualifier = strings.Join(rp.quals, " ")
	if rp.r.Qualifier == "" && next-rp.start >= 3 && a.Lower(next-2) == "of" {
		// "Secretary of State": the department qualifies the office.
		rp.r.Qualifier = a.Lower(next - 1)
	}
	rp.finish()
}

func (rp *roleParser) finish() {
	rp.r.Span = article.Span{Start: rp.a.Tokens[rp.start].Start(), End: rp.a.Tokens[rp.i-1].End()}
	rp.r.Text = rp.a.Text(rp.r.Span)
}

// modifier reads a word before the title: a country or demonym, a
// qualifier ("foreign", "former"), or the organisation or place the role
// belongs to ("GM's", "Wikinews", "the Portland"). It reports whether the
// word was one of those.
func (rp *roleParser) modifier(w, lw string) bool {
	a, i := rp.a, rp.i
	base, poss := article.StripPossessive(w)
	// The place for an organisation's or a place's name: the phrase's
	// first word, after a determiner and any qualifiers of tenure ("the
	// Portland mayor", "former Florida Gov.", "the former Portland
	// mayor"), which say when the office was held and so come before
	// whose office it is; a qualifier of the office itself comes after
	// ("Portland deputy mayor"), and a capitalised one before a name is
	// part of that name ("Federal Reserve Chair").
	first := rp.start
	if rp.hasDet {
		first++
	}
	atStart := i == first+len(rp.quals) && rp.r.Country == "" && rp.r.Org == "" && !rp.nonTenure
	switch {
	case a.tokFlags[i]&flagCountry != 0 && rp.r.Country == "":
		rp.r.Country = countryOf(base)
	case atStart && a.tokFlags[i]&flagQualifier != 0 && a.IsCapWord(i) && !a.SentenceStart(i) && rp.orgRun(false):
		// "former New York City mayor": a capitalised qualifier that
		// opens a place's name is that name's (orgRun has read it)
	case a.tokFlags[i]&flagQualifier != 0 || poss && titleQualifiers[base]:
		if tenureQualifiers[lw] {
			rp.r.Former = true
		} else {
			rp.nonTenure = true
		}
		rp.quals = append(rp.quals, lw)
	case poss && (i == rp.start || rp.hasDet && i == rp.start+1):
		// "GM's chief executive", "the company's president"
		rp.r.Org = base
	case a.IsCapWord(i) && atStart && !timeWords[w]:
		// "Wikinews reporter", "the Portland mayor": an outlet, an
		// organisation or a place before a title; of several words only
		// where the data know them as a place or an organisation ("former
		// New York City mayor"), for two may be a person's name ("former
		// Hillary Clinton aide"), which the name data cannot tell from
		// "the Secret Service agent".
		if !rp.orgRun(true) {
			rp.r.Org = w
		}
	default:
		return false
	}
	rp.i++
	return true
}

// tenureQualifiers say that an office is not, or not fully, its holder's
// now: a former, acting or outgoing holder.
var tenureQualifiers = setOf("former then acting ex late outgoing interim")

// orgRun reads, from the current word, the longest run of two or three
// capitalised words the data know as one place, or one organisation when
// orgs is set ("New York City", "Salt Lake City"), as the role's
// organisation or place, and reports whether there was one; the word
// after it is the next to read.
func (rp *roleParser) orgRun(orgs bool) bool {
	a, i := rp.a, rp.i
	n := 0
	for n < 3 && i+n < rp.end && a.IsWord(i+n) && a.IsCapWord(i+n) {
		n++
	}
	for ; n >= 2; n-- {
		name := a.Text(article.Span{Start: a.Tokens[i].Start(), End: a.Tokens[i+n-1].End()})
		if isKnownPlace(name) || orgs && isKnownOrg(name) {
			rp.r.Org = name
			rp.i += n - 1 // and modifier's own step past the last
			return true
		}
	}
	return false
}

func parseAge(w string) (int, bool) {
	if !strings.HasSuffix(w, "-year-old") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(w, "-year-old"))
	if err != nil || n <= 0 || n > 130 {
		return 0, false
	}
	return n, true
}

// titleStart reports whether token i is the first word of a title
// (titleFirstWords), from its flags.
func (a *analysis) titleStart(i int) bool { return a.tokFlags[i]&flagTitleStart != 0 }
