package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

var (
	// checkStrangers reports speakers never introduced in the article.
	checkStrangers = linter.NewOption("check-strangers", true)
	// checkSwaps reports speakers who differ from the paragraph's
	// reported speaker.
	checkSwaps = linter.NewOption("check-swaps", true)
)

// QuoteAttribution reports a quotation attributed to someone other than
// the person the paragraph says is speaking.
func QuoteAttribution() *linter.Rule {
	return &linter.Rule{
		Name:     "quote-attribution",
		Doc:      "a quotation attributed to someone other than the person the paragraph reports as speaking",
		Severity: linter.Error,
		Options:  []linter.Option{checkStrangers, checkSwaps},
		Explain: `Reports a quotation whose attributed speaker is not who the text says is
speaking. Two cases are reported, one finding per quotation, on the speaker's
name in the attribution:

1. The paragraph reports a statement by one person ("the Belarus President
   stated that …", "In his words, …", "Smith said …"), or the sentence just
   before the quotation is about one person, and the quotation, tagged
   after it ("“…,” said X"), is attributed to someone else who is neither
   introduced nor mentioned in the paragraph.

     Speaking about the agenda, the Belarus President stated that the two
     countries agreed. “We support you in the UN,” said Andrei Kobyakov.

   Only when the words can be the other person's: a quotation that speaks
   of them in the third person is not theirs ("Lind declined an interview.
   “She's not available,” her press secretary wrote"), and when the
   sentence before is the evidence, the quotation must speak in the first
   person and that sentence must have the person as its subject ("Obama's
   rise …", "Clinton allies fear …" are about someone else). A statement
   in a subordinate clause, or before a cue the quotation has in its own
   sentence ("After Trump argued …, Rubio said his “numbers don't add
   up”"), is another statement. Two people of one surname are not told
   apart by it.

2. The attributed speaker is never introduced anywhere in the article (no
   other mention, title or description) while the paragraph is about
   someone else.

3. The quotation names its attributed speaker in the third person while
   the paragraph reports a statement by someone else, or its sentence
   before is about someone else, whom it does not name: "Rusk went after
   Brandt. “If Carla Brandt cannot explain her vote, she should quit,”
   Brandt said." (a finding under check-swaps).

A speaker named nowhere else is taken as a stranger only when the
attribution is bare: the name alone and the verb ("“…,” Randall Fields
said."), at most with an audience ("told reporters"). An attribution that
says more ("Angela Merkel said during a visit to Paris", "said on
Twitter", "said in an interview"), that cites a published piece ("writes
Nate Silver", "X tweeted"), or that introduces the speaker at the quotation
("radio co-host Sam Ruiz", "said Alicia Bannon, senior counsel at …", two
writers "Ana Weiss and Tim Corr wrote", a label "HEADLINE - Lena Haas:")
brings a voice in on purpose. Where someone is based ("Boston-based
Spencer") introduces no one.

Not reported: a second speaker introduced in the attribution itself
("said Dana Whitfield, from the Harbour Trust", "said retired teacher Ana
Kovac", "Corvex's Lee Ortiz told Reuters"); the one who asks in "Asked by
Ortiz about the budget, Reyes said"; organisations and places, which may
issue words but are never strangers ("Brightwater Capital said in a note",
"The union said in a statement"; newslint inspect shows each name's kind
and the evidence); sources named by a phrase ("a spokeswoman said");
continuations and quotations after a statement; scare quotes and titles in
quotation marks.

newslint inspect FILE shows each quotation's source, the pattern and cue
that decided it, and each paragraph's subject, which is the evidence this
rule uses.

Options:
  check-strangers  report speakers never introduced in the article (case 2)
  check-swaps      report speakers who differ from the paragraph's reported
                   speaker (case 1)`,
		ReadsEnglish: true,
		Run:          runQuoteAttribution,
	}
}

// newSpeakerVerbs introduce a reply by someone else.
var newSpeakerVerbs = map[string]bool{
	"replied": true, "responded": true, "countered": true, "retorted": true, "disagreed": true, "rebutted": true,
}

