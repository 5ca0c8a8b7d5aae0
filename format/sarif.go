package format

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
)

// SARIF writes SARIF 2.1.0 as GitHub code scanning reads it.
type SARIF struct{ Opts Options }

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
	// RelatedLocations are the places in other files a finding rests on
	// (the source passage quote-fidelity found a quotation in).
	RelatedLocations []sarifRelated `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix     `json:"fixes,omitempty"`
}

type sarifRelated struct {
	ID               int           `json:"id"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          sarifText     `json:"message"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
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

func region(start, end article.Position) *sarifRegion {
	return &sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
		ByteOffset: start.Offset, ByteLength: end.Offset - start.Offset}
}

// fileURI makes a SARIF artifact URI: a relative path, escaped, or a file
// URI for a path outside the base directory.
//
// Every byte outside the URI's unreserved and path characters is
// percent-encoded (a path that is not UTF-8 keeps its bytes as %XX), and a
// relative path whose first segment holds a colon ("a:b.txt") is written
// "./a:b.txt", so that it cannot read as a scheme.
func fileURI(p string) string {
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}

// pascalCase writes a rule id as SARIF's rule name: quote-attribution is
// QuoteAttribution (SARIF1001 warns when a name repeats the id).
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// allRules returns the rules to describe: the given ones, and the engine's
// own when a finding comes from it.
func allRules(rules []*linter.Rule, results []linter.FileResult) []*linter.Rule {
	out := append([]*linter.Rule(nil), rules...)
	used := map[string]bool{}
	for _, r := range results {
		for _, f := range r.Findings {
			used[f.Rule] = true
		}
	}
	for _, r := range linter.EngineRules() {
		if used[r.Name] {
			out = append(out, r)
		}
	}
	return out
}

// Format implements Formatter.
func (s SARIF) Format(w io.Writer, results []linter.FileResult, rules []*linter.Rule) error {
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
			ID: r.Name, Name: pascalCase(r.Name),
			ShortDescription:     sarifText{r.Doc},
			FullDescription:      sarifText{full},
			Help:                 sarifText{fmt.Sprintf("%s\n\nRun `newslint explain %s` for details.", full, r.Name)},
			HelpURI:              s.Opts.InformationURI + "#rules",
			DefaultConfiguration: sarifRuleLevel{level(r.Severity, "note")},
		})
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, r := range results {
		uri := fileURI(relPath(s.Opts.BaseDir, r.Path))
		base := ""
		if !strings.HasPrefix(uri, "file:") {
			base = "%SRCROOT%" // relative to the repository root
		}
		if r.Err != nil {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{r.Err.Error()},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}}}},
			})
		}
		for _, f := range r.Findings {
			res := sarifResult{
				RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level(f.Severity, "note"), Message: sarifText{f.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}, Region: region(f.Start, f.End)}}},
			}
			for _, rel := range f.Related {
				if rel.File == "" {
					continue
				}
				ruri := fileURI(relPath(s.Opts.BaseDir, rel.File))
				rbase := ""
				if !strings.HasPrefix(ruri, "file:") {
					rbase = "%SRCROOT%"
				}
				res.RelatedLocations = append(res.RelatedLocations, sarifRelated{ID: len(res.RelatedLocations) + 1,
					PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: ruri, URIBaseID: rbase}, Region: region(rel.Start, rel.End)},
					Message:          sarifText{rel.Message}})
			}
			for _, sg := range f.Suggestions {
				fix := sarifFix{Description: sarifText{sg.Message}}
				change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}}
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
