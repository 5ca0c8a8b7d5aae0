package markup

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup/internal/goldmark/ast"
	"github.com/newslint/newslint/article/markup/internal/goldmark/extension"
	east "github.com/newslint/newslint/article/markup/internal/goldmark/extension/ast"
	"github.com/newslint/newslint/article/markup/internal/goldmark/parser"
	"github.com/newslint/newslint/article/markup/internal/goldmark/text"
)

// frontMatter returns the length of a YAML (---) or TOML (+++) front matter
// block at the start of src, or 0, and the publication date its top-level
// "date" key gives ("" when none; see article.ParseDate). A --- block is
// front matter only when every line of it reads as YAML (yamlLike): a file
// that opens with a --- rule and has another one further down, with prose
// between them, is article text, linted as Markdown reads it (a rule, then
// paragraphs), not skipped unseen.
func frontMatter(src []byte) (int, string) {
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
		date := ""
		for off < len(src) {
			nl := bytes.IndexByte(src[off:], '\n')
			end := len(src)
			if nl >= 0 {
				end = off + nl
			}
			line := bytes.TrimRight(src[off:end], " \t\r")
			if l := string(bytes.TrimLeft(line, " \t")); l == fence || fence == "---" && l == "..." {
				if nl < 0 {
					return len(src), date
				}
				return end + 1, date
			}
			if fence == "---" && !yamlLike(line) {
				return 0, ""
			}
			if d := frontMatterDate(line, fence); d != "" && date == "" {
				date = d
			}
			if nl < 0 {
				break
			}
			off = end + 1
		}
	}
	return 0, ""
}

// frontMatterDate reads the date of a front matter line that sets the
// top-level key "date" (any case): "date: 2026-05-30" in YAML,
// "date = 2026-05-30T10:00:00Z" in TOML, the value quoted or not.
func frontMatterDate(line []byte, fence string) string {
	if len(line) < 5 || !bytes.EqualFold(line[:4], []byte("date")) {
		return ""
	}
	rest := bytes.TrimLeft(line[4:], " \t")
	sep := byte(':')
	if fence == "+++" {
		sep = '='
	}
	if len(rest) == 0 || rest[0] != sep {
		return ""
	}
	return article.ParseDate(string(rest[1:]))
}

// yamlLike reports whether a line of a --- block reads as YAML front
// matter: blank, a comment, indented (a nested value or a block scalar's
// text), a list item ("- x"), or a key ("title:", "author: Desk") whose
// name is one word or quoted. A line of prose ("Mayor Ana Ruiz said it.")
// is none of these.
func yamlLike(line []byte) bool {
	switch {
	case len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#':
		return true
	case line[0] == '-' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t'):
		return true
	case line[0] == '"' || line[0] == '\'':
		end := bytes.IndexByte(line[1:], line[0])
		if end < 0 {
			return false
		}
		line = line[end+2:]
	default:
		n := 0
		for n < len(line) && yamlKeyByte(line[n]) {
			n++
		}
		if n == 0 {
			return false
		}
		line = line[n:]
	}
	// A key ends with a colon, then nothing or a space and its value.
	return len(line) > 0 && line[0] == ':' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t')
}

// yamlKeyByte reports a byte of a front matter key that is not quoted:
// letters, digits, "_", "-", "." and the bytes of letters beyond ASCII.
func yamlKeyByte(b byte) bool {
	return wordByte(b) || b == '_' || b == '-' || b == '.'
}

// maxContainerColumn bounds the nesting goldmark sees. goldmark takes
// time quadratic in the number of containers (list items, block quotes)
// opened on one line ("- - - - … Mary said it.": 160 KB took 24 s), so a
// container marker that begins at this column or beyond (tabs counted to
// the next multiple of 4, as CommonMark counts them) is read as the start
// of a paragraph's text instead. Every container still open on a line
// was matched by a byte of it (">", or indentation of at least two
// columns) or opened by a marker before this column, so no line has more
// than this many containers, and the parse is linear. The bound is on
// the column, not on how many markers one line holds, because depth is
// also built over several lines, each indented to continue the items
// above it; and not on line length, because long lines of prose are
// ordinary. Articles nest a few levels, never near column 64.
const maxContainerColumn = 64

