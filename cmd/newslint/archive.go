package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newslint/newslint"
	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/linter/engine"
)

// archiveUsage is the usage of newslint archive.
const archiveUsage = `usage: newslint archive build PATH... -o NAMES.nla
       newslint archive add NAMES.nla PATH...
       newslint archive merge A.nla B.nla... -o NAMES.nla
       newslint archive info [--format text|json] NAMES.nla
       newslint archive check NAMES.nla...
       newslint archive lookup [--format text|json] NAMES.nla NAME...
       newslint archive report PATH... [--archive NAMES.nla] [--format markdown|json|csv] [-o FILE]

A name authority: every person, organisation and place newslint is
confident about in the articles of an archive, with their spellings, titles
and dates, counted in articles. build reads files and directories as
linting does (what git ignores and exclude names skipped); add updates an
authority with new articles (those it holds already are skipped); merge
joins authorities built from disjoint shards (the result is the authority
built from all of them, byte for byte); info says what one holds, check
reads one whole (both check every byte against its checksums, and every
record; linting checks only what its look-ups read); lookup
prints the record of each name (exit status 1 when one is not in it); report
lists the probable published errors of the articles, strongest first (the
corrections report).

flags:
`

// archiveOptions are the flags of newslint archive.
type archiveOptions struct {
	output      string
	format      string
	config      string
	top         int
	quiet       bool
	verbose     bool
	followLinks bool
	archive     string // report: --archive
}

func newArchiveFlags(o *archiveOptions, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newslint archive", flag.ContinueOnError)
	fs.SetOutput(visibleLines{stderr})
	fs.StringVar(&o.output, "o", "", "write the authority to `FILE` (build and merge: required; add: default, the authority updated); report: the report (default: standard output)")
	fs.StringVar(&o.output, "output", "", "the same as -o")
	fs.StringVar(&o.format, "format", "text", "info: output format, text or json; report: markdown, json or csv (report's default: markdown)")
	fs.IntVar(&o.top, "top", 20, "info: list the `N` entities named in most articles; report: list only the N strongest findings (report's default: all)")
	fs.StringVar(&o.archive, "archive", "", "report: check the articles against the name authority `NAMES.nla` too")
	fs.StringVar(&o.config, "config", "", "configuration file for every file (default: for each file, the nearest newslint.toml, as when linting)")
	fs.BoolVar(&o.quiet, "quiet", false, "no summary line and no progress line on standard error")
	fs.BoolVar(&o.verbose, "verbose", false, "say each symbolic link a walk does not follow")
	fs.BoolVar(&o.followLinks, "follow-links", false, "in directory walks, follow symbolic links that lead out of the directories named too")
	fs.Usage = func() {}
	return fs
}

