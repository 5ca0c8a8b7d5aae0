package markup

import (
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordsOf returns the word tokens of a as the model reads them.
func wordsOf(a *article.Article) []string {
	var ws []string
	for i, tok := range a.Tokens {
		if tok.Kind == article.Word {
			ws = append(ws, a.Tok(i))
		}
	}
	return ws
}

// wordSpan returns the bytes of the file that the word token reading w
// covers.
func wordSpan(t *testing.T, a *article.Article, w string) string {
	t.Helper()
	for i, tok := range a.Tokens {
		if tok.Kind == article.Word && a.Tok(i) == w {
			return string(a.Orig.Bytes[tok.Start():tok.End()])
		}
	}
	t.Fatalf("no word %q in %q", w, wordsOf(a))
	return ""
}

// nestedLine is one line of n nested containers ("- - - … Mary said
// it."), of about size bytes, the shape goldmark reads in time quadratic
// in the nesting.
func nestedLine(marker string, size int) string {
	return strings.Repeat(marker, size/len(marker)) + "Mary said it.\n"
}

// Issue 21, item 5: nested containers on one line, and many lazy lines
// under them, are read in linear time, and the text after the markers is
// still article text at its own offsets.
func TestNestedContainersAreLinear(t *testing.T) {
	for _, src := range []string{
		nestedLine("- ", 160_000),
		nestedLine("> ", 160_000),
		nestedLine("1. ", 160_000),
		nestedLine("- > * 2) ", 160_000),
		nestedLine("- ", 40_000) + strings.Repeat("Ana said it.\n", 10_000),
		// Depth built over several lines: each line indented to continue
		// the items above it, then more markers.
		nestedLines(160_000),
	} {
		start := time.Now()
		a, _ := Parse("a.md", []byte(src), Markdown)
		took := time.Since(start)
		assert.Less(t, took, 3*time.Second, "%q…", src[:20])
		require.Len(t, a.Src.Bytes, len(src), "%q…", src[:20])
		off := strings.Index(src, "Mary said it.")
		assert.Equal(t, "Mary said it.", a.Src.Text[off:off+len("Mary said it.")], "%q…: the text keeps its offsets", src[:20])
		assert.Contains(t, wordsOf(a), "Mary", "%q…", src[:20])
	}
}

// nestedLines is a list nested deeper on every line.
func nestedLines(size int) string {
	var b strings.Builder
	for indent := 0; b.Len() < size; indent += 40 {
		b.WriteString(strings.Repeat(" ", indent) + strings.Repeat("- ", 20) + "x\n")
	}
	return b.String() + "Mary said it.\n"
}

// Markdown that nests as articles do is read as before the bound: the
// bound only changes lines nested deeper than any article is.
func TestOrdinaryNestingUnchanged(t *testing.T) {
	src := "- One said it.\n  - Two said it.\n    > Three said it.\n    > - Four said it.\n\n" +
		"1. > - > Five said it.\n\n> > > > > > Six said it.\n\n- - - -\n\n* * *\n"
	a, _ := Parse("a.md", []byte(src), Markdown)
	assert.Equal(t, []string{"One said it.", "Two said it.", "Three said it.", "Four said it.", "Five said it.", "Six said it."}, paragraphTexts(a))
	// A line nested past the bound keeps its text.
	deep := strings.Repeat("- ", 200) + "Mary said it.\n"
	a, _ = Parse("a.md", []byte(deep), Markdown)
	require.Len(t, a.Paragraphs, 1)
	assert.Contains(t, a.Text(a.Paragraphs[0].Span()), "Mary said it.")
	// A thematic break past the bound stays one (no text).
	brk := strings.Repeat("- ", 100) + strings.Repeat("* ", 100) + "\n"
	a, _ = Parse("a.md", []byte(brk), Markdown)
	assert.Empty(t, wordsOf(a))
}

func benchmarkMarkdown(b *testing.B, src string) {
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Read("a.md", []byte(src), Markdown)
	}
}

