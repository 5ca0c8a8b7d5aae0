package people

import (
	"github.com/newslint/newslint/article"
)

// What a possessive pronoun may stand before. "Her" is an object as
// often as a possessive ("backed her", "her campaign"); "his" is a
// possessive always, and stands alone only where its noun is understood:
// after "be" ("the seat was his"), "of", "than", "as", or in a second of
// two parallel phrases ("compare her record to his", "she kept her
// promises; he broke his"). Where an object belongs and nothing lets a
// noun be understood, "his" is "her" or "him" written wrong: "he has not
// endorsed his or conceded", "gives his an edge", "allowed his to build".

// PossessiveAt reports whether the word at token k is a possessive
// pronoun that owns what follows: "his", or a "her" that owns something
// (PossessiveHerAt), not an object ("backed her").
func PossessiveAt(art *article.Article, k int) bool {
	w := art.Lower(k)
	return w == "his" || w == "her" && PossessiveHerAt(art, k)
}

// ObjectHisAt reports whether the word at token k is a "his" that
// stands where only an object can: after a verb or preposition that
// takes one, before what no possessive can own (a determiner or pronoun,
// "or", or a comma, semicolon, colon or full stop), with no possessive
// earlier in its sentence whose noun it could stand for across a
// comparison or a parallel ("than", "to", "like", "and", a comma), and
// none standing alone after it ("He gave his, and Dorn kept hers").
// Words inside quotations are the speaker's and never judged.
func ObjectHisAt(art *article.Article, k int) bool {
	if art.Lower(k) != "his" || art.IsCapWord(k) || art.InQuote(k) {
		return false
	}
	// What stands before it: a lower-case word that takes an object.
	prev := k - 1
	if !art.IsWord(prev) || art.IsCapWord(prev) || art.InQuote(prev) {
		return false
	}
	if p := art.Lower(prev); standAloneBefore[p] || determiners[p] || isPronounWord(p) {
		return false
	}
	if _, poss := article.StripPossessive(art.Lower(prev)); poss {
		return false // "it's his", "Reyes's his": not an object's place
	}
	if !objectFollows(art, k+1) {
		return false
	}
	// A possessive that stands alone after it in its sentence makes it
	// one half of a pair ("He gave his, and Dorn kept hers").
	si := art.SentenceOf(k)
	for j := k + 1; j < int(art.Sentences[si].EndToken) && j-k <= 40; j++ {
		if w := art.Lower(j); w != "his" && standAlone[w] && !art.InQuote(j) {
			return false
		}
	}
	// A possessive before it in its sentence, with a comparison or a
	// parallel between, leaves a noun "his" may stand for.
	parallel := false
	for j := k - 1; j >= int(art.Sentences[si].FirstToken) && k-j <= 40; j-- {
		w := art.Lower(j)
		if art.Tokens[j].Kind == article.Punct {
			if w == "," || w == ";" || w == ":" || w == "—" || w == "–" {
				parallel = true
			}
			continue
		}
		if parallelWords[w] {
			parallel = true
		}
		if !parallel {
			continue
		}
		if w == "hers" || w == "his" || w == "my" || w == "your" || w == "our" || w == "their" || w == "its" ||
			w == "her" && PossessiveHerAt(art, j) {
			return false
		}
		if _, poss := article.StripPossessive(w); poss && art.IsCapWord(j) {
			return false // "from Trump's campaign to his"
		}
	}
	return true
}

// objectFollows reports whether token t (the one after "his") is one no
// possessive can own: a determiner or pronoun, "or", or a comma,
// semicolon, colon or full stop. Never an
// opening quotation mark or a capitalised word ("his “tough love”", "his
// No. 1 priority").
func objectFollows(art *article.Article, t int) bool {
	if t >= len(art.Tokens) || art.QuoteOf(t) != art.QuoteOf(t-1) {
		return false
	}
	w := art.Lower(t)
	switch art.Tokens[t].Kind {
	case article.Punct:
		return w == "," || w == ";" || w == ":" || w == "." || w == "!" || w == "?" || w == ")"
	case article.Word:
	default:
		return false
	}
	if art.IsCapWord(t) {
		return false
	}
	if w == "or" {
		return true
	}
	// Not "to": "allowed his to build" is a slip, but "gave his to
	// charity" a possessive standing alone, and only a lexicon of verbs
	// would tell them apart.
	return objectDeterminers[w] || w != "his" && w != "her" && isPronounWord(w)
}

// standAloneBefore are the words after which "his" stands alone with its
// noun understood ("was his", "a friend of his", "more than his", "all
// his"), or begins a phrase of its own ("and his", "but his").
var standAloneBefore = setOf(`is was be been being are were am become became becomes remain remained remains
seem seemed seems of than as like and or nor but all both not`)

// standAlone are the possessives that stand alone ("compared his to
// hers").
var standAlone = setOf(`hers his theirs ours mine yours`)

// parallelWords join a phrase to one before it in which a noun stands
// that a lone "his" may leave understood ("her plan, not his", "compare
// her record to his", "like she showed hers, he showed his").
var parallelWords = setOf(`than to like as and or but not nor from with unlike while whereas versus vs`)

// objectDeterminers begin a noun phrase of their own: "his" before one
// owns nothing ("gives his an edge").
var objectDeterminers = setOf(`a an the this that these those some no every each its their our my your`)
