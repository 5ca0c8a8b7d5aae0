package rules

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// changeWords explain a change of office in the sentence of either title.
var changeWords = linter.NewOption("change-words", []string{"became", "become", "becomes", "elected", "appointed", "named", "promoted", "succeeded", "succeeds", "replaced", "replaces", "resigned", "resigns", "sworn", "nominated", "demoted", "elevated", "previously", "formerly"})

// TitleConsistency reports a person whose office changes without
// explanation.
func TitleConsistency() *linter.Rule {
	return &linter.Rule{
		Name:     "title-consistency",
		Doc:      "a person's office changes mid-story without explanation",
		Severity: linter.Error,
		Options:  []linter.Option{changeWords},
		Explain: `Reports a title given to a person that names another office than the one the
article gave that person before: Prime Minister Johnson … later Minister
Johnson; Foreign Minister Lavrov … later Finance Minister Lavrov. The
finding is on the later title and names the earlier one.

Only offices are compared (president, prime minister, minister, secretary,
senator, governor, mayor, general, judge, chairman, chief executive, …), and
only titles written before a name. Not reported:
  - variants of one office: Sen. / Senator, premier / prime minister,
    chancellor / leader;
  - titles marked former, then-, acting, deputy, vice, ex-, interim,
    outgoing or incoming;
  - a change the text explains: one of the change-words (became, elected,
    appointed, named, succeeded, resigned, …) within four words of
    either title, in its sentence.
When the [[people]] gazetteer lists titles for a person, a title of an
office not among them is reported too.

Options:
  change-words  words that explain a change of office near either title`,
		Run: runTitleConsistency,
	}
}

// offices are the title classes that name one office a person holds.
var offices = map[string]bool{
	"president": true, "vice-president": true, "prime-minister": true, "chancellor": true, "minister": true,
	"secretary": true, "secretary-general": true, "senator": true, "representative": true, "governor": true,
	"mayor": true, "monarch": true, "pope": true, "general": true, "colonel": true, "admiral": true, "judge": true,
	"speaker": true, "majority-leader": true, "minority-leader": true, "ambassador": true, "commissioner": true, "attorney-general": true, "chair": true,
	"chief-executive": true, "cfo": true, "coo": true, "spokesperson": true, "legislator": true, "sheriff": true,
	"prosecutor": true, "lieutenant": true, "commander": true, "sergeant": true, "bishop": true, "cardinal": true,
}

var transitional = map[string]bool{
	"former": true, "then": true, "acting": true, "deputy": true, "vice": true, "ex": true, "interim": true,
	"outgoing": true, "incoming": true, "elect": true, "late": true, "assistant": true, "associate": true,
}

type titleUse struct {
	class, qual string
	text        string
	span        article.Span
	// sent is the sentence of the title; from and to delimit the
	// mention's tokens.
	sent, from, to int
}

// changeReach is how far, in tokens, a change word may stand from a title
// to explain it.
const changeReach = 4

func officeOf(r *people.Role) (titleUse, bool) {
	if r == nil || !offices[r.Class] || r.Former {
		return titleUse{}, false
	}
	for _, q := range strings.Fields(r.Qualifier) {
		if transitional[q] {
			return titleUse{}, false
		}
	}
	lt := strings.ToLower(r.Text)
	if strings.Contains(lt, "ex-") || strings.Contains(lt, "-elect") || strings.Contains(lt, "then-") {
		return titleUse{}, false
	}
	return titleUse{class: r.Class, qual: lastQualifier(r.Qualifier), text: r.Text, span: r.Span}, true
}

func lastQualifier(q string) string {
	f := strings.Fields(q)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func runTitleConsistency(pass *linter.Pass) {
	a := pass.Article
	pm := pass.People
	change := map[string]bool{}
	for _, w := range changeWords.Get(pass) {
		change[strings.ToLower(w)] = true
	}
	// A change word explains a title when it stands right by it: "was
	// appointed Defence Minister Holm", "Holm, who became", not "the party
	// nominated the ticket to assist Prime Minister Trump".
	explained := func(u titleUse) bool {
		s := a.Sentences[u.sent]
		for k := max(s.FirstToken, u.from-changeReach); k < min(s.EndToken, u.to+changeReach); k++ {
			if change[a.Lower(k)] {
				return true
			}
		}
		return false
	}
	for id := range pm.Entities {
		e := &pm.Entities[id]
		var first *titleUse
		// Titles from the gazetteer, when configured, set the office.
		var gaz []titleUse
		for _, r := range e.Roles {
			if r.Span == (article.Span{}) && offices[r.Class] {
				gaz = append(gaz, titleUse{class: r.Class, text: r.Text})
			}
		}
		for _, mi := range e.Mentions {
			m := pm.Mentions[mi]
			if m.Form != people.TitledName || m.Quote >= 0 || m.Role == nil || m.Role.Span.Start != m.Start {
				continue
			}
			use, ok := officeOf(m.Role)
			if !ok {
				continue
			}
			use.sent, use.from, use.to = m.Sent, m.FirstToken, m.EndToken
			if len(gaz) > 0 && !holdsClass(gaz, use.class) {
				pass.Report(use.span, fmt.Sprintf("“%s %s” gives %s an office the people gazetteer does not list for them (%s)",
					use.text, a.Text(m.Name), e.Name, titleList(gaz)))
				continue
			}
			if first == nil {
				u := use
				first = &u
				continue
			}
			if sameOffice(*first, use) || explained(use) || explained(*first) {
				continue
			}
			line := a.Line(first.span.Start)
			pass.Report(use.span, fmt.Sprintf("“%s” gives %s another office than “%s” on line %d, with nothing in the text explaining the change",
				use.text, e.Name, first.text, line))
		}
	}
}

func sameOffice(x, y titleUse) bool {
	if x.class != y.class {
		return false
	}
	// "Foreign Minister" and "Finance Minister" are two offices;
	// "Minister" alone does not contradict either.
	return x.qual == "" || y.qual == "" || x.qual == y.qual
}

func holdsClass(gaz []titleUse, class string) bool {
	for _, g := range gaz {
		if g.class == class {
			return true
		}
	}
	return false
}

func titleList(gaz []titleUse) string {
	var parts []string
	for _, g := range gaz {
		parts = append(parts, g.text)
	}
	return strings.Join(parts, ", ")
}
