package people

import (
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
)

// mentionIndex finds the mention that starts or ends at a token, by binary
// search over the mentions (in text order, never overlapping).
type mentionIndex struct {
	pm *Model
	// flags are the analysis's token flags, with the tokens where a
	// mention starts or ends marked (flagMentionStart, flagMentionEnd),
	// so that most tokens are answered without a search; nil once the
	// analysis is over.
	flags []uint16
}

// newMentionIndex indexes the mentions, which no longer move.
func newMentionIndex(a *analysis, pm *Model) *mentionIndex {
	for _, m := range pm.Mentions {
		if m.EndToken > m.FirstToken {
			a.tokFlags[m.FirstToken] |= flagMentionStart
			a.tokFlags[m.EndToken-1] |= flagMentionEnd
		}
	}
	return &mentionIndex{pm: pm, flags: a.tokFlags}
}

// startAt returns the mention whose first token is tok. Mentions do not
// overlap and are in text order, so a binary search finds it: no table
// the size of the article.
func (mi *mentionIndex) startAt(tok int) (int, bool) {
	if mi.flags != nil && (tok < 0 || tok >= len(mi.flags) || mi.flags[tok]&flagMentionStart == 0) {
		return -1, false
	}
	ms := mi.pm.Mentions
	k := sort.Search(len(ms), func(i int) bool { return int(ms[i].FirstToken) >= tok })
	if k < len(ms) && int(ms[k].FirstToken) == tok {
		return k, true
	}
	return -1, false
}

// endAt returns the mention that ends just before token tok.
func (mi *mentionIndex) endAt(tok int) (int, bool) {
	if mi.flags != nil && (tok < 1 || tok > len(mi.flags) || mi.flags[tok-1]&flagMentionEnd == 0) {
		return -1, false
	}
	ms := mi.pm.Mentions
	k := sort.Search(len(ms), func(i int) bool { return int(ms[i].EndToken) >= tok })
	if k < len(ms) && int(ms[k].EndToken) == tok {
		return k, true
	}
	return -1, false
}

// isSpeaker reports whether a mention can be a speaker (a person).
func (mi *mentionIndex) isSpeaker(i int) bool {
	m := mi.pm.Mentions[i]
	switch m.Form {
	case Pronoun, RolePhrase:
		return true
	}
	if !m.Kind.MayBePerson() {
		return false // an organisation or a place
	}
	return m.Entity >= 0 || len(m.Words) > 0
}

// speakerAfterVerb finds the speaker right after an inverted speech verb
// ("said Andrei Kobyakov", "added the Belarusian leader").
func (a *analysis) speakerAfterVerb(mi *mentionIndex, v, end int) int {
	switch speechVerbs[a.Lower(v)] {
	case "tell", "urge", "warn":
		return -1 // "told X": X is the listener
	}
	if a.SentenceStart(v) && strings.HasSuffix(a.Lower(v), "ing") {
		return -1 // "Adding X's stock …"
	}
	for k := v + 1; k < end && k <= v+2; k++ {
		if m, ok := mi.startAt(k); ok && mi.isSpeaker(m) {
			// "said Societe Generale economist Alain Marais": an
			// organisation before the person.
			for hops := 0; hops < 3; hops++ {
				e := int(mi.pm.Mentions[m].EndToken)
				next, ok := mi.startAt(e)
				if !ok || e >= end || mi.pm.Mentions[next].Form == Pronoun {
					break
				}
				m = next
			}
			if a.possessiveOfRole(mi.pm.Mentions[m]) {
				// "said Jensen's deputy, Maria Lund": the deputy speaks,
				// named after the role or not at all.
				return a.nameAfterRole(mi, int(mi.pm.Mentions[m].EndToken), end)
			}
			// "said Carroll McEntee and McGinley analyst Brian Singer":
			// a titled person later in the clause is the speaker.
			if mi.pm.Mentions[m].Form != TitledName && mi.pm.Mentions[m].Form != Pronoun {
				for j := int(mi.pm.Mentions[m].EndToken); j < end && j < int(mi.pm.Mentions[m].EndToken)+8; j++ {
					if a.Tokens[j].Kind == article.Punct && a.Tok(j) != "-" {
						break
					}
					if tm, ok := mi.startAt(j); ok && mi.pm.Mentions[tm].Form == TitledName {
						return tm
					}
				}
			}
			return m
		}
		if a.Tokens[k].Kind == article.Punct {
			return -1
		}
	}
	return -1
}

