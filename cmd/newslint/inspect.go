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
	var data []byte
	path := args[0]
	if path == "-" {
		path = o.stdinFilename
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newslint: %s: %v\n", path, err)
		return exitError
	}
	if linter.LooksBinary(data) {
		fmt.Fprintf(stderr, "newslint: %s: binary file (NUL bytes or mostly invalid UTF-8): not inspected\n", path)
		return exitError
	}
	a := linter.ParseWith(path, data, cfg)
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
