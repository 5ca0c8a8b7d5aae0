package main

// Issue 22, item 4: newslint archive report, the corrections report.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/newslint/newslint/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test articles: each holds one probable published error of a kind
// the report keeps, but for the clean one.
const (
	// A misspelt surname, outnumbered three to one: confidence 0.9.
	reportSpelling = "---\ntitle: Port strike ends\ndate: 2024-03-05\n---\n\n# Port strike ends\n\n" +
		"Transport Minister Anders Halvorsen announced the deal on Tuesday.\n\n" +
		"Halvorsen said the dockers would return to work on Monday. Halvorsen added that the wage rise would be paid in full.\n\n" +
		"Union leaders said Halvorson had promised more than he could deliver.\n"
	// A misspelling on a tie, one use each: confidence 0.7.
	reportTie = "---\ndate: 2024-07-01\n---\n\nFinance Minister Ingrid Sorensen presented the budget.\n\n" +
		"Critics said Sorenson had ignored the deficit.\n"
	// A quote given to a stranger in a paragraph about Reyes: the
	// quote-attribution default, 0.3.
	reportQuote = "---\ndate: 2023-11-20\n---\n\n# Budget vote delayed\n\n" +
		"Finance Minister Elena Reyes delayed the budget vote on Wednesday, saying the figures were not ready.\n\n" +
		"Reyes told reporters the deficit would be smaller than expected and that the vote would be held next month. “We will not rush this,” said Tomas Berglund.\n"
	// A flipped pronoun, undated: the pronoun-consistency default, 0.2.
	reportPronoun = "Mayor opens library\n\nMayor Ana Ruiz opened the new library on Saturday. She said it had cost less than planned.\n\n" +
		"Ruiz thanked the builders. He said the reading room would open in the evenings.\n"
	// Quote-balance and nothing else: not a fact, not in the report.
	reportUnbalanced = "Storm closes port\n\n“The harbour will stay closed, the port authority said.\n"
)

// reportDir writes the test articles, a clean one and an unreadable file
// into a new directory.
func reportDir(t *testing.T) (dir, unreadable string) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, dir, "spelling.md", reportSpelling)
	writeFile(t, dir, "tie.md", reportTie)
	writeFile(t, dir, "quote.md", reportQuote)
	writeFile(t, dir, "pronoun.txt", reportPronoun)
	writeFile(t, dir, "clean.txt", clean)
	writeFile(t, dir, "unbalanced.txt", reportUnbalanced)
	unreadable = filepath.Join(dir, "unreadable.md")
	if os.Getuid() == 0 || runtime.GOOS == "windows" {
		// Root reads any file, so the unreadable one is a dangling link.
		require.NoError(t, os.Symlink(filepath.Join(dir, "gone"), unreadable))
	} else {
		writeFile(t, dir, "unreadable.md", clean)
		require.NoError(t, os.Chmod(unreadable, 0))
	}
	return dir, unreadable
}

// runReport runs newslint archive report in-process.
func runReport(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"archive", "report"}, args...), strings.NewReader(""), &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

func reportOf(t *testing.T, out string) reportJSON {
	t.Helper()
	var rep reportJSON
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	return rep
}

