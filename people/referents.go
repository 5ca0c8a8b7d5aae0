package people

// Pronoun structure: whom a pronoun outside quotations refers to by the
// structure of the text alone, gender aside (Mention.Referent), and why
// (Mention.Why). An editor reads it so:
//
//   - "Winch said she …": the subject of the speech verb before it;
//   - "…, she said.": a pronoun that speaks refers to the last speaker;
//   - "Sullivan had to explain to Clinton that he …": a subject pronoun
//     refers to the subject of the clause before it, not to an object;
//   - "… that he could not send her the file": an object pronoun refers
//     to someone other than its own clause's subject;
//   - "On the advice of his lawyer, Calero …": the subject after an
//     opening phrase;
//   - otherwise the only person named before it in its sentence or the
//     sentence before.
//
// It does not guess: "he or she" is nobody, a person named only as a
// modifier ("Clinton campaign") is no antecedent, and a person the text
// mentions without a name ("her boss", "one executive who …") makes the
// reference open.

import (
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
)

// structuralReferents sets Mention.Referent and Mention.Why for pronouns.
func (a *analysis) structuralReferents(pm *Model) {
	pm.bySentence = groupBy(len(a.Sentences), len(pm.Mentions), func(i int) int { return int(pm.Mentions[i].Sent) })
	for i := range pm.Mentions {
		pm.Mentions[i].Referent = -1
	}
	// Who speaks where, built when the first tag needs it: most articles
	// have none.
	var timeline []speakerTurn
	built := false
	speakers := func() []speakerTurn {
		if !built {
			timeline, built = a.speakerTimeline(pm), true
		}
		return timeline
	}
	a.entitySurnames = map[string]bool{}
	for e := range pm.Entities {
		if ent := &pm.Entities[e]; ent.Kind.MayBePerson() && len(ent.words) >= 2 {
			a.entitySurnames[ent.Surname()] = true
		}
	}
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Form != Pronoun {
			continue
		}
		if m.Quote >= 0 {
			m.Why = RefQuoted
			continue
		}
		if a.genericPronoun(int(m.FirstToken)) {
			// "he or she", "his or her": nobody. The model's guess goes
			// too.
			m.Why, m.Entity = RefGeneric, -1
			continue
		}
		ref, why := a.relativeReferent(pm, m), RefRelative
		if ref < 0 {
			ref, why = a.speakerReferent(pm, m), RefSpeech
		}
		if ref == speakerUnnamed {
			ref, why = -1, RefOpen
		}
		if ref < 0 && why != RefOpen && a.toldPerson(pm, m) {
			// "Axelrod told Clinton she had been an able opponent",
			// "Brandt assured Alvarez that he would": either may be
			// meant; gender decides, not structure.
			ref, why = -1, RefOpen
		}
		if ref < 0 && why != RefOpen {
			// "Clinton herself", "Obama himself": the name it stands by.
			if prev, ok := pm.index.endAt(int(m.FirstToken)); ok && strings.HasSuffix(a.Lower(int(m.FirstToken)), "self") && pm.Mentions[prev].Form != Pronoun {
				if e := int(pm.Mentions[prev].Entity); e >= 0 && pm.pronounable(e) {
					ref, why = e, RefOnly
				}
			}
		}
		if ref < 0 && why != RefOpen {
			ref, why = a.tagReferent(pm, i, speakers)
		}
		if ref < 0 && why != RefOpen {
			ref, why = a.introReferent(pm, i, speakers)
		}
		if ref < 0 && why != RefOpen {
			ref, why = a.nearestReferent(pm, m)
		}
		if ref >= 0 && a.genderNounBefore(m) {
			// A noun for someone of the pronoun's gender between (his
			// wife … she) makes the reference uncertain.
			ref, why = -1, RefOpen
		}
		if ref < 0 && why != RefOpen {
			why = RefNone
		}
		m.Referent, m.Why = int32(ref), why
	}
}

// IsReflexive reports whether a lower-case word is a gendered reflexive
// pronoun ("himself", "herself").
func IsReflexive(w string) bool { return w == "himself" || w == "herself" }

// genericPronoun reports "he or she", "his or her", "him or her", "she
// or he", "his/her": a pronoun that stands for anyone.
func (a *analysis) genericPronoun(k int) bool {
	isPron := func(j int) bool { _, ok := pronounGender[a.Lower(j)]; return ok }
	for _, d := range []int{1, -1} {
		j := k + d
		if a.Lower(j) == "or" || a.IsPunct(j, "/") {
			if isPron(j + d) {
				return true
			}
		}
	}
	return false
}

// speakerTurn is the entity that speaks at an offset: the subject of a
// statement or the speaker of a quotation.
type speakerTurn struct {
	at, para int
	mention  int
}

// speakerTimeline lists, in text order, who speaks where.
func (a *analysis) speakerTimeline(pm *Model) []speakerTurn {
	out := make([]speakerTurn, 0, len(pm.Statements)+len(pm.attributions.list))
	for _, st := range pm.Statements {
		out = append(out, speakerTurn{at: st.Verb.Start, para: int(st.Para), mention: int(st.Mention)})
	}
	for qi, at := range pm.Attributions {
		if at.Speaker >= 0 && at.Pattern != "continues" && at.Pattern != "multi-paragraph" {
			out = append(out, speakerTurn{at: a.Quotes[qi].Open().Start, para: int(a.Quotes[qi].Para), mention: int(at.Speaker)})
		}
	}
	slices.SortFunc(out, func(x, y speakerTurn) int { return x.at - y.at })
	return out
}

