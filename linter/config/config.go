// Package config reads newslint's configuration: the built-in defaults
// (config.toml) and a newsroom's newslint.toml over them, checking every key
// against the rules' declared options and naming the file, line and key of
// any mistake.
//
// Never imports: rules, format, inspect, linter/engine, cmd/newslint.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	newslint "github.com/newslint/newslint"
	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/internal/gitignore"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// Error is an error in a configuration file, with its position when
// known.
type Error struct {
	File   string
	Line   int
	Column int
	Key    string
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads the embedded defaults and then, when path is not empty,
// the file at path over them, and opens the name authority it names
// ([archive] path), if any: a missing or broken one is an error of the
// configuration.
func Load(defaults []byte, path string, rules []*linter.Rule) (*linter.Config, error) {
	c, err := LoadFile(defaults, path, rules)
	if err != nil {
		return nil, err
	}
	if err := OpenArchive(c, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// OpenArchive opens the name authority c names (c.ArchivePath) into
// c.Archive, through archives when it is not nil (each path once), unless
// it is open already or c names none. The error names the configuration
// and the authority's file.
func OpenArchive(c *linter.Config, archives *Archives) error {
	if c.ArchivePath == "" || c.Archive != nil {
		return nil
	}
	var a *archive.Authority
	var err error
	if archives != nil {
		a, err = archives.Open(c.ArchivePath)
	} else {
		a, err = archive.Open(c.ArchivePath)
	}
	if err != nil {
		file := c.Path
		if file == "" {
			file = "(configuration)"
		}
		return &Error{File: file, Key: "archive.path", Msg: err.Error()}
	}
	c.Archive = a
	return nil
}

// Archives opens name authorities, each path once (its error too): the
// authorities of a run, shared by the configurations that name them. Safe
// for concurrent use.
type Archives struct {
	mu     sync.Mutex
	byPath map[string]openedArchive
}

type openedArchive struct {
	a   *archive.Authority
	err error
}

// Open opens the authority at path, or returns the one opened before
// (and the same error).
func (as *Archives) Open(path string) (*archive.Authority, error) {
	key := path
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	as.mu.Lock()
	defer as.mu.Unlock()
	if o, ok := as.byPath[key]; ok {
		return o.a, o.err
	}
	var o openedArchive
	o.a, o.err = archive.Open(path)
	if as.byPath == nil {
		as.byPath = map[string]openedArchive{}
	}
	as.byPath[key] = o
	return o.a, o.err
}

// LoadFile is Load without opening the name authority: the
// configuration names it (ArchivePath), and OpenArchive opens it.
func LoadFile(defaults []byte, path string, rules []*linter.Rule) (*linter.Config, error) {
	c := linter.DefaultConfig(rules)
	// The built-in config.toml documents the rules' own defaults and says
	// nothing else (TestBuiltInConfigIsTheRulesDefaults): it is not parsed
	// at every start.
	if !builtIn(defaults) {
		if err := Merge(c, "(built-in config.toml)", defaults, rules); err != nil {
			return nil, err
		}
	}
	if path == "" {
		return c, nil
	}
	data, err := safeio.ReadFile(path, MaxSize)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: path, Msg: "cannot read the configuration: " + err.Error()}
	}
	if err := Merge(c, path, data, rules); err != nil {
		return nil, err
	}
	c.Path = path
	return c, nil
}

// builtIn reports whether defaults is the embedded config.toml itself
// (the same bytes in the same place), not a copy or another text.
func builtIn(defaults []byte) bool {
	return len(defaults) > 0 && len(defaults) == len(newslint.DefaultConfig) && &defaults[0] == &newslint.DefaultConfig[0]
}

// MaxSize is the largest configuration file read: a configuration is a few
// kilobytes, and a path that names a device or an endless file must not
// fill the memory.
const MaxSize = 1 << 20

// Find looks for newslint.toml or .newslint.toml in dir and its
// parents and returns the first found, or "". The search stops at the
// top of a git work tree (a directory holding .git, a directory or a
// file) and at the home directory, after looking there: a file above a
// checkout, or above the home, applies to nothing in it. It never looks
// in, nor climbs past, a shared temporary folder (a directory anyone may
// write to, with the sticky bit, such as /tmp), where anyone could plant
// a configuration. Only regular files count (or links to them): a FIFO or
// a device of that name would block or never end.
func Find(dir string) string { return new(Finder).Find(dir) }

// Finder is Find with a memory: each directory is looked in once however
// many files below it ask, so finding the configuration of every file of
// a walk takes time linear in its directories. Not safe for concurrent
// use.
type Finder struct {
	found map[string]string // by absolute directory
	home  string            // the home directory, "" when unknown
}

// Find is Find, remembering what it finds.
func (f *Finder) Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if f.found == nil {
		f.found = map[string]string{}
		f.home = homeDir()
	}
	return f.find(dir)
}