// Nested containers at two sizes: compare the times (linear growth is
// twice the time for twice the size).
func BenchmarkNestedLists160KB(b *testing.B)  { benchmarkMarkdown(b, nestedLine("- ", 160_000)) }
func BenchmarkNestedLists320KB(b *testing.B)  { benchmarkMarkdown(b, nestedLine("- ", 320_000)) }
func BenchmarkNestedQuotes160KB(b *testing.B) { benchmarkMarkdown(b, nestedLine("> ", 160_000)) }
func BenchmarkNestedQuotes320KB(b *testing.B) { benchmarkMarkdown(b, nestedLine("> ", 320_000)) }
func BenchmarkNestedLazy160KB(b *testing.B) {
	benchmarkMarkdown(b, nestedLine("- ", 80_000)+strings.Repeat("Ana said it.\n", 80_000/13))
}
func BenchmarkNestedLazy320KB(b *testing.B) {
	benchmarkMarkdown(b, nestedLine("- ", 160_000)+strings.Repeat("Ana said it.\n", 160_000/13))
}
func BenchmarkNestedLines160KB(b *testing.B) { benchmarkMarkdown(b, nestedLines(160_000)) }
func BenchmarkNestedLines320KB(b *testing.B) { benchmarkMarkdown(b, nestedLines(320_000)) }

// Issue 21, item 12: only a real <article> element, one that holds
// text, narrows the page to it; the word in a comment, a script, an
// attribute or another tag's name does not.
func TestHTMLArticleDecoys(t *testing.T) {
	body := "<p>Mayor Ana Ruiz said it.</p>"
	for name, page := range map[string]string{
		"comment":        "<html><body><!-- wrap in <article> -->" + body + "</body></html>",
		"script":         "<html><head><script>var s = '<article>';</script></head><body>" + body + "</body></html>",
		"script in body": "<html><body><script>document.write('<article>')</script>" + body + "</body></html>",
		"other tag":      "<html><body><articles-list></articles-list>" + body + "</body></html>",
		"attribute":      "<html><body><div title=\"<article>\">" + body + "</div></body></html>",
		"text":           "<html><body><p>Use &lt;article&gt; tags.</p>" + body + "</body></html>",
		"template":       "<html><body><template><article><p>Tpl.</p></article></template>" + body + "</body></html>",
		"empty article":  "<html><body><article></article>" + body + "</body></html>",
		"uppercase":      "<html><body><ARTICLES>x</ARTICLES>" + body + "</body></html>",
	} {
		a, _ := Parse("a.html", []byte(page), HTML)
		assert.Contains(t, paragraphTexts(a), "Mayor Ana Ruiz said it.", name)
	}
	// A real one, in any case, still narrows the page.
	a, _ := Parse("a.html", []byte("<body><p>Sidebar.</p><ARTICLE><p>Story.</p></ARTICLE></body>"), HTML)
	assert.Equal(t, []string{"Story."}, paragraphTexts(a))
}

