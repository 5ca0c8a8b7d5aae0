package rules

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// maxVariantUses: a spelling used more often than this is a second name,
// not a slip.
var maxVariantUses = linter.NewOption("max-variant-uses", int64(2))

// NameSpelling reports one person's name spelled two ways.
func NameSpelling() *linter.Rule {
	return &linter.Rule{
		Name:     "name-spelling",
		Doc:      "one person's name spelled two ways in one article",
		Severity: linter.Error,
		Options:  []linter.Option{maxVariantUses},
		Explain: `Reports a name that is one letter away (a dropped, added, changed or swapped
letter; two for names of eight letters or more) from the surname of a person
in the article: Nazarbayev / Nazarbaev, Lukashenko / Lukashenka, Zelensky /
Zelinsky. The finding is on the variant, which is the spelling used less
often (on a tie, the one not used when the person was introduced, or the
later one), and it carries the other spelling as a suggested fix
(newslint --diff shows it, newslint --fix applies it).

Not reported:
  - two people introduced by full name with different first names
    (Boris Johnson and Jo Johnston; Ed and David Miliband);
  - possessives and plurals (Nazarbayev's, the Kennedys);
  - hyphenated and compound surnames;
  - words the article also writes in lower case (ordinary words);
  - names inside quotations, which are someone else's words.

Options:
  max-variant-uses  a spelling used more often than this is taken as a
                    second name, not a slip`,
		Run: runNameSpelling,
	}
}

type nameForm struct {
	text string
	uses []article.Span // outside quotations
	// firsts holds the first names the form is written with in full-name
	// mentions.
	firsts map[string]bool
	// introduced is set when the form is used in a full-name or titled
	// mention (the person's introduction).
	introduced bool
	// inner is set when the form stands before the last word of a name
	// (a first or middle name: Bridget, Sacha Baron Cohen).
	inner bool
	// classes holds the classes of the titles the form is used with.
	classes map[string]bool
	first   int // offset of the first use
}

func runNameSpelling(pass *linter.Pass) {
	a, pm := pass.Article, pass.People
	maxUses := int(maxVariantUses.Get(pass))
	forms, order := nameForms(a)
	describeForms(pm, forms)
	// An index from deletion keys to forms finds every pair of forms one
	// edit apart in time linear in the number of forms.
	index := map[string][]string{}
	for _, w := range order {
		for _, k := range people.Deletions(w) {
			index[k] = append(index[k], w)
		}
	}
	done := map[[2]string]bool{}
	for _, s := range personSurnames(pm, forms) {
		for _, v := range nearForms(s, index) {
			pair := [2]string{min(s, v), max(s, v)}
			if v == s || done[pair] || !people.NearVariant(s, v) {
				continue
			}
			done[pair] = true
			canon, variant := forms[s], forms[v]
			if preferForm(variant, canon) {
				canon, variant = variant, canon
			}
			if isSlip(canon, variant, pm.LowerWords, maxUses) {
				reportVariant(pass, canon, variant)
			}
		}
	}
}

// nameForms collects every capitalised word outside quotations, by its
// form (possessive removed), in order of first use. Words that cannot be
// names (sentence openers, months, countries), words with digits or full
// stops, and words of fewer than four letters are left out.
func nameForms(a *article.Article) (map[string]*nameForm, []string) {
	forms := map[string]*nameForm{}
	var order []string
	for i, t := range a.Tokens {
		if t.Kind != article.Word || t.Quote >= 0 {
			continue
		}
		base, _ := article.StripPossessive(a.Tok(i))
		if !article.IsCapitalised(base) || strings.ContainsAny(base, ".0123456789") || len(base) < 4 || people.IsNonNameWord(base) {
			continue
		}
		f := forms[base]
		if f == nil {
			f = &nameForm{text: base, first: t.Start}
			forms[base] = f
			order = append(order, base)
		}
		f.uses = append(f.uses, article.Span{Start: t.Start, End: t.Start + len(base)})
	}
	return forms, order
}

// describeForms records what the people model says of each form: the
// first names it goes with, whether it introduces a person, whether it
// stands inside a name, and the titles it takes.
func describeForms(pm *people.Model, forms map[string]*nameForm) {
	for _, m := range pm.Mentions {
		if len(m.Words) == 0 || m.Quote >= 0 {
			continue
		}
		for _, w := range m.Words[:len(m.Words)-1] {
			if f := forms[w]; f != nil {
				f.inner = true
			}
		}
		f := forms[m.Surname()]
		if f == nil {
			continue
		}
		if len(m.Words) >= 2 {
			if f.firsts == nil {
				f.firsts = map[string]bool{}
			}
			f.firsts[m.Words[0]] = true
			f.introduced = true
		}
		if m.Form == people.TitledName || m.Form == people.Honorific {
			f.introduced = true
		}
		if m.Role != nil && m.Role.Class != "" {
			if f.classes == nil {
				f.classes = map[string]bool{}
			}
			f.classes[m.Role.Class] = true
		}
	}
}