// possessiveOfRole reports whether a mention is a possessive followed by a
// lower-case noun ("Jensen's deputy", "Smith's wife"): the one it names is
// not the one the phrase is about.
func (a *analysis) possessiveOfRole(m Mention) bool {
	if m.Form == Pronoun || int(m.EndToken) >= len(a.Tokens) {
		return false
	}
	last := a.Tok(int(m.EndToken) - 1)
	if _, poss := article.StripPossessive(last); !poss && !a.IsPunct(int(m.EndToken), "'") && !a.IsPunct(int(m.EndToken), "’") {
		return false
	}
	k := int(m.EndToken)
	for a.Tokens[k].Kind == article.Punct && k < int(m.EndToken)+2 && k+1 < len(a.Tokens) {
		k++ // the apostrophe of "Jones' deputy"
	}
	return a.Tokens[k].Kind == article.Word && !a.IsCapWord(k)
}

// nameAfterRole finds the name that follows a role phrase starting at
// token from, within the clause ("deputy, Maria Lund", "deputy Maria
// Lund"), or -1.
func (a *analysis) nameAfterRole(mi *mentionIndex, from, end int) int {
	for k := from; k < end && k < from+6; k++ {
		if m, ok := mi.startAt(k); ok && mi.isSpeaker(m) && mi.pm.Mentions[m].Form != Pronoun {
			return m
		}
		if a.Tokens[k].Kind == article.Punct && a.Tok(k) != "," && a.Tok(k) != "'" && a.Tok(k) != "’" {
			return -1
		}
	}
	return -1
}

// skippable are the words that may stand between a subject and its speech
// verb ("Pelosi also said", "he later told", "Smith has said").
var skippable = setOf("also later then again has had have would will was is once further previously earlier recently quickly simply only yet still just on Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today")

// appositiveHead looks back from token from for "Name, a/the/another …" or
// "Name, <occupation> …" within the clause: the person an appositive
// describes ("Mark Rogers, paper analyst for Prudential Bache said").
func (a *analysis) appositiveHead(mi *mentionIndex, from, start int) int {
	sawVerb := false // "McCain, the nominee, issued a statement after Trump told": no appositive
	for j := from - 1; j >= start && j >= from-16; j-- {
		if a.InQuote(j) {
			return -1
		}
		if a.IsWord(j) && !a.IsCapWord(j) && a.verbLike(j) {
			sawVerb = true
		}
		if a.Tokens[j].Kind == article.Punct {
			w := a.Tok(j)
			if w != "," {
				if strings.Contains(".!?;:“”\"", w) {
					return -1
				}
				continue
			}
			pm, ok := mi.endAt(j)
			if !ok || !mi.isSpeaker(pm) || mi.pm.Mentions[pm].Form == Pronoun || int(mi.pm.Mentions[pm].FirstToken) < start {
				continue
			}
			if prepositions[a.Lower(int(mi.pm.Mentions[pm].FirstToken)-1)] || determiners[a.Lower(int(mi.pm.Mentions[pm].FirstToken)-1)] && prepositions[a.Lower(int(mi.pm.Mentions[pm].FirstToken)-2)] {
				continue // "In a statement to the Observer, her adviser, …": an object
			}
			n := j + 1
			if n < len(a.Tokens) && a.Tokens[n].Kind == article.Number && a.IsPunct(n+1, ",") {
				n += 2 // "Jimmy Ghazal, 39, a Lebanese man visiting Nice,": the age first
			}
			next := a.Lower(n)
			_, poss := article.StripPossessive(a.Tok(n))
			switch {
			case next == "who":
				return pm
			case sawVerb:
				return -1
			case next == "a" || next == "an" || next == "the" || next == "another" || next == "one" || next == "its":
				return pm
			case poss || isOccupation(next) || isOccupation(a.Lower(n+1)) || a.titleWithin(n, from):
				return pm
			}
		}
	}
	return -1
}

// titleWithin reports whether a title stands among tokens [from, to):
// "Bond Corp's Executive Director for Finance and Administration".
func (a *analysis) titleWithin(from, to int) bool {
	for k := from; k < to; k++ {
		if c, next := a.matchTitle(k, to); next > 0 && c != "" {
			return true
		}
	}
	return false
}

