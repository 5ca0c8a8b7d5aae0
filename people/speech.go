package people

// The grammar of reported speech: how an editor reads who said a
// quotation. A quotation's speaker is the source of the reporting clause
// that governs it, and that clause stands in one of a few places:
//
//   - after the quotation, as a tag: “Q,” said X. / “Q,” X said. /
//     “Q?” X asked. / “Q.” X said. (a tag of its own sentence) /
//     “Q,” X, the union's secretary, wrote on Friday.
//   - before it, in its sentence: X said: “Q” / X told reporters, “Q” /
//     X said the scheme would “Q” / X …, saying, “Q” / according to X,
//     “Q” / As X reported, “Q” / Y was asked by X, “Q”.
//   - before it, ending in a colon, in its sentence or as the paragraph
//     before: X turned on the moderators: “Q” / In a post, X wrote: ¶ “Q”.
//
// or the quotation continues an earlier one (a split quotation, a later
// quotation of the same paragraph, a paragraph that is only a quotation;
// see continueSpeakers). The source is a person's mention when the clause
// has one; else an organisation's ("Politico reported"); else the noun
// phrase as written ("the statement said", "a spokeswoman said", "the
// ministry said in a statement"), which names a source but no person.

import (
	"strings"

	"github.com/newslint/newslint/article"
)

// cueVerbBases are the verbs that report what someone said or wrote. A
// tag or an introduction is read only with one of them (or a speech verb,
// see speechVerbBases); a verb that is also a common noun ("state",
// "claim") counts only in the positions where a verb stands.
var cueVerbBases = []string{
	"charge", "retort", "counter", "shout", "yell", "scream", "cry", "chant", "plead", "muse", "wonder",
	"echo", "retaliate", "snap", "scoff", "demand", "vow", "promise", "pledge", "post", "email", "text",
	"testify", "report", "allege", "deny", "reason", "opine", "tout", "laugh", "sigh", "whisper",
	"interject", "proclaim", "blurt", "gush", "rave", "fume", "grumble", "mutter", "elaborate", "clarify",
	"summarize", "summarise", "agree", "disagree", "concur", "object", "protest", "thunder", "bellow",
	"rant", "recite", "repeat", "read", "quote", "assure", "reassure", "threaten", "challenge", "inquire",
	"enquire", "query", "tease", "taunt", "blast", "slam", "retweet", "answer", "relate", "reflect",
	"joke", "quip", "ask", "note", "point", "state", "claim", "comment", "urge", "warn", "continue",
	"maintain", "say", "tell", "write", "add", "insist", "declare", "reply", "respond", "explain",
	"conclude", "remark", "observe", "announce", "acknowledge", "admit", "concede", "confirm", "tweet",
	"predict", "suggest", "exclaim", "assert", "contend", "caution", "complain", "boast", "lament",
	"recount", "reiterate", "affirm", "underline", "emphasize", "emphasise", "stress", "argue", "recall",
	"posit", "surmise", "speculate", "advise", "counsel", "boom", "intone", "preach", "lecture",
	"mock", "bark", "demur", "question", "react", "gripe", "crow", "huff", "scold", "remember", "exhort", "riff",
}

// cueVerbs maps every inflection of a cue verb to its base.
var cueVerbs = func() map[string]string {
	v := inflect(cueVerbBases)
	for k, base := range irregularSpeech {
		v[k] = base
	}
	for k, base := range map[string]string{
		"admitted": "admit", "admitting": "admit", "concurred": "concur", "concurring": "concur",
		"snapped": "snap", "snapping": "snap", "rebutted": "rebut", "rebutting": "rebut", "quipped": "quip",
		"quipping": "quip", "reacted": "react", "reacts": "react", "regretted": "regret",
	} {
		v[k] = base
	}
	for k, base := range map[string]string{
		"read": "read", "spoke": "speak", "speaks": "speak", "cried": "cry", "cries": "cry",
		"went": "go", "goes": "go", "shot": "shoot", "shoots": "shoot", "fired": "fire", "fires": "fire",
		"hit": "hit", "hits": "hit", "cut": "cut", "cuts": "cut", "chimed": "chime", "chimes": "chime",
		"piped": "pipe", "pipes": "pipe", "emailed": "email", "texted": "text", "posted": "post",
		"put": "put", "puts": "put",
	} {
		v[k] = base
	}
	return v
}()

