package linter

import (
	"errors"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConfidenceAndArchiveMark: a rule may say how sure it is of a finding
// (clamped to 0..1) and mark the findings it makes from the name
// authority; other findings carry neither.
func TestConfidenceAndArchiveMark(t *testing.T) {
	a := article.Parse(article.Input{Path: "a.txt", Orig: []byte("Powel and Powell and Halvorson.")})
	r := &Rule{Name: "r", Doc: "d", Severity: Error, Run: func(pass *Pass) {
		pass.Report(article.Span{Start: 0, End: 5}, "plain")
		pass.ReportConfident(0.9, article.Span{Start: 10, End: 16}, "sure", nil)
		pass.ReportConfident(7, article.Span{Start: 21, End: 30}, "too sure", nil)
		func() {
			defer pass.FromArchive()()
			pass.ReportConfident(0.6, article.Span{Start: 0, End: 5}, "archive", nil)
		}()
		pass.Report(article.Span{Start: 10, End: 16}, "after")
	}}
	u := &Unit{Article: a, Config: DefaultConfig([]*Rule{r})}
	fs, err := u.Run(r, u.Config.For(r))
	require.NoError(t, err)
	got := map[string]Finding{}
	for _, f := range fs {
		got[f.Message] = f
	}
	require.Len(t, got, 5)
	assert.Equal(t, 0.0, got["plain"].Confidence)
	assert.Equal(t, 0.9, got["sure"].Confidence)
	assert.Equal(t, 1.0, got["too sure"].Confidence)
	assert.Equal(t, 0.6, got["archive"].Confidence)
	assert.True(t, got["archive"].Archive)
	for _, m := range []string{"plain", "sure", "too sure", "after"} {
		assert.False(t, got[m].Archive, m)
	}
}

// TestFail: a rule that cannot check the article (the name authority
// cannot be read) fails with an error, keeping what it reported before;
// the first error is kept.
func TestFail(t *testing.T) {
	a := article.Parse(article.Input{Path: "a.txt", Orig: []byte("Powel and Powell.")})
	r := &Rule{Name: "r", Doc: "d", Severity: Error, Run: func(pass *Pass) {
		pass.Report(article.Span{Start: 0, End: 5}, "before")
		pass.Fail(errors.New("names.nla: damaged"))
		pass.Fail(errors.New("names.nla: again"))
	}}
	u := &Unit{Article: a, Config: DefaultConfig([]*Rule{r})}
	fs, err := u.Run(r, u.Config.For(r))
	require.EqualError(t, err, "names.nla: damaged")
	require.Len(t, fs, 1)
	assert.Equal(t, "before", fs[0].Message)
}