func runQuoteAttribution(pass *linter.Pass) {
	a, pm := pass.Article, pass.People
	reported := map[int]bool{} // speaker mentions already reported
	for qi, q := range a.Quotes {
		at := pm.Attribution(qi)
		if q.Single || at.Speaker < 0 || at.Pattern == "continues" || at.Pattern == "multi-paragraph" || at.Pattern == "statement" || at.Pattern == "credit" || reported[int(at.Speaker)] {
			continue
		}
		m := pm.Mentions[at.Speaker]
		if m.Form == people.Pronoun || m.Form == people.RolePhrase || m.Entity < 0 || m.Quote >= 0 || !m.Kind.MayBePerson() || !pm.Entities[m.Entity].Kind.MayBePerson() {
			// An organisation may issue words; it is never a stranger
			// nor a swap for a person.
			continue
		}
		if newSpeakerVerbs[strings.ToLower(a.Text(at.Verb))] || variantOfAnother(pass, &m) {
			// A reply ("countered X") brings a new speaker; a misspelt
			// name of someone in the article is name-spelling's to report.
			continue
		}
		c := &quoteCheck{pass: pass, qi: qi, at: at, m: &m, e: &pm.Entities[m.Entity]}
		c.stranger = !c.e.Introduced && len(c.e.Mentions) == 1 && !surnameElsewhere(pass, &m) &&
			at.Pattern != "colon-intro" && nameStandsAlone(pass, at, &m)
		found, decided := c.statementByAnother()
		if !decided {
			found = c.sentenceBeforeAboutAnother() || c.strangerInParagraphAboutAnother()
		}
		if !found {
			found = c.namesItsSpeaker()
		}
		if found {
			reported[int(at.Speaker)] = true
		}
	}
}

// quoteCheck is one attributed quotation being checked.
type quoteCheck struct {
	pass     *linter.Pass
	qi       int
	at       people.Attribution
	m        *people.Mention // the speaker's mention
	e        *people.Entity  // the speaker
	stranger bool            // never introduced, named nowhere else
}

func (c *quoteCheck) speaker() string { return displayName(c.pass.Article, c.m, c.e) }

// statementByAnother is case 1: the paragraph reports a statement by
// someone else. A stranger whose attribution brings them in on purpose
// ("said on Twitter") is not contradicted by the paragraph's statement.
// decided is set when the paragraph's statement settles the quotation,
// reported or not: the other cases are not tried.
func (c *quoteCheck) statementByAnother() (found, decided bool) {
	pass, m := c.pass, c.m
	if !(!c.stranger && checkSwaps.Get(pass) || c.stranger && (checkSwaps.Get(pass) || checkStrangers.Get(pass)) && bareAttribution(pass, c.at)) {
		return false, false
	}
	if c.at.Pattern != "after-quote" && c.at.Pattern != "tag-sentence" {
		// A cue before the quotation, in its sentence, says who speaks
		// there and then; a statement before it is another's ("After
		// Trump argued …, Rubio said his “numbers don't add up”").
		return false, false
	}
	st, ok := reportedBy(pass, c.qi, m)
	if !ok {
		return false, false
	}
	sm := pass.People.Mentions[st.Mention]
	if sameSurname(&sm, m) || pass.People.SpeaksOf(pass.Article, c.qi, int(sm.Entity), c.e.ID) {
		// Two people of one surname ("Jeb Bush told … “…,” Bush
		// said") are not told apart by it; and a quotation that speaks
		// of the statement's maker in the third person is not theirs.
		return false, true
	}
	// A known speaker named in full ("said Russell Zimmerman") after a
	// statement given only to a pronoun ("He remarked") is a deliberate
	// change of speaker, not a slip.
	fullKnown := len(m.Words) >= 2 && c.e.Introduced && sm.Form == people.Pronoun
	q := pass.Article.Quotes[c.qi]
	if !c.stranger && (m.Introduced || !nameStandsAlone(pass, c.at, m) || fullKnown || mentionedInParagraphBefore(pass, int(m.Entity), int(q.Para), int(c.at.Speaker))) {
		// Introduced at the quotation ("said Alicia Bannon, senior
		// counsel at …"): brought in on purpose.
		return false, true
	}
	msg := fmt.Sprintf("quote attributed to %s, but this paragraph reports a statement by %s (%s)",
		c.speaker(), pass.People.Entities[sm.Entity].Name, evidence(pass.Article, &sm, st))
	if c.stranger {
		msg += fmt.Sprintf("; %s is not mentioned elsewhere in the article", m.Surname())
	}
	pass.ReportRelated(m.Name(), msg, []linter.Related{pass.Evidence(sm.Span(), "the paragraph's reported speaker")})
	return true, true
}

