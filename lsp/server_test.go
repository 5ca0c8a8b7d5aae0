package lsp

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testRules: a rule that reports the word "bad" with a fix, and one that
// reports the first "Smyth" with related evidence on "Smith".
var testRules = []*linter.Rule{
	{Name: "bad-word", Doc: "bad", Severity: linter.Warning, Run: func(pass *linter.Pass) {
		for i, t := range pass.Article.Tokens {
			if pass.Article.Tok(i) == "bad" {
				pass.Report(t.Span(), "the word “bad”", pass.Fix("use “good”", t.Span(), "good"))
			}
		}
	}},
	{Name: "smyth", Doc: "smyth", Severity: linter.Error, Run: func(pass *linter.Pass) {
		var smith, smyth = -1, -1
		for i := range pass.Article.Tokens {
			switch pass.Article.Tok(i) {
			case "Smith":
				smith = i
			case "Smyth":
				smyth = i
			}
		}
		if smith >= 0 && smyth >= 0 {
			ev := pass.Evidence(pass.Article.Tokens[smith].Span(), "the spelling “Smith”")
			pass.ReportRelated(pass.Article.Tokens[smyth].Span(), "Smyth or Smith?", []linter.Related{ev})
		}
	}},
}

// client drives a server over pipes as an editor does.
type client struct {
	t      testing.TB
	in     *io.PipeWriter
	out    *bufio.Reader
	msgs   chan map[string]any
	done   chan int
	nextID int
	// wait is how long next waits for a message (10 s unless set).
	wait time.Duration
}

func start(t *testing.T, rules []*linter.Rule) *client {
	return startWith(t, Options{Rules: rules, Defaults: []byte(""), Version: "test", Debounce: 20 * time.Millisecond})
}

