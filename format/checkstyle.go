package format

import (
	"encoding/xml"
	"io"

	"github.com/newslint/newslint/linter"
)

// Checkstyle writes Checkstyle XML, with paths as given on the command line
// (relative to the working directory), as the tools that read it expect.
type Checkstyle struct{ Opts Options }

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format implements Formatter.
func (c Checkstyle) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
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
