package linter

import (
	"sort"
)

// ApplyFixes applies the first suggestion of every finding to src. An edit
// that strays outside its finding's span, or overlaps an edit already
// taken, is skipped: a fix never touches text outside its finding. It
// returns the new text and the number of findings fixed.
func ApplyFixes(src []byte, findings []Finding) ([]byte, int) {
	out, fixed := ApplyFixesMarked(src, findings)
	return out, len(fixed)
}

// ApplyFixesMarked is ApplyFixes, returning the indexes of the findings
// fixed: a finding with a suggestion that was skipped is not among them.
func ApplyFixesMarked(src []byte, findings []Finding) ([]byte, map[int]bool) {
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
	return out, fixed
}
