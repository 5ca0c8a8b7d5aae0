package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newslint/newslint/linter"
)

// inspect prints the article model of one file: what newslint understood.
func inspect(args []string, o options, stdin io.Reader, stdout, stderr io.Writer, all []*linter.Rule) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "newslint: usage: newslint inspect [--format text|json] FILE")
		return exitError
	}
	cfg, err := loadConfig(o.config, all)
	if err != nil {
		fmt.Fprintf(stderr, "newslint: config: %v\n", err)
		return exitError
	}
	// The same reading as linting: size limit, binary check, stdin with
	// --stdin-filename and --input-format.
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		fmt.Fprintf(stderr, "newslint: %s: inspect takes one file, not a directory\n", args[0])
		return exitError
	}
	targets := linter.Collect(args, stdin, o.stdinFilename)
	if len(targets) != 1 {
		fmt.Fprintf(stderr, "newslint: inspect takes one file, not a directory\n")
		return exitError
	}
	t := targets[0]
	if t.Stdin && o.inputFormat != "" {
		f, err := linter.ParseInputFormat(o.inputFormat)
		if err != nil {
			fmt.Fprintf(stderr, "newslint: --input-format: %v\n", err)
			return exitError
		}
		t.Format = &f
	}
	l := &linter.Linter{Rules: all, Config: cfg}
	data, format, err := l.Read(t)
	if err != nil {
		fmt.Fprintf(stderr, "newslint: %s: %v\n", t.Path, err)
		return exitError
	}
	a := linter.ParseFormat(t.Path, data, format, cfg)
	rep := linter.Inspect(a)
	switch o.format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "newslint: %v\n", err)
			return exitError
		}
	case "text":
		fmt.Fprint(stdout, strings.TrimLeft(rep.Text(), "\n"))
	default:
		fmt.Fprintf(stderr, "newslint: inspect supports --format text or json, not %q\n", o.format)
		return exitError
	}
	return exitOK
}