// tagReferent reads a pronoun that speaks in a tag or a parenthetical
// ("…, he said.", "“…,” she added", "Instead, she said, her boss …"): it
// refers to the last person who spoke before it, in its paragraph or the
// one before, whoever else its sentence names. RefOpen when that is
// nobody the model knows.
func (a *analysis) tagReferent(pm *Model, mi int, timeline func() []speakerTurn) (int, RefReason) {
	m := &pm.Mentions[mi]
	if w := a.Lower(int(m.FirstToken)); w != "he" && w != "she" {
		return -1, RefNone
	}
	k := int(m.EndToken)
	for k < len(a.Tokens) && skippable[a.Lower(k)] {
		k++
	}
	if _, ok := a.cueAt(k); !ok || !a.speechVerbAt(k) && !strings.HasSuffix(a.Lower(k), "ed") {
		return -1, RefNone
	}
	// A tag: after a comma, a closing quotation mark or a dash, and the
	// clause ends after the cue ("…, he said." / "…, he said, the …").
	before := int(m.FirstToken) - 1
	if a.SentenceStart(int(m.FirstToken)) || !(a.IsPunct(before, ",") || a.IsPunct(before, "”") || a.IsPunct(before, "\"") || a.dashAt(before)) {
		return -1, RefNone // "She replied to him that …" opens a sentence: no tag
	}
	if end := k + 1; end < len(a.Tokens) && a.Tokens[end].Kind == article.Word && !prepositions[a.Lower(end)] && !skippable[a.Lower(end)] {
		return -1, RefNone // "…, he said the bill …": a statement, not a tag
	}
	// Whom the tag can mean: the one person its paragraph names before
	// it; else the last to speak in its paragraph.
	named := a.namedInParagraph(pm, int(m.Para), m.Start())
	if len(named) == 1 {
		return named[0], RefSpeaker
	}
	if e := lastVoice(pm, timeline(), mi, int(m.Para)); e >= 0 {
		return e, RefSpeaker
	}
	// A paragraph that names no one before its tag ("“…,” he wrote." after
	// a paragraph of Clinton's) may bring in a new voice: left open.
	return -1, RefOpen
}

// introReferent reads a pronoun that opens a sentence to introduce more
// words of the voice before it ("“…,” Khan said in a statement. ¶ He
// added: “…”"): a speech verb, then a colon or a quotation mark. It
// refers to the last person who spoke, in its paragraph or the one
// before, when its own paragraph names no one before it.
func (a *analysis) introReferent(pm *Model, mi int, timeline func() []speakerTurn) (int, RefReason) {
	m := &pm.Mentions[mi]
	if w := a.Lower(int(m.FirstToken)); w != "he" && w != "she" || !a.SentenceStart(int(m.FirstToken)) {
		return -1, RefNone
	}
	k := int(m.EndToken)
	for k < len(a.Tokens) && k < int(m.EndToken)+3 && skippable[a.Lower(k)] {
		k++
	}
	if !a.speechVerbAt(k) || !(a.IsPunct(k+1, ":") || a.IsPunct(k+1, "“") || a.IsPunct(k+1, "\"")) {
		return -1, RefNone
	}
	if len(a.namedInParagraph(pm, int(m.Para), m.Start())) > 0 {
		return -1, RefNone // the paragraph's own people come first
	}
	if e := lastVoice(pm, timeline(), mi, int(m.Para)-1); e >= 0 {
		return e, RefSpeaker
	}
	return -1, RefNone
}

// lastVoice returns the person who spoke last before mention mi, in
// paragraph from or after it: the entity of the last speaker turn (a
// pronoun's referent), or -1 when there is none or it is no one a
// pronoun can mean.
func lastVoice(pm *Model, speakers []speakerTurn, mi, from int) int {
	at := pm.Mentions[mi].Start()
	i := sort.Search(len(speakers), func(i int) bool { return speakers[i].at >= at })
	for i--; i >= 0 && speakers[i].para >= from; i-- {
		if speakers[i].mention == mi {
			continue
		}
		sm := pm.Mentions[speakers[i].mention]
		e := int(sm.Entity)
		if sm.Form == Pronoun {
			e = int(sm.Referent)
		}
		if e >= 0 && pm.pronounable(e) {
			return e
		}
		return -1
	}
	return -1
}

// namedWindow bounds, in tokens, how far back a tag looks for the people
// its paragraph names.
const namedWindow = 400

// namedInParagraph lists the people a paragraph names before offset end,
// outside quotations (not as modifiers of another noun), once each, at
// most three (more is "several").
func (a *analysis) namedInParagraph(pm *Model, para, end int) []int {
	var out []int
	// At most the namedWindow tokens before end: a paragraph that is one
	// endless run of tags stays linear.
	from := a.TokenIndexAt(a.Paragraphs[para].Start())
	if e := a.TokenIndexAt(end); e-from > namedWindow {
		from = e - namedWindow
	}
	for k := from; k < len(a.Tokens) && a.Tokens[k].Start() < end; k++ {
		mi, ok := pm.index.startAt(k)
		if !ok {
			continue
		}
		m := &pm.Mentions[mi]
		k = int(m.EndToken) - 1
		if m.Quote >= 0 || m.Form == Pronoun || m.Entity < 0 || !pm.pronounable(int(m.Entity)) || a.modifierName(m) || a.spokenTo(int(m.FirstToken), int(m.Sent)) {
			continue
		}
		if !slices.Contains(out, int(m.Entity)) {
			out = append(out, int(m.Entity))
			if len(out) > 2 {
				break
			}
		}
	}
	return out
}

// spokenTo reports whether the name at token k, of sentence sent, is
// whom or what a speech verb's words are addressed to or about ("she told
// Sanders", "he said about Sanders", "she said of Clinton", "said to
// Reyes"), or what the phrase opening its sentence is about ("Of the
// scrutiny over Jori Duty, he said"): a listener or a topic, not a voice
// a later tag may take up.
func (a *analysis) spokenTo(k, sent int) bool {
	switch j := k - 1; a.Lower(j) {
	case "about", "of", "to":
		return a.speechVerbAt(j-1) || a.inOpeningPhrase(k, sent)
	case "over", "on", "with", "against", "for", "by":
		// "Of the scrutiny over Jori Duty, he said": named in the phrase
		// that opens the sentence, a topic.
		return a.inOpeningPhrase(k, sent)
	default:
		return j >= 0 && listenerVerbs[a.Lower(j)] && a.speechVerbAt(j) // not "said Sanders": the speaker
	}
}