// personSurnames lists, sorted, the surnames of the people in the article
// (full-named or titled) that are among the forms.
func personSurnames(pm *people.Model, forms map[string]*nameForm) []string {
	var surnames []string
	seen := map[string]bool{}
	for id := range pm.Entities {
		e := &pm.Entities[id]
		if len(e.Mentions) == 0 || !(e.FullNamed || e.Titled) {
			continue
		}
		if s := e.Surname(); s != "" && !seen[s] && forms[s] != nil {
			seen[s] = true
			surnames = append(surnames, s)
		}
	}
	sort.Strings(surnames)
	return surnames
}

// nearForms lists, sorted, the forms that share a deletion key with s.
func nearForms(s string, index map[string][]string) []string {
	cands := map[string]bool{}
	for _, k := range people.Deletions(s) {
		for _, w := range index[k] {
			cands[w] = true
		}
	}
	return slices.Sorted(maps.Keys(cands))
}

// reportVariant reports every use of the variant spelling, with the
// established one as the fix.
func reportVariant(pass *linter.Pass, canon, variant *nameForm) {
	line := pass.Article.Line(canon.first)
	for _, u := range variant.uses {
		pass.Report(u, fmt.Sprintf("“%s” looks like a misspelling of “%s”, which the article uses %d time%s (first on line %d)",
			variant.text, canon.text, len(canon.uses), plural(len(canon.uses)), line),
			pass.Fix("replace with “"+canon.text+"”", u, canon.text))
	}
}

// preferForm reports whether x is the better-established spelling: used
// more often, or (on a tie) used in the person's introduction, or earlier.
func preferForm(x, y *nameForm) bool {
	if len(x.uses) != len(y.uses) {
		return len(x.uses) > len(y.uses)
	}
	if x.introduced != y.introduced {
		return x.introduced
	}
	return x.first < y.first
}

// isSlip decides whether variant is a misspelling of canon rather than a
// second name.
func isSlip(canon, variant *nameForm, lower map[string]bool, maxUses int) bool {
	if len(variant.uses) == 0 || len(variant.uses) > maxUses || variant.inner {
		return false
	}
	v, c := variant.text, canon.text
	// Plurals and possessives without apostrophe: the Kennedys.
	if v == c+"s" || v == c+"es" || c == v+"s" || c == v+"es" {
		return false
	}
	if lower[strings.ToLower(v)] {
		return false // an ordinary word ("Bakers", "Stern")
	}
	if people.IsNonNameWord(v) || people.IsNonNameWord(c) {
		return false
	}
	// Place names and their adjectives: Korea / Korean, Lanka / Lankan.
	for _, suf := range []string{"n", "an", "ian", "ese", "i"} {
		if v == c+suf || c == v+suf {
			return false
		}
	}
	// Transliterations and typography, not misspellings: Erdoğan /
	// Erdogan, O’Rourke / O'Rourke, AmeriTrust / Ameritrust.
	if foldName(v) == foldName(c) {
		return false
	}
	// A variant with an introduction of its own is another person (Donald
	// Regan beside President Reagan; Jo Johnston beside Boris Johnson),
	// unless it is introduced with the same first name.
	if len(variant.firsts) > 0 {
		for f := range variant.firsts {
			if !canon.firsts[f] {
				return false
			}
		}
	} else if variant.introduced {
		// Titled only ("chairman Nyalor"): the same person when the title
		// is one the other spelling also has.
		same := false
		for c := range variant.classes {
			if canon.classes[c] {
				same = true
			}
		}
		if !same {
			return false
		}
	}
	return true
}

// diacritics maps accented Latin letters to their base letters.
var diacritics = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a", "ā", "a", "ă", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ę", "e", "ě", "e", "ē", "e", "ė", "e",
	"ğ", "g", "í", "i", "ì", "i", "î", "i", "ï", "i", "ı", "i", "ī", "i", "ł", "l", "ľ", "l",
	"ñ", "n", "ń", "n", "ň", "n", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ő", "o", "ō", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ß", "ss", "ť", "t", "ţ", "t", "ț", "t",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ů", "u", "ű", "u", "ū", "u", "ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
	"’", "'", "‘", "'", "ʼ", "'",
)

// foldName lower-cases a name and removes diacritics and curly
// apostrophes.
func foldName(s string) string { return diacritics.Replace(strings.ToLower(s)) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
