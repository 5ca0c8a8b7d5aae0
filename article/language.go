package article

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Language is what the article's words say of the language it is written
// in. The zero value is English, or too little text to tell: newslint
// names another language only when the text clearly is in it.
type Language struct {
	// Name is the language's English name ("German"), or the script's
	// ("Cyrillic") when Script is set; "" for English.
	Name string
	// Script is set when only the writing system is clear (most letters
	// are of one script other than Latin, and its language is not one of
	// those whose function words newslint knows).
	Script bool
}

// English reports whether the article reads as English (or is too short
// to tell).
func (l Language) English() bool { return l.Name == "" }

// How the language is told. Stop-word profiles (the share of an article's
// words that are the commonest function words of each language) rather
// than character n-grams or a trained model: news articles are hundreds of
// words, so function words alone separate these languages clearly; the
// lists are a few hundred words in the source, with no data file, no
// dependency and no network; the result is deterministic and one look-up a
// word, so the pass stays linear. Words inside quotation marks are left
// out when enough words remain, so that an English article quoting German
// stays English; foreign names and places (von der Leyen, Place de la
// Concorde) add a few hits, far from the thresholds.
const (
	// minWords is the fewest words counted for a language to be named.
	minWords = 25
	// minShare is the share of the counted words that must be function
	// words of the language (in news, 30 to 50 per cent are).
	minShare = 0.20
	// minDistinct is the fewest different function words of the language
	// seen: a name repeated (de, van) is not a language.
	minDistinct = 6
	// minMargin is how far the language's share must be above English's.
	minMargin = 0.15
	// minScriptBytes is the fewest bytes of letters of a script other than
	// Latin for the script to be named.
	minScriptBytes = 150
)

// The languages whose function words are listed, English first.
const (
	langEnglish = iota
	langGerman
	langFrench
	langSpanish
	langItalian
	langPortuguese
	langDutch
	langSwedish
	langPolish
	langRussian
	numLangs
)

var langNames = [numLangs]string{"English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Swedish", "Polish", "Russian"}

// stopWords are the commonest function words of each language, lower
// case. Words that are common in English news too (a, in, an, on, as, so,
// man, war, was, me, men, come, I) are left out of the other lists, so
// that English text scores little on them; an elided French or Italian
// article or preposition is listed with its apostrophe (l', d', qu',
// dell').
var stopWords = [numLangs]string{
	langEnglish: `the of and to a in is that for on was with he it as at by said from his be have has had are were an
		this which not but or they their its who been will would also after more than she her we there about up out
		one all into when if can could no so some what them him our over other just do does did these those while where
		such only because before between under against any both may should says told since during then how us new last`,
	langGerman: `der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es werden aus er hat
		dass daß sie nach wird bei einer um sind noch wie einem über einen zum haben nur oder aber vor zur bis mehr durch
		sein wurde sei ihre seine ihr wir kann schon wenn habe hatte gegen vom können soll seit sagte wurden dieser diese
		diesem unter sowie ob zwischen denn doch dann nun weil keine kein ich uns wieder waren worden bereits laut`,
	langFrench: `le la les de des du un une et à en est que qui dans pour pas au aux sur par plus il elle ils elles ne se
		ce cette ces sa ses leur leurs avec ont été mais ou où comme nous vous sont était tout aussi selon lors après
		avant entre sans sous déjà dont très peu fait être avait cet même encore y l' d' qu' n' c' s' j' jusqu' lorsqu'`,
	langSpanish: `de la que el en y los del se las por un para con no una su al es lo como más pero sus le ya o este
		sí porque esta entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante todos uno les ni
		contra otros ese eso ante ellos esto antes algunos qué unos otro otras otra él tanto esa estos mucho quienes
		ella estas fue ha han era será según tras dijo está están`,
	langItalian: `di e il la che è per un una non si da del della le dei al alla con nel nella gli lo ha sono anche più
		ma se delle degli dal dalla sul sulla questo questa ci o ed ne tra fra già dopo cui loro suo sua hanno era
		essere stato stata solo ancora quando molto mentre secondo oltre perché senza dove contro tutti tutto poi nei
		negli alle ai agli l' dell' all' nell' sull' dall' un' quest' c'`,
	langPortuguese: `de o que e do da em um para é com não uma os no se na por mais dos ao ele das tem à seu sua ou ser
		quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem
		nas esse eles estão foram essa num nem suas às têm numa pelos elas havia seja qual será nós lhe deles essas
		esses pelas este dele segundo após ainda disse`,
	langDutch: `de van het een en dat op te zijn voor met die niet aan er om ook als dan maar bij werd door wordt nog naar
		uit kan tot hij zij ze we wij hun haar heeft hebben dit deze worden zou geen meer al wel nu omdat na tegen zo
		want waar wat wie hoe toen volgens onder tussen sinds zich hem mijn ik veel moet kunnen zal zei`,
	langSwedish: `och att det som en på är av för med till den har de inte om ett han var jag sig från vi så kan när
		säger hon också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än
		här då sedan över bara blir upp även vad få två vill mer sina hans hennes deras dem denna detta dessa blev
		varit enligt mellan`,
	langPolish: `w na z się nie że jest jak po co ale od za tak przez jego jej są oraz dla ich już tym był była było
		byli który która które którzy także tylko może przy jako czy ze pod bardzo gdy nad też te ten ta tego tej go mu
		jednak bo lub ma mają będzie został została według powiedział do tę ją nich niż jeszcze gdzie kiedy aby żeby
		swoje swoich roku pan pani więc`,
	langRussian: `и в не на что с по он она как это а к из за у о от для но его ее её был была были было также так уже
		который которая которые которых до при после то же бы или мы они их ему ей только еще ещё все всё этот эта эти
		этого того может будет есть со во чем где когда более между через под над сказал заявил`,
}