// sentenceBeforeAboutAnother is case 1b: the sentence just before the
// quotation is about someone else, and the speaker, known from elsewhere,
// is neither introduced nor mentioned in this paragraph.
func (c *quoteCheck) sentenceBeforeAboutAnother() bool {
	pass, m := c.pass, c.m
	q := pass.Article.Quotes[c.qi]
	if c.stranger || !checkSwaps.Get(pass) || m.Introduced || !nameStandsAlone(pass, c.at, m) || mentionedInParagraphBefore(pass, int(m.Entity), int(q.Para), int(c.at.Speaker)) ||
		c.at.Pattern != "after-quote" && c.at.Pattern != "tag-sentence" {
		return false
	}
	subj, ok := subjectJustBefore(pass, c.qi, m)
	if !ok {
		return false
	}
	sm := pass.People.Mentions[subj]
	se := subjectEntity(pass.People, subj)
	if sameSurname(&sm, m) || pass.People.SpeaksOf(pass.Article, c.qi, se, c.e.ID) || !pass.People.Personal(pass.Article, c.qi) {
		// Words that speak of the subject ("Gore declined an interview.
		// “He's not available,” McManus wrote") are someone else's;
		// words that speak of no one (“It was offensive”) may be
		// anyone's.
		return false
	}
	pass.ReportRelated(m.Name(), fmt.Sprintf("quote attributed to %s, but the sentence before it is about %s (“%s”) and %s is not mentioned in this paragraph",
		c.speaker(), pass.People.Entities[se].Name, pass.Article.Text(sm.Span()), m.Surname()),
		[]linter.Related{pass.Evidence(sm.Span(), "the subject of the sentence before")})
	return true
}

// namesItsSpeaker is case 3: the quotation names its attributed speaker
// in the third person ("“If Hillary Clinton still cannot say the two
// words, she should get out of this race,” Clinton said") while the
// paragraph reports a statement by someone else, or its sentence before
// is about someone else, whom the quotation does not name: the words are
// that person's.
func (c *quoteCheck) namesItsSpeaker() bool {
	pass, m := c.pass, c.m
	if !checkSwaps.Get(pass) || c.at.Pattern != "after-quote" && c.at.Pattern != "tag-sentence" || !pass.People.Names(pass.Article, c.qi, int(m.Entity)) {
		return false
	}
	other := -1
	if st, ok := reportedBy(pass, c.qi, m); ok {
		other = int(st.Mention)
	} else if subj, ok := subjectBefore(pass, c.qi, m, true); ok {
		other = subj
	}
	if other < 0 {
		return false
	}
	om := pass.People.Mentions[other]
	oe := subjectEntity(pass.People, other)
	if oe < 0 || sameSurname(&om, m) || pass.People.SpeaksOf(pass.Article, c.qi, oe, c.e.ID) {
		return false
	}
	pass.ReportRelated(m.Name(), fmt.Sprintf("quote attributed to %s names %s in the third person; this paragraph is about %s (“%s”)",
		c.speaker(), m.Surname(), pass.People.Entities[oe].Name, pass.Article.Text(om.Span())),
		[]linter.Related{pass.Evidence(om.Span(), "whom the paragraph is about")})
	return true
}

