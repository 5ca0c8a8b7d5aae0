package rules

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// archiveTitleMin is how many articles of the archive must give a person
// the newer title for the older one to be reported as superseded.
const archiveTitleMin = 2

// archiveOffice is what the archive says of one office of a person: its
// title as written most often, its articles, and the first and latest
// dates it was used.
type archiveOffice struct {
	class, text   string
	articles      int
	first, latest archive.Day
	textArticles  int
}

// runTitleArchive reports a title the newsroom's archive has superseded:
// the article calls a person "Foreign Minister Ana Lind" while every
// article of the archive since some date, after the latest that used the
// article's title, calls her by another office ("Prime Minister"), and
// the article is of that date or later (or undated). Not for titles
// marked former, then-, acting and the like, in a sentence of another
// time, explained by a change word, nor when the article gives the person
// the newer office too. A warning (or the rule's severity, if lower):
// the archive may be late. An authority that cannot be read fails the
// rule on the article (Pass.Fail).
func runTitleArchive(pass *linter.Pass, explained func(titleUse) bool) {
	defer pass.FromArchive()() // its findings are the archive's (Finding.Archive)
	auth, a, pm := pass.Archive, pass.Article, pass.People
	day := archive.ParseDay(a.Date)
	titled := len(a.Paragraphs) > 0 && titleCase(a, 0)
	dated := &datedSentences{a: a}
	for id := range pm.Entities {
		e := &pm.Entities[id]
		if e.Kind != people.KindPerson && !pm.PersonLike(id) {
			continue
		}
		name := strings.TrimSpace(e.Name)
		h, ok, err := auth.Lookup(name, archive.Person)
		if err != nil {
			pass.Fail(err)
			return
		}
		if !ok {
			continue
		}
		var offices []archiveOffice // by class, built when first needed
		held := map[string]bool{}   // the classes the article gives the person
		for _, r := range e.Roles {
			if r.Class != "" {
				held[r.Class] = true
			}
		}
		for _, mi := range e.Mentions {
			m := &pm.Mentions[mi]
			if m.Form != people.TitledName || m.Quote >= 0 || m.Role == nil || m.Role.Span.Start != m.Start() {
				continue
			}
			use, ok := officeOf(m.Role)
			if !ok || heldAlongside(use) || bodyBefore(a, int(m.FirstToken)) || headlineOnly(pass, m, titled) {
				continue
			}
			use.sent, use.from, use.to = int(m.Sent), int(m.FirstToken), int(m.EndToken)
			if dated.historical(use) || explained(use) || markedBefore(a, use) {
				continue
			}
			if offices == nil {
				ent, err := auth.Entity(h)
				if err != nil {
					pass.Fail(err)
					return
				}
				offices = archiveOffices(&ent)
			}
			old, newer, ok := superseded(offices, use.class, day)
			if !ok || held[newer.class] {
				continue
			}
			pass.ReportAtMost(linter.Warning, use.span, fmt.Sprintf("“%s”: this newsroom has called %s “%s” in every article since %s (%s; “%s” last on %s)",
				use.text, name, newer.text, newer.first, archiveArticles(newer.articles), use.text, old.latest), nil)
		}
	}
}

// archiveOffices sums a person's titles in the archive by office (title
// class), keeping the offices newslint compares (see offices).
func archiveOffices(e *archive.Entity) []archiveOffice {
	out := []archiveOffice{}
	for _, t := range e.Titles {
		if !offices[t.Class] {
			continue
		}
		i := 0
		for i < len(out) && out[i].class != t.Class {
			i++
		}
		if i == len(out) {
			out = append(out, archiveOffice{class: t.Class})
		}
		o := &out[i]
		o.articles += t.Articles
		if t.First != 0 && (o.first == 0 || t.First < o.first) {
			o.first = t.First
		}
		o.latest = max(o.latest, t.Latest)
		if t.Articles > o.textArticles {
			o.text, o.textArticles = t.Text, t.Articles
		}
	}
	return out
}

// superseded finds, among a person's offices in the archive, the one
// that replaced class: first used after the latest article giving class,
// in archiveTitleMin articles or more, on or before day (0: undated,
// taken as new). The latest such office when there are several.
func superseded(offices []archiveOffice, class string, day archive.Day) (old, newer archiveOffice, ok bool) {
	found := false
	for _, o := range offices {
		if o.class == class {
			old, found = o, true
		}
	}
	if !found || old.latest == 0 {
		return old, newer, false
	}
	for _, o := range offices {
		if o.class == class || o.first == 0 || o.first <= old.latest || o.articles < archiveTitleMin {
			continue
		}
		if day != 0 && day < o.first {
			continue
		}
		if !ok || o.latest > newer.latest {
			newer, ok = o, true
		}
	}
	return old, newer, ok
}

// markedBefore reports a title that the words just before it mark as not
// current, where the people model did not read them as its part:
// "then-Foreign Minister", "ex-Defence Minister", "former Foreign
// Minister".
func markedBefore(a *article.Article, u titleUse) bool {
	s := a.Sentences[u.sent]
	// The two words before it, read from a few tokens back: bounded,
	// however long the sentence runs.
	from := a.Tokens[max(int(s.FirstToken), u.from-8)].Start()
	if u.span.Start <= from {
		return false
	}
	words := strings.Fields(strings.ToLower(a.Text(article.Span{Start: from, End: u.span.Start})))
	for i := max(0, len(words)-2); i < len(words); i++ {
		w := strings.Trim(words[i], "\"'“”‘’(,")
		if transitional[w] || strings.HasPrefix(w, "then-") || strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "former-") {
			return true
		}
	}
	return false
}