// runArchive runs newslint archive SUBCOMMAND.
func runArchive(args []string, all []*linter.Rule, stdout, stderr io.Writer) int {
	var o archiveOptions
	fs := newArchiveFlags(&o, stderr)
	usage := func(w io.Writer) {
		fmt.Fprint(w, archiveUsage)
		out := fs.Output()
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(out)
	}
	pos, err := parseArgs(fs, args)
	if err == flag.ErrHelp {
		usage(stdout)
		return exitOK
	}
	if err != nil {
		usage(stderr)
		return exitError
	}
	if len(pos) == 0 {
		usage(stderr)
		return exitError
	}
	cmd, pos := pos[0], pos[1:]
	if cmd == "report" {
		return archiveReport(pos, o, fs, all, stdout, stderr) // report.go
	}
	if cmd == "lookup" {
		return archiveLookupArgs(pos, o, stdout, stderr) // lookup.go
	}
	if cmd != "info" && (o.format != "text" || o.top != 20) {
		sayf(stderr, "archive %s: --format and --top are for archive info", cmd)
		return exitError
	}
	if o.archive != "" {
		sayf(stderr, "archive %s: --archive is for archive report", cmd)
		return exitError
	}
	switch cmd {
	case "build":
		if len(pos) == 0 || o.output == "" {
			sayf(stderr, "usage: newslint archive build PATH... -o NAMES.nla (the files and directories to read, and the authority to write)")
			return exitError
		}
		return archiveBuild(pos, "", o, all, stderr)
	case "add":
		if len(pos) < 2 {
			sayf(stderr, "usage: newslint archive add NAMES.nla PATH... (the authority to update, and the new articles)")
			return exitError
		}
		if o.output == "" {
			o.output = pos[0]
		}
		return archiveBuild(pos[1:], pos[0], o, all, stderr)
	case "merge":
		if len(pos) == 0 || o.output == "" {
			sayf(stderr, "usage: newslint archive merge A.nla B.nla... -o NAMES.nla (the authorities to merge, and the one to write)")
			return exitError
		}
		return archiveMerge(pos, o, stderr)
	case "info":
		if len(pos) != 1 {
			sayf(stderr, "usage: newslint archive info [--format text|json] NAMES.nla")
			return exitError
		}
		return archiveInfo(pos[0], o, stdout, stderr)
	case "check":
		if len(pos) == 0 {
			sayf(stderr, "usage: newslint archive check NAMES.nla... (the authorities to read whole and check)")
			return exitError
		}
		return archiveCheck(pos, o, stdout, stderr)
	case "help":
		usage(stdout)
		return exitOK
	}
	sayf(stderr, "archive: unknown subcommand %q (build, add, merge, info, check, lookup or report)", cmd)
	return exitError
}

// archiveBuild builds the authority of the articles at paths, added to
// the authority at base when it is not "", and writes it to o.output.
func archiveBuild(paths []string, base string, o archiveOptions, all []*linter.Rule, stderr io.Writer) int {
	start := time.Now()
	for _, p := range paths {
		if p == "-" {
			sayf(stderr, "archive: articles are read from files and directories, not from standard input")
			return exitError
		}
	}
	set := config.NewSet(newslint.DefaultConfig, all, o.config)
	set.NoArchive() // the authority a configuration names may be the one built
	cfg, err := set.Base()
	if err != nil {
		sayf(stderr, "config: %v", err)
		return exitError
	}
	var known []uint64
	if base != "" {
		if known, err = archive.Fingerprints(base); err != nil {
			sayf(stderr, "%v", err)
			return exitError
		}
	}
	setGC(100, archiveHeapLimit)
	safeio.RemoveTempsOnSignal()
	walk := engine.WalkOptions{FollowLinks: o.followLinks}
	if o.verbose {
		walk.SkippedLink = func(link, target string) {
			sayf(stderr, "symbolic link %s not followed: it leads to %s, outside the directories named (--follow-links follows it)", link, target)
		}
	}
	out, err := safeio.CreateAtomic(o.output)
	if err != nil {
		sayf(stderr, "%s: %v", o.output, err)
		return exitError
	}
	defer out.Abort()
	b := archive.NewBuilder()
	b.TempDir = filepath.Dir(out.Name()) // runs beside the output: the same disk
	b.Known = func(fp uint64) bool {
		_, found := slices.BinarySearch(known, fp)
		return found
	}
	l := &engine.Linter{Rules: all, Config: cfg}
	var prog *progress
	if !o.quiet && isTerminal(stderr) {
		prog = startProgressOf(stderr, 0, "read") // files are read as the walk finds them
		l.Linted = prog.linted
	}
	var (
		mu                  sync.Mutex
		messages            fileMessages
		unreadable, repeats int
		already             int
		addErr              error
	)
	// Files are read as the walk lists them: nothing is kept of a file
	// once it is summed, so that memory does not grow with the archive.
	walkErr := l.AnalyseWalk(paths, func(dir string) (*linter.Config, error) { return set.For(dir) }, walk, func(t engine.Target, f *engine.File, err error) {
		var art *archive.Article
		if err == nil {
			art = archive.Collect(f.Article, f.People)
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil:
			unreadable++
			messages.add(t.Path, err.Error())
		case b.Known(art.Fingerprint()):
			already++
			messages.add(t.Path, "already in "+base+": skipped")
		case addErr == nil:
			added, err := b.Add(art)
			if err != nil {
				addErr = err
			} else if !added {
				repeats++
				if o.verbose {
					messages.add(t.Path, "the same text as another file: counted once")
				}
			}
		}
	})
	if prog != nil {
		prog.end()
	}
	messages.say(stderr)
	if walkErr != nil {
		b.Close()
		sayf(stderr, "config: %v", walkErr)
		return exitError
	}
	if addErr != nil {
		b.Close()
		sayf(stderr, "%s: cannot write a temporary run: %v", o.output, addErr)
		return exitError
	}
	added := b.Added
	var bases []string
	if base != "" {
		bases = append(bases, base)
	}
	w := bufio.NewWriterSize(out, 256<<10)
	err = b.Finish(w, bases...)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = out.Commit()
	}
	var fe *archive.FileError
	switch {
	case errors.As(err, &fe):
		sayf(stderr, "%v", err)
		return exitError
	case err != nil:
		sayf(stderr, "%s: %v", o.output, err)
		return exitError
	}
	if !o.quiet {
		sayBuilt(stderr, o.output, base, added, already, repeats, time.Since(start))
	}
	if unreadable > 0 {
		return exitError
	}
	return exitOK
}

