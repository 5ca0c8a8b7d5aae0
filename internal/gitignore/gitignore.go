// Package gitignore matches paths against patterns written as in
// .gitignore files, as git does (gitignore(5), git's dir.c and
// wildmatch.c): "#" comments, trailing blanks, "!" to re-include, a
// trailing "/" for directories only, a pattern holding a slash anchored to
// its file's directory and one without matching a name at any depth, "*",
// "?", "[...]" with ranges and classes, "\" escapes, and "**" for any
// number of directories. Matching is a walk of all the pattern's states
// at once over the path's bytes: time linear in the path for each
// pattern, with no backtracking.
//
// Never imports: anything of this module.
package gitignore

import (
	"bytes"
	"errors"
	"strings"
)

// Pattern is one pattern of an ignore file.
type Pattern struct {
	negate  bool // "!": a match re-includes
	dirOnly bool // trailing "/": matches directories only
	// basename: no slash, so the pattern matches the last element of a
	// path at any depth.
	basename bool
	// prefix is the literal start of an anchored pattern (up to its first
	// wildcard), compared as it is; toks match the rest. git matches the
	// rest as a pattern of its own, so "**" right after the prefix counts
	// as at the start ("x/a**/y" matches x/a/b/y): so here too.
	prefix string
	toks   []tok
	// never: malformed ("[" unclosed, an unknown class, a trailing "\"):
	// git's matcher gives up on it, so it matches nothing.
	never bool
	// fast: toks are a literal (exact) or a star and a literal (suffix),
	// compared as strings, as git does.
	fast, suffix bool
	literal      string
}

type kind uint8

const (
	lit      kind = iota // one byte
	one                  // "?": one byte but "/"
	class                // "[...]": one byte of the set, never "/"
	star                 // "*": any bytes but "/"
	globstar             // "**" between slashes: any bytes
)

type tok struct {
	kind kind
	b    byte
	set  *[4]uint64
	// skip: a globstar followed by "/" may also match no directory at
	// all, skipping that "/" ("a/**/b" matches a/b).
	skip bool
}

// ParseLine reads one line of an ignore file (without its line end); ok
// is false for a blank line or a comment.
func ParseLine(line string) (p Pattern, ok bool) {
	if i := strings.IndexByte(line, 0); i >= 0 {
		line = line[:i] // git reads a line as a C string
	}
	if line == "" || line[0] == '#' {
		return p, false
	}
	line = trimTrailingSpaces(line)
	if line == "" {
		return p, false
	}
	if line[0] == '!' {
		p.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = line[:len(line)-1]
	}
	p.basename = !strings.Contains(line, "/")
	if p.basename {
		p.toks, p.never = compile(line)
		p.setFast()
		return p, true
	}
	line = strings.TrimPrefix(line, "/")
	n := strings.IndexAny(line, `*?[\`)
	if n < 0 {
		n = len(line)
	}
	p.prefix = line[:n]
	p.toks, p.never = compile(line[n:])
	return p, true
}

// setFast marks a pattern that is a literal, or a star and a literal.
func (p *Pattern) setFast() {
	toks := p.toks
	if len(toks) > 0 && toks[0].kind == star {
		p.suffix, toks = true, toks[1:]
	}
	b := make([]byte, 0, len(toks))
	for _, t := range toks {
		if t.kind != lit {
			p.suffix = false
			return
		}
		b = append(b, t.b)
	}
	p.fast, p.literal = true, string(b)
}

// Compile reads one pattern given on its own (a configuration's exclude
// list), as a line of an ignore file; the error says why it is no pattern
// or would match nothing.
func Compile(s string) (Pattern, error) {
	p, ok := ParseLine(s)
	switch {
	case strings.ContainsAny(s, "\n\r\x00"):
		return p, errors.New("a pattern is one line, without NUL bytes")
	case strings.TrimSpace(s) == "":
		return p, errors.New("an empty pattern matches nothing")
	case !ok:
		return p, errors.New(`a pattern starting with "#" is a comment in .gitignore syntax (write \# for the character)`)
	case p.never:
		return p, errors.New(`malformed pattern ("[" without "]", an unknown [:class:], or a trailing "\"): it would match nothing`)
	case p.basename && len(p.toks) == 0 || !p.basename && p.prefix == "" && len(p.toks) == 0:
		return p, errors.New("an empty pattern matches nothing")
	}
	return p, nil
}

// Negated reports a "!" pattern, whose match re-includes a path.
func (p *Pattern) Negated() bool { return p.negate }

// Match reports whether p matches path, slash-separated and relative to
// the directory of p's file; isDir says whether path is a directory.
func (p *Pattern) Match(path string, isDir bool) bool {
	if p.never || p.dirOnly && !isDir {
		return false
	}
	if p.basename {
		name := path[strings.LastIndexByte(path, '/')+1:]
		switch {
		case p.fast && p.suffix:
			return strings.HasSuffix(name, p.literal)
		case p.fast:
			return name == p.literal
		}
		return run(p.toks, name)
	}
	rest, ok := strings.CutPrefix(path, p.prefix)
	return ok && run(p.toks, rest)
}

// trimTrailingSpaces removes trailing spaces that a backslash does not
// escape (tabs stay, as in git).
func trimTrailingSpaces(s string) string {
	lastSpace := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if lastSpace < 0 {
				lastSpace = i
			}
		case '\\':
			i++
			if i == len(s) {
				return s
			}
			lastSpace = -1
		default:
			lastSpace = -1
		}
	}
	if lastSpace >= 0 {
		return s[:lastSpace]
	}
	return s
}

