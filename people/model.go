package people

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
)

// Attribution is the speaker of one quotation.
type Attribution struct {
	// Speaker is the index of the mention naming the speaker (a person,
	// or an organisation that issued the words), or -1 when the quotation
	// has none (a scare quote, a title, an unattributed quote) or its
	// source is a phrase that names no one ("the statement said", "a
	// spokeswoman said").
	Speaker int32
	// Entity is the speaker's entity, or -1.
	Entity int32
	// Source is the source as written: the speaker's mention, or the noun
	// phrase of the reporting clause; empty when the quotation has none.
	Source article.Span
	// Pattern names how the speaker was found: "after-quote" (“Q,” said
	// X / “Q,” X said), "tag-sentence" (“Q.” X said.), "before-quote" (X
	// said: “Q” / X said the plan would “Q”), "colon-intro" (X turned to
	// the crowd: “Q”, or the paragraph before ends so), "according-to",
	// "continues" (a later part of a split quote, a later quote of the
	// paragraph, or a quote-only paragraph continuing the previous
	// speaker), "statement" (the sentence before reports a statement:
	// “X said in a statement. “Q””), "credit" (“Q” — X),
	// "multi-paragraph".
	Pattern string
	// Verb is the cue of the attribution (empty for continues).
	Verb article.Span
	// Continues is, for "continues" and "multi-paragraph", the quotation
	// whose speaker this one continues; else -1.
	Continues int32
}

// noAttribution is the attribution of a quotation the model gives none.
var noAttribution = Attribution{Speaker: -1, Entity: -1, Continues: -1}

// attributionTable holds the attributions of an article's quotations as
// an index into those that say something: a paragraph of thousands of
// quotation marks, none attributed, costs four bytes each.
type attributionTable struct {
	of   []int32 // per quotation, its entry in list, or -1
	list []Attribution
}

// newAttributionTable is the table of n quotations, none attributed.
func newAttributionTable(n int) attributionTable {
	of := make([]int32, n)
	for qi := range of {
		of[qi] = -1
	}
	return attributionTable{of: of}
}

// Attribution returns the attribution of quotation qi of Article.Quotes
// (Speaker, Entity and Continues -1 when it has none, or there is no
// quotation qi).
func (pm *Model) Attribution(qi int) Attribution {
	if qi < 0 || qi >= len(pm.attributions.of) || pm.attributions.of[qi] < 0 {
		return noAttribution
	}
	return pm.attributions.list[pm.attributions.of[qi]]
}

// Attributions yields each quotation's index and attribution, in order.
func (pm *Model) Attributions(yield func(int, Attribution) bool) {
	for qi := range pm.attributions.of {
		if !yield(qi, pm.Attribution(qi)) {
			return
		}
	}
}

// setAttribution gives quotation qi the attribution at.
func (pm *Model) setAttribution(qi int, at Attribution) {
	t := &pm.attributions
	switch {
	case t.of[qi] >= 0:
		t.list[t.of[qi]] = at
	case at != noAttribution:
		if len(t.list) == cap(t.list) {
			t.list = article.GrowAt(t.list, qi, len(t.of)) // by the density so far
		}
		t.of[qi] = int32(len(t.list))
		t.list = append(t.list, at)
	}
}

// Attributed reports whether the quotation has a source.
func (at Attribution) Attributed() bool { return at.Source.End > at.Source.Start }

// Statement is a statement reported outside quotation marks: the subject
// of a speech verb ("the Belarus President stated that …") or of "in his
// words".
type Statement struct {
	Mention int32
	Verb    article.Span
	Para    int32
	// Quote is the quotation this statement attributes, or -1 for reported
	// speech.
	Quote int32
}

