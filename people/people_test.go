package people

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsed is an article with its people model.
type parsed struct {
	*article.Article
	pm *Model
}

func parse(path, text string, gazetteer ...Person) parsed {
	a := article.ParseText(path, text)
	return parsed{a, Analyse(a, gazetteer)}
}

func entityNamed(t *testing.T, a parsed, name string) *Entity {
	t.Helper()
	for i := range a.pm.Entities {
		if a.pm.Entities[i].Name == name {
			return &a.pm.Entities[i]
		}
	}
	t.Fatalf("no entity %q", name)
	return nil
}

func mentionTexts(a parsed, e *Entity) []string {
	var out []string
	for _, mi := range e.Mentions {
		out = append(out, a.Text(a.pm.Mentions[mi].Span()))
	}
	return out
}

func TestSeedEntities(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	a := parse(path, string(data))
	luka := entityNamed(t, a, "Alexander Lukashenko")
	assert.Equal(t, []string{
		"Belarus President Alexander Lukashenko", "The Belarusian head of state", "Alexander Lukashenko",
		"the Belarus President", "Alexander Lukashenko", "the Belarusian leader",
	}, mentionTexts(a, luka))
	naz := entityNamed(t, a, "Nursultan Nazarbayev")
	assert.Equal(t, []string{
		"Kazakhstan President Nursultan Nazarbayev", "Nursultan Nazarbayev", "The Kazakhstan President", "Nursultan Nazarbayev",
	}, mentionTexts(a, naz))
	kob := entityNamed(t, a, "Andrei Kobyakov")
	assert.Len(t, kob.Mentions, 1)
	assert.False(t, kob.Introduced)

	// The paragraph on line 11 reports a statement by Lukashenko.
	pi := -1
	for i, p := range a.Paragraphs {
		if a.Src.Position(p.Start()).Line == 11 {
			pi = i
		}
	}
	require.GreaterOrEqual(t, pi, 0)
	assert.Equal(t, luka.ID, int(a.pm.Subject(pi).Entity))
	assert.Contains(t, a.pm.SubjectEvidence(a.Article, pi), "the Belarus President")
}

// speakers maps each double quotation's first words to its speaker's
// entity name and pattern.
func speakers(a parsed) map[string]string {
	out := map[string]string{}
	for qi, q := range a.Quotes {
		if q.Single {
			continue
		}
		words := strings.Fields(a.Text(q.Content()))
		key := strings.Join(words[:min(3, len(words))], " ")
		at := a.pm.Attribution(qi)
		if at.Entity < 0 {
			out[key] = "-"
			continue
		}
		out[key] = a.pm.Entities[at.Entity].Name + " / " + at.Pattern
	}
	return out
}

func TestAttributionPatterns(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "quote-attribution", "patterns.txt"))
	require.NoError(t, err)
	a := parse("patterns.txt", string(data))
	assert.Equal(t, map[string]string{
		"Trains will run":    "Helen Carver / after-quote",  // “Q,” said X.
		"We listened to":     "Helen Carver / after-quote",  // “Q,” X said.
		"And we listened":    "Helen Carver / continues",    // split quote
		"The old timetable":  "Helen Carver / before-quote", // X told reporters, “Q”
		"Nobody should wait": "Helen Carver / before-quote", // The minister said: “Q”
		"Every line gets":    "Helen Carver / continues",    // quote-only paragraph
		"the first new":      "Helen Carver / according-to", // According to X, “Q”
		"We have heard":      "Paolo Ferri / after-quote",   // he said
		"We will judge":      "Paolo Ferri / after-quote",   // added the union leader
	}, speakers(a))
}

func TestAttributionMore(t *testing.T) {
	text := "Harbour chief Ana Roe spoke on Monday.\n\n" +
		"“It was a long night,” Roe later told reporters.\n\n" +
		"Analyst Tim Bell, 45, disagreed. Bell said: “The port is finished.”\n\n" +
		"President Joe Dunn congratulated Roe, saying, “Well done.”\n\n" +
		"One of the sources quoted Roe as saying, “No, never.”\n\n" +
		"The so-called “reform” failed."
	a := parse("t.txt", text)
	assert.Equal(t, map[string]string{
		"It was a":    "Ana Roe / after-quote",
		"The port is": "Tim Bell / before-quote",
		"Well done.":  "Joe Dunn / before-quote",
		"No, never.":  "Ana Roe / before-quote",
		"reform":      "-",
	}, speakers(a))
	bell := entityNamed(t, a, "Tim Bell")
	assert.True(t, bell.Introduced)
	require.NotEmpty(t, bell.Roles)
	assert.Equal(t, "analyst", bell.Roles[0].Class)
}

