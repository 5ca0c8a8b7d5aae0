package rules

import (
	"github.com/newslint/newslint/linter"
)

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// QuoteBalance reports quotation marks that open and never close, or close
// and never open.
func QuoteBalance() *linter.Rule {
	return &linter.Rule{
		Name:     "quote-balance",
		Doc:      "quotation marks that are opened and never closed, or closed and never opened",
		Severity: linter.Warning,
		Explain: `A double quotation mark (“ or ") that opens a quotation which is not closed in
the same paragraph, or a closing mark (” or ") with nothing open, usually
means a quotation was cut or pasted badly, and it hides where a speaker's
words end.

The news convention for a quotation that runs over several paragraphs is
accepted: a paragraph may leave its quotation open when the next paragraph
opens again with a quotation mark; only the last paragraph closes it.

  Wrong:  “We will win, she said.
  Right:  “We will win,” she said.
  Right:  “The first paragraph of a long quote.
          “The second, which closes it.”

Single quotation marks are checked only as quotes nested in double ones;
apostrophes (don't, Nazarbayev's, '90s) are never taken for quotes. A
straight double quotation mark between two letters (country"s) is reported
as a mistyped apostrophe, with the apostrophe as a suggested fix.

The quotation marks of other languages are paired as those languages pair
them (German „…“ and »…«, Polish „…”, French «…», Swedish »…») and are
never reported, in any article, nor are ‹…›, ‚…‘, 「…」 and 『…』. In an
article that is not English (see the language rule), a closing ” with
nothing open is not reported either: Swedish and Finnish quote ”…”.`,
		Run: func(p *linter.Pass) {
			a := p.Article
			for _, q := range a.Quotes {
				if q.Single || q.Foreign || !q.Unclosed() {
					continue
				}
				p.Report(q.Open(), "quotation opened here is never closed in its paragraph (and the next paragraph does not continue it)")
			}
			for _, s := range a.Stray {
				if !a.Language.English() && a.Text(s) == "”" {
					continue // Swedish and Finnish quote ”…”
				}
				if a.Text(s) == "\"" && s.Start > 0 && s.End < len(a.Src.Bytes) && isLetter(a.Src.Bytes[s.Start-1]) && isLetter(a.Src.Bytes[s.End]) {
					// country"s: a double quotation mark typed for an apostrophe
					p.Report(s, "double quotation mark inside a word: probably a mistyped apostrophe",
						p.Fix("replace with an apostrophe", s, "'"))
					continue
				}
				p.Report(s, "closing quotation mark with no opening mark before it in the paragraph")
			}
		},
	}
}
