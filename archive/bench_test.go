package archive

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/require"
)

// synthAuthority writes the authority of n synthetic entities to dir.
func synthAuthority(b testing.TB, dir string, n int, seed uint64) string {
	s := newSums()
	for _, a := range synthArticles(n, seed) {
		s.add(a)
	}
	path := filepath.Join(dir, fmt.Sprintf("synth-%d-%d.nla", n, seed))
	f, err := os.Create(path)
	require.NoError(b, err)
	require.NoError(b, s.write(f))
	require.NoError(b, f.Close())
	return path
}

// BenchmarkOpen100k: opening an authority of 100,000 entities and one
// look-up of each kind, as a rule starting on an article does (the
// target: 2 ms at most).
func BenchmarkOpen100k(b *testing.B) {
	path := synthAuthority(b, b.TempDir(), 100_000, 1)
	st, err := os.Stat(path)
	require.NoError(b, err)
	a, err := Open(path)
	require.NoError(b, err)
	require.Equal(b, 100_000, a.Info().Entities)
	var given string
	var person Handle
	require.NoError(b, a.Each(func(h Handle, s Summary) bool {
		if s.Kind != Person {
			return true
		}
		e, err := a.Entity(h)
		require.NoError(b, err)
		given, person = strings.Fields(e.Name)[0], h
		return false
	}))
	e, err := a.Entity(person)
	require.NoError(b, err)
	require.NoError(b, a.Close())
	for b.Loop() {
		a, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		found := 0
		err1 := a.Frame(FrameGiven, given, func(FrameEntry) bool { found++; return true })
		err2 := a.Find(e.Name, func(Handle, Kind) bool { found++; return true })
		if err1 != nil || err2 != nil || found < 2 {
			b.Fatal("not found", err1, err2)
		}
		a.Close()
	}
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
}

// BenchmarkCollect: reading what an analysed article adds to an
// authority (the models are built before the timer starts).
func BenchmarkCollect(b *testing.B) {
	type analysed struct {
		a  *Article
		fn func() *Article
	}
	var fns []func() *Article
	size := 0
	for _, p := range testFiles(b) {
		data, err := os.ReadFile(p)
		require.NoError(b, err)
		art, _ := markup.Parse(p, data, markup.ForPath(p))
		pm := people.Analyse(art, nil)
		fns = append(fns, func() *Article { return Collect(art, pm) })
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, fn := range fns {
			fn()
		}
	}
}

// BenchmarkBuild: summing articles and writing the authority, without
// reading the files (BenchmarkCollect) or analysing them.
func BenchmarkBuild(b *testing.B) {
	arts := synthArticles(100_000, 2)
	for b.Loop() {
		bl := NewBuilder()
		bl.TempDir = b.TempDir()
		for _, a := range arts {
			if _, err := bl.Add(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := bl.Finish(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerge: merging two authorities of 50,000 entities each.
func BenchmarkMerge(b *testing.B) {
	dir := b.TempDir()
	x, y := synthAuthority(b, dir, 50_000, 3), synthAuthority(b, dir, 50_000, 4)
	size := int64(0)
	for _, p := range []string{x, y} {
		st, err := os.Stat(p)
		require.NoError(b, err)
		size += st.Size()
	}
	b.SetBytes(size)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Merge(&buf, dir, x, y); err != nil {
			b.Fatal(err)
		}
	}
}
