package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

func devFiles(b *testing.B) (names []string, data [][]byte, total int64) {
	b.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "dev", "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	if len(paths) == 0 {
		b.Skip("../shared/eval/dev not available")
	}
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, p)
		data = append(data, d)
		total += int64(len(d))
	}
	return names, data, total
}

// BenchmarkDevSet lints every article of ../shared/eval/dev with all default
// rules, one after another on one goroutine; MB/s is the throughput of one
// core.
func BenchmarkDevSet(b *testing.B) {
	names, data, total := devFiles(b)
	l := defaultLinter(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range data {
			if _, err := l.Lint(names[j], data[j], markup.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchmarkSize lints one article of about size bytes, built by repeating
// the paragraphs of a written test article.
func benchmarkSize(b *testing.B, size int) {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "bench", "paragraphs.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.Write(seed)
		sb.WriteString("\n\n")
	}
	benchText(b, []byte(sb.String()))
}

// benchText lints one article b.N times and reports its throughput.
func benchText(b *testing.B, text []byte) {
	l := defaultLinter(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Lint("bench.txt", text, markup.Text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkArticle20KB(b *testing.B) { benchmarkSize(b, 20<<10) }
func BenchmarkArticle1MB(b *testing.B)  { benchmarkSize(b, 1<<20) }

// benchmarkOneSentence lints an article that is a single endless sentence
// on a single line, with names and pronouns throughout: every look-back
// window and every column computation is bounded, so its time grows
// linearly too.
func benchmarkOneSentence(b *testing.B, size int) {
	unit := "John Smith said he would go and Smith thinks he will “go” and "
	benchText(b, []byte(strings.Repeat(unit, size/len(unit)+1)))
}

func BenchmarkOneSentence20KB(b *testing.B) { benchmarkOneSentence(b, 20<<10) }
func BenchmarkOneSentence1MB(b *testing.B)  { benchmarkOneSentence(b, 1<<20) }

// Pathological shapes from hostile input, each at two sizes: doubling the
// input must about double the time.

// unclosedQuotes is one paragraph of opening quotation marks that never
// close.
func unclosedQuotes(size int, mark string) []byte {
	return []byte(strings.Repeat(mark+"word ", size/(len(mark)+5)+1))
}

// manySpeakers is one run-on paragraph of distinct speakers, each quoted
// once.
func manySpeakers(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "%s %s said \"yes\". ", []string{"Anna", "Boris", "Chen", "Dara"}[i%4], fakeSurname(i))
	}
	return []byte(sb.String())
}

// reportedSpeech is one run-on paragraph of the shapes the grammar of
// reported speech reads further back for: a statement then a quotation
// with no cue, a colon introduction, a quotation that speaks of someone,
// a tag after a run-on clause, a pronoun that speaks in a tag.
func reportedSpeech(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		n := fakeSurname(i)
		fmt.Fprintf(&sb, "Senator Ana %s said in a statement on Friday. “She will not resign.” ", n)
		fmt.Fprintf(&sb, "After the vote, %s turned to the crowd: “We will win.” ", n)
		fmt.Fprintf(&sb, "“He is right” about the budget, said %s, the treasurer. ", fakeSurname(i+1))
		fmt.Fprintf(&sb, "The vote was close, she said, and her staff agreed. ")
	}
	return []byte(sb.String())
}

// pronounShapes is one endless sentence of the shapes the pronoun rule
// reads around a pronoun: a "his" where an object belongs, a possessive
// and the name in apposition to what it owns, a role phrase that is a
// predicate, an epithet, and pronouns after names ("… though she did not
// name him"), with no full stop, so that every walk over the sentence's
// mentions must be bounded.
func pronounShapes(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		n := fakeSurname(i)
		fmt.Fprintf(&sb, "Governor Paul %s has not endorsed his or conceded, and her rival, Ana %s, backed his as the party's nominee, ", n, fakeSurname(i+1))
		fmt.Fprintf(&sb, "while the Texas senator criticized %s, though she did not name him, ", n)
	}
	sb.WriteString("and the vote was held.")
	return []byte(sb.String())
}

func BenchmarkPronounShapes250KB(b *testing.B) { benchText(b, pronounShapes(250<<10)) }
func BenchmarkPronounShapes500KB(b *testing.B) { benchText(b, pronounShapes(500<<10)) }

// fakeSurname makes the i-th of a series of distinct capitalised
// surnames, far apart in spelling (a fixed pseudo-random sequence).
func fakeSurname(i int) string {
	x := uint32(i)*2654435761 + 12345
	b := []byte{byte('A' + x%26)}
	for k := 0; k < 7; k++ {
		x = x*1103515245 + 12345
		b = append(b, byte('a'+(x>>16)%26))
	}
	return string(b)
}

// nearSpellings is one paragraph of spellings of one name, each one
// letter away from all the others ("said Mr Nazarbayeā. said Mr
// Nazarbayeă. …").
func nearSpellings(size int) []byte {
	var sb strings.Builder
	for r := rune(0x100); sb.Len() < size; r++ {
		if !unicode.IsLower(r) {
			continue
		}
		fmt.Fprintf(&sb, "said Mr Nazarbaye%c. ", r)
	}
	return []byte(sb.String())
}

// sharedSurname is one paragraph of many people of one surname ("Anna
// Okonkwo said it. Boris Okonkwo said it. …").
func sharedSurname(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "%s Okonkwo said it. ", fakeSurname(i))
	}
	return []byte(sb.String())
}