// phrasalCues are the verbs that report speech only with their particle
// ("went on", "shot back", "cut in", "chimed in", "pointed out").
var phrasalCues = map[string]string{
	"go": "on", "speak": "up", "shoot": "back", "fire": "back", "hit": "back", "cut": "in", "chime": "in",
	"pipe": "up", "point": "out", "put": "it",
}

// inflect builds the inflections of verb bases: -s, -ed, -ing, with the
// spelling changes of regular verbs.
func inflect(bases []string) map[string]string {
	v := make(map[string]string, 5*len(bases)) // each base has up to four inflections
	for _, b := range bases {
		v[b] = b
		stem := b
		switch {
		case strings.HasSuffix(b, "y") && !strings.HasSuffix(b, "ay") && !strings.HasSuffix(b, "ey"):
			v[b[:len(b)-1]+"ies"] = b
			v[b[:len(b)-1]+"ied"] = b
		case strings.HasSuffix(b, "e"):
			stem = b[:len(b)-1]
			v[b+"s"] = b
			v[b+"d"] = b
		case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "o"):
			v[b+"es"] = b
			v[b+"ed"] = b
		default:
			v[b+"s"] = b
			v[b+"ed"] = b
		}
		v[stem+"ing"] = b
	}
	return v
}

// cueAt reports whether token k is a verb that reports speech, and where
// the cue ends (after its particle: "went on", "shot back").
func (a *analysis) cueAt(k int) (end int, ok bool) {
	if k < 0 || k >= len(a.Tokens) || a.Tokens[k].Kind != article.Word || a.InQuote(k) || a.IsCapWord(k) && !a.SentenceStart(k) {
		return 0, false
	}
	base, ok := cueVerbs[a.Lower(k)]
	if !ok {
		return 0, false
	}
	if adjectiveBefore[a.Lower(k-1)] && !strings.HasSuffix(a.Lower(k), "ing") {
		return 0, false // "about alleged “sudden acceleration”", "the stated aim"
	}
	if lw := a.Lower(k); nounToo[lw] {
		// "Trump's comments", "the email story": a noun.
		if _, poss := article.StripPossessive(a.Lower(k - 1)); poss || a.IsPunct(k-1, "’") || a.IsPunct(k-1, "'") {
			return 0, false
		}
		if nw := a.Lower(k + 1); a.IsWord(k+1) && !a.IsCapWord(k+1) && !determiners[nw] && !prepositions[nw] && !subordinators[nw] && !phraseStop[nw] && !strings.HasSuffix(nw, "ly") && !isPronounWord(nw) {
			return 0, false
		}
	}
	if p, phrasal := phrasalCues[base]; phrasal {
		if a.Lower(k+1) != p {
			return 0, false
		}
		return k + 2, true
	}
	if a.askedParticiple(k) {
		return 0, false
	}
	return k + 1, true
}

// adjectiveBefore are the words after which a participle is an adjective,
// not a verb ("the reported “deal”", "about alleged abuse").
var adjectiveBefore = setOf("the a an its their his her our my your this that these those about of for with on in")

// isPronounWord reports personal pronouns and "it", "this", "that".
func isPronounWord(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that":
		return true
	}
	return false
}

// auxiliaries are the words of a verb chain before a cue ("would later
// tell", "went on to say", "began by saying", "is quoted as saying").
var auxiliaries = setOf("to by on went go goes began begin begins decided decides wanted wants would will could can must should might may did does do has had have also then later again once further quickly simply only yet still just has continued proceeded is was were are be quoted been being not never ever even heard seen shown")

// chainStart walks back from cue k over the verb chain and the adverbs
// before it: the subject ends where the chain starts.
func (a *analysis) chainStart(k, start int) int {
	j := k
	for j > start {
		w := a.Lower(j - 1)
		if a.Tokens[j-1].Kind != article.Word || a.InQuote(j-1) || a.IsCapWord(j-1) && !skippable[a.Tok(j-1)] {
			break
		}
		if (w == "this" || w == "that" || w == "much" || w == "plenty" || w == "little") && a.Lower(j) == "to" && (a.Lower(j-2) == "had" || a.Lower(j-2) == "has" || a.Lower(j-2) == "have") {
			j -= 2 // "had this to say"
			continue
		}
		if !(auxiliaries[w] || skippable[w] || strings.HasSuffix(w, "ly") && len(w) > 4) {
			break
		}
		j--
	}
	return j
}

// phraseStop are the words a subject never runs back over: prepositions,
// conjunctions that open a clause, and verbs.
var phraseStop = setOf("in at on for with by from to after before during about into over under since until as than when while if because though although that so but where once whether unless and or nor is was are were be been has have had do did does will would can could should may might must not also then yet")

