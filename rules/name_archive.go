package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// archiveMinArticles: how many articles of the archive must spell a
// surname one way, under the same frame, for another spelling to be
// reported against it.
var archiveMinArticles = linter.NewOption("archive-min-articles", int64(3)).Within(2, 1_000_000)

// archiveFrameReads bounds the surnames read under one frame of the
// archive for one article: a given name as common as John is followed by
// thousands of surnames in a big archive; past this many, the rest of
// the frame is not read (the article is still checked under its other
// frames).
const archiveFrameReads = 20_000

// archiveSurname is one spelling of a person's surname in the article,
// and the frames it stands in, as the archive records them.
type archiveSurname struct {
	text   string // as written, possessive removed
	folded string
	// given, titles and orgs are the frames (folded given names, title
	// classes, folded organisations).
	given, titles, orgs []string
	// first is the given name written before it first ("" for none).
	first string
}

// archiveMatch is a spelling the archive knows well, under one of the
// frames of a surname of the article.
type archiveMatch struct {
	surname  string // folded
	articles int    // under the frame
	entity   archive.Handle
	// own is the number of articles of the archive that write the
	// article's spelling under the same frame.
	own int
	// titled is set when a title or an organisation frames the
	// spelling; givens are the given names that do.
	titled bool
	givens []string
}

// runNameArchive reports a person's surname that the newsroom's archive
// has seldom or never written under the same frame (the given name before
// it, a title's class, an organisation), one edit away from a spelling
// the archive has written under that frame in many articles: "Federal
// Reserve Chair Jerome Powel" where the archive has "Jerome Powell" in
// 312. Uses the in-article check reported already (reported: their
// starts) are not reported again. An authority that cannot be read (a
// damaged chunk, a file changed under the run) fails the rule on the
// article (Pass.Fail): an error for the file, never a silent pass.
func runNameArchive(pass *linter.Pass, reported map[int]bool) {
	defer pass.FromArchive()() // its findings are the archive's (Finding.Archive)
	auth, a, pm := pass.Archive, pass.Article, pass.People
	af := &archiveFrames{auth: auth, min: int(archiveMinArticles.Get(pass)), budget: archiveReadBudget,
		read: map[archiveFrameKey][]archive.FrameEntry{}, totals: map[archiveFrameKey]int{}}
	done := map[string]bool{} // folded spellings decided
	type finding struct{ msg, right string }
	report := map[string]finding{} // by the article's spelling
	for id := range pm.Entities {
		e := &pm.Entities[id]
		if e.Kind != people.KindPerson && !pm.PersonLike(id) || !e.FullNamed && !e.Titled {
			continue
		}
		for _, s := range archiveSurnames(pm, e) {
			if done[s.folded] || !archiveCandidate(s.text) {
				continue
			}
			done[s.folded] = true
			m, ok := af.near(s)
			real := ok && archiveKnowsAsReal(af, pm, s, m)
			if af.err != nil {
				pass.Fail(af.err) // the authority cannot be read: the file's run fails
				return
			}
			if !ok || real {
				continue
			}
			ent, err := auth.Entity(m.entity)
			if err != nil {
				pass.Fail(err)
				return
			}
			if !sameGiven(&ent, s.given) {
				continue
			}
			right, count := archiveSpelling(&ent, m.surname)
			if right == "" {
				continue
			}
			msg := fmt.Sprintf("“%s”: this newsroom has spelled %s “%s” in %s", s.text, archiveDisplayName(&ent), right, archiveArticles(count))
			if d := ent.Latest.String(); d != "" {
				msg += " (latest " + d + ")"
			}
			report[s.text] = finding{msg, right}
		}
	}
	if len(report) == 0 {
		return
	}
	// Every use of each spelling reported, one finding each (so that --fix
	// fixes them all), in one pass over the article.
	for i, t := range a.Tokens {
		if !a.IsCapWord(i) {
			continue
		}
		base, _ := article.StripPossessive(a.Tok(i))
		f, ok := report[base]
		if !ok {
			continue
		}
		u := article.Span{Start: t.Start(), End: t.End() - (len(a.Tok(i)) - len(base))}
		if reported[u.Start] {
			continue
		}
		pass.Report(u, f.msg, pass.Fix("replace with “"+f.right+"”", u, f.right))
	}
}