// strangerInParagraphAboutAnother is case 2: a speaker never introduced,
// with a bare attribution, in a paragraph about someone else.
func (c *quoteCheck) strangerInParagraphAboutAnother() bool {
	pass := c.pass
	if !c.stranger || !checkStrangers.Get(pass) || !bareAttribution(pass, c.at) {
		return false
	}
	subj, ok := aboutSomeoneElse(pass, c.qi, c.m)
	if !ok {
		return false
	}
	sm := pass.People.Mentions[subj]
	pass.ReportRelated(c.m.Name(), fmt.Sprintf("quote attributed to %s, who is not introduced anywhere in the article (no other mention, title or description), while this paragraph is about %s (“%s”)",
		c.speaker(), pass.People.Entities[sm.Entity].Name, pass.Article.Text(sm.Span())),
		[]linter.Related{pass.Evidence(sm.Span(), "whom the paragraph is about")})
	return true
}

// audience are the words of "told reporters", "told a news conference":
// who heard a statement, which says nothing of who made it.
var audience = map[string]bool{
	"told": true, "to": true, "the": true, "a": true, "an": true, "reporters": true, "journalists": true,
	"analysts": true, "correspondents": true, "press": true, "public": true, "audience": true, "investors": true,
	"delegates": true, "listeners": true, "viewers": true, "crowd": true, "news": true, "conference": true,
	"briefing": true, "meeting": true, "newsmen": true, "newspapers": true, "television": true, "radio": true,
}

// publishing are the cues that cite a published text rather than speech.
var publishing = map[string]bool{
	"wrote": true, "writes": true, "write": true, "writing": true, "tweeted": true, "tweets": true, "posted": true,
	"posts": true, "blogged": true, "emailed": true, "texted": true, "retweeted": true,
}

// bareAttribution reports whether a quotation's attribution is the name
// and the speech verb and nothing else ("“…,” Randall Fields said."), at
// most with an audience ("told reporters"). An attribution that says
// anything more of the speaker or the occasion ("said during a visit to
// Paris", "said on Twitter", "said in an interview") shows the writer
// bringing in a voice on purpose: a full name there introduces a person
// readers are expected to know.
func bareAttribution(pass *linter.Pass, at people.Attribution) bool {
	a, pm := pass.Article, pass.People
	if publishing[strings.ToLower(a.Text(at.Verb))] {
		// "writes Nate Silver", "Hale tweeted": a published piece is
		// cited, and its author with it.
		return false
	}
	m := pm.Mentions[at.Speaker]
	from := max(int(m.EndToken), a.TokenIndexAt(at.Verb.End-1)+1)
	s := a.Sentences[m.Sent]
	for k := from; k < int(s.EndToken); k++ {
		if k >= from+12 {
			return false // more than an audience follows
		}
		t := a.Tokens[k]
		if t.Quoted() {
			return true // the quotation the attribution introduces
		}
		if t.Kind == article.Punct {
			if w := a.Tok(k); w == "“" || w == "\"" || w == "." || w == "!" || w == "?" || w == ";" {
				return true
			}
			continue
		}
		if !audience[a.Lower(k)] {
			return false
		}
	}
	return true
}

func displayName(a *article.Article, m *people.Mention, e *people.Entity) string {
	if strings.Count(e.Name, " ") > strings.Count(a.Text(m.Name()), " ") {
		return e.Name
	}
	return a.Text(m.Name())
}

// mentionedIn reports whether entity e is named in paragraph para.
func mentionedIn(pm *people.Model, e, para int) bool {
	for _, i := range pm.MentionsByPara.Of(para) {
		if m := pm.Mentions[i]; int(m.Entity) == e && m.Form != people.Pronoun {
			return true
		}
	}
	return false
}

// subjectEntity is the entity of subject mention i: its own, or, for a
// pronoun, the one the text's structure points it at.
func subjectEntity(pm *people.Model, i int) int {
	m := pm.Mentions[i]
	if m.Entity < 0 && m.Form == people.Pronoun {
		return int(m.Referent)
	}
	return int(m.Entity)
}