// speakerBeforeVerb finds the subject ending right before a speech verb,
// skipping adverbs, auxiliaries and an appositive between commas.
func (a *analysis) speakerBeforeVerb(mi *mentionIndex, v, start int) int {
	k := v
	for k > start && (skippable[a.Lower(k-1)] || skippable[a.Tok(k-1)]) {
		k--
	}
	// "Jamel Msallem, said"
	if a.IsPunct(k-1, ",") {
		if m, ok := mi.endAt(k - 1); ok && mi.isSpeaker(m) && int(mi.pm.Mentions[m].FirstToken) >= start {
			// "Jerry Gidel, livestock analyst for GH Miller, said": the
			// head of the appositive speaks.
			if h := a.appositiveHead(mi, int(mi.pm.Mentions[m].FirstToken), start); h >= 0 {
				return h
			}
			return m
		}
	}
	if m, ok := mi.endAt(k); ok && mi.isSpeaker(m) && int(mi.pm.Mentions[m].FirstToken) >= start {
		// "Trump, who has insulted women, …, she replied": a pronoun
		// never ends an appositive.
		if h := a.appositiveHead(mi, int(mi.pm.Mentions[m].FirstToken), start); h >= 0 && mi.pm.Mentions[m].Form != Pronoun {
			return h
		}
		// "Robert Dole of Kansas said", "Shuichi Takemoto of the Foreign
		// Ministry's North American Division told": the person stands
		// before the "of".
		for j := int(mi.pm.Mentions[m].FirstToken) - 1; j >= start && j >= k-10; j-- {
			if a.InQuote(j) || a.Tokens[j].Kind == article.Punct && a.Tok(j) != "'" && a.Tok(j) != "’" {
				break
			}
			lw := a.Lower(j)
			if lw == "of" || lw == "at" || lw == "from" || lw == "for" || lw == "with" {
				if pm, ok := mi.endAt(j); ok && mi.isSpeaker(pm) && int(mi.pm.Mentions[pm].FirstToken) >= start {
					return pm
				}
			}
		}
		return m
	}
	// "X, the prime minister, said": skip back over the appositive.
	if a.IsPunct(k-1, ",") {
		for j := k - 2; j >= start && j >= k-12; j-- {
			if a.IsPunct(j, ",") {
				if j-2 >= start && a.Tokens[j-1].Kind == article.Number && a.IsPunct(j-2, ",") {
					j -= 2 // "Jimmy Ghazal, 39, a man visiting Nice with his family, told"
				}
				if m, ok := mi.endAt(j); ok && mi.isSpeaker(m) && mi.pm.Mentions[m].Form != Pronoun {
					return m
				}
				break
			}
			if a.InQuote(j) {
				break
			}
		}
	}
	return -1
}

func (a *analysis) speechVerbAt(i int) bool {
	if i < 0 || i >= len(a.Tokens) || a.Tokens[i].Kind != article.Word || a.InQuote(i) {
		return false
	}
	return a.tokFlags[i]&flagSpeechVerb != 0 && !a.askedParticiple(i)
}

// askedParticiple reports whether "asked" at token i opens a participle
// clause about the main clause's subject ("Asked by Ortiz about the
// deficit, Reyes said", "When asked whether it would pass, she said"):
// whoever asks is not the one who speaks, and the clause reports no
// statement.
func (a *analysis) askedParticiple(i int) bool {
	if a.Lower(i) != "asked" {
		return false
	}
	switch a.Lower(i + 1) {
	case "by", "about", "whether", "if", "why", "what", "how", "when", "where", "who", "to", "for":
	default:
		return false
	}
	switch a.Lower(i - 1) {
	case "when", "if", "as", "after", "once", "before", "while":
		return true
	}
	return a.SentenceStart(i) || a.IsPunct(i-1, ",") || a.IsPunct(i-1, "(")
}

// sentenceEndPunct reports tokens that end a clause for attribution.
func (a *analysis) clauseEnd(i int) bool {
	if a.Tokens[i].Kind != article.Punct {
		return false
	}
	switch a.Tok(i) {
	case ".", "!", "?", ";", "“", "\"", "”":
		return true
	}
	return false
}