// subordinators open an adverbial clause; a subject found after one
// belongs to that clause ("After Trump argued …").
var subordinators = setOf("after before when while as since because though although if once until unless whereas even")

// IsSubordinator reports whether a lower-case word opens a subordinate
// clause ("when", "although", "because").
func IsSubordinator(w string) bool { return subordinators[w] }

// IsRelativeWord reports whether a lower-case word opens a relative
// clause ("who", "which", "where", "whose", "whom", "when").
func IsRelativeWord(w string) bool { return relativeWords[w] }

// phraseBefore is the noun phrase that ends just before token end and
// starts no earlier than start: the words back to a punctuation mark, a
// quotation, a verb or a word of phraseStop, at most eight of them. A
// phrase after a preposition or a verb is its object, not a subject
// ("interrupted me in mid-sentence to announce"): none is returned.
func (a *analysis) phraseBefore(end, start int) (article.Span, bool) {
	j := end
	for j > start && end-j < 8 {
		t := a.Tokens[j-1]
		if t.Quoted() {
			break
		}
		if t.Kind == article.Punct {
			if w := a.Tok(j - 1); w != "'" && w != "’" && w != "-" && w != "." {
				break
			}
			j--
			continue
		}
		lw := a.Lower(j - 1)
		if lw == "of" && j-1 > start && a.IsWord(j-2) {
			j-- // "one of her ads"
			continue
		}
		ingVerb := strings.HasSuffix(lw, "ing") && !a.IsCapWord(j-1) && j-1 > start && !determiners[a.Lower(j-2)] && !a.IsCapWord(j-2)
		if phraseStop[lw] && !a.IsCapWord(j-1) || subordinators[lw] || !a.IsCapWord(j-1) && a.verbLike(j-1) || ingVerb {
			if lw == "with" && strings.HasSuffix(a.Lower(end), "ing") {
				break // "with one of her ads asking": the participle's subject
			}
			if prepositions[lw] || ingVerb || !a.IsCapWord(j-1) && a.verbLike(j-1) && !phraseStop[lw] && !subordinators[lw] {
				return article.Span{}, false
			}
			break
		}
		j--
	}
	for j < end && a.Tokens[j].Kind == article.Punct {
		j++
	}
	if j >= end {
		return article.Span{}, false
	}
	return article.Span{Start: a.Tokens[j].Start(), End: a.Tokens[end-1].End()}, true
}

// prepositions take a noun phrase as their object.
var prepositions = setOf("in at on for with by from to during about into over under than of through against without within among between toward towards like unlike despite alongside beside besides behind across around near upon onto amid amidst beyond")

// phraseAfter is the noun phrase that starts at token from (after an
// inverted cue: “Q,” said the agency, which …): the words up to a
// punctuation mark, a relative pronoun or a preposition other than "of",
// at most ten of them.
func (a *analysis) phraseAfter(from, end int) (article.Span, bool) {
	j := from
	for j < end && j-from < 10 {
		t := a.Tokens[j]
		if t.Quoted() {
			break
		}
		if t.Kind == article.Punct {
			if w := a.Tok(j); w != "'" && w != "’" && w != "-" {
				break
			}
			j++
			continue
		}
		lw := a.Lower(j)
		if j > from && (phraseStop[lw] && lw != "of" || lw == "who" || lw == "which") && !a.IsCapWord(j) {
			break
		}
		j++
	}
	if j == from || a.Tokens[from].Kind == article.Punct {
		return article.Span{}, false
	}
	if phraseStop[a.Lower(from)] || subordinators[a.Lower(from)] {
		return article.Span{}, false
	}
	return article.Span{Start: a.Tokens[from].Start(), End: a.Tokens[j-1].End()}, true
}