// compile reads a wildmatch pattern into tokens; never is set when git's
// matcher would give up on it.
func compile(p string) (toks []tok, never bool) {
	for i := 0; i < len(p); {
		switch c := p[i]; c {
		case '\\':
			if i+1 == len(p) {
				return nil, true
			}
			toks = append(toks, tok{kind: lit, b: p[i+1]})
			i += 2
		case '?':
			toks = append(toks, tok{kind: one})
			i++
		case '[':
			set, next, ok := parseClass(p, i+1)
			if !ok {
				return nil, true
			}
			toks = append(toks, tok{kind: class, set: set})
			i = next
		case '*':
			j := i + 1
			if j < len(p) && p[j] == '*' {
				for j < len(p) && p[j] == '*' {
					j++
				}
				atStart := i == 0 || p[i-1] == '/'
				beforeSlash := j == len(p) || p[j] == '/' || p[j] == '\\' && j+1 < len(p) && p[j+1] == '/'
				if atStart && beforeSlash {
					toks = append(toks, tok{kind: globstar, skip: j < len(p) && p[j] == '/'})
					i = j
					continue
				}
			}
			toks = append(toks, tok{kind: star})
			i = j
		default:
			toks = append(toks, tok{kind: lit, b: c})
			i++
		}
	}
	return toks, false
}

// parseClass reads a bracket expression whose "[" is just before i, as
// wildmatch does: "!" or "^" negates, "]" first is a member, "a-z" ranges,
// "[:alpha:]" classes, "\" escapes. It returns the set (never holding
// "/") and the index after the closing "]"; ok is false when git's
// matcher gives up (no "]", an unknown class).
func parseClass(p string, i int) (*[4]uint64, int, bool) {
	at := func(i int) byte {
		if i < len(p) {
			return p[i]
		}
		return 0
	}
	var set [4]uint64
	add := func(c byte) { set[c>>6] |= 1 << (c & 63) }
	negated := false
	if c := at(i); c == '!' || c == '^' {
		negated = true
		i++
	}
	pch := at(i)
	var prev byte
	for {
		if pch == 0 {
			return nil, 0, false
		}
		switch {
		case pch == '\\':
			i++
			pch = at(i)
			if pch == 0 {
				return nil, 0, false
			}
			add(pch)
		case pch == '-' && prev != 0 && at(i+1) != 0 && at(i+1) != ']':
			i++
			pch = at(i)
			if pch == '\\' {
				i++
				pch = at(i)
				if pch == 0 {
					return nil, 0, false
				}
			}
			for c := int(prev); c <= int(pch); c++ {
				add(byte(c))
			}
			pch = 0
		case pch == '[' && at(i+1) == ':':
			s := i + 2
			j := s
			for at(j) != 0 && at(j) != ']' {
				j++
			}
			if at(j) == 0 {
				return nil, 0, false
			}
			if j-s-1 < 0 || p[j-1] != ':' {
				// No ":]": a "[" like any other.
				add('[')
				pch = '['
				break
			}
			in, ok := classes[p[s:j-1]]
			if !ok {
				return nil, 0, false
			}
			for c := 0; c < 128; c++ {
				if in(byte(c)) {
					add(byte(c))
				}
			}
			i = j
			pch = 0
		default:
			add(pch)
		}
		prev = pch
		i++
		pch = at(i)
		if pch == ']' {
			break
		}
	}
	if negated {
		for k := range set {
			set[k] = ^set[k]
		}
	}
	set['/'>>6] &^= 1 << ('/' & 63)
	return &set, i + 1, true
}