// sharedFirstName is many people of one first name, each also mentioned
// by it alone ("John Smith arrived. John said it. …").
func sharedFirstName(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "John %s arrived. John said it. ", fakeSurname(i))
	}
	return []byte(sb.String())
}

func BenchmarkNearSpellings40KB(b *testing.B)       { benchText(b, nearSpellings(40<<10)) }
func BenchmarkNearSpellings80KB(b *testing.B)       { benchText(b, nearSpellings(80<<10)) }
func BenchmarkSharedSurname250KB(b *testing.B)      { benchText(b, sharedSurname(250<<10)) }
func BenchmarkSharedSurname500KB(b *testing.B)      { benchText(b, sharedSurname(500<<10)) }
func BenchmarkSharedFirstName250KB(b *testing.B)    { benchText(b, sharedFirstName(250<<10)) }
func BenchmarkSharedFirstName500KB(b *testing.B)    { benchText(b, sharedFirstName(500<<10)) }
func BenchmarkUnclosedQuotes250KB(b *testing.B)     { benchText(b, unclosedQuotes(250<<10, "“")) }
func BenchmarkUnclosedQuotes500KB(b *testing.B)     { benchText(b, unclosedQuotes(500<<10, "“")) }
func BenchmarkUnclosedGuillemets250KB(b *testing.B) { benchText(b, unclosedQuotes(250<<10, "«")) }
func BenchmarkUnclosedGuillemets500KB(b *testing.B) { benchText(b, unclosedQuotes(500<<10, "«")) }
func BenchmarkManySpeakers250KB(b *testing.B)       { benchText(b, manySpeakers(250<<10)) }
func BenchmarkManySpeakers500KB(b *testing.B)       { benchText(b, manySpeakers(500<<10)) }
func BenchmarkReportedSpeech250KB(b *testing.B)     { benchText(b, reportedSpeech(250<<10)) }
func BenchmarkReportedSpeech500KB(b *testing.B)     { benchText(b, reportedSpeech(500<<10)) }

