// Package markup reads an article file in its format (plain text, Markdown,
// HTML) and masks everything that is not article text (markup, code, front
// matter, comments, URLs) with spaces, or, between two letters it joins
// into one word (Nazar<b>baev</b>, Nazar**baev**), with article.MarkupPad.
// The masked text keeps the file's length and line breaks, so every offset
// the model computes is an offset into the file as it is on disk. One file
// per format. Markdown is read with goldmark and HTML with the tokenizer of
// golang.org/x/net/html, both copied into internal/ (see
// internal/FORK.md) so that nothing of them is built before a file of
// their format is read.
//
// Never imports: any package of this module but article,
// article/markup/internal/goldmark/ast,
// article/markup/internal/goldmark/extension,
// article/markup/internal/goldmark/extension/ast,
// article/markup/internal/goldmark/parser,
// article/markup/internal/goldmark/text, article/markup/internal/html.
package markup

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/article"
)

// Format is the format of an article file.
type Format int

// Formats.
const (
	Text Format = iota
	Markdown
	HTML
)

var formatNames = [...]string{Text: "text", Markdown: "markdown", HTML: "html"}

func (f Format) String() string {
	if f < Text || f > HTML {
		return fmt.Sprintf("format(%d)", int(f))
	}
	return formatNames[f]
}

// ParseFormat reads "text", "markdown" or "html".
func ParseFormat(name string) (Format, error) {
	for f, n := range formatNames {
		if strings.EqualFold(name, n) {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("unknown input format %q (want text, markdown or html)", name)
}

// ForPath chooses the format from a file's extension.
func ForPath(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return Text
}

// Lintable reports whether a file name has an extension newslint reads when
// it walks a directory.
func Lintable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// Document is a file read in its format: the input of the article model,
// and the comments that may hold suppression directives.
type Document struct {
	article.Input
	Format   Format
	Comments []Comment
}

// Comment is an HTML comment (or, in plain text, a directive line).
type Comment struct {
	article.Span
	// Text is what stands between <!-- and -->.
	Text string
}

// Read masks src according to its format.
func Read(path string, src []byte, f Format) Document {
	var d Document
	switch f {
	case Markdown:
		d = readMarkdown(src)
	case HTML:
		d = readHTML(src)
	default:
		d = readPlain(src)
	}
	d.Path, d.Orig, d.Format = path, src, f
	return d
}

// Parse reads src in its format and builds the article model.
func Parse(path string, src []byte, f Format) (*article.Article, Document) {
	d := Read(path, src, f)
	return article.Parse(d.Input), d
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
