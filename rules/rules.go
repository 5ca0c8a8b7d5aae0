// Package rules holds newslint's rules, one file per rule. Each file declares
// its rule as a *linter.Rule value and lists it in All.
package rules

import (
	"sort"

	"github.com/newslint/newslint/linter"
)

var registry []*linter.Rule

// register adds a rule; each rule file calls it from a package-level var.
func register(r *linter.Rule) *linter.Rule {
	if err := r.Validate(); err != nil {
		panic(err)
	}
	for _, old := range registry {
		if old.Name == r.Name {
			panic("rules: duplicate rule " + r.Name)
		}
	}
	registry = append(registry, r)
	sort.Slice(registry, func(i, j int) bool { return registry[i].Name < registry[j].Name })
	return r
}

// All returns every rule, sorted by name.
func All() []*linter.Rule {
	out := make([]*linter.Rule, len(registry))
	copy(out, registry)
	return out
}

// Lookup returns the rule with that name, or nil.
func Lookup(name string) *linter.Rule {
	for _, r := range registry {
		if r.Name == name {
			return r
		}
	}
	return nil
}
