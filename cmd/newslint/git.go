package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
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
// needs the rest of the article is still found). A file git does not know
// at rev counts as all new. Standard input is kept whole.
//
// git runs a few times per repository, not per file: the files are
// placed in their repositories by looking for .git upwards (each folder
// once), and each repository gives one zero-context diff against rev for
// all its files, read as it streams, and one cat-file batch for the files
// the diff does not name (unchanged since rev, or new and untracked).
func keepChangedLines(results []linter.FileResult, rev string) error {
	var repos []*repoFiles
	byTop := map[string]*repoFiles{}
	var tops topFinder
	for i := range results {
		r := &results[i]
		if r.Err != nil || len(r.Findings) == 0 || r.Stdin {
			continue
		}
		top, err := tops.find(filepath.Dir(r.Path))
		if err != nil {
			return fmt.Errorf("%s: %w", r.Path, err)
		}
		repo := byTop[top.dir]
		if repo == nil {
			repo = &repoFiles{top: top.dir, files: map[string][]*linter.FileResult{}}
			byTop[top.dir] = repo
			repos = append(repos, repo)
		}
		name := filepath.Base(r.Path)
		if real, err := filepath.EvalSymlinks(r.Path); err == nil {
			// A file named through a link is the file git knows.
			real, _ = filepath.Abs(real)
			if rr, err := filepath.Rel(top.real, real); err == nil && !strings.HasPrefix(rr, "..") {
				name = rr
			}
		}
		rel, err := filepath.Rel(top.dir, filepath.Join(top.real, name))
		if err != nil {
			return fmt.Errorf("%s: %w", r.Path, err)
		}
		rel = filepath.ToSlash(rel)
		repo.files[rel] = append(repo.files[rel], r)
	}
	for _, repo := range repos {
		if err := repo.keepChanged(rev); err != nil {
			return err
		}
	}
	return nil
}

// repoFiles are the results to filter in one repository, by their path
// relative to its top level.
type repoFiles struct {
	top   string
	files map[string][]*linter.FileResult
}

// keepChanged filters the repository's results by one diff against rev.
func (repo *repoFiles) keepChanged(rev string) error {
	// The revision as a commit (checkRevision verified the repositories
	// of the arguments; a repository nested in one is checked here).
	out, err := gitOutput(repo.top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return fmt.Errorf("%q is not a revision of the git repository %s", rev, repo.top)
	}
	commit := strings.TrimSpace(string(out))
	hunks, err := repo.diff(commit)
	if err != nil {
		return err
	}
	var unnamed []string // files the diff does not name
	for rel := range repo.files {
		if _, ok := hunks[rel]; !ok {
			unnamed = append(unnamed, rel)
		}
	}
	sort.Strings(unnamed)
	known, err := knownAt(repo.top, commit, unnamed)
	if err != nil {
		return err
	}
	for rel, rs := range repo.files {
		h, inDiff := hunks[rel]
		if !inDiff && !known[rel] {
			continue // new since rev: every finding is kept
		}
		for _, r := range rs {
			kept := r.Findings[:0]
			for _, f := range r.Findings {
				if h.holds(f.Start.Line) {
					kept = append(kept, f)
				}
			}
			r.Findings = kept
		}
	}
	return nil
}

// maxPathspecBytes bounds the file names passed to git diff on its command
// line; with more, the diff covers the whole repository.
const maxPathspecBytes = 64 << 10

// diff runs one zero-context git diff of the working tree against commit,
// for the repository's files, and returns the new-side line ranges of each
// file it names (a file it names with no range has only lost lines).
func (repo *repoFiles) diff(commit string) (map[string]lineRanges, error) {
	args := []string{"-C", repo.top, "--literal-pathspecs", "-c", "core.quotePath=true",
		"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "-U0",
		"--src-prefix=a/", "--dst-prefix=b/", commit, "--"}
	size := 0
	for rel := range repo.files {
		size += len(rel) + 1
	}
	if size <= maxPathspecBytes {
		for _, rel := range slices.Sorted(maps.Keys(repo.files)) {
			args = append(args, rel)
		}
	}
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	hunks, perr := parseDiff(stdout)
	if perr != nil {
		io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git diff %s: %v: %s", commit, err, strings.TrimSpace(stderr.String()))
	}
	return hunks, perr
}

// parseDiff reads a zero-context unified diff as git writes it and
// returns, for each file on its new side ("+++ b/PATH", unquoted), the
// ranges of the "@@ -a,b +c,d @@" headers. Lines are read one at a time
// and the body of each hunk is skipped, however long its lines, so memory
// stays bounded by the changed ranges. A body line is never a header: it
// starts with "+", "-", " " or "\\".
func parseDiff(r io.Reader) (map[string]lineRanges, error) {
	out := map[string]lineRanges{}
	br := bufio.NewReaderSize(r, 64<<10)
	var cur string // the file whose hunks follow ("" for none)
	inHeader := false
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A long body line: only its start matters.
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		text := strings.TrimSuffix(string(line), "\n")
		switch {
		case strings.HasPrefix(text, "diff --git "):
			cur, inHeader = "", true
		case inHeader && strings.HasPrefix(text, "+++ "):
			cur = diffPath(text[len("+++ "):])
			if cur != "" {
				if _, ok := out[cur]; !ok {
					out[cur] = nil
				}
			}
		case strings.HasPrefix(text, "@@ "):
			inHeader = false
			if start, n, ok := hunkNew(text); ok && cur != "" && n > 0 {
				out[cur] = append(out[cur], [2]int{start, start + n})
			}
		}
		if err == io.EOF {
			return out, nil
		}
	}
}