// stopLangs holds, for each function word (by its index in stopTable),
// the languages (a bit each) that list it; stopCount is how many there
// are.
var (
	stopLangs [maxStopWords]uint16
	stopCount int
)

// maxStopWords bounds the distinct function words (the size of the
// bitset that marks them); maxStopLen is the longest, in bytes.
const (
	maxStopWords = 1024
	maxStopLen   = 15
)

// stopTable finds a function word's index. Every word of an article is
// looked up, so it is a table of its own rather than a map: a word of at
// most 15 bytes and its length are its key, as two integers, hashed by
// multiplication and probed linearly. Most words are not function words:
// lengths marks, for each first byte, the lengths of the function words
// that start with it, and used the slots in use, so that most are settled
// in one look or two.
var stopTable struct {
	lengths [256]uint16
	used    [stopSlots / 64]uint64
	keys    [stopSlots][2]uint64
	index   [stopSlots]uint16
}

// stopSlots is the size of stopTable: a power of two, at least twice the
// number of function words (init checks).
const stopSlots = 2048

// stopKey packs a word of at most maxStopLen bytes and its length into
// two integers.
func stopKey(w string) (lo, hi uint64) {
	n := len(w)
	hi = uint64(n) << 56
	for i := 8; i < n; i++ {
		hi |= uint64(w[i]) << (8 * (i - 8))
	}
	for i := 0; i < min(n, 8); i++ {
		lo |= uint64(w[i]) << (8 * i)
	}
	return lo, hi
}

func stopSlotOf(lo, hi uint64) int {
	return int((lo*0x9e3779b97f4a7c15 ^ hi*0xc2b2ae3d27d4eb4f) * 0x94d049bb133111eb >> 53) // 11 bits
}

// stopIndex returns the index of function word w, or -1.
func stopIndex(w string) int {
	if len(w) == 0 || len(w) > maxStopLen || stopTable.lengths[w[0]]&(1<<len(w)) == 0 {
		return -1
	}
	lo, hi := stopKey(w)
	for i := stopSlotOf(lo, hi); stopTable.used[i/64]&(1<<(i%64)) != 0; i = (i + 1) % stopSlots {
		if k := &stopTable.keys[i]; k[0] == lo && k[1] == hi {
			return int(stopTable.index[i])
		}
	}
	return -1
}

