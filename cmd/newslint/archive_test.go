package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/archive"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// archiveArticles copies the archive package's test articles (written for
// its tests) into dir/name and returns that directory.
func archiveArticles(t *testing.T, dir, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "archive", "testdata", "archive")
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	out := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(out, 0o755))
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, e.Name()), data, 0o644))
	}
	return out
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

// build, info, add and merge, as the README shows them.
func TestArchiveCommands(t *testing.T) {
	dir := t.TempDir()
	archiveArticles(t, dir, "arts")

	r := runIn(t, dir, "", "archive", "build", "arts", "-o", "names.nla")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	assert.Regexp(t, `^newslint: names.nla: 11 articles \(1 file repeating another's text, counted once\), 21 entities, [0-9,]+ bytes, in [0-9.]+ s\n$`, r.stderr)

	r = runIn(t, dir, "", "archive", "info", "names.nla")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "\narticles: 11 (7 dated, 2025-06-01 to 2026-05-30)\n")
	assert.Contains(t, r.stdout, "entities: 10 persons, 3 organisations, 8 places;")
	assert.Contains(t, r.stdout, "  jerome powell (person): 3 articles, 2026-03-18 to 2026-05-30; “Powell” 3, “Jerome Powell” 3; titles: Chair 2\n")

	r = runIn(t, dir, "", "archive", "info", "--format", "json", "--top", "1", "names.nla")
	require.Equal(t, 0, r.code, r.stderr)
	v := decode(t, r.stdout)
	assert.Equal(t, 11.0, v["articles"])
	assert.Equal(t, 7.0, v["datedArticles"])
	assert.Equal(t, map[string]any{"person": 10.0, "organisation": 3.0, "place": 8.0}, v["entities"])
	require.Len(t, v["top"], 1)
	assert.Equal(t, "ana lind", v["top"].([]any)[0].(map[string]any)["name"])

	// An update: a new article, and one the authority holds already.
	writeFile(t, dir, "new/lind.txt", "Budget day\n\nPrime Minister Ana Lind presented the budget on Tuesday.\n")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "new", "again.md"), readBytes(t, filepath.Join(dir, "arts", "01-rates.md")), 0o644))
	r = runIn(t, dir, "", "archive", "add", "names.nla", "new")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "newslint: new/again.md: already in names.nla: skipped\n")
	assert.Contains(t, r.stderr, "newslint: names.nla: 1 article added (1 already in it); 12 articles in all")
	r = runIn(t, dir, "", "archive", "info", "names.nla")
	assert.Contains(t, r.stdout, "\narticles: 12 (7 dated")
	assert.Contains(t, r.stdout, "ana lind (person): 4 articles")

	// Shards built apart and merged are the whole, byte for byte, and
	// the output may be one of the inputs.
	r = runIn(t, dir, "", "archive", "build", "arts", "new/lind.txt", "-o", "whole.nla", "--quiet")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	assert.Equal(t, readBytes(t, filepath.Join(dir, "names.nla")), readBytes(t, filepath.Join(dir, "whole.nla")), "an update is the build of all")
	for _, shard := range [][]string{{"a.nla", "arts/01-rates.md", "arts/02-lind.md", "arts/03-lind.html"}, {"b.nla", "arts/04-barra.txt", "arts/05-powell.html", "arts/10-copy.txt"}, {"c.nla", "arts/06-lind-fm.md", "arts/07-undated.txt", "arts/08-misspelt.txt", "arts/09-barra.md", "arts/11-okafor.html", "arts/12-erdogan.txt", "new/lind.txt"}} {
		r = runIn(t, dir, "", append([]string{"archive", "build", "-o", shard[0]}, shard[1:]...)...)
		require.Equal(t, 0, r.code, r.stderr)
	}
	r = runIn(t, dir, "", "archive", "merge", "c.nla", "a.nla", "b.nla", "-o", "a.nla")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "newslint: a.nla: 3 authorities merged: 12 articles, 21 entities")
	assert.Equal(t, readBytes(t, filepath.Join(dir, "whole.nla")), readBytes(t, filepath.Join(dir, "a.nla")))
	left, err := filepath.Glob(filepath.Join(dir, ".newslint*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file is left")
}

