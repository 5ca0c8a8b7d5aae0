package linter

import (
	"regexp"
	"testing"
)

// TestKebabCase checks the hand-written name test against the expression
// it stands for.
func TestKebabCase(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	for _, s := range []string{"", "a", "name-spelling", "max-same-issues", "a1-b2", "a-", "-a", "a--b", "A", "aB", "a_b", "a-1", "1a", "a b", "é", "quote-attribution-2"} {
		if got, want := kebabCase(s), re.MatchString(s); got != want {
			t.Errorf("kebabCase(%q) = %v, want %v", s, got, want)
		}
	}
}
