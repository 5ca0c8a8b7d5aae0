package people

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/newslint/newslint/article"
)

// Person is an entry of the people gazetteer (the [[people]] tables of
// newslint.toml): who a newsroom's readers know, by which names, in which
// offices.
type Person struct {
	Name    string
	Aliases []string
	Titles  []string
	Gender  string // "male", "female", or "" when unknown
}

// analysis reads one article into a Model; every step of Analyse is one of
// its methods.
type analysis struct {
	*article.Article
	// tokFlags describe each token (see flagTokens).
	tokFlags []uint16
	// wordSurnames are the months, days, countries and places the
	// article uses as a person's surname (Theresa May, Jen Jordan,
	// Hillary Clinton).
	wordSurnames map[string]bool
	// entitySurnames are the surnames of the people the article names in
	// full (for pronoun structure).
	entitySurnames map[string]bool
	// usedPlaces are the one-word names the article uses as places
	// (findUsedPlaces).
	usedPlaces map[string]bool
	// daysUsed caches usedAsDay.
	daysUsed map[string]bool
	// runWords is nameRun's buffer.
	runWords []string
	// whys are the reasons names were taken as organisations' or places'
	// (Mention.why indexes them; 0 is none), each once.
	whys    []string
	whyKeys map[string]uint16
}

// whyIndex returns the index of reason in a.whys, adding it. Past 65,535
// distinct reasons (a file of that many distinct legal forms or known
// names) a reason is not kept.
func (a *analysis) whyIndex(reason string) uint16 {
	if reason == "" {
		return 0
	}
	if k, ok := a.whyKeys[reason]; ok {
		return k
	}
	if a.whyKeys == nil {
		a.whys, a.whyKeys = []string{""}, map[string]uint16{}
	}
	if len(a.whys) > math.MaxUint16 {
		return 0
	}
	k := uint16(len(a.whys))
	a.whys = append(a.whys, reason)
	a.whyKeys[reason] = k
	return k
}

// whyOf is the reason a name mention was taken as an organisation's or a
// place's, or "".
func (a *analysis) whyOf(m *Mention) string {
	if int(m.why) >= len(a.whys) {
		return ""
	}
	return a.whys[m.why]
}

// Analyse builds the people model of an article: its mentions of people,
// the entities they group into, the speaker of every quotation, reported
// statements and each paragraph's subject. The gazetteer (which may be
// empty) names people the newsroom knows.
func Analyse(art *article.Article, gazetteer []Person) *Model {
	a := &analysis{Article: art}
	a.flagTokens()
	// About one token in three of an article is a distinct lower-case
	// word; a long text repeats its words, and the set grows as it must.
	lowerWords := newWordSet(min(len(a.Tokens)/3, 1<<14))
	pm := &Model{LowerWords: lowerWords, text: art.Src.Text, art: art}
	for i, t := range a.Tokens {
		if t.Kind == article.Word && !a.IsCapWord(i) {
			lowerWords.add(a.Tok(i))
		}
	}
	a.findMentions(pm, lowerWords)
	a.coordinate(pm)
	a.findOtherNames(pm)
	pm.index = newMentionIndex(a, pm)
	a.groupEntities(pm, gazetteer)
	pm.groupOtherNames()
	pm.collectMentions()
	a.linkRoles(pm)
	a.classify(pm)
	a.resolvePronouns(pm)
	a.attributeQuotes(pm)
	a.structuralReferents(pm)
	a.indexPeople(pm)
	a.paragraphSubjects(pm)
	pm.index.flags = nil // the analysis's, not kept with the model
	return pm
}

// maxCapWordRoom caps the room made up front in CapWords.
const maxCapWordRoom = 1 << 12

// indexPeople lists mentions and statements by paragraph and the
// entities that speak.
func (a *analysis) indexPeople(pm *Model) {
	pm.MentionsByPara = groupBy(len(a.Paragraphs), len(pm.Mentions), func(i int) int { return int(pm.Mentions[i].Para) })
	pm.StatementsByPara = groupBy(len(a.Paragraphs), len(pm.Statements), func(i int) int { return int(pm.Statements[i].Para) })
	pm.Speaking = map[int]bool{}
	for _, st := range pm.Statements {
		if e := int(pm.Mentions[st.Mention].Entity); e >= 0 {
			pm.Speaking[e] = true
		}
	}
	for _, at := range pm.attributions.list {
		if at.Entity >= 0 {
			pm.Speaking[int(at.Entity)] = true
		}
	}
}

// CapWords counts the article's capitalised words (possessive 's
// removed), for rules that ask whether a name appears elsewhere. It is
// made on first use: an authority's build never asks.
func (pm *Model) CapWords() map[string]int {
	pm.indexCapWords()
	return pm.capWordCount
}

// CapWordsInOrder lists the words of CapWords in order of first use, each
// with the offset of that use.
func (pm *Model) CapWordsInOrder() []CapWord {
	pm.indexCapWords()
	return pm.capWordsInOrder
}

func (pm *Model) indexCapWords() {
	pm.capOnce.Do(func() {
		a := pm.art
		if a == nil {
			return // a model made by hand, of no article
		}
		// Room for a word per mention, up to maxCapWordRoom: a long
		// article repeats its capitalised words, and the map grows for
		// one that does not.
		pm.capWordCount = make(map[string]int, min(len(pm.Mentions), maxCapWordRoom))
		for i, t := range a.Tokens {
			if t.Kind == article.Word && a.IsCapWord(i) {
				w, _ := article.StripPossessive(a.Tok(i))
				n := len(pm.capWordCount)
				pm.capWordCount[w]++
				if len(pm.capWordCount) > n {
					pm.capWordsInOrder = append(pm.capWordsInOrder, CapWord{Text: w, First: t.Start()})
				}
			}
		}
	})
}