// nearNames is one paragraph of a name with one letter of the surname
// changed at random in each sentence ("Anna Kowalczykowski said. Anna
// Kowalczykowsky said. …"): a few hundred spellings, each used many
// times. Run with -benchmem: the bytes per op grow with the input.
func nearNames(size int) []byte {
	x := uint32(3)
	var sb strings.Builder
	for sb.Len() < size {
		w := []byte("Kowalczykowski")
		x = x*1103515245 + 12345
		i := 1 + int(x>>16)%(len(w)-1)
		x = x*1103515245 + 12345
		w[i] = byte('a' + (x>>16)%26)
		fmt.Fprintf(&sb, "Anna %s said. ", w)
	}
	return []byte(sb.String())
}

func BenchmarkNearNames1MB(b *testing.B) { benchText(b, nearNames(1<<20)) }
func BenchmarkNearNames2MB(b *testing.B) { benchText(b, nearNames(2<<20)) }

// oneWordParagraphs is a headline and then one-word paragraphs ("word",
// a blank line, "word", …): the per-paragraph and per-sentence parts of
// the model dominate, and must cost a small multiple of the 6 bytes each
// takes in the file.
func oneWordParagraphs(size int) []byte {
	var sb strings.Builder
	sb.WriteString("Talks\n\n")
	for sb.Len() < size {
		sb.WriteString("word\n\n")
	}
	return []byte(sb.String())
}

func BenchmarkOneWordParagraphs1MB(b *testing.B) { benchAllocs(b, oneWordParagraphs(1<<20)) }
func BenchmarkOneWordParagraphs2MB(b *testing.B) { benchAllocs(b, oneWordParagraphs(2<<20)) }

// benchAllocs is benchText reporting allocations, and the bytes allocated
// per byte of input.
func benchAllocs(b *testing.B, text []byte) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	benchText(b, text)
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(text)), "alloc-B/in-B")
}

// BenchmarkDeletionIndex builds the name-spelling index of 2,000 distinct
// names and looks up 200 of them.
func BenchmarkDeletionIndex(b *testing.B) {
	forms := make([]string, 2000)
	for i := range forms {
		forms[i] = fakeSurname(i)
	}
	b.ReportAllocs()
	var buf []int
	for i := 0; i < b.N; i++ {
		idx := deletionIndex(forms)
		for _, s := range forms[:200] {
			buf = idx.near(s, buf[:0])
		}
	}
}

// BenchmarkDevSetStages times each stage of linting the dev set on its
// own, so that a change to one hot path shows where it lands: parse
// (paragraphs, sentences, tokens, lower case, quotations), people (the
// people model), and each rule on the analysed articles. (A rule's lazily
// built parts of the model are built in its first round and reused.)
func BenchmarkDevSetStages(b *testing.B) {
	names, data, total := devFiles(b)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for j := range data {
				markup.Parse(names[j], data[j], markup.Text)
			}
		}
	})
	arts := make([]*article.Article, len(data))
	for j := range data {
		arts[j], _ = markup.Parse(names[j], data[j], markup.Text)
	}
	b.Run("people", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, a := range arts {
				people.Analyse(a, nil)
			}
		}
	})
	l := defaultLinter(b)
	units := make([]*linter.Unit, len(arts))
	for j, a := range arts {
		units[j] = &linter.Unit{Article: a, People: people.Analyse(a, nil), Config: l.Config}
	}
	for _, r := range l.Rules {
		b.Run(r.Name, func(b *testing.B) {
			rc := l.Config.For(r)
			b.SetBytes(total)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, u := range units {
					if _, err := u.Run(r, rc); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkNearPairs compares the candidates and forms of an ordinary
// article by signature (the path name-spelling takes for all but huge
// articles): 40 candidates, 300 forms, a few of them one edit apart.
func BenchmarkNearPairs(b *testing.B) {
	var cands, forms []string
	for i := 0; i < 300; i++ {
		forms = append(forms, fakeSurname(i))
	}
	cands = append(cands, forms[:40]...)
	forms = append(forms, "X"+forms[3][1:], forms[5][:len(forms[5])-1])
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(nearPairs(cands, forms)) == 0 {
			b.Fatal("no pairs")
		}
	}
}