// homeDir is the user's home directory, clean, or "" when unknown.
func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil && filepath.IsAbs(h) {
		return filepath.Clean(h)
	}
	return ""
}

func (f *Finder) find(dir string) string {
	if p, ok := f.found[dir]; ok {
		return p
	}
	p := ""
	shared := sharedDir(dir)
	if !shared {
		for _, name := range []string{"newslint.toml", ".newslint.toml"} {
			if c := filepath.Join(dir, name); safeio.IsRegular(c) {
				p = c
				break
			}
		}
	}
	if parent := filepath.Dir(dir); p == "" && !shared && !f.isTop(dir) && parent != dir {
		p = f.find(parent)
	}
	f.found[dir] = p
	return p
}

// SearchTop is the highest directory Find looks in from dir: the top of
// its work tree, the home directory, the one below a shared temporary
// folder, or the top of the file system (dir itself when it is a shared
// folder). For saying where a search found nothing.
func SearchTop(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil || sharedDir(dir) {
		return dir
	}
	f := &Finder{home: homeDir()}
	for top := dir; ; {
		parent := filepath.Dir(top)
		if f.isTop(top) || parent == top || sharedDir(parent) {
			return top
		}
		top = parent
	}
}

// isTop reports whether the search ends at dir: the top of a work tree,
// or the home directory.
func (f *Finder) isTop(dir string) bool {
	if dir == f.home {
		return true
	}
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// sharedDir reports whether anyone may create files in dir, which has the
// sticky bit so that they cannot remove others' (/tmp, /var/tmp).
func sharedDir(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir() && st.Mode()&fs.ModeSticky != 0 && st.Mode().Perm()&0o002 != 0
}

// Set is the configurations of a run, as the command line and the
// language server find them: the file given (--config) for every file,
// else for the files of each directory the newslint.toml nearest it
// (Finder), else the built-in defaults. Each file is read once, its error
// too. Not safe for concurrent use.
type Set struct {
	defaults []byte
	rules    []*linter.Rule
	fixed    string
	finder   Finder
	loaded   map[string]loaded // by path, "" for the defaults
	// archives are the name authorities opened, each once; archive is
	// the one --archive names for every configuration (UseArchive), "" for
	// none.
	archives Archives
	archive  string
	// noArchive leaves every authority closed (NoArchive).
	noArchive bool
}

type loaded struct {
	c   *linter.Config
	err error
}

// NewSet makes the configurations of a run over defaults; path, when not
// empty, is the one file for every directory.
func NewSet(defaults []byte, rules []*linter.Rule, path string) *Set {
	return &Set{defaults: defaults, rules: rules, fixed: path, loaded: map[string]loaded{}}
}

// For returns the configuration of the files in dir, loading it the
// first time it is asked for.
func (s *Set) For(dir string) (*linter.Config, error) {
	path := s.fixed
	if path == "" {
		path = s.finder.Find(dir)
	}
	return s.load(path)
}

// Base returns the configuration of what is in no directory: the file
// given for every directory, else the built-in defaults.
func (s *Set) Base() (*linter.Config, error) { return s.load(s.fixed) }

// UseArchive makes the name authority at path (--archive) the one of
// every configuration of the set, whatever its [archive] path says, and
// opens it now: the error names the file. Call it before any
// configuration is loaded.
func (s *Set) UseArchive(path string) error {
	s.archive = path
	_, err := s.archives.Open(path)
	return err
}

// NoArchive makes the set open no name authority: its configurations
// keep the path they name (ArchivePath) with Archive nil. For building an
// authority, which may be the very file a configuration names (and not
// there yet).
func (s *Set) NoArchive() { s.noArchive = true }

func (s *Set) load(path string) (*linter.Config, error) {
	l, ok := s.loaded[path]
	if !ok {
		if path != s.fixed {
			if real, top, out := OutsideRepository(path, path); out {
				l.err = &Error{File: path, Msg: fmt.Sprintf("a link to %s, outside the repository %s: not read (name it with --config to use it)", real, top)}
				s.loaded[path] = l
				return nil, l.err
			}
		}
		l.c, l.err = LoadFile(s.defaults, path, s.rules)
		if l.err == nil && !s.noArchive {
			if s.archive != "" {
				l.c.ArchivePath = s.archive
			}
			if err := OpenArchive(l.c, &s.archives); err != nil {
				l.c, l.err = nil, err
			}
		}
		s.loaded[path] = l
	}
	return l.c, l.err
}

// OutsideRepository reports whether p, a file that the file at from
// names or is (a configuration found by Find, a source an article or a
// configuration names), resolves, links followed, outside the git work
// tree holding from: a checkout under review must not make newslint read,
// and echo in its messages, a file elsewhere on the machine. It returns
// where p leads and the work tree's top. Outside a work tree (a home
// directory whose dotfiles link elsewhere), and for a p that is not there
// (which reading it reports), it says no.
func OutsideRepository(from, p string) (real, top string, out bool) {
	dir, err := filepath.Abs(filepath.Dir(from))
	if err != nil {
		return "", "", false
	}
	top = SearchTop(dir)
	if _, err := os.Lstat(filepath.Join(top, ".git")); err != nil {
		return "", "", false
	}
	if real, err = filepath.EvalSymlinks(p); err != nil {
		return "", "", false
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", "", false
	}
	rtop, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", "", false
	}
	if rel, err := filepath.Rel(rtop, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", false
	}
	return real, top, true
}

