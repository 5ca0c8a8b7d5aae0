package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// NumberConsistency reports one quantity stated twice with different
// values.
func NumberConsistency() *linter.Rule {
	return &linter.Rule{
		Name:     "number-consistency",
		Doc:      "the same quantity stated twice with different values (ages, death tolls, weekday and date)",
		Severity: linter.Warning,
		Explain: `Reports, at the later statement and naming the earlier one:

  - a person's age given twice with different values
    ("Smith, 45, …" … "the 47-year-old Smith");
  - a death or injury toll given twice with different numbers
    ("12 people were killed" … "the 14 dead"), unless the article says the
    toll changed (rose, climbed, increased, updated, at least, more than,
    now, toll) or that it counts several incidents (another, a second, a
    separate, other);
  - a weekday that contradicts the full date it stands with
    ("on Monday, March 3, 2020": March 3, 2020 was a Tuesday).

Dates of one event given two ways (on 30 May … on May 31) are not yet
compared.`,
		ReadsEnglish: true,
		Run:          runNumberConsistency,
	}
}

var weekdays = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday,
}

var months = map[string]time.Month{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
	"September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20,
}

func runNumberConsistency(pass *linter.Pass) {
	checkAges(pass)
	checkWeekdays(pass)
	checkTolls(pass)
}

func checkAges(pass *linter.Pass) {
	a := pass.Article
	pm := pass.People
	for id := range pm.Entities {
		e := &pm.Entities[id]
		first := -1
		age := func(m *people.Mention) int {
			if m.Age > 0 {
				return int(m.Age)
			}
			if m.Role != nil {
				return m.Role.Age
			}
			return 0
		}
		for _, mi := range e.Mentions {
			m := pm.Mentions[mi]
			if age(&m) == 0 || m.Quote >= 0 {
				continue
			}
			if first < 0 {
				first = int(mi)
				continue
			}
			f := pm.Mentions[first]
			if age(&f) != age(&m) {
				pass.Report(m.Span(), fmt.Sprintf("%s is %d here but %d on line %d", e.Name, age(&m), age(&f), a.Line(f.Start())))
			}
		}
	}
}

// checkWeekdays reads "Monday, March 3, 2020", "Monday 3 March 2020" and
// "Monday, 3 March, 2020".
func checkWeekdays(pass *linter.Pass) {
	a := pass.Article
	n := len(a.Tokens)
	word := func(i int) string {
		if i < n && a.Tokens[i].Kind != article.Punct {
			return a.Tok(i)
		}
		return ""
	}
	skipComma := func(i int) int {
		if i < n && a.Tok(i) == "," {
			return i + 1
		}
		return i
	}
	for i := 0; i < n; i++ {
		if !a.IsCapWord(i) || !strings.HasSuffix(a.Tok(i), "day") {
			continue // every weekday is a capitalised word in -day
		}
		wd, ok := weekdays[a.Tok(i)]
		if !ok {
			continue
		}
		j := skipComma(i + 1)
		var day, year int
		var mon time.Month
		if m, ok := months[word(j)]; ok {
			mon = m
			day, _ = strconv.Atoi(word(j + 1))
			year, _ = strconv.Atoi(word(skipComma(j + 2)))
		} else if d, err := strconv.Atoi(word(j)); err == nil {
			day = d
			mon = months[word(j+1)]
			year, _ = strconv.Atoi(word(skipComma(j + 2)))
		}
		if mon == 0 || day < 1 || day > 31 || year < 1800 || year > 2200 {
			continue
		}
		date := time.Date(year, mon, day, 12, 0, 0, 0, time.UTC)
		if date.Day() != day {
			continue // 31 February
		}
		if date.Weekday() != wd {
			pass.Report(a.Tokens[i].Span(), fmt.Sprintf("%s does not match the date beside it: %s %d, %d was a %s",
				a.Tok(i), mon, day, year, date.Weekday()))
		}
	}
}

type toll struct {
	n    int
	span article.Span
}

// checkTolls compares the numbers of people killed (or injured) stated in
// the article.
func checkTolls(pass *linter.Pass) {
	a := pass.Article
	// A word that a toll changed, or is approximate, or counts a second
	// incident, ends the check.
	for i, lw := range a.Lowers {
		if a.Tokens[i].Kind != article.Word {
			continue
		}
		switch lw {
		case "rose", "risen", "climbed", "increased", "updated", "least", "more", "now", "toll", "tolls", "rises", "rising", "revised", "over", "nearly", "about", "around", "almost", "approximately", "some", "another", "further", "additional", "total", "including",
			"second", "third", "separate", "other", "earlier":
			return
		}
	}
	kinds := map[string][]toll{}
	for i, t := range a.Tokens {
		if t.Quoted() {
			continue
		}
		num, ok := tokenNumber(a, i)
		if !ok {
			continue
		}
		// NUMBER [people|persons] [were|have been] killed/dead/died/injured
		for k := i + 1; k < len(a.Tokens) && k <= i+4; k++ {
			if a.Tokens[k].Kind == article.Punct {
				break
			}
			kind := tollKind(a.Lower(k))
			if kind != "" {
				kinds[kind] = append(kinds[kind], toll{num, a.Tokens[i].Span()})
				break
			}
			switch a.Lower(k) {
			case "people", "persons", "were", "have", "had", "been", "are", "was", "is", "civilians", "others":
				continue
			}
			break
		}
	}
	for kind, ts := range kinds {
		for _, t := range ts[1:] {
			if t.n != ts[0].n {
				pass.Report(t.span, fmt.Sprintf("%d %s here, but %d on line %d", t.n, kind, ts[0].n, a.Line(ts[0].span.Start)))
				break
			}
		}
	}
}

func tollKind(w string) string {
	switch w {
	case "killed", "dead", "died", "deaths", "fatalities":
		return "dead"
	case "injured", "wounded", "hurt", "injuries":
		return "injured"
	}
	return ""
}

func tokenNumber(a *article.Article, i int) (int, bool) {
	t := a.Tokens[i]
	w := a.Tok(i)
	if t.Kind == article.Number {
		n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		return n, err == nil
	}
	if t.Kind != article.Word {
		return 0, false
	}
	n, ok := numberWords[a.Lower(i)]
	return n, ok
}
