// Package source reads what was said, to check quotations against it:
// plain text and statements, transcripts with speaker labels
// ("LUKASHENKO:", "Q:", "MR. SMITH:", "Jane Doe (Reuters):", or a label on
// a line of its own), captions (SRT and WebVTT: cue numbers and timings
// ignored, <v Name> voice tags read as speakers), and other articles as
// text (the caller masks their markup, keeping every offset). It reads
// every source into passages (a speaker's turn, a paragraph, a cue) of
// normalised words (case folded, curly and straight quotation marks and
// dashes unified, punctuation dropped), each keeping its byte span in the
// file, and indexes all of them once (Build): a table of every run of four
// words, so that looking a quotation up costs what the quotation is long,
// not what the sources are. A quotation's words are read by Quote (parts
// between ellipses, [bracketed] words left out) and looked up by Locate,
// for the rule and for what shows where a quotation is (newslint inspect,
// the editor's hover); words are equal when an editor may write one for
// the other (a small number in figures, a contraction, a compound as one
// word: see Words and joinHash).
//
// Never imports: github.com/yuin/goldmark, golang.org/x/net/html,
// github.com/BurntSushi/toml, github.com/sergi/go-diff, rules, format,
// linter, linter/engine, lsp or cmd/newslint (directly or not).
package source

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is how a source is written.
type Format int

// Formats.
const (
	// Text is plain text: a statement, an article, a transcript with
	// speaker labels.
	Text Format = iota
	// SRT is SubRip captions.
	SRT
	// WebVTT is WebVTT captions.
	WebVTT
)

// FormatOf says how the source at path is written: by its extension (.srt,
// .vtt), else by a WEBVTT header, else Text.
func FormatOf(path string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".srt":
		return SRT
	case ".vtt":
		return WebVTT
	}
	if bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("WEBVTT")) {
		return WebVTT
	}
	return Text
}

// File is one source to index: its path as reported, its text (for an
// article in Markdown or HTML, the text with its markup masked, offsets
// kept) and its format.
type File struct {
	Path   string
	Text   []byte
	Format Format
}

// Passage is a run of the source said by one speaker: a turn of a
// transcript, a paragraph, a caption cue.
type Passage struct {
	// File is the index of the passage's file (Index.File).
	File int
	// Line is the 1-based line of its first word.
	Line int
	// Speaker is the speaker's label as written ("LUKASHENKO", "Jane Doe
	// (Reuters)"), "" when the source names none.
	Speaker string
	// First and End delimit the passage's words (Index word numbers).
	First, End int
}

// word is one word of a source: the hash of its folded form, its bytes in
// its file, its passage.
type word struct {
	hash       uint64
	start, end int32
	passage    int32
}

type indexedFile struct {
	File
	lineStarts []int
	first, end int // words
	speakers   []string
}

// Index is every source of a run, read and indexed once. It is not changed
// after Build and is safe for concurrent use.
type Index struct {
	files    []indexedFile
	Passages []Passage
	words    []word
	// head and next chain the positions of every four-word run by the
	// hash of its words (gramHash): head[h&mask] is the last position
	// with that bucket, next[p] the one before it, -1 ending a chain.
	head, next []int32
	mask       uint64
	seen       []uint64
}

// Build reads and indexes files, in order. Its cost grows linearly with
// their size.
func Build(files []File) *Index {
	x := &Index{}
	size := 0
	for _, f := range files {
		size += len(f.Text)
	}
	// Made near their final size (English averages some six bytes a
	// word), not grown from nothing.
	x.words = make([]word, 0, size/5+16)
	for _, f := range files {
		x.add(f)
	}
	x.index()
	return x
}

// Files is the number of files indexed.
func (x *Index) Files() int { return len(x.files) }

// Path is the path of file i.
func (x *Index) Path(i int) string { return x.files[i].Path }

// Words is the number of words indexed.
func (x *Index) Words() int { return len(x.words) }

func (x *Index) add(f File) {
	fi, firstPassage := len(x.files), len(x.Passages)
	x.files = append(x.files, indexedFile{File: f, lineStarts: lineStarts(f.Text), first: len(x.words)})
	r := &reader{x: x, file: fi, text: f.Text, newPassage: true}
	switch f.Format {
	case SRT, WebVTT:
		r.captions()
	default:
		r.transcript()
	}
	x.files[fi].end = len(x.words)
	r.closePassage()
	seen := map[string]bool{}
	for _, p := range x.Passages[firstPassage:] {
		if sp := p.Speaker; sp != "" && !seen[sp] {
			seen[sp] = true
			x.files[fi].speakers = append(x.files[fi].speakers, sp)
		}
	}
}

// FileSpeakers lists the speakers the labels of file i name, each once, in
// the order they first speak.
func (x *Index) FileSpeakers(i int) []string { return x.files[i].speakers }

// reader reads one file into passages and words.
type reader struct {
	x          *Index
	file       int
	text       []byte
	speaker    string
	newPassage bool
	line       int // 1-based line being read
}

func (r *reader) closePassage() {
	if n := len(r.x.Passages); n > 0 && r.x.Passages[n-1].End < len(r.x.words) {
		r.x.Passages[n-1].End = len(r.x.words)
	}
}