// Merge overlays the TOML document data (named file in errors) on c. Every
// key is checked: unknown keys, unknown rules and values of the wrong type
// are errors that name them. Arrays and inline tables nested more than
// MaxNesting deep are refused before the text is parsed.
func Merge(c *linter.Config, file string, data []byte, rules []*linter.Rule) error {
	text := string(data)
	if err := checkNesting(file, text); err != nil {
		return err
	}
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return syntaxError(file, text, pe)
		}
		return &Error{File: file, Msg: err.Error()}
	}
	m := &merger{c: c, file: file, text: text, rules: map[string]*linter.Rule{}}
	for _, r := range rules {
		m.rules[r.Name] = r
	}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		if err := m.top(key, raw[key]); err != nil {
			return err
		}
	}
	return nil
}

// syntaxError is a TOML syntax error at the parser's own position: the
// byte offset where it stopped (the library's line number is one too far
// when the error is at the end of a line, and its column is counted in
// bytes from the wrong line at the start of one), as a line and a column
// in code points, past any blank at the start of the span it names. The
// key is the one the parser was reading, or none when it was reading no
// key's value (a table name, or what follows a value).
func syntaxError(file, text string, pe toml.ParseError) *Error {
	src := withoutBOM(text)
	start := min(max(pe.Position.Start, 0), len(src))
	end := min(start+max(pe.Position.Len, 0), len(src))
	for start < end-1 && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	return &Error{
		File:   file,
		Line:   1 + strings.Count(src[:lineStart], "\n"),
		Column: 1 + utf8.RuneCountInString(src[lineStart:start]),
		Key:    keyBeingRead(src[:lineStart], pe.LastKey),
		Msg:    pe.Message,
	}
}

// withoutBOM is text without the byte-order mark the TOML parser skips
// (its offsets start after it).
func withoutBOM(text string) string {
	for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
		if s, ok := strings.CutPrefix(text, bom); ok {
			return s
		}
	}
	return text
}

