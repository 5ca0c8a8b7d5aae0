package people

import "strings"

// resolvePronouns links a pronoun outside quotations to the person most
// recently mentioned before it, outside quotations, within the paragraph or
// the one before, whose gender does not contradict it. It does not guess
// when the two most recent people are of the same (or unknown) gender.
func (a *analysis) resolvePronouns(pm *Model) {
	type recent struct{ ent, para int }
	// The four people mentioned last, most recent first, distinct; kept
	// in place, as are the candidates: nothing is allocated per mention.
	var recents [4]recent
	last := recents[:0]
	var cands []int
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Quote >= 0 {
			continue
		}
		if m.Form != Pronoun {
			if m.Entity >= 0 && pm.pronounable(int(m.Entity)) {
				// Move to front: shift those before it (or all but the
				// oldest, when it is not among them) one place back.
				j := len(last)
				for k, r := range last {
					if r.ent == int(m.Entity) {
						j = k
						break
					}
				}
				if j == len(last) && len(last) < len(recents) {
					last = last[:len(last)+1]
				}
				copy(last[1:min(j+1, len(last))], last[:j])
				last[0] = recent{int(m.Entity), int(m.Para)}
			}
			continue
		}
		// Candidates in the pronoun's own paragraph come first; the
		// paragraph before is used only when its own has none.
		cands = cands[:0]
		for _, want := range [2]int{int(m.Para), int(m.Para) - 1} {
			for _, r := range last {
				if r.para != want {
					continue
				}
				g := pm.Entities[r.ent].Gender
				if g != "" && g != m.Gender() {
					continue
				}
				cands = append(cands, r.ent)
			}
			if len(cands) > 0 {
				break
			}
		}
		if len(cands) == 0 {
			continue
		}
		// Two candidates: only when the nearer one's gender is known and
		// the other's differs.
		if len(cands) > 1 {
			g0, g1 := pm.Entities[cands[0]].Gender, pm.Entities[cands[1]].Gender
			if g0 == "" || g0 == g1 {
				continue
			}
		}
		m.Entity = int32(cands[0])
	}
}

// genderNouns are nouns for people of one gender: a pronoun of that gender
// near one may refer to that person instead of a named one.
var genderNouns = map[string]string{
	"wife": "female", "woman": "female", "women": "female", "mother": "female", "daughter": "female", "sister": "female",
	"girl": "female", "girlfriend": "female", "widow": "female", "queen": "female", "actress": "female", "granddaughter": "female",
	"aunt": "female", "niece": "female", "grandmother": "female", "mum": "female", "mom": "female", "lady": "female", "princess": "female",
	"spokeswoman": "female", "chairwoman": "female", "businesswoman": "female", "congresswoman": "female", "fiancée": "female",
	"husband": "male", "man": "male", "men": "male", "father": "male", "son": "male", "brother": "male", "boy": "male",
	"boyfriend": "male", "widower": "male", "king": "male", "actor": "male", "grandson": "male", "uncle": "male", "nephew": "male",
	"grandfather": "male", "dad": "male", "gentleman": "male", "prince": "male", "spokesman": "male", "chairman": "male",
	"businessman": "male", "congressman": "male", "fiancé": "male",
}

// GenderOfNoun returns "male" or "female" for a noun, in any case, that
// names a person of one gender (spokeswoman, chairman, actress,
// Frenchman), else "".
func GenderOfNoun(w string) string {
	if g, _ := getLower(genderNouns, w); g != "" {
		return g
	}
	return demonymGender(w)
}

// demonymGender is the gender of a demonym noun in -man or -woman whose
// stem the country data know ("Frenchman", "Irishwoman", "Dutchmen"),
// written in any case; "" for any other word ("German", "Truman").
func demonymGender(w string) string {
	if len(w) < 7 || len(w) > 24 {
		return ""
	}
	g, stem := "", ""
	switch {
	case strings.HasSuffix(w, "woman"), strings.HasSuffix(w, "women"):
		g, stem = "female", w[:len(w)-5]
	case strings.HasSuffix(w, "man"), strings.HasSuffix(w, "men"):
		g, stem = "male", w[:len(w)-3]
	default:
		return ""
	}
	if len(stem) < 4 || stem[0] >= 0x80 {
		return ""
	}
	title := strings.ToUpper(stem[:1]) + strings.ToLower(stem[1:])
	if countryOf(title) == "" {
		return ""
	}
	return g
}
