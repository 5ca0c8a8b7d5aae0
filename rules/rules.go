// Package rules holds newslint's rules, one file per rule. Each file
// declares its rule as a function that returns a fresh *linter.Rule; All
// lists them explicitly (no registration at init).
//
// Never imports: format, inspect, cmd/newslint, internal/ruletest,
// article/markup, github.com/yuin/goldmark, golang.org/x/net/html,
// github.com/BurntSushi/toml, github.com/sergi/go-diff (directly or not).
package rules

import "github.com/newslint/newslint/linter"

// All returns every rule, sorted by name.
func All() []*linter.Rule {
	return []*linter.Rule{
		Language(),
		NameSpelling(),
		NumberConsistency(),
		PronounConsistency(),
		QuoteAttribution(),
		QuoteBalance(),
		QuoteFidelity(),
		TitleConsistency(),
		UnintroducedPerson(),
	}
}

// Lookup returns the rule with that name, or nil.
func Lookup(name string) *linter.Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