// sourceIn is the source named by tokens [from, to): the phrase's head
// (before its first comma, bracket, "of", preposition or relative
// pronoun), and the mention that ends the head, when one does (a person,
// or an organisation that issues words). A name that only modifies the
// head ("Clinton allies", "a Hampshire Police spokesman") is not the
// source: the head as written is.
func (a *analysis) sourceIn(pm *Model, from, to int) (mention int, head article.Span, ok bool) {
	mi := pm.index
	for from < to && a.Tokens[from].Kind == article.Punct {
		from++
	}
	headEnd := to
	for k := from; k < to; k++ {
		if k > from && (a.IsPunct(k, ",") || a.IsPunct(k, "(") || a.IsPunct(k, "—") || a.IsPunct(k, "–") || headStop[a.Lower(k)] && !a.IsCapWord(k)) {
			headEnd = k
			break
		}
	}
	for headEnd > from && a.Tokens[headEnd-1].Kind == article.Punct && !a.IsPunct(headEnd-1, ".") {
		headEnd--
	}
	if from >= headEnd {
		return -1, article.Span{}, false
	}
	if m, found := mi.endAt(headEnd); found && int(pm.Mentions[m].FirstToken) >= from {
		mm := pm.Mentions[m]
		if mi.isSpeaker(m) && !(mm.Form == Pronoun && isPossessivePronoun(a.Lower(int(mm.FirstToken)))) || mm.Kind == KindOrganisation {
			return m, mm.Span(), true
		}
	}
	// "her press secretary, Omar Haddad, wrote": the role is tied to the
	// name in apposition.
	if a.IsPunct(headEnd, ",") {
		if m, found := mi.startAt(headEnd + 1); found && mi.isSpeaker(m) && pm.Mentions[m].Form != Pronoun {
			if e := int(pm.Mentions[m].EndToken); e >= to || a.IsPunct(e, ",") && e+1 >= to {
				return m, pm.Mentions[m].Span(), true
			}
		}
	}
	return -1, article.Span{Start: a.Tokens[from].Start(), End: a.Tokens[headEnd-1].End()}, true
}

// headStop are the words that end the head of a source's phrase.
var headStop = setOf("of for at from with in on to who which that whose whom")

// isPossessivePronoun reports the pronouns that stand before a noun.
func isPossessivePronoun(w string) bool { return w == "his" || w == "its" || w == "their" }

// sourceOf builds an attribution to the source named by phrase span ps.
func (a *analysis) sourceOf(pm *Model, ps article.Span, pattern string, verb article.Span) (Attribution, bool) {
	return a.source(pm, a.TokenIndexAt(ps.Start), a.TokenIndexAt(ps.End-1)+1, pattern, verb)
}

// source builds an attribution to the source named by tokens [from, to).
func (a *analysis) source(pm *Model, from, to int, pattern string, verb article.Span) (Attribution, bool) {
	m, span, ok := a.sourceIn(pm, from, to)
	if !ok {
		return Attribution{}, false
	}
	at := Attribution{Speaker: -1, Entity: -1, Source: span, Pattern: pattern, Verb: verb, Continues: -1}
	if m >= 0 {
		at.Speaker, at.Entity = int32(m), pm.Mentions[m].Entity
	}
	return at, true
}

// cueSpan is the span of the cue from token k to end.
func (a *analysis) cueSpan(k, end int) article.Span {
	return article.Span{Start: a.Tokens[k].Start(), End: a.Tokens[end-1].End()}
}

// passiveCue reports a cue in the passive ("Trump was asked", "she was
// told"): its subject heard the words; the speaker, if any, follows "by".
func (a *analysis) passiveCue(k int) bool {
	switch a.Lower(k - 1) {
	case "was", "were", "is", "are", "been", "being", "be", "got", "get", "gets":
		return true
	}
	return false
}

// tagAfter reads a tag after a closed quotation, from token t (just after
// the closing mark) to end:
//
//	“Q,” said X.                          the cue first: its subject follows
//	“Q,” X said. / “Q,” X told reporters.  the subject, then the cue
//	“Q,” Murphy, the head of …, tweeted.  the subject before an appositive
//	“Q” than that of the chief, Zuckoff said.   the words run on from the
//	“Q,” in contrast to …, says Dante Scala.    quotation, then the tag
//
// It returns the attribution and the cue's token.
func (a *analysis) tagAfter(pm *Model, t, end int, pattern string) (Attribution, int, bool) {
	from := t
	for from < end && a.Tokens[from].Kind == article.Punct && !a.IsPunct(from, "(") {
		from++
	}
	lastComma := -1
	for k := from; k < end && k < from+14; k++ {
		if a.InQuote(k) {
			break
		}
		if a.Tokens[k].Kind == article.Punct {
			switch a.Tok(k) {
			case ",":
				lastComma = k
				continue
			case "'", "’", "-", "(", ")", "$", "%", "&":
				continue
			}
			if a.abbreviationStop(k) {
				continue
			}
			break
		}
		ce, ok := a.cueAt(k)
		if !ok {
			continue
		}
		verb := a.cueSpan(k, ce)
		if a.passiveCue(k) {
			return Attribution{}, 0, false
		}
		cs := a.chainStart(k, from)
		inverted := cs == from
		segStart := from
		if lastComma >= 0 && lastComma < cs {
			switch {
			case lastComma+1 < cs:
				segStart = lastComma + 1 // "…, Zuckoff said"
			case !a.opensPhrase(pm, from):
				inverted = true // "“Q,” in contrast to …, says Scala"
			}
		}
		if inverted {
			// "told X" names the listener.
			if base := cueVerbs[a.Lower(k)]; base == "tell" || base == "ask" && a.IsCapWord(ce) {
				return Attribution{}, 0, false
			}
			if a.Lower(ce) == "by" {
				ce++
			}
			ps, ok := a.phraseAfter(ce, end)
			if !ok {
				return Attribution{}, 0, false
			}
			at, ok := a.sourceOf(pm, ps, pattern, verb)
			return at, k, ok
		}
		if (segStart > from || lastComma < 0) && !a.subjectSegment(pm, segStart, cs) {
			// The subject must be the tag's first words, or the words
			// after the run-on's comma: “Q” until Haley said, “Q,”
			// repeatedly, before he stopped responding are no tags.
			return Attribution{}, 0, false
		}
		at, ok := a.source(pm, segStart, cs, pattern, verb)
		return at, k, ok
	}
	return Attribution{}, 0, false
}

