package config

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// authority is the bytes of a small name authority.
func authority(t *testing.T) []byte {
	t.Helper()
	a, _ := markup.Parse("a.txt", []byte("Prime Minister Ana Lind spoke on Monday.\n"), markup.Text)
	b := archive.NewBuilder()
	_, err := b.Add(archive.Collect(a, people.Analyse(a, nil)))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf))
	return buf.Bytes()
}

// [archive] path names an authority relative to the configuration's
// directory; Load opens it.
func TestArchivePath(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "data"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "data", "names.nla"), authority(t), 0o644))
	cfgPath := filepath.Join(dir, "newslint.toml")
	require.NoError(t, os.WriteFile(cfgPath, []byte("[archive]\npath = \"data/names.nla\"\n"), 0o644))
	c, err := Load([]byte(testDefaults), cfgPath, testRules)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "data", "names.nla"), c.ArchivePath)
	require.NotNil(t, c.Archive)
	assert.Equal(t, 1, c.Archive.Info().Articles)
}

// A missing, truncated, damaged or other-version authority is an error of
// the configuration that names both files; a bad [archive] table names
// its key.
func TestArchiveErrors(t *testing.T) {
	good := authority(t)
	damaged := bytes.Clone(good)
	damaged[len(damaged)/2] ^= 0xff
	other := bytes.Clone(good)
	binary.LittleEndian.PutUint32(other[8:], archive.Version+1)
	for _, c := range []struct {
		name string
		data []byte // nil: no file
		want string
	}{
		{"missing", nil, "no such file"},
		{"truncated", good[:len(good)-10], "truncated"},
		{"damaged", damaged, "damaged"},
		{"other version", other, "version"},
		{"not an authority", []byte("Prime Minister Ana Lind\n"), "not a newslint name authority"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			nla := filepath.Join(dir, "names.nla")
			if c.data != nil {
				require.NoError(t, os.WriteFile(nla, c.data, 0o644))
			}
			cfgPath := filepath.Join(dir, "newslint.toml")
			require.NoError(t, os.WriteFile(cfgPath, []byte("[archive]\npath = \"names.nla\"\n"), 0o644))
			_, err := Load([]byte(testDefaults), cfgPath, testRules)
			require.Error(t, err)
			assert.Contains(t, err.Error(), cfgPath+": archive.path: "+nla+": ")
			assert.Contains(t, err.Error(), c.want)
			// Through a Set, the same, once.
			s := NewSet([]byte(testDefaults), testRules, "")
			_, err = s.For(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), nla)
		})
	}
	for _, c := range []struct{ text, want string }{
		{"archive = \"names.nla\"\n", `archive: must be a table: [archive] path = "names.nla"`},
		{"[archive]\npath = 3\n", "archive.path: must be a string"},
		{"[archive]\npath = \"\"\n", "archive.path: must name a file"},
		{"[archive]\nfile = \"names.nla\"\n", "archive.file: unknown key (known: path)"},
	} {
		_, err := loadString(t, c.text)
		require.Error(t, err, c.text)
		assert.Contains(t, err.Error(), c.want)
	}
}

// --archive (Set.UseArchive) overrides every configuration's [archive]
// path, and each authority is opened once for all the configurations
// that name it.
func TestSetArchive(t *testing.T) {
	dir := t.TempDir()
	nla := filepath.Join(dir, "names.nla")
	require.NoError(t, os.WriteFile(nla, authority(t), 0o644))
	for _, sub := range []string{"a", "b"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, sub, "newslint.toml"), []byte("[archive]\npath = \"../names.nla\"\n"), 0o644))
	}
	s := NewSet([]byte(testDefaults), testRules, "")
	a, err := s.For(filepath.Join(dir, "a"))
	require.NoError(t, err)
	b, err := s.For(filepath.Join(dir, "b"))
	require.NoError(t, err)
	require.NotNil(t, a.Archive)
	assert.Same(t, a.Archive, b.Archive, "one authority, opened once")

	// A configuration naming a missing authority, overridden by --archive.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "newslint.toml"), []byte("[archive]\npath = \"missing.nla\"\n"), 0o644))
	s = NewSet([]byte(testDefaults), testRules, "")
	require.NoError(t, s.UseArchive(nla))
	c, err := s.For(filepath.Join(dir, "a"))
	require.NoError(t, err)
	assert.Equal(t, nla, c.ArchivePath)
	require.NotNil(t, c.Archive)
	base, err := s.Base()
	require.NoError(t, err)
	assert.Same(t, c.Archive, base.Archive, "--archive applies to the defaults too")

	err = NewSet([]byte(testDefaults), testRules, "").UseArchive(filepath.Join(dir, "nope.nla"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nope.nla")

	// NoArchive (for building one) opens nothing, and a missing one is
	// no error.
	s = NewSet([]byte(testDefaults), testRules, "")
	s.NoArchive()
	c, err = s.For(filepath.Join(dir, "a"))
	require.NoError(t, err)
	assert.Nil(t, c.Archive)
	assert.Equal(t, filepath.Join(dir, "a", "missing.nla"), c.ArchivePath)
}