// nameStandsAlone reports whether the speaker's name stands in the
// attribution with nothing that introduces it: after the quotation, a
// comma or the cue, and before the cue or the end ("“…,” Hale said.",
// "“…,” said Hale."). A descriptor, a determiner, a possessive, a second
// name or an appositive ("radio co-host Sam Ruiz", "the Founding
// Fathers", "Times' Ben Sisario", "Dovere and Debenedetti", "Fane, who
// …") introduces the speaker. Where someone is from ("Boston-based
// Spencer") says nothing of who they are: it introduces no one.
func nameStandsAlone(pass *linter.Pass, at people.Attribution, m *people.Mention) bool {
	a := pass.Article
	inCue := func(k int) bool {
		return k >= 0 && k < len(a.Tokens) && at.Verb.Start <= a.Tokens[k].Start() && a.Tokens[k].End() <= at.Verb.End
	}
	if k := int(m.FirstToken) - 1; k >= 0 && a.Tokens[k].Kind != article.Punct && !inCue(k) {
		// A capitalised word the model left out of the name is part of
		// it ("Christian Roeher"); a possessive, a lower-case descriptor
		// or a determiner introduces ("Times' Ben Sisario", "co-host Stu
		// Burguiere", "the Founding Fathers").
		w := a.Tok(k)
		_, poss := article.StripPossessive(w)
		if stem, _ := article.StripPossessive(w); poss && (placeEndsAt(pass, k+1) || people.IsKnownPlace(stem)) {
			poss = false // "said California's Sunkist": where, not who
		}
		if !a.IsCapWord(k) || poss && !contraction[a.Lower(k)] || a.SentenceStart(k) {
			return false
		}
	}
	if k := int(m.FirstToken) - 1; k >= 0 && (a.IsPunct(k, "'") || a.IsPunct(k, "’") || a.IsPunct(k, "-")) {
		return false
	}
	k := int(m.EndToken)
	if k >= len(a.Tokens) || inCue(k) {
		return true
	}
	if a.Tokens[k].Kind != article.Punct {
		return skippableAfterName[a.Lower(k)] // "Hale later said"
	}
	switch a.Tok(k) {
	case ",", "(", "—", "–", "-":
		return k+1 < len(a.Tokens) && a.InQuote(k+1)
	}
	return true
}

// placeEndsAt reports whether a place's name ends just before token k.
func placeEndsAt(pass *linter.Pass, k int) bool {
	pm := pass.People
	ms := pm.Mentions
	i := sort.Search(len(ms), func(i int) bool { return int(ms[i].EndToken) >= k })
	return i < len(ms) && int(ms[i].EndToken) == k && ms[i].Kind == people.KindPlace
}

// contraction are the words in 's that are a pronoun and "is" or "has",
// not a possessive.
var contraction = map[string]bool{
	"it's": true, "it’s": true, "that's": true, "that’s": true, "there's": true, "there’s": true, "here's": true,
	"here’s": true, "what's": true, "what’s": true, "he's": true, "he’s": true, "she's": true, "she’s": true,
	"who's": true, "who’s": true,
}

// skippableAfterName are the adverbs between a name and its cue.
var skippableAfterName = map[string]bool{"also": true, "later": true, "then": true, "again": true, "further": true, "has": true, "had": true, "once": true}

// sameSurname reports whether two mentions end with the same name word.
func sameSurname(a, b *people.Mention) bool {
	return a.Surname() != "" && a.Surname() == b.Surname()
}

// surnameElsewhere reports whether the speaker's surname appears in the
// article outside this mention (a mention the model did not recognise as a
// person still counts).
func surnameElsewhere(pass *linter.Pass, m *people.Mention) bool {
	pm := pass.People
	return pm.CapWords()[m.Surname()] > 1
}

