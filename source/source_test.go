package source

import (
	"slices"
	"testing"
)

func hashes(s string) []uint64 {
	var out []uint64
	Words([]byte(s), false, func(_, _ int, h uint64) { out = append(out, h) })
	return out
}

func TestLabels(t *testing.T) {
	for line, want := range map[string]string{
		"LUKASHENKO: We support you.":         "LUKASHENKO",
		"Q: Will fares go up?":                "Q",
		"MR. SMITH: Yes.":                     "MR. SMITH",
		"Jane Doe (Reuters): A question.":     "Jane Doe (Reuters)",
		"LUKASHENKO":                          "LUKASHENKO",
		"The meeting began at 10:30 sharp.":   "",
		"Note: this is prose, not a speaker.": "",
		"We said it: all of it.":              "",
	} {
		got, _, _ := Label([]byte(line))
		if got != want {
			t.Errorf("Label(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestFoldedWordsMatch(t *testing.T) {
	a := hashes("“We’ve — always,” SAID   it...")
	b := hashes("we've always said it")
	if !slices.Equal(a, b) {
		t.Errorf("folded words differ: %v / %v", a, b)
	}
}

func TestCaptions(t *testing.T) {
	vtt := "WEBVTT\n\nNOTE a note with words\n\ncue-1\n00:00:01.000 --> 00:00:02.000\n<v.loud Ana Ruiz>We will <i>open</i> the bridge\n\n00:00:02.000 --> 00:00:03.000\nin May.\n"
	srt := "1\n00:00:01,000 --> 00:00:02,000\nRUIZ: We will open the bridge\n\n2\n00:00:02,000 --> 00:00:03,000\nin May.\n"
	for _, f := range []File{{Path: "a.vtt", Text: []byte(vtt), Format: WebVTT}, {Path: "a.srt", Text: []byte(srt), Format: SRT}} {
		x := Build([]File{f})
		q := hashes("We will open the bridge in May")
		m, ok := x.Find(q, make([]bool, len(q)), 0, 0)
		if !ok || !m.Exact() || x.Words() != len(q) {
			t.Fatalf("%s: found %v exact %v, %d words indexed", f.Path, ok, m.Exact(), x.Words())
		}
		sp := x.Speakers(m.Start, m.End)
		if want := map[string]string{"a.vtt": "Ana Ruiz", "a.srt": "RUIZ"}[f.Path]; !slices.Equal(sp, []string{want}) {
			t.Errorf("%s: speakers %q, want %q", f.Path, sp, want)
		}
		if l := x.Where(m.Start, m.End); l.Line != 7 && f.Format == WebVTT || l.Line != 3 && f.Format == SRT {
			t.Errorf("%s: line %d", f.Path, l.Line)
		}
	}
}

func TestFindChangedAndJoined(t *testing.T) {
	x := Build([]File{{Path: "t.txt", Text: []byte("A: one two three four five six seven eight.\n\nQ: Why?\n\nA: nine ten eleven twelve thirteen fourteen.\n")}})
	q := hashes("two three four FIVE half seven eight")
	m, ok := x.Find(q, make([]bool, len(q)), 0, 0)
	if !ok || m.Exact() || x.Text(m.Start, m.End) != "two three four five six seven eight" {
		t.Fatalf("changed: ok %v exact %v %q", ok, m.Exact(), x.Text(m.Start, m.End))
	}
	q = hashes("five six seven eight nine ten eleven twelve")
	m, ok = x.Find(q, make([]bool, len(q)), 0, 0)
	if !ok || !m.Joined || m.Split != 4 {
		t.Fatalf("joined: ok %v joined %v split %d", ok, m.Joined, m.Split)
	}
}

func TestFrontMatter(t *testing.T) {
	for doc, want := range map[string][]string{
		"---\ntitle: x\nsources: [a.txt, \"b c.srt\"]\n---\nText": {"a.txt", "b c.srt"},
		"---\nsources:\n  - a.txt\n  - 'dir/'\ndate: 2026\n---\n": {"a.txt", "dir/"},
		"+++\nsources = [\"a.vtt\"]\n+++\n":                       {"a.vtt"},
		"No front matter.\nsources: a.txt\n":                      nil,
	} {
		if got := FrontMatter([]byte(doc)); !slices.Equal(got, want) {
			t.Errorf("FrontMatter(%q) = %q, want %q", doc, got, want)
		}
	}
}

// What editors may write another way is the same word: a small number in
// figures, "&", "%", "cannot"; a spelling is not.
func TestEditorsForms(t *testing.T) {
	for _, same := range [][2]string{
		{"ten 3 twenty", "10 three 20"}, {"the first and 2nd", "the 1st & second"}, {"4% rise", "4 percent rise"}, {"cannot", "can't"},
	} {
		if a, b := hashes(same[0]), hashes(same[1]); !slices.Equal(a, b) {
			t.Errorf("%q and %q differ", same[0], same[1])
		}
	}
	for _, differ := range [][2]string{{"honour", "honor"}, {"organise", "organize"}, {"21", "twenty-one"}, {"ten", "11"}} {
		if a, b := hashes(differ[0]), hashes(differ[1]); slices.Equal(a, b) {
			t.Errorf("%q and %q are the same", differ[0], differ[1])
		}
	}
}

// Two words are one as a contraction or a compound written as one, but
// only across spaces or hyphens.
func TestJoinedWords(t *testing.T) {
	for _, c := range []struct {
		a, sep, b, one string
	}{
		{"We", " ", "have", "we’ve"}, {"do", " ", "not", "don't"}, {"it", " ", "is", "it's"}, {"it", " ", "has", "it's"},
		{"I", " ", "am", "I'm"}, {"will", " ", "not", "won't"}, {"can", " ", "not", "cannot"}, {"let", " ", "us", "let's"},
		{"they", "\n", "would", "they'd"}, {"e", "-", "mail", "email"}, {"health", " ", "care", "healthcare"},
		{"per", " ", "cent", "percent"}, {"per", " ", "cent", "%"},
	} {
		if got := joinHash([]byte(c.a), []byte(c.sep), []byte(c.b)); got != hashes(c.one)[0] {
			t.Errorf("%q %q: not %q", c.a, c.b, c.one)
		}
	}
	for _, c := range [][3]string{{"health", ", ", "care"}, {"it", "\n\n", "is"}, {"it", ". ", "is"}} {
		if got := joinHash([]byte(c[0]), []byte(c[1]), []byte(c[2])); got != 0 {
			t.Errorf("%q %q %q joined", c[0], c[1], c[2])
		}
	}
	if joinHash([]byte("we"), []byte("-"), []byte("have")) == hashes("we've")[0] {
		t.Error("a hyphen makes a contraction")
	}
	if joinHash([]byte("the"), []byte(" "), []byte("us")) == hashes("the's")[0] {
		t.Error(`"us" is written "'s" after "let" only`)
	}
}

// A quotation is found as said when it writes out a contraction the source
// makes, or makes one the source writes out, even when each of its
// four-word runs holds one; "it is" for "it has" is a word changed.
func TestLocateContractions(t *testing.T) {
	x := Build([]File{{Path: "t.txt", Text: []byte("DUARTE: It has been a long winter. We've asked the engineers for a report, and it is due in June.\n")}})
	for _, c := range []struct {
		quote string
		exact bool
	}{
		{"It's been a long winter", true},
		{"We have asked the engineers", true},
		{"and it's due in June", true},
		{"It is been a long winter", false},
		{"We have asked the engineers for a short report", false},
	} {
		parts := Quote(c.quote, 0)
		if !x.Locate(parts) || len(parts) != 1 || !parts[0].Found {
			t.Errorf("%q: not found", c.quote)
			continue
		}
		if got := parts[0].Match.Exact(); got != c.exact {
			t.Errorf("%q: exact %v, want %v (%q)", c.quote, got, c.exact, x.Text(parts[0].Match.Start, parts[0].Match.End))
		}
	}
}

// The labels of a file are listed once each, in the order they first
// speak.
func TestFileSpeakers(t *testing.T) {
	x := Build([]File{{Path: "a.txt", Text: []byte("Q: One?\n\nOKONJO: Yes.\n\nQ: Two?\n\nMS. VARGA: No.\n")}, {Path: "b.txt", Text: []byte("A statement.\n")}})
	if got := x.FileSpeakers(0); !slices.Equal(got, []string{"Q", "OKONJO", "MS. VARGA"}) {
		t.Errorf("a.txt: %q", got)
	}
	if got := x.FileSpeakers(1); len(got) != 0 {
		t.Errorf("b.txt: %q", got)
	}
}

// A short part after an ellipsis is found near the part before it, with
// a contraction the source writes out.
func TestLocateShortPartWithContraction(t *testing.T) {
	x := Build([]File{{Path: "t.txt", Text: []byte("DUARTE: We've asked the engineers for a full report. I will not close the pool.\n")}})
	parts := Quote("We have asked the engineers … I won't close", 0)
	if !x.Locate(parts) || len(parts) != 2 {
		t.Fatalf("parts %d", len(parts))
	}
	for i, p := range parts {
		if !p.Found || !p.Match.Exact() {
			t.Errorf("part %d: found %v exact %v", i, p.Found, p.Match.Exact())
		}
	}
	if got := x.Text(parts[1].Match.Start, parts[1].Match.End); got != "I will not close" {
		t.Errorf("part 2 is %q", got)
	}
}
