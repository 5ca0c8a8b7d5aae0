package people

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// referents maps each pronoun outside quotations ("word@line:column") to
// the person its structure fixes and why, or to "-" and why not.
func referents(a parsed) map[string]string {
	out := map[string]string{}
	for _, m := range a.pm.Mentions {
		if m.Form != Pronoun || m.Quote >= 0 {
			continue
		}
		pos := a.Position(m.Start())
		key := fmt.Sprintf("%s@%d:%d", a.Text(m.Span()), pos.Line, pos.Column)
		who := "-"
		if m.Referent >= 0 {
			who = a.pm.Entities[m.Referent].Name
		}
		out[key] = who + " / " + m.Why.String()
	}
	return out
}

// Pronoun structure on the article written for it
// (testdata/rules/pronoun-consistency/structure.txt).
func TestPronounStructure(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "pronoun-consistency", "structure.txt"))
	require.NoError(t, err)
	a := parse("structure.txt", string(data))
	assert.Equal(t, map[string]string{
		// "Patel questioned Reyes about his role": two people.
		"his@3:111": "- / several people, or an unnamed one, in view",
		// "Brandt had to explain to Ms Alvarez that he could not send her
		// the file".
		"he@5:76":  "Tom Brandt / subject of the clause before it",
		"her@5:94": "Carla Alvarez / object: not its clause's subject",
		// "Ortega said her predecessor … and that he never explained".
		"her@7:24": "Rosa Ortega / only person named before it",
		"he@7:80":  "- / several people, or an unnamed one, in view",
		// "Ortega said her boss … told her he had booked a room".
		"her@9:13": "Rosa Ortega / only person named before it",
		"her@9:39": "- / several people, or an unnamed one, in view",
		"he@9:43":  "- / several people, or an unnamed one, in view",
		// "his or her", "he or she".
		"his@11:26": "- / generic (he or she)",
		"her@11:33": "- / generic (he or she)",
		"he@11:57":  "- / generic (he or she)",
		"she@11:63": "- / generic (he or she)",
		// A tag after a quotation, in a paragraph that names Ortega.
		"she@13:99": "Rosa Ortega / the last speaker (it speaks in a tag)",
		// A tag in a paragraph that names no one before it.
		"she@15:41": "- / several people, or an unnamed one, in view",
		// "Patel and Reyes … Her vote": two people.
		"Her@17:44": "- / several people, or an unnamed one, in view",
		// "The Reyes campaign is working to deny him": a modifier.
		"him@19:39": "- / several people, or an unnamed one, in view",
	}, referents(a))
	// Generic pronouns lose the model's guess too.
	for _, m := range a.pm.Mentions {
		if m.Why == RefGeneric {
			assert.Equal(t, -1, int(m.Entity))
		}
	}
}

// Subject and object, possessors, tags, reported words: each rule of the
// structure with a look-alike.
func TestPronounStructureLookAlikes(t *testing.T) {
	text := "Title\n\n" +
		"Governor Alan Whitby said the vote was close. Whitby's campaign stalled when he lost the endorsement.\n\n" +
		"Senator Ann Clifton spoke first. Mukasey Dale said the scandal is only the latest issue in her career.\n\n" +
		"Ziering Vance said as a result of the new tax laws he expected lower costs.\n\n" +
		"A loss to Sanders Holt in the state she represented would hurt.\n\n" +
		"The campaign challenged Mara Quist to debate him in April.\n\n" +
		"This has been a concern, strategist Mo Elleithee said. There was pressure on Clifton to enter earlier than she did. Now there is discomfort, he said."
	a := parse("t.txt", text)
	got := referents(a)
	assert.Equal(t, "Alan Whitby / only person named before it", got["he@3:78"], "a possessor is an antecedent")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["her@5:92"], "deep in reported words")
	assert.Equal(t, "Ziering Vance / only person named before it", got["he@7:52"], "a subject pronoun in reported words is the speaker's")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["she@9:37"], "an object of a preposition is no subject's antecedent")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["him@11:46"], "not the one the verb governs")
	assert.Equal(t, "Mo Elleithee / the last speaker (it speaks in a tag)", got["he@13:142"], "a tag is the last speaker's")
}

func TestHandleIsSomeoneInView(t *testing.T) {
	a := parse("t.txt", "Title\n\nMayor Peter Brandt thanked @annaokafor, who had posted the plan online, for her help.\n")
	got := referents(a)
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["her@3:77"], "a handle is someone the model cannot name")
}

