// Package linter is what rules are written against: Rule, Pass, Finding,
// typed options, the configuration as plain data, and applying suggested
// fixes. It stays small and free of parsers so that a rule depends on
// nothing but the article and people models: reading configuration files is
// linter/config's job, reading and linting files linter/engine's.
//
// Never imports: rules, format, inspect, cmd/newslint, internal/ruletest,
// linter/config, linter/engine, article/markup, github.com/yuin/goldmark,
// golang.org/x/net/html, github.com/BurntSushi/toml, github.com/sergi/go-diff
// (directly or not).
package linter