// keyBeingRead is lastKey, the parser's last key, when the parser was
// reading that key's value; "" when lastKey only names the table it was
// in. before is the text up to the line of the error: when it is whole
// TOML, the error's line starts a new item, and the parser's key for an
// item that has none yet is found by a line that is an error at once.
// Linear: each is one parse of at most the text.
func keyBeingRead(before, lastKey string) string {
	if lastKey == "" {
		return ""
	}
	var v map[string]any
	if _, err := toml.Decode(before, &v); err != nil {
		return lastKey // the line is inside a value begun above
	}
	var pe toml.ParseError
	if _, err := toml.Decode(before+"=\n", &v); errors.As(err, &pe) && pe.LastKey == lastKey {
		return ""
	}
	return lastKey
}

// merger overlays one configuration file on a Config.
type merger struct {
	c     *linter.Config
	file  string
	text  string
	rules map[string]*linter.Rule
}

// keyErr is an error about key in [table], at the key's line.
func (m *merger) keyErr(table, key, msg string) error {
	full := key
	if table != "" {
		full = table + "." + key
	}
	return &Error{File: m.file, Line: keyLine(m.text, table, key), Key: full, Msg: msg}
}

// top merges one top-level key.
func (m *merger) top(key string, val any) error {
	switch key {
	case "max-file-size":
		n, err := parseSize(val)
		if err != nil {
			return m.keyErr("", key, err.Error())
		}
		m.c.MaxFileSize = n
	case "max-same-issues":
		n, ok := val.(int64)
		switch {
		case !ok:
			return m.keyErr("", key, fmt.Sprintf("must be an integer, not %s", tomlType(val)))
		case n < 0 || n > MaxSameIssues:
			return m.keyErr("", key, fmt.Sprintf("must be from 0 (no cap) to %d, not %d", MaxSameIssues, n))
		}
		m.c.MaxSameIssues = int(n)
	case "rules":
		tbl, ok := val.(map[string]any)
		if !ok {
			return m.keyErr("", key, "must be a table of [rules.<id>] tables")
		}
		for _, id := range slices.Sorted(maps.Keys(tbl)) {
			if err := m.ruleTable(id, tbl[id]); err != nil {
				return err
			}
		}
	case "exclude":
		list, err := toStrings(val)
		if err != nil {
			return m.keyErr("", key, err.Error())
		}
		for i, pat := range list {
			if _, err := gitignore.Compile(pat); err != nil {
				return &Error{File: m.file, Line: keyLine(m.text, "", key), Key: fmt.Sprintf("exclude[%d]", i+1), Msg: fmt.Sprintf("%q: %v", pat, err)}
			}
		}
		m.c.Exclude = list
	case "people":
		list, ok := peopleTables(val)
		if !ok {
			return m.keyErr("", key, "must be an array of [[people]] tables")
		}
		for i, entry := range list {
			p, err := parsePerson(entry)
			if err != nil {
				return &Error{File: m.file, Line: nthTableLine(m.text, "people", i), Key: fmt.Sprintf("people[%d]", i+1), Msg: err.Error()}
			}
			m.c.People = append(m.c.People, p)
		}
	case "archive":
		return m.archiveTable(val)
	case "sources":
		return m.sourcesTable(val)
	default:
		return m.keyErr("", key, "unknown key (known: max-file-size, max-same-issues, exclude, rules, people, archive, sources)")
	}
	return nil
}

