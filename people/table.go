package people

import (
	_ "embed"
	"encoding/binary"
	"strings"
	"sync/atomic"
)

// table is a sorted list of "key<TAB>value" lines with an index of where
// each line starts (little-endian uint32s, made by the generator), looked
// up by binary search in place: an embedded table costs nothing until it
// is read, nothing is built when newslint starts, and each step of a
// search reads one line.
type table struct {
	text, idx string
	// bloom is a Bloom filter of the keys (see internal/gendata): a word
	// it does not hold is turned away without a search. Empty: none.
	bloom string
	// recent remembers the answers to recent look-ups, one per slot
	// chosen by the key's hash (the filter's hash, computed anyway): the
	// same names come up again and again, in one article and across
	// articles, and a slot costs one comparison where a search costs
	// seventeen. Slots are replaced whole, atomically, so goroutines
	// linting different files share them without a lock; a slot's key is
	// a copy, so that no article's text is kept alive by it. Made on the
	// first look-up (slots): a run that reads no table allocates none.
	recent atomic.Pointer[[recentSlots]atomic.Pointer[recentAnswer]]
}

// recentSlots is the number of answers a table remembers (a power of two).
const recentSlots = 1 << 12

type recentAnswer struct {
	key, value string
	found      bool
}

// newTable makes a table of text, its index and its filter; an empty
// index is built from the text (for tests), an empty filter admits every
// key.
func newTable(text, idx, bloom string) *table {
	if idx == "" {
		var b []byte
		for off := 0; off < len(text); {
			b = binary.LittleEndian.AppendUint32(b, uint32(off))
			k := strings.IndexByte(text[off:], '\n')
			if k < 0 {
				break
			}
			off += k + 1
		}
		idx = string(b)
	}
	return &table{text: text, idx: idx, bloom: bloom}
}

// slots returns the table's remembered answers, made on first use.
func (t *table) slots() *[recentSlots]atomic.Pointer[recentAnswer] {
	if r := t.recent.Load(); r != nil {
		return r
	}
	t.recent.CompareAndSwap(nil, new([recentSlots]atomic.Pointer[recentAnswer]))
	return t.recent.Load()
}

// mayHold reports whether the filter admits the key of hash h: false means
// the table surely does not hold it.
func (t *table) mayHold(h uint64) bool {
	if t.bloom == "" {
		return true
	}
	bits := uint64(len(t.bloom)) * 8
	for _, p := range [2]uint64{h & (bits - 1), (h >> 32) & (bits - 1)} {
		if t.bloom[p/8]&(1<<(p%8)) == 0 {
			return false
		}
	}
	return true
}

func (t *table) lines() int { return len(t.idx) / 4 }

func (t *table) start(i int) int {
	b := t.idx[4*i : 4*i+4]
	return int(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24)
}

// line returns line i's key and value.
func (t *table) line(i int) (string, string) {
	start := t.start(i)
	end := len(t.text)
	if i+1 < t.lines() {
		end = t.start(i + 1)
	}
	if end > start && t.text[end-1] == '\n' {
		end--
	}
	k, v, _ := strings.Cut(t.text[start:end], "\t")
	return k, v
}

// get returns the value of key, if the table holds it.
func (t *table) get(key string) (string, bool) {
	h := HashString(HashOffset, key) // as the generator hashes
	if !t.mayHold(h) {
		return "", false
	}
	slot := &t.slots()[(h>>40)%recentSlots]
	if r := slot.Load(); r != nil && r.key == key {
		return r.value, r.found
	}
	v, ok := t.search(key)
	slot.Store(&recentAnswer{key: strings.Clone(key), value: v, found: ok})
	return v, ok
}

// search finds key by binary search.
func (t *table) search(key string) (string, bool) {
	lo, hi := 0, t.lines()
	for lo < hi {
		mid := lo + (hi-lo)/2
		k, v := t.line(mid)
		switch {
		case key == k:
			return v, true
		case key < k:
			hi = mid
		default:
			lo = mid + 1
		}
	}
	return "", false
}

