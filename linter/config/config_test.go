package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testRules = []*linter.Rule{
	{Name: "alpha", Doc: "a", Severity: linter.Warning, Run: func(*linter.Pass) {}, Options: []linter.Option{
		linter.NewOption("max-distance", int64(2)).Within(1, 10), linter.NewOption("ratio", 0.5).Within(0, 1), linter.NewOption("mode", "strict"),
		linter.NewOption("words", []string{"x"}), linter.NewOption("strict", false),
	}},
	{Name: "beta", Doc: "b", Severity: linter.Info, Run: func(*linter.Pass) {}},
}

const testDefaults = `
max-file-size = "10MB"
[rules.alpha]
enabled = true
severity = "warning"
max-distance = 2
ratio = 0.5
mode = "strict"
words = ["x"]
strict = false
[rules.beta]
severity = "info"
`

func loadString(t *testing.T, text string) (*linter.Config, error) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "newslint.toml")
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return Load([]byte(testDefaults), p, testRules)
}

func configErr(t *testing.T, err error) *Error {
	t.Helper()
	require.Error(t, err)
	var ce *Error
	require.True(t, errors.As(err, &ce), "want a *Error, got %T: %v", err, err)
	return ce
}

func TestConfigDefaults(t *testing.T) {
	c, err := Load([]byte(testDefaults), "", testRules)
	require.NoError(t, err)
	assert.Equal(t, int64(10<<20), c.MaxFileSize)
	assert.True(t, c.Rules["alpha"].Enabled)
	assert.Equal(t, linter.Warning, c.Rules["alpha"].Severity)
	assert.Equal(t, int64(2), c.Rules["alpha"].Options["max-distance"])
}

func TestConfigOverrides(t *testing.T) {
	c, err := loadString(t, `
max-file-size = 2048
[rules.alpha]
severity = "error"
max-distance = 3
ratio = 1
words = ["a", "b"]
[rules.beta]
enabled = false

[[people]]
name = "Alexander Lukashenko"
aliases = ["Lukashenka"]
titles = ["President of Belarus"]
gender = "male"
`)
	require.NoError(t, err)
	assert.Equal(t, int64(2048), c.MaxFileSize)
	assert.Equal(t, linter.Error, c.Rules["alpha"].Severity)
	assert.Equal(t, int64(3), c.Rules["alpha"].Options["max-distance"])
	assert.Equal(t, 1.0, c.Rules["alpha"].Options["ratio"], "an integer is accepted for a float option")
	assert.Equal(t, []string{"a", "b"}, c.Rules["alpha"].Options["words"])
	assert.Equal(t, "strict", c.Rules["alpha"].Options["mode"], "untouched options keep their defaults")
	assert.False(t, c.Rules["beta"].Enabled)
	require.Len(t, c.People, 1)
	assert.Equal(t, people.Person{Name: "Alexander Lukashenko", Aliases: []string{"Lukashenka"}, Titles: []string{"President of Belarus"}, Gender: "male"}, c.People[0])
}

func TestConfigSyntaxErrorNamesLine(t *testing.T) {
	_, err := loadString(t, "[rules.alpha]\nenabled = true\nseverity = \"error\n")
	ce := configErr(t, err)
	assert.Equal(t, 3, ce.Line)
	assert.Contains(t, err.Error(), "newslint.toml:3")
}

func TestConfigUnknownRule(t *testing.T) {
	_, err := loadString(t, "# comment\n\n[rules.no-such-rule]\nenabled = true\n")
	ce := configErr(t, err)
	assert.Contains(t, err.Error(), "no-such-rule")
	assert.Equal(t, 3, ce.Line)
}

func TestConfigUnknownKeys(t *testing.T) {
	_, err := loadString(t, "[rules.alpha]\nenabled = true\nmax-distanse = 3\n")
	ce := configErr(t, err)
	assert.Equal(t, "rules.alpha.max-distanse", ce.Key)
	assert.Equal(t, 3, ce.Line)
	assert.Contains(t, err.Error(), "max-distance", "the message lists the known options")

	_, err = loadString(t, "colour = \"red\"\n")
	ce = configErr(t, err)
	assert.Equal(t, "colour", ce.Key)
	assert.Equal(t, 1, ce.Line)

	_, err = loadString(t, "[[people]]\nname = \"A B\"\nnickname = \"x\"\n")
	ce = configErr(t, err)
	assert.Contains(t, err.Error(), "nickname")
	assert.Equal(t, 1, ce.Line)
}