// sourcesTable merges [sources]: paths, the files or folders quotations
// are checked against (quote-fidelity), relative to the configuration's
// directory.
func (m *merger) sourcesTable(val any) error {
	tbl, ok := val.(map[string]any)
	if !ok {
		return m.keyErr("", "sources", `must be a table: [sources] paths = ["transcripts/"]`)
	}
	for _, k := range slices.Sorted(maps.Keys(tbl)) {
		switch v := tbl[k]; k {
		case "paths":
			list, ok := v.([]any)
			if !ok {
				return m.keyErr("sources", k, fmt.Sprintf("must be an array of strings (files or folders, relative to this configuration), not %s", tomlType(v)))
			}
			var paths []string
			for _, e := range list {
				p, ok := e.(string)
				if !ok || strings.TrimSpace(p) == "" {
					return m.keyErr("sources", k, "must list files or folders as strings")
				}
				if !filepath.IsAbs(p) {
					p = filepath.Join(filepath.Dir(m.file), p)
				}
				paths = append(paths, p)
			}
			m.c.SourcePaths = paths
		default:
			return m.keyErr("sources", k, "unknown key (known: paths)")
		}
	}
	return nil
}

// archiveTable merges [archive]: path, the name authority's file,
// relative to the configuration's directory.
func (m *merger) archiveTable(val any) error {
	tbl, ok := val.(map[string]any)
	if !ok {
		return m.keyErr("", "archive", `must be a table: [archive] path = "names.nla"`)
	}
	for _, k := range slices.Sorted(maps.Keys(tbl)) {
		switch v := tbl[k]; k {
		case "path":
			p, ok := v.(string)
			if !ok {
				return m.keyErr("archive", k, fmt.Sprintf("must be a string (the authority's file, relative to this configuration), not %s", tomlType(v)))
			}
			if strings.TrimSpace(p) == "" {
				return m.keyErr("archive", k, "must name a file (an authority newslint archive build wrote)")
			}
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(m.file), p)
			}
			m.c.ArchivePath = p
			m.c.Archive = nil
		default:
			return m.keyErr("archive", k, "unknown key (known: path)")
		}
	}
	return nil
}

// ruleTable merges [rules.<id>].
func (m *merger) ruleTable(id string, val any) error {
	r := m.rules[id]
	if r == nil {
		return &Error{File: m.file, Line: keyLine(m.text, "rules."+id, ""), Key: "rules." + id,
			Msg: fmt.Sprintf("unknown rule %q (newslint rules lists them)", id)}
	}
	rt, ok := val.(map[string]any)
	if !ok {
		return m.keyErr("rules", id, "must be a table")
	}
	return mergeRule(m.c.Rules[r.Name], r, rt, func(k, msg string) error { return m.keyErr("rules."+id, k, msg) })
}

func mergeRule(rc *linter.RuleConfig, r *linter.Rule, tbl map[string]any, fail func(key, msg string) error) error {
	for _, k := range slices.Sorted(maps.Keys(tbl)) {
		v := tbl[k]
		switch k {
		case "enabled":
			b, ok := v.(bool)
			if !ok {
				return fail(k, fmt.Sprintf("must be true or false, not %s", tomlType(v)))
			}
			rc.Enabled = b
		case "severity":
			s, ok := v.(string)
			if !ok {
				return fail(k, fmt.Sprintf("must be a string, not %s", tomlType(v)))
			}
			sev, err := linter.ParseSeverity(s)
			if err != nil {
				return fail(k, err.Error())
			}
			rc.Severity = sev
		default:
			opt := r.Option(k)
			if opt == nil {
				names := r.OptionNames()
				hint := "it takes only enabled and severity"
				if len(names) > 0 {
					hint = "it takes enabled, severity, " + strings.Join(names, ", ")
				}
				return fail(k, fmt.Sprintf("unknown option for rule %s (%s)", r.Name, hint))
			}
			conv, err := convertOption(opt.Default(), v)
			if err == nil {
				err = opt.Check(conv)
			}
			if err != nil {
				return fail(k, err.Error())
			}
			rc.Options[k] = conv
		}
	}
	return nil
}

func convertOption(def, v any) (any, error) {
	switch def.(type) {
	case bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, fmt.Errorf("must be a boolean, not %s", tomlType(v))
	case int64:
		if n, ok := v.(int64); ok {
			return n, nil
		}
		return nil, fmt.Errorf("must be an integer, not %s", tomlType(v))
	case float64:
		switch n := v.(type) {
		case float64:
			return n, nil
		case int64:
			return float64(n), nil
		}
		return nil, fmt.Errorf("must be a number, not %s", tomlType(v))
	case string:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("must be a string, not %s", tomlType(v))
	case []string:
		return toStrings(v)
	}
	return nil, fmt.Errorf("unsupported option type %T", def)
}

