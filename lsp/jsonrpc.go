package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
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

// reader reads framed messages: headers ("Content-Length: N"), a blank
// line, then N bytes of JSON.
type reader struct{ r *bufio.Reader }

// errFraming is a message whose headers or length are wrong; the reader
// has skipped what it could not read and goes on with the next message.
type errFraming struct{ msg string }

func (e *errFraming) Error() string { return e.msg }

// read returns the next message's body. A framing error (no
// Content-Length, a length that is not a number or is too large, a body
// cut short) is returned as *errFraming after resynchronising on the next
// header block; io.EOF ends the stream.
func (rd *reader) read() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := rd.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line == "" && !sawHeader {
				return nil, io.EOF
			}
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // blank lines between messages
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			// Not a header: the rest of a body whose length was wrong.
			// Skip it, and read on until headers start again.
			sawHeader = false
			length = -1
			continue
		}
		sawHeader = true
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, &errFraming{fmt.Sprintf("invalid Content-Length %q", strings.TrimSpace(value))}
			}
			length = n
		}
	}
	if length < 0 {
		return nil, &errFraming{"message without a Content-Length header"}
	}
	if length > maxMessage {
		// Skip the body rather than hold it.
		if _, err := io.CopyN(io.Discard, rd.r, int64(length)); err != nil {
			return nil, err
		}
		return nil, &errFraming{fmt.Sprintf("message of %d bytes is over the limit of %d", length, maxMessage)}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, err
	}
	return body, nil
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
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{codeInvalidRequest, `invalid request: "jsonrpc" must be "2.0"`}
	}
	return &m, nil
}