// nearestReferent finds the referent of a pronoun from the people named
// before it in its sentence: the subject of the clause before it, for a
// subject pronoun ("Sullivan had to explain to Clinton that he …"); the
// one who is not its own clause's subject, for an object pronoun ("… that
// he could not send her the file"); the only person named, else; then the
// subject after an opening phrase ("On the advice of his lawyer, Calero
// declined"), then the only person of the sentence before (in its
// paragraph).
func (a *analysis) nearestReferent(pm *Model, m *Mention) (int, RefReason) {
	if a.cataphoric(pm, m) {
		return -1, RefOpen
	}
	cands, open := a.peopleBefore(pm, int(m.Sent), int(m.FirstToken))
	w := a.Lower(int(m.FirstToken))
	subjectPronoun := w == "he" || w == "she"
	if (w == "his" || w == "her") && a.IsPunct(int(m.FirstToken)-1, ",") {
		if a.reportingClause(int(m.FirstToken)) {
			// "…, his team believes", "…, her aides said": the words
			// before the comma are what they say; whoever they name is
			// not whose team it is.
			return -1, RefOpen
		}
		// "Michael Capellas, her counterpart at Compaq,": a possessive
		// opening an appositive is someone else's than the name it
		// describes.
		if prev, ok := pm.index.endAt(int(m.FirstToken) - 1); ok && len(cands) > 0 {
			named := int(pm.Mentions[prev].Entity)
			cands = slices.DeleteFunc(cands, func(c candidate) bool { return c.entity == named })
			if len(cands) == 0 {
				return -1, RefOpen
			}
		}
	}
	switch {
	case open:
		return -1, RefOpen
	case len(cands) == 1:
		c := cands[0]
		switch {
		case c.entity < 0:
			return -1, RefOpen // "her boss …": someone the text does not name
		case a.objectPronoun(int(m.FirstToken)) && c.subject:
			// "Ruiz welcomed her": an object pronoun is never the
			// subject of its own clause; across a clause ("Trump said the
			// crowd loved him", "he declared they should beat her") the
			// structure leaves it open.
			return -1, RefOpen
		case a.objectPronoun(int(m.FirstToken)) && !c.possessive && a.sameClause(c.tok, int(m.FirstToken)):
			// "challenged Clinton to debate him": not the one the verb
			// governs.
			return -1, RefOpen
		case !subjectPronoun && a.deepInSpeech(pm, c.tok, int(m.FirstToken)):
			// "Mukasey said the email scandal is the latest issue in her
			// career": reported words may be about anyone.
			return -1, RefOpen
		case subjectPronoun && c.possessive && a.reportingBetween(c.tok, int(m.FirstToken)):
			// "Trump's team thinks she doesn't understand": the one a
			// possessor's people think or say something of.
			return -1, RefOpen
		case subjectPronoun && c.prepObject:
			// "A loss to Sanders in the state she represented": an
			// object of a preposition is no subject's antecedent.
			return -1, RefOpen
		case a.inOpeningPhrase(int(m.FirstToken), int(m.Sent)):
			// "In a conversation with HuffPost Live's Ana Lee about his
			// new show, the actor said": in the phrase that opens its
			// sentence, a pronoun may as well mean the subject the
			// sentence comes to.
			return -1, RefOpen
		}
		return c.entity, RefOnly
	case len(cands) > 1:
		if ents := distinctEntities(cands); len(ents) == 1 && ents[0] >= 0 {
			// One person, named and referred to again ("Trump said that
			// he … a proposal he has raised"); an object pronoun after
			// its subject fixes no one ("Trump said the crowd loved him").
			if a.objectPronoun(int(m.FirstToken)) && anySubject(cands) {
				return -1, RefOpen
			}
			return ents[0], RefOnly
		}
		if subjectPronoun {
			// "… that he could not send her the file": the subject of the
			// clause before; but not in a relative clause ("the studio
			// where he worked"), which may be about whoever it follows.
			if e, ok := uniqueSubject(cands); ok && e >= 0 && !relativeWords[a.Lower(int(m.FirstToken)-1)] && a.oneClauseAfter(cands, e, int(m.FirstToken)) {
				return e, RefSubject
			}
			return -1, RefOpen
		}
		if a.objectPronoun(int(m.FirstToken)) {
			// The one who is not the subject of the pronoun's clause.
			if subj, ok := a.clauseSubject(cands, m); ok {
				var rest []int
				for _, c := range cands {
					if c.entity != subj && !slices.Contains(rest, c.entity) {
						rest = append(rest, c.entity)
					}
				}
				if len(rest) == 1 && rest[0] >= 0 {
					return rest[0], RefObject
				}
			}
		}
		return -1, RefOpen
	}
	if ref := a.openingPhraseSubject(pm, m); ref >= 0 {
		return ref, RefOpening
	}
	if m.Sent > 0 && int(a.Sentences[int(m.Sent)-1].Para) == int(m.Para) {
		prev, open := a.peopleBefore(pm, int(m.Sent)-1, int(a.Sentences[int(m.Sent)-1].EndToken))
		ents := distinctEntities(prev)
		switch {
		case open || len(ents) > 1 || len(ents) == 1 && ents[0] < 0:
			return -1, RefOpen
		case len(ents) == 1:
			if subjectPronoun && allPrepObjects(prev) {
				return -1, RefOpen
			}
			return ents[0], RefPrevious
		}
	}
	return -1, RefNone
}

// reportingClause reports whether the possessive pronoun at token p opens
// the subject of a verb of saying or thinking that ends its sentence or
// clause ("his team believes.", "her aides said,"): a noun or two, then
// the verb.
func (a *analysis) reportingClause(p int) bool {
	for k := p + 1; k < len(a.Tokens) && k <= p+3 && a.IsWord(k); k++ {
		if a.speechVerbAt(k) || cognitionVerbs[a.Lower(k)] {
			return !a.IsWord(k + 1)
		}
	}
	return false
}

// cataphoric reports whether pronoun m stands in a clause a subordinator
// opens, which a comma closes before someone named or described ("Hale
// said that when she arrives in Ohio, the nominee will speak"): the
// pronoun may look ahead to them, whoever its sentence named before.
func (a *analysis) cataphoric(pm *Model, m *Mention) bool {
	opened := false
	for k := int(m.FirstToken) - 1; k >= 0 && k >= int(m.FirstToken)-8; k-- {
		if a.IsWord(k) && subordinators[a.Lower(k)] {
			opened = true
			break
		}
		if a.Tokens[k].Kind == article.Punct {
			return false
		}
	}
	if !opened {
		return false
	}
	end := int(a.Sentences[m.Sent].EndToken)
	for k := int(m.EndToken); k < end && k < int(m.EndToken)+referentWindow; k++ {
		if a.Tokens[k].Kind != article.Punct {
			continue
		}
		if !a.IsPunct(k, ",") {
			return false
		}
		if mi, ok := pm.index.startAt(k + 1); ok {
			n := &pm.Mentions[mi]
			return n.Quote < 0 && n.Form != Pronoun && (n.Form == RolePhrase || n.Entity < 0 || pm.Entities[n.Entity].Kind.MayBePerson())
		}
		for j := k + 1; j < end && j <= k+4; j++ {
			if a.unnamedPersonAt(j) {
				return true
			}
		}
		return false
	}
	return false
}

