package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frameEntries lists what Frame gives, as "surname articles latest".
func frameEntries(t *testing.T, a *Authority, kind FrameKind, frame string) []string {
	t.Helper()
	var out []string
	require.NoError(t, a.Frame(kind, frame, func(e FrameEntry) bool {
		out = append(out, e.Surname+" "+itoa(e.Articles)+" "+e.Latest.String())
		return true
	}))
	return out
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func lookup(t *testing.T, a *Authority, name string, kind Kind) Entity {
	t.Helper()
	h, ok, err := a.Lookup(name, kind)
	require.NoError(t, err)
	require.True(t, ok, "%s (%s) is in the authority", name, kind)
	e, err := a.Entity(h)
	require.NoError(t, err)
	return e
}

// The authority of the test articles holds what they say, counted in
// articles. The expectations are read off the articles in
// testdata/archive (see each comment).
func TestBuildHoldsWhatTheArticlesSay(t *testing.T) {
	a, err := Parse("names.nla", build(t, testFiles(t), 0))
	require.NoError(t, err)
	require.NoError(t, a.Check())

	in := a.Info()
	// Twelve files, one of which (10-copy.txt) repeats 04-barra.txt.
	assert.Equal(t, 11, in.Articles)
	// Dated: 01 (front matter), 02 (quoted timestamp), 03 (meta
	// property), 05 (<time>), 06, 09 (TOML), 11 (meta name).
	assert.Equal(t, 7, in.Dated)
	assert.Equal(t, "2025-06-01", in.First.String())
	assert.Equal(t, "2026-05-30", in.Latest.String())
	assert.Equal(t, Version, in.Version)
	assert.Equal(t, in.Persons+in.Organisations+in.Places, in.Entities)

	// Jerome Powell: 01 (“Chair Jerome Powell”, “Mr. Powell”), 05 (“Chair
	// Jerome Powell”) and 07 (“Jerome Powell”, no title, no date); 08
	// misspells him “Powel”.
	powell := lookup(t, a, "Jerome Powell", Person)
	assert.Equal(t, "jerome powell", powell.Name)
	assert.Equal(t, 3, powell.Articles)
	assert.Equal(t, "2026-03-18", powell.First.String())
	assert.Equal(t, "2026-05-30", powell.Latest.String())
	assert.Equal(t, 1, powell.Male, "“Mr. Powell” in 01")
	assert.Equal(t, 0, powell.Female)
	assert.ElementsMatch(t, []Spelling{{"Powell", 3}, {"Jerome Powell", 3}}, powell.Spellings)
	assert.Equal(t, []Title{{Class: "chair", Text: "Chair", Articles: 2, First: ParseDay("2026-03-18"), Latest: ParseDay("2026-05-30")}}, powell.Titles)

	assert.Equal(t, []string{"powel 1 ", "powell 3 2026-05-30"}, frameEntries(t, a, FrameGiven, "Jerome"))
	assert.Equal(t, []string{"powel 1 ", "powell 2 2026-05-30"}, frameEntries(t, a, FrameTitle, "chair"))
	assert.Equal(t, []string{"powel 1 ", "powell 2 2026-05-30"}, frameEntries(t, a, FrameOrganisation, "Federal Reserve"))
	assert.Equal(t, []string{"barra 2 2026-02-14"}, frameEntries(t, a, FrameOrganisation, "gm"), "“GM's chief executive Mary Barra”")
	assert.Empty(t, frameEntries(t, a, FrameGiven, "Barack"))
	assert.Empty(t, frameEntries(t, a, FrameTitle, "jerome"), "a given name is no title")
	var h Handle
	require.NoError(t, a.Frame(FrameGiven, "jerome", func(e FrameEntry) bool {
		h = e.Entity
		return e.Surname != "powell"
	}))
	e, err := a.Entity(h)
	require.NoError(t, err)
	assert.Equal(t, "jerome powell", e.Name, "a frame entry's entity is its person")

	// Ana Lind: Prime Minister in 02 and 03 (2026), Foreign Minister in
	// 06 (2025).
	lind := lookup(t, a, "ana lind", Person)
	assert.Equal(t, 3, lind.Articles)
	assert.Equal(t, []Title{
		{Class: "minister", Text: "Foreign Minister", Articles: 1, First: ParseDay("2025-06-01"), Latest: ParseDay("2025-06-01")},
		{Class: "prime-minister", Text: "Prime Minister", Articles: 2, First: ParseDay("2026-01-10"), Latest: ParseDay("2026-04-02")},
	}, lind.Titles)

	// Mary Barra: 04 (undated) and 09 (2026-02-14, “Ms. Barra”); 10 is
	// 04 again, counted once.
	barra := lookup(t, a, "Mary Barra", Person)
	assert.Equal(t, 2, barra.Articles)
	assert.Equal(t, 1, barra.Female)
	assert.Equal(t, "2026-02-14", barra.First.String())
	require.Len(t, barra.Titles, 1)
	assert.Equal(t, "GM's chief executive", barra.Titles[0].Text)
	assert.Equal(t, 2, barra.Titles[0].Articles)

	fed := lookup(t, a, "FEDERAL RESERVE", Organisation)
	assert.Equal(t, 3, fed.Articles, "01, 05, 08")
	assert.Equal(t, []Spelling{{"Federal Reserve", 3}}, fed.Spellings)
	oslo := lookup(t, a, "Oslo", Place)
	assert.Equal(t, []Spelling{{"Oslo", 1}}, oslo.Spellings)

	// Accents and case are folded in look-ups, and kept in spellings.
	erdogan := lookup(t, a, "Recep Tayyip Erdoğan", Person)
	assert.Equal(t, "recep tayyip erdogan", erdogan.Name)
	assert.Contains(t, erdogan.Spellings, Spelling{"Erdoğan", 1})
	_, ok, err := a.Lookup("RECEP TAYYIP ERDOGAN", Person)
	require.NoError(t, err)
	assert.True(t, ok)

	// A name in a headline only is not read: 08's “Fed chair speaks in
	// Chicago” (its dateline, “CHICAGO”, is no name either).
	_, ok, err = a.Lookup("Chicago", Place)
	require.NoError(t, err)
	assert.False(t, ok)
	_, ok, err = a.Lookup("Jerome Powell", Organisation)
	require.NoError(t, err)
	assert.False(t, ok)
	n := 0
	require.NoError(t, a.Find("jerome powell", func(Handle, Kind) bool { n++; return true }))
	assert.Equal(t, 1, n)

	data, err := os.ReadFile("testdata/archive/04-barra.txt")
	require.NoError(t, err)
	ok, err = a.HasArticle(Fingerprint(data))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = a.HasArticle(Fingerprint(append(data, ' ')))
	require.NoError(t, err)
	assert.False(t, ok)
}

// Looking up allocates nothing: no map is built when the authority is
// opened, and a frame's surnames are views of its bytes.
func TestLookupsDoNotAllocate(t *testing.T) {
	a, err := Parse("names.nla", build(t, testFiles(t), 0))
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() {
		n := 0
		a.Frame(FrameGiven, "jerome", func(e FrameEntry) bool { n += e.Articles; return true })
		a.Frame(FrameOrganisation, "federal reserve", func(e FrameEntry) bool { n += e.Articles; return true })
		a.Find("jerome powell", func(Handle, Kind) bool { n++; return true })
		a.Each(func(_ Handle, s Summary) bool { n += s.Articles; return true })
		if ok, _ := a.HasArticle(1); n == 0 || !ok && n < 0 {
			panic("nothing found")
		}
	})
	assert.Zero(t, allocs)
}

