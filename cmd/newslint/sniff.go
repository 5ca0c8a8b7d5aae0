package main

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter/engine"
)

// sniffLen is how much of standard input is looked at for its format.
const sniffLen = 4096

// namesFormat reports whether a --stdin-filename says the input's format:
// an extension newslint reads (.txt, .md, .html …).
func namesFormat(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return markup.ForPath(name) != markup.Text || ext == ".txt" || ext == ".text"
}

// sniffStdin reads standard input as HTML when it looks like HTML and
// neither --input-format nor the --stdin-filename's extension says what it
// is; anything else, Markdown included, stays plain text. It looks at the
// first sniffLen bytes only, which are then read again.
func sniffStdin(targets []engine.Target, stdinName string) {
	if namesFormat(stdinName) {
		return
	}
	for i := range targets {
		t := &targets[i]
		if !t.Stdin || t.Format != nil || t.Reader == nil {
			continue
		}
		br := bufio.NewReaderSize(t.Reader, sniffLen)
		head, _ := br.Peek(sniffLen) // a read error is met again when the text is read
		t.Reader = br
		if looksLikeHTML(head) {
			f := markup.HTML
			t.Format = &f
		}
	}
}

// blockTags are elements an HTML fragment starts with.
var blockTags = []string{
	"html", "head", "body", "article", "main", "section", "header", "div", "p",
	"h1", "h2", "h3", "h4", "h5", "h6", "title", "meta", "table", "ul", "ol",
	"blockquote", "figure", "span", "a", "em", "strong", "b", "i",
}

// documentTags are elements only an HTML document holds: one of them
// anywhere in the head makes it HTML.
var documentTags = []string{"html", "head", "body"}

// looksLikeHTML reports whether head, the start of a text, is HTML: after
// a byte-order mark, white space and comments, it begins with
// <!doctype html> or an element's start tag, or it holds an <html>,
// <head> or <body> start tag.
func looksLikeHTML(head []byte) bool {
	s := bytes.ToLower(bytes.TrimPrefix(head, []byte("\ufeff")))
	rest := s
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n\f")
		if !bytes.HasPrefix(rest, []byte("<!--")) {
			break
		}
		end := bytes.Index(rest, []byte("-->"))
		if end < 0 {
			return false
		}
		rest = rest[end+3:]
	}
	if bytes.HasPrefix(rest, []byte("<!doctype html")) {
		return true
	}
	for _, tag := range blockTags {
		if startTagAt(rest, tag) {
			return true
		}
	}
	for _, tag := range documentTags {
		for i := 0; i < len(s); {
			j := bytes.Index(s[i:], []byte("<"+tag))
			if j < 0 {
				break
			}
			if startTagAt(s[i+j:], tag) {
				return true
			}
			i += j + 1
		}
	}
	return false
}

// startTagAt reports whether s begins with the start tag of the element
// tag: "<tag" then ">", "/" or white space.
func startTagAt(s []byte, tag string) bool {
	if len(s) < len(tag)+2 || s[0] != '<' || string(s[1:1+len(tag)]) != tag {
		return false
	}
	switch s[1+len(tag)] {
	case '>', '/', ' ', '\t', '\r', '\n', '\f':
		return true
	}
	return false
}
