package format

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newslint/newslint/linter"
)

// GitHub writes GitHub Actions workflow commands, one a line.
type GitHub struct{ Opts Options }

// escapeData escapes a workflow command's message as the Actions toolkit
// does.
func escapeData(s string) string {
	return dataEscaper.Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return propertyEscaper.Replace(s)
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// safeData is a message as GitHub shows it: newlines kept (the toolkit's
// escapes), every other control character made visible.
func safeData(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = visible(l)
	}
	return escapeData(strings.Join(lines, "\n"))
}

// GitHub shows at most this many annotations of each level (error,
// warning, notice) from one step; the rest are dropped without a word.
const annotationsPerLevel = 10

// annotation is one workflow command to write.
type annotation struct {
	level, file, rel string
	line, col        int
	endLine, endCol  int
	title, message   string
	sev              int // 0 error, 1 warning, 2 notice: the order written
}

// Format implements Formatter. The most severe annotations come first, and
// at most annotationsPerLevel of each level are written: when some are
// left out, a last notice says how many and where to see them all (the
// job summary, written to $GITHUB_STEP_SUMMARY when Opts.StepSummary names
// it, as a Markdown table of every finding).
func (g GitHub) Format(w io.Writer, results []linter.FileResult, _ []*linter.Rule) error {
	var all []annotation
	for _, r := range results {
		rel := relPath(g.Opts.BaseDir, r.Path)
		file := escapeProperty(visible(rel))
		for _, f := range r.Findings {
			lv := level(f.Severity, "notice")
			all = append(all, annotation{lv, file, rel, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
				"newslint " + f.Rule, f.Message, levelOrder(lv)})
		}
		if r.Err != nil {
			all = append(all, annotation{level: "error", file: file, rel: rel, title: "newslint", message: r.Err.Error()})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].sev < all[j].sev })
	total := map[string]int{}
	for _, a := range all {
		total[a.level]++
	}
	limits := map[string]int{"error": annotationsPerLevel, "warning": annotationsPerLevel, "notice": annotationsPerLevel}
	for _, n := range total {
		if n > annotationsPerLevel {
			limits["notice"]-- // room for the closing notice, itself a notice
			break
		}
	}
	counts := map[string]int{}
	hidden := 0
	for _, a := range all {
		if counts[a.level] >= limits[a.level] {
			hidden++
			continue
		}
		counts[a.level]++
		if err := writeAnnotation(w, a); err != nil {
			return err
		}
	}
	if hidden > 0 {
		where := "run newslint locally to see them"
		if g.Opts.StepSummary != "" {
			where = "the job summary lists every finding"
		}
		msg := fmt.Sprintf("%d more finding(s) not shown as annotations: GitHub shows at most %d errors, %d warnings and %d notices per step; %s",
			hidden, annotationsPerLevel, annotationsPerLevel, annotationsPerLevel, where)
		if _, err := fmt.Fprintf(w, "::notice title=%s::%s\n", escapeProperty("newslint"), safeData(msg)); err != nil {
			return err
		}
	}
	if g.Opts.StepSummary != "" {
		return writeSummary(g.Opts.StepSummary, all)
	}
	return nil
}

func levelOrder(lv string) int {
	switch lv {
	case "error":
		return 0
	case "warning":
		return 1
	}
	return 2
}

func writeAnnotation(w io.Writer, a annotation) error {
	var err error
	if a.line == 0 {
		_, err = fmt.Fprintf(w, "::%s file=%s,title=%s::%s\n", a.level, a.file, escapeProperty(a.title), safeData(a.message))
	} else {
		_, err = fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			a.level, a.file, a.line, a.col, a.endLine, a.endCol, escapeProperty(a.title), safeData(a.message))
	}
	return err
}

// writeSummary appends a Markdown table of every finding to the job
// summary file.
func writeSummary(path string, all []annotation) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### newslint: %d finding(s)\n\n", len(all))
	if len(all) > 0 {
		b.WriteString("| severity | file | line | column | rule | message |\n|---|---|---:|---:|---|---|\n")
		for _, a := range all {
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %s | %s |\n", a.level, cell(a.rel), a.line, a.col, cell(strings.TrimPrefix(a.title, "newslint ")), cell(a.message))
		}
	}
	b.WriteString("\n")
	_, err = f.WriteString(b.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string {
	s = visible(s)
	return strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;").Replace(s)
}
