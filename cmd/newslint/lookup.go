package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/archive"
)

// lookupJSON is what archive lookup --format json prints.
type lookupJSON struct {
	Path  string       `json:"path"`
	Names []lookupName `json:"names"`
}

// lookupName is one name asked for, and the entities the authority holds
// under it (none when it does not know it).
type lookupName struct {
	Query    string         `json:"query"`
	Entities []lookupEntity `json:"entities"`
}

type lookupEntity struct {
	entityJSON
	// Frames are the surnames written under the person's given names and
	// the classes of its titles (an organisation's frames are not listed:
	// the authority is not indexed by person).
	Frames []frameJSON `json:"frames,omitempty"`
}

type frameJSON struct {
	Kind       string `json:"kind"`
	Frame      string `json:"frame"`
	Surname    string `json:"surname"`
	Articles   int    `json:"articles"`
	LatestDate string `json:"latestDate,omitempty"`
}

// archiveLookupArgs runs newslint archive lookup NAMES.nla NAME...
func archiveLookupArgs(pos []string, o archiveOptions, stdout, stderr io.Writer) int {
	if len(pos) < 2 || o.top != 20 || o.archive != "" || o.output != "" {
		sayf(stderr, "usage: newslint archive lookup [--format text|json] NAMES.nla NAME... (the authority, and the names to look up)")
		return exitError
	}
	return archiveLookup(pos[0], pos[1:], o, stdout, stderr)
}

// archiveLookup prints the record of each name in the authority at path:
// its spellings, titles, gender counts and frames. Exit status 1 when
// some name is not in it.
func archiveLookup(path string, names []string, o archiveOptions, stdout, stderr io.Writer) int {
	if o.format != "text" && o.format != "json" {
		sayf(stderr, "--format: archive lookup writes text or json, not %q", o.format)
		return exitError
	}
	a, err := archive.Open(path)
	if err != nil {
		sayf(stderr, "%v", err)
		return exitError
	}
	out := lookupJSON{Path: path, Names: []lookupName{}}
	code := exitOK
	for _, name := range names {
		ln := lookupName{Query: name, Entities: []lookupEntity{}}
		var readErr error
		err := a.Find(name, func(h archive.Handle, _ archive.Kind) bool {
			var e archive.Entity
			if e, readErr = a.Entity(h); readErr != nil {
				return false
			}
			var frames []frameJSON
			if frames, readErr = entityFrames(a, h, &e); readErr != nil {
				return false
			}
			ln.Entities = append(ln.Entities, lookupEntity{entityJSON: entityRecord(&e), Frames: frames})
			return true
		})
		if err == nil {
			err = readErr
		}
		if err != nil {
			sayf(stderr, "%v", err)
			return exitError
		}
		if len(ln.Entities) == 0 {
			code = exitFindings
		}
		out.Names = append(out.Names, ln)
	}
	if err := writeReport(stdout, o.format == "json", out, func(w *bufio.Writer) { writeLookup(w, &out) }); err != nil {
		sayf(stderr, "writing output: %v", err)
		return exitError
	}
	return code
}

// entityRecord is an entity as info and lookup print it: spellings and
// titles, most used first.
func entityRecord(e *archive.Entity) entityJSON {
	ej := entityJSON{Name: e.Name, Kind: e.Kind.String(), Articles: e.Articles, FirstDate: e.First.String(),
		LatestDate: e.Latest.String(), Male: e.Male, Female: e.Female, Spellings: []spellingJSON{}}
	spell := slices.Clone(e.Spellings)
	sort.SliceStable(spell, func(i, j int) bool { return spell[i].Articles > spell[j].Articles })
	for _, s := range spell {
		ej.Spellings = append(ej.Spellings, spellingJSON{s.Text, s.Articles})
	}
	titles := slices.Clone(e.Titles)
	sort.SliceStable(titles, func(i, j int) bool { return titles[i].Articles > titles[j].Articles })
	for _, t := range titles {
		ej.Titles = append(ej.Titles, titleJSON{t.Class, t.Text, t.Articles, t.First.String(), t.Latest.String()})
	}
	return ej
}

// entityFrames lists a person's frames: under each given name of its
// full spellings and each class of its titles, the surnames written for
// it.
func entityFrames(a *archive.Authority, h archive.Handle, e *archive.Entity) ([]frameJSON, error) {
	if e.Kind != archive.Person {
		return nil, nil
	}
	var out []frameJSON
	var err error
	seen := map[[2]string]bool{}
	each := func(kind archive.FrameKind, frame string) {
		if seen[[2]string{string(kind), frame}] || err != nil {
			return
		}
		seen[[2]string{string(kind), frame}] = true
		err = a.Frame(kind, frame, func(fe archive.FrameEntry) bool {
			if fe.Entity == h {
				out = append(out, frameJSON{Kind: kind.String(), Frame: frame, Surname: fe.Surname, Articles: fe.Articles, LatestDate: fe.Latest.String()})
			}
			return true
		})
	}
	for _, s := range e.Spellings {
		if given, _, ok := strings.Cut(s.Text, " "); ok {
			each(archive.FrameGiven, archive.Fold(given))
		}
	}
	for _, t := range e.Titles {
		each(archive.FrameTitle, t.Class)
	}
	return out, err
}

func writeLookup(w io.Writer, out *lookupJSON) {
	for _, n := range out.Names {
		if len(n.Entities) == 0 {
			fmt.Fprintf(w, "%s: not in %s\n", n.Query, out.Path)
			continue
		}
		for _, e := range n.Entities {
			fmt.Fprintf(w, "%s (%s): %s", e.Name, e.Kind, count(e.Articles, "article"))
			if e.FirstDate != "" {
				fmt.Fprintf(w, ", %s to %s", e.FirstDate, e.LatestDate)
			}
			fmt.Fprintln(w)
			var spell []string
			for _, s := range e.Spellings {
				spell = append(spell, fmt.Sprintf("“%s” %s", s.Text, thousandsOf(s.Articles)))
			}
			fmt.Fprintf(w, "  spellings: %s\n", strings.Join(spell, ", "))
			if len(e.Titles) > 0 {
				var titles []string
				for _, t := range e.Titles {
					s := fmt.Sprintf("%s (%s) %s", t.Text, t.Class, thousandsOf(t.Articles))
					if t.FirstDate != "" {
						s += fmt.Sprintf(", %s to %s", t.FirstDate, t.LatestDate)
					}
					titles = append(titles, s)
				}
				fmt.Fprintf(w, "  titles: %s\n", strings.Join(titles, "; "))
			}
			if e.Male > 0 || e.Female > 0 {
				fmt.Fprintf(w, "  gender: male in %s, female in %s\n", count(e.Male, "article"), count(e.Female, "article"))
			}
			for _, f := range e.Frames {
				fmt.Fprintf(w, "  frame: %s %q → %q in %s", f.Kind, f.Frame, f.Surname, count(f.Articles, "article"))
				if f.LatestDate != "" {
					fmt.Fprintf(w, ", latest %s", f.LatestDate)
				}
				fmt.Fprintln(w)
			}
		}
	}
}