// archiveCandidate reports whether a surname may be checked against the
// archive: a word of three letters or more, not in capitals, that may be
// a name.
func archiveCandidate(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && !hasDotOrDigit(w) && !people.IsNonNameWord(w) && !article.IsAllCaps(w)
}

// archiveSurnames lists the surnames a person is written with in the
// article, each with the frames it stands in: the given names before it,
// the classes of the person's titles, the organisations of its roles and
// the organisation named just before a title ("Federal Reserve Chair
// Jerome Powell"), as archive.Collect records them.
func archiveSurnames(pm *people.Model, e *people.Entity) []archiveSurname {
	var out []archiveSurname
	at := func(w string) *archiveSurname {
		f := archive.Fold(w)
		for i := range out {
			if out[i].folded == f {
				return &out[i]
			}
		}
		out = append(out, archiveSurname{text: w, folded: f})
		return &out[len(out)-1]
	}
	var titles, orgs []string
	for ri := range e.Roles {
		r := &e.Roles[ri]
		if r.Class == "" || r.Former {
			continue
		}
		titles = appendNew(titles, r.Class)
		if r.Org != "" {
			orgs = appendNew(orgs, archive.Fold(r.Org))
		}
	}
	for _, mi := range e.Mentions {
		m := &pm.Mentions[mi]
		switch m.Form {
		case people.FullName, people.Surname, people.Honorific, people.TitledName:
		default:
			continue
		}
		if len(m.Words) == 0 {
			continue
		}
		s := at(m.Words[len(m.Words)-1])
		if len(m.Words) >= 2 && !initial(m.Words[0]) {
			s.given = appendNew(s.given, archive.Fold(m.Words[0]))
			if s.first == "" {
				s.first = m.Words[0]
			}
		}
		if m.Form == people.TitledName {
			if org := orgJustBefore(pm, int(mi)); org != "" {
				s.orgs = appendNew(s.orgs, org)
			}
		}
	}
	for i := range out {
		out[i].titles = titles
		for _, o := range orgs {
			out[i].orgs = appendNew(out[i].orgs, o)
		}
	}
	return out
}

// maxFrames bounds the frames of one kind a surname is checked under: a
// person has a given name or two, a title or two; a hostile article that
// gives one thousands costs no more than a few.
const maxFrames = 8

func appendNew(list []string, s string) []string {
	if len(list) >= maxFrames || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// initial reports a given name that is an initial ("J.", "J").
func initial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) <= 1 || len(w) == 2 && w[1] == '.'
}

// orgJustBefore is the folded name of the organisation whose mention ends
// where mention mi begins, or "".
func orgJustBefore(pm *people.Model, mi int) string {
	m := &pm.Mentions[mi]
	prev := -1
	for _, o := range pm.MentionsInSentence(int(m.Sent)) {
		if o == int32(mi) {
			break
		}
		prev = int(o)
	}
	if prev < 0 {
		return ""
	}
	p := &pm.Mentions[prev]
	if p.Form != people.Name || p.Kind != people.KindOrganisation || p.EndToken != m.FirstToken || len(p.Words) == 0 {
		return ""
	}
	return archive.Fold(strings.Join(p.Words, " "))
}

// archiveFrames reads the frames of the archive an article asks about,
// each part once, within a budget of entries for the whole article. err
// is the first error reading the authority (a damaged or changed file):
// nothing more is read once there is one, and the rule fails with it.
type archiveFrames struct {
	auth   *archive.Authority
	min    int
	budget int
	err    error
	// read holds the entries read of a frame whose surnames begin with
	// one letter; totals the articles of whole given-name frames.
	read   map[archiveFrameKey][]archive.FrameEntry
	totals map[archiveFrameKey]int
}

type archiveFrameKey struct {
	kind    archive.FrameKind
	frame   string
	initial byte
}

// archiveDominant is how many articles must write a surname after a
// given name, and at least half of those that write the given name before
// a surname, for the given name to frame it as strongly as a title does
// (Hillary before Clinton).
const archiveDominant = 10

// archiveReadBudget bounds the frame entries read for one article: a
// hostile article of thousands of names under common given names stays
// linear in its length, whatever the archive's size.
const archiveReadBudget = 200_000