// inOpeningPhrase reports whether token p stands in the prepositional
// phrase that opens sentence sent, before any punctuation ("In a
// conversation with HuffPost Live's Ana Lee about his new show, the
// actor said"): the clause it belongs to comes after it, and whoever the
// phrase names is an object in it. A subordinator ("After Clinton won
// her first primary") opens a clause with a subject of its own instead.
func (a *analysis) inOpeningPhrase(p, sent int) bool {
	first := int(a.Sentences[sent].FirstWord)
	if first >= p || p-first > 30 || !prepositions[a.Lower(first)] || subordinators[a.Lower(first)] {
		return false
	}
	for k := first + 1; k < p; k++ {
		if a.Tokens[k].Kind == article.Punct && !a.IsPunct(k, "’") && !a.IsPunct(k, "'") {
			return false
		}
		if a.IsWord(k) && !a.IsCapWord(k) && finiteWord(a.Lower(k)) {
			return false // "On Thursday Clinton delivered her speech": the clause has begun
		}
	}
	return true
}

// deepInSpeech reports whether the pronoun at token p stands in the words
// a speech verb after token from reports, past their first two words
// ("Mukasey said the email scandal is … her career"; not "Ortega said
// her predecessor", "Winch said that she"). It applies to possessive and
// object pronouns: a subject pronoun in reported words is the speaker's
// ("Ziering said as a result of the new tax laws he expected …"). Words
// of time or manner may stand between the verb and "that" ("said on
// Tuesday that her investigators").
func (a *analysis) deepInSpeech(pm *Model, from, p int) bool {
	for k := from + 1; k < p; k++ {
		if a.speechVerbAt(k) {
			j := k + 1
			// "said on Tuesday that her investigators": words of time or
			// manner may stand before "that".
			for t := j; t < p && t <= k+5; t++ {
				if finiteWord(a.Lower(t)) {
					break // "said on Tuesday the report showed that": a clause of its own
				}
				if a.Lower(t) == "that" {
					if a.adjunctOnly(pm, j, t) {
						j = t
					}
					break
				}
			}
			if a.Lower(j) == "that" {
				j++
			}
			return p > j+1
		}
	}
	return false
}

// reportingBetween reports whether a verb of saying or thinking stands
// between tokens i and j.
func (a *analysis) reportingBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if a.speechVerbAt(k) || cognitionVerbs[a.Lower(k)] {
			return true
		}
	}
	return false
}

// cognitionVerbs report what someone thinks.
var cognitionVerbs = setOf("think thinks thought believe believes believed hope hopes hoped fear fears feared expect expects expected know knows knew feel feels felt worry worries worried suspect suspects suspected doubt doubts doubted assume assumes assumed suppose supposes supposed realize realizes realized realise realises realised")

// oneClauseAfter reports whether the pronoun at token p stands in the
// clause right after the one whose subject is e: at most one clause
// boundary between them, just before the pronoun ("explain to Clinton
// that he", not "told MSNBC when asked about concerns that Sanders's
// supporters would not support Clinton if he").
func (a *analysis) oneClauseAfter(cs []candidate, e, p int) bool {
	from := -1
	for _, c := range cs {
		if c.entity == e && c.subject {
			from = c.tok
			break
		}
	}
	if from < 0 {
		return false
	}
	for k := from + 1; k < p-1; k++ {
		switch a.Lower(k) {
		case "that", "if", "when", "because", "while", "after", "before", "who", "which", "where", "whether", "although", "though", "since", "until", "unless":
			return false
		}
	}
	return true
}

// anySubject reports whether a candidate is a subject.
func anySubject(cs []candidate) bool {
	for _, c := range cs {
		if c.subject {
			return true
		}
	}
	return false
}

// placePrepositions put a place after them.
var placePrepositions = setOf("in at from to near into across throughout")

// relativeWords open a relative clause.
var relativeWords = setOf("where who whom which when whose")

// uniqueSubject returns the one entity among the candidates that is a
// subject (not a preposition's object); ok is false when there is none or
// more than one. The entity is -1 for someone the text does not name.
func uniqueSubject(cs []candidate) (int, bool) {
	e, found := -1, false
	for _, c := range cs {
		if !c.subject || c.prepObject {
			continue
		}
		if found && c.entity != e {
			return -1, false
		}
		e, found = c.entity, true
	}
	return e, found
}

// candidate is a person named before a pronoun.
type candidate struct {
	entity, tok int
	// subject is set when the name is a clause's subject (a verb follows
	// it); prepObject when a preposition governs it ("to Sanders");
	// possessive for "Clinton's", "his".
	subject, prepObject, possessive bool
}

