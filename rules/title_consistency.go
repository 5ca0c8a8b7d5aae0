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
    either title, in its sentence;
  - a title in a sentence of another time: a year ("In 2019, Gov. Ann
    Ruiz", "when Vice President Dunn ran in 1988"), "then", "once";
  - a role held together with an office: a committee, board, party or
    caucus chair ("Sen. Tom Haller" and "Budget Committee Chairman Tom
    Haller");
  - a headline in title case whose "name" appears nowhere else ("Ohio
    Gov. Hears Plea From Farmers").
When the [[people]] gazetteer lists titles for a person, a title of an
office not among them is reported too.

With the newsroom's name authority (--archive names.nla, or [archive]
path), a title the archive has seen superseded is reported as a warning:
"“Foreign Minister”: this newsroom has called Ana Lind “Prime Minister” in
every article since 2026-03-02 (12 articles; “Foreign Minister” last on
2026-02-20)", when the archive's first article with the newer office is
after its latest with the article's, and on or before the article's date
(an undated article counts as new). Not for titles marked former, then-
or acting, nor when the article gives the newer office too.

Options:
  change-words  words that explain a change of office near either title`,
		ReadsEnglish: true,
		Run:          runTitleConsistency,
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
		for k := max(int(s.FirstToken), u.from-changeReach); k < min(int(s.EndToken), u.to+changeReach); k++ {
			if change[a.Lower(k)] {
				return true
			}
		}
		return false
	}
	titled := len(a.Paragraphs) > 0 && titleCase(a, 0)
	dated := &datedSentences{a: a}
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
			if m.Form != people.TitledName || m.Quote >= 0 || m.Role == nil || m.Role.Span.Start != m.Start() {
				continue
			}
			use, ok := officeOf(m.Role)
			if !ok || heldAlongside(use) || bodyBefore(a, int(m.FirstToken)) || headlineOnly(pass, &m, titled) {
				continue
			}
			use.sent, use.from, use.to = int(m.Sent), int(m.FirstToken), int(m.EndToken)
			if dated.historical(use) {
				// "when Vice President George H.W. Bush ran in 1988": an
				// office of another time.
				continue
			}
			if len(gaz) > 0 && !holdsClass(gaz, use.class) {
				pass.Report(use.span, fmt.Sprintf("“%s %s” gives %s an office the people gazetteer does not list for them (%s)",
					use.text, a.Text(m.Name()), e.Name, titleList(gaz)))
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
	if pass.Archive != nil {
		runTitleArchive(pass, explained) // title_archive.go
	}
}

// heldAlongside reports a title of a body inside an institution ("Senate
// Foreign Relations Committee Chairman", "Budget Committee Chairman",
// "party chairman"): a role held together with an office, not instead of
// it.
func heldAlongside(u titleUse) bool {
	for _, w := range strings.Fields(strings.ToLower(u.text)) {
		if bodyWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// bodyWords name a body inside an institution.
var bodyWords = map[string]bool{"committee": true, "subcommittee": true, "caucus": true, "board": true, "party": true, "council": true, "conference": true, "commission": true, "panel": true}

// bodyBefore reports a body named just before a title ("Senate Foreign
// Relations Committee Chairman").
func bodyBefore(a *article.Article, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5 && a.IsCapWord(j); j-- {
		if bodyWords[a.Lower(j)] {
			return true
		}
	}
	return false
}

// datedSentences answers historical, reading each sentence once however
// many titles it holds.
type datedSentences struct {
	a     *article.Article
	known []int8 // by sentence: 0 not read yet, 1 dated, 2 not
}

// historical reports whether a title's sentence places it in another
// time: a year ("in 1988"), or "then", "once", "at the time".
func (d *datedSentences) historical(u titleUse) bool {
	a := d.a
	if d.known == nil {
		d.known = make([]int8, len(a.Sentences))
	}
	if d.known[u.sent] == 0 {
		d.known[u.sent] = 2
		s := a.Sentences[u.sent]
	scan:
		for k := int(s.FirstToken); k < int(s.EndToken); k++ {
			t := a.Tok(k)
			if a.Tokens[k].Kind == article.Number && len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) {
				d.known[u.sent] = 1
				break
			}
			switch a.Lower(k) {
			case "then", "once", "formerly":
				d.known[u.sent] = 1
				break scan
			}
		}
	}
	return d.known[u.sent] == 1
}

// headlineOnly reports a titled name read from a headline in title case
// (titled: titleCase of the first paragraph, worked out once) whose name
// appears nowhere else ("Ohio Gov. Hears Plea From Farmers": a verb, not
// a name).
func headlineOnly(pass *linter.Pass, m *people.Mention, titled bool) bool {
	if m.Para != 0 || len(m.Words) == 0 || !titled {
		return false
	}
	return pass.People.CapWords()[m.Words[0]] <= 1
}

// titleCase reports whether paragraph p is written in title case, as
// headlines are: most of its words capitalised.
func titleCase(a *article.Article, p int) bool {
	words, caps := 0, 0
	for k := a.TokenIndexAt(a.Paragraphs[p].Start()); k < len(a.Tokens) && a.Tokens[k].Start() < a.Paragraphs[p].End(); k++ {
		if a.Tokens[k].Kind == article.Word {
			words++
			if a.IsCapWord(k) {
				caps++
			}
		}
	}
	return words > 0 && caps*10 >= words*7
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