// startWith runs a server with opts on pipes and returns its client.
func startWith(t testing.TB, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, out: bufio.NewReader(outR), msgs: make(chan map[string]any, 100), done: make(chan int, 1)}
	go func() {
		c.done <- Serve(inR, outW, opts)
		outW.Close()
	}()
	go func() {
		rd := newReader(c.out)
		for {
			body, err := rd.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m map[string]any
			if json.Unmarshal(body, &m) == nil {
				c.msgs <- m
			}
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

func (c *client) raw(s string) {
	c.t.Helper()
	_, err := io.WriteString(c.in, s)
	require.NoError(c.t, err)
}

func (c *client) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	require.NoError(c.t, err)
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and returns its response, skipping notifications.
func (c *client) call(method string, params any) map[string]any {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	for {
		m := c.next()
		if m["id"] == float64(id) {
			return m
		}
	}
}

func (c *client) next() map[string]any {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		require.True(c.t, ok, "the server closed the stream")
		return m
	case <-time.After(cmp.Or(c.wait, 10*time.Second)):
		c.t.Fatal("no message from the server")
	}
	return nil
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) []any {
	c.t.Helper()
	for {
		m := c.next()
		if m["method"] != "textDocument/publishDiagnostics" {
			continue
		}
		p := m["params"].(map[string]any)
		if p["uri"] == uri && (version < 0 || p["version"] == float64(version)) {
			return p["diagnostics"].([]any)
		}
	}
}

func (c *client) initialize(encodings ...string) map[string]any {
	c.t.Helper()
	r := c.call("initialize", map[string]any{"processId": nil, "rootUri": nil,
		"capabilities": map[string]any{"general": map[string]any{"positionEncodings": encodings}}})
	c.notify("initialized", map[string]any{})
	return r
}

func rangeOf(d any) [4]int {
	r := d.(map[string]any)["range"].(map[string]any)
	s, e := r["start"].(map[string]any), r["end"].(map[string]any)
	return [4]int{int(s["line"].(float64)), int(s["character"].(float64)), int(e["line"].(float64)), int(e["character"].(float64))}
}

func TestLifecycleAndEncodings(t *testing.T) {
	c := start(t, testRules)
	r := c.call("textDocument/hover", map[string]any{})
	assert.Equal(t, float64(codeServerNotInitialized), r["error"].(map[string]any)["code"], "a request before initialize")
	r = c.initialize()
	caps := r["result"].(map[string]any)["capabilities"].(map[string]any)
	assert.Equal(t, "utf-16", caps["positionEncoding"])
	assert.Equal(t, true, caps["hoverProvider"])
	r = c.call("initialize", map[string]any{})
	assert.NotNil(t, r["error"], "a second initialize")
	r = c.call("workspace/symbol", map[string]any{})
	assert.Equal(t, float64(codeMethodNotFound), r["error"].(map[string]any)["code"])
	c.notify("$/cancelRequest", map[string]any{"id": 99})
	r = c.call("shutdown", nil)
	assert.Contains(t, r, "result")
	assert.Nil(t, r["result"])
	r = c.call("textDocument/hover", map[string]any{})
	assert.NotNil(t, r["error"], "requests after shutdown")
	c.notify("exit", nil)
	assert.Equal(t, 0, <-c.done)

	c = start(t, testRules)
	r = c.initialize("utf-32", "utf-8")
	assert.Equal(t, "utf-8", r["result"].(map[string]any)["capabilities"].(map[string]any)["positionEncoding"])
	c.notify("exit", nil)
	assert.Equal(t, 1, <-c.done, "exit without shutdown")
}

// TestDiagnosticsFollowEdits: incremental edits, lines added and removed
// before a finding, and characters outside the BMP before it, in each
// encoding; a fix clears the list for that version; closing clears it.
func TestDiagnosticsFollowEdits(t *testing.T) {
	for _, enc := range []string{"utf-16", "utf-8", "utf-32"} {
		t.Run(enc, func(t *testing.T) {
			c := start(t, testRules)
			c.initialize(enc)
			uri := "file:///tmp/story.txt"
			c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": "plaintext", "version": 1, "text": "Headline\n\nA bad day.\n"}})
			d := c.diagnostics(uri, 1)
			require.Len(t, d, 1)
			assert.Equal(t, [4]int{2, 2, 2, 5}, rangeOf(d[0]))
			assert.Equal(t, "bad-word", d[0].(map[string]any)["code"])
			assert.Equal(t, "newslint", d[0].(map[string]any)["source"])
			assert.Equal(t, float64(severityWarning), d[0].(map[string]any)["severity"])

			// Two lines added before the finding, and "😀é " before it on its line.
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
				"contentChanges": []any{
					map[string]any{"range": map[string]any{"start": map[string]any{"line": 1, "character": 0}, "end": map[string]any{"line": 1, "character": 0}}, "text": "one\ntwo\n"},
					map[string]any{"range": map[string]any{"start": map[string]any{"line": 4, "character": 0}, "end": map[string]any{"line": 4, "character": 0}}, "text": "😀é "},
				}})
			d = c.diagnostics(uri, 2)
			require.Len(t, d, 1)
			col := map[string]int{"utf-16": 2 + 1 + 1, "utf-8": 4 + 2 + 1, "utf-32": 1 + 1 + 1}[enc]
			assert.Equal(t, [4]int{4, col + 2, 4, col + 5}, rangeOf(d[0]), "after 😀é ")

			// A line removed before it.
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3},
				"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 1, "character": 0}, "end": map[string]any{"line": 2, "character": 0}}, "text": ""}}})
			d = c.diagnostics(uri, 3)
			require.Len(t, d, 1)
			assert.Equal(t, 3, rangeOf(d[0])[0])

			// The fix: an empty list for that version.
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 4},
				"contentChanges": []any{map[string]any{"text": "Headline\n\nA good day.\n"}}})
			assert.Empty(t, c.diagnostics(uri, 4))
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			assert.Empty(t, c.diagnostics(uri, -1))
		})
	}
}

// TestStaleVersionsAreNotPublished: rapid changes publish only the last
// version.
func TestStaleVersionsAreNotPublished(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	uri := "file:///tmp/story.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": "bad\n"}})
	c.diagnostics(uri, 1)
	for v := 2; v <= 20; v++ {
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": strings.Repeat("bad ", v) + "\n"}}})
	}
	for {
		m := c.next()
		if m["method"] != "textDocument/publishDiagnostics" {
			continue
		}
		p := m["params"].(map[string]any)
		require.Equal(t, float64(20), p["version"], "only the last version is published")
		assert.Len(t, p["diagnostics"], 20)
		break
	}
}

