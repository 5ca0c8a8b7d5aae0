package inspect

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/archive"
)

// ArchiveRecord is what the newsroom's name authority holds of an entity
// of the article (newslint inspect --archive, or [archive] path): the
// entity of the same full name and kind.
type ArchiveRecord struct {
	// Name is the authority's key for it (folded); Articles the articles
	// that name it, FirstDate and LatestDate the first and latest of
	// them that have a date.
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Articles   int    `json:"articles"`
	FirstDate  string `json:"firstDate,omitempty"`
	LatestDate string `json:"latestDate,omitempty"`
	// Spellings and Titles as the archive writes them, most used first,
	// each with its number of articles.
	Spellings []ArchiveCount `json:"spellings"`
	Titles    []ArchiveCount `json:"titles,omitempty"`
	// Male and Female are the articles in which the person was taken for
	// a man, for a woman.
	Male   int `json:"male,omitempty"`
	Female int `json:"female,omitempty"`
}

// ArchiveCount is a spelling or a title and the articles that use it
// (a title with the first and latest dates it was used).
type ArchiveCount struct {
	Text       string `json:"text"`
	Articles   int    `json:"articles"`
	FirstDate  string `json:"firstDate,omitempty"`
	LatestDate string `json:"latestDate,omitempty"`
}

// AddArchive fills each entity's Archive with what the authority holds of
// it: the entity of its full name (folded) and its kind (a name of
// unknown kind is looked up as a person). An error is the authority's,
// which cannot be read (it names the file).
func AddArchive(rep *Report, auth *archive.Authority) error {
	if auth == nil {
		return nil
	}
	for i := range rep.Entities {
		e := &rep.Entities[i]
		kind := archive.Person
		switch e.Kind {
		case "organisation":
			kind = archive.Organisation
		case "place":
			kind = archive.Place
		}
		h, ok, err := auth.Lookup(e.Name, kind)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		ae, err := auth.Entity(h)
		if err != nil {
			return err
		}
		e.Archive = archiveRecord(&ae)
	}
	return nil
}

func archiveRecord(e *archive.Entity) *ArchiveRecord {
	r := &ArchiveRecord{Name: e.Name, Kind: e.Kind.String(), Articles: e.Articles, FirstDate: e.First.String(),
		LatestDate: e.Latest.String(), Male: e.Male, Female: e.Female, Spellings: []ArchiveCount{}}
	spell := slices.Clone(e.Spellings)
	sort.SliceStable(spell, func(i, j int) bool { return spell[i].Articles > spell[j].Articles })
	for _, s := range spell {
		r.Spellings = append(r.Spellings, ArchiveCount{Text: s.Text, Articles: s.Articles})
	}
	titles := slices.Clone(e.Titles)
	sort.SliceStable(titles, func(i, j int) bool { return titles[i].Articles > titles[j].Articles })
	for _, t := range titles {
		r.Titles = append(r.Titles, ArchiveCount{Text: t.Text, Articles: t.Articles, FirstDate: t.First.String(), LatestDate: t.Latest.String()})
	}
	return r
}

// text is the record on one line, as newslint inspect prints it.
func (r *ArchiveRecord) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "in the archive: %d article%s", r.Articles, plural(r.Articles))
	if r.FirstDate != "" {
		fmt.Fprintf(&b, ", %s to %s", r.FirstDate, r.LatestDate)
	}
	var parts []string
	for _, s := range r.Spellings {
		parts = append(parts, fmt.Sprintf("“%s” %d", s.Text, s.Articles))
	}
	fmt.Fprintf(&b, "; %s", strings.Join(parts, ", "))
	if len(r.Titles) > 0 {
		parts = parts[:0]
		for _, t := range r.Titles {
			parts = append(parts, fmt.Sprintf("%s %d", t.Text, t.Articles))
		}
		fmt.Fprintf(&b, "; titles: %s", strings.Join(parts, ", "))
	}
	if r.Male > 0 || r.Female > 0 {
		fmt.Fprintf(&b, "; he in %d, she in %d", r.Male, r.Female)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