// Groups lists items by group in one array, in order within each: a
// group's items are a slice of it, found by its offset (four bytes a
// group, none at all when no item has a group), so that an article of a
// million one-word paragraphs and no people costs nothing here.
type Groups struct {
	start []int32 // start[g] is where group g's items begin; len groups+1
	all   []int32
}

// Of returns the items of group g (nil when it has none). The slice is
// capped, so that an append to it copies rather than write into the next
// group's.
func (gs *Groups) Of(g int) []int32 {
	if g < 0 || g+1 >= len(gs.start) {
		return nil
	}
	lo, hi := gs.start[g], gs.start[g+1]
	if lo == hi {
		return nil
	}
	return gs.all[lo:hi:hi]
}

// groupBy lists the items 0..n-1 by group (group(i) is item i's, or -1
// for none), counted first rather than grown one by one.
func groupBy(groups, n int, group func(int) int) Groups {
	total := 0
	for i := 0; i < n; i++ {
		if group(i) >= 0 {
			total++
		}
	}
	if total == 0 {
		return Groups{}
	}
	start := make([]int32, groups+1)
	for i := 0; i < n; i++ {
		if g := group(i); g >= 0 {
			start[g+1]++
		}
	}
	for g := 1; g <= groups; g++ {
		start[g] += start[g-1]
	}
	all := make([]int32, total)
	next := make([]int32, groups)
	copy(next, start[:groups])
	for i := 0; i < n; i++ {
		if g := group(i); g >= 0 {
			all[next[g]] = int32(i)
			next[g]++
		}
	}
	return Groups{start: start, all: all}
}

// shapes lists the article's capitalised words for HasNearVariant, and,
// when there are more than maxNearCompares of them, indexes them by shape
// (sorted within a shape); built on first use, as not every article needs
// it.
func (pm *Model) shapes() ([]maskedWord, map[shape][]maskedWord) {
	pm.shapeOnce.Do(func() {
		capWords := pm.CapWords()
		if len(capWords) <= maxNearCompares {
			pm.capWords = make([]maskedWord, 0, len(capWords))
			for w := range capWords {
				pm.capWords = append(pm.capWords, newMaskedWord(w))
			}
			return
		}
		pm.capByShape = make(map[shape][]maskedWord, len(capWords)/2)
		for _, w := range slices.Sorted(maps.Keys(capWords)) {
			sh := shapeOf(w)
			pm.capByShape[sh] = append(pm.capByShape[sh], newMaskedWord(w))
		}
	})
	return pm.capWords, pm.capByShape
}

func newMaskedWord(w string) maskedWord {
	sh := shapeOf(w)
	return maskedWord{word: w, mask: letterMask(w), initial: sh.initial, runes: int32(sh.length)}
}

// Token flags: what the lexicon says of a token, looked up once. (A
// uint16 holds them all.)
const (
	flagCapital      = 1 << iota // a capitalised word
	flagPossessive               // ends in 's
	flagQualifier                // a title qualifier (former, deputy, …)
	flagTitleStart               // the first word of a title
	flagDeterminer               // the, its, their, his, her, a, an
	flagAge                      // 45-year-old
	flagCountry                  // a country's name or demonym
	flagPronoun                  // he, she, his, her, …
	flagHonorific                // Mr, Mrs, Ms, Dr, …
	flagSpeechVerb               // said, says, told, added, …
	flagParticle                 // de, van, bin, al, … (in lower case)
	flagNameKnown                // isNameWord has been worked out …
	flagNameWord                 // … and the token may be part of a name
	flagMentionStart             // a mention starts here (mentionIndex) …
	flagMentionEnd               // … or ends here
	flagVerbUsed                 // a verb an attribution took (reportedStatements)
)

// flagTokens computes the flags of every token.
func (a *analysis) flagTokens() {
	a.tokFlags = make([]uint16, len(a.Tokens))
	lex, lexFilter := lexiconFlags(), lexiconFilter()
	for i, lw := range a.Lowers {
		t := &a.Tokens[i]
		if t.Kind == article.Punct {
			continue
		}
		var f uint16
		if lexFilter.mayHold(lw) {
			f = lex[lw]
		}
		if _, poss := article.StripPossessive(lw); poss {
			f |= flagPossessive
		}
		if strings.HasSuffix(lw, "-year-old") {
			f |= flagAge
		}
		if t.Kind == article.Word && a.IsCapWord(i) {
			f |= flagCapital
			if countryOf(a.Tok(i)) != "" {
				f |= flagCountry
			}
		}
		a.tokFlags[i] = f
	}
}

// lexiconFlags maps each word of the lexicon's lists (titles'
// qualifiers and first words, determiners, pronouns, honorifics, speech
// verbs, particles; all in lower case) to its flags, built once, on first
// use.
var lexiconFlags = sync.OnceValue(func() map[string]uint16 {
	m := map[string]uint16{}
	flagWords(m, titleQualifiers, flagQualifier)
	flagWords(m, titleFirstWords, flagTitleStart)
	flagWords(m, abbreviatedTitles, flagTitleStart)
	flagWords(m, determiners, flagDeterminer)
	flagWords(m, pronounGender, flagPronoun)
	flagWords(m, honorifics, flagHonorific)
	flagWords(m, speechVerbs, flagSpeechVerb)
	flagWords(m, particles, flagParticle)
	return m
})

// lexiconFilter is the prefilter of lexiconFlags' words.
var lexiconFilter = sync.OnceValue(func() *prefilter { return prefilterOf(lexiconFlags()) })

// flagWords sets flag on every word of list in m.
func flagWords[V any](m map[string]uint16, list map[string]V, flag uint16) {
	for w := range list {
		m[w] |= flag
	}
}
