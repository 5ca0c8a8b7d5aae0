//go:build unix

package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quoteFlood is n quotation marks opened and never closed: n
// quote-balance findings in one paragraph.
func quoteFlood(n int) string { return strings.Repeat("“word ", n) }

// Item 8: a rule's findings in a file stop at max-same-issues (50 by
// default, --max-same-issues, or the configuration), and one finding
// counts the rest.
func TestMaxSameIssuesFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "flood.txt", quoteFlood(60))
	r := runIn(t, dir, "", "--format", "json", "flood.txt")
	assert.Equal(t, 1, r.code, r.stderr)
	fs := findingsOf(t, r.stdout)
	require.Len(t, fs, 51)
	assert.Equal(t, "warning", fs[49]["severity"])
	assert.Equal(t, float64(49*8), fs[49]["offset"], "the first fifty, in order")
	assert.Equal(t, fs[0]["severity"], fs[50]["severity"], "the closing finding has the severity of those it stands for")
	assert.Equal(t, "quote-balance", fs[50]["rule"])
	assert.Equal(t, float64(50*8), fs[50]["offset"], "at the first one not shown")
	assert.Equal(t, "10 more “quote-balance” findings in this file not shown (max-same-issues = 50; 0 shows all)", fs[50]["message"])

	r = runIn(t, dir, "", "--format", "json", "--max-same-issues", "0", "flood.txt")
	assert.Len(t, findingsOf(t, r.stdout), 60, "0 shows all")
	r = runIn(t, dir, "", "--format", "json", "--max-same-issues", "3", "flood.txt")
	fs = findingsOf(t, r.stdout)
	require.Len(t, fs, 4)
	assert.Equal(t, "57 more “quote-balance” findings in this file not shown (max-same-issues = 3; 0 shows all)", fs[3]["message"])

	// The configuration sets it; the flag overrides it.
	writeFile(t, dir, "newslint.toml", "max-same-issues = 5\n")
	r = runIn(t, dir, "", "--format", "json", "flood.txt")
	assert.Len(t, findingsOf(t, r.stdout), 6, r.stderr)
	r = runIn(t, dir, "", "--format", "json", "--max-same-issues", "0", "flood.txt")
	assert.Len(t, findingsOf(t, r.stdout), 60, r.stderr)

	for _, bad := range []string{"-1", "many", "1000001"} {
		r = runIn(t, dir, "", "--max-same-issues", bad, "flood.txt")
		assert.Equal(t, 2, r.code, bad)
		assert.Contains(t, r.stderr, "max-same-issues", bad)
		assert.Empty(t, r.stdout, bad)
	}
	writeFile(t, dir, "newslint.toml", "max-same-issues = -2\n")
	r = runIn(t, dir, "", "flood.txt")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "newslint.toml:1: max-same-issues: must be from 0 (no cap) to 1000000")
}

// peakKB runs the binary in dir and returns its exit code and its peak
// resident memory in kilobytes.
func peakKB(t *testing.T, dir string, args ...string) (int, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "newslint %v did not finish", args)
	if _, ok := err.(*exec.ExitError); !ok {
		require.NoError(t, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	require.True(t, ok)
	return cmd.ProcessState.ExitCode(), int64(ru.Maxrss) // kilobytes on Linux
}

// Item 8: a 4 MB article of 500,000 unclosed quotation marks, in JSON,
// takes no more memory than a 4 MB article of the same quotations closed
// (no findings): the findings past the cap are never held. Before the cap
// it took 4.5 times as much (750 MB), and its JSON was 200 MB.
func TestFindingsFloodStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("lints two 4 MB articles")
	}
	dir := t.TempDir()
	writeFile(t, dir, "flood.txt", quoteFlood(500_000))
	writeFile(t, dir, "closed.txt", strings.Repeat("“word” ", 400_000))
	code, closed := peakKB(t, dir, "--format", "json", "closed.txt")
	require.Equal(t, 0, code)
	code, flood := peakKB(t, dir, "--format", "json", "flood.txt")
	require.Equal(t, 1, code)
	t.Logf("peak: closed %d KB, flood %d KB", closed, flood)
	assert.Less(t, flood, closed*3/2+16<<10, "the flood's findings are held in memory")
}
