package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// peakOf runs the binary in dir on two cores (GOMAXPROCS=2: two files in
// flight) with its output thrown away and returns its exit code and peak
// resident memory in kilobytes. (The peak a child reports is at least its
// parent's at the time it started, so the test keeps no output.)
func peakOf(t *testing.T, dir string, args ...string) (int, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = withEnv(os.Environ(), []string{"GOMAXPROCS=2"})
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "newslint %v did not finish", args)
	if _, ok := err.(*exec.ExitError); !ok {
		require.NoError(t, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	require.True(t, ok)
	return cmd.ProcessState.ExitCode(), int64(ru.Maxrss)
}

// Issue 24 item 3: the findings of a run are written a file at a time, as
// the files are linted, in every format that allows it, and let go: with
// no cap (--max-same-issues 0), eight files of 50,000 findings each, two
// linted at a time, take at most about twice the memory one does, not
// eight times its findings. Before, every file's findings were held to the
// end (and, in JSON, a second copy of them and the whole document): eight
// files took 2.7 to 5 times the memory of one.
func TestFindingsStreamedByFile(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 18 files of 300 KB")
	}
	one, eight := t.TempDir(), t.TempDir()
	flood := quoteFlood(50_000)
	writeFile(t, one, "a.txt", flood)
	for i := range 8 {
		writeFile(t, eight, fmt.Sprintf("f%d.txt", i), flood)
	}
	for _, f := range []string{"text", "json", "rdjsonl", "checkstyle"} {
		code, single := peakOf(t, one, "--max-same-issues", "0", "--format", f, ".")
		require.Equal(t, 1, code)
		code, many := peakOf(t, eight, "--max-same-issues", "0", "--format", f, ".")
		require.Equal(t, 1, code)
		t.Logf("%s: one file %d KB, eight %d KB", f, single, many)
		assert.Less(t, many, single*9/4, "--format %s holds every file's findings", f)
	}
	// What is written is all of it, in the order of the paths.
	r := runIn(t, eight, "", "--max-same-issues", "0", ".")
	require.Equal(t, 1, r.code)
	assert.Equal(t, 8*50_000, strings.Count(r.stdout, "\n"))
	assert.Contains(t, r.stderr, "400,000 problems (400,000 warnings) in 8 of 8 files")
	assert.Less(t, strings.Index(r.stdout, "f3.txt:"), strings.Index(r.stdout, "f4.txt:"))
}