// splitFiles are the test articles but the copy of another (two shards
// holding one article each could not be merged).
func splitFiles(t *testing.T) []string {
	var out []string
	for _, p := range testFiles(t) {
		if !strings.Contains(p, "copy") {
			out = append(out, p)
		}
	}
	return out
}

// Building shards and merging them gives the authority built from the
// whole, byte for byte, whatever the split, the order and the grouping
// of the merges.
func TestShardsMergedAreTheWhole(t *testing.T) {
	files := splitFiles(t)
	whole := build(t, files, 0)
	dir := t.TempDir()
	shardFile := func(name string, paths []string) string {
		return writeTemp(t, dir, name, build(t, paths, 0))
	}
	merge := func(paths ...string) []byte {
		var buf bytes.Buffer
		require.NoError(t, Merge(&buf, dir, paths...))
		return buf.Bytes()
	}
	splits := map[string][][]string{
		"halves":    {files[:len(files)/2], files[len(files)/2:]},
		"odd-even":  {everyOther(files, 0), everyOther(files, 1)},
		"thirds":    {files[:3], files[3:7], files[7:]},
		"unequal":   {files[:1], files[1:]},
		"one-empty": {nil, files},
	}
	var singles [][]string
	for _, f := range files {
		singles = append(singles, []string{f})
	}
	splits["singles"] = singles // more shards than MergeFanIn
	require.Greater(t, len(singles), MergeFanIn)
	for name, split := range splits {
		var shards []string
		for i, paths := range split {
			shards = append(shards, shardFile(name+itoa(i)+".nla", paths))
		}
		assert.True(t, bytes.Equal(whole, merge(shards...)), "%s: merged in order", name)
		rev := make([]string, len(shards))
		for i, s := range shards {
			rev[len(shards)-1-i] = s
		}
		assert.True(t, bytes.Equal(whole, merge(rev...)), "%s: merged in reverse", name)
		// ((1 2) 3 …): a merge of a merge.
		if len(shards) >= 3 {
			first := writeTemp(t, dir, name+"-first.nla", merge(shards[1], shards[0]))
			assert.True(t, bytes.Equal(whole, merge(append([]string{first}, shards[2:]...)...)), "%s: merged in groups", name)
		}
	}
	// One authority merged alone is itself.
	only := shardFile("whole.nla", files)
	assert.True(t, bytes.Equal(whole, merge(only)))
}

