package people

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
)

// MentionKind says how a mention refers to its person.
type MentionKind uint8

// Mention kinds.
const (
	// FullName is a first name and surname ("Alexander Lukashenko").
	FullName MentionKind = iota
	// Surname is a name of one word ("Lukashenko").
	Surname
	// Honorific is an honorific and a name ("Mr. Smith", "Dr. Jane Roe").
	Honorific
	// TitledName is a title and a name ("Belarus President Alexander
	// Lukashenko", "Foreign Minister Sergei Lavrov").
	TitledName
	// RolePhrase refers back to a person by office ("the Belarus
	// President", "the Kazakh leader", "the 45-year-old").
	RolePhrase
	// Pronoun is he, she, him, her, his, hers, himself or herself.
	Pronoun
)

var mentionKindNames = [...]string{"full-name", "surname", "honorific", "titled", "role", "pronoun"}

func (k MentionKind) String() string { return mentionKindNames[k] }

// Role is an office or description attached to a person.
type Role struct {
	// Class groups titles of one office (president, prime-minister,
	// minister, spokesperson, ...); "" for descriptions without a known
	// title (an age, an affiliation).
	Class string
	// Country is the ISO alpha-3 code of the country qualifying the role.
	Country string
	// Text is the role as written ("Belarus President", "the prime
	// minister", "GM's chief executive").
	Text string
	// Qualifier is what stands before the title ("foreign" in "Foreign
	// Minister"), lower case.
	Qualifier string
	// Org is the organisation or outlet a role belongs to ("GM" in "GM's
	// chief executive").
	Org string
	// Age is set for "the 45-year-old" and "Smith, 45,".
	Age int
	// Former marks "former", "ex-", "then-" and "acting" roles.
	Former bool
	Span   article.Span
}

// Mention is one reference to a person.
type Mention struct {
	article.Span
	// Name is the name part (empty for role phrases and pronouns).
	Name article.Span
	Kind MentionKind
	// Words are the name's words, possessive 's removed.
	Words []string
	// Role is the title before the name, the appositive after it, or the
	// office a role phrase names.
	Role *Role
	// Introduced is set when the mention itself introduces the person: a
	// title, an appositive, an affiliation ("of GM", "GM's Roger Smith"),
	// an age, or a relative clause.
	Introduced bool
	// Age is the person's age given with this mention ("Smith, 45,", "the
	// 45-year-old Smith"), or 0.
	Age int
	// SentenceInitial is set when the name opens its sentence (where any
	// word is capitalised).
	SentenceInitial bool
	Gender          string
	Entity          int
	// Referent is, for a pronoun outside quotations, the person it refers
	// to by the structure of the text alone (gender not considered): the
	// subject of the speech verb before it ("Winch said she"), the only
	// person named earlier in its sentence, or the only person named in
	// the sentence before. -1 when that is not unambiguous.
	Referent   int
	Para, Sent int
	// Quote is the double quotation holding the mention, or -1.
	Quote int
	// FirstToken and EndToken delimit the mention's tokens.
	FirstToken, EndToken int
}

// Surname is the mention's last name word, or "".
func (m *Mention) Surname() string {
	if len(m.Words) == 0 {
		return ""
	}
	return m.Words[len(m.Words)-1]
}

// Entity is a person: the mentions that refer to one individual.
type Entity struct {
	ID int
	// Name is the fullest name the article gives.
	Name     string
	Mentions []int
	Roles    []Role
	Gender   string
	// Introduced is set when some mention introduces the person.
	Introduced bool
	// Titled is set when some mention has a title or an honorific.
	Titled bool
	// FullNamed is set when some mention gives two or more name words.
	FullNamed bool
	words     []string
	passRoles []string
}

// Surname is the last word of the entity's fullest name.
func (e *Entity) Surname() string {
	if len(e.words) == 0 {
		return ""
	}
	return e.words[len(e.words)-1]
}

// FirstName is the first word of the entity's fullest name when it has two
// or more, else "".
func (e *Entity) FirstName() string {
	if len(e.words) < 2 {
		return ""
	}
	return e.words[0]
}

