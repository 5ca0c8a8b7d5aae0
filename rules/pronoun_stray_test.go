package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// strayFor analyses text as the rule does and returns its stray scan.
func strayFor(t *testing.T, text string) *strayScan {
	t.Helper()
	a, _ := markup.Parse("t.txt", []byte(text), markup.Text)
	pm := people.Analyse(a, nil)
	indep, names := independentGenders(pm)
	byEnt := genderVotes(a, pm, indep, names, nil)
	byEnt = genderVotes(a, pm, indep, names, byEnt)
	return &strayScan{pass: &linter.Pass{Article: a, People: pm}, byEnt: byEnt, indep: indep}
}

// mentionAt returns the index of the mention whose text is word, the
// n-th such (from 0).
func mentionAt(t *testing.T, s *strayScan, word string, n int) int {
	t.Helper()
	for i, m := range s.pass.People.Mentions {
		if s.pass.Article.Text(m.Span()) == word {
			if n == 0 {
				return i
			}
			n--
		}
	}
	require.Failf(t, "no mention", "%q", word)
	return -1
}

func entityNamed(t *testing.T, s *strayScan, name string) int {
	t.Helper()
	for e, ent := range s.pass.People.Entities {
		if ent.Name == name {
			return e
		}
	}
	require.Failf(t, "no entity", "%q", name)
	return -1
}

// A pronoun after the one judged takes up someone named between only if
// that person may have its gender: the model's guess of a man for "She"
// says nothing.
func TestTakesUpLater(t *testing.T) {
	s := strayFor(t, "Mark Olsen spoke in Ohio. She criticized the governor, Paul Reyes, though she did not name him. Reyes said she would lose.")
	pm := s.pass.People
	she0 := pm.Mentions[mentionAt(t, s, "She", 0)]
	him := pm.Mentions[mentionAt(t, s, "him", 0)]
	reyes := entityNamed(t, s, "Paul Reyes")
	him.Referent, him.Entity = int32(reyes), int32(reyes)
	assert.True(t, s.takesUpLater(she0, him), "“him” takes up Paul Reyes, named between")
	him.Referent, him.Entity = -1, -1
	assert.True(t, s.takesUpLater(she0, him), "unresolved, a man named between may be whom it means")

	she := pm.Mentions[mentionAt(t, s, "she", 1)]
	she.Referent, she.Entity = -1, int32(reyes)
	assert.False(t, s.takesUpLater(she0, she), "the model's guess of a man for “she” is no taking up")
	assert.False(t, s.takesUpLater(she, she0), "a pronoun before is never taken up later")
}

// A dash before "and whether" opens another clause: the pronoun before it
// does not command the name after it.
func TestCommandedEndsAtDash(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool // Paul Reyes is ruled out
	}{
		{"Helen Dorn won. How he answers will shape the campaign - and whether Paul Reyes can win.", false},
		{"Helen Dorn won. How he answers will shape the campaign, and whether Paul Reyes can win.", false},
		{"Helen Dorn won. He said on Monday that Paul Reyes can win.", true},
		{"Helen Dorn won. He said - on Monday - that Paul Reyes can win.", true},
	} {
		s := strayFor(t, c.text)
		word := "he"
		if strings.Contains(c.text, "He ") {
			word = "He"
		}
		m := s.pass.People.Mentions[mentionAt(t, s, word, 0)]
		got := slices.Contains(s.commanded(m, nil), entityNamed(t, s, "Paul Reyes"))
		assert.Equal(t, c.want, got, c.text)
	}
}