func TestRolePhrasesDoNotGuess(t *testing.T) {
	text := "Foreign Minister Ana Lis met Foreign Minister Jan Berg in Oslo. The minister said the talks went well.\n\n" +
		"Finance Minister Eva Holm stayed home. The Kazakh leader was not invited."
	a := parse("t.txt", text)
	roles := map[string]int{}
	for _, m := range a.pm.Mentions {
		if m.Form == RolePhrase {
			roles[a.Text(m.Span())] = int(m.Entity)
		}
	}
	require.Contains(t, roles, "The minister")
	assert.Equal(t, -1, roles["The minister"], "two foreign ministers: the minister is ambiguous")
	require.Contains(t, roles, "The Kazakh leader")
	assert.Equal(t, -1, roles["The Kazakh leader"], "nobody here is Kazakh")
	// "the finance minister" is Holm.
	a = parse("t.txt", "Finance Minister Eva Holm and Foreign Minister Ana Lis met. The finance minister said it went well.")
	holm := entityNamed(t, a, "Eva Holm")
	assert.Contains(t, mentionTexts(a, holm), "The finance minister")
}

func TestSurnamesJoinFullNames(t *testing.T) {
	a := parse("t.txt", "Ed Miliband and David Miliband spoke. Miliband said no. Mr. Smith and John Smith arrived. Smith left.")
	ed := entityNamed(t, a, "Ed Miliband")
	david := entityNamed(t, a, "David Miliband")
	assert.NotEqual(t, ed.ID, david.ID)
	assert.Len(t, ed.Mentions, 1, "a bare Miliband is ambiguous between the brothers")
	smith := entityNamed(t, a, "John Smith")
	assert.Len(t, smith.Mentions, 3)
	assert.Equal(t, "male", smith.Gender, "Mr. gives the gender")
}

// TestNamesakeCalledFirst checks that a bare surname the article used for
// one person before it named a namesake stays that person's, and that a
// title still tells them apart.
func TestNamesakeCalledFirst(t *testing.T) {
	a := parse("t.txt", "Senator Ilona Varga spoke first. Varga said the plan was fair. "+
		"Former Governor Peter Varga, her husband, agreed. Varga said she would vote. Governor Varga left early.")
	ilona := entityNamed(t, a, "Ilona Varga")
	peter := entityNamed(t, a, "Peter Varga")
	assert.Equal(t, []string{"Senator Ilona Varga", "Varga", "Varga"}, mentionTexts(a, ilona))
	assert.Equal(t, []string{"Former Governor Peter Varga", "Governor Varga"}, mentionTexts(a, peter))
	assert.Equal(t, ilona.ID, a.pm.CalledBy("Varga"), "the article's bare Varga is hers")
	assert.Equal(t, -1, a.pm.CalledBy("Peter"))
	// A look-alike: the bare surname comes only after both are named, so
	// it is either's.
	a = parse("t.txt", "Ed Miliband and David Miliband spoke. Miliband said no.")
	assert.Len(t, entityNamed(t, a, "Ed Miliband").Mentions, 1)
	assert.Equal(t, -1, a.pm.CalledBy("Miliband"))
	// And a headline's bare surname, before anyone is named, decides
	// nothing.
	a = parse("t.txt", "Varga wins.\n\nSenator Ilona Varga spoke. Former Governor Peter Varga agreed. Varga said no.")
	assert.Len(t, entityNamed(t, a, "Ilona Varga").Mentions, 1)
}

