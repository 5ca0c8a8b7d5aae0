package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --source: a missing source is an error naming it (exit 2); a binary one
// is reported and skipped; a quotation with a word changed is an error,
// and the JSON output carries the source's place.
func TestSourceFlag(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tr := write("t.txt", "RUIZ: We will open the new bridge in May, weather permitting.\n")
	bin := write("b.txt", "a\x00b")
	art := write("a.txt", "Mayor Ana Ruiz spoke on Monday.\n\n\"We will open the new bridge in June,\" Ruiz said.\n")
	var out, errb bytes.Buffer
	if code := run([]string{"--source", filepath.Join(dir, "missing.txt"), art}, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "missing.txt: no such file") {
		t.Fatalf("missing source: exit %d, stderr %q", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	code := run([]string{"--source", tr, "--source", bin, "--format", "json", art}, nil, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "b.txt: binary file") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{`[-May-] {+June+}`, `"file": "` + tr, `"text": "May"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}
