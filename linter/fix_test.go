package linter

import (
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
)

func finding(src *article.Source, start, end int, edits ...Edit) Finding {
	f := Finding{Rule: "r", Start: src.Position(start), End: src.Position(end)}
	if len(edits) > 0 {
		f.Suggestions = []Suggestion{{Message: "fix", Edits: edits}}
	}
	return f
}

func edit(src *article.Source, start, end int, text string) Edit {
	return Edit{Start: src.Position(start), End: src.Position(end), NewText: text}
}

func TestApplyFixes(t *testing.T) {
	text := []byte("Nazarbaev met Lukashenka.")
	src := article.NewSource(text)
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
