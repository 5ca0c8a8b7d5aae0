package config

import (
	"errors"
	"os"
	"path/filepath"
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
