package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
)

// walkOptions are the directory walk's options from --follow-links, and
// with --verbose a note on stderr of each link a walk does not follow
// (without it they are skipped silently).
func (o options) walkOptions(stderr io.Writer) engine.WalkOptions {
	opts := engine.WalkOptions{FollowLinks: o.followLinks}
	if o.verbose {
		opts.SkippedLink = func(link, target string) {
			sayf(stderr, "symbolic link %s not followed: it leads to %s, outside the directories named (--follow-links follows it)", link, target)
		}
	}
	return opts
}

// sayConfigs says on stderr (--verbose) which configuration applies to
// the files to lint: one line for each, in the order of the files, with
// how many files it applies to and the first of them; for the built-in
// defaults, where the search for a newslint.toml stopped.
func sayConfigs(stderr io.Writer, targets []engine.Target) {
	type group struct {
		cfg   *linter.Config
		first string
		n     int
	}
	var groups []*group
	byConfig := map[*linter.Config]*group{}
	for _, t := range targets {
		if t.Err != nil || t.Config == nil {
			continue
		}
		g := byConfig[t.Config]
		if g == nil {
			g = &group{cfg: t.Config, first: t.Path}
			byConfig[t.Config] = g
			groups = append(groups, g)
		}
		g.n++
	}
	for _, g := range groups {
		files := fmt.Sprintf("%d file", g.n)
		if g.n != 1 {
			files += "s"
		}
		which := g.first
		if g.n > 1 {
			which += fmt.Sprintf(" and %d more", g.n-1)
		}
		if g.cfg.Path != "" {
			sayf(stderr, "configuration %s for %s: %s", g.cfg.Path, files, which)
			continue
		}
		dir := filepath.Dir(g.first)
		sayf(stderr, "configuration: the built-in defaults (no newslint.toml in %s or above it, up to %s) for %s: %s",
			dir, config.SearchTop(dir), files, which)
	}
}