// attributeQuotes finds the speaker of every double quotation (see
// speech.go for the grammar), then the reported statements outside
// quotations.
func (a *analysis) attributeQuotes(pm *Model) {
	pm.attributions = newAttributionTable(len(a.Quotes))
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		if at, v, ok := a.attributeQuote(pm, qi); ok {
			pm.setAttribution(qi, at)
			// A tag after a quotation reports only that quotation; a
			// clause before it ("Trump told a town hall that
			// waterboarding is “peanuts”") is a reported statement too.
			if v >= 0 && at.Pattern != "before-quote" && at.Pattern != "colon-intro" {
				a.tokFlags[v] |= flagVerbUsed
			}
		}
	}
	a.shareMultiParagraph(pm)
	a.reportedStatements(pm)
	a.continueSpeakers(pm)
}

// attributeQuote reads the reporting clause of quotation qi, trying the
// places a clause stands in turn (speech.go). v is the cue's token, or -1.
func (a *analysis) attributeQuote(pm *Model, qi int) (at Attribution, v int, ok bool) {
	q := a.Quotes[qi]
	t := a.TokenIndexAt(q.Open().Start)
	si := a.SentenceAt(q.Open().Start)
	sentStart := t
	if si >= 0 {
		sentStart = int(a.Sentences[si].FirstToken)
	}
	after := func() (Attribution, int, bool) {
		if !q.Closed {
			return Attribution{}, -1, false
		}
		ct := a.TokenIndexAt(q.Close().End)
		end := a.attributionEnd(q, ct)
		if at, v, ok := a.attributionAfter(pm, q, ct, end); ok {
			return at, v, true
		}
		return a.tagAfter(pm, ct, end, "after-quote")
	}
	before := func() (Attribution, int, bool) {
		if si < 0 {
			return Attribution{}, -1, false
		}
		return a.introBefore(pm, t, sentStart)
	}
	// A label: "Pollsters agree - Carl Bialik: “…”".
	colonFrom, colon, hasColon := a.colonBefore(q, t)
	if hasColon {
		if m := a.label(pm, colonFrom, colon); m >= 0 {
			return pm.attribution(m, "colon-intro", article.Span{}), -1, true
		}
	}
	// A partial quotation, run into a sentence ("Ortiz said regulators had
	// “finally listened” until …", "After Scalia said that they might do
	// better at “less advanced schools,” Trump said:"), belongs to the
	// clause before it, when it has one; a quotation that opens its
	// sentence, or follows a colon or a comma, is the object of a tag
	// after it, when it has one.
	first, second := after, before
	if a.partialQuote(q, t, sentStart) {
		first, second = before, after
	}
	if at, v, ok := first(); ok {
		return at, v, true
	}
	if at, v, ok := second(); ok {
		return at, v, true
	}
	// A clause that ends with a colon, in the sentence or as the paragraph
	// before.
	var colonAt Attribution
	colonOK, colonStrong := false, false
	if hasColon {
		colonAt, colonStrong, colonOK = a.colonIntro(pm, colonFrom, colon)
		if colonOK && colonStrong {
			return colonAt, -1, true
		}
	}
	// “Q.” X said. — a tag that is a sentence of its own.
	if q.Closed {
		ct := a.TokenIndexAt(q.Close().End)
		if ns := a.SentenceAt(q.Close().End - 1); ns >= 0 && ns+1 < len(a.Sentences) && a.Sentences[ns+1].Para == q.Para && int(a.Sentences[ns+1].FirstToken) == ct {
			end := min(int(a.Sentences[ns+1].EndToken), ct+14)
			if at, k, ok := a.tagAfter(pm, ct, end, "tag-sentence"); ok && k <= ct+8 && !a.quoteIn(k, int(a.Sentences[ns+1].EndToken)) {
				if ce, _ := a.cueAt(k); !a.complementAfter(ce, end) || k == ct {
					return at, k, true
				}
			}
		}
	}
	if colonOK {
		return colonAt, -1, true
	}
	if at, ok := a.credit(pm, q); ok {
		return at, -1, true
	}
	return Attribution{}, -1, false
}

