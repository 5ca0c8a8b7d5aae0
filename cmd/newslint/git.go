package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newslint/newslint/linter"
)

// baseDir is the directory CI formats make paths relative to: the git
// repository's top level when the current directory is in one, else the
// current directory.
func baseDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	out, err := exec.Command("git", "-C", wd, "rev-parse", "--show-toplevel").Output()
	if err == nil {
		if top := strings.TrimSpace(string(out)); top != "" {
			return top
		}
	}
	return wd
}

// checkRevision makes sure, before anything is linted, that rev is a
// commit of the git repository holding each path (the current directory's
// for standard input): a mistyped revision, or no repository, is a usage
// error even when no file has a finding. Paths that do not exist are left
// to be reported with the results.
func checkRevision(paths []string, rev string) error {
	if _, err := exec.LookPath("git"); err != nil {
		return errors.New("git is not installed (or not on the PATH)")
	}
	var dirs []string
	seen := map[string]bool{}
	for _, p := range paths {
		d := "."
		if p != "-" {
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			d = p
			if !st.IsDir() {
				d = filepath.Dir(p)
			}
		}
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	tops := map[string]bool{}
	for _, d := range dirs {
		out, err := gitOutput(d, "rev-parse", "--show-toplevel")
		if err != nil {
			if strings.Contains(err.Error(), "not a git repository") {
				abs, _ := filepath.Abs(d)
				return fmt.Errorf("not a git repository: %s (nor any of its parents)", abs)
			}
			return err
		}
		top := strings.TrimSpace(string(out))
		if tops[top] {
			continue
		}
		tops[top] = true
		if _, err := gitOutput(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
			return fmt.Errorf("%q is not a revision of the git repository %s", rev, top)
		}
	}
	return nil
}

// gitOutput runs git in dir; the error holds what git said.
func gitOutput(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// keepChangedLines drops the findings that are not on lines added or
// changed since rev (whole articles are still analysed, so a finding that
// needs the rest of the article is still found). A file git does not track
// counts as all new. Standard input is kept whole.
func keepChangedLines(results []linter.FileResult, rev string) error {
	for i := range results {
		r := &results[i]
		if r.Err != nil || len(r.Findings) == 0 || r.Stdin {
			continue
		}
		changed, all, err := changedLines(r.Path, rev)
		if err != nil {
			return err
		}
		if all {
			continue
		}
		kept := r.Findings[:0]
		for _, f := range r.Findings {
			if changed[f.Start.Line] {
				kept = append(kept, f)
			}
		}
		r.Findings = kept
	}
	return nil
}

// changedLines runs git diff against rev for one file and returns the set
// of its new-side line numbers that were added or changed; all is true
// when git does not know the file at rev.
func changedLines(path, rev string) (map[int]bool, bool, error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	git := func(args ...string) ([]byte, error) { return gitOutput(dir, args...) }
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		if _, err := git("rev-parse", "--git-dir"); err != nil {
			return nil, false, fmt.Errorf("%s: not a git repository (nor any of its parents)", path)
		}
		return nil, false, fmt.Errorf("%q is not a revision of the repository holding %s", rev, path)
	}
	if _, err := git("cat-file", "-e", rev+":./"+name); err != nil {
		return nil, true, nil // new since rev
	}
	out, err := git("diff", "--no-color", "--no-ext-diff", "-U0", rev, "--", name)
	if err != nil {
		return nil, false, err
	}
	return parseHunks(out), false, nil
}

// parseHunks reads the "@@ -a,b +c,d @@" headers of a zero-context diff.
func parseHunks(diff []byte) map[int]bool {
	changed := map[int]bool{}
	for _, line := range strings.Split(string(diff), "\n") {
		if !strings.HasPrefix(line, "@@ ") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
			continue
		}
		spec := strings.TrimPrefix(fields[2], "+")
		start, count := spec, "1"
		if i := strings.IndexByte(spec, ','); i >= 0 {
			start, count = spec[:i], spec[i+1:]
		}
		s, err1 := strconv.Atoi(start)
		n, err2 := strconv.Atoi(count)
		if err1 != nil || err2 != nil {
			continue
		}
		for l := s; l < s+n; l++ {
			changed[l] = true
		}
	}
	return changed
}
