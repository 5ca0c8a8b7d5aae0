package ruletest

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Expectation is one line of a .want file:
//
//	LINE[:COLUMN] RULE "SPAN TEXT" /MESSAGE REGEXP/ [fix "REPLACEMENT"]
//
// The span text is the exact text the finding covers (Go string syntax, so
// "\n" and "\"" may be written); the regexp is searched in the message
// (write \/ for a slash); the fix, when given, is the replacement text of
// the finding's first suggested edit. A finding that carries a fix must
// have its fix written.
type Expectation struct {
	Line, Column int // Column 0: any
	Rule         string
	Text         string
	Message      *regexp.Regexp
	Fix          *string
	// Where is the .want file and line, for messages.
	Where string
}

// Want is a parsed .want file: expectations, or None for a clean article.
type Want struct {
	Expect []Expectation
	None   bool
}

// ReadWant parses a .want file. Blank lines and lines starting with # (the
// editorial point of the case) are skipped; "none" marks a clean article.
func ReadWant(path string) (Want, error) {
	f, err := os.Open(path)
	if err != nil {
		return Want{}, fmt.Errorf("every test article needs a .want file (write \"none\" for no findings): %w", err)
	}
	defer f.Close()
	var w Want
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "none":
			w.None = true
			continue
		}
		e, err := parseExpectation(line)
		if err != nil {
			return Want{}, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		e.Where = fmt.Sprintf("%s:%d", path, n)
		w.Expect = append(w.Expect, e)
	}
	if err := sc.Err(); err != nil {
		return Want{}, err
	}
	if w.None && len(w.Expect) > 0 {
		return Want{}, fmt.Errorf("%s: \"none\" beside expectations", path)
	}
	if !w.None && len(w.Expect) == 0 {
		return Want{}, fmt.Errorf("%s: no expectations; write \"none\" for a clean article", path)
	}
	return w, nil
}

const wantSyntax = `want LINE[:COLUMN] RULE "SPAN TEXT" /REGEXP/ [fix "TEXT"]`

func parseExpectation(line string) (Expectation, error) {
	var e Expectation
	pos, rest, _ := strings.Cut(line, " ")
	l, c, hasCol := strings.Cut(pos, ":")
	var err error
	if e.Line, err = strconv.Atoi(l); err != nil {
		return e, fmt.Errorf("%s: bad line %q", wantSyntax, l)
	}
	if hasCol {
		if e.Column, err = strconv.Atoi(c); err != nil {
			return e, fmt.Errorf("%s: bad column %q", wantSyntax, c)
		}
	}
	e.Rule, rest, _ = strings.Cut(strings.TrimSpace(rest), " ")
	if e.Text, rest, err = quoted(strings.TrimSpace(rest)); err != nil {
		return e, fmt.Errorf("%s: span text: %w", wantSyntax, err)
	}
	re, rest, err := slashed(strings.TrimSpace(rest))
	if err != nil {
		return e, fmt.Errorf("%s: message: %w", wantSyntax, err)
	}
	if e.Message, err = regexp.Compile(re); err != nil {
		return e, err
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return e, nil
	}
	fix, ok := strings.CutPrefix(rest, "fix ")
	if !ok {
		return e, fmt.Errorf("%s: unexpected %q", wantSyntax, rest)
	}
	text, rest, err := quoted(strings.TrimSpace(fix))
	if err != nil || strings.TrimSpace(rest) != "" {
		return e, fmt.Errorf("%s: fix: want one quoted string", wantSyntax)
	}
	e.Fix = &text
	return e, nil
}

// quoted reads a Go double-quoted string at the start of s.
func quoted(s string) (string, string, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", s, fmt.Errorf("want a quoted string at %q", s)
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			return v, s[i+1:], err
		}
	}
	return "", s, fmt.Errorf("unterminated string %q", s)
}

// slashed reads /regexp/ at the start of s; \/ stands for a slash.
func slashed(s string) (string, string, error) {
	if !strings.HasPrefix(s, "/") {
		return "", s, fmt.Errorf("want /REGEXP/ at %q", s)
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '/':
			b.WriteByte('/')
			i++
		case s[i] == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i++
		case s[i] == '/':
			return b.String(), s[i+1:], nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", s, fmt.Errorf("unterminated /REGEXP/ in %q", s)
}

// Format writes an expectation for a finding as a .want line, for
// messages that can be pasted into a .want file.
func Format(line, col int, rule, text, message string, fix *string) string {
	return wantLine(itoa(line, col), rule, text, strings.ReplaceAll(regexp.QuoteMeta(message), "/", `\/`), fix)
}

// wantLine writes a .want line from its parts; re is written as given.
func wantLine(pos, rule, text, re string, fix *string) string {
	s := fmt.Sprintf("%s %s %s /%s/", pos, rule, strconv.Quote(text), re)
	if fix != nil {
		s += " fix " + strconv.Quote(*fix)
	}
	return s
}

func itoa(line, col int) string {
	if col > 0 {
		return strconv.Itoa(line) + ":" + strconv.Itoa(col)
	}
	return strconv.Itoa(line)
}