// boundNesting makes the first container marker of each line that begins
// at maxContainerColumn or beyond read as text: in goldmark's copy of the
// file, the byte before it (a space, a tab or the ">" of the marker
// before) becomes a backslash, which escapes it. The line's text from
// there on is a paragraph's (or, where goldmark would not have read a
// container anyway, in code or raw HTML, what it was), and the article
// text, which is copied from the file, keeps every byte at its offset.
func boundNesting(in []byte) {
	eachLine(in, func(line []byte) {
		if len(line) > maxContainerColumn/4 {
			boundLine(line)
		}
	})
}

// eachLine calls fn with each line of in, without its line feed.
func eachLine(in []byte, fn func(line []byte)) {
	for off := 0; off < len(in); {
		end := bytes.IndexByte(in[off:], '\n')
		if end < 0 {
			end = len(in)
		} else {
			end += off
		}
		fn(in[off:end])
		off = end + 1
	}
}

// Link destinations goldmark may scan for: goldmark reads an inline
// link's destination from each "](" with a link text open, to the first
// space, or for "](<" to the ">" (or the end of the line); a destination
// that never ends is scanned again from the next "](", so a run of them
// ("[a]([a]([a](…", 160 KB: 4.9 s) is quadratic. boundLinks makes what
// cannot be a destination plain in goldmark's copy of the file:
//   - in a run of bytes without a space longer than maxLinkRun, every
//     "](" after the first maxLinkRunOpeners (a destination, as
//     CommonMark reads it, ends at a space; no article writes more than a
//     few links without one);
//   - a "](<" with no ">" after it on its line before another "<",
//     which cannot close.
//
// Its "(" becomes a space, so the "]" ends the link text as an unused
// reference, which is text, as the failed link was. Each byte is then
// scanned a bounded number of times, and the article text, copied from
// the file, keeps every byte at its offset.
const (
	maxLinkRun        = 1024
	maxLinkRunOpeners = 8
)

func boundLinks(in []byte) {
	if bytes.Index(in, []byte("](")) < 0 {
		return
	}
	// Runs without a space.
	for off := 0; off < len(in); {
		for off < len(in) && isMarkdownSpace(in[off]) {
			off++
		}
		end := off
		for end < len(in) && !isMarkdownSpace(in[end]) {
			end++
		}
		if end-off > maxLinkRun {
			run, n := in[off:end], 0
			for i := bytes.Index(run, []byte("](")); i >= 0; {
				if n++; n > maxLinkRunOpeners {
					run[i+1] = ' '
				}
				j := bytes.Index(run[i+2:], []byte("]("))
				if j < 0 {
					break
				}
				i += 2 + j
			}
		}
		off = end
	}
	// "](<" whose destination cannot close: no ">" after it on its line
	// before another "<" (a destination in angle brackets holds neither).
	var lts, gts []int
	eachLine(in, func(line []byte) {
		if !bytes.Contains(line, []byte("](<")) {
			return
		}
		lts, gts = lts[:0], gts[:0]
		for k, c := range line {
			switch c {
			case '<':
				lts = append(lts, k)
			case '>':
				gts = append(gts, k)
			}
		}
		for i := bytes.Index(line, []byte("](<")); i >= 0; {
			gt, _ := slices.BinarySearch(gts, i+3)
			lt, _ := slices.BinarySearch(lts, i+3)
			if gt == len(gts) || lt < len(lts) && lts[lt] < gts[gt] {
				line[i+1] = ' '
			}
			j := bytes.Index(line[i+3:], []byte("](<"))
			if j < 0 {
				break
			}
			i += 3 + j
		}
	})
}

// isMarkdownSpace reports the bytes that end a link destination.
func isMarkdownSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// boundLine applies boundNesting to one line (without its line feed).
func boundLine(line []byte) {
	col := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			col++
			i++
			continue
		case c == '\t':
			col += 4 - col%4
			i++
			continue
		}
		n := containerMarker(line[i:])
		if n == 0 {
			return
		}
		if col >= maxContainerColumn {
			// A thematic break ("* * *") there is a leaf, not a
			// container: it stays as it is.
			if !thematicBreak(line[i:]) {
				line[i-1] = '\\'
			}
			return
		}
		col += n
		i += n
	}
}

