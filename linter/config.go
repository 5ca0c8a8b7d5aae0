package linter

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// DefaultMaxFileSize is the size above which a file is not linted.
const DefaultMaxFileSize = 10 << 20

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	Enabled  bool
	Severity Severity
	Options  map[string]any
}

// Person is an entry of the people gazetteer: who holds which office.
type Person struct {
	Name    string
	Aliases []string
	Titles  []string
	Gender  string // "male", "female", or "" when unknown
}

// Config is a loaded configuration.
type Config struct {
	// Path is the file the configuration came from ("" for the defaults).
	Path        string
	MaxFileSize int64
	Rules       map[string]*RuleConfig
	People      []Person
}

// ConfigError is an error in a configuration file, with its position when
// known.
type ConfigError struct {
	File   string
	Line   int
	Column int
	Key    string
	Msg    string
}

func (e *ConfigError) Error() string {
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

// DefaultConfig returns the configuration every rule starts from: enabled,
// with its default severity and options.
func DefaultConfig(rules []*Rule) *Config {
	c := &Config{MaxFileSize: DefaultMaxFileSize, Rules: map[string]*RuleConfig{}}
	for _, r := range rules {
		opts := make(map[string]any, len(r.Options))
		for k, v := range r.Options {
			opts[k] = v
		}
		c.Rules[r.Name] = &RuleConfig{Enabled: true, Severity: r.Severity, Options: opts}
	}
	return c
}

// LoadConfig reads the embedded defaults and then, when path is not empty,
// the file at path over them.
func LoadConfig(defaults []byte, path string, rules []*Rule) (*Config, error) {
	c := DefaultConfig(rules)
	if err := c.Merge("(built-in config.toml)", defaults, rules); err != nil {
		return nil, err
	}
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ConfigError{File: path, Msg: err.Error()}
	}
	if err := c.Merge(path, data, rules); err != nil {
		return nil, err
	}
	c.Path = path
	return c, nil
}

// FindConfig looks for newslint.toml or .newslint.toml in dir and its
// parents and returns the first found, or "".
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range []string{"newslint.toml", ".newslint.toml"} {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Merge overlays the TOML document data (named file in errors) on c. Every
// key is checked: unknown keys, unknown rules and values of the wrong type
// are errors that name them.
func (c *Config) Merge(file string, data []byte, rules []*Rule) error {
	text := string(data)
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &ConfigError{File: file, Line: pe.Position.Line, Column: pe.Position.Col, Msg: pe.Message}
		}
		return &ConfigError{File: file, Msg: err.Error()}
	}
	byName := map[string]*Rule{}
	for _, r := range rules {
		byName[r.Name] = r
	}
	keyErr := func(table, key, msg string) error {
		line := keyLine(text, table, key)
		full := key
		if table != "" {
			full = table + "." + key
		}
		return &ConfigError{File: file, Line: line, Key: full, Msg: msg}
	}
	for _, key := range sortedKeys(raw) {
		val := raw[key]
		switch key {
		case "max-file-size":
			n, err := parseSize(val)
			if err != nil {
				return keyErr("", key, err.Error())
			}
			c.MaxFileSize = n
		case "rules":
			tbl, ok := val.(map[string]any)
			if !ok {
				return keyErr("", key, "must be a table of [rules.<id>] tables")
			}
			for _, id := range sortedKeys(tbl) {
				r := byName[id]
				if r == nil {
					return &ConfigError{File: file, Line: keyLine(text, "rules."+id, ""), Key: "rules." + id,
						Msg: fmt.Sprintf("unknown rule %q (newslint rules lists them)", id)}
				}
				rt, ok := tbl[id].(map[string]any)
				if !ok {
					return keyErr("rules", id, "must be a table")
				}
				if err := c.mergeRule(r, rt, func(k, m string) error { return keyErr("rules."+id, k, m) }); err != nil {
					return err
				}
			}
		case "people":
			list, ok := val.([]map[string]any)
			if !ok {
				return keyErr("", key, "must be an array of [[people]] tables")
			}
			for i, entry := range list {
				p, err := parsePerson(entry)
				if err != nil {
					return &ConfigError{File: file, Line: nthTableLine(text, "people", i), Key: fmt.Sprintf("people[%d]", i+1), Msg: err.Error()}
				}
				c.People = append(c.People, p)
			}
		default:
			return keyErr("", key, "unknown key (known: max-file-size, rules, people)")
		}
	}
	return nil
}

func (c *Config) mergeRule(r *Rule, tbl map[string]any, fail func(key, msg string) error) error {
	rc := c.Rules[r.Name]
	for _, k := range sortedKeys(tbl) {
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
			sev, err := ParseSeverity(s)
			if err != nil {
				return fail(k, err.Error())
			}
			rc.Severity = sev
		default:
			def, known := r.Options[k]
			if !known {
				names := sortedKeys(r.Options)
				hint := "it takes only enabled and severity"
				if len(names) > 0 {
					hint = "it takes enabled, severity, " + strings.Join(names, ", ")
				}
				return fail(k, fmt.Sprintf("unknown option for rule %s (%s)", r.Name, hint))
			}
			conv, err := convertOption(def, v)
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

func parsePerson(m map[string]any) (Person, error) {
	var p Person
	for _, k := range sortedKeys(m) {
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

var sizeRE = regexp.MustCompile(`^\s*(\d+)\s*([kKmMgG]?)i?[bB]?\s*$`)

func parseSize(v any) (int64, error) {
	switch n := v.(type) {
	case int64:
		if n <= 0 {
			return 0, fmt.Errorf("must be positive")
		}
		return n, nil
	case string:
		m := sizeRE.FindStringSubmatch(n)
		if m == nil {
			return 0, fmt.Errorf("%q is not a size (write 10MB, 512KB or a number of bytes)", n)
		}
		x, _ := strconv.ParseInt(m[1], 10, 64)
		switch strings.ToUpper(m[2]) {
		case "K":
			x <<= 10
		case "M":
			x <<= 20
		case "G":
			x <<= 30
		}
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
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
