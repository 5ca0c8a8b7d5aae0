package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newslint/newslint/inspect"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/engine"
)

// inspectFile prints the article model of one file: what newslint
// understood.
func inspectFile(args []string, o options, stdin io.Reader, stdout, stderr io.Writer, all []*linter.Rule) int {
	if len(args) != 1 {
		sayf(stderr, "usage: newslint inspect [--format text|json] [--source PATH] FILE")
		return exitError
	}
	if o.format != "text" && o.format != "json" {
		sayf(stderr, "inspect supports --format text or json, not %q", o.format)
		return exitError
	}
	near := args[0] // its configuration is the one nearest it
	if near == "-" {
		near = o.stdinFilename
	}
	cfg, err := loadConfig(o.config, o.archive, all, near)
	if err != nil {
		sayf(stderr, "config: %v", err)
		return exitError
	}
	stdinFormat, err := o.inputFormatFlag()
	if err != nil {
		sayf(stderr, "%v", err)
		return exitError
	}
	// The same reading as linting: size limit, binary check, stdin with
	// --stdin-filename and --input-format.
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		sayf(stderr, "%s: inspect takes one file, not a directory", args[0])
		return exitError
	}
	targets := engine.Collect(args, stdin, o.stdinFilename, stdinFormat)
	if stdinFormat == nil {
		sniffStdin(targets, o.stdinFilename)
	}
	t := targets[0]
	l := &engine.Linter{Rules: all, Config: cfg}
	data, format, err := l.Read(t)
	if err != nil {
		sayf(stderr, "%s: %v", t.Path, err)
		return exitError
	}
	// The sources its quotations are checked against, as linting reads
	// them: --source, [sources] paths, the front matter's.
	srcs := &engine.Sources{Extra: o.sources, Skipped: func(path string, err error) { sayf(stderr, "source %s: %v", path, err) }}
	idx, err := srcs.For(cfg, t.Path, data, format)
	if err != nil {
		sayf(stderr, "%s: %v", t.Path, err)
		return exitError
	}
	f := l.Analyse(t.Path, data, format)
	rep := inspect.Build(f.Article, f.People)
	if err := inspect.AddArchive(&rep, cfg.Archive); err != nil {
		sayf(stderr, "%s: %v", t.Path, err)
		return exitError
	}
	inspect.AddSources(&rep, f.Article, idx)
	if o.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			sayf(stderr, "%v", err)
			return exitError
		}
		return exitOK
	}
	fmt.Fprint(stdout, strings.TrimLeft(rep.Text(), "\n"))
	return exitOK
}
