package markup

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/article/markup/internal/html"
)

// blockTag reports whether an element starts and ends a text block.
func blockTag(tag string) bool {
	switch tag {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "td", "th", "dd", "dt",
		"figcaption", "caption", "section", "article", "main", "header", "footer", "aside", "nav",
		"ul", "ol", "dl", "table", "tr", "body", "title", "br", "hr":
		return true
	}
	return false
}

// skippedTag reports whether an element's text is not article text.
func skippedTag(tag string) bool {
	switch tag {
	case "script", "style", "code", "pre", "noscript", "template", "nav", "form", "button", "select",
		"textarea", "svg", "math", "iframe", "object":
		return true
	}
	return false
}

// joiningTag reports whether an element is inline markup that renders
// nothing of its own, so that letters on both sides of its tags are one
// word (Nazar<wbr>baev, <b>Nazar</b>baev). Elements that stand for a
// break or an object (<br>, <img>, <q>, blocks) are not.
func joiningTag(tag string) bool {
	switch tag {
	case "a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i", "ins",
		"kbd", "mark", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
		"var", "wbr":
		return true
	}
	return false
}

// htmlReader walks an HTML file's tokens, keeping the text of the article
// (of <article> when there is one that holds text, else of <body>) and
// marking its blocks.
type htmlReader struct {
	d          Document
	hasArticle bool
	skip       int // depth inside skipped elements
	inArticle  int // depth inside <article>
	inTitle    bool
	// blockStart and blockEnd delimit the text of the block being read
	// (-1 when none).
	blockStart, blockEnd int
	// joinFrom is the end of the text last kept when it ends with a
	// letter or digit and only joining markup has come since (-1
	// otherwise): text that goes on with a letter there joins the word.
	joinFrom int
	// The publication dates found (see date): of the article:published_time
	// meta tag, of the first <time datetime> inside the article and in the
	// page.
	metaDate, articleTime, pageTime string
}

func readHTML(src []byte) Document {
	r := &htmlReader{hasArticle: articleHasText(src), blockStart: -1, blockEnd: -1, joinFrom: -1}
	r.d.Masked = blank(src)
	z := html.NewTokenizer(bytes.NewReader(src))
	for off := 0; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if hasAttr && tt != html.EndTagToken {
				r.date(z, name)
			}
			r.tag(string(name), tt)
		case html.CommentToken:
			s := string(raw)
			if len(s) >= 7 && strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") {
				r.d.Comments = append(r.d.Comments, Comment{Span: article.Span{Start: start, End: off}, Text: s[4 : len(s)-3]})
			}
		case html.TextToken:
			r.text(start, raw)
		default:
			r.joinFrom = -1
		}
	}
	r.flush()
	switch {
	case r.metaDate != "":
		r.d.Date = r.metaDate
	case r.articleTime != "":
		r.d.Date = r.articleTime
	default:
		r.d.Date = r.pageTime
	}
	return r.d
}

// date reads the publication date from the attributes of a <meta> or
// <time> start tag: <meta property="article:published_time"
// content="…"> (or name= for property=), else the first <time
// datetime="…"> inside the article (<article>, when the page has one that
// holds text), else the first in the page. Only dates article.ParseDate
// reads count.
func (r *htmlReader) date(z *html.Tokenizer, name []byte) {
	isMeta := string(name) == "meta"
	if !isMeta && string(name) != "time" || isMeta && r.metaDate != "" {
		return
	}
	inArticle := r.hasArticle && r.inArticle > 0
	if !isMeta && (r.articleTime != "" || r.pageTime != "" && !inArticle) {
		return
	}
	var published bool
	var value string
	for {
		key, val, more := z.TagAttr()
		switch {
		case isMeta && (string(key) == "property" || string(key) == "name"):
			published = published || strings.EqualFold(strings.TrimSpace(string(val)), "article:published_time")
		case isMeta && string(key) == "content", !isMeta && string(key) == "datetime":
			value = string(val)
		}
		if !more {
			break
		}
	}
	d := article.ParseDate(value)
	switch {
	case d == "":
	case isMeta:
		if published {
			r.metaDate = d
		}
	case inArticle:
		r.articleTime = d
	case r.pageTime == "":
		r.pageTime = d
	}
}

// articleHasText reports whether the page has an <article> element that
// holds text: an <article> tag, read as the tokenizer reads the page (not
// one in a comment, a script, an attribute or the name of another tag),
// outside the elements whose text is skipped, with text in it. A page
// whose only <article> is empty is read whole.
func articleHasText(src []byte) bool {
	if !containsFold(src, "<article") {
		return false
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	skip, in := 0, 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			delta := 1
			if tt == html.EndTagToken {
				delta = -1
			}
			switch tag := string(name); {
			case skippedTag(tag):
				skip = max(0, skip+delta)
			case tag == "article":
				in = max(0, in+delta)
			}
		case html.TextToken:
			if in > 0 && skip == 0 && len(bytes.TrimSpace(z.Raw())) > 0 {
				return true
			}
		}
	}
}