func TestArchiveReportJSON(t *testing.T) {
	dir, unreadable := reportDir(t)
	r := runReport(t, "--format", "json", dir)
	assert.Equal(t, exitError, r.code, "a file not read is exit 2, after the report: %s", r.stderr)
	assert.Contains(t, r.stderr, unreadable, "the file not read is named")
	assert.Contains(t, r.stderr, "archive report: 4 probable errors in 6 articles (66.7 per 100), 1 file not read")

	// The report itself is whole: every kind it keeps, strongest first.
	rep := reportOf(t, r.stdout)
	assert.Equal(t, 1, rep.Version)
	var got []string
	for _, e := range rep.Findings {
		got = append(got, filepath.Base(e.Path)+" "+e.Rule)
	}
	assert.Equal(t, []string{"spelling.md name-spelling", "tie.md name-spelling", "quote.md quote-attribution", "pronoun.txt pronoun-consistency"}, got,
		"ranked by confidence; quote-balance is not a published error")
	var conf []float64
	for _, e := range rep.Findings {
		conf = append(conf, e.Confidence)
	}
	assert.Equal(t, []float64{0.9, 0.7, 0.3, 0.2}, conf)

	e := rep.Findings[0]
	assert.Equal(t, 1, e.Rank)
	assert.Equal(t, filepath.Join(dir, "spelling.md"), e.Path)
	assert.Equal(t, 12, e.Line)
	assert.Equal(t, 20, e.Column)
	assert.Equal(t, 12, e.EndLine)
	assert.Equal(t, 29, e.EndColumn)
	assert.Equal(t, "error", e.Severity)
	assert.Equal(t, "2024-03-05", e.Date, "the front matter's date")
	assert.False(t, e.Archive)
	assert.Equal(t, "“Halvorson” looks like a misspelling of “Halvorsen”, which the article uses 3 times (first on line 8)", e.Message)
	assert.Equal(t, "Halvorsen", e.Correction)
	assert.Equal(t, "Union leaders said Halvorson had promised more than he could deliver.", e.Context)
	require.Len(t, e.Evidence, 1)
	assert.Equal(t, reportRelate{Line: 8, Column: 27, Message: "the spelling “Halvorsen”, first used here"}, e.Evidence[0])

	q := rep.Findings[2]
	assert.Equal(t, "2023-11-20", q.Date)
	assert.Empty(t, q.Correction, "no fix, no correction")
	assert.Contains(t, q.Context, "said Tomas Berglund.")
	assert.True(t, strings.HasPrefix(q.Context, "…"), "a long line is cut: %q", q.Context)
	assert.Equal(t, "", rep.Findings[3].Date, "no date: none made up")

	s := rep.Summary
	assert.Equal(t, 6, s.Articles, "the six read, not the one that could not be")
	assert.Equal(t, 3, s.Dated)
	assert.Equal(t, 1, s.Unreadable)
	assert.Equal(t, 4, s.Findings)
	assert.Equal(t, 4, s.Listed)
	assert.Equal(t, []reportCount{
		{"name-spelling", 2}, {"name-spelling (archive)", 0}, {"title-consistency (archive)", 0},
		{"quote-attribution", 1}, {"pronoun-consistency", 1},
	}, s.PerKind)
	assert.Equal(t, []reportYear{
		{Year: "2023", Articles: 1, Findings: 1},
		{Year: "2024", Articles: 2, Findings: 2},
		{Year: "undated", Articles: 3, Findings: 1},
	}, s.PerYear)

	// --top lists the strongest, and counts them all.
	r = runReport(t, "--format", "json", "--top", "1", "--quiet", dir)
	rep = reportOf(t, r.stdout)
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, "name-spelling", rep.Findings[0].Rule)
	assert.Equal(t, 4, rep.Summary.Findings)
	assert.Equal(t, 1, rep.Summary.Listed)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	require.Len(t, lines, 1, "--quiet: only the file not read: %q", r.stderr)
	assert.Contains(t, lines[0], unreadable)
}

func TestArchiveReportMarkdown(t *testing.T) {
	dir, _ := reportDir(t)
	r := runReport(t, dir) // markdown is the default
	assert.Equal(t, exitError, r.code)
	md := r.stdout
	assert.True(t, strings.HasPrefix(md, "# Corrections report\n\n6 articles checked (3 dated), 1 file could not be read: 4 probable published errors.\n"), md)
	assert.Contains(t, md, "| Kind | Findings |\n|---|---:|\n| name-spelling | 2 |\n| name-spelling (archive) | 0 |\n| title-consistency (archive) | 0 |\n| quote-attribution | 1 |\n| pronoun-consistency | 1 |\n")
	assert.Contains(t, md, "| Year | Articles | Findings | Per 100 articles |\n|---|---:|---:|---:|\n"+
		"| 2023 | 1 | 1 | 100.0 |\n| 2024 | 2 | 2 | 100.0 |\n| undated | 3 | 1 | 33.3 |\n")
	first := "\n1. " + mdEscape(filepath.Join(dir, "spelling.md")) + ":12:20 — name-spelling, confidence 0.90, 2024-03-05\n\n" +
		"   > Union leaders said **Halvorson** had promised more than he could deliver.\n\n" +
		"   “Halvorson” looks like a misspelling of “Halvorsen”, which the article uses 3 times (first on line 8). " +
		"Correction: **Halvorsen**. Line 8: the spelling “Halvorsen”, first used here.\n"
	assert.Contains(t, md, first)
	// Strongest first.
	i1 := strings.Index(md, "\n1. ")
	i2 := strings.Index(md, "\n2. ")
	i3 := strings.Index(md, "\n3. ")
	i4 := strings.Index(md, "\n4. ")
	require.True(t, i1 > 0 && i1 < i2 && i2 < i3 && i3 < i4, md)
	assert.Contains(t, md[i2:i3], "tie.md:")
	assert.Contains(t, md[i3:i4], "quote.md:9:")
	assert.Contains(t, md[i4:], "pronoun.txt:5:28 — pronoun-consistency, confidence 0.20\n")
	assert.NotContains(t, md, "unbalanced.txt")
	assert.NotContains(t, md, "clean.txt")
}