// credit reads a pull-quote's credit: a dash and a name after the
// quotation, in its paragraph or as the paragraph after a paragraph that
// is only the quotation ("“…” — Bernie Sanders", "“…” ¶ - Michelle Marks,
// Philadelphia.").
func (a *analysis) credit(pm *Model, q article.Quote) (Attribution, bool) {
	if !q.Closed {
		return Attribution{}, false
	}
	k := a.TokenIndexAt(q.Close().End)
	for k < len(a.Tokens) && (a.IsPunct(k, ".") || a.IsPunct(k, ",")) && a.Tokens[k].Start() < a.Paragraphs[q.Para].End() {
		k++
	}
	if k >= len(a.Tokens) {
		return Attribution{}, false
	}
	if a.Tokens[k].Start() >= a.Paragraphs[q.Para].End() {
		// The paragraph after: q must be the whole of its paragraph, and
		// the credit a short paragraph of its own.
		p := a.Paragraphs[q.Para]
		if q.Open().Start != p.Start() || int(q.Para)+1 >= len(a.Paragraphs) {
			return Attribution{}, false
		}
		next := a.Paragraphs[int(q.Para)+1]
		if a.TokenIndexAt(next.End())-k > 15 {
			return Attribution{}, false
		}
	}
	if !a.dashAt(k) {
		return Attribution{}, false
	}
	m, ok := pm.index.startAt(k + 1)
	if !ok || pm.Mentions[m].Form == Pronoun || !pm.index.isSpeaker(m) && pm.Mentions[m].Kind != KindOrganisation {
		return Attribution{}, false
	}
	return pm.attribution(m, "credit", article.Span{}), true
}

// dashAt reports whether token k is a dash.
func (a *analysis) dashAt(k int) bool { return a.IsDash(k) }

// partialQuote reports whether quotation q (whose first token is t) is
// run into its sentence: words of the sentence stand before it, and
// neither a colon nor a comma nor a dash introduces it.
func (a *analysis) partialQuote(q article.Quote, t, sentStart int) bool {
	if t <= sentStart {
		return false
	}
	switch a.Tok(t - 1) {
	case ":", ",", "—", "–", "-":
		return false
	}
	return true
}

// quoteIn reports whether a double quotation opens among tokens [from,
// to): a sentence that introduces a quotation of its own is no tag of the
// one before.
func (a *analysis) quoteIn(from, to int) bool {
	for k := from; k < to; k++ {
		if q := a.QuoteOf(k); q >= 0 && !a.Quotes[q].Single {
			return true
		}
	}
	return false
}

// colonBefore finds a clause ending with a colon just before quotation q
// (whose first token is t): in its paragraph, or as the paragraph before
// when q opens its paragraph. It returns the clause's first token and the
// colon's.
func (a *analysis) colonBefore(q article.Quote, t int) (from, colon int, ok bool) {
	c := t - 1
	if c < 0 || !a.IsPunct(c, ":") {
		return 0, 0, false
	}
	p := a.Paragraphs[q.Para]
	if a.Tokens[c].Start() < p.Start() {
		// The colon ends the paragraph before: q must open its paragraph.
		if q.Open().Start != p.Start() || q.Para == 0 {
			return 0, 0, false
		}
	}
	si := a.SentenceOf(c)
	if si >= len(a.Sentences) {
		return 0, 0, false
	}
	return int(a.Sentences[si].FirstToken), c, true
}

// attributionAfter reads the attribution after a closed quotation, from
// token t to end, with the speaker named by a mention: “Q,” said X. /
// “Q,” X said. / “Q,” X told reporters. / “Q,” according to X.
func (a *analysis) attributionAfter(pm *Model, q article.Quote, t, end int) (Attribution, int, bool) {
	mi := pm.index
	for k := t; k < end; k++ {
		if !a.speechVerbAt(k) {
			continue
		}
		sp := -1
		if a.firstWordAfter(t, k) {
			sp = a.speakerAfterVerb(mi, k, end)
		}
		if sp < 0 {
			sp = a.speakerBeforeVerb(mi, k, t)
			// The subject is the tag's first words: “Q” until Haley said
			// is no tag.
			if sp >= 0 && !a.firstWordAfter(t, a.tagSubjectStart(pm, sp)) {
				sp = -1
			}
		}
		if sp >= 0 {
			return pm.attribution(sp, "after-quote", a.Tokens[k].Span()), k, true
		}
		break
	}
	for k := t; k+1 < end; k++ {
		if m, verb, isPhrase := a.accordingTo(mi, k); isPhrase {
			if m >= 0 {
				return pm.attribution(m, "according-to", verb), -1, true
			}
			// “Q,” according to a court document filed by …
			if ps, ok := a.phraseAfter(k+2, end); ok {
				if at, ok := a.sourceOf(pm, ps, "according-to", verb); ok {
					return at, -1, true
				}
			}
			break
		}
	}
	return Attribution{}, -1, false
}