// peopleBefore lists the people named (or referred to by a pronoun whose
// referent is known) in sentence si before token end, outside quotations,
// within referentWindow tokens. open is set when someone is in view whom
// the model cannot name: an unnamed person ("her boss", "one executive
// who …"), an unresolved pronoun or role, a name it could not place.
func (a *analysis) peopleBefore(pm *Model, si, end int) (cands []candidate, open bool) {
	s := a.Sentences[si]
	for k := max(int(s.FirstToken), end-referentWindow); k < end && k < int(s.EndToken); k++ {
		mi, ok := pm.index.startAt(k)
		if !ok {
			if a.IsWord(k) && a.IsPunct(k-1, "@") && !a.InQuote(k) {
				return nil, true // a handle (@annaokafor): someone, unnamed
			}
			if a.IsCapWord(k) && !a.InQuote(k) {
				// A name the model left out ("Clinton, speaking in Ohio,
				// …"): the surname of someone the article names in full.
				// Someone may be in view.
				w, _ := article.StripPossessive(a.Tok(k))
				_, nextMention := pm.index.startAt(k + 1)
				title := a.tokFlags[k]&(flagQualifier|flagTitleStart) != 0
				if !title && !nextMention && a.entitySurnames[w] {
					return nil, true
				}
			}
			if a.unnamedPersonAt(k) && !a.namedAfterComma(pm, k) {
				next := a.Lower(k + 1)
				_, poss := article.StripPossessive(a.Lower(k))
				c := candidate{
					entity:     -1,
					tok:        k,
					subject:    poss || a.IsWord(k+1) && finiteWord(next),
					prepObject: a.prepositionBefore(k),
				}
				// "to select a successor": someone indefinite, as an
				// object, is no one yet.
				if c.subject || !a.indefiniteBefore(k) {
					cands = append(cands, c)
				}
			}
			continue
		}
		m := pm.Mentions[mi]
		k = int(m.EndToken) - 1
		if m.Quote >= 0 {
			continue
		}
		if m.Form == Pronoun {
			if m.Why == RefGeneric {
				continue
			}
			if m.Referent < 0 {
				return nil, true // "He spent his time …, and Rosa Parks worked for his office"
			}
			pw := a.Lower(int(m.FirstToken))
			possessive := isPossessivePronoun(pw) || pw == "her" && !a.objectPronoun(int(m.FirstToken))
			cands = append(cands, candidate{entity: int(m.Referent), tok: int(m.FirstToken), possessive: possessive, subject: pw == "he" || pw == "she"})
			continue
		}
		if !m.Kind.MayBePerson() {
			if (m.Form == Surname || m.Form == FullName) && a.personShaped(&m) {
				// A person's name the model took for an organisation
				// ("Clinton" after "the Clinton Foundation"): someone
				// may be in view.
				return nil, true
			}
			continue // an organisation or a place: not he or she
		}
		if a.modifierName(&m) {
			if m.Entity < 0 {
				continue // "the Florida primary": a name the model could not place, modifying a noun
			}
			// "the Clinton campaign is working to deny him": the person is
			// in view, but no antecedent.
			return nil, true
		}
		if m.Entity < 0 {
			if m.Form != RolePhrase && a.prepositionBefore(int(m.FirstToken)) && placePrepositions[a.Lower(int(m.FirstToken)-1)] {
				continue // "in New Hampshire": a place the model could not name
			}
			if len(m.Words) > 0 || m.Form == RolePhrase {
				return nil, true // a name or a role the model could not place
			}
			continue
		}
		if !pm.pronounable(int(m.Entity)) {
			return nil, true // a name that may be a company's
		}
		_, poss := article.StripPossessive(a.Lower(int(m.EndToken) - 1))
		pp := a.prepositionBefore(int(m.FirstToken))
		cands = append(cands, candidate{
			entity: int(m.Entity),
			tok:    int(m.FirstToken),
			// "According to Johnson, …", "people approached Khan armed
			// with …": the object of a preposition or of a verb is no
			// subject.
			subject:    !poss && !pp && !a.verbBefore(int(m.FirstToken)) && pm.SubjectOf(a.Article, mi) && !a.possessedAppositive(&m),
			prepObject: pp,
			possessive: poss,
		})
	}
	return cands, false
}

// possessedAppositive reports whether name mention m stands in
// apposition to a person a possessive names, between commas, with the
// sentence's subject after it ("At the urging of his wife, Jane Hale, he
// …", "Less patient than her sister, Maria Ortiz, now a judge, he …"):
// no subject itself. Before a verb it is the subject's own name ("His
// wife, Jane Hale, said").
func (a *analysis) possessedAppositive(m *Mention) bool {
	sent := a.Sentences[m.Sent]
	c := int(m.FirstToken) - 1
	if c-2 < int(sent.FirstToken) || !a.IsPunct(c, ",") || !a.unnamedPersonAt(c-1) || !a.IsPunct(int(m.EndToken), ",") {
		return false
	}
	owned := false
	for j := c - 2; j >= int(sent.FirstToken) && j >= c-4; j-- {
		if a.tokFlags[j]&flagPossessive != 0 || PossessiveAt(a.Article, j) || isPossessivePronoun(a.Lower(j)) {
			owned = true
			break
		}
	}
	if !owned {
		return false
	}
	k := int(m.EndToken) + 1
	if k < int(sent.EndToken) && appositiveOpeners[a.Lower(k)] {
		// A second appositive ("now a judge,") before the subject.
		for j := k + 1; j < int(sent.EndToken) && j <= k+6; j++ {
			if a.IsPunct(j, ",") {
				k = j + 1
				break
			}
			if a.IsWord(j) && finiteWord(a.Lower(j)) {
				return false // "…, who left early": a clause, not an appositive
			}
		}
	}
	if k >= int(sent.EndToken) || !a.IsWord(k) {
		return false
	}
	w := a.Lower(k)
	return w == "he" || w == "she" || a.IsCapWord(k)
}

// appositiveOpeners open a phrase in apposition to a name ("now a judge",
// "a lawyer", "the chairman").
var appositiveOpeners = setOf("a an the now then his her their its once formerly")

// personShaped reports whether a name looks like a person's by the data:
// a known surname, or a known given name first ("Clinton", not
// "Scientology").
func (a *analysis) personShaped(m *Mention) bool {
	last, _ := article.StripPossessive(a.Tok(int(m.EndToken) - 1))
	if m.EndToken-m.FirstToken > 1 {
		if known, _, _ := givenName(a.Tok(int(m.FirstToken))); known {
			return true
		}
	}
	return surnameClass(last) > 0
}

// distinctEntities lists the candidates' entities, once each.
func distinctEntities(cs []candidate) []int {
	var out []int
	for _, c := range cs {
		if !slices.Contains(out, c.entity) {
			out = append(out, c.entity)
		}
	}
	return out
}

// allPrepObjects reports whether every candidate is a preposition's
// object.
func allPrepObjects(cs []candidate) bool {
	for _, c := range cs {
		if !c.prepObject {
			return false
		}
	}
	return len(cs) > 0
}

// clauseSubject is the entity that is the subject of the pronoun's own
// clause: the last subject candidate before it with no clause boundary
// ("that", "who", a comma) between them.
func (a *analysis) clauseSubject(cs []candidate, m *Mention) (int, bool) {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].subject && a.sameClause(cs[i].tok, int(m.FirstToken)) {
			return cs[i].entity, true
		}
	}
	return -1, false
}

// verbBefore reports whether a verb governs the phrase that starts at
// token k ("approached Khan", "told the minister").
func (a *analysis) verbBefore(k int) bool {
	j := k - 1
	if determiners[a.Lower(j)] {
		j--
	}
	return a.IsWord(j) && !a.IsCapWord(j) && finiteWord(a.Lower(j)) && !auxiliaries[a.Lower(j)] && !strings.Contains(a.Lower(j), "n't")
}