func TestArchiveReportCSV(t *testing.T) {
	dir, _ := reportDir(t)
	// A message with a comma and quotation marks, a context with both
	// too: RFC 4180 quoting.
	writeFile(t, dir, "quoted.txt", "Strike vote, \"final\" says union\n\nUnion leader Maria Castellanos called the vote. Castellanos said it was final, \"no question\". Castellanos left.\n\nMembers said Castellanoz, \"the boss\", had won.\n")
	r := runReport(t, "--format", "csv", "--quiet", dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stdout, "\r\n", "RFC 4180 lines end in CRLF")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6, "a header and one row per finding: %q", r.stdout)
	assert.Equal(t, reportCSVHeader, rows[0])
	byPath := map[string][]string{}
	for _, row := range rows[1:] {
		require.Len(t, row, len(reportCSVHeader))
		byPath[filepath.Base(row[2])] = row
	}
	q := byPath["quoted.txt"]
	require.NotNil(t, q, "%q", rows)
	assert.Equal(t, "Members said Castellanoz, \"the boss\", had won.", q[10], "the context parses back whole")
	assert.Equal(t, "Castellanos", q[9])
	assert.Equal(t, "5", q[3])
	assert.Equal(t, "14", q[4])
	assert.Equal(t, "false", q[6])
	assert.Equal(t, "", q[7], "undated")
	s := byPath["spelling.md"]
	assert.Equal(t, []string{"0.90", "name-spelling", "2024-03-05", "Halvorsen"}, []string{s[1], s[5], s[7], s[9]})
	assert.Equal(t, "line 8: the spelling “Halvorsen”, first used here", s[11])
	assert.Equal(t, "1", rows[1][0], "ranked")
}

func TestArchiveReportOutputIsAtomic(t *testing.T) {
	dir, _ := reportDir(t)
	outDir := t.TempDir()
	out := writeFile(t, outDir, "report.json", "old report\n")

	// A run that fails before writing leaves the old report as it was.
	r := runReport(t, "--format", "yaml", "-o", out, dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, `--format: archive report writes markdown, json, csv, not "yaml"`)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old report\n", string(data))

	r = runReport(t, "--format", "json", "-o", out, dir)
	assert.Equal(t, exitError, r.code, "the unreadable file")
	assert.Empty(t, r.stdout, "the report goes to the file")
	assert.Contains(t, r.stderr, "written to "+out)
	data, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 4, reportOf(t, string(data)).Summary.Findings)
	entries, err := os.ReadDir(outDir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left beside it")

	// A path that cannot be written is said at once, and nothing is
	// linted.
	r = runReport(t, "-o", filepath.Join(outDir, "no", "such", "dir", "r.md"), dir)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "r.md")
	assert.NotContains(t, r.stderr, "probable")
}

func TestArchiveReportUsage(t *testing.T) {
	r := runReport(t)
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "usage: newslint archive report PATH...")
	r = runReport(t, "-")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "not from standard input")
	r = runReport(t, "--top", "-1", ".")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "--top")

	var stderr bytes.Buffer
	assert.Equal(t, exitError, run([]string{"archive", "info", "--archive", "x.nla", "y.nla"}, strings.NewReader(""), &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "--archive is for archive report", "not ignored where it means nothing")

	var stdout bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"archive", "help"}, strings.NewReader(""), &stdout, &bytes.Buffer{}))
	assert.Contains(t, stdout.String(), "newslint archive report PATH...")
}

// TestArchiveReportNoProgressOffTerminal: standard error that is not a
// terminal gets no progress bar, even on a long run.
func TestArchiveReportNoProgressOffTerminal(t *testing.T) {
	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0 // every run is a long one
	dir, _ := reportDir(t)
	r := runReport(t, "--format", "json", dir)
	assert.NotContains(t, r.stderr, "\r")
	assert.NotContains(t, r.stderr, "files/s")
	assert.NotContains(t, r.stderr, "\x1b")
	assert.Contains(t, r.stderr, "archive report: 4 probable errors")
}

// TestArchiveReportDecodedFile: in a UTF-16 file the findings' offsets
// point into the file on disk, not into its decoded text; the context and
// the correction still come from the right place.
func TestArchiveReportDecodedFile(t *testing.T) {
	dir := t.TempDir()
	units := utf16.Encode([]rune(reportTie))
	b := []byte{0xFF, 0xFE}
	for _, u := range units {
		b = append(b, byte(u), byte(u>>8))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "utf16.md"), b, 0o644))
	r := runReport(t, "--format", "json", dir)
	require.Equal(t, exitOK, r.code, r.stderr)
	rep := reportOf(t, r.stdout)
	require.Len(t, rep.Findings, 1, r.stdout)
	e := rep.Findings[0]
	assert.Equal(t, "Critics said Sorenson had ignored the deficit.", e.Context)
	assert.Equal(t, "Sorensen", e.Correction)
	assert.Equal(t, "2024-07-01", e.Date)
}

