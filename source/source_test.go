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
	q := hashes("two three four FIVE 6 seven eight")
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