// prepositionBefore reports whether a preposition governs the phrase that
// starts at token k ("to Sanders", "of his lawyer", "from the Qaboos").
func (a *analysis) prepositionBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && !a.SentenceStart(j+1) && !a.OpensSentence(j+1); j-- {
		lw := a.Lower(j)
		if prepositions[lw] {
			return true
		}
		if !determiners[lw] && lw != "our" && lw != "my" && lw != "your" && lw != "one" && !(a.IsWord(j) && !a.IsCapWord(j) && !a.verbLike(j) && j == k-1) {
			return false
		}
	}
	return false
}

// sameClause reports whether no clause boundary ("that", "who", "which",
// "when", "because", a comma, a semicolon) stands between tokens i and j.
func (a *analysis) sameClause(i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch a.Lower(k) {
		case "that", "who", "which", "when", "because", "while", "after", "before", "if", "but", "and", ",", ";", ":":
			return false
		}
	}
	return true
}

// ModifierAt reports whether name mention i of the model only modifies
// the noun after it ("the Clinton campaign", "Trump supporters have"):
// see modifierName.
func (pm *Model) ModifierAt(art *article.Article, i int) bool {
	return (&analysis{Article: art}).modifierName(&pm.Mentions[i])
}

// modifierName reports whether name mention m only modifies the noun
// after it ("the Clinton campaign", "Trump suits were made", "Sanders
// supporters have"): the word after it is a lower-case noun, not a verb.
// A word in -s is a plural noun only when a verb follows it ("Trump suits
// were", not "Clinton focuses on").
func (a *analysis) modifierName(m *Mention) bool {
	k := int(m.EndToken)
	if m.Form == RolePhrase || !a.IsWord(k) || a.IsCapWord(k) {
		return false
	}
	if _, poss := article.StripPossessive(a.Lower(k - 1)); poss {
		return false // "Whitby's campaign": the possessor is an antecedent
	}
	return nounFollows(a.Article, k)
}

// modifiesNoun reports whether a noun for a person before token k
// modifies the noun at k and names no one ("the general election.", "the
// delegate count, to"): a noun follows (nounFollows), and what follows
// it ends the phrase (never a preposition: "an official familiar with",
// "an aide close to" may be adjectives after their noun), or is a noun
// too ("their student loan debt under the law": a compound).
func modifiesNoun(a *article.Article, k int) bool {
	if !nounFollows(a, k) {
		return false
	}
	if nounFollows(a, k+1) {
		return true // "their student loan debt under …": a compound, whatever follows it
	}
	// The phrase ends after the noun: punctuation, a verb, a conjunction
	// or a subordinator follows ("the delegate count grew", "the general
	// election.", "the general election when"), not another word of it
	// ("The senator last week").
	next := a.Lower(k + 1)
	return !a.IsWord(k+1) || finiteWord(next) || next == "and" || next == "or" || next == "but" || subordinators[next] || relativeWords[next]
}

// plainAdverbs are adverbs without -ly that stand between a subject and
// its verb ("The senator twice said", "the candidate alone voted").
var plainAdverbs = setOf(`twice once thrice first alone even too also often never always again still just only soon later
then last next already ever seldom sometimes recently earlier previously nonetheless however`)

// nounFollows reports whether token k is a lower-case word that reads as
// the noun a word before it modifies ("Kessler suits were", "the general
// election"): no verb, function word, pronoun (reflexives too), adverb or
// participle, and a plural only where a verb follows it (else "the judge
// rules" may be a verb).
func nounFollows(a *article.Article, k int) bool {
	if !a.IsWord(k) || a.IsCapWord(k) {
		return false
	}
	w := a.Lower(k)
	if plainAdverbs[w] || IsReflexive(w) {
		return false // "The senator twice said", "Obama himself seemed": no noun
	}
	if finiteWord(w) || skippable[w] || phraseStop[w] || subordinators[w] || prepositions[w] || isPronounWord(w) ||
		determiners[w] || objectDeterminers[w] || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || w == "who" || w == "which" {
		return false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		next := a.Lower(k + 1)
		return a.IsWord(k+1) && finiteWord(next)
	}
	return true
}

// irregularPast are the irregular past tenses of common verbs: after a
// name, they show it is a subject ("Trump took", "Clinton won").
var irregularPast = setOf("took made gave went came won lost ran left held met spoke wrote got put set began became brought thought felt kept led paid sent stood told said sold sought struck taught threw understood woke wore drove ate fell fought found flew forgot forbade froze grew hung heard hid hit knew laid lay meant rode rose saw shook shot showed shut sang sank sat slept slid stole swore swept swam swung tore withdrew overcame overtook undertook")

// unnamedPersonAt reports a person the text mentions without a name at
// token k: a noun for a person after a determiner or a possessive ("her
// boss", "one former executive who", "a woman's"), not part of a name.
func (a *analysis) unnamedPersonAt(k int) bool {
	if !a.IsWord(k) || a.IsCapWord(k) {
		return false
	}
	w, poss := article.StripPossessive(a.Lower(k))
	if _, title := titleClasses[w]; !personNouns[w] && genderNouns[w] == "" && !title {
		return false
	}
	if !poss && modifiesNoun(a.Article, k+1) {
		return false // "the general election.", "the delegate count, to"
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		lw := a.Lower(j)
		if determiners[lw] || lw == "one" || lw == "another" || lw == "some" || lw == "our" || lw == "my" || lw == "your" {
			return true
		}
		if !a.IsWord(j) || prepositions[lw] || phraseStop[lw] {
			return false
		}
	}
	return false
}

// namedAfterComma reports whether a name stands in apposition after the
// noun for a person at token k ("the F.B.I. director, James B. Comey,",
// "The company's chief executive, Mark Hollis, said"): the noun is that
// person, no one else.
func (a *analysis) namedAfterComma(pm *Model, k int) bool {
	if !a.IsPunct(k+1, ",") {
		return false
	}
	mi, ok := pm.index.startAt(k + 2)
	if !ok {
		return false
	}
	n := &pm.Mentions[mi]
	return n.Form != Pronoun && n.Form != RolePhrase && len(n.Words) > 0 && n.Quote < 0
}