// subjectSegment reports whether tokens [from, to) may be the subject of
// a tag: they open a noun phrase and hold no verb nor clause ("a
// spokeswoman for the ministry", "Texas delegate Bill Eastland"; not
// "until Haley", "before he stopped").
func (a *analysis) subjectSegment(pm *Model, from, to int) bool {
	if from >= to || !a.opensPhrase(pm, from) {
		return false
	}
	for k := from; k < to; k++ {
		if !a.IsWord(k) || a.IsCapWord(k) {
			continue
		}
		lw := a.Lower(k)
		if a.verbLike(k) || subordinators[lw] && lw != "as" || lw == "that" || lw == "who" || lw == "which" {
			return false
		}
	}
	return true
}

// opensPhrase reports whether token k may open a noun phrase: a word or
// a number that is not a preposition, a conjunction or a subordinator
// ("federal prosecutors", "this source", "it", "Texas delegate …"; not
// "about the decision", "than that of", "if she").
func (a *analysis) opensPhrase(pm *Model, k int) bool {
	if _, ok := pm.index.startAt(k); ok {
		return true
	}
	if a.Tokens[k].Kind == article.Number {
		return true
	}
	if !a.IsWord(k) {
		return false
	}
	lw := a.Lower(k)
	if prepositions[lw] || phraseStop[lw] || subordinators[lw] || lw == "who" || lw == "which" {
		return false // "And as Menendez pointed out", "about the decision"
	}
	return a.IsCapWord(k) || !a.verbLike(k)
}

// complementAfter reports whether the words after a cue open a reported
// clause ("La Riva argued that …", "he said the bill …") rather than end
// a tag ("Trump said.", "Rubio said on Monday", "she told reporters").
func (a *analysis) complementAfter(ce, end int) bool {
	if ce >= end || a.Tokens[ce].Kind == article.Punct {
		return false
	}
	switch a.Lower(ce) {
	case "that", "how", "why", "whether", "if", "what", "the", "a", "an", "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "his", "her", "their", "its":
		return true
	}
	return false
}

// introBefore reads the reporting clause before a quotation in its
// sentence: the nearest cue before it (outside quotations, at most 40
// tokens back), and that cue's subject.
func (a *analysis) introBefore(pm *Model, t, sentStart int) (Attribution, int, bool) {
	mi := pm.index
	for k := t - 1; k >= sentStart && k >= t-40; k-- {
		if a.InQuote(k) {
			return Attribution{}, 0, false
		}
		if m, verb, isPhrase := a.accordingTo(mi, k); isPhrase {
			if m >= 0 && (mi.isSpeaker(m) || pm.Mentions[m].Kind == KindOrganisation) && !a.possessiveOfRole(pm.Mentions[m]) {
				return pm.attribution(m, "according-to", verb), k, true
			}
			if ps, ok := a.phraseAfter(k+2, t); ok {
				at, ok := a.sourceOf(pm, ps, "according-to", verb)
				return at, k, ok
			}
			return Attribution{}, 0, false
		}
		ce, ok := a.cueAt(k)
		if !ok || ce > t {
			continue
		}
		verb := a.cueSpan(k, ce)
		at, ok := a.subjectOfCue(pm, k, ce, t, sentStart, "before-quote", verb)
		return at, k, ok
	}
	return Attribution{}, 0, false
}

