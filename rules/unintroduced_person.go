package rules

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// UnintroducedPerson reports people referred to by surname before (or
// without) their full name.
func UnintroducedPerson() *linter.Rule {
	return &linter.Rule{
		Name:     "unintroduced-person",
		Doc:      "a person referred to by surname only, or by surname before the full name",
		Severity: linter.Info,
		Explain: `News style gives a person's full name on first reference and the surname
after that. This rule reports, at the first reference in the body (the
headline may use surnames):

  - a person whose first reference is the bare surname while the full name
    comes later ("Smith said … John Smith, the mayor, …");
  - a person referred to only by surname or honorific and surname, whose
    full name never appears ("Mr. Smith said").

Only names the article shows to be people's are considered (an
honorific, a title, a description, a given name); companies that "say"
things are left alone. A person named by an office (President Reagan,
Senator Warren) is introduced by it: readers know who holds an office.
Popes, monarchs and peers go by one name, and relatives by their first
name. Famous people who need no introduction in your newsroom go in the
[[people]] gazetteer of newslint.toml, which this rule never reports.

Severity is info by default: it does not fail a run with the default
--fail-severity.`,
		ReadsEnglish: true,
		Run:          runUnintroducedPerson,
	}
}

func runUnintroducedPerson(pass *linter.Pass) {
	a := pass.Article
	pm := pass.People
	gazetteer := map[string]bool{}
	for _, g := range pass.Config.People {
		gazetteer[g.Name] = true
	}
	hasPronoun := map[int]bool{}
	for _, m := range pm.Mentions {
		if m.Form == people.Pronoun && m.Referent >= 0 && m.Gender() != "" {
			hasPronoun[int(m.Referent)] = true
		}
	}
	for id := range pm.Entities {
		e := &pm.Entities[id]
		if len(e.Mentions) == 0 || gazetteer[e.Name] || e.Kind != people.KindPerson {
			continue
		}
		// The first name mention in the body, outside quotations.
		first, full := -1, -1
		for _, mi := range e.Mentions {
			m := pm.Mentions[mi]
			if m.Quote >= 0 || a.Paragraphs[m.Para].Headline || len(m.Words) == 0 {
				continue
			}
			if first < 0 {
				first = int(mi)
			}
			if len(m.Words) >= 2 && full < 0 && m.Surname() == e.Surname() && !strings.Contains(m.Words[0], "-based") {
				full = int(mi)
			}
		}
		if first < 0 {
			continue
		}
		fm := pm.Mentions[first]
		if len(fm.Words) >= 2 {
			continue // introduced properly
		}
		// Surely a person, and not an acronym or a word that names things.
		if !surelyPerson(pm, id, full, hasPronoun[id]) || isAcronym(fm.Surname()) || fm.Surname() != e.Surname() || people.IsNonNameWord(fm.Surname()) || pm.LowerWords.Has(strings.ToLower(fm.Surname())) {
			continue
		}
		if pm.HasNearVariant(fm.Surname()) {
			continue // a misspelt name of someone else: name-spelling's to report
		}
		if full >= 0 {
			line := a.Line(pm.Mentions[full].Start())
			pass.Report(fm.Name(), fmt.Sprintf("first reference to %s uses the surname only; the full name “%s” first appears on line %d",
				fm.Surname(), strings.Join(pm.Mentions[full].Words, " "), line))
			continue
		}
		// No full name at all. An office introduces the person (President
		// Reagan); popes, monarchs and peers go by one name; a person
		// described on first reference ("his wife Mary") is introduced.
		if holdsOffice(pm, e) || singleNamed(a, pm, e) {
			continue
		}
		pass.Report(fm.Name(), fmt.Sprintf("%s is referred to by surname only; the article never gives the full name", fm.Surname()))
	}
}

// holdsOffice reports whether the article names the person by an office
// (President Reagan, Senator Warren): readers know who holds an office, so
// the title introduces the person.
func holdsOffice(pm *people.Model, e *people.Entity) bool {
	for _, mi := range e.Mentions {
		m := pm.Mentions[mi]
		if (m.Form == people.TitledName || m.Form == people.Honorific) && m.Role != nil && offices[m.Role.Class] {
			return true
		}
	}
	return false
}

// surelyPerson keeps the rule to people: someone with an honorific (Mr.,
// Dr.), or an office before the name (President, Senator; not "General",
// which also starts General Motors and the General Assembly), or a full
// name that could be a person's and that the article describes or refers
// to as he or she.
func surelyPerson(pm *people.Model, id, full int, pronoun bool) bool {
	e := &pm.Entities[id]
	if e.Gender != "" {
		return true
	}
	for _, mi := range e.Mentions {
		m := pm.Mentions[mi]
		switch {
		case m.Form == people.Honorific:
			return true
		case m.Form == people.TitledName && m.Role != nil && offices[m.Role.Class] && m.Role.Class != "general":
			return true
		}
	}
	if full < 0 {
		return false
	}
	// A full name whose first word could be a first name, for a person
	// the article describes or refers to as he or she.
	first := pm.Mentions[full].Words[0]
	return !people.IsNonNameWord(first) && !pm.LowerWords.Has(strings.ToLower(first)) && (e.Introduced || len(e.Roles) > 0 || pronoun)
}

func isAcronym(w string) bool {
	return strings.ToUpper(w) == w
}

// singleNamed reports whether the person holds a title that goes with one
// name (Pope Francis, King Charles, Lord Carloway).
func singleNamed(a *article.Article, pm *people.Model, e *people.Entity) bool {
	for _, r := range e.Roles {
		switch r.Class {
		case "pope", "monarch", "prince", "cardinal", "bishop", "relative", "friend":
			// and "his wife Mary", "her son Daniel": family go by first name
			return true
		}
	}
	for _, mi := range e.Mentions {
		t := strings.ToLower(a.Text(pm.Mentions[mi].Span()))
		for _, h := range []string{"lord ", "lady ", "sir ", "dame ", "saint ", "st. "} {
			if strings.HasPrefix(t, h) {
				return true
			}
		}
	}
	return false
}
