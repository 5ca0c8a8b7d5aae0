package markup

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func paragraphTexts(a *article.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, strings.Join(strings.Fields(a.Text(p.Span())), " "))
	}
	return out
}

func TestMarkdownMasking(t *testing.T) {
	src := "+++\ntitle = \"x said Ivan\"\n+++\n# Mayor speaks\n" +
		"Mayor Ana Ruiz said: “We won.” See [the report](https://example.org/said-Bob) and <https://example.org>.\n\n" +
		"- First item with `code said Bob`\n- Second item\n\n> Quoted block text.\n\n" +
		"```\nfenced said Bob\n```\n\n    indented code said Bob\n\n<div>raw said Bob</div>\n\nText <!-- newslint-disable quote-balance --> after.\n"
	a, doc := Parse("a.md", []byte(src), Markdown)
	assert.Len(t, a.Src.Bytes, len(src), "the masked text keeps the file's length")
	assert.Equal(t, strings.Count(src, "\n"), strings.Count(a.Src.Text, "\n"), "and its line breaks")
	assert.Equal(t, []string{
		"Mayor speaks",
		"Mayor Ana Ruiz said: “We won.” See the report and .",
		"First item with",
		"Second item",
		"Quoted block text.",
		"Text after.",
	}, paragraphTexts(a))
	assert.True(t, a.Paragraphs[0].Headline)
	require.Len(t, doc.Comments, 1)
	assert.Equal(t, " newslint-disable quote-balance ", doc.Comments[0].Text)
	assert.NotContains(t, a.Src.Text, "Bob")
	assert.NotContains(t, a.Src.Text, "Ivan")
	// Offsets are the file's.
	off := strings.Index(src, "Ana Ruiz")
	assert.Equal(t, "Ana Ruiz", a.Src.Text[off:off+len("Ana Ruiz")])
	assert.Equal(t, article.Position{Line: 5, Column: 7, Offset: off, ByteColumn: 7}, a.Position(off))
}

func TestYAMLFrontMatter(t *testing.T) {
	src := "---\ntitle: \"Quote “unclosed\"\n---\nBody text.\n"
	a, _ := Parse("a.md", []byte(src), Markdown)
	assert.Equal(t, []string{"Body text."}, paragraphTexts(a))
	assert.Empty(t, a.Quotes)
}

func TestHTMLMasking(t *testing.T) {
	src := "<html><head><title>T</title><style>p{}</style></head><body>\n<nav>Menu said Bob</nav>\n" +
		"<h1>Headline here</h1>\n<p>Mayor <b>Ana Ruiz</b> said &ldquo;yes&rdquo; &amp; left.</p>\n" +
		"<!-- newslint-disable-next-line quote-balance -->\n<ul><li>One</li><li>Two</li></ul>\n<script>var said = 'Bob';</script>\n<pre>code said Bob</pre></body></html>"
	a, doc := Parse("a.html", []byte(src), HTML)
	assert.Len(t, a.Src.Bytes, len(src))
	assert.Equal(t, []string{"Headline here", "Mayor Ana Ruiz said “yes” & left.", "One", "Two"}, paragraphTexts(a))
	require.Len(t, doc.Comments, 1)
	assert.NotContains(t, a.Src.Text, "Bob")
	require.Len(t, a.Quotes, 1)
	// A finding on a decoded quotation mark covers the reference.
	q := WidenToEntities(a.Orig.Bytes, a.Quotes[0].Open())
	assert.Equal(t, "&ldquo;", string(a.Orig.Bytes[q.Start:q.End]))
}

func TestHTMLArticleOnly(t *testing.T) {
	src := "<body><p>Sidebar text.</p><article><p>Story text.</p></article><footer>Foot.</footer></body>"
	a, _ := Parse("a.html", []byte(src), HTML)
	assert.Equal(t, []string{"Story text."}, paragraphTexts(a))
}

func TestPlainDirectiveLines(t *testing.T) {
	src := "Title\n\n<!-- newslint-disable quote-balance -->\nText.\n"
	a, doc := Parse("a.txt", []byte(src), Text)
	require.Len(t, doc.Comments, 1)
	assert.Equal(t, []string{"Title", "Text."}, paragraphTexts(a))
}

func TestForPath(t *testing.T) {
	assert.Equal(t, Markdown, ForPath("a/b.MD"))
	assert.Equal(t, HTML, ForPath("x.htm"))
	assert.Equal(t, Text, ForPath("x.txt"))
	f, err := ParseFormat("Markdown")
	require.NoError(t, err)
	assert.Equal(t, Markdown, f)
	_, err = ParseFormat("rtf")
	assert.Error(t, err)
}

// TestCharacterReferencesInsideWords: a reference inside a word leaves the
// word whole (Andr&eacute;s), and Markdown's references decode like
// HTML's, so &ldquo;…&rdquo; is a quotation.
func TestCharacterReferencesInsideWords(t *testing.T) {
	src := []byte("<p>President Andr&eacute;s Pastrana said &ldquo;no&rdquo;.</p>")
	a, _ := Parse("a.html", src, HTML)
	var ws []string
	for i, tok := range a.Tokens {
		if tok.Kind == article.Word {
			ws = append(ws, a.Tok(i))
		}
	}
	assert.Equal(t, []string{"President", "Andrés", "Pastrana", "said", "no"}, ws)
	require.Len(t, a.Quotes, 1)

	md := []byte("# T\n\nSmith said: &ldquo;We will win.&rdquo;\n")
	a, _ = Parse("a.md", md, Markdown)
	require.Len(t, a.Quotes, 1)
	q := a.Quotes[0]
	assert.True(t, q.Closed)
	w := WidenToEntities(md, q.Open())
	assert.Equal(t, "&ldquo;", string(md[w.Start:w.End]), "the opening mark widens to the reference on disk")
}