func TestConfigWrongTypes(t *testing.T) {
	cases := map[string]string{
		"[rules.alpha]\nenabled = \"yes\"\n":    "rules.alpha.enabled",
		"[rules.alpha]\nseverity = \"fatal\"\n": "rules.alpha.severity",
		"[rules.alpha]\nseverity = 3\n":         "rules.alpha.severity",
		"[rules.alpha]\nmax-distance = 2.5\n":   "rules.alpha.max-distance",
		"[rules.alpha]\nwords = [1, 2]\n":       "rules.alpha.words",
		"[rules.alpha]\nmode = true\n":          "rules.alpha.mode",
		"max-file-size = \"huge\"\n":            "max-file-size",
		"max-file-size = -1\n":                  "max-file-size",
		"rules = 3\n":                           "rules",
	}
	for text, key := range cases {
		_, err := loadString(t, text)
		ce := configErr(t, err)
		assert.Equal(t, key, ce.Key, text)
		assert.Contains(t, err.Error(), key, text)
		assert.Positive(t, ce.Line, text)
	}
}

func TestConfigMissingFile(t *testing.T) {
	_, err := Load([]byte(testDefaults), filepath.Join(t.TempDir(), "nope.toml"), testRules)
	configErr(t, err)
}

func TestFindConfigWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	assert.Equal(t, "", Find(deep))
	require.NoError(t, os.WriteFile(filepath.Join(root, ".newslint.toml"), nil, 0o644))
	assert.Equal(t, filepath.Join(root, ".newslint.toml"), Find(deep))
	require.NoError(t, os.WriteFile(filepath.Join(root, "a", "newslint.toml"), nil, 0o644))
	assert.Equal(t, filepath.Join(root, "a", "newslint.toml"), Find(deep))
}

func TestParseSeverity(t *testing.T) {
	s, err := linter.ParseSeverity("Error")
	require.NoError(t, err)
	assert.Equal(t, linter.Error, s)
	_, err = linter.ParseSeverity("fatal")
	assert.Error(t, err)
}

// TestConfigRanges: sizes that overflow or pass the largest size, and
// numbers outside an option's range, are errors naming the key and line.
func TestConfigRanges(t *testing.T) {
	for _, tc := range []struct {
		text, key string
		line      int
		msg       string
	}{
		{"max-file-size = 9223372036854775807\n", "max-file-size", 1, "over the largest size"},
		{"\nmax-file-size = 99999999999999999999\n", "max-file-size", 2, "out of range"},
		{"max-file-size = \"18014398509481985K\"\n", "max-file-size", 1, "over the largest size"},
		{"max-file-size = \"99999999999999999999\"\n", "max-file-size", 1, "over the largest size"},
		{"max-file-size = \"2GB\"\n", "max-file-size", 1, "over the largest size"},
		{"[rules.alpha]\nmax-distance = 0\n", "rules.alpha.max-distance", 2, "from 1 to 10"},
		{"[rules.alpha]\nmax-distance = -5\n", "rules.alpha.max-distance", 2, "from 1 to 10"},
		{"[rules.alpha]\nratio = 1.5\n", "rules.alpha.ratio", 2, "from 0 to 1"},
		{"[rules.alpha]\nmax-distance = 99999999999999999999\n", "rules.alpha.max-distance", 2, "out of range"},
	} {
		ce := configErr(t, func() error { _, err := loadString(t, tc.text); return err }())
		assert.Equal(t, tc.key, ce.Key, tc.text)
		assert.Equal(t, tc.line, ce.Line, tc.text)
		assert.Contains(t, ce.Msg, tc.msg, tc.text)
	}
	// The edges are accepted.
	c, err := loadString(t, "max-file-size = \"1GB\"\n[rules.alpha]\nmax-distance = 10\nratio = 0\n")
	require.NoError(t, err)
	assert.Equal(t, int64(1<<30), c.MaxFileSize)
	assert.Equal(t, int64(10), c.Rules["alpha"].Options["max-distance"])
}

// TestInlinePeople: people written as an inline array of tables is the
// same as [[people]].
func TestInlinePeople(t *testing.T) {
	c, err := loadString(t, `people = [{name = "Ana Lis", gender = "female"}, {name = "Bo Ek"}]`+"\n")
	require.NoError(t, err)
	require.Len(t, c.People, 2)
	assert.Equal(t, "Ana Lis", c.People[0].Name)
	assert.Equal(t, "female", c.People[0].Gender)
	_, err = loadString(t, `people = ["Ana Lis"]`+"\n")
	assert.Contains(t, configErr(t, err).Msg, "[[people]]")
}