// archiveHeapLimit is the soft memory limit while an authority is built:
// the sums held before a run is written (archive.DefaultSpillBytes,
// estimated) and the models of the files read at once fit well under it.
const archiveHeapLimit = 192 << 20

// fileMessage is a message about one file.
type fileMessage struct{ path, text string }

// fileMessages are the messages about files of a build, said at its end
// in the order of their paths: the first maxFileMessages of them, and how
// many more there were.
type fileMessages struct {
	list []fileMessage
	more int
}

const maxFileMessages = 10_000

func (m *fileMessages) add(path, text string) {
	if len(m.list) == maxFileMessages {
		m.more++
		return
	}
	m.list = append(m.list, fileMessage{path, text})
}

func (m *fileMessages) say(stderr io.Writer) {
	sort.SliceStable(m.list, func(i, j int) bool { return m.list[i].path < m.list[j].path })
	for _, fm := range m.list {
		sayf(stderr, "%s: %s", fm.path, fm.text)
	}
	if m.more > 0 {
		sayf(stderr, "and %s more such messages, not shown", thousandsOf(m.more))
	}
}

// sayBuilt writes the summary line of a build or an update.
func sayBuilt(stderr io.Writer, path, base string, added, already, repeats int, took time.Duration) {
	a, err := archive.Open(path)
	if err != nil {
		sayf(stderr, "%v", err)
		return
	}
	in := a.Info()
	var b strings.Builder
	if base != "" {
		fmt.Fprintf(&b, "%s: %s added", path, count(added, "article"))
		if already > 0 {
			fmt.Fprintf(&b, " (%s already in it)", thousandsOf(already))
		}
		fmt.Fprintf(&b, "; %s in all", count(in.Articles, "article"))
	} else {
		fmt.Fprintf(&b, "%s: %s", path, count(in.Articles, "article"))
	}
	if repeats > 0 {
		fmt.Fprintf(&b, " (%s repeating another's text, counted once)", count(repeats, "file"))
	}
	fmt.Fprintf(&b, ", %s, %s bytes, in %.1f s", count(in.Entities, "entity"), thousandsOf(in.Bytes), took.Seconds())
	sayf(stderr, "%s", b.String())
}

