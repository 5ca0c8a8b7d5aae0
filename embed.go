// Package newslint holds what the whole module shares: the documented
// default configuration (config.toml, embedded) and the version. Its tests
// check the module's layout (layout_test.go) and config.toml.
//
// Never imports: any package of this module.
package newslint

import _ "embed"

// DefaultConfig is config.toml: the documented defaults, and the built-in
// configuration when no newslint.toml is found.
//
//go:embed config.toml
var DefaultConfig []byte

// Version is newslint's version.
const Version = "0.1.0"

// InformationURI is where newslint's documentation lives.
const InformationURI = "https://github.com/newslint/newslint"
