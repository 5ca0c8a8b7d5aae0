package people

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNameBoundaries checks where a name begins and ends when words that
// are not part of it stand beside it, and what kind of name it is.
func TestNameBoundaries(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		kind       Kind
		mentions   []string
	}{
		// A description opening the sentence is not a first name.
		{"Pollster Hana Lindqvist said the race was close. Lindqvist runs a small firm.",
			"Hana Lindqvist", KindPerson, []string{"Pollster Hana Lindqvist", "Lindqvist"}},
		// A look-alike: a first name and a surname, both real, stay whole.
		{"Hana Lindqvist said the race was close. Lindqvist runs a small firm.",
			"Hana Lindqvist", KindPerson, []string{"Hana Lindqvist", "Lindqvist"}},
		// A compound modifier ending in lower case is not part of the name.
		{"Economists at Lagos-based Meridian Capital were cautious. Meridian Capital cut its forecast.",
			"Meridian Capital", KindOrganisation, []string{"Meridian Capital", "Meridian Capital"}},
		// A country that is also a surname, after a given name, is a surname
		// wherever the article uses it.
		{"State Sen. Jen Jordan voted no. Jordan said the bill was wrong.",
			"Jen Jordan", KindPerson, []string{"State Sen. Jen Jordan", "Jordan"}},
		// A look-alike: the country after a word that is not a given name.
		{"Troops from Jordan arrived on Monday. Officials in Jordan said they would stay.",
			"Jordan", KindPlace, []string{"Jordan", "Jordan"}},
		// "Name of Organisation" is a person affiliated with it.
		{"Tamas Varga of PVM Oil Associates said prices would rise.",
			"Tamas Varga", KindPerson, []string{"Tamas Varga"}},
		// A title that is also a surname, after a given name, is a
		// surname ("Larry King", "Billie Jean King").
		{"Broadcaster Nora King said the station would close. King has run it since 1990.",
			"Nora King", KindPerson, []string{"Broadcaster Nora King", "King"}},
		// A look-alike: a title before a name stays a title.
		{"King Harald opened the bridge. Harald thanked the builders.",
			"Harald", KindPerson, []string{"King Harald", "Harald"}},
		// A verb in -ing opening a sentence or a headline is no first name.
		{"Debating Okafor's record.\n\nLinda Okafor said the record was clear.",
			"Linda Okafor", KindPerson, []string{"Okafor", "Linda Okafor"}},
		// A look-alike: a surname in -ing the data know stays a name.
		{"Mayor Manning Okafor said the record was clear.",
			"Manning Okafor", KindPerson, []string{"Mayor Manning Okafor"}},
		// Words around a bare surname that suggest an organisation ("a
		// spokeswoman for Fiorina") say nothing of a person named in full
		// with a given name.
		// (A given name in -ly opening a sentence is no adverb.)
		{"Carly Fiorina spoke in Iowa. A spokeswoman for Fiorina said the group Fiorina founded was closed.",
			"Carly Fiorina", KindPerson, []string{"Carly Fiorina", "Fiorina", "Fiorina"}},
		// The word after "South", "New" or "San" is a place's, even a
		// given name's ("South Carolina Saturday" is no Carolina Saturday).
		{"Rubio campaigned in South Carolina Saturday. Marco Rubio said he liked South Carolina.",
			"Marco Rubio", KindPerson, []string{"Rubio", "Marco Rubio"}},
	} {
		a := parse("t.txt", tc.text)
		e := entityNamed(t, a, tc.name)
		assert.Equal(t, tc.kind, e.Kind, "%s: kind of %s (evidence %v)", tc.text, tc.name, e.Evidence)
		assert.Equal(t, tc.mentions, mentionTexts(a, e), tc.text)
	}
}

// TestPlacePrefix checks that a given name after a place's first word
// ("South Carolina", "San Diego") makes no person.
func TestPlacePrefix(t *testing.T) {
	a := parse("t.txt", "Rubio campaigned in South Carolina Saturday and flew to San Diego Sunday.")
	require.NotEmpty(t, a.pm.Entities)
	for _, e := range a.pm.Entities {
		assert.NotEqual(t, "Carolina Saturday", e.Name)
		assert.NotEqual(t, "Diego Sunday", e.Name)
	}
}

// TestGivenNameLean checks the weaker reading of a first name: the gender
// at least 80 in 100 bearers have, where fewer than 95 do.
func TestGivenNameLean(t *testing.T) {
	for w, want := range map[string]string{"Bernie": "male", "Chris": "male", "Kelly": "female", "Jordan": "", "Carol": "female", "Peter": "male", "Zzyzx": ""} {
		if got := GivenNameLean(w); got != want {
			t.Errorf("GivenNameLean(%q) = %q, want %q", w, got, want)
		}
	}
	if GivenNameGender("Bernie") != "" {
		t.Errorf("Bernie leans male but is not one-sided")
	}
}