// tagSubjectStart is where the subject holding mention sp starts: the
// mention, or a title or determiner run before it ("Republican party boss
// Reince Priebus", "the Kazakh leader").
func (a *analysis) tagSubjectStart(pm *Model, sp int) int {
	j := int(pm.Mentions[sp].FirstToken)
	for j > 0 && a.Tokens[j-1].Kind == article.Word && !a.InQuote(j-1) && !subordinators[a.Lower(j-1)] && !phraseStop[a.Lower(j-1)] {
		j--
	}
	return j
}

// attributionEnd is where the clause that follows a quotation (from token
// t) ends: at most 14 tokens on, in the paragraph, outside quotations, up
// to the clause's end. A quotation that ends its sentence ("… “switched
// off”. He added") has no attribution after it.
func (a *analysis) attributionEnd(q article.Quote, t int) int {
	para := a.Paragraphs[q.Para]
	limit := len(a.Tokens)
	if si := a.SentenceAt(q.Close().Start); si >= 0 {
		// “… vote their conscience.” La Riva argued …: a quotation that
		// ends its sentence takes no attribution from the next one.
		limit = int(a.Sentences[si].EndToken)
	}
	end := t
	for end < limit && end < t+30 && a.Tokens[end].Start() < para.End() && !a.InQuote(end) {
		end++
	}
	for k := t; k < end; k++ {
		if a.clauseEnd(k) && (k > t || strings.Contains(".!?;", a.Tok(k))) && !a.abbreviationStop(k) {
			return k
		}
	}
	return end
}

// abbreviationStop reports whether token k is the full stop of an
// abbreviation inside its sentence ("Gov. Kasich replied").
func (a *analysis) abbreviationStop(k int) bool {
	return a.IsPunct(k, ".") && k+1 < len(a.Tokens) && !a.OpensSentence(k+1) && a.IsWord(k-1)
}

// shareMultiParagraph gives every part of a quotation that runs over
// several paragraphs the speaker of the part that has one.
func (a *analysis) shareMultiParagraph(pm *Model) {
	for qi, q := range a.Quotes {
		if q.Prev >= 0 || q.Next < 0 {
			continue
		}
		chain := []int{qi}
		for n := int(q.Next); n >= 0; n = int(a.Quotes[n].Next) {
			chain = append(chain, n)
		}
		src := -1
		for _, c := range chain {
			if pm.Attribution(c).Attributed() {
				src = c
				break
			}
		}
		if src < 0 {
			continue
		}
		for _, c := range chain {
			if !pm.Attribution(c).Attributed() {
				s := pm.Attribution(src)
				pm.setAttribution(c, Attribution{Speaker: s.Speaker, Entity: s.Entity, Source: s.Source, Pattern: "multi-paragraph", Continues: int32(src)})
			}
		}
	}
}

// continueSpeakers gives a split quotation's later parts, a later
// quotation of the paragraph that opens a sentence with no cue of its
// own, and a paragraph that is only a quotation, the previous speaker.
func (a *analysis) continueSpeakers(pm *Model) {
	quoteOnly := make(map[int]bool)
	for pi := range a.Paragraphs {
		if a.quoteOnlyParagraph(pi) {
			quoteOnly[pi] = true
		}
	}
	last := -1 // the last attributed quotation
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		if pm.Attribution(qi).Attributed() {
			last = qi
			continue
		}
		if last < 0 {
			continue
		}
		prev := pm.Attribution(last)
		lq := a.Quotes[last]
		samePara := q.Para == lq.Para
		onlyQuote := q.Para == lq.Para+1 && quoteOnly[int(q.Para)]
		from := max(lq.Close().End, prev.Verb.End)
		if (samePara && a.quoteStartsSentence(qi) && !a.speechBetween(from, q.Open().Start)) || onlyQuote {
			pm.setAttribution(qi, Attribution{Speaker: prev.Speaker, Entity: prev.Entity, Source: prev.Source, Pattern: "continues", Continues: int32(last)})
			last = qi
		}
	}
	// “Q” after a sentence that reports a statement, with no cue of its
	// own: "Sam Lau, the party's director, said in a statement. “There
	// are no ballots to recount.”"
	for qi, q := range a.Quotes {
		if q.Single || pm.Attribution(qi).Attributed() || !a.quoteStartsSentence(qi) {
			continue
		}
		if at, ok := a.statementBefore(pm, qi); ok {
			pm.setAttribution(qi, at)
		}
	}
}

