package lsp

// The language server against a client that misbehaves (issue 21, item
// 7): broken framing, long lines, large edits, many documents, large
// hovers, messages after shutdown and ids that are not UTF-8.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// syncBuffer is an output stream that lint goroutines may write to while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) snapshot() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.b.Bytes())
}

// frames splits what a server wrote into message bodies; it fails the
// test on a frame that is not a Content-Length header, a blank line and
// that many bytes.
func frames(t testing.TB, out []byte) [][]byte {
	t.Helper()
	var bodies [][]byte
	for len(out) > 0 {
		var n int
		k, err := fmt.Sscanf(string(out), "Content-Length: %d\r\n\r\n", &n)
		require.NoError(t, err, "output frame: %.80q", out)
		require.Equal(t, 1, k)
		head := fmt.Sprintf("Content-Length: %d\r\n\r\n", n)
		require.True(t, bytes.HasPrefix(out, []byte(head)), "output frame: %.80q", out)
		require.GreaterOrEqual(t, len(out), len(head)+n, "output frame cut short")
		bodies = append(bodies, out[len(head):len(head)+n])
		out = out[len(head)+n:]
	}
	return bodies
}

// serveInput runs a server on input to its end (or exit) and returns its
// exit status and every message it wrote.
func serveInput(t testing.TB, input io.Reader) (int, [][]byte) {
	t.Helper()
	var out syncBuffer
	code := Serve(input, &out, Options{Rules: testRules, Defaults: []byte(""), Debounce: time.Microsecond})
	return code, frames(t, out.snapshot())
}

// filler is a stream of n bytes of 'x' then rest, read without holding
// the n bytes.
type filler struct {
	n    int
	rest io.Reader
}

func (f *filler) Read(p []byte) (int, error) {
	if f.n == 0 {
		return f.rest.Read(p)
	}
	k := min(len(p), f.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	f.n -= k
	return k, nil
}

// A header line with no line feed is cut at 8 KiB, answered with an
// error, and the messages after it are read: 64 MB of it take no memory.
func TestHeaderLineIsBounded(t *testing.T) {
	input := &filler{n: 64 << 20, rest: strings.NewReader(
		frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
			frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`))}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out := serveInput(t, input)
	runtime.ReadMemStats(&after)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated reading a 64 MB header line")
	assert.Equal(t, 0, code, "exit after shutdown is obeyed")
	var got []string
	for _, b := range out {
		got = append(got, string(b))
	}
	joined := strings.Join(got, "\n")
	assert.Contains(t, joined, "header line over 8192 bytes")
	assert.Contains(t, joined, `"id":1,"result":{"capabilities"`, "the message after the long line is answered")
	assert.Contains(t, joined, `"id":2,"result":null`)
}

// A wrong Content-Length costs the message it frames, not the session:
// the next message is answered and exit is obeyed. So is a length over
// the limit, a header block without a length, and bytes between
// messages.
func TestResynchronisesAfterBadFraming(t *testing.T) {
	bad := `{"jsonrpc":"2.0","id":50,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///none.txt"},"position":{"line":0,"character":0}}}`
	cases := map[string]string{
		"length -2":      fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(bad)-2, bad),
		"length -1":      fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(bad)-1, bad),
		"length +1":      fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(bad)+1, bad),
		"length +2":      fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(bad)+2, bad),
		"length +200":    fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(bad)+200, bad),
		"over the limit": "Content-Length: 999999999999\r\n\r\n" + bad,
		"no length":      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + bad,
		"bytes between":  "}}\r\nxyz" + frame(bad),
		"not a number":   "Content-Length: 1e3\r\n\r\n" + bad,
	}
	for name, input := range cases {
		t.Run(name, func(t *testing.T) {
			c := start(t, testRules)
			c.initialize()
			c.raw(input)
			// The next message, and one more (a length too long by 200
			// takes the first into the bad frame's body).
			for _, id := range []int{7, 8} {
				c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
					"params": map[string]any{"textDocument": map[string]any{"uri": "file:///none.txt"}, "position": map[string]any{"line": 0, "character": 0}}})
			}
			answered := map[float64]bool{}
			parseErrors := 0
			for !answered[8] {
				m := c.next()
				if id, ok := m["id"].(float64); ok {
					answered[id] = true
					assert.Nil(t, m["error"], "id %v", id)
				} else if e, ok := m["error"].(map[string]any); ok {
					parseErrors++
					assert.Equal(t, float64(codeParseError), e["code"])
				}
			}
			if name != "bytes between" {
				assert.Equal(t, 1, parseErrors, "one error for the bad frame")
			}
			assert.True(t, answered[7], "the message after the bad frame is answered")
			if name == "bytes between" {
				assert.True(t, answered[50], "a good frame after stray bytes is answered")
			}
			r := c.call("shutdown", nil)
			assert.Nil(t, r["error"])
			c.notify("exit", nil)
			select {
			case code := <-c.done:
				assert.Equal(t, 0, code, "exit is obeyed")
			case <-time.After(10 * time.Second):
				t.Fatal("exit was ignored")
			}
		})
	}
}

