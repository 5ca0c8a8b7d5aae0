package people

import "testing"

// TestPrefilterHoldsEveryKey checks that the prefilters never turn away a
// word their sets hold (a false "no" would lose a title, a speech verb or
// a country), and that they turn away most words the sets do not hold.
func TestPrefilterHoldsEveryKey(t *testing.T) {
	for w := range lexiconFlags() {
		if !lexiconFilter().mayHold(w) {
			t.Errorf("lexicon prefilter turns away %q", w)
		}
	}
	for _, m := range []map[string]string{countryNames, countryDemonyms, countryStems(), {"US": "USA", "UK": "GBR"}} {
		for w := range m {
			if !countryFilter().mayHold(w) || countryOf(w) == "" {
				t.Errorf("country prefilter turns away %q", w)
			}
		}
	}
	for w := range nonNameWords {
		if !nonNameFilter().mayHold(w) {
			t.Errorf("non-name prefilter turns away %q", w)
		}
	}
	others := []string{"government", "economy", "yesterday", "committee", "election", "budget", "harbour", "dredging",
		"Okonkwo", "Lindqvist", "Harbour", "Brandt", "Council", "Tuesday", "Whitby", "Reuters", "Kobyakov", "Lukashenko"}
	passed := 0
	for _, w := range others {
		if lexiconFilter().mayHold(w) && countryFilter().mayHold(w) {
			passed++
		}
	}
	if passed > len(others)/4 {
		t.Errorf("%d of %d words outside both sets pass both prefilters", passed, len(others))
	}
}

// TestDemonymGender checks the nouns of a nationality and a gender.
func TestDemonymGender(t *testing.T) {
	for w, want := range map[string]string{
		"frenchman": "male", "Frenchman": "male", "irishwoman": "female", "dutchmen": "male",
		"german": "", "truman": "", "human": "", "woman": "female", "chairman": "male",
	} {
		if got := GenderOfNoun(w); got != want {
			t.Errorf("GenderOfNoun(%q) = %q, want %q", w, got, want)
		}
	}
}