// HasNearVariant reports whether a capitalised word of the article is a
// near spelling of name (see NearVariant). Only words with the same first
// letter and a length within two are compared, at most maxNearCompares of
// them, so that an article of thousands of distinct names stays linear.
func (pm *Model) HasNearVariant(name string) bool {
	sh := shapeOf(name)
	mask := letterMask(name)
	near := func(w maskedWord) bool {
		// Two edits change at most four letters of the set of letters a
		// word holds: most words fail this at once.
		return bits.OnesCount32(mask^w.mask) <= 4 && NearVariant(name, w.word)
	}
	words, byShape := pm.shapes()
	if byShape == nil {
		// Few words: all of them, in one list, fewer than
		// maxNearCompares, so the bound below is never reached.
		for _, w := range words {
			if w.initial == sh.initial && int(w.runes) >= sh.length-2 && int(w.runes) <= sh.length+2 && near(w) {
				return true
			}
		}
		return false
	}
	seen := 0
	for d := -2; d <= 2; d++ {
		for _, w := range byShape[shape{sh.initial, sh.length + d}] {
			if seen++; seen > maxNearCompares {
				return false
			}
			if near(w) {
				return true
			}
		}
	}
	return false
}

// maskedWord is a word with the set of its letters (a to z, case folded).
type maskedWord struct {
	word    string
	mask    uint32
	initial rune
	runes   int32
}

// letterMask is the set of the letters a to z that w holds, case folded;
// other characters share one bit.
func letterMask(w string) uint32 {
	var m uint32
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		case r >= 'A' && r <= 'Z':
			m |= 1 << (r - 'A')
		default:
			m |= 1 << 26
		}
	}
	return m
}

// maxNearCompares bounds the words HasNearVariant compares: far more
// than an article's capitalised words of one initial and length.
const maxNearCompares = 400

// shape is what a near spelling shares with a word: its first letter, and
// about its length (in code points).
type shape struct {
	initial rune
	length  int
}

func shapeOf(w string) shape {
	r, _ := utf8.DecodeRuneInString(w)
	return shape{r, utf8.RuneCountInString(w)}
}

// pronounable reports whether a pronoun may refer to an entity: a person
// with a full name, a title, an honorific, a role or an introduction (a
// bare capitalised word may be a company).
func (pm *Model) pronounable(e int) bool {
	ent := &pm.Entities[e]
	if !ent.Kind.MayBePerson() {
		return false
	}
	return ent.FullNamed || ent.Titled || ent.Introduced || ent.Gender != "" || len(ent.Roles) > 0
}

