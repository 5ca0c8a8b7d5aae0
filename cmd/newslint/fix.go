package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/newslint/newslint/internal/diff"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
)

// printDiffs writes the suggested fixes of every file as a unified diff.
// Exit status: 1 when there is something to fix, 2 when a file could not
// be linted, else 0.
func printDiffs(results []linter.FileResult, stdout, stderr io.Writer) int {
	code := exitOK
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(stderr, "newslint: %s: %s\n", r.Path, r.Err)
			code = exitError
			continue
		}
		after, n := linter.ApplyFixes(r.Source, r.Findings)
		if n == 0 {
			continue
		}
		if _, err := io.WriteString(stdout, diff.Unified(filepath.ToSlash(r.Path), r.Source, after)); err != nil {
			fmt.Fprintf(stderr, "newslint: writing output: %v\n", err)
			return exitError
		}
		if code == exitOK {
			code = exitFindings
		}
	}
	return code
}

// applyFixes rewrites each file with its fixes applied and removes the
// fixed findings from its result, so that only what is left is reported.
// A file that changed on disk since it was read is left alone, with an
// error. Standard input is never written to a file: its fixed text goes to
// stdout.
func applyFixes(results []linter.FileResult, stdout, stderr io.Writer) error {
	for i := range results {
		r := &results[i]
		if r.Err != nil || r.Source == nil {
			continue
		}
		after, n := linter.ApplyFixes(r.Source, r.Findings)
		if r.Stdin {
			if _, err := stdout.Write(after); err != nil {
				return err
			}
		}
		if n == 0 {
			continue
		}
		if !r.Stdin {
			if err := safeio.Replace(r.Path, r.Source, after); err != nil {
				r.Err = fmt.Errorf("could not apply fixes: %w", err)
				continue
			}
		}
		fmt.Fprintf(stderr, "newslint: %s: fixed %d finding(s)\n", r.Path, n)
		kept := r.Findings[:0]
		for _, f := range r.Findings {
			if len(f.Suggestions) == 0 {
				kept = append(kept, f)
			}
		}
		r.Findings = kept
	}
	return nil
}