// TestConfigNotRegular: a configuration path that names a FIFO or a
// device is refused at once, and discovery skips it.
func TestConfigNotRegular(t *testing.T) {
	_, err := Load([]byte(testDefaults), os.DevNull, testRules)
	assert.Contains(t, configErr(t, err).Msg, "not a regular file")
	dir := t.TempDir()
	require.NoError(t, os.Symlink(os.DevNull, filepath.Join(dir, "newslint.toml")))
	assert.Equal(t, "", Find(dir))
}

// FuzzMerge reads any bytes as a configuration: it never panics, and an
// error is always a *Error that names the file.
func FuzzMerge(f *testing.F) {
	f.Add([]byte(testDefaults))
	f.Add([]byte("max-file-size = \"18014398509481985K\"\n[rules.alpha]\nmax-distance = 0\n"))
	f.Add([]byte("people = [{name = \"A B\"}]\n[[people]]\nname = \"\"\n"))
	f.Add([]byte("[rules.alpha\nx = "))
	// Nesting past MaxNesting, refused before the parser (which took 26 s
	// and 1.5 GB on it).
	f.Add([]byte(deepInline(8000)))
	f.Add([]byte("x = [\"\"\"a\"\"\"\"\", " + strings.Repeat("[", 100) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := linter.DefaultConfig(testRules)
		err := Merge(c, "f.toml", data, testRules)
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.File != "f.toml" {
			t.Fatalf("error %T %v does not name the file", err, err)
		}
	})
}

// TestSyntaxErrorPositions: a TOML syntax error names the line and column
// where the parser stopped (in code points, a byte-order mark not
// counted) and only the key it was reading, never a key of another line.
func TestSyntaxErrorPositions(t *testing.T) {
	for _, tc := range []struct {
		text      string
		line, col int
		key, msg  string
	}{
		// The table name ends at the end of line 2: the next line's key is
		// not what the parser was reading.
		{"# config\n[rules.quote-balance\nenabled = true\n", 2, 21, "", "expected '.' or ']'"},
		// After a table, its name is not the key being read either.
		{"[rules.alpha]\nenabled = true\n[rules.beta\nseverity = \"info\"\n", 3, 12, "", "expected '.' or ']'"},
		{"[rules.alpha]\nenabled = true\nenabled = false\n", 3, 1, "rules.alpha.enabled", "already been defined"},
		{"[rules.alpha]\nenabled = tru\n", 2, 11, "rules.alpha.enabled", "expected value"},
		{"[rules.alpha]\r\nenabled = tru\r\n", 2, 11, "rules.alpha.enabled", "expected value"},
		// A value over several lines: the key is on line 2, the error on 4.
		{"[rules.alpha]\nwords = [\n  \"a\",\n  b,\n]\n", 4, 3, "rules.alpha.words", "expected value"},
		{"[rules.alpha]\nmode = \"é\n", 2, 10, "rules.alpha.mode", "cannot contain newlines"},
		{"\ufeff[rules.alpha\n", 1, 13, "", "expected '.' or ']'"},
		{"[rules.alpha]\nmax-distance = 3 4\n", 2, 18, "", "but got '4'"},
		// The parser stops at the last line end, not past it.
		{"[rules.alpha]\nwords = [\"a\",\n", 2, 14, "rules.alpha.words", "unexpected EOF"},
	} {
		ce := configErr(t, func() error { _, err := loadString(t, tc.text); return err }())
		assert.Equal(t, tc.line, ce.Line, "line of %q", tc.text)
		assert.Equal(t, tc.col, ce.Column, "column of %q", tc.text)
		assert.Equal(t, tc.key, ce.Key, "key of %q", tc.text)
		assert.Contains(t, ce.Msg, tc.msg, tc.text)
	}
}