// diffPath is the path of a "+++ " line: "b/PATH", or "\"b/PATH\"" quoted
// as C quotes (for names with tabs, quotes or control characters), a tab
// after a name with a space; "" for /dev/null.
func diffPath(s string) string {
	s = strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return ""
		}
		s = u
	}
	p, ok := strings.CutPrefix(s, "b/")
	if !ok {
		return ""
	}
	return p
}

// hunkNew reads the new side "+c,d" (d is 1 when left out) of a hunk
// header.
func hunkNew(header string) (start, n int, ok bool) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, false
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count := "1"
	if i := strings.IndexByte(spec, ','); i >= 0 {
		spec, count = spec[:i], spec[i+1:]
	}
	s, err1 := strconv.Atoi(spec)
	c, err2 := strconv.Atoi(count)
	if err1 != nil || err2 != nil || s < 0 || c < 0 {
		return 0, 0, false
	}
	return s, c, true
}

// lineRanges are the half-open ranges [from, to) of changed lines of a
// file, in the order of the diff (ascending, disjoint).
type lineRanges [][2]int

// holds reports whether line is in one of the ranges.
func (rs lineRanges) holds(line int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > line })
	return i < len(rs) && rs[i][0] <= line
}

// knownAt reports which of the files (relative to top) exist at commit,
// with one git cat-file batch (a name holding a line feed, which the
// batch cannot take, is asked on its own).
func knownAt(top, commit string, files []string) (map[string]bool, error) {
	known := map[string]bool{}
	var batch []string
	for _, rel := range files {
		if strings.ContainsAny(rel, "\n\r") {
			if _, err := gitOutput(top, "cat-file", "-e", commit+":"+rel); err == nil {
				known[rel] = true
			}
			continue
		}
		batch = append(batch, rel)
	}
	if len(batch) == 0 {
		return known, nil
	}
	var in strings.Builder
	for _, rel := range batch {
		in.WriteString(commit + ":" + rel + "\n")
	}
	cmd := exec.Command("git", "-C", top, "cat-file", "--batch-check=%(objectname)")
	cmd.Stdin = strings.NewReader(in.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(batch) {
		return nil, fmt.Errorf("git cat-file: %d answers for %d files", len(lines), len(batch))
	}
	for i, l := range lines {
		if isHex(l) {
			known[batch[i]] = true
		}
	}
	return known, nil
}

// isHex reports whether s is an object name (hexadecimal digits only).
func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// topFinder places folders in their git repositories, each folder looked
// at once.
type topFinder struct {
	byDir     map[string]repoTop // a folder as given -> its repository
	marks     map[string]string  // a folder, links resolved -> nearest with .git ("" for none)
	confirmed map[string]string  // a folder holding .git -> git's top level
}

// repoTop is a folder's repository: dir is the top level as git names it,
// real the folder with its links resolved.
type repoTop struct {
	dir, real string
}

// find returns the repository holding dir: the nearest folder upwards
// (links resolved) holding .git, which git confirms as its top level once
// per repository; git itself decides when the environment sets GIT_DIR or
// GIT_WORK_TREE.
func (tf *topFinder) find(dir string) (repoTop, error) {
	if tf.byDir == nil {
		tf.byDir, tf.marks, tf.confirmed = map[string]repoTop{}, map[string]string{}, map[string]string{}
	}
	if t, ok := tf.byDir[dir]; ok {
		return t, nil
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return repoTop{}, err
	}
	var top string
	if os.Getenv("GIT_DIR") == "" && os.Getenv("GIT_WORK_TREE") == "" {
		top = tf.marked(real)
	}
	t, err := tf.confirm(top, real)
	if err != nil {
		return repoTop{}, err
	}
	tf.byDir[dir] = t
	return t, nil
}

// marked is the nearest folder from real upwards holding .git (a folder,
// or a file as in worktrees and submodules), "" for none; every folder on
// the way is remembered, so each is looked at once per run.
func (tf *topFinder) marked(real string) string {
	var path []string
	top := ""
	for d := real; ; {
		if t, ok := tf.marks[d]; ok {
			top = t
			break
		}
		path = append(path, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range path {
		tf.marks[d] = top
	}
	return top
}

// confirm asks git for the top level of the repository found at top (or,
// with none found, of real), once per answer.
func (tf *topFinder) confirm(top, real string) (repoTop, error) {
	ask := top
	if ask == "" {
		ask = real
	}
	if dir, ok := tf.confirmed[ask]; ok {
		return repoTop{dir: dir, real: real}, nil
	}
	out, err := gitOutput(ask, "rev-parse", "--show-toplevel")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return repoTop{}, errors.New("not a git repository (nor any of its parents)")
		}
		return repoTop{}, err
	}
	dir := filepath.FromSlash(strings.TrimSpace(string(out)))
	if dir == "" {
		return repoTop{}, fmt.Errorf("%s: git names no top level (a bare repository?)", ask)
	}
	if top != "" {
		tf.confirmed[ask] = dir
	}
	return repoTop{dir: dir, real: real}, nil
}