func TestCodeActionsHoverAndRelated(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	uri := "file:///tmp/story.md"
	text := "# Talks\n\nPresident Ana Smith said the talks were bad.\n\nSmyth left.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
	d := c.diagnostics(uri, 1)
	require.Len(t, d, 2)
	smyth := d[1].(map[string]any)
	assert.Equal(t, "smyth", smyth["code"])
	rel := smyth["relatedInformation"].([]any)[0].(map[string]any)
	assert.Equal(t, "the spelling “Smith”", rel["message"])
	assert.Equal(t, [4]int{2, 14, 2, 19}, rangeOf(rel["location"]))

	r := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": map[string]any{"start": map[string]any{"line": 2, "character": 40}, "end": map[string]any{"line": 2, "character": 40}}, "context": map[string]any{"diagnostics": []any{}}})
	actions := r["result"].([]any)
	require.Len(t, actions, 2)
	fix := actions[0].(map[string]any)
	assert.Equal(t, "quickfix", fix["kind"])
	edits := fix["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	assert.Equal(t, "good", edits[0].(map[string]any)["newText"])
	assert.Equal(t, [4]int{2, 40, 2, 43}, rangeOf(edits[0]))
	disable := actions[1].(map[string]any)
	assert.Equal(t, "Disable bad-word for this line", disable["title"])
	edits = disable["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	assert.Equal(t, "<!-- newslint-disable-next-line bad-word -->\n", edits[0].(map[string]any)["newText"])
	assert.Equal(t, [4]int{2, 0, 2, 0}, rangeOf(edits[0]))

	// Applying the directive silences the finding.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 2, "character": 0}, "end": map[string]any{"line": 2, "character": 0}}, "text": "<!-- newslint-disable-next-line bad-word -->\n"}}})
	d = c.diagnostics(uri, 2)
	require.Len(t, d, 1)
	assert.Equal(t, "smyth", d[0].(map[string]any)["code"])

	r = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 3, "character": 16}})
	h := r["result"].(map[string]any)
	value := h["contents"].(map[string]any)["value"].(string)
	assert.Contains(t, value, "**Ana Smith**: person")
	assert.Contains(t, value, "Roles: President")
	assert.Contains(t, value, "line 4: “President Ana Smith”")
	r = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 3}})
	assert.Nil(t, r["result"], "no hover off a name")
}

// TestBadInput: the server answers malformed input with errors and keeps
// serving.
func TestBadInput(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	c.raw("Content-Length: 9\r\n\r\n{not json")
	m := c.next()
	assert.Equal(t, float64(codeParseError), m["error"].(map[string]any)["code"])
	assert.Nil(t, m["id"])
	c.raw("Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"x\"}")
	m = c.next()
	assert.Equal(t, float64(codeParseError), m["error"].(map[string]any)["code"], "a length cut short")
	c.raw("Content-Length: nine\r\n\r\n")
	m = c.next()
	assert.Contains(t, m["error"].(map[string]any)["message"], "Content-Length")
	c.send(map[string]any{"jsonrpc": "1.0", "id": 5, "method": "shutdown"})
	m = c.next()
	assert.Equal(t, float64(codeInvalidRequest), m["error"].(map[string]any)["code"])
	r := c.call("textDocument/hover", "not an object")
	assert.Equal(t, float64(codeInvalidParams), r["error"].(map[string]any)["code"])

	// Edits out of range are clamped; a huge document is refused with a
	// diagnostic; invalid UTF-8 never crashes.
	uri := "file:///tmp/x.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": "bad\n"}})
	c.diagnostics(uri, 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 40, "character": 9}, "end": map[string]any{"line": 99, "character": 0}}, "text": "bad"},
			map[string]any{"range": map[string]any{"start": map[string]any{"line": 0, "character": 500}, "end": map[string]any{"line": -3, "character": -1}}, "text": "!"}}})
	// "bad\n" + "bad" at the clamped end = "bad\nbad"; then (0,500)..(-3,-1)
	// is line 0's end to the start: "!\nbad".
	d := c.diagnostics(uri, 2)
	require.Len(t, d, 1)
	assert.Equal(t, [4]int{1, 0, 1, 3}, rangeOf(d[0]))
	body := "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/u.txt\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"Andr\xe9s bad \xff\"}}}"
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
	d = c.diagnostics("file:///tmp/u.txt", 1)
	require.Len(t, d, 1, "invalid UTF-8 in a document is read as replacement characters")
	big := strings.Repeat("a bad word ", 1_000_000) // 11 MB, over the 10 MB default
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/big.txt", "languageId": "plaintext", "version": 1, "text": big}})
	d = c.diagnostics("file:///tmp/big.txt", 1)
	require.Len(t, d, 1)
	assert.Contains(t, d[0].(map[string]any)["message"], "over max-file-size")
	r = c.call("shutdown", nil)
	assert.Nil(t, r["error"], "still serving")
}