// indefiniteBefore reports whether "a" or "an" opens the phrase ending at
// token k.
func (a *analysis) indefiniteBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if lw := a.Lower(j); lw == "a" || lw == "an" {
			return true
		} else if !a.IsWord(j) || determiners[lw] {
			return false
		}
	}
	return false
}

// personNouns are common nouns for a person that the title lexicon does
// not hold: relations and positions people are named by in news copy.
var personNouns = setOf("boss predecessor successor deputy aide adviser advisor assistant rival opponent ally friend colleague partner lawyer attorney executive official staffer supporter critic voter resident worker employee agent source reporter journalist candidate nominee member leader person someone child kid teenager teen victim suspect defendant plaintiff witness neighbour neighbor relative cousin guard officer doctor nurse teacher student pupil patient client customer owner founder host guest")

// openingPhraseSubject reads "On the advice of his lawyer, Calero …": a
// possessive pronoun in a phrase that opens the sentence, before any
// name, refers to the subject that follows the phrase's comma. The
// possessive must not be the sentence's first word.
func (a *analysis) openingPhraseSubject(pm *Model, m *Mention) int {
	if w := a.Lower(int(m.FirstToken)); w != "his" && w != "her" {
		return -1
	}
	if m.FirstToken == a.Sentences[m.Sent].FirstWord {
		// "Her deputy, Paul Wendt, will run …": the possessive opens the
		// subject itself, and the name after the comma is in apposition
		// to it, not the possessor.
		return -1
	}
	s := a.Sentences[m.Sent]
	for k := int(m.FirstToken) + 1; k < int(s.EndToken) && k < int(m.FirstToken)+12; k++ {
		if !a.IsPunct(k, ",") {
			if a.Tokens[k].Kind == article.Punct {
				return -1
			}
			continue
		}
		// A phrase, not a clause ("Such a move could alienate his
		// backers, Clinton allies believe"): no auxiliary before the
		// comma (a participle may open it: "Asked about his record,
		// Trump said").
		for j := max(int(s.FirstToken), k-referentWindow); j < k; j++ {
			if clauseVerbs[a.Lower(j)] {
				return -1
			}
		}
		sp, ok := pm.index.startAt(k + 1)
		if !ok || pm.Mentions[sp].Form == Pronoun {
			return -1
		}
		if a.possessedAppositive(&pm.Mentions[sp]) {
			// "Less quick-witted than her older sister, Maryanne Barry,
			// now a judge, he …": a name in apposition to the person the
			// possessive's phrase names, with the subject after it, is
			// not that subject ("On the advice of his lawyer, Calero
			// Vance, a former banker, declined" is Calero Vance).
			return -1
		}
		if e := int(pm.Mentions[sp].Entity); e >= 0 && pm.pronounable(e) {
			return e
		}
		return -1
	}
	return -1
}

// clauseVerbs are auxiliaries and modals: one makes a clause of the words
// it stands in.
var clauseVerbs = setOf("could would will shall should may might must can is are was were has have had does did")

// genderNounBefore reports whether a noun for someone of the pronoun's
// gender stands between it and the start of the sentence before.
func (a *analysis) genderNounBefore(m *Mention) bool {
	from := int(a.Sentences[m.Sent].FirstToken)
	if m.Sent > 0 && int(a.Sentences[int(m.Sent)-1].Para) == int(m.Para) {
		from = int(a.Sentences[int(m.Sent)-1].FirstToken)
	}
	from = max(from, int(m.FirstToken)-referentWindow)
	for j := from; j < int(m.FirstToken); j++ {
		if g, ok := genderNouns[a.Lower(j)]; ok && g == m.Gender() {
			return true
		}
	}
	return false
}

// referentWindow bounds, in tokens, how far back a pronoun looks for its
// referent, so that an article with an endless sentence stays linear.
const referentWindow = 60

// objectPronoun reports whether the pronoun at token i is an object ("him",
// or "her" not followed by a noun).
func (a *analysis) objectPronoun(i int) bool {
	switch a.Lower(i) {
	case "him":
		return true
	case "her":
		if i+1 >= len(a.Tokens) || a.Tokens[i+1].Kind != article.Word {
			return true
		}
		switch a.Lower(i + 1) {
		case "and", "or", "to", "for", "in", "on", "at", "with", "that", "the", "a", "an", "as", "of", "from", "by", "about", "into", "after", "before", "when", "while", "if", "but", "so", "up", "down", "out", "off", "back":
			return true
		}
		// "named her Holder's successor": a name's possessive follows,
		// so "her" is the verb's object ("her son's school" stacks two
		// possessors: a noun's possessive says nothing).
		if _, poss := article.StripPossessive(a.Tok(i + 1)); poss && a.IsCapWord(i+1) {
			return true
		}
	}
	return false
}

// speakerReferent finds the referent of a subject pronoun after a speech
// verb: "Winch said she", "Pickens told Reuters she", "X said that he",
// "quoted Yoshiro Araki as saying he". -1 when there is none.
func (a *analysis) speakerReferent(pm *Model, m *Mention) int {
	// speakerUnnamed (below) when the speaker is a role phrase the model
	// links to nobody.
	if w := a.Lower(int(m.FirstToken)); w != "he" && w != "she" {
		return -1
	}
	k := int(m.FirstToken) - 1
	reach := 2
	that := a.Lower(k) == "that"
	if that {
		// "said on Wednesday that he", "said in a statement that she":
		// words of time or manner may stand between the verb and "that".
		k--
		reach = 6
	}
	for j := k; j >= k-reach && j >= 0; j-- {
		if a.speechVerbAt(j) {
			if j < k && speechVerbs[a.Lower(j)] != "tell" && !(that && a.adjunctOnly(pm, j+1, k+1)) {
				return -1 // only "told Reuters she" may put words between
			}
			v := j
			if a.Lower(j-1) == "as" {
				v = j - 1
			}
			sp := a.speakerBeforeVerb(pm.index, v, int(a.Sentences[m.Sent].FirstToken))
			if sp >= 0 && (pm.Mentions[sp].Form != Pronoun && !strings.HasSuffix(a.Lower(j), "ing") || v != j) {
				if e := int(pm.Mentions[sp].Entity); e >= 0 && pm.pronounable(e) {
					return e
				}
				if pm.Mentions[sp].Form == RolePhrase && pm.Mentions[sp].Entity < 0 {
					// "The Republican nominee later said he": someone
					// the model cannot name, never the person named in
					// the sentence before.
					return speakerUnnamed
				}
			}
			return -1
		}
		if a.Tokens[j].Kind == article.Punct {
			return -1
		}
	}
	return -1
}

