package rules

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// maxVariantUses: a spelling used more often than this is a second name,
// not a slip.
var maxVariantUses = linter.NewOption("max-variant-uses", int64(2)).Within(1, 1000)

// NameSpelling reports a name spelled two ways.
func NameSpelling() *linter.Rule {
	return &linter.Rule{
		Name:     "name-spelling",
		Doc:      "a name spelled two ways in one article",
		Severity: linter.Error,
		Options:  []linter.Option{maxVariantUses, archiveMinArticles},
		Explain: `Reports a name that is one letter away (a dropped, added, changed or swapped
letter; two for names of eight letters or more) from a name the article
uses: Nazarbayev / Nazarbaev, Lukashenko / Lukashenka, Mr Okonkwo / Mr
Okonkow, Halvorsen Group / Halvorson Group. Every name is compared, in
every position: a bare surname, after a first name, a title or an honorific
(with or without a full stop), possessive, in an attribution; first names
beside the same surname (Maria / Maira Castellanos); the names of people,
organisations and places. The finding is on the variant, the spelling used
less often (on a tie, the one not used when the person was introduced, or
the later one), so a misspelt first mention is reported when later mentions
outvote it; it carries the other spelling as a suggested fix (newslint
--diff shows it, newslint --fix applies it).

Not reported:
  - two names that are both real and different: two people introduced
    separately (Boris Johnson and Jo Johnston; two people with different
    titles; a full name beside a person known by title and surname, Donald
    Regan beside President Reagan), two places or organisations the data
    know (Iran and Iraq, Austria and Australia), two common surnames
    (Goodman and Goldman), a person's name beside a place's;
  - possessives and plurals (Nazarbayev's, the Kennedys), a place beside
    its adjective (Korea, Korean), hyphenated names;
  - accents and apostrophes (Erdoğan / Erdogan, O’Rourke / O'Rourke);
  - words the article also writes in lower case (ordinary words);

With the newsroom's name authority (--archive names.nla, or [archive]
path in newslint.toml; built by newslint archive build), a person's
surname is also checked against what the newsroom has published: under
the same frame (the given name before it, a title's office, an
organisation), a surname one edit away (two for names of eight letters or
more) that the archive writes in archive-min-articles articles or more,
where it writes the article's spelling in at most one, and a tenth as
often: "“Powel”: this newsroom has spelled Jerome Powell “Powell” in 312
articles (latest 2026-05-30)", on every use, with the archive's spelling
as the fix. Not when the archive knows the article's spelling as a real
name of its own (Donald Regan beside Ronald Reagan; two articles by that
name), for another transliteration (Zelenskyy, Zelensky), two common
surnames after a given name many surnames follow (John Baer, John Baker),
a plural, nor when the in-article check reports the same use.

Options:
  max-variant-uses      a spelling used more often than this is taken as a
                        second name, not a slip
  archive-min-articles  with an archive: how many of its articles must
                        write a surname one way, under the same frame, for
                        a spelling one edit away to be reported`,
		ReadsEnglish: true,
		Run:          runNameSpelling,
	}
}

// nameForm is one spelling of a capitalised word, and what the article
// says about it.
type nameForm struct {
	text string
	uses []article.Span
	// firsts holds the first names the form follows as a surname;
	// surnames the surnames it precedes as a first name.
	firsts, surnames wordSet
	// classes holds the classes of the titles the form is used with.
	classes wordSet
	// last is set when the form ends a person's name (a surname, or a name
	// of one word).
	last bool
	// introduced is set when the form is used with a first name or a
	// title (the person's introduction); honorifics do not introduce.
	introduced bool
	// honor is the gender of the honorifics the form takes ("Ms
	// Sorensen"): "male", "female", "x" when both or one without gender;
	// plain is set when the form is used alone, with neither an
	// honorific, a first name nor a title.
	honor string
	plain bool
	// named is set when the form belongs to a name the people model
	// found, of a person, an organisation or a place.
	named bool
	// next holds the capitalised words that follow the form ("Group" in
	// "Halvorsen Group"), prev those that precede it.
	next, prev wordSet
	// reported is set once the form is reported as a variant.
	reported bool
	// person, org, place and unknown are set when a name holding the form
	// is of that kind.
	person, org, place, unknown bool
	first                       int // offset of the first use
}

