// Command gendata turns the open data sets in ../shared/data into the
// compact tables people/data/*.txt that newslint embeds: given names with
// the gender their bearers overwhelmingly have, surnames, places, legal
// forms of organisations, and names of companies, news outlets and
// political parties. Each table is sorted lines of "key<TAB>value", read
// by binary search without being loaded (people/table.go), so they cost
// nothing at start-up.
//
// Run it with `go generate ./people` from a checkout that has ../shared/data
// beside it. The sources and their licences are in people/data/SOURCES.md.
//
// Never imports: any package of this module.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	in := flag.String("in", "../../shared/data", "directory of the data sets")
	out := flag.String("out", "data", "directory to write the tables to")
	flag.Parse()
	if err := generate(*in, *out); err != nil {
		log.Fatal(err)
	}
}

// generate writes the tables made from the data sets in dir in to out.
func generate(in, out string) error {
	d := &data{in: in}
	surnames := d.surnames()
	tables := map[string]map[string]string{
		"given.txt":      d.givenNames(surnames),
		"surnames.txt":   classifySurnames(surnames),
		"places.txt":     d.places(),
		"legalforms.txt": d.legalForms(),
		"orgs.txt":       d.orgs(),
	}
	for name, t := range tables {
		if err := write(filepath.Join(out, name), t); err != nil {
			return err
		}
	}
	return nil
}

type data struct{ in string }

// rows reads a data set's records (skipping its # header lines).
func (d *data) rows(name string) [][]string {
	f, err := os.Open(filepath.Join(d.in, name))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// surnames returns each surname's share of the population (1990 census).
func (d *data) surnames() map[string]float64 {
	out := map[string]float64{}
	for _, r := range d.rows("surnames-us-census1990.tsv") {
		if len(r) < 3 {
			continue
		}
		pct, _ := strconv.ParseFloat(r[1], 64)
		out[r[0]] = math.Max(pct/100, 1e-7) // a listed name has at least some share
	}
	return out
}

// classifySurnames buckets surnames by how common they are: 1 (the 1,000
// most common), 2 (the next 9,000), 3 (the rest).
func classifySurnames(share map[string]float64) map[string]string {
	names := make([]string, 0, len(share))
	for n := range share {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return share[names[i]] > share[names[j]] || share[names[i]] == share[names[j]] && names[i] < names[j]
	})
	out := map[string]string{}
	for i, n := range names {
		switch {
		case i < 1000:
			out[n] = "1"
		case i < 10000:
			out[n] = "2"
		default:
			out[n] = "3"
		}
	}
	return out
}

// usBirths is about how many births the given-name counts cover (US,
// 1880-2023), to compare a given name's share with a surname's.
const usBirths = 360e6

// givenNames keeps names given to 50 or more babies. The value is three
// letters: the gender ('f' or 'm' when at least 95 in 100 bearers have it,
// else 'u'); 'G' for a name that is mostly a given name (given to 500 or
// more, and a larger share of births than of surnames) or 'g' for a name
// that is also, or mainly, something else (Baker, Stanton, Denver); and
// the gender most bearers have, 'f' or 'm' when at least 80 in 100 have
// it (Bernie, Kelly), else '-'.
func (d *data) givenNames(surnames map[string]float64) map[string]string {
	out := map[string]string{}
	for _, r := range d.rows("given-names-us-ssa.tsv") {
		if len(r) < 3 {
			continue
		}
		f, m := atoi(r[1]), atoi(r[2])
		total := f + m
		if total < 50 {
			continue
		}
		dom := "g"
		if total >= 500 && float64(total)/usBirths >= surnames[r[0]] {
			dom = "G"
		}
		out[r[0]] = side(f, m, 0.95, "u") + dom + side(f, m, 0.8, "-")
	}
	return out
}

// side is "f" or "m" when at least share of f+m bearers have that
// gender, else none.
func side(f, m int, share float64, none string) string {
	switch total := float64(f + m); {
	case float64(f) >= share*total:
		return "f"
	case float64(m) >= share*total:
		return "m"
	}
	return none
}

// places keeps the names (as written and in ASCII) of places of 15,000 or
// more people and of countries, with a size class: 1 (a country, a capital
// or a million people), 2 (100,000 or more), 3 (the rest).
func (d *data) places() map[string]string {
	out := map[string]string{}
	add := func(name, class string) {
		name = strings.TrimSpace(name)
		if name == "" || !latin(name) || !unicode.IsUpper([]rune(name)[0]) {
			return
		}
		if old, ok := out[name]; !ok || class < old {
			out[name] = class
		}
	}
	for _, r := range d.rows("geonames-cities15000.tsv") {
		if len(r) < 6 {
			continue
		}
		pop := atoi(r[5])
		class := "3"
		switch {
		case pop >= 1000000 || r[4] == "PPLC":
			class = "1"
		case pop >= 100000:
			class = "2"
		}
		add(r[1], class)
		add(r[2], class)
	}
	var countries []struct {
		Name struct {
			Common string `json:"common"`
		} `json:"name"`
		Capital []string `json:"capital"`
	}
	raw, err := os.ReadFile(filepath.Join(d.in, "world-countries-5.1.0.json"))
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &countries); err != nil {
		log.Fatal(err)
	}
	for _, c := range countries {
		add(c.Name.Common, "1")
		for _, cap := range c.Capital {
			add(cap, "1")
		}
	}
	return out
}