// The same files give the same bytes, in any order and with any number
// of workers.
func TestArchiveBuildIsStable(t *testing.T) {
	dir := t.TempDir()
	arts := archiveArticles(t, dir, "arts")
	r := runIn(t, dir, "", "archive", "build", "arts", "-o", "one.nla")
	require.Equal(t, 0, r.code, r.stderr)
	entries, err := os.ReadDir(arts)
	require.NoError(t, err)
	args := []string{"archive", "build", "--quiet", "-o", "two.nla"}
	for i := len(entries) - 1; i >= 0; i-- {
		args = append(args, filepath.Join("arts", entries[i].Name()))
	}
	t.Setenv("GOMAXPROCS", "1")
	r = runIn(t, dir, "", args...)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, readBytes(t, filepath.Join(dir, "one.nla")), readBytes(t, filepath.Join(dir, "two.nla")))
}

// What cannot be read is said, naming the file, with exit status 2; a
// file of the archive that cannot be read is skipped and the authority
// is still written.
func TestArchiveErrors(t *testing.T) {
	dir := t.TempDir()
	archiveArticles(t, dir, "arts")
	writeFile(t, dir, "arts/zz-binary.txt", "\x00\x01\x02\x03 not text")

	r := runIn(t, dir, "", "archive", "build", "arts")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage: newslint archive build PATH... -o NAMES.nla")
	r = runIn(t, dir, "", "archive", "merge", "x.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage: newslint archive merge")
	r = runIn(t, dir, "", "archive", "build", "-", "-o", "x.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "not from standard input")
	r = runIn(t, dir, "", "archive", "nonsense")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `unknown subcommand "nonsense"`)

	r = runIn(t, dir, "", "archive", "build", "arts", "missing.md", "-o", "names.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "newslint: arts/zz-binary.txt: binary file")
	assert.Contains(t, r.stderr, "newslint: missing.md: no such file or directory\n")
	assert.Contains(t, r.stderr, "newslint: names.nla: 11 articles")
	good := readBytes(t, filepath.Join(dir, "names.nla"))

	// A truncated, damaged or other-version authority is named, for
	// every subcommand, and an update leaves it as it was.
	cut := writeFile(t, dir, "cut.nla", string(good[:len(good)-10]))
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 1
	writeFile(t, dir, "flipped.nla", string(flipped))
	v3 := append([]byte(nil), good...)
	v3[8] = 3
	writeFile(t, dir, "v3.nla", string(v3))
	writeFile(t, dir, "text.nla", "Jerome Powell\n")
	for name, msg := range map[string]string{
		"cut.nla":     "cut.nla: truncated",
		"flipped.nla": "flipped.nla: damaged: bytes 0 to ",
		"v3.nla":      "v3.nla: version 3; this newslint reads version 2",
		"text.nla":    "text.nla: not a newslint name authority",
		"none.nla":    "none.nla: no such file or directory",
	} {
		for _, args := range [][]string{
			{"archive", "info", name},
			{"archive", "add", name, "arts/01-rates.md"},
			{"archive", "merge", "names.nla", name, "-o", "out.nla"},
		} {
			r = runIn(t, dir, "", args...)
			assert.Equal(t, 2, r.code, "%v", args)
			assert.Contains(t, r.stderr, "newslint: "+msg, "%v", args)
			assert.Empty(t, r.stdout, "%v", args)
		}
	}
	assert.Equal(t, good[:len(good)-10], readBytes(t, cut), "the damaged authority is left as it was")
	assert.NoFileExists(t, filepath.Join(dir, "out.nla"))

	// Authorities that share articles are not merged.
	r = runIn(t, dir, "", "archive", "build", "arts/01-rates.md", "-o", "one.nla")
	require.Equal(t, 0, r.code, r.stderr)
	r = runIn(t, dir, "", "archive", "merge", "names.nla", "one.nla", "-o", "out.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "newslint: names.nla and one.nla share 1 article: merged, they would count it twice")
	assert.NoFileExists(t, filepath.Join(dir, "out.nla"))

	// The output cannot be a directory; nothing is left behind.
	r = runIn(t, dir, "", "archive", "build", "arts/01-rates.md", "-o", "arts")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "arts: not a regular file")
	left, err := filepath.Glob(filepath.Join(dir, "*", ".newslint*"))
	require.NoError(t, err)
	assert.Empty(t, left)
}

func TestHelpNamesArchive(t *testing.T) {
	r := runIn(t, t.TempDir(), "", "help")
	assert.Contains(t, r.stdout, "newslint archive build|add|merge|info")
	r = runIn(t, t.TempDir(), "", "archive", "--help")
	assert.Equal(t, 0, r.code)
	assert.True(t, strings.HasPrefix(r.stdout, "usage: newslint archive build PATH... -o NAMES.nla\n"), r.stdout)
	assert.True(t, bytes.Contains([]byte(r.stdout), []byte("-o FILE")), r.stdout)
}

// archive check reads an authority whole: every chunk against its
// checksum, every record. A lint reads and checks only the chunks its
// look-ups need: a damaged chunk it reads is an error for the file being
// linted (exit status 2), one it does not read is not seen; check finds
// it.
func TestArchiveCheck(t *testing.T) {
	dir := t.TempDir()
	archiveArticles(t, dir, "arts")
	r := runIn(t, dir, "", "archive", "build", "--quiet", "arts", "-o", "names.nla")
	require.Equal(t, 0, r.code, r.stderr)
	r = runIn(t, dir, "", "archive", "check", "names.nla")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Regexp(t, `^names.nla: sound: [0-9,]+ bytes, every checksum and record checked \(11 articles, 21 entities\)\n$`, r.stdout)

	// A big authority (many chunks) with a byte changed in each chunk of
	// records but those Open reads (the first, the last two).
	var good bytes.Buffer
	require.NoError(t, archive.WriteSynthetic(&good, 5_000, 2))
	bad := append([]byte(nil), good.Bytes()...)
	for off := 4096 + 100; off < len(bad)-3*4096; off += 4096 {
		bad[off] ^= 0x40
	}
	writeFile(t, dir, "bad.nla", string(bad))
	writeFile(t, dir, "names.txt", "Budget day\n\nFinance Minister Ana Lind presented the budget on Tuesday. Lind said it was balanced.\n")
	writeFile(t, dir, "plain.txt", "Budget day\n\nThe budget was presented on Tuesday. It is balanced, the ministry said.\n")

	r = runIn(t, dir, "", "--archive", "bad.nla", "plain.txt")
	assert.Equal(t, 0, r.code, "nothing to look up, nothing read: %s %s", r.stdout, r.stderr)
	r = runIn(t, dir, "", "--archive", "bad.nla", "names.txt")
	assert.Equal(t, 2, r.code, r.stdout)
	assert.Regexp(t, `^names.txt: error: bad.nla: damaged: bytes \d+ to \d+ do not match their checksum \(copy or build it again\)\n$`, r.stdout)
	assert.Equal(t, "1 file could not be linted\n", r.stderr)

	r = runIn(t, dir, "", "archive", "check", "names.nla", "bad.nla", "missing.nla")
	assert.Equal(t, 2, r.code)
	assert.Regexp(t, `^names.nla: sound: `, r.stdout)
	assert.Equal(t, "newslint: bad.nla: damaged: bytes 4096 to 8192 do not match their checksum (copy or build it again)\n"+
		"newslint: missing.nla: no such file or directory\n", r.stderr)
	r = runIn(t, dir, "", "archive", "info", "bad.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "newslint: bad.nla: damaged: bytes 4096 to 8192")
	r = runIn(t, dir, "", "archive", "check")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage: newslint archive check NAMES.nla...")
}
