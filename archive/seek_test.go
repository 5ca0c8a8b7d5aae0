package archive

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FrameFrom gives exactly the entries of Frame from a surname on, for
// frames that span many blocks and for starts before, inside, between
// and after their surnames.
func TestFrameFrom(t *testing.T) {
	b := NewBuilder()
	b.TempDir = t.TempDir()
	givens := []string{"Anna", "Boris", "Carla"}
	var surnames []string
	for i := range 120 {
		sur := fmt.Sprintf("%c%sson", 'A'+i%26, strings.Repeat("e", 1+i/26))
		surnames = append(surnames, strings.ToLower(sur))
		text := fmt.Sprintf("Finance Minister %s %s spoke on Monday.\n\n%s said so.\n", givens[i%3], sur, sur)
		a, _ := markup.Parse("a.txt", []byte(text), markup.Text)
		_, err := b.Add(Collect(a, people.Analyse(a, nil)))
		require.NoError(t, err)
	}
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf))
	a, err := Parse("test.nla", buf.Bytes())
	require.NoError(t, err)
	froms := append([]string{"", "a", "b", "c", "d", "eeson", "m", "zz", "\xff"}, surnames...)
	frames := []struct {
		kind  FrameKind
		frame string
	}{{FrameGiven, "anna"}, {FrameGiven, "boris"}, {FrameGiven, "carla"}, {FrameTitle, "minister"}, {FrameGiven, "nobody"}, {FrameTitle, "anna"}}
	for _, f := range frames {
		var all []FrameEntry
		require.NoError(t, a.Frame(f.kind, f.frame, func(e FrameEntry) bool { all = append(all, e); return true }))
		if f.frame != "nobody" && f.kind == FrameGiven || f.kind == FrameTitle && f.frame == "minister" {
			require.NotEmpty(t, all, "%c %s", f.kind, f.frame)
		}
		for _, from := range froms {
			var want, got []FrameEntry
			for _, e := range all {
				if e.Surname >= from {
					want = append(want, e)
				}
			}
			require.NoError(t, a.FrameFrom(f.kind, f.frame, from, func(e FrameEntry) bool { got = append(got, e); return true }))
			assert.Equal(t, want, got, "%c %s from %q", f.kind, f.frame, from)
		}
	}
}