// classes are the [:name:] classes, ASCII only, as git's own ctype has
// them (its space is " \t\n\r").
var classes = map[string]func(c byte) bool{
	"alnum":  func(c byte) bool { return isAlpha(c) || isDigit(c) },
	"alpha":  isAlpha,
	"blank":  func(c byte) bool { return c == ' ' || c == '\t' },
	"cntrl":  func(c byte) bool { return c < 0x20 || c == 0x7f },
	"digit":  isDigit,
	"graph":  func(c byte) bool { return c > 0x20 && c < 0x7f },
	"lower":  func(c byte) bool { return c >= 'a' && c <= 'z' },
	"print":  func(c byte) bool { return c >= 0x20 && c < 0x7f },
	"punct":  func(c byte) bool { return c > 0x20 && c < 0x7f && !isAlpha(c) && !isDigit(c) },
	"space":  func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' },
	"upper":  func(c byte) bool { return c >= 'A' && c <= 'Z' },
	"xdigit": func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' },
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// run reports whether toks match all of s: every state the pattern can
// be in is followed at once, byte by byte.
func run(toks []tok, s string) bool {
	n := len(toks)
	cur := make([]bool, n+1)
	next := make([]bool, n+1)
	closure(toks, cur, 0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		clear(next)
		live := false
		for st := 0; st < n; st++ {
			if !cur[st] {
				continue
			}
			to := -1
			switch t := &toks[st]; t.kind {
			case lit:
				if c == t.b {
					to = st + 1
				}
			case one:
				if c != '/' {
					to = st + 1
				}
			case class:
				if t.set[c>>6]&(1<<(c&63)) != 0 {
					to = st + 1
				}
			case star:
				if c != '/' {
					to = st
				}
			case globstar:
				to = st
			}
			if to >= 0 {
				closure(toks, next, to)
				live = true
			}
		}
		if !live {
			return false
		}
		cur, next = next, cur
	}
	return cur[n]
}

// closure adds state st to set with every state reachable from it
// without reading a byte.
func closure(toks []tok, set []bool, st int) {
	for !set[st] {
		set[st] = true
		if st == len(toks) {
			break
		}
		t := &toks[st]
		if t.kind != star && t.kind != globstar {
			break
		}
		if t.skip {
			closure(toks, set, st+2)
		}
		st++
	}
}

// List is the patterns of one ignore file, whose directory is Base:
// slash-separated, relative to the top of the work tree ("" for the top).
type List struct {
	Base     string
	Patterns []Pattern
}

// Parse reads an ignore file (a UTF-8 byte-order mark skipped, CRLF line
// ends accepted) whose directory is base.
func Parse(data []byte, base string) *List {
	l := &List{Base: base}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for len(data) > 0 {
		// A last line without its line end is read too (git adds one).
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		data = rest
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if p, ok := ParseLine(string(line)); ok {
			l.Patterns = append(l.Patterns, p)
		}
	}
	return l
}

// Match reports whether a pattern of l matches path (slash-separated,
// relative to the top of the work tree, below l.Base), and whether the
// last one that does ignores it (false: "!" re-includes it).
func (l *List) Match(path string, isDir bool) (matched, ignored bool) {
	rel := path
	if l.Base != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(path, l.Base+"/"); !ok {
			return false, false
		}
	}
	for i := len(l.Patterns) - 1; i >= 0; i-- {
		if p := &l.Patterns[i]; p.Match(rel, isDir) {
			return true, !p.negate
		}
	}
	return false, false
}

// Ignored reports whether path is ignored by lists, lowest precedence
// first (core.excludesFile, .git/info/exclude, then each directory's
// .gitignore from the top down): the last list with a matching pattern
// decides.
func Ignored(lists []*List, path string, isDir bool) bool {
	for i := len(lists) - 1; i >= 0; i-- {
		if matched, ignored := lists[i].Match(path, isDir); matched {
			return ignored
		}
	}
	return false
}