// TestNamesakeRelative checks that a relative set off by a comma after
// a kinship noun ("his daughter, Lena Brandt") goes by first name, so a
// bare surname is the other namesake's, and that a kinship noun inside a
// quotation ("my dear sister Ana Reyes") makes nobody a relative.
func TestNamesakeRelative(t *testing.T) {
	a := parse("t.txt", "Lena Brandt, a nurse, arrived early. Governor Tom Brandt spoke later, with his daughter, Lena Brandt, beside him. Brandt said the bill would pass.")
	tom := entityNamed(t, a, "Tom Brandt")
	assert.Equal(t, []string{"Governor Tom Brandt", "Brandt"}, mentionTexts(a, tom))
	assert.True(t, entityNamed(t, a, "Lena Brandt").Relative())
	a = parse("t.txt", "Councilwoman Ana Reyes won. \"Tonight we celebrate my dear sister Ana Reyes,\" said Pastor Ben Ortiz. "+
		"Reyes said she was grateful. Her husband, former mayor Tom Reyes, ran the campaign.")
	ana := entityNamed(t, a, "Ana Reyes")
	assert.False(t, ana.Relative(), "a kinship noun in a quotation is the speaker's figure of speech")
	assert.Contains(t, mentionTexts(a, ana), "Reyes")
}

func TestNameForms(t *testing.T) {
	a := parse("t.txt", "J. R. Smith met Jean-Claude Juncker, Mohammed bin Salman and Sen. Elizabeth Warren.")
	var names []string
	for _, e := range a.pm.Entities {
		names = append(names, e.Name)
	}
	assert.ElementsMatch(t, []string{"J. R. Smith", "Jean-Claude Juncker", "Mohammed bin Salman", "Elizabeth Warren"}, names)
}

func TestGazetteer(t *testing.T) {
	a := parse("t.txt", "Lukashenka spoke first. The Belarusian leader said little.",
		Person{Name: "Alexander Lukashenko", Aliases: []string{"Lukashenka"}, Titles: []string{"President of Belarus"}, Gender: "male"})
	e := entityNamed(t, a, "Alexander Lukashenko")
	assert.Equal(t, []string{"Lukashenka", "The Belarusian leader"}, mentionTexts(a, e))
	assert.Equal(t, "male", e.Gender)
}

func TestCountries(t *testing.T) {
	for w, code := range map[string]string{
		"Belarus": "BLR", "Belarusian": "BLR", "Kazakhstan": "KAZ", "Kazakh": "KAZ", "Kazakhstani": "KAZ",
		"U.S.": "USA", "American": "USA", "Afghan": "AFG", "British": "GBR", "Martin": "", "Smith": "",
	} {
		assert.Equal(t, code, countryOf(w), w)
	}
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 0, EditDistance("Nazarbayev", "Nazarbayev", 2))
	assert.Equal(t, 1, EditDistance("Nazarbayev", "Nazarbaev", 2))
	assert.Equal(t, 1, EditDistance("Pelosi", "Pelsoi", 2), "a swap of neighbours is one edit")
	assert.Equal(t, 3, EditDistance("Smith", "Jones", 2), "stops at max+1")
	assert.True(t, NearVariant("Lukashenko", "Lukashenka"))
	assert.True(t, NearVariant("Zelensky", "Zelinsky"))
	assert.False(t, NearVariant("Johnson", "Johnson"))
	assert.False(t, NearVariant("Bell", "Ball"), "too short to judge")
	assert.False(t, NearVariant("Miller", "Tiller"), "different first letter")
}

func TestPreposedRoleAndSentenceFinalQuote(t *testing.T) {
	text := "Labour candidate Priya Natarajan won.\n\n" +
		"The Conservative candidate, Mark Hollis, came second. Turnout of 19 per cent showed voters were “switched off”. He added: “We will be back.”"
	a := parse("t.txt", text)
	hollis := entityNamed(t, a, "Mark Hollis")
	natarajan := entityNamed(t, a, "Priya Natarajan")
	assert.NotContains(t, mentionTexts(a, natarajan), "The Conservative candidate", "a role before a comma and a name introduces that name")
	assert.True(t, hollis.Introduced)
	assert.Equal(t, map[string]string{
		"switched off": "-",
		"We will be":   "Mark Hollis / before-quote",
	}, speakers(a), "a quotation that ends its sentence takes no speaker from the next one")
}