func TestPossessiveHerAndReportedWords(t *testing.T) {
	a := parse("t.txt", "Title\n\nBrandt withdrew her objection. They were speaking to her with one voice. Kaine dubbed her appeared a conference. Achebe issued a statement saying her comment was wrong.\n")
	her := map[string]bool{}
	var saying int
	for k := range a.Tokens {
		if a.Lower(k) == "her" {
			her[a.Lower(k+1)] = PossessiveHerAt(a.Article, k)
		}
		if a.Lower(k) == "saying" {
			saying = k
		}
	}
	assert.Equal(t, map[string]bool{"objection": true, "with": false, "appeared": false, "comment": true}, her)
	var first, last *Mention
	for i := range a.pm.Mentions {
		if m := &a.pm.Mentions[i]; m.Form == Pronoun {
			if first == nil {
				first = m
			}
			last = m
		}
	}
	require.NotNil(t, last)
	assert.Greater(t, int(last.FirstToken), saying)
	assert.True(t, a.pm.ReportsBefore(a.Article, last), "saying is a reporting verb: “her comment” is in reported words")
	assert.False(t, a.pm.ReportsBefore(a.Article, first), "“Brandt withdrew her objection” reports nothing")
}

// TestSpeakerThroughAdjuncts checks that words of time or manner between a
// speech verb and "that" keep its subject the pronoun's referent, that a
// person named there breaks it, and that a role phrase the model links to
// nobody speaks for itself rather than leaving the pronoun to whoever was
// named before.
func TestSpeakerThroughAdjuncts(t *testing.T) {
	text := "Title\n\n" +
		"Mayor Peter Brandt said on Wednesday that he would sign. Brandt said in a statement that he was pleased.\n\n" +
		"Senator Ann Clifton spoke. Brandt said to Clifton on Friday that she had won.\n\n" +
		"Democratic presidential nominee Helen Marsh spoke first. The Republican presidential nominee later said that he disagreed."
	a := parse("t.txt", text)
	got := referents(a)
	assert.Equal(t, "Peter Brandt / subject of the speech verb before it", got["he@3:43"])
	assert.Equal(t, "Peter Brandt / subject of the speech verb before it", got["he@3:90"])
	assert.NotEqual(t, "Peter Brandt / subject of the speech verb before it", got["she@5:66"], "a person between")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["he@7:110"], "another party's nominee")
}

// TestRelativeClause checks that a subject pronoun in a relative clause
// means the person the clause describes, but not right after "who" (the
// clause's own subject) nor a possessive, which may be anyone's.
func TestRelativeClause(t *testing.T) {
	text := "Title\n\n" +
		"Mayor Peter Brandt met Ann Clifton, 62, who said she would run.\n\n" +
		"Brandt mocked Clifton, who he said had never run a business.\n\n" +
		"Brandt thanked Clifton, who had praised his budget."
	a := parse("t.txt", text)
	got := referents(a)
	assert.Equal(t, "Ann Clifton / the person its relative clause describes", got["she@3:50"])
	assert.NotEqual(t, "Ann Clifton / the person its relative clause describes", got["he@5:28"])
	assert.NotEqual(t, "Ann Clifton / the person its relative clause describes", got["his@7:41"])
}

// lastToken returns the index of the last token of a written as word,
// failing the test when there is none.
func lastToken(t *testing.T, a *article.Article, word string) int {
	t.Helper()
	k := -1
	for i := range a.Tokens {
		if a.Tok(i) == word {
			k = i
		}
	}
	require.GreaterOrEqual(t, k, 0, "no token %q", word)
	return k
}

// TestProminentWord checks where an unnamed person noun stands: a subject
// or a possessor is where a reader looks for an antecedent, an object of
// a verb or a preposition is not.
func TestProminentWord(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"The adviser said the bill was weak.", "adviser", true},
		{"He promised to name a farm adviser in May.", "adviser", false},
		{"He met a message from an aide on Monday.", "aide", false},
		{"The senator's aide spoke first.", "senator's", true},
		{"Yesterday, a spokeswoman for the city said no.", "spokeswoman", true},
	} {
		a := parse("t.txt", c.text)
		k := lastToken(t, a.Article, c.word)
		assert.Equal(t, c.want, ProminentWord(a.Article, k), c.text)
	}
}

