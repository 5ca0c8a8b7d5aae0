package engine

import "github.com/newslint/newslint/linter"

// LintEach lints every target as LintTargets does — the same workers,
// bound on the bytes in flight and configurations — and calls fn with
// each target's result and its analysed file (nil when the file could not
// be read or analysed: res.Err says why), from the workers, in no
// particular order. Nothing is kept: fn must not keep f past its return,
// nor more of res than it needs, if memory is to stay bounded however
// many files are linted (newslint archive report keeps a few findings).
// The lines and columns of the findings are those of f's text; their
// offsets are too, unless the file was decoded from UTF-16 or a legacy
// encoding (then they point into the file as it is on disk).
func (l *Linter) LintEach(targets []Target, fn func(t Target, f *File, res linter.FileResult)) {
	l.each(targets, func(i int, tl *Linter, sized func(int64)) {
		f, res := tl.lintTargetFile(targets[i], sized)
		fn(targets[i], f, res)
	})
}