// entries returns the entries of a frame whose surnames begin with the
// byte initial (those a near spelling may be: see archiveNearSpelling)
// and that the archive writes in af.min articles or more (the others are
// passed over, their surnames not read), sorted by surname: of the first
// archiveFrameReads of the initial, within the budget.
func (af *archiveFrames) entries(kind archive.FrameKind, frame string, initial byte) []archive.FrameEntry {
	k := archiveFrameKey{kind, frame, initial}
	if es, ok := af.read[k]; ok {
		return es
	}
	var es []archive.FrameEntry
	if af.err != nil {
		return nil
	}
	reads := 0
	af.err = af.auth.FrameRange(kind, frame, string(initial), string(initial+1), af.min, func(fe archive.FrameEntry) bool {
		if reads >= archiveFrameReads || af.budget <= 0 {
			return false
		}
		reads++
		af.budget--
		if fe.Surname != "" {
			fe.Surname = strings.Clone(fe.Surname) // a view of the authority's bytes, during the call
			es = append(es, fe)
		}
		return true
	})
	af.read[k] = es
	return es
}

// own is the number of articles that write the surname folded under a
// frame (summed over the persons so written), within the budget.
func (af *archiveFrames) own(kind archive.FrameKind, frame, folded string) int {
	n := 0
	if af.err != nil {
		return 0
	}
	af.err = af.auth.FrameRange(kind, frame, folded, folded+"\x00", 0, func(fe archive.FrameEntry) bool {
		if af.budget <= 0 {
			return false
		}
		af.budget--
		n += fe.Articles
		return true
	})
	return n
}

// total is the number of articles that write a surname after the given
// name (summed over its surnames, which are not read; at most
// archiveFrameReads of them, within the budget).
func (af *archiveFrames) total(given string) int {
	k := archiveFrameKey{kind: archive.FrameGiven, frame: given}
	if n, ok := af.totals[k]; ok {
		return n
	}
	n, reads := 0, 0
	if af.err != nil {
		return 0
	}
	af.err = af.auth.FrameRange(archive.FrameGiven, given, "", "", math.MaxInt, func(fe archive.FrameEntry) bool {
		if reads >= archiveFrameReads || af.budget <= 0 {
			return false
		}
		reads++
		af.budget--
		n += fe.Articles
		return true
	})
	af.totals[k] = n
	return n
}

// near finds, under the frames of s, the spelling the archive knows best
// that is one edit from s (two for long names), written under the frame
// in af.min articles or more, where the archive writes s under that frame
// in at most one article and at most a tenth as many. False when there is
// none, or when some frame of s writes s itself in two articles or more
// (a spelling the archive knows).
func (af *archiveFrames) near(s archiveSurname) (archiveMatch, bool) {
	var best archiveMatch
	known := false
	titled := map[string]bool{}     // surnames near s under a title or an organisation
	givens := map[string][]string{} // the given names each follows
	try := func(kind archive.FrameKind, frame string) {
		own := af.own(kind, frame, s.folded)
		if own >= 2 {
			known = true
			return
		}
		for _, fe := range af.entries(kind, frame, s.folded[0]) {
			if fe.Articles < af.min || fe.Articles < 10*own || !archiveNearSpelling(s.folded, fe.Surname) || pluralOf(s.folded, fe.Surname) {
				continue
			}
			if kind == archive.FrameGiven {
				givens[fe.Surname] = append(givens[fe.Surname], frame)
			} else {
				titled[fe.Surname] = true
			}
			if fe.Articles > best.articles {
				best = archiveMatch{surname: fe.Surname, articles: fe.Articles, entity: fe.Entity, own: own}
			}
		}
	}
	for _, g := range s.given {
		try(archive.FrameGiven, g)
	}
	for _, t := range s.titles {
		try(archive.FrameTitle, t)
	}
	for _, o := range s.orgs {
		try(archive.FrameOrganisation, o)
	}
	best.titled, best.givens = titled[best.surname], givens[best.surname]
	return best, !known && best.articles > 0
}

// strong reports whether m's frames are strong evidence that the
// article's spelling is a slip: a title or an organisation frames it, or
// a given name that the archive writes before it in archiveDominant
// articles or more, at least half of those that write it before a
// surname (Hillary before Clinton; not John before Baker).
func (af *archiveFrames) strong(m archiveMatch) bool {
	if m.titled {
		return true
	}
	if m.articles < archiveDominant {
		return false
	}
	for _, g := range m.givens {
		if 2*m.articles >= af.total(g) {
			return true
		}
	}
	return false
}

