package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"
)

// JSON-RPC 2.0 error codes (and LSP's own).
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  any              `json:"result,omitempty"`
	Error   *rpcError        `json:"error,omitempty"`
}

// response is a response as written: its result is written even when it
// is null, as JSON-RPC requires.
type response struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id"`
	Result  any              `json:"result"`
}

type errorResponse struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id"`
	Error   *rpcError        `json:"error"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

// maxMessage bounds one message's body: a document of max-file-size (at
// most 1 GB) in JSON would be larger, but an editor's buffer is never this
// big, and a wrong Content-Length must not make the server allocate
// without limit.
const maxMessage = 256 << 20

// maxHeaderLine bounds one header line (a line with no line feed must not
// be held without limit); a longer one is a framing error.
const maxHeaderLine = 8 << 10

// minBuffer is the reader's buffer when no large message is in it.
const minBuffer = 64 << 10

// reader reads framed messages: headers ("Content-Length: N"), a blank
// line, then N bytes of JSON. After a frame it cannot read (a wrong
// Content-Length, a header that is not one, a body that is not JSON) it
// resynchronises on the next "Content-Length:" in the stream, looking
// first inside the bad frame's own body from where its JSON went wrong:
// a length too long takes the start of the next message into the body,
// and that message is still read.
type reader struct {
	r      io.Reader
	buf    []byte // buf[pos:] has been read from r and not consumed
	pos    int
	err    error // r's error, once it has returned one
	empty  int   // reads in a row that returned nothing
	resync bool  // skip to the next "Content-Length:" before reading
}

func newReader(r io.Reader) *reader { return &reader{r: r} }

// errFraming is a message whose headers or length are wrong; the reader
// has skipped what it could not read and goes on with the next message.
type errFraming struct{ msg string }

func (e *errFraming) Error() string { return e.msg }

// read returns the next message's body, which is valid JSON and stays
// valid until the next call. A framing error is returned as *errFraming
// (the next call resynchronises); io.EOF ends the stream.
func (rd *reader) read() ([]byte, error) {
	if cap(rd.buf) > 4*minBuffer && len(rd.buf)-rd.pos <= minBuffer {
		// A large message is done with: give its buffer back.
		rd.buf, rd.pos = append(make([]byte, 0, minBuffer), rd.buf[rd.pos:]...), 0
	}
	if rd.resync {
		if !rd.skipToHeader() {
			return nil, rd.endErr()
		}
		rd.resync = false
	}
	body, err := rd.frame()
	var fe *errFraming
	if errors.As(err, &fe) {
		rd.resync = true
	}
	return body, err
}

// frame reads one frame; on a framing error it leaves rd.pos where the
// search for the next header must start.
func (rd *reader) frame() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := rd.line()
		if err != nil {
			return nil, err
		}
		lineStart := rd.pos - len(line) - 1 // (reading may have moved the buffer)
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			if !sawHeader {
				continue // blank lines between messages
			}
			break
		}
		if i := indexHeader(line); i > 0 {
			// Bytes before a header (the rest of a body whose length
			// was too short): read on from the header.
			rd.pos = lineStart + i
			return nil, &errFraming{fmt.Sprintf("bytes before a header: %s", quoteStart(line[:i]))}
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			rd.pos = lineStart + 1
			return nil, &errFraming{fmt.Sprintf("not a header: %s", quoteStart(line))}
		}
		sawHeader = true
		if bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			v := string(bytes.TrimSpace(value))
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return nil, &errFraming{fmt.Sprintf("invalid Content-Length %s", quoteStart([]byte(v)))}
			}
			length = n
		}
	}
	if length < 0 {
		return nil, &errFraming{"message without a Content-Length header"}
	}
	if length > maxMessage {
		// Not read: the next header is looked for from here.
		return nil, &errFraming{fmt.Sprintf("message of %d bytes is over the limit of %d", length, maxMessage)}
	}
	if !rd.fill(length) {
		return nil, rd.endErr()
	}
	body := rd.buf[rd.pos : rd.pos+length]
	if err := validJSON(body); err != nil {
		// Skip only what went before the error: a Content-Length too
		// long puts the next message's header there.
		rd.pos += max(0, min(int(err.Offset)-1, length))
		return nil, &errFraming{"parse error: " + err.Error()}
	}
	rd.pos += length
	return body, nil
}

// validJSON checks body as JSON, and says where it went wrong.
func validJSON(body []byte) *json.SyntaxError {
	if json.Valid(body) {
		return nil
	}
	var v json.RawMessage
	err := json.Unmarshal(body, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se
	}
	return &json.SyntaxError{Offset: 1}
}

// line reads one line and returns it without its line feed; a line over
// maxHeaderLine is a framing error (the search for the next header starts
// inside it).
func (rd *reader) line() ([]byte, error) {
	scanned := 0
	for {
		unread := rd.buf[rd.pos:]
		if i := bytes.IndexByte(unread[scanned:], '\n'); i >= 0 && scanned+i <= maxHeaderLine {
			rd.pos += scanned + i + 1
			return unread[:scanned+i], nil
		}
		if len(unread) > maxHeaderLine {
			rd.pos++
			return nil, &errFraming{fmt.Sprintf("header line over %d bytes", maxHeaderLine)}
		}
		scanned = len(unread)
		if !rd.fill(len(unread) + 1) {
			return nil, rd.endErr()
		}
	}
}

// skipToHeader consumes input up to the next "Content-Length:" (in any
// case), and reports whether it found one.
func (rd *reader) skipToHeader() bool {
	const keep = len("content-length:") - 1 // a header cut across two reads
	for {
		unread := rd.buf[rd.pos:]
		if i := indexHeader(unread); i >= 0 {
			rd.pos += i
			return true
		}
		if len(unread) > keep {
			rd.pos += len(unread) - keep
		}
		if !rd.fill(len(rd.buf) - rd.pos + 1) {
			return false
		}
	}
}

// indexHeader is the index of the first "Content-Length:" (in any case) in
// b, or -1.
func indexHeader(b []byte) int {
	const h = "content-length:"
	for i := 0; i+len(h) <= len(b); i++ {
		if b[i]|0x20 == 'c' && bytes.EqualFold(b[i:i+len(h)], []byte(h)) {
			return i
		}
	}
	return -1
}

// fill reads until at least need bytes are unread, and reports whether
// they are (false: the input ended, or failed, first).
func (rd *reader) fill(need int) bool {
	for len(rd.buf)-rd.pos < need {
		if rd.err != nil {
			return false
		}
		if len(rd.buf) == cap(rd.buf) {
			unread := len(rd.buf) - rd.pos
			if rd.pos > 0 && rd.pos >= unread {
				// Moving the unread bytes costs no more than those
				// consumed since the last move.
				rd.buf = rd.buf[:copy(rd.buf, rd.buf[rd.pos:])]
				rd.pos = 0
			} else {
				grown := make([]byte, unread, max(minBuffer, 2*cap(rd.buf), need))
				copy(grown, rd.buf[rd.pos:])
				rd.buf, rd.pos = grown, 0
			}
		}
		n, err := rd.r.Read(rd.buf[len(rd.buf):cap(rd.buf)])
		rd.buf = rd.buf[:len(rd.buf)+n]
		switch {
		case err != nil:
			rd.err = err
		case n > 0:
			rd.empty = 0
		default:
			if rd.empty++; rd.empty > 100 {
				rd.err = io.ErrNoProgress
			}
		}
	}
	return true
}

// endErr is the error that ended the input: io.EOF for an input that
// ended, cut short or not.
func (rd *reader) endErr() error {
	if rd.err == nil || errors.Is(rd.err, io.ErrUnexpectedEOF) {
		return io.EOF
	}
	return rd.err
}

// quoteStart quotes the start of b for an error message.
func quoteStart(b []byte) string {
	if len(b) > 40 {
		return strconv.Quote(string(b[:40])) + "…"
	}
	return strconv.Quote(string(b))
}

// writer writes framed messages, one at a time.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (wr *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	var b bytes.Buffer
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	_, err = wr.w.Write(b.Bytes())
	return err
}

// decode reads a message body. A body that is not JSON, or not a JSON-RPC
// message, is an *rpcError to answer with (id null).
func decode(body []byte) (*message, *rpcError) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || !json.Valid(body) {
			return nil, &rpcError{codeParseError, "parse error: " + err.Error()}
		}
		return nil, &rpcError{codeInvalidRequest, "invalid request: " + err.Error()}
	}
	if m.ID != nil {
		id, ok := cleanID(*m.ID)
		if !ok {
			m.ID = nil // answered with a null id
			return &m, &rpcError{codeInvalidRequest, "invalid request: an id must be a string or a number"}
		}
		m.ID = &id
	}
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{codeInvalidRequest, `invalid request: "jsonrpc" must be "2.0"`}
	}
	return &m, nil
}

// cleanID is a request id as it can be echoed back: a number as sent, a
// string with any bytes that are not UTF-8 replaced (a response must be
// valid JSON, hence UTF-8). It reports false for an id that is neither.
func cleanID(raw json.RawMessage) (json.RawMessage, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, false
	}
	switch c := raw[0]; {
	case c == '-' || c >= '0' && c <= '9':
		return raw, true
	case c == '"':
		if utf8.Valid(raw) {
			return raw, true
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, false
		}
		return mustJSON(s), true // json replaces the invalid bytes
	}
	return nil, false
}
