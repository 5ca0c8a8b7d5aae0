package markup

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup/internal/goldmark/text"
	"github.com/newslint/newslint/article/markup/internal/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gtext "github.com/yuin/goldmark/text"
	xhtml "golang.org/x/net/html"
)

// The copies in internal/ (see internal/FORK.md) must read every input as
// the upstream versions go.mod names do (they are test dependencies only,
// never linked into newslint): the same Markdown tree, node by node, and
// the same HTML tokens. Updating the upstream version without updating
// the copy fails here.

// mdPieces are the bits random Markdown is made of: every construct the
// reader cares about, GFM's included, and the text around them.
var mdPieces = []string{"# ", "## ", "> ", "- ", "* ", "1. ", "2) ", "   ", "\t", "\n", "\n\n", "| a | b |\n", "|---|:-:|\n", "| --- | ---: |\n",
	"~~", "~", "**", "*", "_", "__", "`", "```\n", "~~~\n", "[x] ", "[ ] ", "[link](http://x.org/a)", "<http://a.b>", "http://example.com/path?q=1",
	"www.example.org", "foo@bar.com", "a.b@c.d.e", "<!-- c -->", "<div>", "</div>", "<script>", "</script>", "<b>", "</b>", "<?php ?>", "<!DOCTYPE x>",
	"<![CDATA[ x ]]>", "&amp;", "&ldquo;", "&#8217;", "\\", "![img](a.png)", "[ref]: /url \"t\"\n", "[ref]", "Mary said", " it.", "“", "”", "'", "\"",
	"---\n", "===\n", "    code\n", "word ", "Nazar", "<span>", "</span>", "(", ")", "|", ":", "-", "é", "Ω", "\u00a0", "\r\n", "<a href=\"x\">", "</a>"}

var htmlPieces = []string{"<p>", "</p>", "<div class=\"a&amp;b\">", "</div>", "<script>", "</script>", "<style>", "</style>", "<!-- c -->", "<!--", "-->", "<b>", "</b>",
	"&amp;", "&ldquo;", "&rdquo;", "&#8217;", "&#x2019;", "&notit;", "&not", "&amp", "&AElig", "&nLt;", "&", ";", "<", ">", "=", "\"", "'", "text ", "Mary said ", "\n", "\r\n",
	"<meta property=\"article:published_time\" content=\"2020-01-02\">", "<time datetime='2021-03-04'>", "</time>", "<br/>", "<img src=x alt='a&ldquo;'>", "<![CDATA[x]]>",
	"<!DOCTYPE html>", "<?xml ?>", "<textarea>", "</textarea>", "<title>", "</title>", "<a href=\"?a=1&b=2\">", "</a>", "<x:y>", "<svg>", "</svg>", "é", "\x00", "<p/>", "</ p>", "<p\n>", "< p>"}

// forkInputs returns the repository's Markdown and HTML test files, the
// fuzz corpus, and n random documents of pieces.
func forkInputs(t *testing.T, exts []string, pieces []string, n int, seed int64) [][]byte {
	t.Helper()
	var inputs [][]byte
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "testdata")} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			for _, e := range exts {
				if strings.HasSuffix(p, e) || strings.Contains(p, "FuzzRead") {
					b, err := os.ReadFile(p)
					if err == nil {
						inputs = append(inputs, b)
					}
					break
				}
			}
			return nil
		})
	}
	rng := rand.New(rand.NewSource(seed))
	for range n {
		var b bytes.Buffer
		for range 1 + rng.Intn(60) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		inputs = append(inputs, b.Bytes())
	}
	return inputs
}

// dumpTree writes a goldmark tree, of either copy, node by node: kind,
// lines, the text flags, attributes and every exported field (nodes in
// them by their segment), through reflection, since the two copies'
// types differ.
func dumpTree(b *strings.Builder, n reflect.Value, depth int) {
	for ; !n.IsNil(); n = n.MethodByName("NextSibling").Call(nil)[0] {
		if n.Kind() == reflect.Interface {
			n = n.Elem()
		}
		call := func(name string) any { return n.MethodByName(name).Call(nil)[0].Interface() }
		fmt.Fprintf(b, "%*s%v type=%v", depth, "", call("Kind"), call("Type"))
		if fmt.Sprint(call("Type")) == "1" { // a block
			lines := n.MethodByName("Lines").Call(nil)[0]
			fmt.Fprintf(b, " lines=%v", lines.MethodByName("Sliced").Call([]reflect.Value{reflect.ValueOf(0), lines.MethodByName("Len").Call(nil)[0]})[0].Interface())
		}
		if m := n.MethodByName("SoftLineBreak"); m.IsValid() {
			fmt.Fprintf(b, " soft=%v hard=%v raw=%v", call("SoftLineBreak"), call("HardLineBreak"), call("IsRaw"))
		}
		fmt.Fprintf(b, " attrs=%v", call("Attributes"))
		s := n.Elem()
		for i := range s.NumField() {
			f, v := s.Type().Field(i), s.Field(i)
			if f.Anonymous || !f.IsExported() {
				continue
			}
			if v.Kind() == reflect.Pointer && !v.IsNil() {
				if seg := v.Elem().FieldByName("Segment"); seg.IsValid() {
					fmt.Fprintf(b, " %s=%v", f.Name, seg.Interface())
					continue
				}
			}
			fmt.Fprintf(b, " %s=%v", f.Name, v.Interface())
		}
		b.WriteByte('\n')
		dumpTree(b, n.MethodByName("FirstChild").Call(nil)[0], depth+1)
	}
}

func TestGoldmarkCopyParsesAsUpstream(t *testing.T) {
	upstream := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i, src := range forkInputs(t, []string{".md"}, mdPieces, n, 1) {
		var want, got strings.Builder
		dumpTree(&want, reflect.ValueOf(upstream.Parse(gtext.NewReader(src))), 0)
		dumpTree(&got, reflect.ValueOf(markdownParser().Parse(text.NewReader(src))), 0)
		if want.String() != got.String() {
			t.Fatalf("input %d, %q:\nupstream:\n%s\ncopy:\n%s", i, src, want.String(), got.String())
		}
	}
}

func TestHTMLCopyTokenizesAsUpstream(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	for i, src := range forkInputs(t, []string{".html", ".htm"}, htmlPieces, n, 2) {
		var want, got strings.Builder
		for z := xhtml.NewTokenizer(bytes.NewReader(src)); ; {
			tt := z.Next()
			fmt.Fprintf(&want, "%d %q\n", tt, z.Raw())
			if tt == xhtml.ErrorToken {
				break
			}
			name, more := z.TagName()
			fmt.Fprintf(&want, "%q\n", name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				fmt.Fprintf(&want, "%q=%q\n", k, v)
			}
			fmt.Fprintf(&want, "%q\n", z.Text())
		}
		for z := html.NewTokenizer(bytes.NewReader(src)); ; {
			tt := z.Next()
			fmt.Fprintf(&got, "%d %q\n", tt, z.Raw())
			if tt == html.ErrorToken {
				break
			}
			name, more := z.TagName()
			fmt.Fprintf(&got, "%q\n", name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				fmt.Fprintf(&got, "%q=%q\n", k, v)
			}
			fmt.Fprintf(&got, "%q\n", z.Text())
		}
		fmt.Fprintf(&want, "%q", xhtml.UnescapeString(string(src)))
		fmt.Fprintf(&got, "%q", html.UnescapeString(string(src)))
		if want.String() != got.String() {
			t.Fatalf("input %d, %q:\nupstream:\n%s\ncopy:\n%s", i, src, want.String(), got.String())
		}
	}
}