// The tables are generated from the open data sets in ../shared/data by
// internal/gendata (go generate ./people); data/SOURCES.md names each
// source and its licence.
var (
	//go:embed data/given.txt
	givenText string
	//go:embed data/given.idx
	givenIdx string
	//go:embed data/given.bloom
	givenBloom string
	//go:embed data/surnames.txt
	surnameText string
	//go:embed data/surnames.idx
	surnameIdx string
	//go:embed data/surnames.bloom
	surnameBloom string
	//go:embed data/places.txt
	placeText string
	//go:embed data/places.idx
	placeIdx string
	//go:embed data/places.bloom
	placeBloom string
	//go:embed data/legalforms.txt
	legalFormText string
	//go:embed data/legalforms.idx
	legalFormIdx string
	//go:embed data/legalforms.bloom
	legalFormBloom string
	//go:embed data/orgs.txt
	orgText string
	//go:embed data/orgs.idx
	orgIdx string
	//go:embed data/orgs.bloom
	orgBloom string

	givenTable     = newTable(givenText, givenIdx, givenBloom)
	surnameTable   = newTable(surnameText, surnameIdx, surnameBloom)
	placeTable     = newTable(placeText, placeIdx, placeBloom)
	legalFormTable = newTable(legalFormText, legalFormIdx, legalFormBloom)
	orgTable       = newTable(orgText, orgIdx, orgBloom)
)

// givenName describes a word as a given name: whether it is one (given to
// 50 or more US babies since 1880), whether it is mostly a given name
// (rather than a surname or a word: Mark, not Baker), and the gender its
// bearers overwhelmingly have ("" when the data is not one-sided).
func givenName(w string) (known, mostly bool, gender string) {
	v, ok := givenTable.get(w)
	if !ok || len(v) < 2 {
		return false, false, ""
	}
	return true, v[1] == 'G', genderLetter(v[0])
}

// genderLetter reads a gender letter of the name data: 'f' female, 'm'
// male, anything else none.
func genderLetter(b byte) string {
	switch b {
	case 'f':
		return "female"
	case 'm':
		return "male"
	}
	return ""
}

// GivenNameLean is the gender most bearers of given name w have, at
// least 80 in 100 ("male" for Bernie, "female" for Kelly): weaker than
// GivenNameGender, for use only beside evidence that agrees.
func GivenNameLean(w string) string {
	v, ok := givenTable.get(w)
	if !ok || len(v) < 3 {
		return ""
	}
	return genderLetter(v[2])
}

// surnameClass is 1 for the 1,000 most common US surnames, 2 for the next
// 9,000, 3 for the rest of the census list, 0 for a word not on it.
// A name the census writes plainly is found however the article writes
// it: "O’Malley", "O'Malley" and "McDonald" are its "Omalley" and
// "Mcdonald".
func surnameClass(w string) int {
	if v, ok := surnameTable.get(w); ok && v != "" {
		return int(v[0] - '0')
	}
	if k, ok := censusForm(w); ok {
		if v, ok := surnameTable.get(k); ok && v != "" {
			return int(v[0] - '0')
		}
	}
	return 0
}

// censusForm is w as the census lists surnames, without apostrophes and
// with one capital ("Omalley"), and whether that differs from w; only
// ASCII letters after the first are lowered, and a word with two capitals
// in a row is left alone.
func censusForm(w string) (string, bool) {
	if len(w) < 3 || len(w) > 40 || !strings.ContainsAny(w[1:], "'’ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return "", false
	}
	var buf [40]byte
	b := buf[:0]
	changed := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '\'':
			changed = true
			continue
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99: // ’
			changed = true
			i += 2
			continue
		case c >= 0x80:
			return "", false
		case len(b) > 0 && c >= 'A' && c <= 'Z':
			if p := w[i-1]; p >= 'A' && p <= 'Z' {
				return "", false // "NATO", "TRUMP": capitals, not a name's spelling
			}
			c += 'a' - 'A'
			changed = true
		}
		b = append(b, c)
	}
	if !changed || len(b) < 2 {
		return "", false
	}
	return string(b), true
}

