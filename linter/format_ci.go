package linter

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
)

// FormatOptions are what the CI formats need beyond the results.
type FormatOptions struct {
	// BaseDir is the directory paths are made relative to (the repository
	// root in CI); "" keeps paths as given.
	BaseDir        string
	ToolName       string
	Version        string
	InformationURI string
}

// relPath makes path relative to base with forward slashes when it lies
// inside base.
func relPath(base, path string) string {
	if base == "" {
		return filepath.ToSlash(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// ---------------------------------------------------------------- SARIF

// SARIFFormatter writes SARIF 2.1.0 as GitHub code scanning reads it.
type SARIFFormatter struct{ Opts FormatOptions }

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

func region(start, end Position) *sarifRegion {
	return &sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
		ByteOffset: start.Offset, ByteLength: end.Offset - start.Offset}
}

// fileURI makes a SARIF artifact URI: a relative path, escaped, or a file
// URI for a path outside the base directory.
func fileURI(p string) string {
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).EscapedPath()
}

// allRules returns the rules to describe: the given ones, and the engine's
// own when a finding comes from it.
func allRules(rules []*Rule, results []FileResult) []*Rule {
	out := append([]*Rule(nil), rules...)
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Rule == UnusedSuppression.Name {
				return append(out, UnusedSuppression)
			}
		}
	}
	return out
}

// Format implements Formatter.
func (s SARIFFormatter) Format(w io.Writer, results []FileResult, rules []*Rule) error {
	rules = allRules(rules, results)
	driver := sarifDriver{Name: s.Opts.ToolName, Version: s.Opts.Version, InformationURI: s.Opts.InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range rules {
		index[r.Name] = i
		full := r.Explain
		if full == "" {
			full = r.Doc
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.Name, Name: r.Name,
			ShortDescription:     sarifText{r.Doc},
			FullDescription:      sarifText{full},
			Help:                 sarifText{fmt.Sprintf("%s\n\nRun `newslint explain %s` for details.", full, r.Name)},
			HelpURI:              s.Opts.InformationURI + "#rules",
			DefaultConfiguration: sarifRuleLevel{sarifLevel(r.Severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, r := range results {
		uri := fileURI(relPath(s.Opts.BaseDir, r.Path))
		if r.Err != "" {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{r.Err},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}},
			})
		}
		for _, f := range r.Findings {
			res := sarifResult{
				RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}, Region: region(f.Start, f.End)}}},
			}
			for _, sg := range f.Suggestions {
				fix := sarifFix{Description: sarifText{sg.Message}}
				change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri}}
				for _, e := range sg.Edits {
					change.Replacements = append(change.Replacements, sarifReplacement{DeletedRegion: *region(e.Start, e.End), InsertedContent: sarifText{e.NewText}})
				}
				fix.ArtifactChanges = append(fix.ArtifactChanges, change)
				res.Fixes = append(res.Fixes, fix)
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Invocations = []sarifInvocation{inv}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// ---------------------------------------------------------------- GitHub

// GitHubFormatter writes GitHub Actions workflow commands, one a line.
type GitHubFormatter struct{ Opts FormatOptions }

// escapeData escapes a workflow command's message as the Actions toolkit
// does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Format implements Formatter.
func (g GitHubFormatter) Format(w io.Writer, results []FileResult, _ []*Rule) error {
	for _, r := range results {
		file := escapeProperty(relPath(g.Opts.BaseDir, r.Path))
		for _, f := range r.Findings {
			level := "notice"
			switch f.Severity {
			case Error:
				level = "error"
			case Warning:
				level = "warning"
			}
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				level, file, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
				escapeProperty("newslint "+f.Rule), escapeData(f.Message)); err != nil {
				return err
			}
		}
		if r.Err != "" {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", file, escapeProperty("newslint"), escapeData(r.Err)); err != nil {
				return err
			}
		}
	}
	return nil
}

// ---------------------------------------------------------------- reviewdog

// RDJSONLFormatter writes the Reviewdog Diagnostic Format as JSON lines.
// Its columns count UTF-8 bytes, as the format defines.
type RDJSONLFormatter struct{ Opts FormatOptions }

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// byteRange converts positions to reviewdog's byte columns.
func byteRange(start, end Position) rdRange {
	return rdRange{Start: rdPosition{start.Line, start.ByteColumn}, End: rdPosition{end.Line, end.ByteColumn}}
}

// Format implements Formatter.
func (r RDJSONLFormatter) Format(w io.Writer, results []FileResult, _ []*Rule) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, res := range results {
		path := relPath(r.Opts.BaseDir, res.Path)
		for _, f := range res.Findings {
			d := rdDiagnostic{Message: f.Message, Severity: strings.ToUpper(f.Severity.String()),
				Source: rdSource{Name: r.Opts.ToolName, URL: r.Opts.InformationURI}, Code: rdCode{f.Rule}}
			d.Location.Path = path
			d.Location.Range = byteRange(f.Start, f.End)
			for _, s := range f.Suggestions {
				for _, e := range s.Edits {
					d.Suggestions = append(d.Suggestions, rdSuggestion{Range: byteRange(e.Start, e.End), Text: e.NewText})
				}
			}
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// ---------------------------------------------------------------- checkstyle

// CheckstyleFormatter writes Checkstyle XML.
type CheckstyleFormatter struct{ Opts FormatOptions }

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
func (c CheckstyleFormatter) Format(w io.Writer, results []FileResult, _ []*Rule) error {
	rep := csReport{Version: "4.3"}
	for _, r := range results {
		f := csFile{Name: relPath(c.Opts.BaseDir, r.Path)}
		for _, fd := range r.Findings {
			f.Errors = append(f.Errors, csError{Line: fd.Start.Line, Column: fd.Start.Column, Severity: fd.Severity.String(),
				Message: fd.Message, Source: "newslint." + fd.Rule})
		}
		if r.Err != "" {
			f.Errors = append(f.Errors, csError{Line: 1, Severity: "error", Message: r.Err, Source: "newslint"})
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

// NewFormatter returns the formatter for a --format name.
func NewFormatter(name string, opts FormatOptions) (Formatter, error) {
	if opts.ToolName == "" {
		opts.ToolName = "newslint"
	}
	switch name {
	case "text":
		return TextFormatter{}, nil
	case "json":
		return JSONFormatter{}, nil
	case "sarif":
		return SARIFFormatter{opts}, nil
	case "github":
		return GitHubFormatter{opts}, nil
	case "rdjsonl":
		return RDJSONLFormatter{opts}, nil
	case "checkstyle":
		return CheckstyleFormatter{opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(FormatNames(), ", "))
}

// FormatNames lists the output formats.
func FormatNames() []string {
	names := []string{"text", "json", "sarif", "github", "rdjsonl", "checkstyle"}
	sort.Strings(names)
	return names
}
