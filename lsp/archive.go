package lsp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/internal/safeio"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/people"
)

// archiveStamp is a name authority's file as it was when its
// configuration was loaded: its path, and its size and modification time
// (exists false when it could not be read).
type archiveStamp struct {
	path   string
	exists bool
	size   int64
	mtime  time.Time
}

// stampOf stats the authority at path ("" for none).
func stampOf(path string) archiveStamp {
	st := archiveStamp{path: path}
	if path == "" {
		return st
	}
	if fi, err := os.Stat(path); err == nil {
		st.exists, st.size, st.mtime = true, fi.Size(), fi.ModTime()
	}
	return st
}

// changed reports whether the authority's file is no longer what it was
// (one stat: cheap enough for every lint).
func (st archiveStamp) changed() bool {
	return st.path != "" && stampOf(st.path) != st
}

// loadLocked loads the configuration at cfgPath ("" for the defaults) and
// opens the name authority it names, remembering that file's size and
// time, so that a new build of it is read at the next lint.
func (c *configs) loadLocked(cfgPath string) (*linter.Config, error) {
	cfg, err := config.LoadFile(c.defaults, cfgPath, c.rules)
	if err != nil {
		delete(c.archives, cfgPath)
		return nil, err
	}
	c.archives[cfgPath] = stampOf(cfg.ArchivePath)
	if cfg.ArchivePath == "" {
		return cfg, nil
	}
	a, err := readAuthority(cfg.ArchivePath)
	if err != nil {
		file := cfgPath
		if file == "" {
			file = "(configuration)"
		}
		return nil, &config.Error{File: file, Key: "archive.path", Msg: err.Error()}
	}
	cfg.Archive = a
	return cfg, nil
}

// readAuthority reads the authority at path into memory and checks it
// whole (every chunk against its checksum, every record: archive.Check),
// once, when the configuration naming it is loaded: the server runs for
// hours, and a damaged authority is better a configuration error at once
// than an error at some hover. Not archive.Open, which reads chunks from
// the file as look-ups need them: the server replaces an authority when
// its file changes while lints and hovers may still read the old one, and
// memory the collector owns is released when the last of them is done.
func readAuthority(path string) (*archive.Authority, error) {
	data, err := safeio.ReadFile(path, archive.MaxOpenBytes)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &archive.FileError{Name: path, Err: err}
	}
	a, err := archive.Parse(path, data)
	if err == nil {
		err = a.Check()
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// hoverArchiveMax bounds the archive's part of a hover, in bytes.
const hoverArchiveMax = 600

// archiveEvidence is what the name authority holds of an entity of the
// article, for a hover: “In this newsroom's archive: “Jerome Powell” in
// 312 articles, 2019-02-01 to 2026-05-30; titles: Chair (280), Governor
// (30); he in 120”; "" when it does not know it.
func archiveEvidence(auth *archive.Authority, e *people.Entity) string {
	if auth == nil {
		return ""
	}
	kind := archive.Person
	switch e.Kind {
	case people.KindOrganisation:
		kind = archive.Organisation
	case people.KindPlace:
		kind = archive.Place
	}
	h, ok, err := auth.Lookup(strings.TrimSpace(e.Name), kind)
	if err != nil {
		return article.Clip("In this newsroom's archive: cannot be read: "+err.Error(), hoverArchiveMax-len("…"))
	}
	if !ok {
		return ""
	}
	ae, err := auth.Entity(h)
	if err != nil {
		return article.Clip("In this newsroom's archive: cannot be read: "+err.Error(), hoverArchiveMax-len("…"))
	}
	name, best := ae.Name, 0
	for _, s := range ae.Spellings {
		if s.Articles > best || s.Articles == best && strings.Count(s.Text, " ") > strings.Count(name, " ") {
			name, best = s.Text, s.Articles
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "In this newsroom's archive: “%s” in %d article%s", article.Clip(name, 80-len("…")), ae.Articles, plural(ae.Articles))
	if ae.First != 0 {
		fmt.Fprintf(&b, ", %s to %s", ae.First, ae.Latest)
	}
	var others list
	for _, s := range ae.Spellings {
		if s.Text != name && strings.Count(s.Text, " ") > 0 {
			others.add(fmt.Sprintf("“%s” (%d)", article.Clip(s.Text, 60-len("…")), s.Articles))
		}
	}
	if others.n > 0 {
		fmt.Fprintf(&b, "; also written %s", others.joinAt(", ", 4))
	}
	titles := slices.Clone(ae.Titles)
	sort.SliceStable(titles, func(i, j int) bool { return titles[i].Articles > titles[j].Articles })
	var ts list
	for _, t := range titles {
		ts.add(fmt.Sprintf("%s (%d)", article.Clip(t.Text, 40-len("…")), t.Articles))
	}
	if ts.n > 0 {
		fmt.Fprintf(&b, "; titles: %s", ts.joinAt(", ", 5))
	}
	if ae.Male > 0 {
		fmt.Fprintf(&b, "; he in %d", ae.Male)
	}
	if ae.Female > 0 {
		fmt.Fprintf(&b, "; she in %d", ae.Female)
	}
	return article.Clip(b.String(), hoverArchiveMax-len("…"))
}

// joinAt joins at most n items and counts the rest.
func (l *list) joinAt(sep string, n int) string {
	items := l.items[:min(n, len(l.items))]
	s := strings.Join(items, sep)
	if more := l.n - len(items); more > 0 {
		s += fmt.Sprintf("%s… and %d more", sep, more)
	}
	return s
}
