package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/newslint/newslint/internal/diff"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
)

// printDiffs writes the fixes of every file's findings as a unified diff
// and leaves in each result only the findings it did not fix, for the
// caller to report with the files that could not be linted. Nothing is
// changed on disk. The caller has dropped the findings below
// --min-severity: their fixes are not in the diff.
func printDiffs(results []linter.FileResult, stdout io.Writer) error {
	for i := range results {
		r := &results[i]
		if r.Err != nil || r.Source == nil {
			continue
		}
		after, fixed := linter.ApplyFixesMarked(r.Source, r.Findings)
		if len(fixed) == 0 {
			continue
		}
		if _, err := io.WriteString(stdout, diff.Unified(filepath.ToSlash(r.Path), r.Source, after)); err != nil {
			return err
		}
		r.Findings = unfixed(r.Findings, fixed)
	}
	return nil
}

// applyFixes rewrites each file with the fixes of its findings applied and
// removes the fixed findings from its result, so that only what is left is
// reported. The caller has dropped the findings below --min-severity:
// their fixes are not applied. A file that changed on disk since it was
// read is left alone, with an error. Standard input is never written to a
// file: its text, fixed, goes to stdout (stdinText is what was read, for
// an input whose bytes the linter did not keep).
func applyFixes(results []linter.FileResult, stdinText []byte, stdout, stderr io.Writer) error {
	for i := range results {
		r := &results[i]
		if r.Stdin && r.Source == nil {
			// Not UTF-8 (read as Windows-1252 or UTF-16), or not linted
			// at all (binary, too large): no fix is applied, and the text
			// comes back as it was read, so a pipe loses nothing.
			if _, err := stdout.Write(stdinText); err != nil {
				return err
			}
			continue
		}
		if r.Source == nil {
			continue
		}
		if r.Err != nil {
			// A rule failed: nothing is fixed, and standard input comes
			// back as it was.
			if r.Stdin {
				if _, err := stdout.Write(r.Source); err != nil {
					return err
				}
			}
			continue
		}
		after, fixed := linter.ApplyFixesMarked(r.Source, r.Findings)
		if r.Stdin {
			if _, err := stdout.Write(after); err != nil {
				return err
			}
		}
		if len(fixed) == 0 {
			continue
		}
		if !r.Stdin {
			if err := safeio.Replace(r.Path, r.Source, after); err != nil {
				r.Err = fmt.Errorf("could not apply fixes: %w", err)
				continue
			}
		}
		sayf(stderr, "%s: fixed %d finding(s)", r.Path, len(fixed))
		r.Findings = unfixed(r.Findings, fixed)
	}
	return nil
}

// unfixed keeps the findings whose index is not in fixed.
func unfixed(findings []linter.Finding, fixed map[int]bool) []linter.Finding {
	kept := findings[:0]
	for i, f := range findings {
		if !fixed[i] {
			kept = append(kept, f)
		}
	}
	return kept
}
