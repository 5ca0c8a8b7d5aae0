package rules

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
	"github.com/stretchr/testify/require"
)

var awkward = []string{
	"",
	"\ufeff",
	"\r\n\r\n\r\n",
	"\xff\xfe\xfd “invalid utf8 said \xc3 Smith",
	strings.Repeat("Mr. Smith said “yes” and he left. ", 5000),
	strings.Repeat("a", 200000) + ".",
	"“Q,” said\n\n“\n\n“",
	"\ufeffPresident Ana Lis\r\nsaid: “We won.”\r\n\r\nThe 45-year-old Lis, 47, said she was happy. Monday, February 30, 2020.",
	"<!-- newslint-disable -->\n<!-- newslint-enable x -->\n<!-- newslint-disable-next-line -->",
	"He said she said they said.",
	"Minister Minister Minister Smith Smith Smith’s ’s 's",
	// Articles that end inside what the people model reads ahead of a
	// word: a region after a place, a weekday after a given name, a
	// reporting clause, an appositive, a compound.
	"Hale spoke in Worcester, Massachusetts",
	"Speaking to MSNBC's Morning Joe Monday",
	"A win would stop Ruiz, his team",
	"The agency's director, Paul",
	"Tom Hale paid their student loan",
	"Obama himself",
	"Tom Hale said that when she arrives,",
}

// Every rule runs on awkward input in every input format without a panic
// (a recovered panic would show as an internal error).
func TestAllRulesOnAwkwardInput(t *testing.T) {
	l := defaultLinter(t)
	l.ReportUnusedSuppressions = true
	for _, in := range awkward {
		for _, f := range []markup.Format{markup.Text, markup.Markdown, markup.HTML} {
			findings, err := l.Lint("x", []byte(in), f)
			require.NoError(t, err, "%q as %v", in[:min(40, len(in))], f)
			for _, fd := range findings {
				require.True(t, fd.Start.Offset <= fd.End.Offset && fd.End.Offset <= len(in), "%v", fd)
			}
		}
	}
}

func FuzzLint(f *testing.F) {
	for _, in := range awkward {
		if len(in) < 2000 {
			f.Add([]byte(in), uint8(0))
		}
	}
	f.Add([]byte("# T\n\n“Q,” said Kobyakov.\n\n```\nx\n```\n"), uint8(1))
	f.Add([]byte("<p>&ldquo;Q,&rdquo; said <b>X Y</b>.</p>"), uint8(2))
	l := &engine.Linter{Rules: All()}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		findings, err := l.Lint("f", data, markup.Format(format%3))
		if err != nil {
			t.Fatalf("internal error: %v", err)
		}
		for _, fd := range findings {
			if fd.Start.Offset > fd.End.Offset || fd.End.Offset > len(data) {
				t.Fatalf("bad span %+v", fd)
			}
		}
	})
}

// FuzzFix lints, then applies the fixes: every suggested edit lies inside
// its finding's span and the file, and applying them never changes the
// text before the first finding or after the last.
func FuzzFix(f *testing.F) {
	f.Add([]byte("Headline\n\nJohn Smith said he would go. Smith said he will. Smith said she has gone.\n"), uint8(0))
	f.Add([]byte("Ana Kovacs met Ana Kovacs. Kovacs spoke. Kovac spoke.\n"), uint8(0))
	f.Add([]byte("<p>Ana Kovacs met Ana Kovacs. Kovacs spoke. Kov&aacute;c spoke.</p>"), uint8(2))
	l := &engine.Linter{Rules: All()}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		findings, err := l.Lint("f", data, markup.Format(format%3))
		if err != nil {
			t.Fatalf("internal error: %v", err)
		}
		first, last := len(data), 0
		for _, fd := range findings {
			for _, s := range fd.Suggestions {
				for _, e := range s.Edits {
					if e.Start.Offset < fd.Start.Offset || e.End.Offset > fd.End.Offset || e.Start.Offset > e.End.Offset || e.End.Offset > len(data) {
						t.Fatalf("edit %+v outside its finding %+v", e, fd)
					}
				}
			}
			if len(fd.Suggestions) > 0 {
				first, last = min(first, fd.Start.Offset), max(last, fd.End.Offset)
			}
		}
		out, n := linter.ApplyFixes(data, findings)
		if n == 0 {
			if !bytes.Equal(out, data) {
				t.Fatal("nothing fixed, yet the text changed")
			}
			return
		}
		if !bytes.HasPrefix(out, data[:first]) || !bytes.HasSuffix(out, data[last:]) {
			t.Fatalf("a fix changed text outside the findings [%d, %d)", first, last)
		}
	})
}

// TestNearSpellingsOneFindingEach: a text of hundreds of spellings of one
// name, each one letter from all the others, gives each spelling at most
// one finding (it gave each one for every spelling it is near: 45,000
// findings for 10 KB, and ran out of memory at 100 KB).
func TestNearSpellingsOneFindingEach(t *testing.T) {
	text := nearSpellings(10 << 10)
	l := defaultLinter(t)
	res, err := l.Lint("near.txt", text, markup.Text)
	if err != nil {
		t.Fatal(err)
	}
	variants := strings.Count(string(text), "said Mr ")
	perSpan := map[int]int{}
	n := 0
	for _, f := range res {
		if f.Rule == "name-spelling" {
			n++
			perSpan[f.Start.Offset]++
		}
	}
	if n > variants {
		t.Errorf("%d name-spelling findings for %d spellings", n, variants)
	}
	for off, k := range perSpan {
		if k > 1 {
			t.Errorf("%d findings at offset %d: a spelling is reported once", k, off)
		}
	}
}