func toStrings(v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("must be an array of strings, not %s", tomlType(v))
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("must be an array of strings, but holds %s", tomlType(x))
		}
		out = append(out, s)
	}
	return out, nil
}

// peopleTables reads the people array, written as [[people]] tables or
// inline (people = [{name = "A B"}]), which TOML decodes differently.
func peopleTables(val any) ([]map[string]any, bool) {
	switch v := val.(type) {
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, x := range v {
			m, ok := x.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

func parsePerson(m map[string]any) (people.Person, error) {
	var p people.Person
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		var err error
		switch k {
		case "name":
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return p, fmt.Errorf("name must be a non-empty string")
			}
			p.Name = s
		case "aliases":
			p.Aliases, err = toStrings(v)
		case "titles":
			p.Titles, err = toStrings(v)
		case "gender":
			s, ok := v.(string)
			if !ok || (s != "male" && s != "female" && s != "") {
				return p, fmt.Errorf(`gender must be "male" or "female"`)
			}
			p.Gender = s
		default:
			return p, fmt.Errorf("unknown key %q (known: name, aliases, titles, gender)", k)
		}
		if err != nil {
			return p, fmt.Errorf("%s %v", k, err)
		}
	}
	if p.Name == "" {
		return p, fmt.Errorf("name is required")
	}
	return p, nil
}

// MaxSameIssues is the largest max-same-issues: a cap above it is no cap
// (0 says so).
const MaxSameIssues = 1_000_000

// MaxFileSize is the largest max-file-size: a file is read whole into
// memory, and the model takes a few times its size.
const MaxFileSize = 1 << 30

const sizeLimitText = "1GB (1073741824 bytes)"

// sizeRE reads a size; compiled on first use.
var sizeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(\d+)\s*([kKmMgG]?)i?[bB]?\s*$`) })

func parseSize(v any) (int64, error) {
	switch n := v.(type) {
	case int64:
		if n <= 0 {
			return 0, fmt.Errorf("must be positive")
		}
		if n > MaxFileSize {
			return 0, fmt.Errorf("%d is over the largest size newslint reads, %s", n, sizeLimitText)
		}
		return n, nil
	case string:
		m := sizeRE().FindStringSubmatch(n)
		if m == nil {
			return 0, fmt.Errorf("%q is not a size (write 10MB, 512KB or a number of bytes)", n)
		}
		x, err := strconv.ParseInt(m[1], 10, 64)
		shift := map[string]uint{"": 0, "K": 10, "M": 20, "G": 30}[strings.ToUpper(m[2])]
		if err != nil || x > MaxFileSize>>shift {
			return 0, fmt.Errorf("%q is over the largest size newslint reads, %s", n, sizeLimitText)
		}
		x <<= shift
		if x <= 0 {
			return 0, fmt.Errorf("must be positive")
		}
		return x, nil
	}
	return 0, fmt.Errorf("must be a number of bytes or a string like \"10MB\", not %s", tomlType(v))
}

func tomlType(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// keyLine finds the line of key inside [table] (or of the table header when
// key is empty) so that errors found after decoding still point at a line.
func keyLine(text, table, key string) int {
	current := ""
	for i, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t\r")
			current = strings.ReplaceAll(strings.ReplaceAll(name, "\"", ""), " ", "")
			if key == "" && current == table {
				return i + 1
			}
			continue
		}
		if key != "" && current == table {
			k := strings.TrimSpace(strings.SplitN(t, "=", 2)[0])
			if strings.Trim(k, "\"'") == key && strings.Contains(t, "=") {
				return i + 1
			}
		}
	}
	return 0
}

// nthTableLine finds the line of the n-th [[name]] header.
func nthTableLine(text, name string, n int) int {
	seen := 0
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(strings.SplitN(line, "#", 2)[0]) == "[["+name+"]]" {
			if seen == n {
				return i + 1
			}
			seen++
		}
	}
	return 0
}