// placeClass is 1 for a country, a capital or a city of a million people,
// 2 for a city of 100,000, 3 for a town of 15,000, 0 for a word not on the
// list.
func placeClass(name string) int {
	if v, ok := placeTable.get(name); ok && v != "" {
		return int(v[0] - '0')
	}
	return 0
}

// isLegalForm reports whether a word (full stops removed) is the
// abbreviation of a legal form (Ltd, Inc, GmbH, SA, PLC). Two-letter forms
// must be written in capitals.
func isLegalForm(w string) bool {
	var buf [foldBuf]byte
	up, ascii := foldASCII(buf[:0], w, true)
	if !ascii {
		u := strings.ToUpper(w)
		_, ok := legalFormTable.get(u)
		return ok && (len(w) != 2 || w == u)
	}
	if len(w) == 2 && w != string(up) {
		return false
	}
	_, ok := legalFormTable.get(string(up))
	return ok
}

// knownOrg reports what a name is known as: 'c' a company registered with
// the SEC, 'o' a news outlet, 'p' a political party, or 0.
func knownOrg(name string) byte {
	if v, ok := orgTable.get(name); ok && v != "" {
		return v[0]
	}
	return 0
}

// isKnownPlace reports whether a name is a place or a country the data
// know.
func isKnownPlace(name string) bool { return placeClass(name) > 0 || countryOf(name) != "" }

// isKnownOrg reports whether a name is an organisation the data know.
func isKnownOrg(name string) bool { return knownOrg(name) != 0 || orgNames[name] }

// IsKnownOrg reports whether the data know a name as an organisation's
// (a company, a party, a news outlet).
func IsKnownOrg(name string) bool { return isKnownOrg(name) }

// BothKnownPlacesOrOrgs reports whether two names are both places the data
// know, or both organisations: two real and different names (Iran and
// Iraq, Austria and Australia), not one name misspelt.
func BothKnownPlacesOrOrgs(x, y string) bool {
	return isKnownPlace(x) && isKnownPlace(y) || isKnownOrg(x) && isKnownOrg(y)
}

// BothCommonSurnames reports whether two names are both among the 10,000
// most common surnames: two real names (Goodman, Goldman), not one
// misspelt.
func BothCommonSurnames(x, y string) bool {
	cx, cy := surnameClass(x), surnameClass(y)
	return cx > 0 && cx <= 2 && cy > 0 && cy <= 2
}

// MayBeNameWord reports whether the data know a word as a surname or a
// given name: a word they know as neither (Verizon, Benghazi, Muslims)
// is a person's name only if the article says so.
func MayBeNameWord(w string) bool {
	known, _, _ := givenName(w)
	return known || surnameClass(w) > 0
}

// GivenNameGender returns the gender the data give a given name when they
// are one-sided (95 in 100 bearers), else "". It is weak evidence: what
// the article says wins.
func GivenNameGender(w string) string {
	_, _, g := givenName(w)
	return g
}

// CommonSurname reports whether w is among the 10,000 most common US
// surnames.
func CommonSurname(w string) bool {
	c := surnameClass(w)
	return c > 0 && c <= 2
}

// MostlyGivenName reports whether the data know w mostly as a given name
// (given to 500 babies or more, and more often than it is a surname): a
// rarer one ("Special", "Royal") is more often something else.
func MostlyGivenName(w string) bool {
	_, mostly, _ := givenName(w)
	return mostly
}

// IsKnownPlace reports whether a name is a place or a country the data
// know (a place's name says where someone is from, not who they are).
func IsKnownPlace(name string) bool { return isKnownPlace(name) }