// subjectOfCue finds who speaks with the cue at k (ending at ce), which
// stands before a quotation at token t.
func (a *analysis) subjectOfCue(pm *Model, k, ce, t, sentStart int, pattern string, verb article.Span) (Attribution, bool) {
	mi := pm.index
	lw := a.Lower(k)
	if a.passiveCue(k) {
		// "Trump was asked by host Bill Maher, “…”": the agent asks.
		if a.Lower(ce) == "by" {
			if ps, ok := a.phraseAfter(ce+1, t); ok {
				return a.sourceOf(pm, ps, pattern, verb)
			}
		}
		return Attribution{}, false
	}
	if strings.HasSuffix(lw, "ing") && (a.IsPunct(k-1, ",") || a.Lower(k-1) == "by" || a.Lower(k-1) == "as" || a.SentenceStart(k) || a.Lower(k-1) == "while" || a.Lower(k-1) == "when") {
		if a.Lower(k-1) == "as" {
			// "quoted Poehl as saying": the one quoted speaks.
			if sp := a.speakerBeforeVerb(mi, k-1, sentStart); sp >= 0 {
				return pm.attribution(sp, pattern, verb), true
			}
		}
		// "A strategist said Clinton will have to choose, saying, “Q”":
		// the subject of the cue before; "X congratulated Y, saying,
		// “Q”", "X began by saying": the subject of the main clause.
		for j := k - 1; j >= sentStart && j >= k-30; j-- {
			if a.InQuote(j) {
				break
			}
			if je, ok := a.cueAt(j); ok && !strings.HasSuffix(a.Lower(j), "ing") {
				if at, ok := a.subjectOfCue(pm, j, je, k, sentStart, pattern, verb); ok && at.Speaker >= 0 {
					return at, true
				}
				break
			}
		}
		return a.mainSubject(pm, sentStart, k, pattern, verb)
	}
	cs := a.chainStart(k, sentStart)
	if cs > sentStart && (a.Lower(cs-1) == "and" || a.Lower(cs-1) == "but") {
		// "he brought up the bombing and later said": the subject of the
		// verb the cue is coordinated with.
		if at, ok := a.coordinatedSubject(pm, cs-1, sentStart, pattern, verb); ok {
			return at, true
		}
	}
	if cs > sentStart && (a.Lower(cs-1) == "that" || a.Lower(cs-1) == "which") {
		// "a headline that said", "the Associated Press report, which
		// notes": the relative clause's antecedent.
		ante := cs - 1
		if a.IsPunct(ante-1, ",") {
			ante--
		}
		if ps, ok := a.phraseBefore(ante, sentStart); ok {
			return a.source(pm, a.TokenIndexAt(ps.Start), ante, pattern, verb)
		}
	}
	if sp := a.speakerBeforeVerb(mi, cs, sentStart); sp >= 0 {
		return pm.attribution(sp, pattern, verb), true
	}
	if sp := a.speakerBeforeVerb(mi, k, sentStart); sp >= 0 {
		return pm.attribution(sp, pattern, verb), true
	}
	if ps, ok := a.phraseBefore(cs, sentStart); ok {
		from := a.TokenIndexAt(ps.Start)
		return a.source(pm, from, cs, pattern, verb)
	}
	// "Gov. John Kasich (R-OH), said", "Huma Abedin, vice chairwoman …,
	// emailed": the subject stands before an appositive.
	if at, ok := a.mainSubject(pm, sentStart, k, pattern, verb); ok && (at.Speaker >= 0 || a.IsPunct(cs-1, ",")) {
		// "One Club for Growth ad, which is airing, argues that": the
		// subject stands before the appositive or relative clause.
		return at, true
	}
	// "Said Dorothy Poynter, who grew up …, “Q”": inverted before.
	if a.SentenceStart(k) {
		if ps, ok := a.phraseAfter(ce, t); ok {
			return a.sourceOf(pm, ps, pattern, verb)
		}
	}
	return Attribution{}, false
}

// skipDateline skips a dateline at the start of a sentence ("WASHINGTON,
// Dec. 8 (UPI) — …", "ORLANDO, Fla. (Reuters) - …"): a word in capitals
// and, within twelve tokens, a dash.
func (a *analysis) skipDateline(from, k int) int {
	if !a.IsWord(from) || !article.IsAllCaps(a.Tok(from)) || len(a.Tok(from)) < 3 {
		return from
	}
	for j := from + 1; j < k && j < from+12; j++ {
		if a.IsPunct(j, "—") || a.IsPunct(j, "–") || a.IsPunct(j, "-") {
			return j + 1
		}
	}
	return from
}