// archiveMerge merges authorities into o.output.
func archiveMerge(paths []string, o archiveOptions, stderr io.Writer) int {
	start := time.Now()
	setGC(100, archiveHeapLimit)
	safeio.RemoveTempsOnSignal()
	out, err := safeio.CreateAtomic(o.output)
	if err != nil {
		sayf(stderr, "%s: %v", o.output, err)
		return exitError
	}
	defer out.Abort()
	w := bufio.NewWriterSize(out, 256<<10)
	err = archive.Merge(w, filepath.Dir(out.Name()), paths...)
	if err == nil {
		err = w.Flush()
	}
	var fe *archive.FileError
	var oe *archive.OverlapError
	switch {
	case errors.As(err, &fe), errors.As(err, &oe):
		sayf(stderr, "%v", err)
		return exitError
	case err != nil:
		sayf(stderr, "%s: %v", o.output, err)
		return exitError
	}
	if err := out.Commit(); err != nil {
		sayf(stderr, "%v", err)
		return exitError
	}
	if !o.quiet {
		a, err := archive.Open(o.output)
		if err != nil {
			sayf(stderr, "%v", err)
			return exitError
		}
		in := a.Info()
		sayf(stderr, "%s: %s merged: %s, %s, %s bytes, in %.1f s", o.output, count(len(paths), "authority"),
			count(in.Articles, "article"), count(in.Entities, "entity"), thousandsOf(in.Bytes), time.Since(start).Seconds())
	}
	return exitOK
}

// infoJSON is what archive info --format json prints.
type infoJSON struct {
	Path          string         `json:"path"`
	Version       int            `json:"version"`
	Bytes         int            `json:"bytes"`
	Articles      int            `json:"articles"`
	DatedArticles int            `json:"datedArticles"`
	FirstDate     string         `json:"firstDate,omitempty"`
	LatestDate    string         `json:"latestDate,omitempty"`
	Entities      map[string]int `json:"entities"`
	Spellings     int            `json:"spellings"`
	Titles        int            `json:"titles"`
	Frames        int            `json:"frames"`
	Top           []entityJSON   `json:"top"`
}

type entityJSON struct {
	Name       string         `json:"name"`
	Kind       string         `json:"kind"`
	Articles   int            `json:"articles"`
	FirstDate  string         `json:"firstDate,omitempty"`
	LatestDate string         `json:"latestDate,omitempty"`
	Male       int            `json:"male,omitempty"`
	Female     int            `json:"female,omitempty"`
	Spellings  []spellingJSON `json:"spellings"`
	Titles     []titleJSON    `json:"titles,omitempty"`
}

type spellingJSON struct {
	Text     string `json:"text"`
	Articles int    `json:"articles"`
}

type titleJSON struct {
	Class      string `json:"class"`
	Text       string `json:"text"`
	Articles   int    `json:"articles"`
	FirstDate  string `json:"firstDate,omitempty"`
	LatestDate string `json:"latestDate,omitempty"`
}

// archiveInfo prints what the authority at path holds.
func archiveInfo(path string, o archiveOptions, stdout, stderr io.Writer) int {
	if o.format != "text" && o.format != "json" {
		sayf(stderr, "--format: archive info writes text or json, not %q", o.format)
		return exitError
	}
	if o.top < 0 {
		sayf(stderr, "--top: want a number from 0")
		return exitError
	}
	a, err := archive.Open(path)
	if err == nil {
		err = a.Check()
	}
	if err != nil {
		sayf(stderr, "%v", err)
		return exitError
	}
	in := a.Info()
	info := infoJSON{Path: path, Version: in.Version, Bytes: in.Bytes, Articles: in.Articles, DatedArticles: in.Dated,
		FirstDate: in.First.String(), LatestDate: in.Latest.String(),
		Entities:  map[string]int{"person": in.Persons, "organisation": in.Organisations, "place": in.Places},
		Spellings: in.Spellings, Titles: in.Titles, Frames: in.Frames, Top: []entityJSON{}}
	top, err := topEntities(a, o.top)
	if err != nil {
		sayf(stderr, "%v", err)
		return exitError
	}
	for _, h := range top {
		e, err := a.Entity(h)
		if err != nil {
			sayf(stderr, "%v", err)
			return exitError
		}
		info.Top = append(info.Top, entityRecord(&e))
	}
	if err := writeReport(stdout, o.format == "json", info, func(w *bufio.Writer) { writeInfo(w, &info) }); err != nil {
		sayf(stderr, "writing output: %v", err)
		return exitError
	}
	return exitOK
}

// writeReport writes v to out as indented JSON (HTML characters as they
// are), or as text by text, buffered.
func writeReport(out io.Writer, asJSON bool, v any, text func(w *bufio.Writer)) error {
	w := bufio.NewWriter(out)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
	} else {
		text(w)
	}
	return w.Flush()
}

