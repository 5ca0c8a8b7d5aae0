package markup

import (
	"bytes"

	"github.com/newslint/newslint/article"
)

// readPlain keeps the text and masks directive lines: a line holding
// only an HTML comment ("<!-- newslint-disable quote-balance -->"). Lines
// end in LF, CRLF or a lone CR.
func readPlain(src []byte) Document {
	// The file itself is the text (Masked stays nil); it is copied only
	// when a directive line has to be masked.
	var d Document
	eol := "\n" // found by IndexByte, many bytes at a time
	if bytes.IndexByte(src, '\r') >= 0 {
		eol = "\r\n"
	}
	for off := 0; off < len(src); {
		end := bytes.IndexAny(src[off:], eol)
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := bytes.TrimSpace(bytes.TrimPrefix(src[off:end], []byte("\ufeff")))
		if len(line) >= 7 && bytes.HasPrefix(line, []byte("<!--")) && bytes.HasSuffix(line, []byte("-->")) {
			s := off + bytes.Index(src[off:end], []byte("<!--"))
			e := off + bytes.LastIndex(src[off:end], []byte("-->")) + 3
			d.Comments = append(d.Comments, Comment{Span: article.Span{Start: s, End: e}, Text: string(src[s+4 : e-3])})
			if len(d.Comments) == 1 {
				d.Masked = append([]byte(nil), src...)
			}
			copy(d.Masked[off:end], blank(src[off:end]))
		}
		off = end + 1
	}
	return d
}
