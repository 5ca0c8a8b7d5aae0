package newslint_test

import (
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/newslint/newslint"
	"github.com/newslint/newslint/linter"
	"github.com/newslint/newslint/linter/config"
	"github.com/newslint/newslint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// config.toml is the documented default configuration: it has a
// [rules.<id>] table for every rule, in which every option the rule
// declares is written out at its default value, and the severity is the
// rule's default.
func TestConfigDocumentsEveryRule(t *testing.T) {
	var doc struct {
		Rules map[string]map[string]any `toml:"rules"`
	}
	_, err := toml.Decode(string(newslint.DefaultConfig), &doc)
	require.NoError(t, err)
	for _, r := range rules.All() {
		tbl, ok := doc.Rules[r.Name]
		if !assert.True(t, ok, "config.toml has no [rules.%s] table", r.Name) {
			continue
		}
		assert.Equal(t, r.Severity.String(), tbl["severity"], "[rules.%s] severity", r.Name)
		assert.Equal(t, true, tbl["enabled"], "[rules.%s] enabled", r.Name)
		for _, o := range r.Options {
			v, ok := tbl[o.Name()]
			if !assert.True(t, ok, "[rules.%s] does not document option %s", r.Name, o.Name()) {
				continue
			}
			if list, isList := o.Default().([]string); isList {
				got := []string{}
				for _, x := range v.([]any) {
					got = append(got, x.(string))
				}
				assert.Equal(t, list, got, "[rules.%s] %s", r.Name, o.Name())
				continue
			}
			assert.Equal(t, o.Default(), v, "[rules.%s] %s", r.Name, o.Name())
		}
	}
	// And nothing else: loading it checks every key against the rules.
	_, err = config.Load(newslint.DefaultConfig, "", rules.All())
	require.NoError(t, err)
}

// config.toml documents max-same-issues at its default.
func TestConfigDocumentsMaxSameIssues(t *testing.T) {
	var doc map[string]any
	_, err := toml.Decode(string(newslint.DefaultConfig), &doc)
	require.NoError(t, err)
	assert.Equal(t, int64(linter.DefaultMaxSameIssues), doc["max-same-issues"])
}

// TestBuiltInConfigIsTheRulesDefaults: config.toml, merged over the
// rules' own defaults, changes nothing, so a run without a configuration
// file need not parse it (config.LoadFile skips it); a copy of its text is
// still parsed, and gives the same configuration.
func TestBuiltInConfigIsTheRulesDefaults(t *testing.T) {
	all := rules.All()
	merged := linter.DefaultConfig(all)
	require.NoError(t, config.Merge(merged, "config.toml", newslint.DefaultConfig, all))
	assert.Equal(t, linter.DefaultConfig(all), merged, "config.toml says something the rules' defaults do not")
	loaded, err := config.LoadFile(newslint.DefaultConfig, "", all)
	require.NoError(t, err)
	assert.Equal(t, merged, loaded)
	copied, err := config.LoadFile(append([]byte(nil), newslint.DefaultConfig...), "", all)
	require.NoError(t, err)
	assert.Equal(t, merged, copied)
}
