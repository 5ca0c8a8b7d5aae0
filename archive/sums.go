package archive

import (
	"cmp"
	"io"
	"slices"
	"strings"
)

// sums are the records of many articles summed in memory: what a Builder
// holds until it writes them, as an authority, to its output or to a run.
// Strings are interned: each is held once, and records point at it.
type sums struct {
	strs     map[string]*str
	ents     map[entKey]*entAgg
	frames   map[frameKey]*frameAgg
	fps      []uint64
	dated    uint64
	first    Day
	latest   Day
	estimate int64 // bytes held, roughly
}

// str is an interned string and, when written, its index.
type str struct {
	s   string
	ref uint32
}

type entKey struct {
	name *str
	kind Kind
}

type entAgg struct {
	key           entKey
	articles      uint64
	first, latest Day
	male, female  uint64
	spell         []spellAgg
	titles        []titleAgg
	// byText indexes spell and titles once they are long (a hostile
	// archive could give one name thousands of spellings).
	byText map[titleKey]int32
	index  uint32 // the entity's index, when written
}

type spellAgg struct {
	text     *str
	shape    uint64
	articles uint64
}

type titleAgg struct {
	class, text   *str
	shape         uint64 // of text
	articles      uint64
	first, latest Day
}

// titleKey finds a spelling (class nil) or a title in entAgg.byText.
type titleKey struct {
	class, text *str
	shape       uint64
}

type frameKey struct {
	kind           FrameKind
	frame, surname *str
	ent            *entAgg
}

type frameAgg struct {
	articles uint64
	latest   Day
}

// Rough sizes of what sums hold, for the estimate: a map entry and the
// value it points to.
const (
	strCost   = 64
	entCost   = 200
	spellCost = 24
	titleCost = 48
	frameCost = 96
	linearMax = 16 // spellings and titles searched in order up to this many
	indexCost = 48 // an entry of entAgg.byText
	fpCost    = 8
)

func newSums() *sums {
	return &sums{strs: map[string]*str{}, ents: map[entKey]*entAgg{}, frames: map[frameKey]*frameAgg{}}
}

// intern returns the interned copy of v (a copy, so that nothing holds on
// to the article it came from).
func (s *sums) intern(v string) *str {
	if p := s.strs[v]; p != nil {
		return p
	}
	p := &str{s: strings.Clone(v)}
	s.strs[p.s] = p
	s.estimate += strCost + int64(len(v))
	return p
}

// add sums one article.
func (s *sums) add(a *Article) {
	s.fps = append(s.fps, a.fingerprint)
	s.estimate += fpCost
	if a.day != 0 {
		s.dated++
		s.first = earlier(s.first, a.day)
		s.latest = max(s.latest, a.day)
	}
	aggs := make([]*entAgg, len(a.entities))
	for i := range a.entities {
		aggs[i] = s.addEntity(&a.entities[i], a.day)
	}
	for _, f := range a.frames {
		k := frameKey{kind: f.kind, frame: s.intern(f.frame), surname: s.intern(f.surname), ent: aggs[f.entity]}
		agg := s.frames[k]
		if agg == nil {
			agg = &frameAgg{}
			s.frames[k] = agg
			s.estimate += frameCost
		}
		agg.articles++
		agg.latest = max(agg.latest, a.day)
	}
}

func (s *sums) addEntity(e *articleEntity, day Day) *entAgg {
	k := entKey{s.intern(e.name), e.kind}
	agg := s.ents[k]
	if agg == nil {
		agg = &entAgg{key: k}
		s.ents[k] = agg
		s.estimate += entCost
	}
	agg.articles++
	agg.first = earlier(agg.first, day)
	agg.latest = max(agg.latest, day)
	if e.male {
		agg.male++
	}
	if e.female {
		agg.female++
	}
	for _, sp := range e.spellings {
		k := s.spelling(sp)
		if i, ok := agg.find(k); ok {
			agg.spell[i].articles++
			continue
		}
		agg.spell = append(agg.spell, spellAgg{text: k.text, shape: k.shape, articles: 1})
		s.estimate += spellCost
		s.estimate += agg.indexed(k, len(agg.spell)-1)
	}
	for _, t := range e.titles {
		k := s.spelling(t[1])
		k.class = s.intern(t[0])
		if i, ok := agg.find(k); ok {
			tt := &agg.titles[i]
			tt.articles++
			tt.first = earlier(tt.first, day)
			tt.latest = max(tt.latest, day)
			continue
		}
		agg.titles = append(agg.titles, titleAgg{class: k.class, text: k.text, shape: k.shape, articles: 1, first: day, latest: day})
		s.estimate += titleCost
		s.estimate += agg.indexed(k, len(agg.titles)-1)
	}
	return agg
}

// spelling is how a spelling (or a title's text) is stored: its
// lower-case form and shape when it has one (shapeOf), else itself.
func (s *sums) spelling(sp string) titleKey {
	var buf [64]byte
	if lower, shape, ok := shapeInto(buf[:0], sp); ok {
		return titleKey{text: s.internBytes(lower), shape: shape}
	}
	return titleKey{text: s.intern(sp)}
}

