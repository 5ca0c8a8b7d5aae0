package people

import (
	"github.com/newslint/newslint/article"
)

// Person is an entry of the people gazetteer (the [[people]] tables of
// newslint.toml): who a newsroom's readers know, by which names, in which
// offices.
type Person struct {
	Name    string
	Aliases []string
	Titles  []string
	Gender  string // "male", "female", or "" when unknown
}

// analysis reads one article into a Model; every step of Analyse is one of
// its methods.
type analysis struct {
	*article.Article
	// wordSurnames are the months, days and countries the article uses
	// as a person's surname (Theresa May, Jen Jordan).
	wordSurnames map[string]bool
	// orgMemo and placeMemo remember the data tables' answers for the
	// names of this article.
	orgMemo   map[string]byte
	placeMemo map[string]int
}

// Analyse builds the people model of an article: its mentions of people,
// the entities they group into, the speaker of every quotation, reported
// statements and each paragraph's subject. The gazetteer (which may be
// empty) names people the newsroom knows.
func Analyse(art *article.Article, gazetteer []Person) *Model {
	a := &analysis{Article: art}
	lowerWords := map[string]bool{}
	pm := &Model{LowerWords: lowerWords}
	for i, t := range a.Tokens {
		if t.Kind == article.Word && !a.IsCapWord(i) {
			lowerWords[a.Tok(i)] = true
		}
	}
	a.findMentions(pm, lowerWords)
	a.coordinate(pm)
	a.findOtherNames(pm)
	pm.index = newMentionIndex(a, pm)
	a.groupEntities(pm, gazetteer)
	pm.groupOtherNames()
	pm.collectMentions()
	a.linkRoles(pm)
	a.classify(pm)
	a.resolvePronouns(pm)
	a.attributeQuotes(pm)
	a.structuralReferents(pm)
	a.paragraphSubjects(pm)
	a.indexPeople(pm)
	return pm
}

func (a *analysis) indexPeople(pm *Model) {
	pm.MentionsByPara = make([][]int, len(a.Paragraphs))
	pm.StatementsByPara = make([][]int, len(a.Paragraphs))
	for i, m := range pm.Mentions {
		pm.MentionsByPara[m.Para] = append(pm.MentionsByPara[m.Para], i)
	}
	pm.Speaking = map[int]bool{}
	for i, st := range pm.Statements {
		pm.StatementsByPara[st.Para] = append(pm.StatementsByPara[st.Para], i)
		if e := pm.Mentions[st.Mention].Entity; e >= 0 {
			pm.Speaking[e] = true
		}
	}
	for _, at := range pm.Attributions {
		if at.Entity >= 0 {
			pm.Speaking[at.Entity] = true
		}
	}
	pm.CapWords = map[string]int{}
	pm.capByShape = map[shape][]maskedWord{}
	for i, t := range a.Tokens {
		if t.Kind == article.Word && a.IsCapWord(i) {
			w, _ := article.StripPossessive(a.Tok(i))
			if pm.CapWords[w] == 0 {
				sh := shapeOf(w)
				pm.capByShape[sh] = append(pm.capByShape[sh], maskedWord{w, letterMask(w)})
			}
			pm.CapWords[w]++
		}
	}
}
