package markup

import (
	"bytes"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

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

// mdReader collects the text, blocks and comments of a Markdown file.
type mdReader struct {
	src []byte
	d   Document
}

func readMarkdown(src []byte) Document {
	r := &mdReader{src: src}
	r.d.Masked = blank(src)
	// Front matter is masked before goldmark sees the file, so offsets
	// stay those of the file.
	fm := frontMatter(src)
	input := append([]byte(nil), src...)
	copy(input[:fm], blank(src[:fm]))
	doc := markdown.Parser().Parse(text.NewReader(input))
	_ = ast.Walk(doc, r.visit)
	return r.d
}

// visit keeps the text of text nodes, marks paragraphs, headings and table
// cells as blocks, reads comments in raw HTML and skips code and images.
func (r *mdReader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.AutoLink, *ast.Image:
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		r.comments(n.Lines())
		if n.HasClosure() {
			closure := text.NewSegments()
			closure.Append(n.ClosureLine)
			r.comments(closure)
		}
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		r.comments(n.Segments)
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		seg := n.Segment
		// Character references decode in place, as in HTML (&ldquo;).
		copy(r.d.Masked[seg.Start:seg.Stop], decodeEntities(r.src[seg.Start:seg.Stop]))
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
		if lines := n.Lines(); lines.Len() > 0 {
			r.block(lines.At(0).Start, lines.At(lines.Len()-1).Stop)
		}
	default:
		// GFM table cells hold their text directly.
		if n.Kind().String() == "TableCell" && n.HasChildren() {
			first, okf := n.FirstChild().(*ast.Text)
			last, okl := n.LastChild().(*ast.Text)
			if okf && okl {
				r.block(first.Segment.Start, last.Segment.Stop)
			}
		}
	}
	return ast.WalkContinue, nil
}

func (r *mdReader) block(start, end int) {
	r.d.Blocks = append(r.d.Blocks, article.Span{Start: start, End: end})
}

// comments reads the HTML comments in raw HTML segments.
func (r *mdReader) comments(segs *text.Segments) {
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		for off := seg.Start; off < seg.Stop; {
			c, end, ok := nextComment(r.src, off, seg.Stop)
			if !ok {
				break
			}
			r.d.Comments = append(r.d.Comments, c)
			off = end
		}
	}
}

// nextComment finds the first complete <!-- … --> in src[from:to].
func nextComment(src []byte, from, to int) (Comment, int, bool) {
	i := bytes.Index(src[from:to], []byte("<!--"))
	if i < 0 {
		return Comment{}, 0, false
	}
	start := from + i
	j := bytes.Index(src[start+4:to], []byte("-->"))
	if j < 0 {
		return Comment{}, 0, false
	}
	end := start + 4 + j + 3
	return Comment{Span: article.Span{Start: start, End: end}, Text: string(src[start+4 : end-3])}, end, true
}