// containsFold reports whether b holds s (lower-case ASCII) in any case.
func containsFold(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); {
		k := bytes.IndexByte(b[i:], s[0])
		if k < 0 {
			return false
		}
		i += k
		if i+len(s) <= len(b) && bytes.EqualFold(b[i:i+len(s)], []byte(s)) {
			return true
		}
		i++
	}
	return false
}

// flush ends the block being read.
func (r *htmlReader) flush() {
	if r.blockStart >= 0 {
		r.d.Blocks = append(r.d.Blocks, article.Span{Start: r.blockStart, End: r.blockEnd})
	}
	r.blockStart, r.blockEnd = -1, -1
}

// tag follows the element structure: blocks, skipped elements, <article>
// and <title>.
func (r *htmlReader) tag(tag string, tt html.TokenType) {
	if blockTag(tag) {
		r.flush()
	}
	if !joiningTag(tag) {
		r.joinFrom = -1
	}
	if tt == html.SelfClosingTagToken {
		return
	}
	delta := 1
	if tt == html.EndTagToken {
		delta = -1
	}
	switch {
	case skippedTag(tag):
		r.skip = max(0, r.skip+delta)
	case tag == "article":
		r.inArticle = max(0, r.inArticle+delta)
	case tag == "title":
		r.inTitle = delta > 0
	}
}

// text keeps a text token that belongs to the article, its character
// references decoded in place.
func (r *htmlReader) text(start int, raw []byte) {
	if r.skip > 0 || r.inTitle || r.hasArticle && r.inArticle == 0 {
		r.joinFrom = -1
		return
	}
	if r.joinFrom >= 0 && len(raw) > 0 {
		first, _ := utf8.DecodeRune(raw)
		joinWord(r.d.Masked, r.joinFrom, start, first)
	}
	r.joinFrom = -1
	if last, _ := utf8.DecodeLastRune(raw); letterOrDigit(last) {
		r.joinFrom = start + len(raw)
	}
	copy(r.d.Masked[start:start+len(raw)], decodeEntities(raw))
	// The block runs from its first to its last non-space byte.
	trimmedStart := start + len(raw) - len(bytes.TrimLeft(raw, " \t\r\n"))
	trimmedEnd := start + len(bytes.TrimRight(raw, " \t\r\n"))
	if trimmedEnd > trimmedStart {
		if r.blockStart < 0 {
			r.blockStart = trimmedStart
		}
		r.blockEnd = trimmedEnd
	}
}

// joinWord masks the markup between two pieces of text, masked[from:to],
// with article.MarkupPad, which the model reads through inside a word,
// when the text after it begins with a letter or digit (the text before
// it ends with one). Markup holding a line break stays a break (the
// masked text keeps every line break of the file).
func joinWord(masked []byte, from, to int, next rune) {
	if to <= from || !letterOrDigit(next) {
		return
	}
	for _, b := range masked[from:to] {
		if b != ' ' {
			return
		}
	}
	for i := from; i < to; i++ {
		masked[i] = article.MarkupPad
	}
}

// letterOrDigit reports a rune that belongs to a word: a letter, a digit
// or a combining mark.
func letterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
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
		if strings.ContainsAny(dec, "\n\r") {
			// &#10; is white space; as a line feed it would add a line
			// break the file does not have.
			dec = strings.NewReplacer("\n", " ", "\r", " ").Replace(dec)
		}
		// Inside a word (Andr&eacute;s) the padding is NUL, which the
		// model reads through as it does a soft hyphen; elsewhere it is
		// spaces.
		pad := byte(' ')
		if i > 0 && wordByte(raw[i-1]) && i+j+1 < len(raw) && wordByte(raw[i+j+1]) {
			pad = 0
		}
		for k := i; k < i+j+1; k++ {
			out[k] = pad
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

// wordByte reports a byte that may belong to a word: an ASCII letter or
// digit, or part of a multi-byte character.
func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// WidenToEntities extends a span of an HTML file whose ends fall inside a
// character reference (&ldquo;) to cover the whole reference, so that a
// finding on a decoded quotation mark points at what is in the file.
func WidenToEntities(orig []byte, s article.Span) article.Span {
	if s.Start < len(orig) {
		if st, _, ok := entityAround(orig, s.Start); ok {
			s.Start = st
		}
	}
	if s.End > 0 && s.End <= len(orig) {
		if _, en, ok := entityAround(orig, s.End-1); ok {
			s.End = en
		}
	}
	return s
}

// entityAround finds the character reference holding offset off of b.
func entityAround(b []byte, off int) (int, int, bool) {
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
