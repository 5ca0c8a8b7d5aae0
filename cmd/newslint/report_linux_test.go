package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestArchiveReportProgressBar: on a terminal, a long report draws a bar
// of the files done, of the total, and the rate, on standard error, and
// clears it before the summary; the report on standard output has none of
// it. A short one draws nothing, and --quiet neither bar nor summary.
func TestArchiveReportProgressBar(t *testing.T) {
	dir, _ := reportDir(t)

	got, stdout := lintOnTerminal(t, "archive", "report", "--format", "json", dir)
	assert.NotContains(t, got, "[", "shorter than the delay: no bar")
	assert.Contains(t, got, "archive report: 4 probable errors")

	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0 // every run is a long one
	got, stdout = lintOnTerminal(t, "archive", "report", "--format", "json", dir)
	assert.True(t, strings.HasPrefix(got, "\r\x1b[Knewslint: [------------------------] 0 of 7 files"), "%q", got)
	rest := got[strings.LastIndex(got, "\r\x1b[K")+len("\r\x1b[K"):]
	assert.NotContains(t, rest, " files", "the bar is cleared before anything else is said: %q", got)
	assert.True(t, strings.HasPrefix(rest, "newslint: "), "%q", rest)
	assert.Contains(t, rest, "newslint: archive report: 4 probable errors in 6 articles")
	var rep reportJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep), "standard output holds the report only: %q", stdout)
	assert.NotContains(t, stdout, "files/s")

	got, _ = lintOnTerminal(t, "archive", "report", "--quiet", "--format", "json", dir)
	assert.NotContains(t, got, "[", "--quiet: no bar")
	assert.NotContains(t, got, "probable", "--quiet: no summary")
}

// TestProgressBarRate: the bar fills with the files done, and says how
// many a second.
func TestProgressBarRate(t *testing.T) {
	var b strings.Builder
	p := &progressBar{progress: &progress{w: &b, total: 8}, start: time.Now().Add(-2 * time.Second)}
	for range 6 {
		p.linted()
	}
	p.draw()
	assert.Equal(t, "\r\x1b[Knewslint: [##################------] 6 of 8 files, 3 files/s", b.String())
}