// Diagnostics of a long one-line document take time linear in its length
// (each position was counted from the start of its line: a 400 KB line
// took about 35 s; now about a second, most of it the 8 MB of
// diagnostics in JSON).
func TestLongLinePositions(t *testing.T) {
	n := 40_000 // 400 KB, 40,000 findings on one line
	if raceEnabled {
		n = 10_000
	}
	// Every finding, past max-same-issues: their positions are the point.
	c := startWith(t, Options{Rules: testRules, Defaults: []byte("max-same-issues = 0\n"), Version: "test", Debounce: 20 * time.Millisecond})
	c.wait = 25 * time.Second // on a loaded machine; before the fix, minutes
	c.initialize("utf-16")
	uri := "file:///tmp/one-line.html"
	text := "<p>😀 " + strings.Repeat("a bad day ", n) + "</p>"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "html", "version": 1, "text": text}})
	d := c.diagnostics(uri, 1)
	require.Len(t, d, n)
	// "<p>😀 " is 6 UTF-16 units; each "a bad day " 10.
	assert.Equal(t, [4]int{0, 8, 0, 11}, rangeOf(d[0]))
	assert.Equal(t, [4]int{0, 6 + 10*(n-1) + 2, 0, 6 + 10*(n-1) + 5}, rangeOf(d[n-1]))
}

// One didChange of 10,000 edits to a 4 MB document is applied in time
// near-linear in the document and the edits (each edit re-split the whole
// document: about a minute; now a fraction of a second).
func TestManyEditsInOneChange(t *testing.T) {
	lines, edits := 400_000, 10_000
	if raceEnabled {
		lines, edits = 50_000, 2_500
	}
	// Every finding, past max-same-issues: their positions are the point.
	c := startWith(t, Options{Rules: testRules, Defaults: []byte("max-same-issues = 0\n"), Version: "test", Debounce: 20 * time.Millisecond})
	c.wait = 25 * time.Second // on a loaded machine
	c.initialize()
	uri := "file:///tmp/big.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1,
		"text": strings.Repeat("a good day\n", lines)}})
	require.Empty(t, c.diagnostics(uri, 1))
	// "good" becomes "bad" on every 20th line, in no order.
	order := rand.New(rand.NewPCG(1, 2)).Perm(edits)
	var changes []any
	for _, k := range order {
		line := k * (lines / edits)
		changes = append(changes, map[string]any{"range": map[string]any{"start": map[string]any{"line": line, "character": 2}, "end": map[string]any{"line": line, "character": 6}}, "text": "bad"})
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": changes})
	d := c.diagnostics(uri, 2)
	require.Len(t, d, edits)
	for i, diag := range d {
		require.Equal(t, [4]int{i * (lines / edits), 2, i * (lines / edits), 5}, rangeOf(diag))
	}
}

// heapNow is the live heap after a collection.
func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// Open documents keep their text, not their models: 200 documents of
// 20 KB hold a few times their size, not 20 times (about 84 MB).
func TestMemoryOfOpenDocuments(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("two hundred lints; the race detector's memory is not the program's")
	}
	c := startFast(t)
	c.initialize()
	text := article20KB(t)
	before := heapNow()
	const docs = 200
	for i := range docs {
		uri := fmt.Sprintf("file:///tmp/doc%d.txt", i)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
		c.diagnostics(uri, 1)
	}
	after := heapNow()
	total := uint64(docs * len(text))
	t.Logf("%d documents, %d KB of text: the heap grew by %d KB", docs, total>>10, (after-before)>>10)
	assert.Less(t, after, before+3*total+8<<20, "the heap holds more than the open documents' text")

	// A hover on the first document, whose model is gone, still works.
	r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///tmp/doc0.txt"}, "position": map[string]any{"line": 0, "character": 0}})
	assert.Nil(t, r["error"])
}

// A hover on an entity of many mentions lists the first 20 and counts
// the rest.
func TestHoverIsCapped(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	uri := "file:///tmp/many.txt"
	text := "Talks\n\nPresident Ana Smith arrived.\n\n" + strings.Repeat("Smith spoke. ", 5000) + "\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 2, "character": 15}})
	value := r["result"].(map[string]any)["contents"].(map[string]any)["value"].(string)
	require.Less(t, len(value), 4<<10, "the hover is %d bytes", len(value))
	assert.Contains(t, value, "**Ana Smith**: person")
	assert.Contains(t, value, "Mentioned 5001 times")
	assert.Contains(t, value, "… and 4981 more")
	assert.Equal(t, 20, strings.Count(value, "- line "))
}