// TestFormerIsNoOccupation checks that "former" before a name, a word in
// -er like "farmer", describes no one: "The former Heisman Trophy winner"
// is not a person named Heisman Trophy.
func TestFormerIsNoOccupation(t *testing.T) {
	a := parse("t.txt", "The former Heisman Trophy winner, now a guest speaker, endorsed him.\n\nFarmer Jo Bell, a former mayor, spoke.")
	for _, e := range a.pm.Entities {
		if e.Name == "Heisman Trophy" && e.Kind == KindPerson {
			t.Errorf("Heisman Trophy is a person: %v", e.Evidence)
		}
	}
	if e := entityNamed(t, a, "Jo Bell"); e.Kind != KindPerson {
		t.Errorf("Jo Bell: kind %v", e.Kind)
	}
}

// A weekday after a given name is a surname ("Joe Friday said") unless the
// article uses it as a day ("told Morning Joe Monday … on Monday"), when
// the show's name and the day name no one.
func TestWeekdaySurnames(t *testing.T) {
	a := parse("t.txt", "Title\n\nSpeaking to MSNBC's Morning Joe Monday, Donald Trump said he would win. On Monday he flew to Iowa, and by Monday night he was in Des Moines.\n")
	for _, m := range a.pm.Mentions {
		if m.Form != Pronoun {
			assert.NotContains(t, m.Words, "Monday", "a day, not a surname: %q", a.Text(m.Span()))
		}
	}
	b := parse("t.txt", "Title\n\nDetective Joe Friday said the case was closed. Friday said he had no doubt.\n")
	assert.Equal(t, []string{"Joe", "Friday"}, entityNamed(t, b, "Joe Friday").words)
	friday := 0
	for _, m := range b.pm.Mentions {
		if m.Form != Pronoun && slices.Contains(m.Words, "Friday") {
			friday++
		}
	}
	assert.Equal(t, 2, friday, "Friday is his surname where it stands alone too")
}

func TestSentenceAdverbIsNoName(t *testing.T) {
	a := parse("t.txt", "Title\n\nSenator Tom Hale spoke on Monday. Apparently, the rally went well. \"I am bilingual. Fortunately, that helps,\" he said. Afterwards Hale flew home.\n\nConnolly, the mayor, said it went well. Kelly, his aide, agreed.\n")
	for _, m := range a.pm.Mentions {
		for _, w := range []string{"Apparently", "Fortunately", "Afterwards"} {
			assert.NotContains(t, m.Words, w, "a sentence adverb, not a name: %q", a.Text(m.Span()))
		}
	}
	// Names the data know stay names, -ly or not.
	for _, name := range []string{"Connolly", "Kelly"} {
		found := false
		for _, m := range a.pm.Mentions {
			found = found || slices.Contains(m.Words, name)
		}
		assert.True(t, found, "%s is a name", name)
	}
}

func TestQuestionAuxiliaryIsNoName(t *testing.T) {
	a := parse("t.txt", "Title\n\nWill Trump win in Iowa? Does Marco Rubio stand a chance? Will Smith said he did.\n\nCan Hillary Clinton hold on? Marco Rubio said she could.\n")
	for _, m := range a.pm.Mentions {
		for _, w := range []string{"Does", "Can"} {
			assert.NotContains(t, m.Words, w, "a question's auxiliary, not a first name: %q", a.Text(m.Span()))
		}
		if slices.Contains(m.Words, "Trump") {
			assert.NotContains(t, m.Words, "Will", "“Will Trump win …?” asks about Trump")
		}
	}
	// A statement opened by a given name keeps it: "Will Smith said".
	assert.Equal(t, []string{"Will", "Smith"}, entityNamed(t, a, "Will Smith").words)
	entityNamed(t, a, "Hillary Clinton")
}

func TestGivenNameAfterInitials(t *testing.T) {
	for w, want := range map[string]bool{"J.": true, "J": true, "H.W.": true, "J.K.": true, "JK": false, "Jo": false, "J.k.": false, "": false} {
		assert.Equal(t, want, isInitial(w), w)
	}
	a := parse("t.txt", "Title\n\nAmbassador J. Christopher Stevens met George H.W. Bush and J. K. Rowling in Benghazi on Monday.\n")
	for name, want := range map[string]string{"J. Christopher Stevens": "Christopher", "George H. W. Bush": "George", "J. K. Rowling": ""} {
		assert.Equal(t, want, entityNamed(t, a, name).GivenName(), name)
	}
}
