// Package lsp is newslint's language server (newslint lsp): LSP 3.17 over
// stdio, with JSON-RPC 2.0 and its Content-Length framing written here
// (the Go JSON-RPC libraries close the connection on a malformed message,
// and the LSP type libraries stop at 3.16, before position encodings).
// Documents are linted by the same engine as files, after a short pause
// in typing; findings become diagnostics in the negotiated position
// encoding, fixes become code actions, hovering a name shows who newslint
// thinks it is, and hovering a quotation where it is in the sources
// (quote-fidelity), which are indexed once a session and again when they
// change.
//
// Never imports: rules, format, cmd/newslint, internal/ruletest.
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
)

// Options configure a server.
type Options struct {
	// Rules are the rules to run; Defaults the built-in configuration
	// (config.toml), under each document's newslint.toml.
	Rules    []*linter.Rule
	Defaults []byte
	Version  string
	// Debounce is the pause after a change before linting (default
	// 150 ms).
	Debounce time.Duration
}

// Server is one language-server session.
type Server struct {
	opts Options
	out  *writer
	enc  string

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	docs        map[string]*document
	models      models
	configs     *configs
	wg          sync.WaitGroup
	// lints bounds the lints that run at once (a workspace of a thousand
	// documents opened together is linted a few at a time).
	lints chan struct{}
}

// document is an open document: its text, and no model (the models of
// the documents linted or shown last are in Server.models).
type document struct {
	uri, path, lang string
	version         int
	text            *rope
	// gen counts the document's changes: a lint started for an older gen
	// publishes nothing.
	gen    int
	timer  *time.Timer
	closed bool
}

// Serve runs a session on in and out until the client sends exit, or in
// ends, and returns the process's exit status: 0 after shutdown and exit,
// 1 otherwise (as the specification says).
func Serve(in io.Reader, out io.Writer, opts Options) int {
	if opts.Debounce <= 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	s := &Server{opts: opts, out: &writer{w: out}, enc: encUTF16, docs: map[string]*document{},
		lints: make(chan struct{}, runtime.GOMAXPROCS(0))}
	s.configs = newConfigs(opts.Rules, opts.Defaults)
	s.configs.sources.Skipped = func(path string, err error) { s.logMessage(fmt.Sprintf("source %s: %v", path, err)) }
	rd := newReader(in)
	for {
		body, err := rd.read()
		var fe *errFraming
		switch {
		case errors.As(err, &fe):
			s.replyError(nil, &rpcError{codeParseError, fe.msg})
			continue
		case err != nil:
			s.wg.Wait()
			return 1 // the stream ended without exit
		}
		m, rerr := decode(body)
		if rerr != nil {
			var id *json.RawMessage
			if m != nil {
				id = m.ID
			}
			s.replyError(id, rerr)
			continue
		}
		if m.Method == "exit" {
			s.stopAll()
			s.mu.Lock()
			done := s.shutdown
			s.mu.Unlock()
			if done {
				return 0
			}
			return 1
		}
		s.handle(m)
	}
}

// handle answers one message.
func (s *Server) handle(m *message) {
	isRequest := m.ID != nil
	if m.Method == "" {
		if isRequest {
			return // a response to a request of ours: we send none
		}
		s.replyError(nil, &rpcError{codeInvalidRequest, "invalid request: no method"})
		return
	}
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		if initialized {
			s.replyError(m.ID, &rpcError{codeInvalidRequest, "initialize was already received"})
			return
		}
	case !initialized:
		if isRequest {
			s.replyError(m.ID, &rpcError{codeServerNotInitialized, "the server is not initialized"})
		}
		return
	case shutdown:
		// Only exit is read after shutdown: requests are refused, other
		// notifications ignored.
		if isRequest {
			s.replyError(m.ID, &rpcError{codeInvalidRequest, "the server is shutting down"})
		}
		return
	}
	result, err := s.dispatch(m)
	if !isRequest {
		if err != nil && err.Code != codeMethodNotFound {
			s.logMessage(fmt.Sprintf("%s: %s", m.Method, err.Message))
		}
		return
	}
	if err != nil {
		s.replyError(m.ID, err)
		return
	}
	_ = s.out.write(response{JSONRPC: "2.0", ID: m.ID, Result: result})
}

