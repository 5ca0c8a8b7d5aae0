package linter

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// InputFormat is the format of an article file.
type InputFormat int

// Input formats.
const (
	PlainText InputFormat = iota
	Markdown
	HTML
)

var inputFormatNames = map[string]InputFormat{"text": PlainText, "markdown": Markdown, "html": HTML}

func (f InputFormat) String() string {
	for n, v := range inputFormatNames {
		if v == f {
			return n
		}
	}
	return "text"
}

// ParseInputFormat reads "text", "markdown" or "html".
func ParseInputFormat(name string) (InputFormat, error) {
	if f, ok := inputFormatNames[strings.ToLower(name)]; ok {
		return f, nil
	}
	return 0, fmt.Errorf("unknown input format %q (want text, markdown or html)", name)
}

// FormatForPath chooses the input format from a file's extension.
func FormatForPath(path string) InputFormat {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return PlainText
}

// Prepared is an article's text made ready for the model: Masked has the
// original's length and line breaks, with everything that is not article
// text (markup, code, front matter, comments, URLs) replaced by spaces, so
// that every offset into it is an offset into the original file.
type Prepared struct {
	Masked []byte
	// Blocks are the text blocks (paragraphs, headings, list items) when
	// the format marks them; nil means paragraphs are separated by blank
	// lines.
	Blocks []Span
	// Comments are the comments that may hold suppression directives, with
	// their text.
	Comments []Comment
}

// Comment is an HTML comment (or, in plain text, a directive line).
type Comment struct {
	Span
	Text string
}

// blank returns a copy of src with every byte but line breaks replaced by
// a space.
func blank(src []byte) []byte {
	out := make([]byte, len(src))
	for i, b := range src {
		if b == '\n' || b == '\r' {
			out[i] = b
		} else {
			out[i] = ' '
		}
	}
	return out
}

// Prepare masks src according to its format.
func Prepare(format InputFormat, src []byte) Prepared {
	switch format {
	case Markdown:
		return prepareMarkdown(src)
	case HTML:
		return prepareHTML(src)
	}
	return preparePlain(src)
}

// preparePlain keeps the text and masks directive lines: a line holding
// only an HTML comment ("<!-- newslint-disable quote-balance -->").
func preparePlain(src []byte) Prepared {
	// The file itself is the text; it is copied only when a directive
	// line has to be masked.
	p := Prepared{Masked: src}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := bytes.TrimSpace(bytes.TrimPrefix(src[off:end], []byte("\ufeff")))
		if len(line) >= 7 && bytes.HasPrefix(line, []byte("<!--")) && bytes.HasSuffix(line, []byte("-->")) {
			s := off + bytes.Index(src[off:end], []byte("<!--"))
			e := off + bytes.LastIndex(src[off:end], []byte("-->")) + 3
			p.Comments = append(p.Comments, Comment{Span: Span{s, e}, Text: string(src[s+4 : e-3])})
			if len(p.Comments) == 1 {
				p.Masked = append([]byte(nil), src...)
			}
			copy(p.Masked[off:end], blank(src[off:end]))
		}
		off = end + 1
	}
	return p
}

// frontMatter returns the length of a YAML (---) or TOML (+++) front matter
// block at the start of src, or 0.
func frontMatter(src []byte) int {
	start := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		start = 3
	}
	for _, fence := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src[start:], []byte(fence)) {
			continue
		}
		first := bytes.IndexByte(src[start:], '\n')
		if first < 0 || strings.TrimSpace(string(src[start:start+first])) != fence {
			continue
		}
		off := start + first + 1
		for off < len(src) {
			nl := bytes.IndexByte(src[off:], '\n')
			end := len(src)
			if nl >= 0 {
				end = off + nl
			}
			if l := strings.TrimSpace(string(src[off:end])); l == fence || fence == "---" && l == "..." {
				if nl < 0 {
					return len(src)
				}
				return end + 1
			}
			if nl < 0 {
				break
			}
			off = end + 1
		}
	}
	return 0
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