// TestConfigReload: a document's newslint.toml is read, a broken one is
// shown once and the previous one kept, and a change is picked up.
func TestConfigReload(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "newslint.toml")
	require.NoError(t, os.WriteFile(cfg, []byte("[rules.bad-word]\nenabled = false\n"), 0o644))
	c := start(t, testRules)
	c.initialize()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "a.txt"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": "bad\n"}})
	assert.Empty(t, c.diagnostics(uri, 1), "bad-word is disabled by the newslint.toml")

	require.NoError(t, os.WriteFile(cfg, []byte("[rules.bad-word\n"), 0o644))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file://" + filepath.ToSlash(cfg), "type": 2}}})
	shown := 0
	for {
		m := c.next()
		if m["method"] == "window/showMessage" {
			shown++
			assert.Contains(t, m["params"].(map[string]any)["message"], "newslint.toml")
			continue
		}
		if m["method"] == "textDocument/publishDiagnostics" {
			assert.Empty(t, m["params"].(map[string]any)["diagnostics"], "the previous configuration is kept")
			break
		}
	}
	assert.Equal(t, 1, shown)

	require.NoError(t, os.WriteFile(cfg, []byte("[rules.bad-word]\nenabled = true\n"), 0o644))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file://" + filepath.ToSlash(cfg), "type": 2}}})
	assert.Len(t, c.diagnostics(uri, 1), 1, "the fixed configuration is read again")
}

// TestSeedInTheEditor: the founding article opened in the editor shows one
// diagnostic, quote-attribution, over "Andrei Kobyakov" in UTF-16 units;
// hovering "Lukashenko" shows the entity and its mentions.
func TestSeedInTheEditor(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seeds", "000_4446f40d8afebb4e.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	c := start(t, rules.All())
	c.initialize()
	uri := "file:///tmp/seed.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": string(data)}})
	d := c.diagnostics(uri, 1)
	require.Len(t, d, 1)
	diag := d[0].(map[string]any)
	assert.Equal(t, "quote-attribution", diag["code"])
	rg := rangeOf(diag)
	lines := strings.Split(string(data), "\n")
	utf16 := func(rs []rune) int { return len(utf16.Encode(rs)) }
	start := strings.Index(lines[rg[0]], "Andrei Kobyakov")
	require.GreaterOrEqual(t, start, 0)
	startRunes := []rune(lines[rg[0]][:start])
	assert.Equal(t, [4]int{10, utf16(startRunes), 10, utf16(startRunes) + utf16([]rune("Andrei Kobyakov"))}, rg)

	col := strings.Index(lines[4], "Lukashenko")
	r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": map[string]any{"line": 4, "character": utf16([]rune(lines[4][:col]))}})
	value := r["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	assert.Contains(t, value, "**Alexander Lukashenko**: person")
	assert.Contains(t, value, "Mentioned 6 times")
	assert.Contains(t, value, "“the Belarus President”")
}

// article20KB is a 20 KB article made of the benchmark paragraphs.
func article20KB(t testing.TB) string {
	seed, err := os.ReadFile(filepath.Join("..", "testdata", "bench", "paragraphs.txt"))
	require.NoError(t, err)
	var b strings.Builder
	for b.Len() < 20<<10 {
		b.Write(seed)
		b.WriteString("\n\n")
	}
	return b.String()
}

// editLoop makes n edits to a 20 KB article, waiting each time for the
// diagnostics of the new version, and returns the time from each edit to
// its diagnostics (the debounce is 1 µs, so it is not counted).
func editLoop(t testing.TB, c *client, n int) []time.Duration {
	uri := "file:///tmp/long.txt"
	text := article20KB(t)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	var took []time.Duration
	for v := 2; v < n+2; v++ {
		// Type one character at the end of the first paragraph, then
		// delete it: incremental edits, as an editor sends them.
		change := map[string]any{"range": map[string]any{"start": map[string]any{"line": 2, "character": 0}, "end": map[string]any{"line": 2, "character": 0}}, "text": "x"}
		if v%2 == 1 {
			change = map[string]any{"range": map[string]any{"start": map[string]any{"line": 2, "character": 0}, "end": map[string]any{"line": 2, "character": 1}}, "text": ""}
		}
		begin := time.Now()
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": []any{change}})
		c.diagnostics(uri, v)
		took = append(took, time.Since(begin))
	}
	return took
}

// startFast runs a server with every rule and no pause before linting.
func startFast(t testing.TB) *client {
	return startWith(t, Options{Rules: rules.All(), Version: "test", Debounce: time.Microsecond})
}

