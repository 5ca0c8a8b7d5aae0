package linter

import (
	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/people"
)

// DefaultMaxFileSize is the size above which a file is not linted.
const DefaultMaxFileSize = 10 << 20

// DefaultMaxSameIssues is the default MaxSameIssues.
const DefaultMaxSameIssues = 50

// Config is a configuration: which rules run, at which severity, with which
// options, and whom the newsroom knows. It is plain data; linter/config
// reads it from TOML.
type Config struct {
	// Path is the file the configuration came from ("" for the defaults).
	Path        string
	MaxFileSize int64
	// MaxSameIssues is how many findings of one rule in one file are kept
	// (the first in text order); the rest are counted and reported as one
	// info finding. 0 keeps them all.
	MaxSameIssues int
	Rules         map[string]*RuleConfig
	// People is the people gazetteer ([[people]] tables).
	People []people.Person
	// Exclude holds patterns, written as in .gitignore, of what a
	// directory walk skips, relative to the directory of Path.
	Exclude []string
	// ArchivePath is the name authority the configuration names
	// ([archive] path, resolved against the directory of Path; or
	// --archive), "" for none. Archive is that authority, opened (once
	// per path in a run: linter/config does it), which every rule's Pass
	// carries; nil when there is none, or it is not opened yet.
	ArchivePath string
	Archive     *archive.Authority
	// SourcePaths are the sources quotations are checked against
	// ([sources] paths, resolved against the directory of Path): files
	// or folders, read by the engine.
	SourcePaths []string
}

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	Enabled  bool
	Severity Severity
	// Options holds every option the rule declares, at its configured or
	// default value.
	Options map[string]any
}

// DefaultConfig returns the configuration every rule starts from: enabled,
// with its default severity and options.
func DefaultConfig(rules []*Rule) *Config {
	c := &Config{MaxFileSize: DefaultMaxFileSize, MaxSameIssues: DefaultMaxSameIssues, Rules: map[string]*RuleConfig{}}
	for _, r := range rules {
		c.Rules[r.Name] = r.defaultConfig()
	}
	return c
}

// For returns the configuration of rule r: its defaults when the
// configuration was made for other rules.
func (c *Config) For(r *Rule) *RuleConfig {
	if rc := c.Rules[r.Name]; rc != nil {
		return rc
	}
	return r.defaultConfig()
}

func (r *Rule) defaultConfig() *RuleConfig {
	opts := make(map[string]any, len(r.Options))
	for _, o := range r.Options {
		opts[o.Name()] = o.Default()
	}
	return &RuleConfig{Enabled: true, Severity: r.Severity, Options: opts}
}
