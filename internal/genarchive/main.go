// Command genarchive writes a generated news archive, for measuring
// newslint archive build on an archive of any size (the README's
// Development section; nothing it writes is committed):
//
//	go run ./internal/genarchive -o /tmp/archive -size 1GB
//
// The articles are plain text, Markdown with a date in front matter and
// HTML with article:published_time, about 4 KB each, 1,000 to a
// directory. Each names a few people of a large cast (given names from a
// short list, surnames made of syllables, so that there are as many
// distinct people as the archive is big), drawn so that a few are named
// often and most seldom, with titles, organisations and places, in
// sentences of the shapes news copy has. The same seed writes the same
// archive.
//
// Never imports: any package of this module.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("o", "", "directory to write the archive to (created)")
	size := flag.String("size", "100MB", "how much text to write (KB, MB or GB)")
	seed := flag.Uint64("seed", 1, "the seed: the same seed writes the same archive")
	flag.Parse()
	bytes, err := parseSize(*size)
	if *out == "" || err != nil {
		fmt.Fprintln(os.Stderr, "usage: genarchive -o DIR [-size 1GB] [-seed N]", err)
		os.Exit(2)
	}
	n, files, err := generate(*out, bytes, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genarchive:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genarchive: %d files, %d bytes in %s\n", files, n, *out)
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for suffix, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if v, ok := strings.CutSuffix(strings.ToUpper(s), suffix); ok {
			s, mult = v, m
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return int64(n * float64(mult)), nil
}

var (
	givens = strings.Fields(`Ana Maria Elena Sofia Laura Clara Nora Ruth Julia Irene Alice Helen Grace Rosa Marta
		Eva Lena Sara Nina Paula Diana Olga Vera Ines Hanna Leila Amira Priya Mei Yuki Ada Beatrice Carmen Dora Edith
		David James John Robert Michael Peter Paul Thomas Daniel Mark Simon Martin Victor Oscar Hugo Felix Adam
		Samuel Tomas Ivan Marco Luca Andre Rafael Omar Karim Ravi Kenji Chen Lars Erik Jonas Pablo Diego Felipe`)
	syllables = strings.Fields(`ka lo mi ra ten vo sha ber lin dor ta ne gu ris pol an vel mar tos ki el wen ost
		rav din sel mor ha pe zu ko bre tal vin dre lu fa gor sen nik`)
	titles = []string{"President", "Prime Minister", "Foreign Minister", "Finance Minister", "Senator",
		"Governor", "Mayor", "Chief Executive", "Chair", "Judge", "General", "Ambassador"}
	orgWords = strings.Fields("Group Holdings Bank Bancorp Industries Partners Energy Motors Telecom Airlines Insurance")
	places   = strings.Fields("Lisbon Oslo Nairobi Lagos Lima Quito Hanoi Manila Seoul Osaka Warsaw Prague Vienna Dublin Cairo Tunis Dakar Accra Denver Austin Boston Geneva Zurich Lyon Porto Seville Krakow Riga Tallinn Vilnius")
	verbs    = strings.Fields("said told added noted warned argued insisted explained")
	clauses  = []string{"the plan would be presented to parliament next month", "talks would continue into the weekend",
		"the company expected demand to recover by the end of the year", "the decision was not final",
		"the budget would be balanced despite lower revenue", "no agreement had been reached on the main points",
		"the investigation would take several more weeks", "the vote had been postponed until the spring",
		"prices had risen faster than forecast", "the two sides remained far apart on wages"}
	quotes = []string{"We will not accept these terms", "This is a good day for the region", "Nobody expected the numbers to be this strong",
		"We have asked for more time", "The people deserve an answer", "Our position has not changed"}
	filler = []string{"Officials did not give further details.", "The figures were released on Monday.",
		"Analysts had expected a smaller change.", "The meeting lasted more than three hours.",
		"Markets were little changed after the announcement.", "A final decision is due later this month.",
		"Opposition parties criticised the timing of the move.", "Several hundred people attended the event."}
)

// cast is the people, organisations and places an archive names.
type cast struct {
	people []person
	orgs   []string
	zipf   *rand.Zipf
	orgZ   *rand.Zipf
}

type person struct{ given, surname, title, org string }

func syllableName(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func newCast(r *rand.Rand, people, orgs int) *cast {
	c := &cast{}
	for i := 0; i < orgs; i++ {
		c.orgs = append(c.orgs, syllableName(r, 2+r.IntN(2))+" "+orgWords[r.IntN(len(orgWords))])
	}
	for i := 0; i < people; i++ {
		p := person{given: givens[r.IntN(len(givens))], surname: syllableName(r, 2+r.IntN(3)), title: titles[r.IntN(len(titles))]}
		if p.title == "Chief Executive" || p.title == "Chair" {
			p.org = c.orgs[r.IntN(len(c.orgs))]
		}
		c.people = append(c.people, p)
	}
	c.zipf = rand.NewZipf(r, 1.1, 4, uint64(people-1))
	c.orgZ = rand.NewZipf(r, 1.2, 4, uint64(orgs-1))
	return c
}

// article writes one article of about 4 KB naming a few of the cast.
func (c *cast) article(r *rand.Rand) string {
	var b strings.Builder
	n := 3 + r.IntN(5)
	seen := map[int]bool{}
	for k := 0; k < n; k++ {
		i := int(c.zipf.Uint64())
		if seen[i] {
			continue
		}
		seen[i] = true
		p := c.people[i]
		place := places[r.IntN(len(places))]
		intro := p.title + " " + p.given + " " + p.surname
		if p.org != "" {
			intro = p.org + " " + intro
		}
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "%s %s in %s on Tuesday that %s.\n\n", intro, verbs[r.IntN(len(verbs))], place, clauses[r.IntN(len(clauses))])
		case 1:
			fmt.Fprintf(&b, "In %s, %s %s that %s.\n\n", place, intro, verbs[r.IntN(len(verbs))], clauses[r.IntN(len(clauses))])
		default:
			fmt.Fprintf(&b, "%s, the %s, %s that %s.\n\n", p.given+" "+p.surname, strings.ToLower(p.title), verbs[r.IntN(len(verbs))], clauses[r.IntN(len(clauses))])
		}
		fmt.Fprintf(&b, "“%s,” %s said. %s\n\n", quotes[r.IntN(len(quotes))], p.surname, filler[r.IntN(len(filler))])
		if r.IntN(2) == 0 {
			org := c.orgs[int(c.orgZ.Uint64())]
			fmt.Fprintf(&b, "%s said its shares rose %d percent after %s spoke. %s\n\n", org, 1+r.IntN(9), p.surname, filler[r.IntN(len(filler))])
		}
	}
	for b.Len() < 3500+r.IntN(1500) {
		b.WriteString(filler[r.IntN(len(filler))])
		b.WriteString(" ")
		b.WriteString(filler[r.IntN(len(filler))])
		b.WriteString("\n\n")
	}
	return b.String()
}

