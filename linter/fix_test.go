package linter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func finding(src *Source, start, end int, edits ...Edit) Finding {
	f := Finding{Rule: "r", Start: src.Position(start), End: src.Position(end)}
	if len(edits) > 0 {
		f.Suggestions = []Suggestion{{Message: "fix", Edits: edits}}
	}
	return f
}

func edit(src *Source, start, end int, text string) Edit {
	return Edit{Start: src.Position(start), End: src.Position(end), NewText: text}
}

func TestApplyFixes(t *testing.T) {
	text := []byte("Nazarbaev met Lukashenka.")
	src := NewSource(text)
	fs := []Finding{
		finding(src, 0, 9, edit(src, 0, 9, "Nazarbayev")),
		finding(src, 14, 24, edit(src, 14, 24, "Lukashenko")),
		// An edit outside its finding's span is never applied.
		finding(src, 10, 13, edit(src, 0, 3, "XXX")),
		// An edit overlapping one already taken is skipped.
		finding(src, 14, 20, edit(src, 14, 20, "YYY")),
		finding(src, 3, 4), // no suggestion
	}
	out, n := ApplyFixes(text, fs)
	assert.Equal(t, "Nazarbayev met Lukashenko.", string(out))
	assert.Equal(t, 2, n)
}

func TestUnifiedDiff(t *testing.T) {
	assert.Empty(t, UnifiedDiff("a.txt", []byte("same\n"), []byte("same\n")))
	before := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nlast"
	after := "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nLAST"
	want := "--- a/a.txt\n+++ b/a.txt\n" +
		"@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n" +
		"@@ -13,4 +13,4 @@\n 13\n 14\n 15\n-last\n\\ No newline at end of file\n+LAST\n\\ No newline at end of file\n"
	assert.Equal(t, want, UnifiedDiff("a.txt", []byte(before), []byte(after)))
}