// legalForms keeps, in capitals, the abbreviations of legal forms that
// stand after a company's name in English text: one word once full stops
// are removed (Ltd, Inc, GmbH, S.A., PLC), found three or more times in the
// list. The value is unused ("1").
func (d *data) legalForms() map[string]string {
	count := map[string]int{}
	for _, r := range d.rows("legal-forms-gleif-elf.tsv") {
		for _, col := range r[4:] {
			for _, ab := range strings.Split(col, ";") {
				ab = strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(ab), ".", ""), " ", "")
				if len(ab) >= 2 && len(ab) <= 6 && latin(ab) && allLetters(ab) {
					count[strings.ToUpper(ab)]++
				}
			}
		}
	}
	out := map[string]string{}
	for key, n := range count {
		if n >= 3 {
			out[key] = "1"
		}
	}
	return out
}

// orgs keeps the names of companies (SEC filers, legal form removed, in
// title case), news outlets and political parties; the value says which:
// 'c', 'o' or 'p'. Names of one or two letters are left out.
func (d *data) orgs() map[string]string {
	out := map[string]string{}
	legal := d.legalForms()
	add := func(name, kind string) {
		name = strings.Join(strings.Fields(name), " ")
		if len([]rune(name)) < 3 || !latin(name) || !unicode.IsUpper([]rune(name)[0]) {
			return
		}
		if _, ok := out[name]; !ok {
			out[name] = kind
		}
	}
	for _, r := range d.rows("companies-sec.tsv") {
		if len(r) >= 2 {
			add(companyName(r[1], legal), "c")
		}
	}
	for _, r := range d.rows("news-outlets-freebie.tsv") {
		if len(r) >= 1 {
			add(r[0], "o")
		}
	}
	for _, r := range d.rows("parties-partyfacts.tsv") {
		if len(r) < 4 {
			continue
		}
		for _, n := range strings.Split(r[3], " / ") {
			if strings.Contains(n, " ") {
				add(n, "p")
			}
		}
		if strings.Contains(r[2], " ") {
			add(r[2], "p")
		}
	}
	return out
}

// companyName turns a filed name ("EASTMAN KODAK CO", "Alphabet Inc.") into
// the name news uses: no legal form, no "/DE/" state suffix, title case for
// words filed in capitals (short ones, like IBM, stay capitals).
func companyName(filed string, legal map[string]string) string {
	var words []string
	for _, w := range strings.Fields(filed) {
		w = strings.Trim(w, ",")
		if i := strings.IndexByte(w, '/'); i >= 0 {
			w = w[:i] // "/DE/", "SE/ADR": a filing suffix
		}
		if w == "" || w == "&" && len(words) == 0 {
			break
		}
		words = append(words, w)
	}
	for len(words) > 1 {
		last := strings.ToUpper(strings.ReplaceAll(words[len(words)-1], ".", ""))
		if legal[last] == "" {
			break
		}
		words = words[:len(words)-1]
	}
	for i, w := range words {
		if strings.ToUpper(w) == w && len([]rune(w)) > 3 {
			words[i] = titleCase(w)
		}
	}
	return strings.Join(words, " ")
}

func titleCase(w string) string {
	r := []rune(strings.ToLower(w))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// write writes a table as sorted "key<TAB>value" lines, and beside it its
// line index (name.idx) and a Bloom filter of its keys (name.bloom).
func write(path string, t map[string]string) error {
	keys := make([]string, 0, len(t))
	for k := range t {
		if strings.ContainsAny(k, "\t\n") {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	var idx []byte
	for _, k := range keys {
		idx = binary.LittleEndian.AppendUint32(idx, uint32(b.Len()))
		fmt.Fprintf(&b, "%s\t%s\n", k, t[k])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return err
	}
	// The index: where each line starts, as little-endian uint32s, so
	// that a look-up's binary search reads one line a step and nothing is
	// built when newslint starts.
	if err := os.WriteFile(strings.TrimSuffix(path, ".txt")+".idx", idx, 0o644); err != nil {
		return err
	}
	// The filter: a Bloom filter of the keys, so that most words a table
	// does not hold are turned away without a search.
	return os.WriteFile(strings.TrimSuffix(path, ".txt")+".bloom", bloom(keys), 0o644)
}

// bloom builds the Bloom filter of keys that people.table reads: a power
// of two of bits, at least 16 a key, and two probes from one 64-bit FNV-1a
// hash (its low and high halves).
func bloom(keys []string) []byte {
	bits := uint64(64)
	for bits < uint64(len(keys))*16 {
		bits *= 2
	}
	b := make([]byte, bits/8)
	for _, k := range keys {
		h := fnv64(k)
		for _, p := range []uint64{h & (bits - 1), (h >> 32) & (bits - 1)} {
			b[p/8] |= 1 << (p % 8)
		}
	}
	return b
}

// fnv64 is FNV-1a, as people.HashString computes it (the generator does
// not import what it generates for; people's TestFiltersAdmitEveryKey
// fails if the two ever differ).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
