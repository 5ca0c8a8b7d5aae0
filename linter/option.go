package linter

import "fmt"

// Option is a rule option as the configuration sees it: a name and a
// default, whose type is the type a configuration must give.
type Option interface {
	Name() string
	Default() any
}

// OptionValue lists the types an option may have.
type OptionValue interface {
	bool | int64 | float64 | string | []string
}

// Opt is a typed rule option. A rule declares it once, as a value, lists it
// in Rule.Options and reads it with Get: the option's name is written in one
// place only, so a misspelt name cannot compile, and the configuration is
// checked against the declared type when it is loaded.
type Opt[T OptionValue] struct {
	name string
	def  T
}

// NewOption declares an option with its default.
func NewOption[T OptionValue](name string, def T) *Opt[T] { return &Opt[T]{name: name, def: def} }

// Name is the option's key in [rules.<rule>].
func (o *Opt[T]) Name() string { return o.name }

// Default is the option's default value.
func (o *Opt[T]) Default() any { return o.def }

// Get returns the option's value for this pass. A rule that reads an
// option it does not list in Rule.Options is a programming error, and
// Get panics (the engine reports it as the rule's internal error).
func (o *Opt[T]) Get(pass *Pass) T {
	v, ok := pass.options[o.name]
	if !ok {
		panic(fmt.Sprintf("rule %s reads option %q, which it does not declare", pass.Rule.Name, o.name))
	}
	return v.(T)
}
