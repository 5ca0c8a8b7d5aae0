package archive

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// WriteSynthetic writes the authority of n synthetic entities (persons
// with a given name from a few hundred, titles and frames, organisations
// and places, six to an article, dated over ten years), the same bytes
// for the same n and seed: for measuring look-ups and start-up on an
// authority of any size without building one from an archive
// (BenchmarkOpen100k, cmd/newslint's BenchmarkStartWithArchive).
func WriteSynthetic(w io.Writer, n int, seed uint64) error {
	s := newSums()
	for _, a := range synthArticles(n, seed) {
		s.add(a)
	}
	return s.write(w)
}

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