// reportedBy finds the statement, in the quotation's paragraph and before
// it, of a person other than the speaker, when it is the last statement
// before the quotation.
func reportedBy(pass *linter.Pass, qi int, m *people.Mention) (people.Statement, bool) {
	a, pm := pass.Article, pass.People
	q := a.Quotes[qi]
	sts := pm.StatementsByPara.Of(int(q.Para))
	// Statements before the quotation's own cue ("Hawkins claimed the
	// pandemic shows the US is a “failed state.”": Hawkins's cue is
	// before the quotation, and a statement before it is another's).
	before := q.Open().Start
	if v := pm.Attribution(qi).Verb; v.End > v.Start && v.Start < before {
		before = v.Start
	}
	n := sort.Search(len(sts), func(i int) bool { return pm.Statements[sts[i]].Verb.Start >= before })
	if n == 0 {
		return people.Statement{}, false
	}
	last := &pm.Statements[sts[n-1]]
	// The statement leads up to the quotation: it stands in the sentence
	// where the quotation opens or in the one before.
	qs := a.SentenceAt(q.Open().Start)
	if ss := a.SentenceAt(last.Verb.Start); ss < 0 || qs-ss > 1 {
		return people.Statement{}, false
	}
	sm := pm.Mentions[last.Mention]
	if sm.Entity < 0 || sm.Entity == m.Entity || sm.Quote >= 0 {
		return people.Statement{}, false
	}
	// The statement must lead up to this quotation: no other quotation
	// with its own speaker stands between them (looking back at most 20
	// quotations; more than that is not "leading up").
	for oq, k := qi-1, 0; oq >= 0 && a.Quotes[oq].Open().Start > last.Verb.End; oq, k = oq-1, k+1 {
		if k == 20 {
			return people.Statement{}, false
		}
		// A quotation of the statement's own maker is part of it ("Trump
		// told a town hall that waterboarding is “peanuts”").
		if at := pm.Attribution(oq); !a.Quotes[oq].Single && at.Speaker >= 0 && (at.Entity < 0 || at.Entity != pm.Mentions[last.Mention].Entity) {
			return people.Statement{}, false
		}
	}
	return *last, true
}

func evidence(a *article.Article, sm *people.Mention, st people.Statement) string {
	if st.Verb.Start <= sm.Start() && sm.End() <= st.Verb.End {
		return "“" + a.Text(st.Verb) + "”"
	}
	return "“" + a.Text(sm.Span()) + " " + a.Text(st.Verb) + "”"
}

// mentionedInParagraphBefore reports whether entity e is mentioned in the
// paragraph (outside quotations) before mention skip.
func mentionedInParagraphBefore(pass *linter.Pass, e, para, skip int) bool {
	pm := pass.People
	// The entity's own mentions are few and sorted: look only at them.
	ms := pm.Entities[e].Mentions
	k, _ := slices.BinarySearch(ms, int32(skip))
	for n := 0; k > 0 && n < 50; n++ {
		k--
		m := pm.Mentions[ms[k]]
		if int(m.Para) < para {
			return false
		}
		if int(m.Para) == para && m.Quote < 0 {
			return true
		}
	}
	return false
}

// aboutSomeoneElse finds another person the paragraph is about: a person
// mentioned in the paragraph outside quotations, or, for a paragraph that
// opens with the quotation, the subject of the paragraph before.
func aboutSomeoneElse(pass *linter.Pass, qi int, m *people.Mention) (int, bool) {
	a, pm := pass.Article, pass.People
	q := a.Quotes[qi]
	looked := 0
	for _, i := range pm.MentionsByPara.Of(int(q.Para)) {
		if looked++; looked > 200 {
			return -1, false
		}
		om := pm.Mentions[i]
		if om.Quote >= 0 || om.Entity < 0 || om.Entity == m.Entity || om.Form == people.Pronoun || !pm.PersonLike(int(om.Entity)) {
			continue
		}
		return int(i), true
	}
	// Otherwise the person the story was last about: the nearest person
	// mentioned (outside quotations) in the paragraphs before.
	for pi := int(q.Para) - 1; pi >= 0 && looked <= 400; pi-- {
		ms := pm.MentionsByPara.Of(pi)
		for k := len(ms) - 1; k >= 0 && looked <= 400; k-- {
			looked++
			om := pm.Mentions[ms[k]]
			if om.Quote >= 0 || om.Entity < 0 || om.Entity == m.Entity || om.Form == people.Pronoun || !pm.PersonLike(int(om.Entity)) {
				continue
			}
			return int(ms[k]), true
		}
	}
	return -1, false
}