// generate writes articles to dir until they hold size bytes.
func generate(dir string, size int64, seed uint64) (int64, int, error) {
	r := rand.New(rand.NewPCG(seed, 2))
	// The cast grows with the archive, as a newsroom's does: about one
	// person for every 8 KB of text.
	people := max(1000, int(size/(8<<10)))
	c := newCast(r, people, max(200, people/20))
	var written int64
	files := 0
	for written < size {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", files/1000))
		if files%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return written, files, err
			}
		}
		body := c.article(r)
		day := fmt.Sprintf("%d-%02d-%02d", 2000+r.IntN(26), 1+r.IntN(12), 1+r.IntN(28))
		headline := "Officials meet to discuss the plan"
		var text, name string
		switch files % 3 {
		case 0:
			name, text = fmt.Sprintf("a%07d.txt", files), headline+"\n\n"+body
		case 1:
			name, text = fmt.Sprintf("a%07d.md", files), "---\ntitle: "+headline+"\ndate: "+day+"\n---\n# "+headline+"\n\n"+body
		default:
			var h strings.Builder
			fmt.Fprintf(&h, "<html><head><meta property=\"article:published_time\" content=\"%sT08:00:00Z\"><title>%s</title></head><body><article><h1>%s</h1>\n", day, headline, headline)
			for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
				fmt.Fprintf(&h, "<p>%s</p>\n", p)
			}
			h.WriteString("</article></body></html>\n")
			name, text = fmt.Sprintf("a%07d.html", files), h.String()
		}
		if err := writeFile(filepath.Join(sub, name), text); err != nil {
			return written, files, err
		}
		written += int64(len(text))
		files++
	}
	return written, files, nil
}

func writeFile(path, text string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(text)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