// A noun for a person that modifies the noun after it names no one: no
// role phrase, no unnamed person.
func TestRoleNounModifier(t *testing.T) {
	for _, c := range []struct {
		text, word string
		role       bool
	}{
		{"Cruz is ready for the general election.", "general", false},
		{"Cruz leads the delegate count, and Kasich trails.", "delegate", false},
		{"The general said the war was over.", "general", true},
		{"Cruz met the general in Kabul.", "general", true},
		{"An official close to the campaign spoke.", "official", true},
		{"The senator's office declined to comment.", "senator's", true},
		{"The senator last week said no.", "senator", true},
		{"The senator herself said no.", "senator", true},
		{"The senator twice said no.", "senator", true},
		{"They may renegotiate their student loan debt under the law.", "student", false},
		{"The delegate count lead over Kasich grew.", "delegate", false},
		{"The senator often said no.", "senator", true},
		{"Rubio can win the general election when it counts.", "general", false},
		{"The general who led the war spoke.", "general", true},
	} {
		p := parse("t.txt", c.text)
		k := lastToken(t, p.Article, c.word)
		role := false
		for _, m := range p.pm.Mentions {
			if m.Form == RolePhrase && int(m.FirstToken) <= k && k < int(m.EndToken) {
				role = true
			}
		}
		unnamed := UnnamedPersonAt(p.Article, k)
		if c.word == "general" || c.word == "delegate" || c.word == "senator" || c.word == "student" {
			assert.Equal(t, c.role, role, c.text)
		}
		assert.Equal(t, c.role, role || unnamed, c.text)
	}
}

// A name ending in a word that heads organisations' names ("Society",
// "Institution") is no person's, after a title or alone.
func TestOrgHeadsNameNoOne(t *testing.T) {
	for _, text := range []string{
		"Mark Olsen, the founder of the Midland Historical Society, spoke on Monday.",
		"A paper from the Brookings Institution said so, and the Atlantic Alliance agreed.",
	} {
		p := parse("t.txt", text)
		for _, e := range p.pm.Entities {
			if e.Kind.MayBePerson() {
				assert.Contains(t, []string{"Mark Olsen"}, e.Name, text)
			}
		}
	}
}

// A noun for a person in apposition before a name is that person ("the
// agency's director, Paul Brandt,"), words of time or manner may stand
// between a speech verb and "that", and a reflexive after a name is no
// noun the name modifies ("Dunmore himself seemed"); each with a
// look-alike that stays open.
func TestAppositionAdjunctsAndReflexives(t *testing.T) {
	text := "Title\n\n" +
		"The company's chief executive, Mark Hollis, said her team would stay.\n\n" +
		"Her boss said her team would stay.\n\n" +
		"When the agency's director, Paul Brandt, said on Tuesday that her investigators had found nothing, experts agreed.\n\n" +
		"Paul Brandt said on a visit to Ana Ruiz's office on Tuesday that her staff had found nothing.\n\n" +
		"Paul Brandt said on Tuesday the report showed that her career was over.\n\n" +
		"Paul Dunmore won in 2008.\n\n" +
		"Dunmore himself seemed to sense it. “This was the moment,” he said.\n\n" +
		"The Dunmore campaign seemed to sense it. “This was the moment,” he said.\n"
	a := parse("t.txt", text)
	got := referents(a)
	assert.Equal(t, "Mark Hollis / only person named before it", got["her@3:50"], "the chief executive is Hollis")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["her@5:15"], "her boss is someone the text does not name")
	assert.Equal(t, "Paul Brandt / only person named before it", got["her@7:63"], "said on Tuesday that her")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["her@9:66"], "a person in the words before \"that\"")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["her@11:52"], "a clause of its own before \"that\": deep in reported words")
	assert.Equal(t, "Paul Dunmore / the last speaker (it speaks in a tag)", got["he@15:60"], "Dunmore himself is the subject")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["he@17:65"], "the Dunmore campaign: a modifier")
}

// An opening phrase is a phrase, not a clause ("Such a move could
// alienate his backers, Dunmore believes"), though a participle may open
// it; a possessive that opens a reporting clause after a comma ("…, his
// team believes") is not the possessor's of what they say.
func TestOpeningPhraseAndReportingClause(t *testing.T) {
	text := "Title\n\n" +
		"Paul Dunmore spoke. On the advice of his lawyer, Calero Vance declined.\n\n" +
		"Asked about his record, Paul Dunmore said nothing.\n\n" +
		"Such a move could alienate his backers, Paul Dunmore believes.\n\n" +
		"A win would undermine the notion of Ana Ruiz's inevitability, his team believes.\n"
	got := referents(parse("t.txt", text))
	assert.Equal(t, "Calero Vance / subject after the opening phrase", got["his@3:38"])
	assert.Equal(t, "Paul Dunmore / subject after the opening phrase", got["his@5:13"], "a participle may open the phrase")
	assert.Equal(t, "- / no one named before it", got["his@7:28"], "a clause is no opening phrase")
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["his@9:63"], "a reporting clause after a comma")
}

