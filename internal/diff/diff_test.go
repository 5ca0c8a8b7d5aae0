package diff

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnified(t *testing.T) {
	assert.Empty(t, Unified("a.txt", []byte("same\n"), []byte("same\n")))
	before := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nlast"
	after := "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nLAST"
	want := "--- a/a.txt\n+++ b/a.txt\n" +
		"@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n" +
		"@@ -13,4 +13,4 @@\n 13\n 14\n 15\n-last\n\\ No newline at end of file\n+LAST\n\\ No newline at end of file\n"
	assert.Equal(t, want, Unified("a.txt", []byte(before), []byte(after)))
}

func TestUnifiedMergesNearbyChanges(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\n"
	after := "A\nb\nc\nd\ne\nf\ng\nH\n"
	// Two changes six lines apart share one hunk.
	want := "--- a/x\n+++ b/x\n@@ -1,8 +1,8 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n"
	assert.Equal(t, want, Unified("x", []byte(before), []byte(after)))
	// An insertion into an empty file.
	assert.Equal(t, "--- a/y\n+++ b/y\n@@ -0,0 +1 @@\n+new\n", Unified("y", nil, []byte("new\n")))
}

func TestHeaderNamesAreQuotedAsGitDoes(t *testing.T) {
	for name, want := range map[string]string{
		"plain/name.txt":    "--- a/plain/name.txt\n+++ b/plain/name.txt\n",
		"my file.txt":       "--- \"a/my file.txt\"\n+++ \"b/my file.txt\"\n",
		"tab\tname.txt":     "--- \"a/tab\\tname.txt\"\n+++ \"b/tab\\tname.txt\"\n",
		"é \"q\".txt":       "--- \"a/\\303\\251 \\\"q\\\".txt\"\n+++ \"b/\\303\\251 \\\"q\\\".txt\"\n",
		"back\\slash\n.txt": "--- \"a/back\\\\slash\\n.txt\"\n+++ \"b/back\\\\slash\\n.txt\"\n",
	} {
		d := Unified(name, []byte("a\n"), []byte("b\n"))
		if !strings.HasPrefix(d, want) {
			t.Errorf("%q: header\n%s\nwant\n%s", name, d, want)
		}
	}
}