// addWord adds a word, opening a passage first when one is due.
func (r *reader) addWord(start, end int, h uint64) {
	if r.newPassage {
		r.closePassage()
		r.x.Passages = append(r.x.Passages, Passage{File: r.file, Line: r.line, Speaker: r.speaker, First: len(r.x.words), End: len(r.x.words)})
		r.newPassage = false
	}
	p := len(r.x.Passages) - 1
	r.x.words = append(r.x.words, word{hash: h, start: int32(start), end: int32(end), passage: int32(p)})
	r.x.Passages[p].End = len(r.x.words)
}

// lines calls fn with each line's bounds (without its line break).
func (r *reader) lines(fn func(start, end int)) {
	b := r.text
	r.line = 0
	for i := 0; i <= len(b); {
		r.line++
		nl := bytes.IndexByte(b[i:], '\n')
		end := len(b)
		if nl >= 0 {
			end = i + nl
		}
		e := end
		if e > i && b[e-1] == '\r' {
			e--
		}
		fn(i, e)
		if nl < 0 {
			return
		}
		i = end + 1
	}
}

// transcript reads plain text: a blank line ends a passage, a speaker label
// starts one.
func (r *reader) transcript() {
	r.lines(func(start, end int) {
		line := r.text[start:end]
		if len(bytes.TrimSpace(line)) == 0 {
			r.newPassage = true
			return
		}
		if name, rest, ok := Label(line); ok {
			r.speaker, r.newPassage = name, true
			start += rest
		}
		Words(r.text[start:end], false, func(s, e int, h uint64) { r.addWord(start+s, start+e, h) })
	})
}

// captions reads SRT or WebVTT: blocks separated by blank lines; in a
// block, what stands before the timing line (a cue number or identifier)
// is skipped, and a block with no timing line (the WEBVTT header, NOTE,
// STYLE, REGION) is skipped whole. A cue is a passage; its speaker is its
// <v Name> voice tag or a label opening its text, else the speaker of the
// cue before.
func (r *reader) captions() {
	inCue := false
	r.lines(func(start, end int) {
		line := r.text[start:end]
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			inCue = false
			return
		case bytes.Contains(line, []byte("-->")):
			inCue, r.newPassage = true, true
			return
		case !inCue:
			return
		}
		if v := voice(line); v != "" {
			r.speaker, r.newPassage = v, true
		} else if name, rest, ok := Label(line); ok {
			r.speaker, r.newPassage = name, true
			start += rest
		}
		Words(r.text[start:end], true, func(s, e int, h uint64) { r.addWord(start+s, start+e, h) })
	})
}

// voice returns the name of a WebVTT voice tag in line (<v Name>,
// <v.loud Name>), or "".
func voice(line []byte) string {
	i := bytes.Index(line, []byte("<v"))
	if i < 0 || i+2 >= len(line) || line[i+2] != ' ' && line[i+2] != '.' {
		return ""
	}
	rest := line[i+2:]
	end := bytes.IndexByte(rest, '>')
	if end < 0 {
		return ""
	}
	tag := rest[:end]
	if sp := bytes.IndexByte(tag, ' '); sp >= 0 {
		return strings.TrimSpace(string(tag[sp+1:]))
	}
	return ""
}

// Label reads a speaker label at the start of a transcript's line: "NAME:"
// in capitals (one to five words: "LUKASHENKO:", "MR. SMITH:", "Q:"), a
// name of two to five capitalised words ("Jane Doe:"), either with an
// affiliation in brackets ("Jane Doe (Reuters):"), or a line holding only
// a name in capitals ("LUKASHENKO"). It returns the label as written and
// the offset in line where the words said begin.
func Label(line []byte) (name string, rest int, ok bool) {
	lead := len(line) - len(bytes.TrimLeft(line, " \t"))
	colon := bytes.IndexByte(line, ':')
	if colon < 0 || colon > 80 {
		// A label on a line of its own, in capitals.
		t := strings.TrimSpace(string(line))
		if capsName(t, 4) && !strings.ContainsAny(t, ",;!?") {
			return t, len(line), true
		}
		return "", 0, false
	}
	if colon+1 < len(line) && line[colon+1] != ' ' && line[colon+1] != '\t' {
		return "", 0, false // 10:30, http://
	}
	cand := strings.TrimSpace(string(line[lead:colon]))
	base := cand
	affiliated := false
	if strings.HasSuffix(base, ")") {
		if open := strings.LastIndexByte(base, '('); open > 0 {
			base, affiliated = strings.TrimSpace(base[:open]), true
		}
	}
	if capsName(base, 5) || titleName(base, affiliated) {
		return cand, colon + 1, true
	}
	return "", 0, false
}

// nameWords splits s into one to max words made of letters, dots,
// apostrophes and hyphens.
func nameWords(s string, max int) []string {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > max {
		return nil
	}
	for _, w := range ws {
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '’' && c != '-' {
				return nil
			}
		}
	}
	return ws
}

// capsName: words in capitals (no lower-case letter, some letter).
func capsName(s string, max int) bool {
	ws := nameWords(s, max)
	if ws == nil {
		return false
	}
	letters := false
	for _, c := range s {
		if unicode.IsLower(c) {
			return false
		}
		letters = letters || unicode.IsLetter(c)
	}
	return letters
}

// titleName: two to five capitalised words, or one with an affiliation.
func titleName(s string, affiliated bool) bool {
	ws := nameWords(s, 5)
	if ws == nil || len(ws) < 2 && !affiliated {
		return false
	}
	for _, w := range ws {
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func lineStarts(b []byte) []int {
	out := make([]int, 1, 1+bytes.Count(b, []byte{'\n'}))
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '\n')
		if k < 0 {
			return out
		}
		i += k + 1
		out = append(out, i)
	}
}