// A pronoun in a clause a subordinator opens may look ahead past the
// comma that closes it ("when she arrives in Ohio, the nominee will
// speak"); without such a clause it takes up the speaker.
func TestCataphoricClause(t *testing.T) {
	got := referents(parse("t.txt", "Title\n\n"+
		"Tom Hale said that when she arrives in Ohio, the nominee will speak.\n\n"+
		"Tom Hale said that she would arrive in Ohio, and the nominee will speak.\n"))
	assert.Equal(t, "- / several people, or an unnamed one, in view", got["she@3:25"])
	assert.Equal(t, "Tom Hale / subject of the speech verb before it", got["she@5:20"])
}

func TestSpeakerGoesOn(t *testing.T) {
	got := referents(parse("t.txt", "Title\n\n"+
		"Mayor Sadiq Khan rejected the offer. \"This could make us less safe,\" Khan said in a statement.\n\n"+
		"He added: \"This is not about me.\"\n\n"+
		"Senator Ana Ruiz spoke next. She said \"we will win,\" and Khan agreed.\n\n"+
		"He added that the vote was close.\n"))
	// A pronoun that opens a sentence to bring in more words (a speech
	// verb, then a colon or a quotation mark) is the last voice's.
	assert.Equal(t, "Sadiq Khan / the last speaker (it speaks in a tag)", got["He@5:1"])
	// Not a reported clause ("He added that …"), which is read as before.
	require.Contains(t, got, "He@9:1")
	assert.NotContains(t, got["He@9:1"], "the last speaker")
}

// A tag takes up a voice, never a person its paragraph names only as a
// topic or a listener: after "said about" or "told", or in the phrase
// that opens the sentence ("Of the scrutiny over Jori Duty, he said").
func TestTagNotTopic(t *testing.T) {
	a := parse("t.txt", "Convention speech draws scrutiny\n\n"+
		"Jori Duty's speech on Monday drew the loudest applause. She thanked the delegates.\n\n"+
		"Of the scrutiny over Jori Duty, he said, \"It's a little much.\"\n\n"+
		"\"We expected it,\" she said about Paul Flint. \"He was late,\" she said.\n\n"+
		"Asked about the speech, Paul Flint said, \"It was fine.\"\n")
	got := referents(a)
	require.Contains(t, got, "he@5:33")
	require.Contains(t, got, "she@7:61")
	assert.NotContains(t, got["he@5:33"], "Jori Duty", "a topic in the opening phrase is no voice")
	assert.NotContains(t, got["she@7:61"], "Paul Flint", "a name after 'said about' is no voice")
}

// A name closed by a comma right after the person a possessive's phrase
// names is in apposition to that person, not the subject after the
// opening phrase ("At the urging of his wife, Jane Sanders, he …"); a
// name that goes straight on to its verb is the subject ("On the advice
// of his lawyer, Calero Vance declined").
func TestOpeningPhraseAppositive(t *testing.T) {
	got := referents(parse("t.txt", "Title\n\n"+
		"Tom Hale spoke. At the urging of his wife, Jane Hale, he has been talking to donors.\n\n"+
		"Paul Dunmore spoke. On the advice of his lawyer, Calero Vance declined.\n\n"+
		"Ana Ruiz spoke. Less patient than her older sister, Maria Ruiz Ortiz, now a judge, he was also kinder.\n"))
	require.Contains(t, got, "his@3:34")
	assert.NotContains(t, got["his@3:34"], "Jane Hale", "his wife is not his")
	assert.Equal(t, "Calero Vance / subject after the opening phrase", got["his@5:38"])
	require.Contains(t, got, "her@7:35")
	assert.NotContains(t, got["her@7:35"], "Maria Ruiz Ortiz", "her older sister is not her")
	// Nor is the appositive the subject of the clause the pronoun after
	// it stands in.
	require.Contains(t, got, "he@3:55")
	assert.NotContains(t, got["he@3:55"], "Jane Hale")
	require.Contains(t, got, "he@7:84")
	assert.NotContains(t, got["he@7:84"], "Maria Ruiz Ortiz")
	// A subject with an appositive of its own is still the subject, and
	// a relative clause after the name is no second appositive.
	got = referents(parse("t.txt", "Title\n\n"+
		"Paul Dunmore spoke. On the advice of his lawyer, Calero Vance, a former banker, declined to testify.\n\n"+
		"Tom Hale spoke. At the urging of his wife, Jane Hale, who left early, the board voted.\n"))
	assert.Equal(t, "Calero Vance / subject after the opening phrase", got["his@3:38"])
}