func prepareMarkdown(src []byte) Prepared {
	p := Prepared{Masked: blank(src)}
	// Front matter is masked before goldmark sees the file, so offsets
	// stay those of the file.
	fm := frontMatter(src)
	input := append([]byte(nil), src...)
	copy(input[:fm], blank(src[:fm]))
	doc := markdown.Parser().Parse(text.NewReader(input))
	addComments := func(seg text.Segment) {
		for off := seg.Start; off < seg.Stop; {
			i := bytes.Index(src[off:seg.Stop], []byte("<!--"))
			if i < 0 {
				return
			}
			start := off + i
			j := bytes.Index(src[start+4:seg.Stop], []byte("-->"))
			if j < 0 {
				return
			}
			end := start + 4 + j + 3
			p.Comments = append(p.Comments, Comment{Span: Span{start, end}, Text: string(src[start+4 : end-3])})
			off = end
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.AutoLink, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				addComments(lines.At(i))
			}
			if n.HasClosure() {
				addComments(n.ClosureLine)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				addComments(n.Segments.At(i))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			copy(p.Masked[seg.Start:seg.Stop], src[seg.Start:seg.Stop])
		case *ast.String:
			// Strings carry no source position; nothing to keep.
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				p.Blocks = append(p.Blocks, Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
		default:
			if n.Kind().String() == "TableCell" && n.HasChildren() {
				first, last := n.FirstChild(), n.LastChild()
				if ft, ok := first.(*ast.Text); ok {
					if lt, ok := last.(*ast.Text); ok {
						p.Blocks = append(p.Blocks, Span{ft.Segment.Start, lt.Segment.Stop})
					}
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return p
}

// htmlBlocks are the elements that start and end a text block.
var htmlBlocks = setOf("p h1 h2 h3 h4 h5 h6 li blockquote div td th dd dt figcaption caption section article main header footer aside nav ul ol dl table tr body title br hr")

// htmlSkipped are the elements whose text is not article text.
var htmlSkipped = setOf("script style code pre noscript template nav form button select textarea svg math iframe object head")

func prepareHTML(src []byte) Prepared {
	p := Prepared{Masked: blank(src)}
	z := html.NewTokenizer(bytes.NewReader(src))
	hasArticle := bytes.Contains(bytes.ToLower(src), []byte("<article"))
	off := 0
	skip := 0      // depth inside skipped elements
	inArticle := 0 // depth inside <article>
	inTitle := false
	blockStart, blockEnd := -1, -1
	flush := func() {
		if blockStart >= 0 {
			p.Blocks = append(p.Blocks, Span{blockStart, blockEnd})
		}
		blockStart, blockEnd = -1, -1
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if htmlBlocks[tag] {
				flush()
			}
			delta := 1
			if tt == html.EndTagToken {
				delta = -1
			}
			if tt != html.SelfClosingTagToken {
				if htmlSkipped[tag] && tag != "head" {
					skip = max(0, skip+delta)
				}
				if tag == "article" {
					inArticle = max(0, inArticle+delta)
				}
				if tag == "title" {
					inTitle = delta > 0
				}
			}
		case html.CommentToken:
			s := string(raw)
			if len(s) >= 7 && strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") {
				p.Comments = append(p.Comments, Comment{Span: Span{start, off}, Text: s[4 : len(s)-3]})
			}
		case html.TextToken:
			if skip > 0 || inTitle || hasArticle && inArticle == 0 {
				continue
			}
			copy(p.Masked[start:off], decodeEntities(raw))
			// The block runs from its first to its last non-space byte.
			trimmedStart := start + len(raw) - len(bytes.TrimLeft(raw, " \t\r\n"))
			trimmedEnd := start + len(bytes.TrimRight(raw, " \t\r\n"))
			if trimmedEnd > trimmedStart {
				if blockStart < 0 {
					blockStart = trimmedStart
				}
				blockEnd = trimmedEnd
			}
		}
	}
	flush()
	return p
}

// decodeEntities replaces each character reference (&ldquo;, &#8217;,
// &amp;) by its character, padded with spaces to the reference's length,
// so the text keeps its length: “ stays a quotation mark and every offset
// still points into the original.
func decodeEntities(raw []byte) []byte {
	if bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	out := append([]byte(nil), raw...)
	for i := 0; i < len(raw); i++ {
		if raw[i] != '&' {
			continue
		}
		j := bytes.IndexByte(raw[i:min(len(raw), i+12)], ';')
		if j < 0 {
			continue
		}
		ref := string(raw[i : i+j+1])
		dec := html.UnescapeString(ref)
		if dec == ref || len(dec) > len(ref) {
			continue
		}
		for k := i; k < i+j+1; k++ {
			out[k] = ' '
		}
		// The character stays next to the word it is attached to: after
		// a word ("won,&rdquo;") it goes first, else last ("&ldquo;We").
		if i > 0 && raw[i-1] != ' ' && raw[i-1] != '\t' && raw[i-1] != '\n' {
			copy(out[i:], dec)
		} else {
			copy(out[i+j+1-len(dec):], dec)
		}
		i += j
	}
	return out
}

// widenToEntities extends a span whose ends fall inside an HTML character
// reference (&ldquo;) to cover the whole reference in the original file.
func (a *Article) widenToEntities(s Span) Span {
	b := a.Orig.Bytes
	entityAround := func(off int) (int, int, bool) {
		for i := off; i >= 0 && i > off-12; i-- {
			if i < off && b[i] == ';' {
				return 0, 0, false
			}
			if b[i] == '&' {
				j := bytes.IndexByte(b[i:min(len(b), i+12)], ';')
				if j > 0 && i+j >= off {
					return i, i + j + 1, true
				}
				return 0, 0, false
			}
		}
		return 0, 0, false
	}
	if s.Start < len(b) {
		if st, _, ok := entityAround(s.Start); ok {
			s.Start = st
		}
	}
	if s.End > 0 && s.End <= len(b) {
		if _, en, ok := entityAround(s.End - 1); ok {
			s.End = en
		}
	}
	return s
}