// dispatch runs a method and returns its result.
func (s *Server) dispatch(m *message) (any, *rpcError) {
	switch m.Method {
	case "initialize":
		return s.initialize(m.Params)
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		// Requests are answered as they arrive, so there is nothing left
		// to cancel; lints of older versions are dropped on their own.
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopAll()
		return nil, nil
	case "textDocument/didOpen":
		return nil, withParams(m.Params, s.didOpen)
	case "textDocument/didChange":
		return nil, withParams(m.Params, s.didChange)
	case "textDocument/didSave":
		return nil, withParams(m.Params, s.didSave)
	case "textDocument/didClose":
		return nil, withParams(m.Params, s.didClose)
	case "workspace/didChangeWatchedFiles":
		return nil, withParams(m.Params, s.didChangeWatchedFiles)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p hoverParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	}
	return nil, &rpcError{codeMethodNotFound, "method not found: " + m.Method}
}

func unmarshal(params json.RawMessage, v any) *rpcError {
	if len(params) == 0 {
		return &rpcError{codeInvalidParams, "missing params"}
	}
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{codeInvalidParams, "invalid params: " + err.Error()}
	}
	return nil
}

// withParams decodes params into P and calls f.
func withParams[P any](params json.RawMessage, f func(P)) *rpcError {
	var p P
	if err := unmarshal(params, &p); err != nil {
		return err
	}
	f(p)
	return nil
}

// initialize negotiates the position encoding (UTF-8, then UTF-32, when the
// client offers them; else UTF-16) and says what the server can do.
func (s *Server) initialize(params json.RawMessage) (any, *rpcError) {
	var p initializeParams
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, &rpcError{codeInvalidParams, "invalid params: " + err.Error()}
		}
	}
	enc := encUTF16
	for _, want := range []string{encUTF8, encUTF32} {
		for _, offered := range p.Capabilities.General.PositionEncodings {
			if offered == want && enc == encUTF16 {
				enc = want
			}
		}
	}
	s.mu.Lock()
	s.enc = enc
	s.initialized = true
	s.mu.Unlock()
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   enc,
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: 2, Save: saveOptions{IncludeText: false}},
			HoverProvider:      true,
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
		},
		ServerInfo: serverInfo{Name: "newslint", Version: s.opts.Version},
	}, nil
}

func (s *Server) didOpen(p didOpenParams) {
	s.mu.Lock()
	d := &document{uri: p.TextDocument.URI, path: pathOf(p.TextDocument.URI), lang: p.TextDocument.LanguageID,
		version: p.TextDocument.Version, text: newRope([]byte(p.TextDocument.Text), s.enc)}
	if old := s.docs[d.uri]; old != nil {
		old.closed = true
		s.stopTimerLocked(old)
		s.models.drop(old)
	}
	s.docs[d.uri] = d
	s.scheduleLocked(d, 0)
	s.mu.Unlock()
}

func (s *Server) didChange(p didChangeParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		d.text.apply(c)
	}
	d.version = p.TextDocument.Version
	s.scheduleLocked(d, s.opts.Debounce)
}

func (s *Server) didSave(p didSaveParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	if p.Text != nil {
		d.text.apply(contentChange{Text: *p.Text})
	}
	s.scheduleLocked(d, 0)
}

// didClose forgets the document and clears its diagnostics.
func (s *Server) didClose(p didCloseParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	d.closed = true
	d.gen++
	s.stopTimerLocked(d)
	s.models.drop(d)
	delete(s.docs, d.uri)
	s.publishLocked(d.uri, nil, nil)
}