// internBytes is intern, allocating only for a string not held yet.
func (s *sums) internBytes(v []byte) *str {
	if p := s.strs[string(v)]; p != nil {
		return p
	}
	return s.intern(string(v))
}

// find finds a spelling (k.class nil) or a title of the entity.
func (e *entAgg) find(k titleKey) (int, bool) {
	if e.byText != nil {
		i, ok := e.byText[k]
		return int(i), ok
	}
	if k.class == nil {
		for i := range e.spell {
			if e.spell[i].text == k.text && e.spell[i].shape == k.shape {
				return i, true
			}
		}
		return 0, false
	}
	for i := range e.titles {
		if t := &e.titles[i]; t.class == k.class && t.text == k.text && t.shape == k.shape {
			return i, true
		}
	}
	return 0, false
}

// indexed records a new spelling or title at i, indexing them all once
// there are many; it returns the bytes the index took.
func (e *entAgg) indexed(k titleKey, i int) int64 {
	if e.byText != nil {
		e.byText[k] = int32(i)
		return indexCost
	}
	if len(e.spell)+len(e.titles) <= linearMax {
		return 0
	}
	e.byText = make(map[titleKey]int32, 2*(len(e.spell)+len(e.titles)))
	for j, sp := range e.spell {
		e.byText[titleKey{text: sp.text, shape: sp.shape}] = int32(j)
	}
	for j, t := range e.titles {
		e.byText[titleKey{class: t.class, text: t.text, shape: t.shape}] = int32(j)
	}
	return indexCost * int64(len(e.byText))
}

func (s *sums) empty() bool { return len(s.fps) == 0 }

// write writes the sums as an authority.
func (s *sums) write(w io.Writer) error {
	fw := newFileWriter(w)
	// Every word of a name is a word of the table.
	var names []*str
	for _, p := range s.strs {
		if strings.IndexByte(p.s, ' ') >= 0 {
			names = append(names, p)
		}
	}
	type name struct {
		p     *str
		words []*str
	}
	split := make([]name, len(names))
	for i, p := range names {
		parts := strings.Split(p.s, " ")
		n := name{p: p, words: make([]*str, len(parts))}
		for k, w := range parts {
			n.words[k] = s.intern(w)
		}
		split[i] = n
	}
	words := make([]*str, 0, len(s.strs)-len(names))
	for _, p := range s.strs {
		if strings.IndexByte(p.s, ' ') < 0 {
			words = append(words, p)
		}
	}
	slices.SortFunc(words, func(a, b *str) int { return strings.Compare(a.s, b.s) })
	fw.begin(secWords)
	for i, p := range words {
		p.ref = uint32(i)
		fw.wordRecord([]byte(p.s))
	}
	fw.end(true)
	refs := make([][]uint32, len(split))
	for i, n := range split {
		refs[i] = make([]uint32, len(n.words))
		for k, w := range n.words {
			refs[i][k] = w.ref
		}
	}
	order := make([]int, len(split))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return namesCmp(refs[a], refs[b]) })
	fw.begin(secNames)
	for k, i := range order {
		split[i].p.ref = uint32(len(words) + k)
		fw.nameRecord(refs[i])
	}
	fw.end(true)
	words, split, refs, order = nil, nil, nil, nil

	ents := make([]*entAgg, 0, len(s.ents))
	for _, e := range s.ents {
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(a, b *entAgg) int {
		if c := cmp.Compare(a.key.name.ref, b.key.name.ref); c != 0 {
			return c
		}
		return cmp.Compare(a.key.kind, b.key.kind)
	})
	var m meta
	m.dated, m.first, m.latest = s.dated, s.first, s.latest
	var rec entityRec
	fw.begin(secEntities)
	for i, e := range ents {
		e.index = uint32(i)
		rec = entityRec{name: e.key.name.ref, kind: e.key.kind, articles: e.articles, first: e.first, latest: e.latest,
			male: e.male, female: e.female, spell: rec.spell[:0], titles: rec.titles[:0]}
		for _, sp := range e.spell {
			rec.spell = append(rec.spell, spellRec{ref: sp.text.ref, shape: sp.shape, articles: sp.articles})
		}
		slices.SortFunc(rec.spell, spellCmp)
		for _, t := range e.titles {
			rec.titles = append(rec.titles, titleRec{class: t.class.ref, text: t.text.ref, shape: t.shape, articles: t.articles, first: t.first, latest: t.latest})
		}
		slices.SortFunc(rec.titles, titleCmp)
		m.count(&rec)
		fw.entityRecord(&rec)
	}
	fw.end(true)
	ents = nil

	frames := make([]frameRec, 0, len(s.frames))
	for k, f := range s.frames {
		frames = append(frames, frameRec{kind: k.kind, frame: k.frame.ref, surname: k.surname.ref, entity: k.ent.index, articles: f.articles, latest: f.latest})
	}
	slices.SortFunc(frames, func(a, b frameRec) int { return frameCmp(&a, &b) })
	fw.begin(secFrames)
	for i := range frames {
		fw.frameRecord(&frames[i])
	}
	fw.end(true)
	frames = nil

	slices.Sort(s.fps)
	fw.begin(secFingerprints)
	for _, fp := range s.fps {
		fw.fingerprint(fp)
	}
	fw.end(false)
	return fw.finish(&m)
}