// statementBefore finds the reporting clause of the sentence just before
// quotation qi, in its paragraph ("Sam Lau said in a statement.", "her
// husband cut in."), when that sentence holds no quotation and the
// quotation has no cue of its own in its sentence.
func (a *analysis) statementBefore(pm *Model, qi int) (Attribution, bool) {
	q := a.Quotes[qi]
	si := a.SentenceAt(q.Open().Start)
	if si <= 0 || a.Sentences[si-1].Para != q.Para || a.speechBetween(q.Open().Start, a.Sentences[si].End()) {
		return Attribution{}, false
	}
	prev := a.Sentences[si-1]
	if a.quoteIn(int(prev.FirstToken), a.TokenIndexAt(q.Open().Start)) {
		return Attribution{}, false
	}
	for k := int(prev.EndToken) - 1; k >= int(prev.FirstToken); k-- {
		ce, ok := a.cueAt(k)
		if !ok {
			continue
		}
		at, ok := a.subjectOfCue(pm, k, ce, int(prev.EndToken), int(prev.FirstToken), "statement", a.cueSpan(k, ce))
		if !ok || at.Speaker < 0 && !a.statementSubject(at) {
			return Attribution{}, false
		}
		if at.Speaker >= 0 {
			m := pm.Mentions[at.Speaker]
			if m.Form == Pronoun && m.Entity < 0 && m.Referent < 0 {
				return Attribution{}, false
			}
		}
		return at, true
	}
	return Attribution{}, false
}

// statementSubject reports whether a source named by a phrase may make a
// statement: a phrase with a noun of its own, not a pronoun like "it".
func (a *analysis) statementSubject(at Attribution) bool {
	ws := strings.Fields(a.Text(at.Source))
	return len(ws) >= 2
}

// reportedStatements finds the statements reported outside quotations:
// the subject of a speech verb not used by an attribution, "according to
// X", "in his words".
func (a *analysis) reportedStatements(pm *Model) {
	mi := pm.index
	// Room for a statement at every speech verb, at once: the list is not
	// copied as it grows.
	verbs := 0
	for _, f := range a.tokFlags {
		if f&flagSpeechVerb != 0 {
			verbs++
		}
	}
	pm.Statements = slices.Grow(pm.Statements, verbs)
	for si := range a.Sentences {
		s := a.Sentences[si]
		for k := int(s.FirstToken); k < int(s.EndToken); k++ {
			// Only "according", "in" and speech verbs report anything.
			if a.Tokens[k].Kind != article.Word {
				continue
			}
			if lw := a.Lower(k); lw != "according" && lw != "in" && a.tokFlags[k]&flagSpeechVerb == 0 || a.tokFlags[k]&flagVerbUsed != 0 {
				continue
			}
			if m, verb, isPhrase := a.accordingTo(mi, k); isPhrase && !a.InQuote(k) {
				if m >= 0 {
					pm.Statements = append(pm.Statements, Statement{Mention: int32(m), Verb: verb, Para: s.Para, Quote: -1})
				}
				continue
			}
			isVerb := a.speechVerbAt(k)
			if !isVerb && a.Lower(k) == "in" && k+2 < int(s.EndToken) {
				if m, ok := a.inTheirWords(mi, k); ok {
					pm.Statements = append(pm.Statements, Statement{Mention: int32(m), Verb: article.Span{Start: a.Tokens[k].Start(), End: a.Tokens[k+2].End()}, Para: s.Para, Quote: -1})
				}
				continue
			}
			if !isVerb {
				continue
			}
			sp := a.speakerBeforeVerb(mi, k, int(s.FirstToken))
			if sp < 0 {
				sp = a.speakerAfterVerb(mi, k, int(s.EndToken))
			}
			if sp >= 0 {
				pm.Statements = append(pm.Statements, Statement{Mention: int32(sp), Verb: a.Tokens[k].Span(), Para: s.Para, Quote: -1})
			}
		}
	}
}