// TestHasNearVariant: a near spelling is found among few capitalised
// words (one list) and among many (the index by shape), and a word far
// from every other is not.
func TestHasNearVariant(t *testing.T) {
	for _, n := range []int{10, maxNearCompares + 50} {
		pm := &Model{capWordCount: map[string]int{"Nazarbayev": 3, "Lukashenko": 2}}
		pm.capOnce.Do(func() {}) // the words are those above
		for i := 0; len(pm.capWordCount) < n; i++ {
			pm.capWordCount[fmt.Sprintf("Qx%dzz", i)] = 1
		}
		assert.True(t, pm.HasNearVariant("Nazarbaev"), "n=%d", n)
		assert.True(t, pm.HasNearVariant("Lukashenka"), "n=%d", n)
		assert.False(t, pm.HasNearVariant("Kobyakov"), "n=%d", n)
		assert.False(t, pm.HasNearVariant("Mazarbayev"), "n=%d: the first letter differs", n)
	}
}

// TestMergeMentions: merging into a first list with no spare room (it
// grows) and into one with room gives the text order, with the
// second list's mention first on a tie.
func TestMergeMentions(t *testing.T) {
	mk := func(tag int, firsts ...int) []Mention {
		var ms []Mention
		for k, f := range firsts {
			ms = append(ms, Mention{FirstToken: int32(f), Age: int32(tag + k)})
		}
		return ms
	}
	key := func(ms []Mention) []string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprint(int(m.FirstToken), "/", int(m.Age)))
		}
		return out
	}
	x, y := mk(100, 1, 4, 4, 9), mk(200, 0, 4, 7, 12)
	want := []string{"0/200", "1/100", "4/201", "4/101", "4/102", "7/202", "9/103", "12/203"}
	assert.Equal(t, want, key(mergeMentions(slices.Clip(slices.Clone(x)), y)), "into a new list")
	assert.Equal(t, want, key(mergeMentions(append(make([]Mention, 0, 16), x...), y)), "into x's room")
}

// TestGroupBy: items are listed under their groups, in order, whatever
// order the groups come in; items of no group (-1) are left out; empty
// groups have none, and appending to one group's list does not write into
// the next.
func TestGroupBy(t *testing.T) {
	groups := []int{2, 0, -1, 2, 3, 0, 2}
	gs := groupBy(5, len(groups), func(i int) int { return groups[i] })
	lists := func(gs Groups, n int) [][]int32 {
		var out [][]int32
		for g := -1; g <= n; g++ { // and no group outside the range
			out = append(out, gs.Of(g))
		}
		return out
	}
	assert.Equal(t, [][]int32{nil, {1, 5}, nil, {0, 3, 6}, {4}, nil, nil}, lists(gs, 5))
	_ = append(gs.Of(0), 99)
	assert.Equal(t, []int32{0, 3, 6}, gs.Of(2))
	assert.Equal(t, make([][]int32, 5), lists(groupBy(3, 0, nil), 3))
	none := groupBy(2, 2, func(int) int { return -1 })
	assert.Equal(t, make([][]int32, 4), lists(none, 2))
	assert.Nil(t, none.start, "no item, no offsets")
}

// TestJoinWords: words joined by spaces, taken from the text where they
// stand so (a possessive may follow), and built otherwise.
func TestJoinWords(t *testing.T) {
	text := "said Alexander Lukashenko's aide and J. R.  Smith of Halvorsen Group."
	span := func(s string) article.Span {
		k := strings.Index(text, s)
		return article.Span{Start: k, End: k + len(s)}
	}
	for _, c := range []struct {
		words []string
		at    article.Span
		want  string
	}{
		{[]string{"Alexander", "Lukashenko"}, span("Alexander Lukashenko's"), "Alexander Lukashenko"},
		{[]string{"Halvorsen", "Group"}, span("Halvorsen Group"), "Halvorsen Group"},
		{[]string{"J.", "R.", "Smith"}, span("J. R.  Smith"), "J. R. Smith"}, // two spaces in the text
		{[]string{"Alexander", "Lukashenko"}, span("Lukashenko's aide"), "Alexander Lukashenko"},
		{[]string{"Smith"}, article.Span{}, "Smith"},
		{[]string{"Halvorsen", "Group"}, article.Span{Start: 60, End: 999}, "Halvorsen Group"},
	} {
		assert.Equal(t, c.want, joinWords(text, c.words, c.at), "%q", c.words)
	}
	// Taken from the text, not built.
	words, at := []string{"Halvorsen", "Group"}, span("Halvorsen Group")
	assert.Zero(t, testing.AllocsPerRun(10, func() { joinWords(text, words, at) }))
}