// archiveKnowsAsReal reports whether the article's spelling is, most
// likely, a real name of its own and not a slip of the archive's: the
// archive knows a person by that name alone or by the article's full
// name in two articles or more (Donald Regan beside Ronald Reagan); both
// spellings are common surnames (Baer, Baker); or the article writes it
// in lower case too (an ordinary word). An error reading the authority
// is left in af.err.
func archiveKnowsAsReal(af *archiveFrames, pm *people.Model, s archiveSurname, m archiveMatch) bool {
	auth := af.auth
	if pm.LowerWords.Has(strings.ToLower(s.text)) {
		return true
	}
	if people.BothCommonSurnames(s.text, capitalised(m.surname)) && !af.strong(m) {
		return true
	}
	names := []string{s.text}
	if s.first != "" {
		names = append(names, s.first+" "+s.text)
	}
	for _, n := range names {
		h, ok, err := auth.Lookup(n, archive.Person)
		if err == nil && ok {
			var e archive.Entity
			if e, err = auth.Entity(h); err == nil && e.Articles >= 2 {
				return true
			}
		}
		if err != nil {
			af.err = err
			return false
		}
	}
	return false
}

// capitalised is a folded word with its first letter a capital, as the
// surname data write it.
func capitalised(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}

// archiveSpelling is the way the archive writes a person's surname
// (folded) alone, most used, with its number of articles; "" when it has
// none.
func archiveSpelling(e *archive.Entity, folded string) (string, int) {
	text, n := "", 0
	for _, sp := range e.Spellings {
		if strings.IndexByte(sp.Text, ' ') < 0 && archive.Fold(sp.Text) == folded && sp.Articles > n {
			text, n = sp.Text, sp.Articles
		}
	}
	return text, n
}

// archiveDisplayName is how the archive writes a person's name in full
// most often (its folded name when it has no full spelling).
func archiveDisplayName(e *archive.Entity) string {
	text, n := "", 0
	for _, sp := range e.Spellings {
		if strings.IndexByte(sp.Text, ' ') >= 0 && sp.Articles > n {
			text, n = sp.Text, sp.Articles
		}
	}
	if text == "" {
		for _, sp := range e.Spellings {
			if sp.Articles > n {
				text, n = sp.Text, sp.Articles
			}
		}
	}
	if text == "" {
		return e.Name
	}
	return text
}

// archiveArticles is "1 article", "312 articles".
func archiveArticles(n int) string {
	return fmt.Sprintf("%d article%s", n, plural(n))
}

// archiveNearSpelling reports whether two folded surnames are likely one
// name spelled two ways: they differ, share their first letter, are one
// edit apart (a letter changed, added or dropped, or two neighbours
// swapped; two edits when both have eight letters or more), the shorter
// has three letters or more and the longer four (with the frame's
// evidence, Kohl / Koh is a slip where two bare words would not be), and
// they are not two transliterations of one name (Zelensky, Zelenskyy).
func archiveNearSpelling(a, b string) bool {
	if a == b || a == "" || b == "" || a[0] != b[0] {
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if min(la, lb) < 3 || max(la, lb) < 4 {
		return false
	}
	edits := 1
	if min(la, lb) >= 8 {
		edits = 2
	}
	return people.EditDistance(a, b, edits) <= edits && translitKey(a) != translitKey(b)
}

// translitKey is a folded surname with the endings that transliterations
// of one Slavic name write differently made one: -yy, -iy, -yi, -ij, -ii
// and -i all read -y (Zelenskyy, Zelenskiy, Zelensky; Ushakovi).
func translitKey(s string) string {
	for _, end := range []string{"yy", "iy", "yi", "ij", "ii", "i"} {
		if rest, ok := strings.CutSuffix(s, end); ok && len(rest) >= 3 {
			return rest + "y"
		}
	}
	return s
}

// sameGiven reports whether the archive's person may be the article's:
// the article gives no given name, or the archive writes the person with
// none, or with one of the article's (Ann Linde is not the Ana Lind whom
// the archive titles minister).
func sameGiven(e *archive.Entity, given []string) bool {
	if len(given) == 0 {
		return true
	}
	any := false
	for _, sp := range e.Spellings {
		first, _, ok := strings.Cut(sp.Text, " ")
		if !ok {
			continue
		}
		any = true
		if slices.Contains(given, archive.Fold(first)) {
			return true
		}
	}
	return !any
}

// pluralOf reports whether w is the plural of name ("Super PACs", "the
// Kennedys"): not a slip.
func pluralOf(w, name string) bool {
	return w == name+"s" || w == name+"es"
}