// inTheirWords reads "In his words", "In her view", "In his opinion" at
// token k (the "in").
func (a *analysis) inTheirWords(mi *mentionIndex, k int) (int, bool) {
	m, ok := mi.startAt(k + 1)
	if !ok || mi.pm.Mentions[m].Form != Pronoun {
		return -1, false
	}
	switch a.Lower(k + 2) {
	case "words", "view", "opinion":
		return m, true
	}
	return -1, false
}

// accordingTo reads "according to X" at token k: isPhrase tells whether the
// words are there, m is X's mention (or -1) and verb spans "according to".
func (a *analysis) accordingTo(mi *mentionIndex, k int) (m int, verb article.Span, isPhrase bool) {
	if a.Lower(k) != "according" || a.Lower(k+1) != "to" {
		return -1, article.Span{}, false
	}
	verb = article.Span{Start: a.Tokens[k].Start(), End: a.Tokens[k+1].End()}
	if x, ok := mi.startAt(k + 2); ok && mi.isSpeaker(x) {
		return x, verb, true
	}
	return -1, verb, true
}

// firstWordAfter reports whether verb token v is the first word after the
// quotation's closing mark at token t (punctuation aside).
func (a *analysis) firstWordAfter(t, v int) bool {
	for k := t; k < v; k++ {
		if a.Tokens[k].Kind != article.Punct {
			return false
		}
	}
	return true
}

// quoteOnlyParagraph reports whether a paragraph opens with a quotation and
// has no speech verb outside quotations.
func (a *analysis) quoteOnlyParagraph(pi int) bool {
	p := &a.Paragraphs[pi]
	if first, ok := p.FirstQuote(); !ok || a.Quotes[first].Open().Start != p.Start() {
		return false
	}
	return !a.speechBetween(p.Start(), p.End())
}

// quoteStartsSentence reports whether quote qi stands at a sentence start.
func (a *analysis) quoteStartsSentence(qi int) bool {
	q := a.Quotes[qi]
	si := a.SentenceAt(q.Open().Start)
	return si >= 0 && a.Sentences[si].Start() == q.Open().Start
}

// speechBetween reports whether a speech verb stands outside quotations
// between two offsets.
func (a *analysis) speechBetween(from, to int) bool {
	for k := a.TokenIndexAt(from); k < len(a.Tokens) && a.Tokens[k].Start() < to; k++ {
		if a.speechVerbAt(k) {
			return true
		}
	}
	return false
}

// attribution gives a quotation the speaker mention sp, found by pattern
// at verb.
func (pm *Model) attribution(sp int, pattern string, verb article.Span) Attribution {
	return Attribution{Speaker: int32(sp), Entity: pm.Mentions[sp].Entity, Source: pm.Mentions[sp].Span(), Pattern: pattern, Verb: verb, Continues: -1}
}

// nextIsSpeechVerb reports whether the first word from token i (within
// three tokens) is a speech verb ("Egan said").
func (a *analysis) nextIsSpeechVerb(i int) bool { return a.speechVerbNear(i, 1, 3) }

// prevIsSpeechVerb reports whether the word before token i (within two
// tokens) is a speech verb ("said Egan").
func (a *analysis) prevIsSpeechVerb(i int) bool { return a.speechVerbNear(i-1, -1, 2) }

// speechVerbNear reports whether the first word met walking from token
// from in direction step, within n tokens, is a speech verb.
func (a *analysis) speechVerbNear(from, step, n int) bool {
	for k := from; k >= 0 && k < len(a.Tokens) && k != from+step*n; k += step {
		if a.Tokens[k].Kind != article.Punct {
			return a.tokFlags[k]&flagSpeechVerb != 0
		}
	}
	return false
}

// possessiveBefore reports whether the word before token i is a
// capitalised possessive ("Repligen's Egan").
func (a *analysis) possessiveBefore(i int) bool {
	if i == 0 || !a.IsCapWord(i-1) {
		return false
	}
	_, poss := article.StripPossessive(a.Tok(i - 1))
	return poss
}