// adjunctOnly reports whether tokens [from, to) are words that name
// nobody ("on Wednesday", "in a statement", "last week"): no punctuation,
// no quotation, no person or name the model could not place.
func (a *analysis) adjunctOnly(pm *Model, from, to int) bool {
	for j := from; j < to; j++ {
		if a.Tokens[j].Kind == article.Punct || a.InQuote(j) {
			return false
		}
		if mi, ok := pm.index.startAt(j); ok {
			if e := int(pm.Mentions[mi].Entity); e < 0 || pm.Entities[e].Kind.MayBePerson() {
				return false
			}
		}
		if pronounGender[a.Lower(j)] != "" {
			return false
		}
	}
	return true
}

// relativeReferent returns the person a relative clause describes, for
// a subject or reflexive pronoun in it: "said Sue Keninger, 62, who has
// not decided which candidate she will back", "Ortiz, who considers
// himself a farmer". The clause runs from "who"
// to the pronoun with no punctuation, quotation, pronoun or name between;
// the name stands just before its comma (an age may follow the name).
// -1 otherwise.
func (a *analysis) relativeReferent(pm *Model, m *Mention) int {
	// Not a possessive: "O’Malley, who had taken a shot at her Wall
	// Street connections" is about someone else's.
	if w := a.Lower(int(m.FirstToken)); w != "he" && w != "she" && !IsReflexive(w) {
		return -1
	}
	sent := int(a.Sentences[m.Sent].FirstToken)
	k := int(m.FirstToken) - 1
	for ; k > sent && int(m.FirstToken)-k <= 12; k-- {
		if a.Tokens[k].Kind == article.Punct || a.InQuote(k) || pronounGender[a.Lower(k)] != "" || a.IsCapWord(k) {
			return -1
		}
		if _, ok := pm.index.startAt(k); ok {
			return -1
		}
		if a.Lower(k) == "who" {
			break
		}
	}
	if a.Lower(k) != "who" || !a.IsPunct(k-1, ",") || k == int(m.FirstToken)-1 {
		// "Rubio, who he said was a lightweight": right after "who" the
		// pronoun is the clause's own subject, someone else.
		return -1
	}
	end := k - 1 // the comma
	if a.Tokens[end-1].Kind == article.Number && a.IsPunct(end-2, ",") {
		end -= 2 // "Sue Keninger, 62, who"
	}
	prev, ok := pm.index.endAt(end)
	if !ok {
		return -1
	}
	o := &pm.Mentions[prev]
	if o.Form == Pronoun || o.Quote >= 0 || o.Entity < 0 || !pm.pronounable(int(o.Entity)) || a.modifierName(o) {
		return -1
	}
	return int(o.Entity)
}

// speakerUnnamed is what speakerReferent returns when the speech verb's
// subject is someone the model cannot name.
const speakerUnnamed = -2

// listenerVerbs take a person and then a clause about either of them:
// "told Clinton she", "reminded Ruiz that he", "asked Lee if she".
var listenerVerbs = setOf(`tell tells told telling remind reminds reminded reminding assure assures assured assuring
reassure reassures reassured reassuring warn warns warned warning inform informs informed informing notify notifies
notified notifying advise advises advised advising promise promises promised promising convince convinces convinced
convincing persuade persuades persuaded persuading ask asks asked asking`)

// toldPerson reports whether subject pronoun m follows a listener verb
// and the person it names ("told Clinton she", "assured Ms Alvarez that
// he"), where the pronoun may be the listener's or the subject's. (After
// "explain to" it is the subject's: "Brandt had to explain to Ms Alvarez
// that he could not".)
func (a *analysis) toldPerson(pm *Model, m *Mention) bool {
	if w := a.Lower(int(m.FirstToken)); w != "he" && w != "she" {
		return false
	}
	k := int(m.FirstToken) - 1
	switch a.Lower(k) {
	case "that", "if", "whether":
		k--
	}
	prev, ok := pm.index.endAt(k + 1)
	if !ok {
		return false
	}
	o := pm.Mentions[prev]
	if o.Quote >= 0 || o.Entity >= 0 && !pm.Entities[o.Entity].Kind.MayBePerson() || o.Entity < 0 && o.Form == Pronoun {
		return false
	}
	j := int(o.FirstToken) - 1
	return j >= 0 && listenerVerbs[a.Lower(j)]
}

// UnnamedPersonAt reports a person the text mentions without a name at
// token k of art: a noun for a person after a determiner or a possessive
// ("her boss", "one former executive who", "a woman's").
func UnnamedPersonAt(art *article.Article, k int) bool {
	return (&analysis{Article: art}).unnamedPersonAt(k)
}

// ObjectPronounAt reports whether token k of art is an object pronoun:
// "him", or "her" where no word of a noun phrase it would possess follows
// ("eclipse her.", "told her that").
func ObjectPronounAt(art *article.Article, k int) bool {
	return (&analysis{Article: art}).objectPronoun(k)
}

// PossessiveHerAt reports whether "her" at token k of art is a possessive
// ("her objection", "her own"), not an object ("speaking to her with",
// "told her that"): a word of its noun phrase follows.
func PossessiveHerAt(art *article.Article, k int) bool {
	if !art.IsWord(k+1) || art.QuoteOf(k+1) != art.QuoteOf(k) {
		return false
	}
	w := art.Lower(k + 1)
	return !phraseStop[w] && !prepositions[w] && !determiners[w] && !subordinators[w] && !isPronounWord(w) && !finiteWord(w) &&
		w != "who" && w != "which" && w != "what" && w != "how" && w != "why"
}

// ReportsBefore reports whether a reported statement's verb (said,
// saying, told, argued …, as the model read them) stands in mention m's
// sentence before it: words after it are reported words.
func (pm *Model) ReportsBefore(art *article.Article, m *Mention) bool {
	start := art.Sentences[m.Sent].Start()
	for _, si := range pm.StatementsByPara.Of(int(m.Para)) {
		if v := pm.Statements[si].Verb; v.Start >= start && v.End <= m.Start() {
			return true
		}
	}
	return false
}
