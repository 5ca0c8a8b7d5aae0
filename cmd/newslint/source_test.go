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

// newslint inspect lists each quotation's place in the sources given by
// --source, [sources] paths or the front matter, or that it is not found;
// in JSON too. A missing source is an error naming it (exit 2).
func TestInspectSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tr := write("t.txt", "Briefing (written for newslint's tests)\n\nRUIZ: We will open the new bridge in May, weather permitting.\n\nQ: And the ferry?\n\nRUIZ: The ferry stays until the bridge is open.\n")
	art := write("a.txt", "Mayor Ana Ruiz spoke on Monday.\n\n\"We will open the new bridge in June,\" Ruiz said. "+
		"\"The ferry stays until the bridge is open.\" She added: \"We are proud of the town.\" It is \"a fine bridge\".\n")
	var out, errb bytes.Buffer
	if code := run([]string{"inspect", "--source", tr, art}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{
		"      source " + filepath.ToSlash(tr) + ":3:7 RUIZ (changed): “We will open the new bridge in May”\n",
		"      source " + filepath.ToSlash(tr) + ":7:7 RUIZ (exact): “The ferry stays until the bridge is open”\n",
		"      source: not found in the sources\n",
		"      source: not looked up (fewer than four words)\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("inspect lacks %q:\n%s", want, out.String())
		}
	}

	// The same from the configuration, in JSON.
	write("newslint.toml", "[sources]\npaths = [\"t.txt\"]\n")
	out.Reset()
	if code := run([]string{"inspect", "--format", "json", art}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	for _, want := range []string{`"checked": true`, `"found": true`, `"line": 7`, `"column": 7`, `"speakers": [`, `"RUIZ"`,
		`"text": "The ferry stays until the bridge is open"`, `"match": "exact"`, `"match": "changed"`, `"checked": false`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("inspect --format json lacks %s:\n%s", want, out.String())
		}
	}
	if err := os.Remove(filepath.Join(dir, "newslint.toml")); err != nil {
		t.Fatal(err)
	}

	// From the front matter of a Markdown article, relative to it.
	md := write("story/s.md", "---\nsources: [../t.txt]\n---\nMayor Ana Ruiz spoke.\n\n\"The ferry stays until the bridge is open,\" Ruiz said.\n")
	out.Reset()
	if code := run([]string{"inspect", md}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "RUIZ (exact)") {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, errb.String(), out.String())
	}

	// No sources: no source lines.
	out.Reset()
	if code := run([]string{"inspect", art}, nil, &out, &errb); code != 0 || strings.Contains(out.String(), "source") {
		t.Fatalf("exit %d, stdout:\n%s", code, out.String())
	}

	// A missing source: exit 2, naming it.
	out.Reset()
	errb.Reset()
	if code := run([]string{"inspect", "--source", filepath.Join(dir, "missing.txt"), art}, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "missing.txt") {
		t.Fatalf("missing source: exit %d, stderr %q", code, errb.String())
	}
}