// BenchmarkEditToDiagnostics reports the latency from an edit of a 20 KB
// article to its diagnostics: median and 95th percentile.
func BenchmarkEditToDiagnostics(b *testing.B) {
	c := startFast(b)
	c.initialize()
	b.ResetTimer()
	took := editLoop(b, c, max(b.N, 20))
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "ms-p95")
}

// TestMemoryFlatOverEdits: a thousand edits leave the heap where it was.
func TestMemoryFlatOverEdits(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a thousand lints; the race detector makes them slow and its memory is not the program's")
	}
	c := startFast(t)
	c.initialize()
	editLoop(t, c, 50)
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heap()
	took := editLoop(t, c, 1000)
	after := heap()
	slices.Sort(took)
	t.Logf("heap before %d KB, after 1,000 edits %d KB; edit to diagnostics: median %v, p95 %v",
		before>>10, after>>10, took[len(took)/2], took[len(took)*95/100])
	assert.Less(t, after, before+4<<20, "the heap grows with edits")
}

// FuzzServe feeds any bytes to the server as its input stream: it never
// panics, it returns when the stream ends, and everything it writes is
// framed, valid JSON and valid UTF-8. Its corpus in testdata/fuzz has
// broken framing (Content-Length off by one and two, over the limit, a
// header line with no line feed, bytes between messages), ids that are
// not UTF-8, a didOpen after shutdown and many edits in one change.
func FuzzServe(f *testing.F) {
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","languageId":"plaintext","version":1,"text":"a bad day"}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.txt","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":2},"end":{"line":9,"character":0}},"text":"😀"}]}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":3}}}`)))
	f.Add([]byte("Content-Length: 3\r\n\r\n{}}Content-Length: x\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan int, 1)
		var out syncBuffer
		go func() {
			done <- Serve(bytes.NewReader(data), &out, Options{Rules: testRules, Debounce: time.Microsecond})
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Serve did not return when its input ended")
		}
		for _, body := range frames(t, out.snapshot()) {
			if !utf8.Valid(body) || !json.Valid(body) {
				t.Fatalf("the server wrote %q", body)
			}
		}
	})
}

// TestHoverPronoun: hovering a pronoun shows whom it refers to and why,
// or why no one; a pronoun the structure leaves open is listed under no
// one.
func TestHoverPronoun(t *testing.T) {
	c := start(t, rules.All())
	c.initialize()
	uri := "file:///tmp/p.txt"
	text := "Audit\n\nTreasurer Tom Brandt had to explain to Deputy Treasurer Carla Alvarez that he could not send her the file.\n\nMayor Rosa Ortega said her predecessor had left and that he never explained why.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	hoverAt := func(line int, word string, nth int) string {
		l := strings.Split(text, "\n")[line]
		col := -1
		for i := 0; i <= nth; i++ {
			col = strings.Index(l[col+1:], word) + col + 1
		}
		col += len(word) - len(strings.TrimLeft(word, " "))
		r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": col}})
		require.NotNil(t, r["result"], word)
		return r["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	}
	assert.Contains(t, hoverAt(2, " he ", 0), "“he” refers to Tom Brandt: subject of the clause before it")
	assert.Contains(t, hoverAt(2, "her", 0), "“her” refers to Carla Alvarez: object")
	v := hoverAt(4, " he ", 0)
	assert.Contains(t, v, "“he”: not resolved (several people, or an unnamed one, in view)")
	assert.NotContains(t, v, "refers to")
	// Brandt's card lists his own pronoun, with the reason, and not the
	// predecessor's.
	card := hoverAt(2, "Brandt", 0)
	assert.Contains(t, card, "he (line 3: subject of the clause before it)")
	assert.NotContains(t, card, "line 5")
}

func TestHoverAgeIsNoRoleAndAppositivePossessive(t *testing.T) {
	c := start(t, rules.All())
	c.initialize()
	uri := "file:///tmp/a.txt"
	text := "Harbour\n\nMaria Lopez, 52, a nurse, said the plan was late. Mayor Rosa Ortega met Michael Kerr, her counterpart at the port, on Monday.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	hover := func(word string) string {
		col := strings.Index(strings.Split(text, "\n")[2], word)
		r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 2, "character": col}})
		require.NotNil(t, r["result"], word)
		return r["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	}
	card := hover("Lopez")
	assert.Contains(t, card, "Age: 52")
	assert.NotContains(t, card, "Roles: 52")
	// "Kerr, her counterpart": her is not Kerr's but Ortega's.
	assert.NotContains(t, hover("Kerr"), "Pronouns:")
	assert.Contains(t, hover("her"), "“her” refers to Rosa Ortega")
}