func TestConfigExclude(t *testing.T) {
	c, err := loadString(t, "exclude = [\"drafts/\", \"data/**/*.md\", \"!keep.md\"]\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"drafts/", "data/**/*.md", "!keep.md"}, c.Exclude)

	for _, tc := range []struct{ text, key, msg string }{
		{"exclude = \"drafts\"\n", "exclude", "must be an array of strings"},
		{"\nexclude = [\"drafts\", 3]\n", "exclude", "holds an integer"},
		{"exclude = [\"ok\", \"a[b\"]\n", "exclude[2]", "malformed pattern"},
		{"exclude = [\"\"]\n", "exclude[1]", "empty pattern"},
		{"exclude = [\"# x\"]\n", "exclude[1]", "comment"},
	} {
		ce := configErr(t, func() error { _, err := loadString(t, tc.text); return err }())
		assert.Equal(t, tc.key, ce.Key, tc.text)
		assert.Equal(t, strings.Count(tc.text[:strings.Index(tc.text, "exclude")], "\n")+1, ce.Line, tc.text)
		assert.Contains(t, ce.Msg, tc.msg, tc.text)
	}
}

// TestSetLoadsEachFileOnce: the directories under one newslint.toml share
// one configuration, read once; another file applies below its own
// directory; a file given applies everywhere.
func TestSetLoadsEachFileOnce(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"a/b", "c/d"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	top := filepath.Join(root, "newslint.toml")
	require.NoError(t, os.WriteFile(top, []byte("max-file-size = 100\n"), 0o644))
	sub := filepath.Join(root, "c", "newslint.toml")
	require.NoError(t, os.WriteFile(sub, []byte("max-file-size = 200\n"), 0o644))

	s := NewSet([]byte(testDefaults), testRules, "")
	ra, err := s.For(filepath.Join(root, "a"))
	require.NoError(t, err)
	rb, err := s.For(filepath.Join(root, "a", "b"))
	require.NoError(t, err)
	assert.Same(t, ra, rb, "one configuration for the directories under one file")
	assert.Equal(t, top, ra.Path)
	assert.Equal(t, int64(100), ra.MaxFileSize)
	cd, err := s.For(filepath.Join(root, "c", "d"))
	require.NoError(t, err)
	assert.Equal(t, sub, cd.Path)
	assert.Equal(t, int64(200), cd.MaxFileSize)

	// Read once: a change after the first read is not seen by this run.
	require.NoError(t, os.WriteFile(top, []byte("max-file-size = 300\n"), 0o644))
	again, err := s.For(root)
	require.NoError(t, err)
	assert.Same(t, ra, again)

	fixed := NewSet([]byte(testDefaults), testRules, sub)
	base, err := fixed.Base()
	require.NoError(t, err)
	for _, d := range []string{root, filepath.Join(root, "a", "b")} {
		c, err := fixed.For(d)
		require.NoError(t, err)
		assert.Same(t, base, c, "--config applies to %s, read once", d)
	}
	assert.Equal(t, sub, base.Path)

	// A broken file is an error for every directory under it, and the
	// defaults apply where no file is found.
	require.NoError(t, os.WriteFile(sub, []byte("max-file-size = \n"), 0o644))
	s = NewSet([]byte(testDefaults), testRules, "")
	_, err = s.For(filepath.Join(root, "c", "d"))
	assert.Contains(t, configErr(t, err).File, sub)
	_, err = s.For(filepath.Join(root, "c"))
	configErr(t, err)
	none := NewSet([]byte(testDefaults), testRules, "")
	d, err := none.For(t.TempDir())
	require.NoError(t, err)
	assert.Equal(t, "", d.Path)
}

// TestConfigMaxSameIssues: max-same-issues defaults to 50 (also with no
// configuration text at all), takes 0 for no cap, and refuses what is
// not a count.
func TestConfigMaxSameIssues(t *testing.T) {
	c, err := Load([]byte(testDefaults), "", testRules)
	require.NoError(t, err)
	assert.Equal(t, 50, c.MaxSameIssues)
	assert.Equal(t, 50, linter.DefaultConfig(testRules).MaxSameIssues)

	for text, want := range map[string]int{"max-same-issues = 0\n": 0, "max-same-issues = 3\n": 3, "max-same-issues = 1000000\n": 1000000} {
		c, err := loadString(t, text)
		require.NoError(t, err, text)
		assert.Equal(t, want, c.MaxSameIssues, text)
	}
	for text, msg := range map[string]string{
		"\nmax-same-issues = -1\n":      "from 0 (no cap) to 1000000",
		"\nmax-same-issues = 1000001\n": "from 0 (no cap) to 1000000",
		"\nmax-same-issues = \"50\"\n":  "must be an integer, not a string",
		"\nmax-same-issues = 2.5\n":     "must be an integer, not a float",
	} {
		ce := configErr(t, func() error { _, err := loadString(t, text); return err }())
		assert.Equal(t, "max-same-issues", ce.Key, text)
		assert.Equal(t, 2, ce.Line, text)
		assert.Contains(t, ce.Msg, msg, text)
	}
	_, err = loadString(t, "max-same-issue = 5\n")
	assert.ErrorContains(t, err, "max-same-issues", "the unknown-key message lists it")
}