// wordSet is a set of words: a form has few neighbours, first names or
// titles, so a short list searched in order serves, and past
// smallSetMax words (a first name before thousands of surnames) a map
// takes over, so that adding stays constant time.
type wordSet struct {
	list []string
	m    map[string]bool
}

const smallSetMax = 16

func (ws *wordSet) has(v string) bool {
	if ws.m != nil {
		return ws.m[v]
	}
	return slices.Contains(ws.list, v)
}

func (ws *wordSet) len() int { return len(ws.list) }

func (f *nameForm) add(ws *wordSet, v string) {
	if ws.has(v) {
		return
	}
	ws.list = append(ws.list, v)
	if ws.m != nil {
		ws.m[v] = true
	} else if len(ws.list) > smallSetMax {
		ws.m = make(map[string]bool, 2*len(ws.list))
		for _, w := range ws.list {
			ws.m[w] = true
		}
	}
}

func runNameSpelling(pass *linter.Pass) {
	reported := map[int]bool{}
	spellingsInArticle(pass, reported)
	if pass.Archive != nil {
		runNameArchive(pass, reported) // name_archive.go
	}
}

// spellingsInArticle reports the names the article spells two ways, and
// records the start of each use it reports in reported.
func spellingsInArticle(pass *linter.Pass, reported map[int]bool) {
	a, pm := pass.Article, pass.People
	maxUses := int(maxVariantUses.Get(pass))
	forms := collectForms(pm)
	// An index from deletion keys to the candidate names finds every pair
	// of a candidate and a form one edit apart in time linear in the
	// number of forms (nearPairs compares signatures instead when there
	// are few). The keys are hashes of the words with one letter deleted
	// (no string is built); a collision only adds a pair that NearVariant
	// then rejects.
	cands := candidateNames(pm, forms)
	pairs := nearPairs(cands, forms.order) // candidate, form
	slices.SortFunc(pairs, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	done := map[[2]string]bool{}
	var todo [][2]string
	for _, p := range pairs {
		s, v := cands[p[0]], forms.order[p[1]]
		pair := [2]string{min(s, v), max(s, v)}
		if v == s || done[pair] || !people.NearVariant(s, v) || pluralOfAnother(forms, s, v) {
			continue
		}
		done[pair] = true
		todo = append(todo, [2]string{s, v})
	}
	if len(todo) == 0 {
		return // as in most articles: no two spellings to weigh
	}
	// Only the forms of the pairs are described in full.
	need := map[string]*nameForm{}
	for _, p := range todo {
		for _, w := range p {
			if need[w] == nil {
				need[w] = &nameForm{text: w, first: forms.first(w)}
			}
		}
	}
	describeUses(a, need)
	describeForms(pm, need)
	// Each pair the way round the spellings' uses say, then each variant
	// once: against the best-established spelling it is a slip of, with
	// one fix, however many spellings it is near.
	oriented := make([][2]*nameForm, 0, len(todo))
	for _, p := range todo {
		canon, variant := need[p[0]], need[p[1]]
		if preferForm(variant, canon) {
			canon, variant = variant, canon
		}
		oriented = append(oriented, [2]*nameForm{canon, variant})
	}
	slices.SortStableFunc(oriented, func(x, y [2]*nameForm) int {
		if c := cmp.Compare(x[1].first, y[1].first); c != 0 {
			return c
		}
		switch {
		case preferForm(x[0], y[0]):
			return -1
		case preferForm(y[0], x[0]):
			return 1
		}
		return 0
	})
	// Whether the first paragraph is a headline in title case, once.
	titleHeadline := len(a.Paragraphs) >= 2 && a.Paragraphs[0].Headline && titleCase(a, 0)
	for _, p := range oriented {
		canon, variant := p[0], p[1]
		if variant.reported {
			continue
		}
		if sicMarked(a, canon) || sicMarked(a, variant) {
			// "Angela Correy’s [sic] persecution career … Angela Corey":
			// the writer marks the other spelling as the source's own.
			continue
		}
		if headlineWord(a, variant, titleHeadline) {
			// "Trump Denies …" above a story about Mr. Deines: in a
			// headline in title case every word has a capital.
			continue
		}
		if isSlip(canon, variant, pm.LowerWords, maxUses) {
			reportVariant(pass, canon, variant)
			variant.reported = true
			for _, u := range variant.uses {
				reported[u.Start] = true
			}
		}
	}
}

// headlineWord reports whether every use of form f is in the article's
// headline in title case (headline: the first paragraph is one), or in a title quoted in title case, with no
// first name (before it, or as the model read it) and no honorific: a
// word any headline capitalises, not a name the headline spells.
func headlineWord(a *article.Article, f *nameForm, headline bool) bool {
	// A title before it proves nothing there ("Hospital Chief Denies"):
	// in title case every word has a capital.
	if f.honor != "" || f.firsts.len() > 0 {
		return false
	}
	for _, u := range f.uses {
		if !(headline && u.Start < a.Paragraphs[0].End()) && !inQuotedTitle(a, u) {
			return false
		}
		// After a first name it is a surname the headline spells ("Mark
		// Deinse Denies …"), whatever the model made of the headline.
		if k := a.TokenIndexAt(u.Start); k > 0 && a.IsWord(k-1) && people.MostlyGivenName(a.Tok(k-1)) {
			return false
		}
	}
	return true
}

// inQuotedTitle reports whether span u stands in a quotation of four
// words or more, most of them capitalised: a title quoted in title case
// (an article "titled “Clinton Does Best Where Voting Machines Flunk Exit
// Poll Tests”"), whose capitals say nothing of names.
func inQuotedTitle(a *article.Article, u article.Span) bool {
	k := a.TokenIndexAt(u.Start)
	if k >= len(a.Tokens) || !a.InQuote(k) {
		return false
	}
	c := a.Quotes[a.QuoteOf(k)].Content()
	words, caps := 0, 0
	for t := a.TokenIndexAt(c.Start); t < len(a.Tokens) && a.Tokens[t].Start() < c.End && words <= 40; t++ {
		if a.Tokens[t].Kind == article.Word {
			words++
			if a.IsCapWord(t) {
				caps++
			}
		}
	}
	return words >= 4 && words <= 40 && caps*10 >= words*7
}

// nickname reports whether one spelling is the other with an ending of
// pet names (-y, -ie, -ey: Mike and Mikey, Bill and Billie) and the data
// know both as mostly given names.
func nickname(v, c string) bool {
	for _, end := range []string{"y", "ie", "ey"} {
		if v == c+end || c == v+end {
			return people.MostlyGivenName(v) && people.MostlyGivenName(c)
		}
	}
	return false
}

// oppositeGivenNames reports whether the data give two first names
// opposite genders (Eric, Erica; Dan, Dana).
func oppositeGivenNames(v, c string) bool {
	gv, gc := people.GivenNameGender(v), people.GivenNameGender(c)
	return gv != "" && gc != "" && gv != gc
}

// sicMarked reports whether some use of form f is marked as written so in
// its source: "[sic]" or "(sic)" right after the word, a possessive's
// ending included ("Corry [sic] Dunn", "Angela Correy’s [sic] career").
func sicMarked(a *article.Article, f *nameForm) bool {
	for _, u := range f.uses {
		k := a.TokenIndexAt(u.Start)
		if k < 0 || k+3 >= len(a.Tokens) {
			continue
		}
		if (a.IsPunct(k+1, "[") && a.IsPunct(k+3, "]") || a.IsPunct(k+1, "(") && a.IsPunct(k+3, ")")) && a.Lower(k+2) == "sic" {
			return true
		}
	}
	return false
}

// formSet is every capitalised word of an article that may be a name, by
// its form (possessive removed), in order of first use: inside quotations
// too, where the speaker's words are the writer's spelling. Words that
// cannot be names (sentence openers, months, titles), words with digits
// or full stops, and words of fewer than four letters are left out. It
// holds only what every form needs: the few forms that pair with a
// candidate are described in full afterwards (describeUses,
// describeForms).
type formSet struct {
	// index is 1 + the form's place in order.
	index map[string]int32
	order []string
	// firsts are the offsets of the forms' first uses, in order.
	firsts []int32
	// candidate marks the forms among candidateNames.
	candidate []bool
}

// has reports whether w is a form of the set.
func (fs *formSet) has(w string) bool { return fs.index[w] > 0 }

// first is the offset of form w's first use.
func (fs *formSet) first(w string) int { return int(fs.firsts[fs.index[w]-1]) }

// collectForms reads the article's forms from the model's capitalised
// words, each once.
func collectForms(pm *people.Model) *formSet {
	fs := &formSet{index: make(map[string]int32, len(pm.CapWordsInOrder()))}
	for _, cw := range pm.CapWordsInOrder() {
		w := cw.Text
		if len(w) < 4 || hasDotOrDigit(w) || people.IsNonNameWord(w) {
			continue
		}
		fs.order = append(fs.order, w)
		fs.firsts = append(fs.firsts, int32(cw.First))
		fs.index[w] = int32(len(fs.order))
	}
	fs.candidate = make([]bool, len(fs.order))
	return fs
}

// describeUses records, for the forms of need, every use and the
// capitalised words beside them.
func describeUses(a *article.Article, need map[string]*nameForm) {
	for i, t := range a.Tokens {
		if !a.IsCapWord(i) {
			continue
		}
		base, _ := article.StripPossessive(a.Tok(i))
		f := need[base]
		if f == nil {
			continue
		}
		// The use ends where the token does, less a possessive: the
		// token's bytes may hold markup or a soft hyphen its text has not.
		f.uses = append(f.uses, article.Span{Start: t.Start(), End: t.End() - (len(a.Tok(i)) - len(base))})
		if a.IsCapWord(i+1) && !a.OpensSentence(i+1) {
			f.add(&f.next, a.Tok(i+1))
		}
		if i > 0 && a.IsCapWord(i-1) && !a.OpensSentence(i) && !a.SentenceStart(i-1) {
			f.add(&f.prev, a.Tok(i-1))
		}
	}
}

// hasDotOrDigit reports whether w holds a full stop or an ASCII digit.
func hasDotOrDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '.' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// describeForms records what the people model says of each form: the
// names it belongs to and their kinds, the first names and surnames it
// goes with, whether it introduces a person, and the titles it takes.
func describeForms(pm *people.Model, forms map[string]*nameForm) {
	for _, m := range pm.Mentions {
		if len(m.Words) == 0 || m.Quote >= 0 {
			continue
		}
		for k, w := range m.Words {
			f := forms[w]
			if f == nil {
				continue
			}
			f.named = true
			switch m.Kind {
			case people.KindOrganisation:
				f.org = true
			case people.KindPlace:
				f.place = true
			case people.KindPerson:
				f.person = true
			default:
				f.unknown = true
			}
			if m.Form == people.Name {
				continue
			}
			last := len(m.Words) - 1
			if k < last {
				f.add(&f.surnames, m.Words[last])
				continue
			}
			describeSurname(&m, f)
		}
	}
}

// describeSurname records how a person's last name is used: with which
// first names and titles.
func describeSurname(m *people.Mention, f *nameForm) {
	f.last = true
	switch {
	case m.Form == people.Honorific:
		if g := m.Gender(); g == "" || f.honor != "" && f.honor != g {
			f.honor = "x"
		} else {
			f.honor = g
		}
	case len(m.Words) == 1 && (m.Role == nil || m.Role.Class == ""):
		f.plain = true
	}
	// "Kevin De Bruyne" has a first name; "De Bruyne" has only a particle,
	// which is part of the surname.
	if len(m.Words) >= 2 && !people.IsParticle(m.Words[0]) {
		f.add(&f.firsts, m.Words[0])
		f.introduced = true
	}
	if m.Role != nil && m.Role.Class != "" {
		f.add(&f.classes, m.Role.Class)
		f.introduced = true
	}
}

// candidateNames lists, sorted, the words of the names the article
// establishes, among the forms: people's (by the model's evidence, or
// full-named or titled names of unknown kind), organisations' and places'.
func candidateNames(pm *people.Model, forms *formSet) []string {
	// The mentions are read in text order (their entities' lists would
	// send the reads all over the table), each once: an entity's mention
	// is one of its own.
	establishes := make([]bool, len(pm.Entities))
	for id := range pm.Entities {
		e := &pm.Entities[id]
		establishes[id] = len(e.Mentions) > 0 && (e.Kind != people.KindUnknown || e.FullNamed || e.Titled)
	}
	var cands []string
	for i := range pm.Mentions {
		m := &pm.Mentions[i]
		if m.Entity < 0 || !establishes[m.Entity] {
			continue
		}
		for _, w := range m.Words {
			if k := forms.index[w] - 1; k >= 0 && !forms.candidate[k] {
				forms.candidate[k] = true
				cands = append(cands, w)
			}
		}
	}
	slices.Sort(cands)
	return cands
}

// scanLimit is the number of candidate-form comparisons up to which
// nearPairs compares every pair by signature rather than build the
// deletion index: an ordinary article has a few dozen candidates and a
// few hundred forms, and comparing two signatures costs less than hashing
// one word's deletions.
const scanLimit = 1 << 14

// nearPairs lists the pairs (candidate, form) of different words that
// share a deletion key (see eachDeletion): by comparing signatures when
// there are few pairs, by the deletion index otherwise, which keeps a
// huge article linear. Both ways give the same pairs
// (TestNearPairsScanMatchesIndex).
func nearPairs(cands, forms []string) [][2]int {
	var pairs [][2]int
	if len(cands)*len(forms) > scanLimit {
		index := deletionIndex(cands)
		var near []int
		for vi, v := range forms {
			near = index.near(v, near[:0])
			for _, ci := range near {
				if cands[ci] != v {
					pairs = append(pairs, [2]int{ci, vi})
				}
			}
		}
		return pairs
	}
	sigs := make([]signature, len(cands))
	for ci, c := range cands {
		sigs[ci] = signatureOf(c)
	}
	for vi, v := range forms {
		sv := signatureOf(v)
		for ci, sc := range sigs {
			if sv.mayShareDeletion(sc) && cands[ci] != v && shareDeletion(cands[ci], v) {
				pairs = append(pairs, [2]int{ci, vi})
			}
		}
	}
	return pairs
}

// signature is what a word's deletion keys depend on, in brief: its
// length in code points and the set of its code points (hashed to 64
// bits). Two words that share a deletion key differ in length by at most
// one, and each has at most one code point the other lacks, so their sets
// differ in at most two bits.
type signature struct {
	runes int
	set   uint64
}

func signatureOf(w string) signature {
	var s signature
	for _, r := range w {
		s.runes++
		s.set |= 1 << (uint32(r) % 64)
	}
	return s
}

// mayShareDeletion is false when two words surely share no deletion key.
func (s signature) mayShareDeletion(t signature) bool {
	return s.runes-t.runes <= 1 && t.runes-s.runes <= 1 && bits.OnesCount64(s.set^t.set) <= 2
}

// shareDeletion reports whether two words share a deletion key, as the
// index would find them: by comparing their deletion hashes.
func shareDeletion(x, y string) bool {
	var buf [33]uint64
	hx := buf[:0]
	eachDeletion(x, func(h uint64) { hx = append(hx, h) })
	found := false
	eachDeletion(y, func(h uint64) {
		if !found && slices.Contains(hx, h) {
			found = true
		}
	})
	return found
}

// deletionKeys is the sorted index of the deletion keys of the forms.
type deletionKeys []deletionKey

type deletionKey struct {
	hash uint64
	form int
}

// deletionIndex indexes the deletion keys of words (by their index in
// words).
func deletionIndex(forms []string) deletionKeys {
	keys := make(deletionKeys, 0, len(forms)*9)
	for fi, w := range forms {
		eachDeletion(w, func(h uint64) { keys = append(keys, deletionKey{h, fi}) })
	}
	slices.SortFunc(keys, func(x, y deletionKey) int { return cmp.Or(cmp.Compare(x.hash, y.hash), cmp.Compare(x.form, y.form)) })
	return keys
}

// maxNearPerKey bounds how many forms one deletion key gives: an article
// has a handful of spellings of one name, and a text of thousands of
// spellings one letter apart stays linear.
const maxNearPerKey = 16

// near appends to buf the forms that share a deletion key with s, each
// once, in order of first use: at most maxNearPerKey for each key.
func (keys deletionKeys) near(s string, buf []int) []int {
	eachDeletion(s, func(h uint64) {
		k, _ := slices.BinarySearchFunc(keys, h, func(d deletionKey, h uint64) int { return cmp.Compare(d.hash, h) })
		for n := 0; k < len(keys) && keys[k].hash == h && n < maxNearPerKey; k, n = k+1, n+1 {
			buf = append(buf, keys[k].form)
		}
	})
	slices.Sort(buf)
	return slices.Compact(buf)
}

// eachDeletion calls f with the hash of w and of every string made by
// deleting one code point of w: two words within one edit (substitution,
// insertion, deletion or a swap of neighbours) always share one of these.
// The hash (people.HashString) runs over the bytes before and after the
// deleted code point, with no string built.
func eachDeletion(w string, f func(uint64)) {
	f(people.HashString(people.HashOffset, w))
	for i := range w {
		_, n := utf8.DecodeRuneInString(w[i:]) // 1 for a byte that is not UTF-8
		f(people.HashString(people.HashString(people.HashOffset, w[:i]), w[i+n:]))
	}
}

// reportVariant reports every use of the variant spelling, with the
// established one as the fix.
func reportVariant(pass *linter.Pass, canon, variant *nameForm) {
	line := pass.Article.Line(canon.first)
	related := []linter.Related{pass.Evidence(canon.uses[0], "the spelling “"+canon.text+"”, first used here")}
	// The more the variant is outnumbered, the likelier a slip: 0.7 on a
	// tie (13 of 18 ties on the dev and political originals were real),
	// 0.9 at three to one (see "The corrections report" in README.md).
	confidence := 1 - 0.3*float64(len(variant.uses))/float64(max(len(canon.uses), 1))
	for _, u := range variant.uses {
		pass.ReportConfident(confidence, u, fmt.Sprintf("“%s” looks like a misspelling of “%s”, which the article uses %d time%s (first on line %d)",
			variant.text, canon.text, len(canon.uses), plural(len(canon.uses)), line), related,
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
func isSlip(canon, variant *nameForm, lower *people.WordSet, maxUses int) bool {
	v, c := variant.text, canon.text
	switch {
	case len(variant.uses) == 0 || len(variant.uses) > maxUses:
		return false
	case lower.Has(strings.ToLower(v)):
		return false // an ordinary word ("Bakers", "Stern")
	case people.IsNonNameWord(v) || people.IsNonNameWord(c) || people.IsDemonymPlural(v) || people.IsDemonymPlural(c):
		return false // "Indians" are a people, not a slip of Indiana
	case related(v, c):
		return false
	case nickname(v, c):
		return false // "Best of luck, Mikey" beside Mike Allen: a pet form
	case variant.surnames.len() > 0 && canon.surnames.len() > 0 && oppositeGivenNames(v, c):
		// "Erica Garner, the oldest daughter of Eric Garner", "Dana
		// Whitlow … her father, Dan Whitlow": first names of a woman and
		// a man are two people, whatever surname they share.
		return false
	case people.BothKnownPlacesOrOrgs(v, c):
		return false // Iran and Iraq, Austria and Australia
	case variant.place && canon.person || variant.person && canon.place:
		return false // Brittain the person, Britain the country
	case (orgOrPlace(variant) || orgOrPlace(canon)) && !sameFrame(canon, variant) && !clearMajority(canon, variant):
		// A word of an organisation's or a place's name is compared where
		// the two spellings stand in the same name (Halvorsen Group,
		// Halvorson Group), or where one long spelling clearly outnumbers
		// the other (Schlumberger three times, Sclumberger once).
		return false
	}
	return !twoPeople(canon, variant)
}

// clearMajority reports whether two spellings are long (six letters or
// more, not an acronym) and the established one is used at least twice as
// often: short words and acronyms one letter apart are often two real
// names (Hindi, Hindu; DART, DARTA), long ones seldom are.
func clearMajority(canon, variant *nameForm) bool {
	long := func(w string) bool { return utf8.RuneCountInString(w) >= 6 && !article.IsAllCaps(w) }
	return long(canon.text) && long(variant.text) && len(canon.uses) >= 2*len(variant.uses)
}

// sameFrame reports whether two spellings stand beside the same word in
// some of their uses: the same name, spelled two ways.
func sameFrame(x, y *nameForm) bool { return shares(x.next, y.next) || shares(x.prev, y.prev) }

// pluralOfAnother reports whether one of two spellings is the plural of
// a third name in the article ("the Johnsons" beside Johnson, near
// Johnston).
func pluralOfAnother(forms *formSet, x, y string) bool {
	for _, w := range []string{x, y} {
		for _, suf := range []string{"s", "es"} {
			if base, ok := strings.CutSuffix(w, suf); ok && base != x && base != y && forms.has(base) {
				return true
			}
		}
	}
	return false
}

// orgOrPlace reports whether a form belongs to the name of an
// organisation or a place and to no name the model knows is a person's
// (Boesky of Ivan Boesky and of Boesky and Co is a person's name).
func orgOrPlace(f *nameForm) bool { return (f.org || f.place) && !f.person }

// related reports whether two spellings are forms of one word: a plural or
// a possessive without apostrophe (the Kennedys), a place and its
// adjective (Korea, Korean; Texas, Texan), or the same letters but for accents and
// apostrophes (Erdoğan / Erdogan, O’Rourke / O'Rourke, AmeriTrust /
// Ameritrust).
func related(v, c string) bool {
	for _, suf := range []string{"s", "es", "n", "an", "ian", "ese", "i"} {
		if v == c+suf || c == v+suf {
			return true
		}
	}
	// A place in -as and its people in -an (Texas, Texan; Kansas, Kansan).
	if len(v) == len(c) && len(v) >= 5 && v[:len(v)-1] == c[:len(c)-1] && strings.ContainsRune("aeiou", rune(v[len(v)-2])) {
		if x, y := v[len(v)-1], c[len(c)-1]; x == 's' && y == 'n' || x == 'n' && y == 's' {
			return true
		}
	}
	return foldName(v) == foldName(c)
}

// twoPeople reports whether two spellings are the names of two people the
// article introduces separately: surnames given with different first
// names (Boris Johnson, Jo Johnston) or with titles of different offices,
// or first names standing before different surnames.
func twoPeople(canon, variant *nameForm) bool {
	if onlyFirst(variant) || onlyFirst(canon) {
		// First names: one person's only when they share a surname.
		return !shares(variant.surnames, canon.surnames)
	}
	if variant.firsts.len() > 0 && canon.firsts.len() > 0 {
		for _, f := range variant.firsts.list {
			if !canon.firsts.has(f) {
				return true
			}
		}
		return false
	}
	if variant.classes.len() > 0 && canon.classes.len() > 0 {
		return !shares(variant.classes, canon.classes)
	}
	// A full name beside a person known only by title and surname is a
	// second person (Donald Regan beside President Reagan); so is one whose
	// surname and the other spelling are both common surnames (Joan
	// Goodman beside Goldman). Beside a bare surname it is otherwise the
	// one introduction, misspelt or not.
	if honorificOnly(canon) && variant.firsts.len() > 0 && canon.classes.len() == 0 {
		// "Chief executive Ingrid Sorenson … Ms Sorensen … Ms Sorensen":
		// a form used only with an honorific, and nobody introduced under
		// it, refers back to the one introduced of its gender, whatever
		// the data say of the two spellings.
		for _, first := range variant.firsts.list {
			if g := people.GivenNameGender(first); g != "" && g != canon.honor {
				return true
			}
		}
		return false
	}
	return variant.firsts.len() > 0 && (canon.classes.len() > 0 || people.BothCommonSurnames(variant.text, canon.text))
}

// honorificOnly reports whether a form is used only after an honorific
// of one gender ("Ms Sorensen"), never alone, with a first name or a
// title.
func honorificOnly(f *nameForm) bool {
	return (f.honor == "male" || f.honor == "female") && !f.plain && f.firsts.len() == 0 && f.classes.len() == 0
}

// onlyFirst reports whether a form is only ever a first name.
func onlyFirst(f *nameForm) bool { return f.surnames.len() > 0 && !f.last }

func shares(x, y wordSet) bool {
	if x.len() > y.len() {
		x, y = y, x
	}
	for _, k := range x.list {
		if y.has(k) {
			return true
		}
	}
	return false
}

// foldName lower-cases a name and removes diacritics and curly
// apostrophes, as the name authority keys names (archive.Fold).
func foldName(s string) string { return archive.Fold(s) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
