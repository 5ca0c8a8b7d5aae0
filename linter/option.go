package linter

import "fmt"

// Option is a rule option as the configuration sees it: a name and a
// default, whose type is the type a configuration must give.
type Option interface {
	Name() string
	Default() any
	// Check reports whether a value of the option's type is in its
	// range; the error says the range.
	Check(v any) error
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
	// lo and hi bound a number, when ranged is set.
	ranged bool
	lo, hi float64
}

// NewOption declares an option with its default.
func NewOption[T OptionValue](name string, def T) *Opt[T] { return &Opt[T]{name: name, def: def} }

// Within bounds a numeric option to [lo, hi], checked when the
// configuration is loaded.
func (o *Opt[T]) Within(lo, hi float64) *Opt[T] {
	o.ranged, o.lo, o.hi = true, lo, hi
	return o
}

// Range describes the option's range in words, or "" when it has none.
func (o *Opt[T]) Range() string {
	if !o.ranged {
		return ""
	}
	return fmt.Sprintf("%g to %g", o.lo, o.hi)
}

// Check reports a number outside the option's range.
func (o *Opt[T]) Check(v any) error {
	if !o.ranged {
		return nil
	}
	var x float64
	switch n := v.(type) {
	case int64:
		x = float64(n)
	case float64:
		x = n
	default:
		return nil
	}
	if x < o.lo || x > o.hi {
		return fmt.Errorf("must be from %g to %g, not %v", o.lo, o.hi, v)
	}
	return nil
}

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
