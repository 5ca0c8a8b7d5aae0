package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newsroom writes an archive of four articles naming Federal Reserve
// Chair Jerome Powell into dir/archive and builds its authority,
// dir/names.nla, with the binary.
func newsroom(t *testing.T, dir string) string {
	t.Helper()
	for i := range 4 {
		writeFile(t, dir, fmt.Sprintf("archive/%d.md", i), fmt.Sprintf("---\ndate: 2026-0%d-1%d\n---\nFederal Reserve Chair Jerome Powell said on day %d that rates would hold.\n\nPowell spoke in Washington.\n", i+1, i, i))
	}
	r := runIn(t, dir, "", "archive", "build", "--quiet", "archive", "-o", "names.nla")
	require.Equal(t, 0, r.code, r.stderr)
	return filepath.Join(dir, "names.nla")
}

const powelBrief = "Federal Reserve Chair Jerome Powel said on Thursday that rates would hold.\n\nMarkets rose after Powel spoke.\n"

// --archive, or [archive] path in newslint.toml, hands the authority to
// the rules: a name the archive spells otherwise is reported, and --fix
// mends every use.
func TestArchiveFlagAndConfig(t *testing.T) {
	dir := t.TempDir()
	newsroom(t, dir)
	writeFile(t, dir, "brief.txt", powelBrief)
	r := runIn(t, dir, "", "brief.txt")
	assert.Equal(t, 0, r.code, "without an authority, nothing to say: %s", r.stdout)

	r = runIn(t, dir, "", "--archive", "names.nla", "brief.txt")
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Equal(t, "brief.txt:1:30: error: “Powel”: this newsroom has spelled Jerome Powell “Powell” in 4 articles (latest 2026-04-13) (name-spelling)\n"+
		"brief.txt:3:20: error: “Powel”: this newsroom has spelled Jerome Powell “Powell” in 4 articles (latest 2026-04-13) (name-spelling)\n", r.stdout)

	writeFile(t, dir, "desk/newslint.toml", "[archive]\npath = \"../names.nla\"\n")
	writeFile(t, dir, "desk/brief.txt", powelBrief)
	r = runIn(t, dir, "", "--format", "json", "desk")
	assert.Equal(t, 1, r.code, r.stderr)
	var out struct {
		Files []struct {
			Findings []struct{ Rule, Message string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Files, 1)
	require.Len(t, out.Files[0].Findings, 2)
	assert.Equal(t, "name-spelling", out.Files[0].Findings[0].Rule)

	r = runIn(t, dir, "", "--fix", "desk/brief.txt")
	assert.Equal(t, 0, r.code, r.stderr)
	fixed, err := os.ReadFile(filepath.Join(dir, "desk", "brief.txt"))
	require.NoError(t, err)
	assert.Equal(t, "Federal Reserve Chair Jerome Powell said on Thursday that rates would hold.\n\nMarkets rose after Powell spoke.\n", string(fixed))

	// inspect shows what the archive holds of each name.
	for _, args := range [][]string{{"inspect", "--archive", "names.nla", "desk/brief.txt"}, {"inspect", "desk/brief.txt"}} {
		r = runIn(t, dir, "", args...)
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stdout, "  #0 Jerome Powell, person (title “Chair”), roles: Chair\n      in the archive: 4 articles, 2026-01-10 to 2026-04-13; “Powell” 4, “Jerome Powell” 4; titles: Chair 4\n", args)
	}
	r = runIn(t, dir, "", "inspect", "--format", "json", "--archive", "names.nla", "brief.txt")
	assert.Contains(t, r.stdout, `"archive": {`)
}

// A missing, truncated, damaged or other-version authority, by flag or by
// configuration, stops the run with exit status 2 and a message naming
// the file; nothing is linted without it silently.
func TestArchiveBroken(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(newsroom(t, dir))
	require.NoError(t, err)
	writeFile(t, dir, "brief.txt", powelBrief)
	writeFile(t, dir, "cut.nla", string(good[:len(good)/2]))
	damaged := []byte(string(good))
	damaged[len(damaged)/3] ^= 0x55
	writeFile(t, dir, "damaged.nla", string(damaged))
	other := []byte(string(good))
	other[8]++ // the version
	writeFile(t, dir, "other.nla", string(other))
	for _, c := range []struct{ file, want string }{
		{"missing.nla", "missing.nla: no such file or directory"},
		{"cut.nla", "cut.nla: truncated"},
		{"damaged.nla", "damaged.nla: damaged"},
		{"other.nla", "other.nla: version 3; this newslint reads version 2"},
	} {
		r := runIn(t, dir, "", "--archive", c.file, "brief.txt")
		assert.Equal(t, 2, r.code, c.file)
		assert.Empty(t, r.stdout, c.file)
		assert.Contains(t, r.stderr, "--archive: "+c.want, c.file)

		sub := filepath.Join(dir, "by-config-"+c.file)
		writeFile(t, sub, "newslint.toml", "[archive]\npath = \"../"+c.file+"\"\n")
		writeFile(t, sub, "brief.txt", powelBrief)
		r = runIn(t, sub, "", "brief.txt")
		assert.Equal(t, 2, r.code, c.file)
		assert.Contains(t, r.stderr, "newslint.toml: archive.path: ", c.file)
		assert.Contains(t, r.stderr, c.want, c.file)

		r = runIn(t, dir, "", "inspect", "--archive", c.file, "brief.txt")
		assert.Equal(t, 2, r.code, c.file)
		assert.Contains(t, r.stderr, c.want, c.file)
	}
	// Building the authority a configuration names, before it exists, is
	// no error.
	writeFile(t, dir, "fresh/newslint.toml", "[archive]\npath = \"names.nla\"\n")
	writeFile(t, dir, "fresh/a.txt", "Federal Reserve Chair Jerome Powell spoke.\n")
	r := runIn(t, filepath.Join(dir, "fresh"), "", "archive", "build", "--quiet", ".", "-o", "names.nla")
	assert.Equal(t, 0, r.code, r.stderr)
}

// archive lookup prints each name's record: spellings, titles with dates,
// frames; exit status 1 when a name is not in the authority.
func TestArchiveLookup(t *testing.T) {
	dir := t.TempDir()
	newsroom(t, dir)
	r := runIn(t, dir, "", "archive", "lookup", "--format", "json", "names.nla", "jerome powell")
	require.Equal(t, 0, r.code, r.stderr)
	var out lookupJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Names, 1)
	require.Len(t, out.Names[0].Entities, 1)
	e := out.Names[0].Entities[0]
	assert.Equal(t, "jerome powell", e.Name)
	assert.Equal(t, "person", e.Kind)
	assert.Equal(t, 4, e.Articles)
	assert.Equal(t, []spellingJSON{{"Powell", 4}, {"Jerome Powell", 4}}, e.Spellings)
	assert.Equal(t, []titleJSON{{"chair", "Chair", 4, "2026-01-10", "2026-04-13"}}, e.Titles)
	assert.Equal(t, []frameJSON{
		{Kind: "given name", Frame: "jerome", Surname: "powell", Articles: 4, LatestDate: "2026-04-13"},
		{Kind: "title", Frame: "chair", Surname: "powell", Articles: 4, LatestDate: "2026-04-13"},
	}, e.Frames)

	r = runIn(t, dir, "", "archive", "lookup", "names.nla", "Jerome Powell", "Ana Lind")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "jerome powell (person): 4 articles, 2026-01-10 to 2026-04-13\n  spellings: “Powell” 4, “Jerome Powell” 4\n")
	assert.Contains(t, r.stdout, "Ana Lind: not in names.nla\n")

	r = runIn(t, dir, "", "archive", "lookup", "missing.nla", "Ana Lind")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "missing.nla")
	r = runIn(t, dir, "", "archive", "lookup", "names.nla")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "usage: newslint archive lookup")
}