func everyOther(l []string, from int) []string {
	var out []string
	for i := from; i < len(l); i += 2 {
		out = append(out, l[i])
	}
	return out
}

// However little memory the sums may take, the authority is the same: a
// run is written each time the sums pass it, and the runs are merged.
func TestSpillingGivesTheSameBytes(t *testing.T) {
	files := testFiles(t)
	whole := build(t, files, 0)
	b := NewBuilder()
	b.SpillBytes = 1
	b.TempDir = t.TempDir()
	for _, p := range files {
		_, err := b.Add(collectFile(t, p))
		require.NoError(t, err)
	}
	assert.Equal(t, 11, b.Runs(), "a run for each article (the copy is skipped)")
	assert.Equal(t, 1, b.Skipped)
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf))
	assert.True(t, bytes.Equal(whole, buf.Bytes()))
	left, err := os.ReadDir(b.TempDir)
	require.NoError(t, err)
	assert.Empty(t, left, "the runs are removed")
}

// An update adds the new articles to an authority, skipping those it
// holds: the result is the authority of all of them.
func TestAddSkipsArticlesItHolds(t *testing.T) {
	files := testFiles(t)
	dir := t.TempDir()
	base := writeTemp(t, dir, "base.nla", build(t, files[:6], 0))
	known, err := Fingerprints(base)
	require.NoError(t, err)
	assert.Len(t, known, 6)
	b := NewBuilder()
	b.TempDir = dir
	b.Known = func(fp uint64) bool {
		for _, k := range known {
			if k == fp {
				return true
			}
		}
		return false
	}
	for _, p := range files {
		_, err := b.Add(collectFile(t, p))
		require.NoError(t, err)
	}
	assert.Equal(t, 7, b.Skipped, "six held already, and the copy")
	var buf bytes.Buffer
	require.NoError(t, b.Finish(&buf, base))
	assert.True(t, bytes.Equal(build(t, files, 0), buf.Bytes()))
}