// Issue 21, item 16: inline markup between two letters joins them into
// one word, as a soft hyphen does; the word's span runs over the markup
// in the file.
func TestMarkupInsideAWord(t *testing.T) {
	for _, c := range []struct {
		src  string
		f    Format
		span string
	}{
		{"<p>President Nazar<wbr>baev spoke.</p>", HTML, "Nazar<wbr>baev"},
		{"<p>President <b>Nazar</b>baev spoke.</p>", HTML, "Nazar</b>baev"},
		{"<p>President Nazar<b>baev</b> spoke.</p>", HTML, "Nazar<b>baev"},
		{"<p>President Nazar<span class=\"x y\">ba</span>ev spoke.</p>", HTML, "Nazar<span class=\"x y\">ba</span>ev"},
		{"<p>President Nazar<!-- x -->baev spoke.</p>", HTML, "Nazar<!-- x -->baev"},
		{"# T\n\nPresident Nazar**baev** spoke.\n", Markdown, "Nazar**baev"},
		{"# T\n\nPresident **Nazar**baev spoke.\n", Markdown, "Nazar**baev"},
		{"# T\n\nPresident Nazar*ba*ev spoke.\n", Markdown, "Nazar*ba*ev"},
		{"# T\n\nPresident Nazar~~baev~~ spoke.\n", Markdown, "Nazar~~baev"},
		{"# T\n\nPresident [Nazar](https://example.org)baev spoke.\n", Markdown, "Nazar](https://example.org)baev"},
		{"# T\n\nPresident Nazar<b>baev</b> spoke.\n", Markdown, "Nazar<b>baev"},
		{"# T\n\nPresident Nazar[baev](https://example.org) spoke.\n", Markdown, "Nazar[baev"},
		{"# T\n\nPresident Nazar<wbr>baev spoke.\n", Markdown, "Nazar<wbr>baev"},
	} {
		a, _ := Parse("a", []byte(c.src), c.f)
		assert.Equal(t, []string{"President", "Nazarbaev", "spoke"}, wordsOf(a)[len(wordsOf(a))-3:], c.src)
		assert.Equal(t, c.span, wordSpan(t, a, "Nazarbaev"), c.src)
		assert.Equal(t, "nazarbaev", a.Lower(a.TokenIndexAt(strings.Index(c.src, "Nazar"))), c.src)
	}
	// Markup that stands for a break, or text that is not text, keeps
	// the words apart.
	for _, c := range []struct {
		src string
		f   Format
	}{
		{"<p>Nazar<br>baev spoke.</p>", HTML},
		{"<p>Nazar</p><p>baev spoke.</p>", HTML},
		{"<p>Nazar<code>x</code>baev spoke.</p>", HTML},
		{"<p>Nazar<img src=x.png>baev spoke.</p>", HTML},
		{"<p><b>Nazar</b> baev spoke.</p>", HTML},
		{"Nazar`x`baev spoke.\n", Markdown},
		{"Nazar\nbaev spoke.\n", Markdown},
		{"Nazar\\\nbaev spoke.\n", Markdown},
		{"**Nazar** baev spoke.\n", Markdown},
		{"Nazar![i](x.png)baev spoke.\n", Markdown},
	} {
		a, _ := Parse("a", []byte(c.src), c.f)
		ws := wordsOf(a)
		assert.NotContains(t, ws, "Nazarbaev", c.src)
		assert.Contains(t, ws, "baev", c.src)
	}
}

// Issue 21, item 17: a Markdown file that opens with a --- rule and has
// another --- later is front matter only when what stands between them
// reads as YAML; prose between two rules is article text.
func TestFrontMatterMustLookLikeYAML(t *testing.T) {
	for _, src := range []string{
		"---\nMayor Ana Ruiz said on Monday that the port would close.\n\n“We have no choice,” she said.\n\n---\n\nMore text.\n",
		"---\n\nMayor Ana Ruiz said it.\n---\n",
		"---\ntitle: Port\nMayor Ana Ruiz said it.\n---\nBody.\n",
	} {
		a, _ := Parse("a.md", []byte(src), Markdown)
		assert.Contains(t, strings.Join(paragraphTexts(a), "|"), "Mayor Ana Ruiz said", "%q", src)
	}
	for _, src := range []string{
		"---\ntitle: \"Mayor Ana Ruiz said it.\"\n---\nBody.\n",
		"---\n# a comment said Ana\ntitle: Port\ntags:\n  - said Ana\n- said Ana\nsummary: >\n  Mayor Ana Ruiz said it,\n  and left.\n\n\"quoted key\": x\nempty:\n---\nBody.\n",
		"---\r\ndate: 2024-01-02\r\nauthor_name: Desk\r\n...\r\nBody.\r\n",
		"---\n---\nBody.\n",
		"\ufeff---\nx.y-z: 1\n---\nBody.\n",
	} {
		a, _ := Parse("a.md", []byte(src), Markdown)
		assert.Equal(t, []string{"Body."}, paragraphTexts(a), "%q", src)
	}
}

// A fix of a word that holds markup changes its letters only: the markup
// stays where it was.
func TestFixKeepsMarkupInsideAWord(t *testing.T) {
	for _, c := range []struct {
		src, fixed string
		f          Format
	}{
		{"<p>Aides to Nazar<wbr>baev spoke.</p>", "<p>Aides to Nazar<wbr>bayev spoke.</p>", HTML},
		{"<p>Aides to Nazar<b>baev</b> spoke.</p>", "<p>Aides to Nazar<b>bayev</b> spoke.</p>", HTML},
		{"Aides to Nazar**baev** spoke.\n", "Aides to Nazar**bayev** spoke.\n", Markdown},
		{"Aides to **Naz**baev spoke.\n", "Aides to **Naz**arbayev spoke.\n", Markdown},
	} {
		a, _ := Parse("a", []byte(c.src), c.f)
		k := a.TokenIndexAt(strings.Index(c.src, "Naz"))
		s, text, ok := a.Edit(a.Tokens[k].Span(), "Nazarbayev")
		require.True(t, ok, c.src)
		assert.Equal(t, c.fixed, c.src[:s.Start]+text+c.src[s.End:])
	}
}