// archiveCheck reads each authority at paths whole and checks it: every
// chunk against its checksum, every record (archive.Check). Exit status 2
// when one cannot be read or is damaged, after checking the others.
func archiveCheck(paths []string, o archiveOptions, stdout, stderr io.Writer) int {
	code := exitOK
	for _, path := range paths {
		a, err := archive.Open(path)
		if err == nil {
			err = a.Check()
			in := a.Info()
			a.Close()
			if err == nil {
				if !o.quiet {
					fmt.Fprintf(stdout, "%s: sound: %s bytes, every checksum and record checked (%s, %s)\n", path, thousandsOf(in.Bytes),
						count(in.Articles, "article"), count(in.Entities, "entity"))
				}
				continue
			}
		}
		sayf(stderr, "%v", err)
		code = exitError
	}
	return code
}

// topEntities returns the n entities named in most articles (ties in the
// authority's order).
func topEntities(a *archive.Authority, n int) ([]archive.Handle, error) {
	type ranked struct {
		h        archive.Handle
		articles int
	}
	var top []ranked
	if n == 0 {
		return nil, nil
	}
	err := a.Each(func(h archive.Handle, s archive.Summary) bool {
		if len(top) == n && s.Articles <= top[n-1].articles {
			return true
		}
		k := sort.Search(len(top), func(i int) bool { return top[i].articles < s.Articles })
		if len(top) < n {
			top = append(top, ranked{})
		}
		copy(top[k+1:], top[k:])
		top[k] = ranked{h, s.Articles}
		return true
	})
	hs := make([]archive.Handle, len(top))
	for i, r := range top {
		hs[i] = r.h
	}
	return hs, err
}

func writeInfo(w io.Writer, in *infoJSON) {
	fmt.Fprintf(w, "%s: newslint name authority, version %d, %s bytes\n", in.Path, in.Version, thousandsOf(in.Bytes))
	fmt.Fprintf(w, "articles: %s", thousandsOf(in.Articles))
	if in.DatedArticles > 0 {
		fmt.Fprintf(w, " (%s dated, %s to %s)", thousandsOf(in.DatedArticles), in.FirstDate, in.LatestDate)
	} else {
		fmt.Fprint(w, " (none dated)")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "entities: %s persons, %s organisations, %s places; %s spellings, %s titles, %s frames\n",
		thousandsOf(in.Entities["person"]), thousandsOf(in.Entities["organisation"]), thousandsOf(in.Entities["place"]),
		thousandsOf(in.Spellings), thousandsOf(in.Titles), thousandsOf(in.Frames))
	if len(in.Top) == 0 {
		return
	}
	fmt.Fprintln(w, "named in most articles:")
	for _, e := range in.Top {
		fmt.Fprintf(w, "  %s (%s): %s", e.Name, e.Kind, count(e.Articles, "article"))
		if e.FirstDate != "" {
			fmt.Fprintf(w, ", %s to %s", e.FirstDate, e.LatestDate)
		}
		var spell []string
		for _, s := range e.Spellings {
			spell = append(spell, fmt.Sprintf("“%s” %s", s.Text, thousandsOf(s.Articles)))
		}
		fmt.Fprintf(w, "; %s", strings.Join(spell, ", "))
		if len(e.Titles) > 0 {
			var titles []string
			for _, t := range e.Titles {
				titles = append(titles, fmt.Sprintf("%s %s", t.Text, thousandsOf(t.Articles)))
			}
			fmt.Fprintf(w, "; titles: %s", strings.Join(titles, ", "))
		}
		fmt.Fprintln(w)
	}
}

// count is "1 article", "2,419 articles" ("entity": "entities").
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	switch {
	case strings.HasSuffix(noun, "y"):
		noun = noun[:len(noun)-1] + "ies"
	default:
		noun += "s"
	}
	return thousandsOf(n) + " " + noun
}

// thousandsOf writes n with commas between groups of three digits.
func thousandsOf(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousandsOf(-n)
	}
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