// Authorities that hold one article both are not merged: it would count
// twice. The error names both and how many they share.
func TestMergeRefusesSharedArticles(t *testing.T) {
	dir := t.TempDir()
	a := writeTemp(t, dir, "a.nla", build(t, []string{"testdata/archive/01-rates.md", "testdata/archive/04-barra.txt"}, 0))
	b := writeTemp(t, dir, "b.nla", build(t, []string{"testdata/archive/05-powell.html"}, 0))
	c := writeTemp(t, dir, "c.nla", build(t, []string{"testdata/archive/10-copy.txt", "testdata/archive/01-rates.md", "testdata/archive/06-lind-fm.md"}, 0))
	var buf bytes.Buffer
	err := Merge(&buf, dir, a, b, c)
	var oe *OverlapError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, OverlapError{A: a, B: c, Articles: 2}, *oe)
	assert.Contains(t, err.Error(), a+" and "+c+" share 2 articles")
	assert.Zero(t, buf.Len(), "nothing is written")
	require.NoError(t, Merge(&buf, dir, a, b))
}

// A file that is not an authority as this newslint writes it is a clear
// error naming it, from every reader: never a crash, never ignored. What
// Open checks (the header, footer and table of checksums) fails Open; a
// chunk of records that does not match its checksum fails the look-ups
// that read it, Verify and Check, and a merge (which checks every chunk
// first).
func TestBadAuthorities(t *testing.T) {
	good := build(t, testFiles(t), 0)
	dir := t.TempDir()
	version := func(v uint32) []byte {
		b := append([]byte(nil), good...)
		binary.LittleEndian.PutUint32(b[8:], v)
		return b
	}
	// A byte of a chunk of records that Open does not read (the test
	// articles' authority is one chunk, the summary's, read when opened).
	var synth bytes.Buffer
	require.NoError(t, WriteSynthetic(&synth, 2000, 5))
	flipped := synth.Bytes()
	flipped[headerSize+5] ^= 0x20
	cases := []struct {
		name string
		data []byte
		want error
		msg  string
		// lazy: Open succeeds, and the error comes when the chunk is
		// read.
		lazy bool
	}{
		{name: "empty.nla", data: nil, want: ErrNotAuthority, msg: "not a newslint name authority"},
		{name: "text.nla", data: []byte("Jerome Powell, Powell\n"), want: ErrNotAuthority, msg: "not a newslint name authority"},
		{name: "magic-cut.nla", data: good[:5], want: ErrTruncated, msg: "truncated"},
		{name: "header-cut.nla", data: good[:10], want: ErrTruncated, msg: "truncated"},
		{name: "short.nla", data: good[:40], want: ErrTruncated, msg: "truncated"},
		{name: "half.nla", data: good[:len(good)/2], want: ErrTruncated, msg: "truncated"},
		{name: "last-byte.nla", data: good[:len(good)-1], want: ErrTruncated, msg: "truncated"},
		{name: "appended.nla", data: append(append([]byte(nil), good...), "more"...), want: ErrTruncated, msg: "something added after its end"},
		{name: "flipped.nla", data: flipped, want: ErrDamaged, msg: "do not match their checksum", lazy: true},
		{name: "v3.nla", data: version(3), msg: "version 3; this newslint reads version 2"},
		{name: "v1.nla", data: version(1), msg: "version 1; this newslint reads version 2 (build the authority again"},
	}
	for _, c := range cases {
		path := writeTemp(t, dir, c.name, c.data)
		check := func(how string, err error) {
			require.Error(t, err, "%s: %s", c.name, how)
			var fe *FileError
			require.ErrorAs(t, err, &fe, "%s: %s", c.name, how)
			assert.True(t, strings.HasPrefix(err.Error(), path+": ") || strings.HasPrefix(err.Error(), c.name+": "), "%s: %s names the file: %v", c.name, how, err)
			assert.Contains(t, err.Error(), c.msg, "%s: %s", c.name, how)
			if c.want != nil {
				assert.ErrorIs(t, err, c.want, "%s: %s", c.name, how)
			} else {
				var ve *VersionError
				assert.ErrorAs(t, err, &ve)
			}
		}
		a, err := Parse(c.name, c.data)
		if c.lazy {
			require.NoError(t, err, c.name)
			check("Parse, then a look-up", exercise(t, a))
			check("Parse, then Verify", a.Verify())
			check("Parse, then Check", a.Check())
			a, err = Open(path)
			require.NoError(t, err, c.name)
			check("Open, then a look-up", exercise(t, a))
			require.NoError(t, a.Close())
		} else {
			check("Parse", err)
			_, err = Open(path)
			check("Open", err)
		}
		err = Merge(&bytes.Buffer{}, dir, path)
		check("Merge", err)
		_, err = Fingerprints(path)
		check("Fingerprints", err)
	}
	_, err := Open(filepath.Join(dir, "missing.nla"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.nla: ")
	// A directory, or a FIFO, is no authority, and nothing waits.
	_, err = Open(dir)
	assert.Error(t, err)
	err = Merge(&bytes.Buffer{}, dir, dir)
	assert.Error(t, err)
}

// withChecksum gives data the checksums of its bytes (each chunk's, and
// the footer's), so that what a faulty writer could write reaches the
// decoders.
func withChecksum(data []byte) []byte {
	if len(data) < headerSize+footerSize {
		return data
	}
	out := append([]byte(nil), data...)
	before := uint64(len(out)) - footerSize
	k := (before + chunkSize + 3) / (chunkSize + 4)
	end := before - 4*k
	if end < headerSize || chunks(end) != k {
		return out
	}
	sums := out[end : end+4*k]
	for c := uint64(0); c < k; c++ {
		binary.LittleEndian.PutUint32(sums[4*c:], crc32.Checksum(out[c*chunkSize:min((c+1)*chunkSize, end)], crcTable))
	}
	crc := crc32.Update(crc32.Checksum(out[:headerSize], crcTable), crcTable, sums)
	crc = crc32.Update(crc, crcTable, out[len(out)-footerSize:len(out)-4])
	binary.LittleEndian.PutUint32(out[len(out)-4:], crc)
	return out
}

// Every byte of an authority, changed, is an error naming the file: at
// Open for a byte of the header, the footer or the table of checksums
// (or of the chunk that holds the summary, which Open reads), else from
// the look-ups that read its chunk (and from Verify, Check and a merge),
// while chunks not read are not checked. Measured on the test articles'
// authority (one chunk) and on a synthetic one of many chunks.
func TestDamagedBytes(t *testing.T) {
	var synth bytes.Buffer
	require.NoError(t, WriteSynthetic(&synth, 2000, 5))
	dir := t.TempDir()
	for _, good := range [][]byte{build(t, testFiles(t), 0), synth.Bytes()} {
		l, err := readLayout(int64(len(good)), func(p []byte, off int64) error { copy(p, good[off:]); return nil })
		require.NoError(t, err)
		metaFrom := int(l.sec[secMeta][0]) / chunkSize * chunkSize
		ref, err := Parse("good.nla", good)
		require.NoError(t, err)
		require.NoError(t, ref.Check())
		step := 1
		if len(good) > 64<<10 {
			step = 61 // every byte of the small one; of the big one, a sample across every chunk
			require.Greater(t, int(chunks(l.end)), 16)
		}
		for i := 0; i < len(good); i += step {
			if i >= int(l.end) {
				step = 1 // every byte of the table and the footer
			}
			bad := append([]byte(nil), good...)
			bad[i] ^= 0x5a
			a, err := Parse("bad.nla", bad)
			if i < headerSize || i >= int(l.end) || i >= metaFrom {
				require.Error(t, err, "byte %d", i)
				var fe *FileError
				require.ErrorAs(t, err, &fe, "byte %d", i)
				assert.Equal(t, "bad.nla", fe.Name)
				continue
			}
			require.NoError(t, err, "byte %d: the records are not read when opened", i)
			_, err = a.bytes(i, 1)
			require.ErrorIs(t, err, ErrDamaged, "byte %d", i)
			assert.Contains(t, err.Error(), fmt.Sprintf("bad.nla: damaged: bytes %d to ", i/chunkSize*chunkSize))
			if other := (i/chunkSize + 1) * chunkSize; other < metaFrom {
				_, err = a.bytes(other, 1)
				require.NoError(t, err, "byte %d: another chunk reads", i)
			}
			require.ErrorIs(t, a.Verify(), ErrDamaged, "byte %d", i)
			if step == 1 || i%(20*step) == 0 {
				require.ErrorIs(t, exercise(t, a), ErrDamaged, "byte %d: a look-up reads every chunk of records", i)
				require.ErrorIs(t, a.Check(), ErrDamaged, "byte %d", i)
			}
			if step == 1 || i%(7*step) == 0 {
				path := writeTemp(t, dir, "bad.nla", bad)
				require.ErrorIs(t, Merge(&bytes.Buffer{}, dir, path), ErrDamaged, "byte %d", i)
			}
		}
	}
}

// A record that does not decode, in a file whose checksums match, is a
// clear error from Check, from the look-ups that read it and from Merge,
// never a crash.
func TestDamagedRecords(t *testing.T) {
	good := build(t, testFiles(t), 0)
	a, err := Parse("x", good)
	require.NoError(t, err)
	dir := t.TempDir()
	damaged := 0
	// Every byte of the records, changed, with the checksums made to
	// match.
	for i := headerSize; i < len(good)-footerSize; i++ {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0x5a
		bad = withChecksum(bad)
		b, err := Parse("bad.nla", bad)
		if err != nil {
			continue
		}
		lerr := exercise(t, b)
		cerr := b.Check()
		path := writeTemp(t, dir, "bad.nla", bad)
		merr := Merge(&bytes.Buffer{}, dir, path)
		if cerr != nil {
			damaged++
			assert.ErrorIs(t, cerr, ErrDamaged)
			assert.True(t, strings.HasPrefix(cerr.Error(), "bad.nla: damaged"), cerr.Error())
		}
		if lerr != nil {
			assert.ErrorIs(t, lerr, ErrDamaged, "byte %d", i)
		}
		if merr != nil {
			assert.True(t, errors.Is(merr, ErrDamaged), "byte %d: %v", i, merr)
		}
	}
	assert.Greater(t, damaged, 0)
	require.NoError(t, exercise(t, a))
}

// exercise reads everything an authority holds through every look-up,
// and returns the first error one gave (each must name the file).
func exercise(t testing.TB, a *Authority) error {
	var first error
	note := func(err error) {
		if err == nil {
			return
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Name != a.Name() {
			t.Fatalf("an error that does not name the file: %v", err)
		}
		if first == nil {
			first = err
		}
	}
	_ = a.Info()
	n := 0
	note(a.Each(func(h Handle, s Summary) bool {
		e, err := a.Entity(h)
		note(err)
		if err != nil {
			return true
		}
		note(a.Find(e.Name, func(Handle, Kind) bool { n++; return true }))
		_, _, err = a.Lookup(e.Name, e.Kind)
		note(err)
		for _, s := range e.Spellings {
			given, sur, _ := strings.Cut(s.Text, " ")
			for _, k := range []FrameKind{FrameGiven, FrameTitle, FrameOrganisation} {
				note(a.Frame(k, s.Text, func(FrameEntry) bool { n++; return true }))
				note(a.Frame(k, given, func(FrameEntry) bool { n++; return true }))
				note(a.FrameFrom(k, given, sur, func(FrameEntry) bool { n++; return true }))
			}
		}
		for _, t := range e.Titles {
			note(a.Frame(FrameTitle, t.Class, func(FrameEntry) bool { n++; return true }))
		}
		return true
	}))
	for _, h := range []Handle{0, 1, 1 << 20, 1<<32 - 1} {
		if _, err := a.Entity(h); err != nil && uint32(h) < a.entities.n {
			note(err)
		}
	}
	for i := 0; i < a.fps.len/8; i++ {
		b, err := a.bytes(a.fps.off+8*i, 8)
		note(err)
		if err == nil {
			_, err = a.HasArticle(binary.LittleEndian.Uint64(b))
			note(err)
		}
	}
	_, err := a.HasArticle(0)
	note(err)
	note(a.Frame(FrameGiven, "jerome", func(e FrameEntry) bool {
		_, err := a.Entity(e.Entity)
		note(err)
		return true
	}))
	return first
}

func TestDays(t *testing.T) {
	for _, s := range []string{"1800-01-01", "1970-01-01", "2000-02-29", "2026-05-30", "9999-12-31"} {
		d := ParseDay(s)
		assert.NotZero(t, d, s)
		assert.Equal(t, s, d.String())
	}
	assert.Equal(t, Day(1), ParseDay("1800-01-01"))
	assert.Equal(t, ParseDay("2026-05-30")+1, ParseDay("2026-05-31"))
	assert.Equal(t, ParseDay("2026-05-30"), ParseDay("2026-05-30T23:59:59-08:00"))
	assert.Zero(t, ParseDay(""))
	assert.Zero(t, ParseDay("30 May 2026"))
	assert.Equal(t, "", Day(0).String())
	assert.Equal(t, Day(3), earlier(0, 3))
	assert.Equal(t, Day(3), earlier(3, 0))
	assert.Equal(t, Day(2), earlier(3, 2))
}

func TestShapes(t *testing.T) {
	for _, c := range []struct {
		in, lower string
		ok        bool
	}{
		{"Jerome Powell", "jerome powell", true},
		{"Powell", "powell", true},
		{"powell", "powell", true},
		{"Securities and Exchange Commission", "securities and exchange commission", true},
		{"Anheuser-Busch Inc", "anheuser-busch inc", true},
		{"U. S. Geological Survey", "u. s. geological survey", true},
		{"GM's chief executive", "", false},
		{"McCain", "", false},
		{"Erdoğan", "", false},
		{"AMR Corp", "", false},
		{"", "", true},
		{" Lead space", " lead space", true},
	} {
		lower, shape, ok := shapeOf(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		if ok {
			assert.Equal(t, c.lower, lower, c.in)
			assert.Equal(t, c.in, shaped(lower, shape), c.in)
		}
	}
	long := strings.Repeat("A ", maxShapeWords+2)
	_, _, ok := shapeOf(long)
	assert.False(t, ok, "too many words for a shape")
}

func TestFold(t *testing.T) {
	assert.Equal(t, "erdogan's", Fold("Erdoğan’s"))
	assert.Equal(t, "jerome powell", Fold("Jerome Powell"))
	s := "already folded"
	assert.Equal(t, s, Fold(s))
	assert.Zero(t, testing.AllocsPerRun(10, func() { _ = Fold(s) }))
	assert.Equal(t, "o'neill", Fold("O’Neill"))
	assert.Equal(t, "muller", Fold("MÜLLER"))
	// A capitalised ASCII name, the common case, is lowered and no more:
	// it has no accent or curly apostrophe to look for.
	assert.LessOrEqual(t, testing.AllocsPerRun(10, func() { _ = Fold("Jerome Powell") }), 1.0)
}

func TestFingerprintSet(t *testing.T) {
	var s fpSet
	assert.False(t, s.has(7))
	for i := uint64(0); i < 5000; i++ {
		fp := i * 0x9e3779b97f4a7c15 // 0 among them
		assert.True(t, s.add(fp), "%d", i)
		assert.False(t, s.add(fp), "%d again", i)
		assert.True(t, s.has(fp))
	}
	assert.Equal(t, 4999, s.n, "0 is kept apart")
	assert.True(t, s.has(0))
	assert.False(t, s.has(1))
	assert.LessOrEqual(t, len(s.slots)*8, 5000*22, "a few bytes an article")
}
