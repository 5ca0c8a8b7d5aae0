package people

import "github.com/newslint/newslint/article"

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
}

// Analyse builds the people model of an article: its mentions of people,
// the entities they group into, the speaker of every quotation, reported
// statements and each paragraph's subject. The gazetteer (which may be
// empty) names people the newsroom knows.
func Analyse(art *article.Article, gazetteer []Person) *Model {
	a := &analysis{art}
	lowerWords := map[string]bool{}
	pm := &Model{LowerWords: lowerWords}
	for i, t := range a.Tokens {
		if t.Kind == article.Word && !a.IsCapWord(i) {
			lowerWords[a.Tok(i)] = true
		}
	}
	a.findMentions(pm, lowerWords)
	a.coordinate(pm)
	a.groupEntities(pm, gazetteer)
	a.linkRoles(pm)
	a.resolvePronouns(pm)
	pm.index = newMentionIndex(a, pm)
	a.attributeQuotes(pm)
	a.structuralReferents(pm)
	a.paragraphSubjects(pm)
	a.indexPeople(pm)
	return pm
}
