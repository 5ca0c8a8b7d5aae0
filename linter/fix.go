package linter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ApplyFixes applies the first suggestion of every finding to src. An edit
// that strays outside its finding's span, or overlaps an edit already
// taken, is skipped: a fix never touches text outside its finding. It
// returns the new text and the number of findings fixed.
func ApplyFixes(src []byte, findings []Finding) ([]byte, int) {
	type edit struct {
		start, end int
		text       string
		finding    int
	}
	var edits []edit
	for fi, f := range findings {
		if len(f.Suggestions) == 0 {
			continue
		}
		ok := true
		var fe []edit
		for _, e := range f.Suggestions[0].Edits {
			if e.Start.Offset < f.Start.Offset || e.End.Offset > f.End.Offset || e.Start.Offset > e.End.Offset || e.End.Offset > len(src) {
				ok = false
				break
			}
			fe = append(fe, edit{e.Start.Offset, e.End.Offset, e.NewText, fi})
		}
		if ok {
			edits = append(edits, fe...)
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	pos := 0
	fixed := map[int]bool{}
	for _, e := range edits {
		if e.start < pos {
			continue // overlaps an earlier edit
		}
		out = append(out, src[pos:e.start]...)
		out = append(out, e.text...)
		pos = e.end
		fixed[e.finding] = true
	}
	out = append(out, src[pos:]...)
	return out, len(fixed)
}

// UnifiedDiff returns a unified diff (three lines of context) between
// before and after, labelled a/path and b/path, or "" when they are equal.
// The line diff is computed with go-diff.
func UnifiedDiff(path string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(string(before), string(after))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)

	type op struct {
		kind byte // ' ', '-', '+'
		text string
	}
	var ops []op
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		}
		for _, l := range splitLinesKeep(d.Text) {
			ops = append(ops, op{kind, l})
		}
	}
	const ctx = 3
	var b2 strings.Builder
	label := strings.TrimPrefix(path, "/")
	fmt.Fprintf(&b2, "--- a/%s\n+++ b/%s\n", label, label)
	// Walk the ops and cut hunks around the changes.
	oldLine, newLine := 1, 1
	i := 0
	for i < len(ops) {
		// Find the next change.
		j := i
		for j < len(ops) && ops[j].kind == ' ' {
			j++
		}
		if j == len(ops) {
			break
		}
		start := max(i, j-ctx)
		// Lines skipped before the hunk.
		for k := i; k < start; k++ {
			oldLine++
			newLine++
		}
		// Extend the hunk while changes are within 2*ctx lines.
		end := j
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		oldCount, newCount := 0, 0
		for k := start; k < end; k++ {
			if ops[k].kind != '+' {
				oldCount++
			}
			if ops[k].kind != '-' {
				newCount++
			}
		}
		fmt.Fprintf(&b2, "@@ -%s +%s @@\n", hunkRange(oldLine, oldCount), hunkRange(newLine, newCount))
		for k := start; k < end; k++ {
			b2.WriteByte(ops[k].kind)
			b2.WriteString(ops[k].text)
			if !strings.HasSuffix(ops[k].text, "\n") {
				b2.WriteString("\n\\ No newline at end of file\n")
			}
		}
		oldLine += oldCount
		newLine += newCount
		i = end
	}
	return b2.String()
}

func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}

func splitLinesKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