func init() {
	// The lists are read in place, word by word, with nothing allocated:
	// every run pays for this before reading its first byte.
	for l, list := range stopWords {
		for w := range strings.FieldsSeq(list) {
			if len(w) > maxStopLen {
				panic("article: function word " + w + " is too long")
			}
			i := stopIndex(w)
			if i < 0 {
				if stopCount == maxStopWords || 2*(stopCount+1) > stopSlots {
					panic("article: too many function words")
				}
				i = stopCount
				stopCount++
				lo, hi := stopKey(w)
				k := stopSlotOf(lo, hi)
				for stopTable.used[k/64]&(1<<(k%64)) != 0 {
					k = (k + 1) % stopSlots
				}
				stopTable.used[k/64] |= 1 << (k % 64)
				stopTable.lengths[w[0]] |= 1 << len(w)
				stopTable.keys[k] = [2]uint64{lo, hi}
				stopTable.index[k] = uint16(i)
			}
			stopLangs[i] |= 1 << l
		}
	}
}

// Scripts, as the first rune of a word tells them.
type script uint8

const (
	scriptLatin script = iota
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptDevanagari
	scriptThai
	scriptHangul
	scriptHan // Han and kana, told apart by kana below
	scriptOther
	numScripts
)

var scriptNames = [numScripts]string{"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "Hangul", "Han", "other"}

func scriptOf(r rune) script {
	switch {
	case r < 0x250 || 0x1e00 <= r && r < 0x1f00:
		return scriptLatin
	case r < 0x370:
		return scriptOther
	case r < 0x400 || 0x1f00 <= r && r < 0x2000:
		return scriptGreek
	case r < 0x530:
		return scriptCyrillic
	case 0x590 <= r && r < 0x600:
		return scriptHebrew
	case 0x600 <= r && r < 0x700 || 0x750 <= r && r < 0x780 || 0xfb50 <= r && r < 0xfe00 || 0xfe70 <= r && r < 0xff00:
		return scriptArabic
	case 0x900 <= r && r < 0x980:
		return scriptDevanagari
	case 0xe00 <= r && r < 0xe80:
		return scriptThai
	case 0x1100 <= r && r < 0x1200 || 0x3130 <= r && r < 0x3190 || 0xac00 <= r && r < 0xd7b0:
		return scriptHangul
	case 0x3040 <= r && r < 0x3100 || 0x3400 <= r && r < 0x4dc0 || 0x4e00 <= r && r < 0xa000:
		return scriptHan
	}
	return scriptOther
}

func isKana(r rune) bool { return 0x3040 <= r && r < 0x3100 }

// langCounts is what the words of an article count toward each language.
type langCounts struct {
	words int
	// hits counts the words that are function words of each language,
	// distinct the different ones; seen marks the function words seen (by
	// their index in stopLangs).
	hits, distinct [numLangs]int
	seen           [maxStopWords / 64]uint64
	// bytes counts the bytes of words by the script of their first
	// letter; hanRunes and kana the letters of Han-script words, and how
	// many of them are kana.
	bytes          [numScripts]int
	hanRunes, kana int
}

// count adds word k, whose lower-case form is w, to c.
func (c *langCounts) count(a *Article, k int, w string) {
	c.words++
	if a.Tokens[k].flags&tokenWide == 0 {
		c.bytes[scriptLatin] += len(w)
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		s := scriptOf(r)
		c.bytes[s] += len(w)
		if s == scriptHan {
			for _, r := range w {
				c.hanRunes++
				if isKana(r) {
					c.kana++
				}
			}
		}
	}
	i := stopIndex(w)
	if i < 0 {
		// An elided article or preposition: l'homme, dell'anno, qu’il.
		j := elision(w)
		if j < 0 {
			return
		}
		if i = stopIndex(w[:j] + "'"); i < 0 {
			return
		}
	}
	first := c.seen[i/64]&(1<<(i%64)) == 0
	c.seen[i/64] |= 1 << (i % 64)
	for langs := stopLangs[i]; langs != 0; langs &= langs - 1 {
		l := bits.TrailingZeros16(langs)
		c.hits[l]++
		if first {
			c.distinct[l]++
		}
	}
}

// elision returns the offset of the apostrophe (' or ’) that ends an
// elided word at the start of w (l'homme, dell’anno), or -1.
func elision(w string) int {
	for j := 1; j < min(len(w)-1, 7); j++ {
		switch {
		case w[j] == '\'':
			return j
		case w[j] == 0xe2 && strings.HasPrefix(w[j:], "’"):
			return j
		}
	}
	return -1
}

// add adds the counts of d to c.
func (c *langCounts) add(d *langCounts) {
	c.words += d.words
	for l := range numLangs {
		c.hits[l] += d.hits[l]
		c.distinct[l] = 0
	}
	for k := range c.seen {
		c.seen[k] |= d.seen[k]
		for set := c.seen[k]; set != 0; set &= set - 1 {
			for langs := stopLangs[k*64+bits.TrailingZeros64(set)]; langs != 0; langs &= langs - 1 {
				c.distinct[bits.TrailingZeros16(langs)]++
			}
		}
	}
	for s := range c.bytes {
		c.bytes[s] += d.bytes[s]
	}
	c.hanRunes += d.hanRunes
	c.kana += d.kana
}

// plainlyEnglish reports, after 60 words or more, that English function
// words are a fifth of them and no other language's come near a share
// that could make it that language: reading on would not change the
// answer.
func (c *langCounts) plainlyEnglish() bool {
	if c.words < 60 || c.hits[langEnglish]*5 < c.words {
		return false
	}
	for l := range numLangs {
		if l != langEnglish && float64(c.hits[l]) >= minShare/2*float64(c.words) {
			return false
		}
	}
	return c.nonLatin() == 0
}

// enough reports whether there are enough words to tell a language: in
// Chinese or Japanese, a word token is a whole phrase.
func (c *langCounts) enough() bool {
	return c.words >= minWords || c.nonLatin() >= minScriptBytes
}

// nonLatin is the bytes of words in scripts other than Latin.
func (c *langCounts) nonLatin() int {
	n := 0
	for s, b := range c.bytes {
		if script(s) != scriptLatin {
			n += b
		}
	}
	return n
}

// clearly reports whether language l clearly is the text's: enough words,
// enough of them (and enough different ones) function words of l, and at
// least twice as many as English function words, by a margin.
func (c *langCounts) clearly(l int) bool {
	if c.words < minWords {
		return false
	}
	share, en := float64(c.hits[l])/float64(c.words), float64(c.hits[langEnglish])/float64(c.words)
	return share >= minShare && share >= 2*en && share-en >= minMargin && c.distinct[l] >= minDistinct
}

// language tells the language from the counts.
func (c *langCounts) language() Language {
	// A script other than Latin for most letters.
	best := scriptLatin
	for s := range numScripts {
		if c.bytes[s] > c.bytes[best] {
			best = s
		}
	}
	if best != scriptLatin && best != scriptOther {
		if c.bytes[best] < minScriptBytes || c.bytes[best] < 4*c.bytes[scriptLatin] {
			return Language{}
		}
		switch best {
		case scriptCyrillic:
			if c.clearly(langRussian) {
				return Language{Name: langNames[langRussian]}
			}
		case scriptHan:
			if c.kana*10 >= c.hanRunes {
				return Language{Name: "Japanese"}
			}
			return Language{Name: "Chinese"}
		case scriptHangul:
			return Language{Name: "Korean"}
		case scriptGreek, scriptHebrew, scriptThai:
			return Language{Name: scriptNames[best]}
		}
		return Language{Name: scriptNames[best], Script: true}
	}
	// Latin script: the language whose function words are most of the
	// words, when it is clearly not English.
	top := langEnglish
	for l := range numLangs {
		if c.hits[l] > c.hits[top] {
			top = l
		}
	}
	if top != langEnglish && c.clearly(top) {
		return Language{Name: langNames[top]}
	}
	return Language{}
}

// detectLanguage tells the article's language from its words outside
// quotation marks, or from all its words when too few are outside.
// detectLanguage reads the words outside quotations until the text is
// plainly English (most articles: after 60 to 100 words), else all of
// them: an English article that opens with a passage in another
// language is read on past it.
func (a *Article) detectLanguage() {
	var outside, inside langCounts
	for k, lw := range a.Lowers {
		t := &a.Tokens[k]
		if t.Kind != Word {
			continue
		}
		if t.flags&tokenQuoted == 0 {
			outside.count(a, k, lw)
			if outside.words%20 == 0 && outside.plainlyEnglish() {
				break // reading on would not change the answer
			}
		} else {
			inside.count(a, k, lw)
		}
	}
	if !outside.enough() {
		outside.add(&inside)
	}
	a.Language = outside.language()
}