// After shutdown, notifications are ignored (a didOpen lints nothing)
// and requests are refused.
func TestNothingAfterShutdown(t *testing.T) {
	c := start(t, testRules)
	c.initialize()
	r := c.call("shutdown", nil)
	require.Nil(t, r["error"])
	uri := "file:///tmp/late.txt"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": "a bad day\n"}})
	deadline := time.After(300 * time.Millisecond)
	for waiting := true; waiting; {
		select {
		case m := <-c.msgs:
			assert.NotEqual(t, "textDocument/publishDiagnostics", m["method"], "a document opened after shutdown is linted")
		case <-deadline:
			waiting = false
		}
	}
	r = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 3}})
	assert.Equal(t, float64(codeInvalidRequest), r["error"].(map[string]any)["code"])
	c.notify("exit", nil)
	assert.Equal(t, 0, <-c.done)
}

// A request id that is not UTF-8 is answered in valid JSON: the invalid
// bytes are replaced; an id that is neither a string nor a number is an
// invalid request, answered with a null id.
func TestRequestIDsAreValidJSON(t *testing.T) {
	input := frame("{\"jsonrpc\":\"2.0\",\"id\":\"a\xffb\",\"method\":\"initialize\",\"params\":{}}") +
		frame(`{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}`) +
		frame("{\"jsonrpc\":\"2.0\",\"id\":\"\xc3\",\"method\":\"shutdown\"}")
	_, out := serveInput(t, strings.NewReader(input))
	require.Len(t, out, 3)
	for _, body := range out {
		assert.True(t, utf8.Valid(body), "%q is not UTF-8", body)
		assert.True(t, json.Valid(body), "%q is not JSON", body)
	}
	var m struct {
		ID    any       `json:"id"`
		Error *rpcError `json:"error"`
	}
	require.NoError(t, json.Unmarshal(out[0], &m))
	assert.Equal(t, "a\ufffdb", m.ID)
	assert.Nil(t, m.Error)
	require.NoError(t, json.Unmarshal(out[1], &m))
	assert.Nil(t, m.ID)
	require.NotNil(t, m.Error)
	assert.Equal(t, codeInvalidRequest, m.Error.Code)
	m.Error = nil
	require.NoError(t, json.Unmarshal(out[2], &m))
	assert.Equal(t, "\ufffd", m.ID)
	assert.Nil(t, m.Error)
}

// randomChunks returns what it reads in pieces of random size.
type randomChunks struct {
	r   io.Reader
	rng *rand.Rand
}

func (c *randomChunks) Read(p []byte) (int, error) {
	return c.r.Read(p[:min(len(p), 1+c.rng.IntN(3000))])
}

// The reader finds the same messages however the input is cut into reads:
// good frames among bad ones (lengths off by one and two, bytes before a
// header, long header lines, a length over the limit), and a message of
// 300 KB that makes the buffer grow and move.
func TestReaderReadsAnyChunking(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var in strings.Builder
	var want []string
	good := func(id int, pad int) {
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"m","params":{"text":"%s"}}`, id, strings.Repeat("é", pad))
		in.WriteString(frame(body))
		want = append(want, fmt.Sprint(id))
	}
	badBody := `{"jsonrpc":"2.0","id":0,"method":"m"}`
	for id := 1; id <= 400; id++ {
		switch rng.IntN(8) {
		case 0:
			fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(badBody)+[]int{-2, -1, 1, 2}[rng.IntN(4)], badBody)
		case 1:
			in.WriteString(strings.Repeat("z", rng.IntN(20_000)))
		case 2:
			in.WriteString("Content-Length: 300000000\r\n\r\n")
		case 3:
			in.WriteString("\r\n\r\nX-Other: 1\r\n")
		}
		pad := rng.IntN(100)
		if id%97 == 0 {
			pad = 150_000 // 300 KB
		}
		good(id, pad)
	}
	input := in.String()
	read := func(r io.Reader) (got []string, errs int) {
		rd := newReader(r)
		for {
			body, err := rd.read()
			if err == io.EOF {
				return got, errs
			}
			if err != nil {
				var fe *errFraming
				require.ErrorAs(t, err, &fe)
				errs++
				continue
			}
			var m struct{ ID int }
			require.NoError(t, json.Unmarshal(body, &m))
			got = append(got, fmt.Sprint(m.ID))
		}
	}
	whole, wholeErrs := read(strings.NewReader(input))
	assert.Equal(t, want, whole, "every good frame is read")
	for name, r := range map[string]io.Reader{
		"one byte": iotest.OneByteReader(strings.NewReader(input)),
		"half":     iotest.HalfReader(strings.NewReader(input)),
		"random":   &randomChunks{strings.NewReader(input), rand.New(rand.NewPCG(7, 8))},
	} {
		got, errs := read(r)
		assert.Equal(t, want, got, name)
		assert.Equal(t, wholeErrs, errs, name)
	}
}
