package archive

import (
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/people"
)

// Article is what one article adds to an authority: its fingerprint and
// date, and each entity it names (once, however often it names it) with
// the spellings, titles and frames it uses. Collect makes one; a
// Builder sums them.
type Article struct {
	fingerprint uint64
	day         Day
	entities    []articleEntity
	frames      []articleFrame
}

type articleEntity struct {
	name         string // folded
	kind         Kind
	spellings    []string
	titles       [][2]string // class, text
	male, female bool
}

type articleFrame struct {
	kind           FrameKind
	frame, surname string // folded
	entity         int    // index into entities
}

// Fingerprint is the article's fingerprint (Fingerprint of its bytes).
func (a *Article) Fingerprint() uint64 { return a.fingerprint }

// Date is the article's date (0: none).
func (a *Article) Date() Day { return a.day }

// Entities is the number of entities the article adds to.
func (a *Article) Entities() int { return len(a.entities) }

// Collect reads what an analysed article adds to an authority: the
// entities the people model is confident about —
//   - a person (people.Model.PersonLike) with a full name (two words or
//     more) or a title or an honorific;
//   - an organisation or a place (people.KindOrganisation, KindPlace);
//
// each with its spellings as the article writes them (for a person, its
// full forms and its surname alone; for an organisation or a place, its
// name), a person's titles (of a known class; former ones not) and
// gender, and a person's frames: each given name before a surname, each
// title's class and each organisation it is named with (a title's, "GM's
// chief executive", or one named just before its title, "Federal
// Reserve Chair Jerome Powell"), with each of its surnames. An article
// in another language than English (article.Article.Language) adds
// itself, but no entity: the people model reads English.
func Collect(a *article.Article, pm *people.Model) *Article {
	out := &Article{fingerprint: Fingerprint(a.Orig.Bytes), day: ParseDay(a.Date)}
	if !a.Language.English() || pm == nil {
		return out
	}
	c := collector{out: out, art: a, pm: pm, byKey: map[entKeyText]int{}}
	for id := range pm.Entities {
		c.entity(id)
	}
	return out
}

type entKeyText struct {
	name string
	kind Kind
}

type frameKeyText struct {
	kind           FrameKind
	frame, surname string
	entity         int
}

type collector struct {
	out    *Article
	art    *article.Article
	pm     *people.Model
	byKey  map[entKeyText]int
	frames map[frameKeyText]bool
	// The spellings and titles of each entity of out, as sets.
	spellings []set[string]
	titles    []set[[2]string]
	// folded are the words folded last, and their folded forms.
	folded [4][2]string
}

// kindOf is what entity id is recorded as, or 0 when it is not.
func (c *collector) kindOf(id int) Kind {
	e := &c.pm.Entities[id]
	switch e.Kind {
	case people.KindOrganisation:
		return Organisation
	case people.KindPlace:
		return Place
	}
	if c.pm.PersonLike(id) && (e.FullNamed || e.Titled) {
		return Person
	}
	return 0
}

func (c *collector) entity(id int) {
	kind := c.kindOf(id)
	if kind == 0 {
		return
	}
	e := &c.pm.Entities[id]
	name := Fold(strings.TrimSpace(e.Name))
	if name == "" || !c.namedInText(e) {
		return
	}
	k := entKeyText{name, kind}
	i, ok := c.byKey[k]
	if !ok {
		// Two entities of the article with one name (Jérôme Powell and
		// Jerome Powell) are one record: the article counts once.
		i = len(c.out.entities)
		c.byKey[k] = i
		c.out.entities = append(c.out.entities, articleEntity{name: name, kind: kind})
		c.spellings = append(c.spellings, set[string]{})
		c.titles = append(c.titles, set[[2]string]{})
	}
	ae := &c.out.entities[i]
	spellings, titles := &c.spellings[i], &c.titles[i]
	defer func() { ae.spellings, ae.titles = spellings.list, titles.list }()
	var surnames set[string] // folded, of this entity
	for _, mi := range e.Mentions {
		m := &c.pm.Mentions[mi]
		if len(m.Words) == 0 || c.inHeadline(m) {
			continue
		}
		if kind != Person {
			switch m.Form {
			case people.Pronoun, people.RolePhrase:
			default:
				spellings.add(joinWords(m.Words))
			}
			continue
		}
		switch m.Form {
		case people.FullName, people.Surname, people.Honorific, people.TitledName:
		default:
			continue
		}
		sur := m.Words[len(m.Words)-1]
		spellings.add(sur)
		fsur := c.fold(sur)
		surnames.add(fsur)
		if len(m.Words) >= 2 {
			spellings.add(joinWords(m.Words))
			if given := m.Words[0]; !initial(given) {
				c.frame(FrameGiven, c.fold(given), fsur, i)
			}
		}
	}
	if kind != Person {
		return
	}
	switch e.Gender {
	case "male":
		ae.male = true
	case "female":
		ae.female = true
	}
	var roleFrames set[[2]string] // class and organisation
	for ri := range e.Roles {
		r := &e.Roles[ri]
		if r.Class == "" || r.Former {
			continue
		}
		text := roleText(r.Text)
		if text == "" {
			continue
		}
		titles.add([2]string{r.Class, text})
		if !roleFrames.add([2]string{r.Class, r.Org}) {
			continue // its frames are made already
		}
		for _, s := range surnames.list {
			c.frame(FrameTitle, r.Class, s, i)
			if r.Org != "" {
				c.frame(FrameOrganisation, Fold(r.Org), s, i)
			}
		}
	}
	// An organisation named just before a title ("Federal Reserve Chair
	// Jerome Powell").
	for _, mi := range e.Mentions {
		m := &c.pm.Mentions[mi]
		if m.Form != people.TitledName || len(m.Words) == 0 || c.inHeadline(m) {
			continue
		}
		if org := c.orgBefore(int(mi)); org != "" {
			c.frame(FrameOrganisation, org, Fold(m.Words[len(m.Words)-1]), i)
		}
	}
}