// coordinatedSubject finds the subject of the verb before conjunction
// token c: the nearest verb before it whose subject is named right before
// it ("he brought up the bombing and later said").
func (a *analysis) coordinatedSubject(pm *Model, c, start int, pattern string, verb article.Span) (Attribution, bool) {
	// A cue before it is the verb it is coordinated with ("Lazar said
	// he welcomed extradition and added", "Suu Kyi said it was too early
	// but added").
	for v := c - 1; v > start && v >= c-40; v-- {
		if a.InQuote(v) || a.IsPunct(v, ",") {
			break
		}
		if ve, ok := a.cueAt(v); ok && !strings.HasSuffix(a.Lower(v), "ing") {
			vs := a.chainStart(v, start)
			if vs > start && (a.Lower(vs-1) == "and" || a.Lower(vs-1) == "but") {
				continue
			}
			if at, ok := a.subjectOfCue(pm, v, ve, c, start, pattern, verb); ok {
				return at, true
			}
			break
		}
	}
	for v := c - 1; v > start && v >= c-25; v-- {
		if a.InQuote(v) || a.Tokens[v].Kind == article.Punct && !a.IsPunct(v, ",") {
			break
		}
		if !a.IsWord(v) || a.IsCapWord(v) || !a.verbLike(v) {
			continue
		}
		vs := a.chainStart(v, start)
		if m, ok := pm.index.endAt(vs); ok && int(pm.Mentions[m].FirstToken) >= start && pm.index.isSpeaker(m) && !isPossessivePronoun(a.Lower(int(pm.Mentions[m].FirstToken))) {
			return pm.attribution(m, pattern, verb), true
		}
	}
	return Attribution{}, false
}

// mainSubject is the subject of the main clause of the sentence from
// token start to the cue at k: the first noun phrase outside an opening
// adverbial ("After the vote, …", "When he returned he began by
// saying"), not a possessive ("his eyes", "Obama's rise").
func (a *analysis) mainSubject(pm *Model, start, k int, pattern string, verb article.Span) (Attribution, bool) {
	from := start
	for from < k && a.Tokens[from].Kind == article.Punct {
		from++
	}
	from = a.skipDateline(from, k)
	for n := 0; n < 3; n++ {
		if a.Lower(from) == "but" || a.Lower(from) == "and" || a.Lower(from) == "so" {
			from++
		}
		lw := a.Lower(from)
		if strings.HasSuffix(lw, "ed") && a.SentenceStart(from) {
			lw = "after" // "Asked which county was his favourite, he …"
		}
		if !(subordinators[lw] || phraseStop[lw] && lw != "and" && lw != "but" || skippable[lw] || lw == "here" || lw == "there" || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ing") && !a.IsCapWord(from+1)) {
			break
		}
		// Skip the opening clause to its comma, if it has one ("Here in
		// Columbia, Sanders …", "On Thursday, after remaining neutral,
		// Warren …").
		next := from
		for j := from; j < k && j < from+30; j++ {
			if a.IsPunct(j, ",") {
				next = j + 1
				break
			}
		}
		if next == from {
			break
		}
		from = next
	}
	if a.Lower(from) == "but" || a.Lower(from) == "and" {
		from++
	}
	if from >= k || a.InQuote(from) {
		return Attribution{}, false
	}
	if m, ok := pm.index.startAt(from); ok && pm.Mentions[m].Form == Pronoun && (isPossessivePronoun(a.Lower(from)) || a.Lower(from) == "her" || a.Lower(from) == "him") {
		return Attribution{}, false // "his eyes gleaming, as if to say"
	}
	if m, ok := pm.index.startAt(from); ok {
		// A name opens the clause: it is the subject, unless it only
		// modifies the head that follows ("Clinton allies fear").
		mm := pm.Mentions[m]
		if e := int(mm.EndToken); e >= k || !a.IsWord(e) || a.IsCapWord(e) || a.verbLike(e) {
			return a.source(pm, from, e, pattern, verb)
		}
	}
	// The phrase runs to its verb.
	end := from
	for end < k && end < from+10 && !a.InQuote(end) {
		if a.Tokens[end].Kind == article.Punct && !a.IsPunct(end, "'") && !a.IsPunct(end, "’") && !a.IsPunct(end, "-") {
			break
		}
		if end > from && a.IsWord(end) && !a.IsCapWord(end) && (a.verbLike(end) || phraseStop[a.Lower(end)] || subordinators[a.Lower(end)]) {
			break
		}
		end++
	}
	if end == from {
		return Attribution{}, false
	}
	return a.source(pm, from, end, pattern, verb)
}

