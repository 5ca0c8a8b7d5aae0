package engine

import (
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// everyArticle reports once on every article; readsEnglish is the same rule
// marked as reading English; languageRule stands for the language rule.
var (
	everyArticle = &linter.Rule{Name: "typography", Doc: "reports once", Severity: linter.Info, Run: func(pass *linter.Pass) {
		pass.Report(pass.Article.Paragraphs[0].Span(), "seen")
	}}
	readsEnglish = &linter.Rule{Name: "grammar", Doc: "reports once", Severity: linter.Info, ReadsEnglish: true, Run: func(pass *linter.Pass) {
		pass.Report(pass.Article.Paragraphs[0].Span(), "seen")
	}}
	languageRule = &linter.Rule{Name: linter.LanguageName, Doc: "says nothing", Severity: linter.Info, Run: func(*linter.Pass) {}}
)

const (
	germanText  = "Die Stadt hat am Montag die Altstadt für den Verkehr gesperrt, nachdem der Pegel der Donau in der Nacht auf über neun Meter gestiegen war. Nach Angaben der Feuerwehr wurden bis zum Abend mehr als 300 Menschen aus ihren Wohnungen gebracht, sagte ein Sprecher der Stadt."
	englishText = "The city closed its old town to traffic on Monday after the river rose to more than nine metres during the night. More than 300 people had been taken from their homes by the evening, a spokesman for the fire service said."
)

func rulesRun(t *testing.T, l *Linter, text string) []string {
	t.Helper()
	fs, err := l.Lint("x.txt", []byte(text), markup.Text)
	require.NoError(t, err)
	var names []string
	for _, f := range fs {
		names = append(names, f.Rule)
	}
	return names
}

// On an article clearly in another language the rules that read English
// are skipped while the language rule is enabled; the others still run.
func TestRulesThatReadEnglishSkippedOnOtherLanguages(t *testing.T) {
	rules := []*linter.Rule{everyArticle, readsEnglish, languageRule}
	cfg := linter.DefaultConfig(rules)
	l := &Linter{Rules: rules, Config: cfg}
	assert.Equal(t, []string{"grammar", "typography"}, rulesRun(t, l, englishText))
	assert.Equal(t, []string{"typography"}, rulesRun(t, l, germanText))

	// Disabling the language rule runs every rule on every article.
	cfg.Rules[linter.LanguageName].Enabled = false
	assert.Equal(t, []string{"grammar", "typography"}, rulesRun(t, l, germanText))

	// Without a language rule, nothing is skipped.
	l = &Linter{Rules: rules[:2], Config: linter.DefaultConfig(rules[:2])}
	assert.Equal(t, []string{"grammar", "typography"}, rulesRun(t, l, germanText))
}