func TestLineContext(t *testing.T) {
	long := strings.Repeat("word ", 30)
	text := "Headline\n" + long + "Jerome Powel said " + long + "\nnext line\n"
	src := article.NewSource([]byte(text))
	start := strings.Index(text, "Powel")
	before, word, after := lineContext(src, start, start+len("Powel"))
	assert.Equal(t, "Powel", word)
	assert.True(t, strings.HasPrefix(before, "…word "), "cut at a word's start: %q", before)
	assert.True(t, strings.HasSuffix(before, "Jerome "), before)
	assert.LessOrEqual(t, len([]rune(before))-1, contextRunes, "at most contextRunes characters and the ellipsis")
	assert.Greater(t, len([]rune(before))-1, contextRunes-6)
	assert.True(t, strings.HasPrefix(after, " said word"), after)
	assert.True(t, strings.HasSuffix(after, " word…"), "cut at a word's end: %q", after)
	assert.LessOrEqual(t, len([]rune(after))-1, contextRunes)
	assert.NotContains(t, before+after, "\n")

	// A short line is quoted whole; a finding across lines stops at the
	// line's end.
	src = article.NewSource([]byte("a\nSaid Powel.\nb"))
	before, word, after = lineContext(src, 7, 13)
	assert.Equal(t, []string{"Said ", "Powel.", ""}, []string{before, word, after})
}

func TestMarkdownEscape(t *testing.T) {
	assert.Equal(t, `a \*b\* \_c\_ \[d\](e) \<i\> x \| y \`+"`z\\`"+` \&amp;`, mdEscape("a *b* _c_ [d](e) <i> x | y `z` &amp;"))
	// Shown as "a\x1b[31m b\nc": control characters escaped, one line.
	assert.Equal(t, `a\\x1b\[31m b\\nc`, mdEscape("a\x1b[31m b\nc"))
	assert.Equal(t, `\# not a heading`, mdLineStart("# not a heading"))
	assert.Equal(t, `1987\. was a year`, mdLineStart("1987. was a year"))
	assert.Equal(t, "plain", mdLineStart("plain"))
}

// TestArchiveReportWithAuthority: with --archive, a name the archive
// spells otherwise is in the report, marked as the archive's and counted
// under its own kind; a file that is not an authority is an error naming
// it.
func TestArchiveReportWithAuthority(t *testing.T) {
	dir := t.TempDir()
	for i := 1; i <= 4; i++ {
		writeFile(t, dir, filepath.Join("published", fmt.Sprintf("a%d.md", i)), fmt.Sprintf("---\ndate: 2024-0%d-10\n---\n\n# Central bank holds rates\n\n"+
			"Federal Reserve Chair Jerome Powell said on Wednesday that rates would stay where they are, part %d.\n\n"+
			"Powell told reporters the economy was strong.\n", i, i))
	}
	writeFile(t, dir, filepath.Join("new", "brief.md"), "---\ndate: 2025-02-01\n---\n\n# Markets rally\n\n"+
		"Federal Reserve Chair Jerome Powel said on Tuesday that inflation was falling.\n")
	names := filepath.Join(dir, "names.nla")
	var stderr bytes.Buffer
	require.Equal(t, exitOK, run([]string{"archive", "build", "--quiet", filepath.Join(dir, "published"), "-o", names}, strings.NewReader(""), &bytes.Buffer{}, &stderr), stderr.String())

	r := runReport(t, "--format", "json", "--archive", names, filepath.Join(dir, "new"))
	require.Equal(t, exitOK, r.code, r.stderr)
	rep := reportOf(t, r.stdout)
	require.Len(t, rep.Findings, 1, r.stdout)
	e := rep.Findings[0]
	assert.Equal(t, "name-spelling", e.Rule)
	assert.True(t, e.Archive)
	assert.Equal(t, "Powell", e.Correction)
	assert.Equal(t, "2025-02-01", e.Date)
	assert.Contains(t, e.Message, "this newsroom has spelled")
	assert.Contains(t, rep.Summary.PerKind, reportCount{"name-spelling (archive)", 1})
	assert.Contains(t, rep.Summary.PerKind, reportCount{"name-spelling", 0})

	// Without the authority, the brief alone shows nothing.
	r = runReport(t, "--format", "json", filepath.Join(dir, "new"))
	assert.Empty(t, reportOf(t, r.stdout).Findings)

	notOne := writeFile(t, dir, "not.nla", "not an authority")
	r = runReport(t, "--archive", notOne, filepath.Join(dir, "new"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, notOne)
	assert.Empty(t, r.stdout)
}
