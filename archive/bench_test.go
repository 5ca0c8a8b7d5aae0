package archive

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/people"
	"github.com/stretchr/testify/require"
)

// syllables make names that are not in any data set, so that a synthetic
// authority has as many distinct names as it is asked for.
var syllables = strings.Fields("ka lo mi ra ten vo sha ber lin dor ta ne gu ris pol an vel mar tos ki ela wen")

func synthName(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// synthArticles makes the Articles of n distinct people (a few hundred
// given names, many surnames, titles) and as many organisations and
// places, one article for each few entities, dated over ten years.
func synthArticles(n int, seed uint64) []*Article {
	r := rand.New(rand.NewPCG(seed, 1))
	givens := make([]string, 400)
	for i := range givens {
		givens[i] = synthName(r, 2)
	}
	titles := [][2]string{{"president", "President"}, {"minister", "Foreign Minister"}, {"chief-executive", "Chief Executive"}, {"senator", "Senator"}, {"mayor", "Mayor"}}
	used := map[string]bool{}
	unique := func(syl int, suffix string) string {
		for {
			if name := synthName(r, syl) + suffix; !used[name] {
				used[name] = true
				return name
			}
		}
	}
	var out []*Article
	for made := 0; made < n; {
		a := &Article{fingerprint: r.Uint64(), day: ParseDay(fmt.Sprintf("%d-%02d-%02d", 2016+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28)))}
		for k := 0; k < 6 && made < n; k++ {
			made++
			switch k % 3 {
			case 0:
				given, sur := givens[r.IntN(len(givens))], unique(4, "")
				full := strings.ToUpper(given[:1]) + given[1:] + " " + strings.ToUpper(sur[:1]) + sur[1:]
				title := titles[r.IntN(len(titles))]
				a.entities = append(a.entities, articleEntity{name: given + " " + sur, kind: Person,
					spellings: []string{full, full[len(given)+1:]}, titles: [][2]string{title}, male: k%2 == 0})
				e := len(a.entities) - 1
				a.frames = append(a.frames, articleFrame{kind: FrameGiven, frame: given, surname: sur, entity: e},
					articleFrame{kind: FrameTitle, frame: title[0], surname: sur, entity: e})
			case 1:
				name := unique(5, " group")
				a.entities = append(a.entities, articleEntity{name: name, kind: Organisation, spellings: []string{strings.ToUpper(name[:1]) + name[1:]}})
			default:
				name := unique(5, "")
				a.entities = append(a.entities, articleEntity{name: name, kind: Place, spellings: []string{strings.ToUpper(name[:1]) + name[1:]}})
			}
		}
		out = append(out, a)
	}
	return out
}

// synthAuthority writes the authority of n synthetic entities to dir.
func synthAuthority(b testing.TB, dir string, n int, seed uint64) string {
	s := newSums()
	for _, a := range synthArticles(n, seed) {
		s.add(a)
	}
	path := filepath.Join(dir, fmt.Sprintf("synth-%d-%d.nla", n, seed))
	f, err := os.Create(path)
	require.NoError(b, err)
	require.NoError(b, s.write(f))
	require.NoError(b, f.Close())
	return path
}

// BenchmarkOpen100k: opening an authority of 100,000 entities and one
// look-up of each kind, as a rule starting on an article does (the
// target: 2 ms at most).
func BenchmarkOpen100k(b *testing.B) {
	path := synthAuthority(b, b.TempDir(), 100_000, 1)
	st, err := os.Stat(path)
	require.NoError(b, err)
	a, err := Open(path)
	require.NoError(b, err)
	require.Equal(b, 100_000, a.Info().Entities)
	var given string
	var person Handle
	a.Each(func(h Handle, s Summary) bool {
		if s.Kind != Person {
			return true
		}
		e, _ := a.Entity(h)
		given, person = strings.Fields(e.Name)[0], h
		return false
	})
	e, _ := a.Entity(person)
	for b.Loop() {
		a, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		found := 0
		a.Frame(FrameGiven, given, func(FrameEntry) bool { found++; return true })
		a.Find(e.Name, func(Handle, Kind) bool { found++; return true })
		if found < 2 {
			b.Fatal("not found")
		}
		a.Close()
	}
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
}

// BenchmarkCollect: reading what an analysed article adds to an
// authority (the models are built before the timer starts).
func BenchmarkCollect(b *testing.B) {
	type analysed struct {
		a  *Article
		fn func() *Article
	}
	var fns []func() *Article
	size := 0
	for _, p := range testFiles(b) {
		data, err := os.ReadFile(p)
		require.NoError(b, err)
		art, _ := markup.Parse(p, data, markup.ForPath(p))
		pm := people.Analyse(art, nil)
		fns = append(fns, func() *Article { return Collect(art, pm) })
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, fn := range fns {
			fn()
		}
	}
}

// BenchmarkBuild: summing articles and writing the authority, without
// reading the files (BenchmarkCollect) or analysing them.
func BenchmarkBuild(b *testing.B) {
	arts := synthArticles(100_000, 2)
	for b.Loop() {
		bl := NewBuilder()
		bl.TempDir = b.TempDir()
		for _, a := range arts {
			if _, err := bl.Add(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := bl.Finish(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerge: merging two authorities of 50,000 entities each.
func BenchmarkMerge(b *testing.B) {
	dir := b.TempDir()
	x, y := synthAuthority(b, dir, 50_000, 3), synthAuthority(b, dir, 50_000, 4)
	size := int64(0)
	for _, p := range []string{x, y} {
		st, err := os.Stat(p)
		require.NoError(b, err)
		size += st.Size()
	}
	b.SetBytes(size)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Merge(&buf, dir, x, y); err != nil {
			b.Fatal(err)
		}
	}
}
