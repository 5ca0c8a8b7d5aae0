package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/internal/diff"
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
// Standard input is never rewritten.
func applyFixes(results []linter.FileResult, stderr io.Writer) {
	for i := range results {
		r := &results[i]
		if r.Err != nil || r.Source == nil {
			continue
		}
		after, n := linter.ApplyFixes(r.Source, r.Findings)
		if n == 0 {
			continue
		}
		if err := writeAtomic(r.Path, after); err != nil {
			r.Err = fmt.Errorf("could not apply fixes: %w", err)
			continue
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
}

// writeAtomic replaces path with data through a temporary file in the same
// directory, keeping the file's permissions.
func writeAtomic(path string, data []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".newslint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