// verbLike reports whether lower-case word k may be a finite verb: a cue,
// an auxiliary, or a word in -ed.
func (a *analysis) verbLike(k int) bool { return verbWord(a.Lower(k)) }

// verbWord is verbLike for a lower-case word.
func verbWord(w string) bool {
	if _, ok := cueVerbs[w]; ok && !nounToo[w] {
		return true
	}
	return auxiliaries[w] && w != "to" && w != "by" && w != "on" || strings.HasSuffix(w, "ed") && len(w) > 4
}

// finiteWord reports whether a lower-case word after a name shows the name
// is a subject: a verb (verbWord), an irregular past tense ("Trump
// took") or a negated auxiliary ("Fiorina wasn't").
func finiteWord(w string) bool {
	return verbWord(w) || irregularPast[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// nounToo are the cue forms that are as often nouns ("the email said",
// "the report notes", "a text reads").
var nounToo = setOf("email emails text texts post posts report reports quote quotes answer answers comment comments claim claims note notes statement state states reply replies tweet tweets echo echoes cry cries demand demands promise promises pledge pledges protest protests query queries challenge challenges object objects blast laugh sigh whisper rant lecture counter counsel boom")

// colonIntro reads a clause that introduces a quotation with a colon, from
// token from to the colon at token colon: its cue and the cue's subject
// ("Cruz continued:", "In a post on Friday, Mayor Okafor wrote:"); without
// a cue, a person named as the clause's subject ("Senator Vega turned on
// the moderators:"). strong is set when the clause has a cue.
func (a *analysis) colonIntro(pm *Model, from, colon int) (at Attribution, strong, ok bool) {
	for k := colon - 1; k >= from && k >= colon-40; k-- {
		if a.InQuote(k) {
			from = k + 1
			break
		}
		if _, verb, isPhrase := a.accordingTo(pm.index, k); isPhrase {
			if ps, ok := a.phraseAfter(k+2, colon); ok {
				at, ok := a.sourceOf(pm, ps, "colon-intro", verb)
				return at, true, ok
			}
			break
		}
		ce, isCue := a.cueAt(k)
		if !isCue || ce > colon {
			continue
		}
		verb := a.cueSpan(k, ce)
		if at, ok := a.subjectOfCue(pm, k, ce, colon, from, "colon-intro", verb); ok {
			return at, true, true
		}
		break
	}
	// No cue: a label ("Director of Communications Bill Bodie: “Q”"), the
	// person named just before the colon; or the clause's subject, if it
	// is a person named in its first words ("Senator Vega turned on the
	// moderators:").
	if m, ok := pm.index.endAt(colon); ok && pm.Mentions[m].Form != Pronoun && (pm.index.isSpeaker(m) || pm.Mentions[m].Kind == KindOrganisation) &&
		!a.verbBetween(from, int(pm.Mentions[m].FirstToken)) {
		return pm.attribution(m, "colon-intro", article.Span{}), false, true
	}
	at, ok = a.mainSubject(pm, from, colon, "colon-intro", article.Span{})
	if !ok || at.Speaker < 0 || int(pm.Mentions[at.Speaker].FirstToken) > from+12 || !pm.index.isSpeaker(int(at.Speaker)) {
		return Attribution{}, false, false
	}
	return at, false, true
}

// label returns the name that labels a quotation after a dash and before
// its colon ("Pollsters agree - Carl Bialik: “…”"), or -1.
func (a *analysis) label(pm *Model, from, colon int) int {
	m, ok := pm.index.endAt(colon)
	if !ok || pm.Mentions[m].Form == Pronoun || int(pm.Mentions[m].FirstToken) < from || !a.dashAt(int(pm.Mentions[m].FirstToken)-1) {
		return -1
	}
	return m
}

// verbBetween reports whether a lower-case word that may be a finite
// verb (ending in -ed or -s, or a cue) stands in tokens [from, to): a
// clause, not a label.
func (a *analysis) verbBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.Tokens[k].Kind != article.Word || a.IsCapWord(k) {
			continue
		}
		if a.verbLike(k) {
			return true
		}
	}
	return false
}
