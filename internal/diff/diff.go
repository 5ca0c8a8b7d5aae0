// Package diff writes unified diffs (for newslint --diff), computing the
// line diff with go-diff.
//
// Never imports: any package of this module.
package diff

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// context is the number of unchanged lines shown around a change.
const context = 3

// op is one line of the diff: kept (' '), deleted ('-') or inserted ('+').
type op struct {
	kind byte
	text string
}

// Unified returns a unified diff (three lines of context) between before
// and after, labelled a/path and b/path, or "" when they are equal.
func Unified(path string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	ops := lineOps(string(before), string(after))
	var b strings.Builder
	label := strings.TrimPrefix(path, "/")
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", quoteName("a/"+label), quoteName("b/"+label))
	oldLine, newLine := 1, 1
	for i := 0; i < len(ops); {
		start, end, ok := nextHunk(ops, i)
		if !ok {
			break
		}
		// Lines skipped before the hunk.
		oldLine += start - i
		newLine += start - i
		oldCount, newCount := writeHunk(&b, ops[start:end], oldLine, newLine)
		oldLine += oldCount
		newLine += newCount
		i = end
	}
	return b.String()
}

// lineOps diffs two texts line by line.
func lineOps(before, after string) []op {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(before, after)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
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
	return ops
}

// nextHunk finds the hunk after ops[from]: the next change with its
// context, extended over changes less than 2*context lines apart.
func nextHunk(ops []op, from int) (start, end int, ok bool) {
	j := from
	for j < len(ops) && ops[j].kind == ' ' {
		j++
	}
	if j == len(ops) {
		return 0, 0, false
	}
	start = max(from, j-context)
	end = j
	for end < len(ops) {
		if ops[end].kind != ' ' {
			end++
			continue
		}
		run := end
		for run < len(ops) && ops[run].kind == ' ' {
			run++
		}
		if run == len(ops) || run-end > 2*context {
			return start, min(end+context, len(ops)), true
		}
		end = run
	}
	return start, end, true
}

// writeHunk writes one hunk starting at the given old and new lines and
// returns how many old and new lines it covers.
func writeHunk(b *strings.Builder, hunk []op, oldLine, newLine int) (oldCount, newCount int) {
	for _, o := range hunk {
		if o.kind != '+' {
			oldCount++
		}
		if o.kind != '-' {
			newCount++
		}
	}
	fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkRange(oldLine, oldCount), hunkRange(newLine, newCount))
	for _, o := range hunk {
		b.WriteByte(o.kind)
		b.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
	return oldCount, newCount
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

// quoteName writes a file name for a diff header as git does when it
// must: a name holding a space, a tab, a quotation mark, a backslash, a
// control character or a byte outside ASCII is written in double quotes
// with C escapes, which both git apply and GNU patch read; any other name
// as it is.
func quoteName(name string) string {
	plain := true
	for i := 0; i < len(name); i++ {
		if c := name[i]; c <= ' ' || c == '"' || c == '\\' || c >= 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