// Model is the model of who is who and who said what.
type Model struct {
	Mentions []Mention
	Entities []Entity
	// Attributions has one entry per quote of Article.Quotes.
	Attributions []Attribution
	// Statements are reported statements (a speech verb or "in his words"
	// with its subject) outside quotations.
	Statements []Statement
	// Subjects has, for each paragraph, the entity the paragraph reports
	// on (-1 when none), with the evidence.
	Subjects []ParagraphSubject
	// ByPara lists, for each paragraph, its mentions and its statements
	// (indexes into Mentions and Statements), so that rules never scan the
	// whole article for one paragraph.
	MentionsByPara, StatementsByPara [][]int
	// Speaking marks the entities that are the subject of a statement or
	// the speaker of a quotation.
	Speaking map[int]bool
	// CapWords counts the article's capitalised words (possessive 's
	// removed), for rules that ask whether a name appears elsewhere.
	CapWords map[string]int
	// LowerWords holds the words the article writes in lower case.
	LowerWords   map[string]bool
	capByInitial map[rune][]string
	bySent       [][]int
	index        *mentionIndex
}

// ParagraphSubject is the person a paragraph is about.
type ParagraphSubject struct {
	Entity   int
	Mention  int
	Evidence string
}

// matchTitle finds the longest title starting at token i within the
// sentence [i, end); it returns the title's class and the token after it.
func (a *analysis) matchTitle(i, end int) (class string, next int) {
	if i >= end || a.Tokens[i].Kind != article.Word {
		return "", -1
	}
	first, _ := article.StripPossessive(strings.ToLower(a.Tok(i)))
	if !titleFirstWords[first] {
		return "", -1
	}
	best, bestNext := "", -1
	phrase := ""
	for j, words := i, 0; j < end && words < 4; j++ {
		t := a.Tokens[j]
		if t.Kind == article.Punct {
			if a.Tok(j) == "." && j > i && (phrase == "sen" || phrase == "gen" || phrase == "gov" || phrase == "rep" || phrase == "prof") {
				phrase += "."
				if c, ok := titleClasses[phrase]; ok {
					best, bestNext = c, j+1
				}
				continue
			}
			break
		}
		w := strings.ToLower(a.Tok(j))
		w, _ = article.StripPossessive(w)
		if phrase == "" {
			phrase = w
		} else {
			phrase += " " + w
		}
		words++
		if c, ok := titleClasses[phrase]; ok {
			best, bestNext = c, j+1
		}
	}
	return best, bestNext
}