// TestMentionSize: a mention's small fields stand together, without
// padding between them; the mention table is the model's largest.
func TestMentionSize(t *testing.T) {
	assert.Equal(t, uintptr(96), unsafe.Sizeof(Mention{}))
	var m Mention
	for _, g := range []string{"male", "female", ""} {
		m.setGender(g)
		assert.Equal(t, g, m.Gender())
	}
	assert.Panics(t, func() { m.setGender("plural") })
}

// TestCapWordsInOrder: the capitalised words, possessive removed, in order
// of first use with its offset, each once, and counted.
func TestCapWordsInOrder(t *testing.T) {
	text := "Anna Berg met Carl. Berg's aide said Anna would go. Carl agreed."
	p := parse("t.txt", text)
	var got []string
	for _, cw := range p.pm.CapWordsInOrder() {
		got = append(got, cw.Text)
		assert.Equal(t, cw.Text, text[cw.First:cw.First+len(cw.Text)])
	}
	assert.Equal(t, []string{"Anna", "Berg", "Carl"}, got)
	assert.Equal(t, map[string]int{"Anna": 2, "Berg": 2, "Carl": 2}, p.pm.CapWords())
}

// TestRoomFollowsWhatTheModelHolds: an article that names a few people
// many times (20,000 mentions of three people) makes room for entities in
// proportion to the people it holds, not to its mentions (issue 21, item
// 11: 4 MB of such text held 13 MB of empty entities).
func TestRoomFollowsWhatTheModelHolds(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("Talks\n\n")
	for i := 0; i < 10000; i++ {
		sb.WriteString("Anna Kowalczyk met Piotr Nowak. Kowalczyk said Nowak agreed with Maria Lis. ")
	}
	a := parse("room.txt", sb.String())
	if len(a.pm.Mentions) < 20000 {
		t.Fatalf("%d mentions: the article should have tens of thousands", len(a.pm.Mentions))
	}
	if got := cap(a.pm.Entities); got > 2*len(a.pm.Entities)+2048 {
		t.Errorf("room for %d entities, holding %d", got, len(a.pm.Entities))
	}
}

