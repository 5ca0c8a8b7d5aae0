package format

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/require"
)

// checkstyleXML is the Checkstyle writer as it was, with encoding/xml:
// the reference the hand-written one must match byte for byte.
func checkstyleXML(w io.Writer, results []linter.FileResult) error {
	type csError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
	type csFile struct {
		Name   string    `xml:"name,attr"`
		Errors []csError `xml:"error"`
	}
	type csReport struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []csFile `xml:"file"`
	}
	rep := csReport{Version: "4.3"}
	for _, r := range results {
		f := csFile{Name: visible(r.Path)}
		for _, fd := range r.Findings {
			f.Errors = append(f.Errors, csError{Line: fd.Start.Line, Column: fd.Start.Column, Severity: fd.Severity.String(),
				Message: visible(fd.Message), Source: "newslint." + fd.Rule})
		}
		if r.Err != nil {
			f.Errors = append(f.Errors, csError{Line: 1, Severity: "error", Message: visible(r.Err.Error()), Source: "newslint"})
		}
		rep.Files = append(rep.Files, f)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// The Checkstyle document is written without encoding/xml (whose
// initialisation every run paid), byte for byte as encoding/xml wrote
// it: for the golden results, none, and random paths and messages full
// of what XML escapes or cannot hold.
func TestCheckstyleAsEncodingXML(t *testing.T) {
	pieces := []string{"a", "é", "“", "\"", "'", "&", "<", ">", "\t", "\n", "\r", "\x00", "\x1b", "\xff", "\ufffd", "\ufffe", "\U0001F600", "\u202e", " ", "]]>", "&amp;"}
	rng := rand.New(rand.NewSource(1))
	text := func() string {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	cases := [][]linter.FileResult{nil, goldenResults(t)}
	for range 300 {
		var rs []linter.FileResult
		for range rng.Intn(4) {
			r := linter.FileResult{Path: text()}
			for range rng.Intn(4) {
				r.Findings = append(r.Findings, linter.Finding{Rule: text(), Message: text(), Severity: linter.Severity(rng.Intn(3)),
					Start: article.Position{Line: 1 + rng.Intn(500), Column: rng.Intn(3) * rng.Intn(80)}})
			}
			if rng.Intn(3) == 0 {
				r.Err = errors.New(text())
			}
			rs = append(rs, r)
		}
		cases = append(cases, rs)
	}
	for i, rs := range cases {
		var want, got bytes.Buffer
		require.NoError(t, checkstyleXML(&want, rs))
		require.NoError(t, Checkstyle{}.Format(&got, rs, nil))
		require.Equal(t, want.String(), got.String(), "case %d", i)
	}
}