// parseRole reads a role phrase starting at token i: an optional
// determiner or possessive, country or demonym words, qualifiers, and a
// title ("the Belarus President", "The Belarusian head of state", "GM's
// chief executive", "the 45-year-old", "the president of Belarus").
func (a *analysis) parseRole(i, end int) (Role, int, bool) {
	start := i
	var r Role
	if i >= end || a.Tokens[i].Kind == article.Punct {
		return r, i, false
	}
	if a.IsCapWord(i) {
		// A capitalised start must be a title, a qualifier, a determiner, a
		// country or a possessive, or stand before one of those ("Portland
		// mayor", "Wikinews reporter"); most names are rejected here.
		lw := a.Lower(i)
		base, poss := article.StripPossessive(lw)
		next := a.Lower(i + 1)
		if !poss && !titleFirstWords[base] && !titleQualifiers[base] && !determiners[base] &&
			!titleFirstWords[next] && !titleQualifiers[next] && !strings.HasSuffix(lw, "-year-old") && countryOf(a.Tok(i)) == "" {
			return r, i, false
		}
	} else {
		// A lower-case start must be a determiner, a qualifier, a title or
		// an age; anything else is rejected at once.
		lw := a.Lower(i)
		switch lw {
		case "the", "its", "their", "his", "her", "a", "an":
		default:
			if !titleQualifiers[lw] && !titleFirstWords[lw] && !strings.HasSuffix(lw, "-year-old") {
				if _, poss := article.StripPossessive(lw); !poss {
					return r, i, false
				}
			}
		}
	}
	hasDet := false
	if i < end {
		switch a.Lower(i) {
		case "the", "its", "their", "his", "her", "a", "an":
			hasDet = true
			i++
		}
	}
	var quals []string
	for i < end {
		t := a.Tokens[i]
		w := a.Tok(i)
		if t.Kind == article.Punct {
			// U.S., ex-
			if w == "." || w == "-" || w == "–" {
				i++
				continue
			}
			break
		}
		lw := strings.ToLower(w)
		_, isAge := parseAge(lw)
		if t.Kind == article.Number && !isAge {
			break
		}
		if age, ok := parseAge(lw); ok {
			r.Age = age
			i++
			if i < end && a.Tokens[i].Kind == article.Word && !a.IsCapWord(i) {
				// "the 45-year-old teacher": the noun after the age
				if c, next := a.matchTitle(i, end); next > 0 {
					r.Class = c
					i = next
				} else if a.Lower(i) == "man" || a.Lower(i) == "woman" {
					i++
				}
			}
			r.Span = article.Span{Start: a.Tokens[start].Start, End: a.Tokens[i-1].End}
			r.Text = a.Src.Text[r.Span.Start:r.Span.End]
			return r, i, true
		}
		if c, next := a.matchTitle(i, end); next > 0 {
			// "Prime" alone is a qualifier; "prime minister" a title.
			r.Class = c
			i = next
			// "president of Belarus"
			if i+1 < end && a.Lower(i) == "of" {
				if code := countryOf(a.Tok(i + 1)); code != "" && r.Country == "" {
					r.Country = code
					i += 2
				}
			}
			r.Qualifier = strings.Join(quals, " ")
			r.Span = article.Span{Start: a.Tokens[start].Start, End: a.Tokens[i-1].End}
			r.Text = a.Src.Text[r.Span.Start:r.Span.End]
			return r, i, true
		}
		base, poss := article.StripPossessive(w)
		if code := countryOf(base); code != "" && r.Country == "" {
			r.Country = code
			i++
			continue
		}
		if titleQualifiers[lw] || titleQualifiers[base] {
			if lw == "former" || lw == "then" || lw == "acting" || lw == "ex" || lw == "late" || lw == "outgoing" || lw == "interim" {
				r.Former = true
			}
			quals = append(quals, lw)
			i++
			continue
		}
		if poss && i == start || poss && hasDet && i == start+1 {
			// "GM's chief executive", "the company's president"
			r.Org = base
			i++
			continue
		}
		if a.IsCapWord(i) && (!hasDet && i == start || hasDet && i == start+1) && !timeWords[w] {
			// "Wikinews reporter", "the Portland mayor": an outlet, an
			// organisation or a place before a title
			r.Org = w
			i++
			continue
		}
		break
	}
	return r, start, false
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

// isNameWord reports whether token i may be part of a person's name.
func (a *analysis) isNameWord(i int) bool {
	if !a.IsCapWord(i) {
		return false
	}
	w, _ := article.StripPossessive(a.Tok(i))
	if nonNameWords[w] || article.IsAllCaps(w) && utf8.RuneCountInString(w) > 3 {
		return false
	}
	if _, verb := speechVerbs[strings.ToLower(w)]; verb {
		return false
	}
	if countryOf(w) != "" {
		return false
	}
	return true
}

// isInitial reports whether tokens i, i+1 are an initial and its full stop
// ("J." in "J. R. Smith").
func (a *analysis) isInitial(i, end int) bool {
	if i+1 >= end || !a.IsCapWord(i) || utf8.RuneCountInString(a.Tok(i)) != 1 {
		return false
	}
	return a.IsPunct(i+1, ".")
}

// nameRun reads a run of name words from token i: capitalised words,
// initials and particles between them. It returns the token after the run
// and the words (possessive removed).
func (a *analysis) nameRun(i, end int) (int, []string) {
	var words []string
	j := i
	for j < end {
		if a.isInitial(j, end) && a.IsCapWord(j+2) {
			words = append(words, a.Tok(j)+".")
			j += 2
			continue
		}
		if a.isNameWord(j) {
			w, poss := article.StripPossessive(a.Tok(j))
			if len(words) == 0 || allInitials(words) {
				// A title does not start a name ("U.S. Spokesman").
				if _, title := titleClasses[strings.ToLower(w)]; title {
					words = nil
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
		if len(words) > 0 && j+1 < end && (particles[a.Tok(j)] || particles[strings.ToLower(a.Tok(j))] && a.IsCapWord(j)) && a.isNameWord(j+1) {
			words = append(words, a.Tok(j))
			j++
			continue
		}
		break
	}
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

// findMentions reads every sentence for person mentions.
func (a *analysis) findMentions(pm *Model, lowerWords map[string]bool) {
	// Mentions are large; sizing the table from the count of capitalised
	// words and pronouns avoids copying it again and again as it grows.
	est := 0
	for i, t := range a.Tokens {
		if t.Kind == article.Word && (a.IsCapWord(i) || pronounGender[a.Lower(i)] != "") {
			est++
		}
	}
	pm.Mentions = make([]Mention, 0, est)
	for si := range a.Sentences {
		s := a.Sentences[si]
		end := s.EndToken
		for i := s.FirstToken; i < end; {
			t := a.Tokens[i]
			if t.Kind != article.Word {
				i++
				continue
			}
			lw := a.Lower(i)
			if g, ok := pronounGender[lw]; ok {
				pm.Mentions = append(pm.Mentions, Mention{Span: t.Span, Kind: Pronoun, Gender: g, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: i + 1})
				i++
				continue
			}
			// A title or role, possibly followed by a name.
			if r, next, ok := a.parseRole(i, end); ok {
				if r.Class != "" && next < end {
					// "First Minister of Scotland Nicola Sturgeon",
					// "speaker of the parliament Ali Larijani": the name is
					// the last words of what follows "of".
					if w := a.Lower(next); w == "of" || w == "to" || w == "for" {
						if ns, ne := a.trailingName(next+1, end); ne > ns {
							nameEnd, words := a.nameRun(ns, ne)
							if nameEnd == ne && len(words) >= 2 {
								rr := r
								rr.Span = article.Span{Start: t.Start, End: a.Tokens[ns-1].End}
								rr.Text = a.Src.Text[rr.Span.Start:rr.Span.End]
								m := Mention{Span: article.Span{Start: t.Start, End: a.Tokens[nameEnd-1].End}, Name: article.Span{Start: a.Tokens[ns].Start, End: a.Tokens[nameEnd-1].End}, Kind: TitledName, Words: words, Role: &rr, Introduced: true, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: nameEnd}
								a.trimPossessive(&m)
								a.appositive(&m, end)
								pm.Mentions = append(pm.Mentions, m)
								i = nameEnd
								continue
							}
						}
					}
				}
				nameEnd, words := a.nameRun(next, end)
				if len(words) > 0 {
					kind := TitledName
					if r.Class == "" {
						// "the 47-year-old Smith": an age, not a title
						kind = FullName
						if len(words) == 1 {
							kind = Surname
						}
					}
					rr := r
					m := Mention{Span: article.Span{Start: t.Start, End: a.Tokens[nameEnd-1].End}, Name: article.Span{Start: a.Tokens[next].Start, End: a.Tokens[nameEnd-1].End}, Kind: kind, Words: words, Role: &rr, Introduced: true, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: nameEnd}
					if r.Age > 0 {
						m.Age = r.Age
					}
					a.trimPossessive(&m)
					a.appositive(&m, end)
					pm.Mentions = append(pm.Mentions, m)
					i = nameEnd
					continue
				}
				if r.Class != "" || r.Age > 0 {
					hasDet := false
					switch lw {
					case "the", "its", "their", "his", "her":
						hasDet = true
					}
					if hasDet && (r.Class != "" && (r.Country != "" || r.Qualifier != "" || r.Class != "leader") || r.Age > 0) {
						if a.IsPunct(next, ",") {
							if _, words := a.nameRun(next+1, end); len(words) > 0 {
								// "The Conservative candidate, Mark Hollis,":
								// the role introduces the name after it and
								// refers to nobody before.
								i = next
								continue
							}
						}
						rr := r
						pm.Mentions = append(pm.Mentions, Mention{Span: r.Span, Kind: RolePhrase, Role: &rr, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: next})
						i = next
						continue
					}
				}
			}
			// An honorific and a name.
			if g, ok := honorifics[lw]; ok && a.IsCapWord(i) {
				j := i + 1
				if a.IsPunct(j, ".") {
					j++
				}
				nameEnd, words := a.nameRun(j, end)
				if len(words) > 0 {
					m := Mention{Span: article.Span{Start: t.Start, End: a.Tokens[nameEnd-1].End}, Name: article.Span{Start: a.Tokens[j].Start, End: a.Tokens[nameEnd-1].End}, Kind: Honorific, Words: words, Gender: g, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: nameEnd}
					a.trimPossessive(&m)
					a.introducedBefore(&m, s.FirstToken)
					a.appositive(&m, end)
					pm.Mentions = append(pm.Mentions, m)
					i = nameEnd
					continue
				}
			}
			nameEnd, words := a.nameRun(i, end)
			if len(words) == 0 {
				i++
				continue
			}
			if len(words) > 4 || !a.plausibleName(i, nameEnd, words, lowerWords) {
				i = nameEnd
				continue
			}
			kind := FullName
			if len(words) == 1 {
				kind = Surname
			}
			nameStart := i
			if len(words) >= 2 && a.SentenceStart(i) {
				// "Afterwards Trump", "Previously Redstone": an adverb or
				// an ordinary word opening the sentence is not a first name.
				lw := strings.ToLower(words[0])
				if lowerWords[lw] || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "wards") {
					words = words[1:]
					nameStart = i + 1
					t = a.Tokens[i+1]
					if len(words) == 1 {
						kind = Surname
					}
				}
			}
			if len(words) >= 2 && a.isOccupationWord(words[0]) {
				// "Doctors Michael Hershfield", "Voter Kitty Mak",
				// "Fifteen-year-old Robert": a description, then the name.
				words = words[1:]
				nameStart = i + 1
				if len(words) == 1 {
					kind = Surname
				}
			}
			m := Mention{Span: article.Span{Start: t.Start, End: a.Tokens[nameEnd-1].End}, Name: article.Span{Start: a.Tokens[nameStart].Start, End: a.Tokens[nameEnd-1].End}, Kind: kind, Words: words, Para: int(t.Para), Sent: si, Quote: int(t.Quote), FirstToken: i, EndToken: nameEnd, Introduced: nameStart > i}
			m.SentenceInitial = a.SentenceStart(i)
			a.trimPossessive(&m)
			a.introducedBefore(&m, s.FirstToken)
			// A lower-case title just before the name: "foreign minister
			// Sergei Lavrov", "drummer Mickey Hart".
			a.titleBefore(&m, s.FirstToken)
			a.appositive(&m, end)
			pm.Mentions = append(pm.Mentions, m)
			i = nameEnd
		}
	}
}

func allInitials(words []string) bool {
	for _, w := range words {
		if !strings.HasSuffix(w, ".") {
			return false
		}
	}
	return true
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
		if m.Introduced || !pm.Introduced || pm.EndToken+1 != m.FirstToken || m.Kind == Pronoun || pm.Kind == Pronoun {
			continue
		}
		if w := a.Lower(pm.EndToken); w == "and" || w == "or" || w == "&" {
			m.Introduced = true
		}
	}
}

// trimPossessive keeps "'s" out of a mention's span.
func (a *analysis) trimPossessive(m *Mention) {
	text := a.Src.Text[m.Name.Start:m.Name.End]
	if base, ok := article.StripPossessive(text); ok {
		m.Name.End = m.Name.Start + len(base)
		m.Span.End = m.Name.End
	}
}

// plausibleName rejects capitalised runs that are not people's names.
func (a *analysis) plausibleName(i, end int, words []string, lowerWords map[string]bool) bool {
	// The run is followed by an organisation word ("Waste Management",
	// "Grateful Dead drummer" is fine).
	if end < len(a.Tokens) && a.IsCapWord(end) {
		return false
	}
	if len(words) == 1 {
		w := words[0]
		if utf8.RuneCountInString(w) < 2 || article.IsAllCaps(w) {
			return false
		}
		// A sentence's first word that the article also writes in lower
		// case is an ordinary word ("Officials said").
		if lowerWords[strings.ToLower(w)] && a.SentenceStart(i) {
			return false
		}
		if lowerWords[strings.ToLower(w)] && !a.nextIsSpeechVerb(end) {
			return false
		}
	}
	// A run right after "in", "at", "from", "to" names a place more often
	// than a person.
	if i > 0 {
		switch a.Lower(i - 1) {
		case "in", "at", "from", "to", "near", "into", "across", "throughout":
			if len(words) == 1 && a.Lower(i-2) != "according" {
				return false
			}
		}
	}
	return true
}

func (a *analysis) nextIsSpeechVerb(i int) bool {
	for k := i; k < len(a.Tokens) && k < i+3; k++ {
		if a.Tokens[k].Kind == article.Punct {
			continue
		}
		_, ok := speechVerbs[a.Lower(k)]
		return ok
	}
	return false
}

// titleBefore attaches a lower-case title standing just before the name.
func (a *analysis) titleBefore(m *Mention, sentStart int) {
	for k := m.FirstToken - 1; k >= sentStart && k >= m.FirstToken-5; k-- {
		if a.Tokens[k].Kind != article.Word {
			return
		}
		if r, next, ok := a.parseRole(k, m.FirstToken); ok && next == m.FirstToken {
			if r.Class == "" {
				return
			}
			rr := r
			m.Role = &rr
			m.Introduced = true
			if m.Kind == FullName || m.Kind == Surname {
				m.Kind = TitledName
			}
			m.Span.Start = a.Tokens[k].Start
			m.FirstToken = k
			return
		}
	}
}

// functionWords end in -er, -or, -ent... without naming an occupation.
var functionWords = setOf("after under other over never for or whether either neither per later ever however rather together further remember number order corner paper water winter summer better greater power letter matter border center centre sector factor major minor prior floor door poor superior junior senior behavior behaviour error mirror want important significant different current recent percent went sent spent meant event student moment statement government agreement parliament department management development investment content president incident accident independent permanent apparent urgent silent ancient consent intent extent comment element payment treatment environment requirement settlement movement employment equipment announcement argument document instrument segment fragment monument sentiment experiment establishment enforcement assessment achievement commitment")

// isOccupation reports whether a lower-case word names an occupation or a
// role: a known title, or a word shaped like one (astrophysicist,
// filmmaker, counselor, historian).
func isOccupation(w string) bool {
	if _, ok := titleClasses[w]; ok {
		return true
	}
	if functionWords[w] || len(w) < 6 {
		return false
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
	k := m.FirstToken - 1
	if k < sentStart {
		return
	}
	t := a.Tokens[k]
	w := a.Tok(k)
	switch {
	case t.Kind == article.Word && a.IsCapWord(k) && !a.SentenceStart(k) && !a.isNameWord(k) && len(m.Words) > 1:
		if _, verb := speechVerbs[strings.ToLower(w)]; !verb {
			m.Introduced = true
		}
	case t.Kind == article.Word && (w == "named" || w == "called" || w == "identified"):
		m.Introduced = true
	case t.Kind == article.Word && len(m.Words) > 1 || t.Kind == article.Word && !a.IsCapWord(k):
		lw := strings.ToLower(w)
		if _, poss := article.StripPossessive(w); poss && len(m.Words) > 1 {
			m.Introduced = true
		} else if isOccupation(lw) {
			m.Introduced = true
		} else if k > sentStart && !a.IsCapWord(k) {
			// "an attendee Om Prakash", "his wife Mary"
			switch a.Lower(k - 1) {
			case "a", "an", "the", "his", "her", "their", "its", "our":
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
				m.Introduced = true
				return
			}
		}
	}
}

// appositive reads what follows a name: ", the prime minister,", ", 45,",
// ", GM's chief executive", " of Montgomery Securities", ", who".
func (a *analysis) appositive(m *Mention, end int) {
	i := m.EndToken
	if i >= end {
		return
	}
	if (a.Lower(i) == "of" || (a.Lower(i) == "from" || a.Lower(i) == "at") && a.IsCapWord(i+1)) && (len(m.Words) > 1 || m.Role != nil || m.Kind == Honorific) {
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
			m.Introduced = true
			m.Age = n
			if m.Role == nil {
				m.Role = &Role{Age: n, Text: a.Tok(i), Span: a.Tokens[i].Span}
			}
		}
		return
	}
	switch a.Lower(i) {
	case "who", "whose", "one", "both", "himself", "herself", "another", "its", "his", "her", "their", "our", "formerly", "now", "currently", "then", "also", "until", "once", "aged", "age":
		m.Introduced = true
		return
	}
	if _, poss := article.StripPossessive(a.Tok(i)); poss {
		// ", Kodak's senior vice-president"
		m.Introduced = true
		return
	}
	// ", commercial counselor for the Soviet Union,": an occupation within
	// the next few words, before the clause ends.
	for k := i; k < end && k < i+6; k++ {
		if a.Tokens[k].Kind == article.Punct {
			break
		}
		if isOccupation(a.Lower(k)) {
			m.Introduced = true
			return
		}
	}
	if r, _, ok := a.parseRole(i, end); ok && (r.Class != "" || r.Age > 0) {
		rr := r
		if m.Role == nil || m.Role.Class == "" {
			m.Role = &rr
		}
		m.Introduced = true
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

// IsNonNameWord reports whether a capitalised word is known not to be part
// of a person's name: a sentence opener, a month or day, an organisation or
// place word, a title, a country or a demonym.
func IsNonNameWord(w string) bool { return nonNameWords[w] || countryOf(w) != "" }
