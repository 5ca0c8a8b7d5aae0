package rules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/people"
)

func TestZZBound(t *testing.T) {
	mf := os.Getenv("NLMISS")
	if mf == "" {
		t.Skip()
	}
	var miss []struct {
		File   string
		Offset int
		Reason string
	}
	b, _ := os.ReadFile(mf)
	json.Unmarshal(b, &miss)
	for _, x := range miss {
		f := filepath.Join(os.Getenv("NLDIR"), x.File)
		src, _ := os.ReadFile(f)
		a, _ := markup.Parse(f, src, markup.Text)
		pm := people.Analyse(a, nil)
		pass := &linter.Pass{Article: a, People: pm}
		indep := independentGenders(pm)
		byEnt := genderVotes(a, pm, indep, nil)
		byEnt = genderVotes(a, pm, indep, byEnt)
		s := strayScan{pass: pass, byEnt: byEnt, indep: indep}
		for _, m := range pm.Mentions {
			if m.Start != x.Offset {
				continue
			}
			r := m.Referent
			why := ""
			w := a.Lower(m.FirstToken)
			switch {
			case r < 0:
				why = "g0 no referent now"
			case m.Why != people.RefSpeech && m.Why != people.RefOnly && m.Why != people.RefSubject:
				why = "g0 why " + m.Why.String()
			case !(w == "he" || w == "she" || w == "himself" || w == "herself" || (w == "his" || w == "her" && people.PossessiveHerAt(a, m.FirstToken)) && !s.inReportedWords(m)):
				why = "g1 word/reported " + w
			case pm.Entities[r].Kind != people.KindPerson:
				why = "g2 kind " + fmt.Sprint(pm.Entities[r].Kind)
			case !s.firmReferent(r, opposite(m.Gender)):
				why = fmt.Sprintf("g3 not firm %s indep=%q %+v", pm.Entities[r].Name, indep[r], byEnt[r])
			default:
				sur := pm.Entities[r].Surname()
				if sur != "" && !namedInFull(pm, r, m) && slices.ContainsFunc(s.bearers(sur), func(p surnameOf) bool { return p.id != r && !s.firmly(p.id, opposite(m.Gender)) }) {
					why = "g4 namesake " + sur
				} else if ps := pm.Subjects[m.Para].Entity; ps >= 0 && ps != r && !s.firmly(ps, opposite(m.Gender)) {
					why = "g5 para subject " + pm.Entities[ps].Name
				} else {
					why = "g6 fits before"
				}
			}
			fmt.Printf("%s %q %s | %s\n", x.File, a.Text(m.Span), x.Reason[:min(30, len(x.Reason))], why)
		}
	}
}
