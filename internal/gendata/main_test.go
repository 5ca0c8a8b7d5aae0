package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompanyName(t *testing.T) {
	legal := map[string]string{"CO": "1", "INC": "1", "LTD": "1", "CORP": "1", "SE": "1"}
	for filed, want := range map[string]string{
		"EASTMAN KODAK CO":              "Eastman Kodak",
		"Alphabet Inc.":                 "Alphabet",
		"180 DEGREE CAPITAL CORP. /NY/": "180 Degree Capital",
		"Airbus SE/ADR":                 "Airbus",
		"IBM CORP":                      "IBM",
		"HONDA MOTOR CO LTD":            "Honda Motor",
	} {
		assert.Equal(t, want, companyName(filed, legal), filed)
	}
}

func TestWriteSortsAndDropsBadKeys(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.txt")
	require.NoError(t, write(p, map[string]string{"Zeta": "1", "Alpha": "2", "Bad\tkey": "3"}))
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "Alpha\t2\nZeta\t1\n", string(b))
	idx, err := os.ReadFile(filepath.Join(filepath.Dir(p), "t.idx"))
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 0, 0, 0, 8, 0, 0, 0}, idx, "the lines start at 0 and 8")
}

// The committed tables are what the generator makes of the data sets.
func TestTablesAreGenerated(t *testing.T) {
	in := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(in); err != nil {
		t.Skipf("data sets not available: %v", err)
	}
	out := t.TempDir()
	require.NoError(t, generate(in, out))
	names, err := filepath.Glob(filepath.Join(out, "*.*"))
	require.NoError(t, err)
	require.Len(t, names, 15, "five tables, their indexes and filters")
	for _, p := range names {
		want, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("..", "..", "people", "data", filepath.Base(p)))
		require.NoError(t, err)
		assert.True(t, string(want) == string(got), "people/data/%s is stale: run go generate ./people", filepath.Base(p))
	}
}