// A name in apposition to the person a possessive owns is that person;
// a name after the phrase of a thing owned is no apposition.
func TestAppositiveEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool // the name is in apposition to what "her" owns
	}{
		{"Her rival, Helen Dorn, captured Ohio.", true},
		{"Paul Reyes lost to her rival, Helen Dorn.", true},
		{"After her arrest, Helen Dorn, 52, said the charges were false.", false},
		{"In her speech, Helen Dorn thanked the voters.", false},
		{"Her rival, Helen Dorn and Paul Reyes said, had lost.", false},
	} {
		s := strayFor(t, c.text)
		var m people.Mention
		for _, x := range s.pass.People.Mentions {
			if strings.EqualFold(s.pass.Article.Text(x.Span()), "her") {
				m = x
			}
		}
		owned := s.possessedEnd(m)
		assert.Equal(t, c.want, s.appositiveEnd(m, owned) > owned, c.text)
	}
}

// A first name most of whose bearers are men ("Chris", "Bernie") and two
// pronouns the model gave its bearer, none against, make him a man in
// view: he is no woman a "she" may mean. One pronoun, or one against, or
// a first name that leans the other way, do not.
func TestLeaningNameAndGuessedPronouns(t *testing.T) {
	s := strayFor(t, "Chris Halloran met Dana Reyes and Lena Fry in Leeds on Monday.")
	chris, dana := entityNamed(t, s, "Chris Halloran"), entityNamed(t, s, "Dana Reyes")
	require.Equal(t, "", s.indep[chris], "the data leave Chris open")
	require.Equal(t, "male", people.GivenNameLean("Chris"))
	s.judged = -1
	s.byEnt[chris] = &votes{n: [2]int{2, 0}, weak: [2]int{2, 0}}
	assert.True(t, s.firmByPronouns(chris, "male"), "two guessed pronouns and a name that leans male")
	s.byEnt[chris] = &votes{n: [2]int{1, 0}, weak: [2]int{1, 0}}
	assert.False(t, s.firmByPronouns(chris, "male"), "one guessed pronoun")
	s.byEnt[chris] = &votes{n: [2]int{3, 1}, weak: [2]int{3, 1}}
	assert.False(t, s.firmByPronouns(chris, "male"), "one pronoun against")
	require.NotEqual(t, "male", people.GivenNameLean("Dana"))
	s.byEnt[dana] = &votes{n: [2]int{2, 0}, weak: [2]int{2, 0}}
	assert.False(t, s.firmByPronouns(dana, "male"), "a name that does not lean male")
}

// tokenAt returns the index of the n-th token (from 0) whose text is w.
func tokenAt(t *testing.T, s *strayScan, w string, n int) int {
	t.Helper()
	a := s.pass.Article
	for i := range a.Tokens {
		if a.Tok(i) == w {
			if n == 0 {
				return i
			}
			n--
		}
	}
	require.Failf(t, "no token", "%q", w)
	return -1
}

// A capitalised word the model made no one's name is someone of the
// pronoun's gender in view only as a first name of that gender: not when
// the article names someone with it as a surname (that person decides),
// nor when the place data know it as a place.
func TestCapitalisedWordFits(t *testing.T) {
	s := strayFor(t, "Election results\n\nGina Rodriguez won the seat. Tom Hale praised his work, and Charlotte "+
		"officials and Kevin supporters cheered. Rodriguez Thanks Voters.")
	his := s.pass.People.Mentions[mentionAt(t, s, "his", 0)]
	// The same article with "her" for "his".
	sf := strayFor(t, "Election results\n\nGina Rodriguez won the seat. Tom Hale praised her work, and Charlotte "+
		"officials and Kevin supporters cheered. Rodriguez Thanks Voters.")
	her := sf.pass.People.Mentions[mentionAt(t, sf, "her", 0)]
	// A first name the data give men, but Gina Rodriguez's surname here
	// (a later use in a title-case line).
	assert.False(t, s.wordFits(his, tokenAt(t, s, "Rodriguez", 1)), "Rodriguez")
	// A woman's first name, and a city.
	assert.False(t, sf.wordFits(her, tokenAt(t, sf, "Charlotte", 0)), "Charlotte")
	// A man's first name, no place, nobody's surname.
	assert.True(t, s.wordFits(his, tokenAt(t, s, "Kevin", 0)), "Kevin")
}
