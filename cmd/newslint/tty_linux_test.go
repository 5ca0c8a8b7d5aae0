package main

// Issue 20, item 10, on a real terminal: a pseudo-terminal stands for the
// desk's.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openPTY opens a pseudo-terminal; the test is skipped where there is
// none.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	var unlock int32
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		m.Close()
		t.Skipf("no pseudo-terminal: %v", e)
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		m.Close()
		t.Skipf("no pseudo-terminal: %v", e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	return m, s
}

// drain reads the terminal's output until its last writer closes it.
func drain(master *os.File) <-chan string {
	out := make(chan string, 1)
	go func() {
		data, _ := io.ReadAll(master) // ends with EIO when the slave side is closed
		out <- strings.ReplaceAll(string(data), "\r\n", "\n")
	}()
	return out
}

// onTerminal runs the binary with standard output and standard error on
// a terminal and returns what the terminal showed.
func onTerminal(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	master, slave := openPTY(t)
	out := drain(master)
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = withEnv(os.Environ(), env)
	cmd.Stdout, cmd.Stderr = slave, slave
	require.NoError(t, cmd.Start())
	err := cmd.Wait()
	if _, ok := err.(*exec.ExitError); !ok {
		require.NoError(t, err)
	}
	slave.Close()
	select {
	case s := <-out:
		return s
	case <-time.After(20 * time.Second):
		t.Fatal("the terminal's output did not end")
		return ""
	}
}

func TestColorOnATerminal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.txt", unbalanced)
	got := onTerminal(t, dir, []string{"NO_COLOR=", "TERM=xterm-256color"}, "bad.txt")
	assert.Contains(t, got, "\x1b[1mbad.txt:3:1:\x1b[0m \x1b[33mwarning\x1b[0m: quotation opened here")
	assert.Contains(t, got, "\x1b[1m\x1b[33m1 problem (1 warning) in 1 file\x1b[0m\n", "the summary is coloured too")

	for _, env := range [][]string{{"NO_COLOR=1", "TERM=xterm"}, {"NO_COLOR=", "TERM=dumb"}} {
		got = onTerminal(t, dir, env, "bad.txt")
		assert.NotContains(t, got, "\x1b", "%v", env)
		assert.Contains(t, got, "bad.txt:3:1: warning: quotation opened here", "%v", env)
	}
	got = onTerminal(t, dir, []string{"NO_COLOR=", "TERM=xterm"}, "--color=never", "bad.txt")
	assert.NotContains(t, got, "\x1b")
	got = onTerminal(t, dir, []string{"NO_COLOR=", "TERM=xterm"}, "--format", "json", "bad.txt")
	assert.NotContains(t, got, "\x1b", "JSON is never coloured")
	assert.NotContains(t, got, "problem", "nor summarised")
}

// lintOnTerminal runs newslint in-process with standard error on a
// terminal and returns what the terminal showed, and standard output.
func lintOnTerminal(t *testing.T, args ...string) (string, string) {
	t.Helper()
	master, slave := openPTY(t)
	out := drain(master)
	var stdout bytes.Buffer
	run(args, strings.NewReader(""), &stdout, slave)
	slave.Close()
	select {
	case s := <-out:
		return s, stdout.String()
	case <-time.After(20 * time.Second):
		t.Fatal("the terminal's output did not end")
		return "", ""
	}
}

func TestProgressLine(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, dir, name, unbalanced)
	}

	// A run shorter than the delay shows none.
	got, stdout := lintOnTerminal(t, dir)
	assert.Equal(t, "3 problems (3 warnings) in 3 of 3 files\n", got)
	assert.Contains(t, stdout, "a.txt:3:1: warning:")

	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0 // every run is a long one
	got, stdout = lintOnTerminal(t, dir)
	assert.True(t, strings.HasPrefix(got, "\r\x1b[Knewslint: 0 of 3 files linted"), "%q", got)
	assert.True(t, strings.HasSuffix(got, "\r\x1b[K3 problems (3 warnings) in 3 of 3 files\n"), "the line is cleared before the summary: %q", got)
	assert.NotContains(t, stdout, "linted", "standard output holds the findings only")

	got, _ = lintOnTerminal(t, "--quiet", dir)
	assert.Empty(t, got, "--quiet: no progress and no summary")
	got, _ = lintOnTerminal(t, "--format", "json", dir)
	assert.Contains(t, got, "of 3 files linted", "the progress line is on standard error, whatever the format")
	assert.NotContains(t, got, "problems")

	var stderr bytes.Buffer
	run([]string{dir}, strings.NewReader(""), io.Discard, &stderr)
	assert.Equal(t, "3 problems (3 warnings) in 3 of 3 files\n", stderr.String(), "no progress line when standard error is not a terminal")
}