// PersonLike reports whether an entity is surely a person: it is
// introduced, has a title, an honorific or a role, or has a full name that
// is mentioned twice or speaks.
func (pm *Model) PersonLike(e int) bool {
	ent := pm.Entities[e]
	if !ent.Kind.MayBePerson() {
		return false
	}
	if ent.Introduced || len(ent.Roles) > 0 || ent.Gender != "" || ent.Kind == KindPerson {
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

// MentionsInSentence lists the mentions of sentence si in text order.
func (pm *Model) MentionsInSentence(si int) []int32 { return pm.bySentence.Of(si) }

// Form says how a mention refers to its person.
type Form uint8

// Mention kinds.
const (
	// FullName is a first name and surname ("Alexander Lukashenko").
	FullName Form = iota
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
	// Name is the name of an organisation or a place ("Halvorsen Group",
	// "Bank of England", "Denver").
	Name
)

var formNames = [...]string{"full-name", "surname", "honorific", "titled", "role", "pronoun", "name"}

func (f Form) String() string { return formNames[f] }

// RefReason says how a pronoun's referent was found (see referents.go),
// or why it has none.
type RefReason uint8

// Reasons.
const (
	// RefNone: nobody is named before it.
	RefNone RefReason = iota
	// RefSpeech: the subject of the speech verb before it ("Winch said
	// she").
	RefSpeech
	// RefSpeaker: it speaks in a tag ("…, she said") and refers to the
	// last speaker.
	RefSpeaker
	// RefSubject: the subject of the clause before it ("Sullivan had to
	// explain to Clinton that he …").
	RefSubject
	// RefObject: an object pronoun, the person who is not its clause's
	// subject ("… that he could not send her the file").
	RefObject
	// RefOpening: the subject after an opening phrase ("On the advice of
	// his lawyer, Calero …").
	RefOpening
	// RefOnly: the only person named before it in its sentence.
	RefOnly
	// RefGeneric: "he or she", "his or her": nobody.
	RefGeneric
	// RefQuoted: inside a quotation, in the speaker's world; not read.
	RefQuoted
	// RefOpen: several people in view, or someone the text does not name
	// ("her boss").
	RefOpen
	// RefPrevious: the only person named in the sentence before, its own
	// naming no one.
	RefPrevious
	// RefRelative: the person a relative clause describes ("Pagliano,
	// who invoked his Fifth Amendment rights").
	RefRelative
)

// InSentence reports whether the reason fixes the referent within the
// pronoun's own sentence.
func (r RefReason) InSentence() bool {
	switch r {
	case RefSpeech, RefSubject, RefObject, RefOpening, RefOnly, RefRelative:
		return true
	}
	return false
}

var refReasons = [...]string{"no one named before it", "subject of the speech verb before it", "the last speaker (it speaks in a tag)",
	"subject of the clause before it", "object: not its clause's subject", "subject after the opening phrase",
	"only person named before it", "generic (he or she)", "inside a quotation", "several people, or an unnamed one, in view",
	"only person named in the sentence before", "the person its relative clause describes"}

func (r RefReason) String() string { return refReasons[r] }

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

// IsAge reports whether a role only gives an age ("Smith, 45,", "the
// 45-year-old"): no office, no description besides.
func IsAge(r *Role) bool {
	return r.Age > 0 && r.Class == "" && r.Org == "" && r.Qualifier == ""
}

// Mention is one reference to a person.
type Mention struct {
	article.Span32 // its span: Span, Start, End, Len, Contains
	// name is the name part (Name; empty for role phrases and pronouns).
	name article.Span32
	// Words are the name's words, possessive 's removed.
	Words []string
	// Role is the title before the name, the appositive after it, or the
	// office a role phrase names.
	Role *Role
	// Age is the person's age given with this mention ("Smith, 45,", "the
	// 45-year-old Smith"), or 0.
	Age    int32
	Entity int32
	// Referent is, for a pronoun outside quotations, the person it refers
	// to by the structure of the text alone (gender not considered): the
	// subject of the speech verb before it ("Winch said she"), the only
	// person named earlier in its sentence, or the only person named in
	// the sentence before. -1 when that is not unambiguous.
	Referent   int32
	Para, Sent int32
	// Quote is the double quotation holding the mention, or -1.
	Quote int32
	// FirstToken and EndToken delimit the mention's tokens.
	FirstToken, EndToken int32

	// The small fields last, side by side: a mention takes 96 bytes (its
	// spans and indexes are four bytes each, as the article's tables' are).

	Form Form
	// Kind is what the name names (its entity's kind).
	Kind Kind
	// Introduced is set when the mention itself introduces the person: a
	// title, an appositive, an affiliation ("of GM", "GM's Roger Smith"),
	// an age, or a relative clause.
	Introduced bool
	// Described is set when the introduction describes a person: an
	// occupation, an age, "who", a relative ("his wife Mary").
	Described bool
	// SentenceInitial is set when the name opens its sentence (where any
	// word is capitalised).
	SentenceInitial bool
	// Why says, for a pronoun, how its Referent was found or why it has
	// none.
	Why RefReason
	// why is the evidence that made a Name mention an organisation's or a
	// place's: an index into the analysis's reasons (analysis.whyOf).
	why uint16
	// gender is the gender the mention's words give (Gender).
	gender genderCode
}

// Name is the name part (empty for role phrases and pronouns).
func (m *Mention) Name() article.Span { return m.name.Span() }

// Gender is the gender the mention's own words give: "male" or "female"
// (a pronoun, an honorific, a gendered noun), or "".
func (m *Mention) Gender() string { return genders[m.gender] }

// setGender sets the gender the mention's words give ("male", "female"
// or "").
func (m *Mention) setGender(g string) {
	for c, name := range genders {
		if name == g {
			m.gender = genderCode(c)
			return
		}
	}
	panic("people: unknown gender " + g)
}

// genderCode is a gender in a byte: genders[code] is its name.
type genderCode uint8

const (
	genderNone genderCode = iota
	genderMale
	genderFemale
)

var genders = [...]string{genderNone: "", genderMale: "male", genderFemale: "female"}

// CapWord is a capitalised word of the article (possessive 's removed)
// and the offset of its first use.
type CapWord struct {
	Text  string
	First int
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
	Name string
	// Kind is what the name names, and Evidence says why.
	Kind     Kind
	Evidence []string
	Mentions []int32
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

// CalledBy returns, of the people who share the word w (a surname), the
// one the article calls by it alone: the first named in full, when the
// bare word stands after that and before anyone else is named in full
// ("Hillary Clinton … Clinton said … former President Bill Clinton").
// -1 when the article sets no such convention, or never uses w alone.
func (pm *Model) CalledBy(w string) int {
	if e, ok := pm.calledBy[w]; ok {
		return e
	}
	return -1
}

// Relative reports whether the article introduces e as someone's
// relative ("his daughter, Ivanka Trump", "her husband, Tom Reyes"): a
// relative goes by first name, so a bare surname shared with someone
// who is no relative is never theirs.
func (e *Entity) Relative() bool { return slices.Contains(e.passRoles, "relative") }

// FirstName is the first word of the entity's fullest name when it has two
// or more, else "".
func (e *Entity) FirstName() string {
	if len(e.words) < 2 {
		return ""
	}
	return e.words[0]
}

// GivenName returns the first of the name's words before the surname that
// is not an initial: "Christopher" in "J. Christopher Stevens", as in
// "Christopher Stevens"; "" when there is none ("J. K. Rowling", "Stevens").
func (e *Entity) GivenName() string {
	for _, w := range e.words[:max(len(e.words)-1, 0)] {
		if !isInitial(w) {
			return w
		}
	}
	return ""
}

// isInitial reports whether a name's word is one initial or several ("J.",
// "J", "H.W.", "J.K."): capital letters, each followed by a full stop but
// for a lone one.
func isInitial(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
			if i+1 < len(w) && w[i+1] != '.' {
				return false
			}
		case c == '.':
		default:
			return false
		}
	}
	return letters == 1 || letters > 1 && strings.Count(w, ".") == letters
}

// Model is the model of who is who and who said what.
type Model struct {
	Mentions []Mention
	Entities []Entity
	// calledBy maps a word several people share to the one the article
	// calls by it alone, as the namesakes are told apart (CalledBy).
	calledBy map[string]int
	// attributions gives each quotation of Article.Quotes its
	// Attribution.
	attributions attributionTable
	// Statements are reported statements (a speech verb or "in his words"
	// with its subject) outside quotations.
	Statements []Statement
	// subjects are the paragraphs that report on someone, in order, with
	// the subject (Subject): nothing for a paragraph that names no one.
	subjects []paragraphSubject
	// ByPara lists, for each paragraph, its mentions and its statements
	// (indexes into Mentions and Statements; MentionsByPara.Of(p)), so that
	// rules never scan the whole article for one paragraph.
	MentionsByPara, StatementsByPara Groups
	// Speaking marks the entities that are the subject of a statement or
	// the speaker of a quotation.
	Speaking map[int]bool
	// LowerWords holds the words the article writes in lower case.
	LowerWords *WordSet
	// text is the article's text, where most names are written as their
	// words joined (see nameOf).
	text string
	// art is the article the model reads, for what is made on first use.
	art *article.Article
	// capWordCount and capWordsInOrder are CapWords and
	// CapWordsInOrder, made once when first asked for.
	capWordCount    map[string]int
	capWordsInOrder []CapWord
	capOnce         sync.Once
	capWords        []maskedWord
	capByShape      map[shape][]maskedWord
	shapeOnce       sync.Once
	// bySentence lists the mentions of each sentence, in text order (one
	// table and an offset a sentence, not a list a sentence).
	bySentence Groups
	// gazetteer is the number of entities made from the people gazetteer
	// (the first ones).
	gazetteer int
	index     *mentionIndex
}

// ParagraphSubject is the person a paragraph is about: the entity and
// the mention that makes it so (-1 when none), and the reported statement
// that does, if one does (-1 when it is the first person mentioned). Why,
// in words, is Model.SubjectEvidence, made when asked; only the paragraphs
// that have a subject keep one (Model.Subject).
type ParagraphSubject struct {
	Entity, Mention int32
	Statement       int32
}
