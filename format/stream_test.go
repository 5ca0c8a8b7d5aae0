package format

import (
	"bytes"
	"testing"

	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/require"
)

// A stream writes each file as it comes, and a JSON file's findings as
// they are converted: after File, all but the last 64 KB or so of what
// Format writes for the results so far is out, however many findings
// the file has.
func TestStreamsWriteAsTheyGo(t *testing.T) {
	golden := goldenResults(t)
	big := linter.FileResult{Path: "news/big.txt"}
	for range 20_000 {
		big.Findings = append(big.Findings, golden[0].Findings...)
	}
	results := []linter.FileResult{golden[0], big, golden[1], golden[2]}
	for _, name := range Names() {
		f, err := New(name, Options{})
		require.NoError(t, err)
		s, ok := f.(Streamer)
		if !ok {
			continue // sarif, github: one document over every file
		}
		var all bytes.Buffer
		require.NoError(t, f.Format(&all, results, nil))
		var out bytes.Buffer
		fw := s.Stream(&out, nil)
		for _, r := range results {
			require.NoError(t, fw.File(r))
			require.True(t, bytes.HasPrefix(all.Bytes(), out.Bytes()), name)
			if r.Path == big.Path {
				require.Greater(t, out.Len(), bytes.Index(all.Bytes(), []byte(golden[1].Path))-80<<10, "%s holds the file's findings", name)
			}
		}
		require.NoError(t, fw.Close())
		require.Equal(t, all.String(), out.String(), name)
	}
}