// TestOneWordParagraphsPeopleAllocation: an article of 200,000 one-word
// paragraphs that names nobody costs the people model little per
// paragraph (where its sentences' mentions start), not a list header per
// paragraph for its mentions and another for its statements, nor a
// subject (only paragraphs that report on someone keep one), nor a
// subject's evidence in words (109 bytes a paragraph once; 33 with a
// subject of twelve bytes each; 21 now).
func TestOneWordParagraphsPeopleAllocation(t *testing.T) {
	a := article.ParseText("words.txt", "Talks\n\n"+strings.Repeat("word\n\n", 200_000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pm := Analyse(a, nil)
	runtime.ReadMemStats(&after)
	perPara := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(a.Paragraphs))
	t.Logf("%.1f bytes allocated per paragraph", perPara)
	assert.LessOrEqual(t, perPara, 24.0)
	assert.Nil(t, pm.StatementsByPara.start, "no statement, no offsets")
	assert.Nil(t, pm.subjects, "no one named, no subjects")
}

func TestThingListAt(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"He faces states like Texas, Alabama and Oklahoma next week.", "Alabama", true},
		{"He faces states like Texas, Alabama and Oklahoma next week.", "Oklahoma", true},
		{"Firms such as Tinder and Uber refused.", "Tinder", true},
		{"It spread to cities, including Reno and Fresno.", "Fresno", true},
		{"He faces rivals like Haller, Kendall and Morgan.", "Kendall", false},
		{"Conservatives such as Lee and Paul objected.", "Paul", false},
		{"He met Alabama, his sister-in-law, in Texas.", "Alabama", false},
		{"Voters in states like Ohio chose Kendall.", "Kendall", false},
	} {
		a := article.ParseText("t.txt", "Title\n\n"+c.text)
		k := -1
		for i := range a.Tokens {
			if a.Tok(i) == c.word {
				k = i
			}
		}
		if got := ThingListAt(a, k); got != c.want {
			t.Errorf("ThingListAt(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

// TestPlaceAfterQualifier: a place or an organisation may name the role
// after its qualifiers, not only as its first word ("Former Florida Gov.
// Jeb Bush", "former New York City mayor"): the whole phrase is the
// role, which is a former one, and the place is no one.
func TestPlaceAfterQualifier(t *testing.T) {
	text := "Budget vote\n\n" +
		"Former Florida Gov. Jeb Bush said it would pass. Later, former Texas Sen. Kay Hutchison agreed, " +
		"and the former Portland mayor, Sam Adams, did too. Acme chief executive Dana Lee spoke last."
	a := parse("t.txt", text)
	for name, want := range map[string]string{
		"Jeb Bush":      "Former Florida Gov. Jeb Bush",
		"Kay Hutchison": "former Texas Sen. Kay Hutchison",
		"Dana Lee":      "Acme chief executive Dana Lee",
	} {
		e := entityNamed(t, a, name)
		assert.Equal(t, want, mentionTexts(a, e)[0], name)
		require.NotEmpty(t, e.Roles, name)
		assert.Equal(t, name != "Dana Lee", e.Roles[0].Former, "%s: a former office", name)
	}
	for _, e := range a.pm.Entities {
		assert.NotContains(t, []string{"Florida", "Texas Sen"}, e.Name, "a place in a title is no one")
		if e.Name == "Portland" {
			assert.Equal(t, KindPlace, e.Kind, "the place before the mayor's title")
		}
	}
	// One word only: two may be a person's name, who is someone
	// ("Former Hillary Clinton aide", "the Maria Lopez campaign manager").
	a = parse("t.txt", "Budget vote\n\nFormer Hillary Clinton aide Mark Penn agreed. "+
		"The Maria Lopez campaign manager Tom Reed said little.")
	entityNamed(t, a, "Hillary Clinton")
	entityNamed(t, a, "Maria Lopez")
	// Several words where the place data know them as one place, also
	// after a capitalised qualifier that opens the place's name
	// ("former New York City mayor"); an organisation's name that opens
	// with a qualifier stays the organisation's ("the Secret Service
	// agent" is someone of the Secret Service).
	a = parse("t.txt", "Budget vote\n\nThen former New York City mayor Rudy Giuliani spoke. "+
		"The former Salt Lake City mayor Ann Lee agreed.")
	for _, name := range []string{"Rudy Giuliani", "Ann Lee"} {
		e := entityNamed(t, a, name)
		require.NotEmpty(t, e.Roles, name)
		assert.Contains(t, []string{"New York City", "Salt Lake City"}, e.Roles[0].Org, name)
		assert.True(t, e.Roles[0].Former, name)
	}
}

// TestLongRoleRunsAreLinear: a run of qualifiers or of capitalised words
// before a title is read once, not once per word (each step asked again
// whether all the qualifiers before were of tenure, and the name was
// copied word by word): the bytes allocated grow with the run, not with
// its square.
func TestLongRoleRunsAreLinear(t *testing.T) {
	for _, run := range []string{"former ", "Acme "} {
		bytes := func(n int) uint64 {
			text := "T\n\nThe " + strings.Repeat(run, n) + "mayor Tom Hale spoke."
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			parse("t.txt", text)
			runtime.ReadMemStats(&after)
			return after.TotalAlloc - before.TotalAlloc
		}
		small, big := bytes(2000), bytes(16000)
		assert.Less(t, big, 16*small, "%q: %d bytes for 2,000 words, %d for 16,000", run, small, big)
	}
}

// TestWhyIndex: the reasons a name was taken as an organisation's or a
// place's are kept once each, and past 65,535 of them no more are kept.
func TestWhyIndex(t *testing.T) {
	a := &analysis{}
	assert.Equal(t, uint16(0), a.whyIndex(""))
	k := a.whyIndex("a country")
	assert.Equal(t, k, a.whyIndex("a country"))
	assert.NotEqual(t, k, a.whyIndex("a known place"))
	assert.Equal(t, "a country", a.whyOf(&Mention{why: k}))
	assert.Equal(t, "", a.whyOf(&Mention{}))
	for i := 0; i < 70_000; i++ {
		a.whyIndex(fmt.Sprintf("legal form “%d”", i))
	}
	assert.Equal(t, uint16(0), a.whyIndex("one too many"))
	assert.Equal(t, "a country", a.whyOf(&Mention{why: k}))
}