// containerMarker returns the length of the block quote marker (">") or
// list item marker ("-", "*", "+", "1.", "1)", followed by a space, a
// tab or the end of the line) at the start of b, or 0.
func containerMarker(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n := 0
	switch c := b[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		n = 1
	default:
		for n < len(b) && n < 9 && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || b[n] != '.' && b[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' && b[n] != '\r' {
		return 0
	}
	return n
}

// thematicBreak reports whether b is a thematic break: three or more of
// one of "-", "*" or "_", and nothing else but spaces and tabs.
func thematicBreak(b []byte) bool {
	b = bytes.TrimRight(b, " \t\r")
	if len(b) == 0 {
		return false
	}
	c, count := b[0], 0
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	for _, x := range b {
		switch x {
		case c:
			count++
		case ' ', '\t':
		default:
			return false
		}
	}
	return count >= 3
}

// markdownParser is goldmark's parser for GitHub Flavored Markdown, set up
// as goldmark.New(goldmark.WithExtensions(extension.GFM)) sets it up, and
// made when the first Markdown file is read: a run on plain text builds
// none of it (goldmark is copied into internal/goldmark so that its
// patterns and tables wait for first use too; see FORK.md there).
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(append([]parser.Option{
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	}, extension.GFMParserOptions()...)...)
})

// mdReader collects the text, blocks and comments of a Markdown file.
type mdReader struct {
	src []byte
	d   Document
	// joinFrom is the end of the text last kept when it ends with a
	// letter or digit and only inline markup that joins (emphasis, a
	// link's brackets and target, a joining HTML tag) has come since
	// (-1 otherwise): text that goes on with a letter there joins the
	// word (Nazar**baev**).
	joinFrom int
}

func readMarkdown(src []byte) Document {
	r := &mdReader{src: src, joinFrom: -1}
	r.d.Masked = blank(src)
	// Front matter is masked before goldmark sees the file, so offsets
	// stay those of the file.
	fm, date := frontMatter(src)
	r.d.Date = date
	input := append([]byte(nil), src...)
	copy(input[:fm], blank(src[:fm]))
	boundNesting(input)
	boundLinks(input)
	doc := markdownParser().Parse(text.NewReader(input))
	_ = ast.Walk(doc, r.visit)
	return r.d
}

// visit keeps the text of text nodes, marks paragraphs, headings and table
// cells as blocks, reads comments in raw HTML and skips code and images.
func (r *mdReader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	join := r.joinFrom
	r.joinFrom = -1
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.AutoLink, *ast.Image:
		return ast.WalkSkipChildren, nil
	case *ast.Emphasis, *ast.Link:
		r.joinFrom = join
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
		if n.Segments.Len() == 1 {
			if seg := n.Segments.At(0); joiningHTML(seg.Value(r.src)) {
				r.joinFrom = join
			}
		}
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		seg := n.Segment
		raw := r.src[seg.Start:seg.Stop]
		if join >= 0 && len(raw) > 0 {
			first, _ := utf8.DecodeRune(raw)
			joinWord(r.d.Masked, join, seg.Start, first)
		}
		if last, _ := utf8.DecodeLastRune(raw); letterOrDigit(last) && !n.SoftLineBreak() && !n.HardLineBreak() {
			r.joinFrom = seg.Stop
		}
		// Character references decode in place, as in HTML (&ldquo;).
		copy(r.d.Masked[seg.Start:seg.Stop], decodeEntities(raw))
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
		if lines := n.Lines(); lines.Len() > 0 {
			r.block(lines.At(0).Start, lines.At(lines.Len()-1).Stop)
		}
	default:
		if n.Kind() == east.KindStrikethrough {
			r.joinFrom = join
		}
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

// joiningHTML reports whether a piece of inline raw HTML is a comment or
// a tag of an element that joins the letters around it (joiningTag).
func joiningHTML(raw []byte) bool {
	if bytes.HasPrefix(raw, []byte("<!--")) {
		return true
	}
	name := bytes.TrimPrefix(bytes.TrimPrefix(raw, []byte("<")), []byte("/"))
	n := 0
	for n < len(name) && ('a' <= name[n]|0x20 && name[n]|0x20 <= 'z' || n > 0 && '0' <= name[n] && name[n] <= '9') {
		n++
	}
	return n > 0 && joiningTag(strings.ToLower(string(name[:n])))
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
