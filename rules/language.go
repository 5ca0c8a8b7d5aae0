package rules

import (
	"github.com/newslint/newslint/article"
	"github.com/newslint/newslint/linter"
)

// Language reports, once, an article that is clearly not in English; the
// engine then skips the rules that read English (linter.Rule.ReadsEnglish).
// The language is told by article.Article.Language.
func Language() *linter.Rule {
	return &linter.Rule{
		Name:     linter.LanguageName,
		Doc:      "an article clearly not in English, on which the rules that read English are skipped",
		Severity: linter.Info,
		Explain: `Reported once, at the article's first word, when the article is clearly
written in a language other than English. newslint reads English news: the
rules about people, quotations and grammar (quote-attribution,
name-spelling, title-consistency, pronoun-consistency, unintroduced-person,
number-consistency) read English words, and on another language they only
make noise (a speaker found nowhere, nouns taken for surnames). On such an
article they are skipped, and this finding says so. quote-balance still
runs; it pairs the quotation marks of other languages („…“ and „…”, «…»,
»…« and »…») and never reports them, nor ‹…›, 「…」 or 『…』.

How the language is told: the share of the article's words (outside
quotation marks, when enough are) that are the commonest function words of
English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish,
Polish and Russian (the, of, and; der, und, nicht; le, de, qu'); for other
writing systems, the script most letters are in (Chinese, Japanese,
Korean, Greek, Hebrew, Thai; otherwise the script is named, such as
Cyrillic or Arabic). A language is named only when it is clear: at least
25 words, at least a fifth of them its function words (six different ones
at least), twice the share of English function words and 15 points above
it. An English article that quotes German, or names French places and
Spanish people, stays English; a text too short to tell is English.

To run every rule on every article anyway, disable this rule:

  [rules.language]
  enabled = false`,
		Run: func(p *linter.Pass) {
			a := p.Article
			lang := a.Language
			if lang.English() {
				return
			}
			span := article.Span{Start: a.Src.Start, End: a.Src.Start}
			for i := range a.Tokens {
				if a.IsWord(i) {
					span = a.Tokens[i].Span()
					break
				}
			}
			what := "looks " + lang.Name
			if lang.Script {
				what = "is written in " + lang.Name + " script"
			}
			p.Report(span, "this article "+what+"; newslint checks English news and skipped the rules that read language")
		},
	}
}
