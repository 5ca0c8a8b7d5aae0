package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/archive"
	"github.com/stretchr/testify/require"
)

// BenchmarkStartWithArchive measures what a name authority of 100,000
// entities costs a fresh process: the real binary checks a short article
// naming some of its people, run alternately without and with --archive,
// one pair per iteration, timed from the process's start to its exit. It
// reports the median of each and their difference (the target: 2 ms at
// most):
//
//	go test ./cmd/newslint -run XXX -bench StartWithArchive -benchtime 200x
func BenchmarkStartWithArchive(b *testing.B) {
	dir := b.TempDir()
	auth := filepath.Join(dir, "names.nla")
	f, err := os.Create(auth)
	require.NoError(b, err)
	require.NoError(b, archive.WriteSynthetic(f, 100_000, 1))
	require.NoError(b, f.Close())
	story := filepath.Join(dir, "story.txt")
	require.NoError(b, os.WriteFile(story, []byte(startupStory(b, auth)), 0o644))
	run := func(args ...string) time.Duration {
		cmd := exec.Command(binary, args...)
		cmd.Dir = dir
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
			b.Fatalf("newslint %v: %v", args, err)
		}
		return took
	}
	run("story.txt") // the binary's pages, once
	run("--archive", "names.nla", "story.txt")
	var without, with []time.Duration
	for b.Loop() {
		without = append(without, run("story.txt"))
		with = append(with, run("--archive", "names.nla", "story.txt"))
	}
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2]) / 1e6
	}
	st, err := os.Stat(auth)
	require.NoError(b, err)
	m0, m1 := median(without), median(with)
	b.ReportMetric(m0, "ms-without")
	b.ReportMetric(m1, "ms-with")
	b.ReportMetric(m1-m0, "ms-extra")
	b.ReportMetric(float64(st.Size())/1e6, "authority-MB")
}

// startupStory is a short article naming three people of the authority
// at path with their titles, the first misspelt (a letter dropped from
// its surname), so that the look-ups a real article makes are made.
func startupStory(b *testing.B, path string) string {
	a, err := archive.Open(path)
	require.NoError(b, err)
	defer a.Close()
	var people []archive.Entity
	titles := map[string]bool{}
	err = a.Each(func(h archive.Handle, s archive.Summary) bool {
		if s.Kind != archive.Person {
			return true
		}
		e, err := a.Entity(h)
		require.NoError(b, err)
		if len(e.Titles) == 0 || titles[e.Titles[0].Class] {
			return true
		}
		titles[e.Titles[0].Class] = true
		people = append(people, e)
		return len(people) < 3
	})
	require.NoError(b, err)
	require.Len(b, people, 3)
	var sb strings.Builder
	sb.WriteString("Talks resume after a long night\n\n")
	for i, e := range people {
		full := e.Spellings[0].Text
		for _, s := range e.Spellings {
			if strings.Contains(s.Text, " ") {
				full = s.Text
			}
		}
		given, sur, _ := strings.Cut(full, " ")
		if i == 0 {
			sur = sur[:len(sur)-1]
		}
		fmt.Fprintf(&sb, "%s %s %s said on Monday that the talks would go on. %s spoke in the capital.\n\n", e.Titles[0].Text, given, sur, sur)
	}
	return sb.String()
}
