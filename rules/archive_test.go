package rules

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/internal/ruletest"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// archiveLinter is the default linter with the authority built from the
// articles of dir (a testdata archive).
func archiveLinter(t testing.TB, dir string) *engine.Linter {
	t.Helper()
	cfg, err := config.Load(newslint.DefaultConfig, "", All())
	require.NoError(t, err)
	cfg.Archive, err = ruletest.BuildArchive(dir, All(), newslint.DefaultConfig)
	require.NoError(t, err)
	return &engine.Linter{Rules: All(), Config: cfg}
}

// A title the archive has seen superseded is a warning, though the rule
// is an error: the archive may be late. Its name-spelling findings keep
// the rule's severity.
func TestArchiveSeverities(t *testing.T) {
	l := archiveLinter(t, filepath.Join("..", "testdata", "rules", "title-consistency", "newsroom.archive"))
	fs, err := l.Lint("a.txt", []byte("Foreign Minister Ana Lind will meet the delegation in Oslo.\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "title-consistency", fs[0].Rule)
	assert.Equal(t, linter.Warning, fs[0].Severity)
	assert.True(t, fs[0].Archive, "made from the archive")

	// Configured as info, it is info.
	l.Config.Rules["title-consistency"].Severity = linter.Info
	fs, err = l.Lint("a.txt", []byte("Foreign Minister Ana Lind will meet the delegation in Oslo.\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, linter.Info, fs[0].Severity)

	l = archiveLinter(t, filepath.Join("..", "testdata", "rules", "name-spelling", "newsroom.archive"))
	fs, err = l.Lint("a.txt", []byte("Federal Reserve Chair Jerome Powel spoke.\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, linter.Error, fs[0].Severity)
	assert.True(t, fs[0].Archive, "made from the archive")
	// The in-article check's findings are not the archive's.
	fs, err = l.Lint("a.txt", []byte("Federal Reserve Chair Jerome Powell spoke. Powell smiled. Powel left.\n"), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.False(t, fs[0].Archive)
}

// The archive's findings count against max-same-issues as the rule's
// others do.
func TestArchiveFindingsAreCapped(t *testing.T) {
	l := archiveLinter(t, filepath.Join("..", "testdata", "rules", "name-spelling", "newsroom.archive"))
	l.Config.MaxSameIssues = 2
	text := "Federal Reserve Chair Jerome Powel spoke.\n\nPowel said. Powel left. Powel came back. Powel smiled.\n"
	fs, err := l.Lint("a.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	require.Len(t, fs, 3)
	assert.Contains(t, fs[2].Message, "3 more “name-spelling” findings in this file not shown")
}

// archiveEntities is the number of entities of the start-up benchmark's
// authority.
const archiveEntities = 100_000

// bigArchive builds in dir an authority of archiveEntities people: 5,000
// articles of 20 titled names each, every name its own.
func bigArchive(b *testing.B, dir string) string {
	var bigArchiveErr error
	bigArchivePath := filepath.Join(dir, "names.nla")
	func() {
		builder := archive.NewBuilder()
		builder.TempDir = dir
		syl := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "da"}
		word := func(n int) string {
			w := []byte{"BDFGHKLMNPRSTVZ"[n%15]}
			n /= 15
			for k := 0; k < 4; k++ {
				w = append(w, syl[n%10]...)
				n /= 10
			}
			return string(w)
		}
		titles := []string{"Finance Minister", "Senator", "Governor", "Mayor", "General"}
		id := 0
		for a := 0; a < archiveEntities/20; a++ {
			text := ""
			for k := 0; k < 20; k++ {
				text += fmt.Sprintf("%s %s %s said on Monday that the plan would work.\n\n", titles[id%len(titles)], word(id/7+1), word(id))
				id++
			}
			art, _ := markup.Parse("a.txt", []byte(text), markup.Text)
			if _, err := builder.Add(archive.Collect(art, people.Analyse(art, nil))); err != nil {
				bigArchiveErr = err
				return
			}
		}
		f, err := os.Create(bigArchivePath)
		if err != nil {
			bigArchiveErr = err
			return
		}
		w := bufio.NewWriter(f)
		if bigArchiveErr = builder.Finish(w); bigArchiveErr == nil {
			bigArchiveErr = w.Flush()
		}
		if err := f.Close(); bigArchiveErr == nil {
			bigArchiveErr = err
		}
	}()
	if bigArchiveErr != nil {
		b.Fatal(bigArchiveErr)
	}
	return bigArchivePath
}

// BenchmarkArchiveStartup is what an authority of 100,000 entities adds
// to checking one short article from a cold start: opening the file
// (mapping it, checking its checksum) and the archive's look-ups.
// Compare "with" and "without": the difference is the cost (at most 2 ms
// is the aim); "lookups" is the check with the authority open already,
// "open" the opening alone.
func BenchmarkArchiveStartup(b *testing.B) {
	path := bigArchive(b, b.TempDir())
	a, err := archive.Open(path)
	require.NoError(b, err)
	require.GreaterOrEqual(b, a.Info().Entities, archiveEntities)
	b.Logf("%s: %d entities, %d bytes", path, a.Info().Entities, a.Info().Bytes)
	a.Close()
	text := []byte("Federal Reserve Chair Jerome Powel said on Thursday that rates would hold.\n\n" +
		"Finance Minister Kalokaka Tokalo met Senator Bemimi Nekaka and Governor Ana Lind in Washington.\n\n" +
		"\"We agreed,\" Tokalo said.\n")
	cfg, err := config.Load(newslint.DefaultConfig, "", All())
	require.NoError(b, err)
	b.Run("without", func(b *testing.B) {
		for b.Loop() {
			l := &engine.Linter{Rules: All(), Config: cfg}
			if _, err := l.Lint("a.txt", text, markup.Text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("with", func(b *testing.B) {
		for b.Loop() {
			a, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			c := *cfg
			c.Archive = a
			l := &engine.Linter{Rules: All(), Config: &c}
			if _, err := l.Lint("a.txt", text, markup.Text); err != nil {
				b.Fatal(err)
			}
			a.Close()
		}
	})
	b.Run("lookups", func(b *testing.B) {
		a, err := archive.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer a.Close()
		c := *cfg
		c.Archive = a
		for b.Loop() {
			l := &engine.Linter{Rules: All(), Config: &c}
			if _, err := l.Lint("a.txt", text, markup.Text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			a, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			a.Close()
		}
	})
}
