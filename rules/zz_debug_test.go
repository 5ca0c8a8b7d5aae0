package rules

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("NLFILE")
	if f == "" {
		t.Skip()
	}
	off, _ := strconv.Atoi(os.Getenv("NLOFF"))
	src, _ := os.ReadFile(f)
	a, _ := markup.Parse(f, src, markup.Text)
	pm := people.Analyse(a, nil)
	pass := &linter.Pass{Article: a, People: pm}
	indep := independentGenders(pm)
	byEnt := genderVotes(a, pm, indep, nil)
	byEnt = genderVotes(a, pm, indep, byEnt)
	for i, m := range pm.Mentions {
		if m.Start != off {
			continue
		}
		fmt.Printf("mention %q ent=%d ref=%d why=%v gender=%s sent=%d para=%d quote=%d\n", a.Text(m.Span), m.Entity, m.Referent, m.Why, m.Gender, m.Sent, m.Para, m.Quote)
		if m.Referent >= 0 {
			e := m.Referent
			v := byEnt[e]
			fmt.Printf("  referent %s indep=%q votes=%+v\n", pm.Entities[e].Name, indep[e], v)
			fmt.Printf("  someoneElseFits=%v namedInFull=%v\n", someoneElseFits(a, pm, byEnt, e, m), namedInFull(pm, e, m))
			if sur := pm.Entities[e].Surname(); sur != "" {
				for o := range pm.Entities {
					if o != e && pm.Entities[o].Surname() == sur {
						fmt.Printf("    namesake %d %q full=%d/%d votes=%+v\n", o, pm.Entities[o].Name, fullMentions(pm, o), fullMentions(pm, e), byEnt[o])
					}
				}
			}
			for para := m.Para; para >= 0 && para >= m.Para-1; para-- {
				for _, k := range pm.MentionsByPara[para] {
					o := pm.Mentions[k]
					if o.Start < m.Start && !(para < m.Para && o.Sent < m.Sent-2) && fitsInstead(a, pm, byEnt, e, m, o) {
						fmt.Printf("    fitsInstead %q ent=%d ref=%d form=%v\n", a.Text(o.Span), o.Entity, o.Referent, o.Form)
					}
				}
			}
		}
		fmt.Printf("  para subject=%d ent0 %s kind=%v votes=%+v\n", pm.Subjects[m.Para].Entity, pm.Entities[0].Name, pm.Entities[0].Kind, byEnt[0])
		s := strayScan{pass: pass, byEnt: byEnt, indep: indep}
		fmt.Printf("  strayTarget=%d boundTarget=%d window=%d continued=%v\n", s.strayTarget(i), s.boundTarget(i), s.window(m), s.continuedAfter(i))
		if m.Referent >= 0 {
			fmt.Printf("  firmReferent=%v\n", s.firmReferent(m.Referent, opposite(m.Gender)))
		}
		for t := a.Sentences[max(0, m.Sent-2)].FirstToken; t < a.Sentences[m.Sent].EndToken; t++ {
			if t != m.FirstToken && a.IsWord(t) && s.wordFits(m, t) {
				fmt.Printf("  wordFits %q\n", a.Tok(t))
			}
		}
		for si := m.Sent - 2; si <= m.Sent; si++ {
			if si < 0 {
				continue
			}
			for _, k := range pm.MentionsInSentence(si) {
				o := pm.Mentions[k]
				if o.Start > m.Start {
					break
				}
				fits, person := s.mentionFits(m, o)
				name := ""
				if o.Entity >= 0 {
					name = pm.Entities[o.Entity].Name
				}
				fmt.Printf("    s%d %q ent=%d(%s) ref=%d form=%v g=%s fits=%v person=%v prominent=%v\n", si, a.Text(o.Span), o.Entity, name, o.Referent, o.Form, o.Gender, fits, person, pm.Prominent(a, k))
				if o.Entity >= 0 {
					fmt.Printf("       kind=%v indep=%q votes=%+v\n", pm.Entities[o.Entity].Kind, indep[o.Entity], byEnt[o.Entity])
				}
			}
		}
	}
}
