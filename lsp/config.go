package lsp

import (
	"path/filepath"
	"sync"

	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
)

// configs holds a linter per configuration file: the newslint.toml found
// walking up from each document, else the built-in defaults. A file that
// fails to load keeps the linter of its last good version (or the
// defaults), and its error is shown once.
type configs struct {
	rules    []*linter.Rule
	defaults []byte

	mu       sync.Mutex
	byPath   map[string]*engine.Linter // "" is the defaults
	lastGood map[string]*engine.Linter
	reported map[string]bool
	// archives holds, by configuration path, the name authority it named
	// when it was last loaded and the file's size and time then: a
	// configuration is loaded again when its authority changes (see
	// archive.go).
	archives map[string]archiveStamp
	// sources reads the sources quotations are checked against, for
	// every configuration of the session: each set indexed once, again
	// when one of its files changes.
	sources *engine.Sources
}

func newConfigs(rules []*linter.Rule, defaults []byte) *configs {
	return &configs{rules: rules, defaults: defaults, byPath: map[string]*engine.Linter{},
		lastGood: map[string]*engine.Linter{}, reported: map[string]bool{}, archives: map[string]archiveStamp{},
		sources: &engine.Sources{Watch: true}}
}

// linter returns the linter for a document at path ("" for a document
// that is not a file), and the error of a configuration that failed to
// load (the linter is then the last good one).
func (c *configs) linter(path string) (*engine.Linter, error) {
	cfgPath := ""
	if path != "" {
		cfgPath = config.Find(filepath.Dir(path))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if l := c.byPath[cfgPath]; l != nil && !c.archives[cfgPath].changed() {
		return l, nil
	}
	cfg, err := c.loadLocked(cfgPath)
	if err != nil {
		l := c.lastGood[cfgPath]
		if l == nil {
			l = c.fallbackLocked()
		}
		c.byPath[cfgPath] = l
		return l, err
	}
	l := &engine.Linter{Rules: c.rules, Config: cfg, Sources: c.sources}
	c.byPath[cfgPath], c.lastGood[cfgPath] = l, l
	return l, nil
}

// fallbackLocked is the linter of the built-in defaults.
func (c *configs) fallbackLocked() *engine.Linter {
	cfg, err := config.Load(c.defaults, "", c.rules)
	if err != nil {
		return &engine.Linter{Rules: c.rules, Sources: c.sources}
	}
	return &engine.Linter{Rules: c.rules, Config: cfg, Sources: c.sources}
}

// forget makes every configuration load again (a newslint.toml changed);
// their errors may be shown again.
func (c *configs) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byPath = map[string]*engine.Linter{}
	c.reported = map[string]bool{}
}

// firstReport reports whether err has not been shown yet, and remembers
// it.
func (c *configs) firstReport(err error) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reported[err.Error()] {
		return false
	}
	c.reported[err.Error()] = true
	return true
}
