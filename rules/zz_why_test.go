package rules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

// NLMISS=miss.json NLDIR=dir: for each miss, why strayTarget gave up.
func TestZZWhy(t *testing.T) {
	mf := os.Getenv("NLMISS")
	if mf == "" {
		t.Skip()
	}
	var miss []struct {
		File   string
		Offset int
		TierA  bool
	}
	b, _ := os.ReadFile(mf)
	json.Unmarshal(b, &miss)
	for _, x := range miss {
		if os.Getenv("NLALL") == "" && !x.TierA {
			continue
		}
		f := filepath.Join(os.Getenv("NLDIR"), x.File)
		src, _ := os.ReadFile(f)
		a, _ := markup.Parse(f, src, markup.Text)
		pm := people.Analyse(a, nil)
		pass := &linter.Pass{Article: a, People: pm}
		indep := independentGenders(pm)
		byEnt := genderVotes(a, pm, indep, nil)
		byEnt = genderVotes(a, pm, indep, byEnt)
		s := strayScan{pass: pass, byEnt: byEnt, indep: indep}
		for i, m := range pm.Mentions {
			if m.Start != x.Offset {
				continue
			}
			why := ""
			window := s.window(m)
			first := m.Sent
			for si, n := m.Sent-1, 0; si >= 0 && n < window && m.Sent-si <= strayMaxSentences; si-- {
				first = si
				if !s.allQuoted(si) {
					n++
				}
			}
			tagged := s.tags(i)
			target := -1
		out:
			for si := m.Sent; si >= first; si-- {
				ms := pm.MentionsInSentence(si)
				sort.Ints(ms)
				for k := len(ms) - 1; k >= 0; k-- {
					o := pm.Mentions[ms[k]]
					if ms[k] == i || o.Start > m.End || tagged >= 0 && o.Quote == tagged {
						continue
					}
					fits, person := s.mentionFits(m, o)
					if fits {
						why = fmt.Sprintf("mention %q form=%v ent=%d d=%d q=%v", a.Text(o.Span), o.Form, o.Entity, m.Sent-si, o.Quote >= 0)
						break out
					}
					if person && o.Start < m.Start && target < 0 {
						target = o.Entity
					}
				}
			}
			if why == "" {
				if target < 0 {
					why = "no target"
				} else {
					why = "word"
					for t := a.Sentences[first].FirstToken; t < a.Sentences[m.Sent].EndToken; t++ {
						if t != m.FirstToken && a.IsWord(t) && s.wordFits(m, t) {
							covered := false
							for _, k := range pm.MentionsInSentence(a.SentenceOf(t)) {
								if pm.Mentions[k].FirstToken <= t && t < pm.Mentions[k].EndToken {
									covered = true
								}
							}
							if !covered {
								why = fmt.Sprintf("word %q", a.Tok(t))
								break
							}
						}
					}
				}
			}
			fmt.Printf("%s %q why=%v ref=%d | %s\n", x.File, a.Text(m.Span), m.Why, m.Referent, why)
		}
	}
}