// FuzzRead: whatever the input and format, the masked text keeps the
// file's length and every line break, and every token lies in the file.
func FuzzRead(f *testing.F) {
	f.Add([]byte(nestedLine("- > 1. ", 2000)), uint8(1))
	f.Add([]byte("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t- x\n"+strings.Repeat("> ", 40)+"* * *\n"), uint8(1))
	f.Add([]byte("Nazar**baev** Nazar<b>baev</b>, [Naz](u)ar\nNazar<span\nclass=x>baev\n"), uint8(1))
	f.Add([]byte("---\nMary said it.\n---\ntitle: x\n"), uint8(1))
	f.Add([]byte("<p>a&#10;b &#13; c&NewLine;d</p>"), uint8(2))
	f.Add([]byte("<p>Nazar<wbr>baev <b>Nazar</b>baev Andr&eacute;<i>s</i></p><!-- <article> --><articles-list>"), uint8(2))
	f.Fuzz(func(t *testing.T, src []byte, format uint8) {
		a, _ := Parse("f", src, Format(format%3))
		if len(a.Src.Bytes) != len(src) {
			t.Fatalf("masked text is %d bytes, the file %d", len(a.Src.Bytes), len(src))
		}
		for i, b := range src {
			if (b == '\n' || b == '\r') != (a.Src.Bytes[i] == '\n' || a.Src.Bytes[i] == '\r') {
				t.Fatalf("line break at %d not kept", i)
			}
		}
		for _, tk := range a.Tokens {
			if tk.Start() < 0 || tk.End() > len(src) || tk.Start() >= tk.End() {
				t.Fatalf("bad token span %v", tk.Span())
			}
		}
	})
}

// unclosedLinks is size bytes of one shape of link destinations that never
// close, after an article's sentence.
func unclosedLinks(shape string, size int) string {
	return "Mary said it. " + strings.Repeat(shape, size/len(shape)) + ">\n"
}

// Link destinations that never end are read once, not once per "](":
// "[a]([a](…" without a space, and "[a](< b [a](< b …" before a ">" took
// time quadratic in their length in goldmark (160 KB: 4.9 s and 1.9 s).
func TestUnclosedLinksAreLinear(t *testing.T) {
	for _, shape := range []string{"[a](", "[a](<", "[a](< b ", "x[a](y", "[a](b c "} {
		src := unclosedLinks(shape, 160_000)
		start := time.Now()
		a, _ := Parse("a.md", []byte(src), Markdown)
		took := time.Since(start)
		assert.Less(t, took, 1500*time.Millisecond, "%q", shape)
		require.Len(t, a.Src.Bytes, len(src), "%q", shape)
		assert.Equal(t, "Mary said it.", a.Src.Text[:len("Mary said it.")], "%q: the text keeps its offsets", shape)
		assert.Contains(t, wordsOf(a), "Mary", "%q", shape)
	}
}

// Links an article writes are still links: their destinations are
// markup, their text is text, whether or not a space separates them.
func TestLinksStillLinks(t *testing.T) {
	src := "Read [the report](https://example.org/r.pdf) and [the reply](<https://example.org/a b.pdf>), " +
		"or [one](https://example.org/1)[two](https://example.org/2)[three](https://example.org/3)." + "\n"
	a, _ := Parse("a.md", []byte(src), Markdown)
	words := wordsOf(a)
	// Links with no space between them read as one word, as they render.
	for _, w := range []string{"report", "reply", "onetwothree"} {
		assert.Contains(t, words, w)
	}
	for _, w := range []string{"https", "example", "pdf"} {
		assert.NotContains(t, words, w)
	}
}

func BenchmarkUnclosedLinks160KB(b *testing.B) { benchmarkMarkdown(b, unclosedLinks("[a](", 160_000)) }
func BenchmarkUnclosedLinks320KB(b *testing.B) { benchmarkMarkdown(b, unclosedLinks("[a](", 320_000)) }
