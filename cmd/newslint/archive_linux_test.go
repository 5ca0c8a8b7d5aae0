package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/archive"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An authority cut short in place while newslint has it mapped (cp over
// it, a truncation) is an error naming it, exit status 2, never a crash
// (a SIGBUS). The real binary opens the authority, then waits for the
// article on standard input: the file is cut once /proc shows it mapped,
// then the article is sent, and the rules' look-ups read what is gone.
func TestArchiveCutShortWhileMapped(t *testing.T) {
	dir := t.TempDir()
	auth := filepath.Join(dir, "names.nla")
	var good bytes.Buffer
	require.NoError(t, archive.WriteSynthetic(&good, 3_000, 1))
	require.Greater(t, good.Len(), 64<<10, "mapped: 64 KB or more")

	for _, cut := range []int64{0, int64(good.Len() / 3)} {
		require.NoError(t, os.WriteFile(auth, good.Bytes(), 0o644))
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, binary, "--archive", auth, "-")
		cmd.Dir = dir
		stdin, err := cmd.StdinPipe()
		require.NoError(t, err)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		require.NoError(t, cmd.Start())
		maps := fmt.Sprintf("/proc/%d/maps", cmd.Process.Pid)
		for deadline := time.Now().Add(30 * time.Second); ; {
			m, err := os.ReadFile(maps)
			if err == nil && strings.Contains(string(m), auth) {
				break
			}
			require.True(t, time.Now().Before(deadline), "the authority is never mapped")
			time.Sleep(2 * time.Millisecond)
		}
		require.NoError(t, os.Truncate(auth, cut))
		_, err = stdin.Write([]byte("Senate hearing\n\nSenator Ankiela Velpol said on Monday that the bill would pass. Velpol spoke to reporters.\n"))
		require.NoError(t, err)
		require.NoError(t, stdin.Close())
		err = cmd.Wait()
		cancel()
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee, "stdout %s, stderr %s", out.String(), errb.String())
		assert.Equal(t, 2, ee.ExitCode(), errb.String())
		assert.NotContains(t, errb.String(), "fatal error", "no crash")
		assert.NotContains(t, errb.String(), "SIGBUS")
		changed := regexp.QuoteMeta(auth) + `: changed after it was opened: (it is cut short, a part of it is gone|bytes \d+ to \d+ are not those it was opened with) \(build or copy it again, and open it again\)\n$`
		if strings.HasPrefix(errb.String(), "newslint: --archive: ") {
			// The mapping shows in /proc before newslint has finished
			// checking the file it opened: on a loaded machine the cut
			// can land in that check, which says so as a usage error.
			assert.Regexp(t, "^newslint: --archive: "+changed, errb.String(), "cut to %d bytes", cut)
			assert.Empty(t, out.String())
			continue
		}
		// Past the new end, a page faults (cut short); on the page of the
		// end, it reads zeros (not what was opened).
		assert.Regexp(t, "^<stdin>: error: "+changed, out.String(), "cut to %d bytes", cut)
		assert.Equal(t, "1 file could not be linted\n", errb.String())
	}
}