// didChangeWatchedFiles reloads configurations that changed and lints
// every open document again.
func (s *Server) didChangeWatchedFiles(p didChangeWatchedFilesParams) {
	changed := false
	for _, c := range p.Changes {
		switch filepath.Base(pathOf(c.URI)) {
		case "newslint.toml", ".newslint.toml":
			changed = true
		}
	}
	if !changed {
		return
	}
	s.configs.forget()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		s.scheduleLocked(d, 0)
	}
}

// scheduleLocked lints d after delay, unless it changes again first.
func (s *Server) scheduleLocked(d *document, delay time.Duration) {
	d.gen++
	gen := d.gen
	s.stopTimerLocked(d)
	s.wg.Add(1)
	d.timer = time.AfterFunc(delay, func() {
		defer s.wg.Done()
		s.lint(d, gen)
	})
}

// stopAll stops pending lints (at shutdown and exit).
func (s *Server) stopAll() {
	s.mu.Lock()
	for _, d := range s.docs {
		d.gen++
		s.stopTimerLocked(d)
	}
	s.mu.Unlock()
}

// stopTimerLocked cancels d's pending lint, if it has not started.
func (s *Server) stopTimerLocked(d *document) {
	if d.timer != nil && d.timer.Stop() {
		s.wg.Done()
	}
	d.timer = nil
}

// lint lints generation gen of d and publishes its diagnostics, unless the
// document changed or closed meanwhile.
func (s *Server) lint(d *document, gen int) {
	s.lints <- struct{}{}
	defer func() { <-s.lints }()
	s.mu.Lock()
	if d.closed || d.gen != gen {
		s.mu.Unlock()
		return
	}
	text, version, path, lang, uri := d.text.bytes(), d.version, d.path, d.lang, d.uri
	enc := s.enc
	s.mu.Unlock()

	l, cfgErr := s.configs.linter(path)
	if cfgErr != nil {
		s.showMessageOnce(cfgErr)
	}
	res := lintText(l, uri, path, lang, text, enc)

	s.mu.Lock()
	defer s.mu.Unlock()
	if d.closed || d.gen != gen {
		return // stale: a newer version is on its way
	}
	s.models.put(d, gen, res)
	if res.err != nil {
		s.logMessageLocked(fmt.Sprintf("%s: %v", path, res.err))
	}
	s.publishLocked(uri, &version, res.diagnostics)
}

// publishLocked sends a document's diagnostics (an empty list clears
// them).
func (s *Server) publishLocked(uri string, version *int, diags []Diagnostic) {
	if diags == nil {
		diags = []Diagnostic{}
	}
	_ = s.out.write(message{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics",
		Params: mustJSON(publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags})})
}

func (s *Server) replyError(id *json.RawMessage, e *rpcError) {
	if id == nil {
		null := json.RawMessage("null")
		id = &null
	}
	_ = s.out.write(errorResponse{JSONRPC: "2.0", ID: id, Error: e})
}

func (s *Server) logMessage(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logMessageLocked(msg)
}

func (s *Server) logMessageLocked(msg string) {
	_ = s.out.write(message{JSONRPC: "2.0", Method: "window/logMessage", Params: mustJSON(showMessageParams{Type: 3, Message: "newslint: " + msg})})
}

// showMessageOnce shows a configuration error the first time it is met.
func (s *Server) showMessageOnce(err error) {
	if !s.configs.firstReport(err) {
		return
	}
	_ = s.out.write(message{JSONRPC: "2.0", Method: "window/showMessage",
		Params: mustJSON(showMessageParams{Type: 1, Message: "newslint: " + err.Error() + " (the previous configuration is kept)"})})
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// pathOf is the file path of a file: URI, or "" for another scheme
// (untitled:).
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

// formatOf is the document's format, by language id, else by extension.
func formatOf(lang, path string) markup.Format {
	switch strings.ToLower(lang) {
	case "markdown":
		return markup.Markdown
	case "html":
		return markup.HTML
	case "plaintext", "text":
		return markup.Text
	}
	return markup.ForPath(path)
}