// fold is Fold, remembering the words folded last: a person's mentions
// repeat its names.
func (c *collector) fold(w string) string {
	for _, f := range c.folded {
		if f[0] == w {
			return f[1]
		}
	}
	f := Fold(w)
	copy(c.folded[1:], c.folded[:])
	c.folded[0] = [2]string{w, f}
	return f
}

// inHeadline reports a mention in the article's headline, whose words are
// capitalised whatever they are ("U.S. Fears Rise"): not read.
func (c *collector) inHeadline(m *people.Mention) bool {
	return m.Para >= 0 && int(m.Para) < len(c.art.Paragraphs) && c.art.Paragraphs[m.Para].Headline
}

// namedInText reports whether some mention of e outside the headline
// names it.
func (c *collector) namedInText(e *people.Entity) bool {
	for _, mi := range e.Mentions {
		m := &c.pm.Mentions[mi]
		if len(m.Words) > 0 && m.Form != people.Pronoun && m.Form != people.RolePhrase && !c.inHeadline(m) {
			return true
		}
	}
	return false
}

// orgBefore is the folded name of the organisation whose mention ends
// where mention mi begins, or "".
func (c *collector) orgBefore(mi int) string {
	m := &c.pm.Mentions[mi]
	prev := -1
	for _, o := range c.pm.MentionsInSentence(int(m.Sent)) {
		if o == int32(mi) {
			break
		}
		prev = int(o)
	}
	if prev < 0 {
		return ""
	}
	p := &c.pm.Mentions[prev]
	if p.Form != people.Name || p.Kind != people.KindOrganisation || p.EndToken != m.FirstToken || len(p.Words) == 0 {
		return ""
	}
	return Fold(joinWords(p.Words))
}

func (c *collector) frame(kind FrameKind, frame, surname string, entity int) {
	if frame == "" || surname == "" {
		return
	}
	k := frameKeyText{kind, frame, surname, entity}
	if c.frames[k] {
		return
	}
	if c.frames == nil {
		c.frames = map[frameKeyText]bool{}
	}
	c.frames[k] = true
	c.out.frames = append(c.out.frames, articleFrame{kind: kind, frame: frame, surname: surname, entity: entity})
}

// roleText is a title as written, without a leading article ("the prime
// minister": "prime minister").
func roleText(t string) string {
	t = strings.TrimSpace(t)
	for _, det := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if rest, ok := strings.CutPrefix(t, det); ok {
			return strings.TrimSpace(rest)
		}
	}
	return t
}

// initial reports a given name that is an initial ("J.", "J").
func initial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) <= 1 || len(w) == 2 && w[1] == '.'
}

func joinWords(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words, " ")
}

// set is a set in insertion order: a short list searched in order, and
// past setLinear members a map too, so that adding stays constant time
// however many members a hostile article gives one entity.
type set[T comparable] struct {
	list []T
	m    map[T]struct{}
}

const setLinear = 16

// add adds v and reports whether it is new.
func (s *set[T]) add(v T) bool {
	if s.m != nil {
		if _, ok := s.m[v]; ok {
			return false
		}
		s.m[v] = struct{}{}
	} else {
		for _, w := range s.list {
			if w == v {
				return false
			}
		}
		if len(s.list) >= setLinear {
			s.m = make(map[T]struct{}, 2*len(s.list)+2)
			for _, w := range s.list {
				s.m[w] = struct{}{}
			}
			s.m[v] = struct{}{}
		}
	}
	s.list = append(s.list, v)
	return true
}