// variantOfAnother reports whether the speaker's surname is a near
// spelling of another capitalised word of the article (a misspelt name).
func variantOfAnother(pass *linter.Pass, m *people.Mention) bool {
	pm := pass.People
	return pm.HasNearVariant(m.Surname())
}

// subjectJustBefore finds the subject of the sentence before the
// quotation's (in the same paragraph): its first person named within its
// first words, when no other person is named between it and the quotation.
func subjectJustBefore(pass *linter.Pass, qi int, m *people.Mention) (int, bool) {
	return subjectBefore(pass, qi, m, false)
}

// subjectBefore is subjectJustBefore; with others set, the sentence may
// name other people after its subject ("Trump went after Hillary Clinton
// for …").
func subjectBefore(pass *linter.Pass, qi int, m *people.Mention, others bool) (int, bool) {
	a, pm := pass.Article, pass.People
	q := a.Quotes[qi]
	qs := a.SentenceAt(q.Open().Start)
	if qs <= 0 || a.Sentences[qs-1].Para != q.Para {
		return -1, false
	}
	prev := a.Sentences[qs-1]
	subj := -1
	for n, mi := range pm.MentionsInSentence(qs - 1) {
		if n > 40 {
			return -1, false // a sentence naming this many is about no one person
		}
		om := pm.Mentions[mi]
		e := int(om.Entity)
		if om.Form == people.Pronoun && e < 0 {
			e = int(om.Referent)
		}
		if om.Quote >= 0 || e < 0 && subj < 0 {
			continue
		}
		if subj < 0 {
			if om.FirstToken > prev.FirstWord+8 {
				return -1, false
			}
			if !pm.SubjectOf(a, int(mi)) && !pm.StatementNounOf(a, int(mi)) || om.Form == people.Pronoun && om.Entity < 0 && om.Referent < 0 {
				// "Obama's rise …", "Prompted by Ron Perlman's visit,
				// she …": a possessive or a modifier is not the subject;
				// "Trump's statement that …" reports what Trump said.
				continue
			}
			if e == int(m.Entity) || !pm.PersonLike(e) {
				return -1, false
			}
			subj = int(mi)
			continue
		}
		if om.Form != people.Pronoun && e != subjectEntity(pm, subj) && !others {
			return -1, false // someone else is named too
		}
	}
	if subj < 0 {
		return -1, false
	}
	// A sentence that holds a quotation of its own, after an exchange
	// the speaker took part in the paragraph before, is a turn of a
	// dialogue (“…,” Clinton said. “Grizzly Adams?” Maddow repeated.).
	if q.Para > 0 && mentionedIn(pm, int(m.Entity), int(q.Para)-1) {
		for oq, n := qi-1, 0; oq >= 0 && a.Quotes[oq].Para == q.Para && n < 20; oq, n = oq-1, n+1 {
			at := pm.Attribution(oq)
			if a.Quotes[oq].Single || !at.Attributed() {
				continue
			}
			if a.Quotes[oq].Close().End > prev.Start() || at.Verb.Start >= prev.Start() {
				return -1, false // a quotation in, or tagged by, the sentence before
			}
			break
		}
	}
	// Nobody is named in the quotation's sentence before it: its first
	// mention outside quotations comes after the quotation opens.
	for n, mi := range pm.MentionsInSentence(qs) {
		om := pm.Mentions[mi]
		if om.Start() >= q.Open().Start {
			break
		}
		if n > 40 {
			return -1, false
		}
		if om.Quote < 0 && om.Form != people.Pronoun {
			return -1, false
		}
		if om.Quote >= 0 && int(om.Quote) != qi {
			return -1, false // an earlier quotation in the sentence
		}
	}
	return subj, true
}
