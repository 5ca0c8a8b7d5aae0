package people

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTable(t *testing.T) {
	tb := newTable("Alpha\t1\nBeta\t2\nDelta\t4\nGamma\t3\n", "", "")
	for k, want := range map[string]string{"Alpha": "1", "Beta": "2", "Delta": "4", "Gamma": "3"} {
		v, ok := tb.get(k)
		assert.True(t, ok, k)
		assert.Equal(t, want, v, k)
	}
	for _, k := range []string{"", "A", "Alph", "Alphaa", "Carl", "Zeta", "alpha"} {
		_, ok := tb.get(k)
		assert.False(t, ok, k)
	}
	_, ok := newTable("", "", "").get("x")
	assert.False(t, ok)
	v, ok := newTable("Only\tx", "", "").get("Only") // no final line break
	assert.True(t, ok)
	assert.Equal(t, "x", v)
}

func TestDataTables(t *testing.T) {
	known, mostly, g := givenName("Angela")
	assert.True(t, known && mostly)
	assert.Equal(t, "female", g)
	known, mostly, _ = givenName("Baker")
	assert.True(t, known)
	assert.False(t, mostly, "Baker is far more often a surname")
	_, _, g = givenName("Dana")
	assert.Equal(t, "", g, "Dana is given to both")
	known, _, _ = givenName("Brightwater")
	assert.False(t, known)

	assert.Equal(t, 1, surnameClass("Smith"))
	assert.Equal(t, 0, surnameClass("Brightwater"))
	assert.Equal(t, 2, placeClass("Denver"))
	assert.Equal(t, 1, placeClass("Belarus"))
	assert.Equal(t, 0, placeClass("Kobyakov"))
	for _, w := range []string{"Ltd", "Inc", "GmbH", "PLC", "Plc", "AG", "SA", "LLC"} {
		assert.True(t, isLegalForm(w), w)
	}
	for _, w := range []string{"Ag", "Smith", "The", "Mr"} {
		assert.False(t, isLegalForm(w), w)
	}
	assert.Equal(t, byte('o'), knownOrg("Reuters"))
	assert.Equal(t, byte('c'), knownOrg("Eastman Kodak"))
	assert.Equal(t, byte('p'), knownOrg("Labour Party"))
	assert.Equal(t, byte(0), knownOrg("Alexander Lukashenko"))
}

// BenchmarkTableGet looks up names that are in the tables and names that
// are not, as the model does for every capitalised word.
func BenchmarkTableGet(b *testing.B) {
	words := []string{"Angela", "Baker", "Kobyakov", "Lukashenko", "Moscow", "Springfield", "Reuters", "Halvorsen Group", "Zxqv", "Nazarbayev"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := words[i%len(words)]
		givenTable.get(w)
		surnameTable.get(w)
		placeTable.get(w)
		orgTable.get(w)
	}
}

// TestFiltersAdmitEveryKey: a Bloom filter never turns away a key its
// table holds, and turns away most words it does not.
func TestFiltersAdmitEveryKey(t *testing.T) {
	for name, tb := range map[string]*table{"given": givenTable, "surnames": surnameTable, "places": placeTable, "legalforms": legalFormTable, "orgs": orgTable} {
		require.NotEmpty(t, tb.bloom, name)
		for i := 0; i < tb.lines(); i++ {
			k, _ := tb.line(i)
			if !tb.mayHold(HashString(HashOffset, k)) {
				t.Fatalf("%s: the filter turns away %q", name, k)
			}
		}
		admitted := 0
		for i := 0; i < 1000; i++ {
			if tb.mayHold(HashString(HashOffset, fmt.Sprintf("Zq%dxv", i))) {
				admitted++
			}
		}
		assert.Less(t, admitted, 50, "%s: false positives in 1,000", name)
	}
}

// TestRecentAnswersAreRight: what a table remembers is always the answer
// a search gives, for keys it holds and keys it does not, when goroutines
// look up thousands of keys at once (more keys than slots, so that slots
// are replaced while others read them).
func TestRecentAnswersAreRight(t *testing.T) {
	tb := givenTable
	var keys []string
	for i := 0; i < tb.lines(); i += max(1, tb.lines()/3000) {
		k, _ := tb.line(i)
		keys = append(keys, k, k+"x", strings.ToUpper(k))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for i := g; i < len(keys); i += 2 {
					k := keys[i]
					v, ok := tb.get(k)
					if wv, wok := tb.search(k); v != wv || ok != wok {
						errs <- fmt.Sprintf("%q: got %q %v, want %q %v", k, v, ok, wv, wok)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestMayBeNameWord(t *testing.T) {
	for w, want := range map[string]bool{
		"Powell": true, "Hillary": true, "Washington": true, "York": true,
		"Benghazi": false, "Muslims": false, "Verizon": false, "Within": false,
	} {
		if got := MayBeNameWord(w); got != want {
			t.Errorf("MayBeNameWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestSurnameCensusForm(t *testing.T) {
	for w, want := range map[string]bool{
		"O’Malley": true, "O'Malley": true, "McDonald": true, "Omalley": true,
		"O’Zzqx": false, "NATO": false, "MCDONALD": false, "Operations": false,
	} {
		if got := surnameClass(w) > 0; got != want {
			t.Errorf("surnameClass(%q) > 0 = %v, want %v", w, got, want)
		}
	}
}
