package engine

import (
	"slices"
	"strings"
	"sync"

	"github.com/newslint/newslint/linter"
)

// LintTargetsFunc is LintTargets with each file's result handed to fn as
// soon as it and every file before it in LintTargets' order (by path) are
// linted, rather than all returned at the end: a run can write each
// file's findings and let them go. fn is called from one goroutine at a
// time, in that order; a result that comes early waits for those before
// it.
func (l *Linter) LintTargetsFunc(targets []Target, fn func(linter.FileResult)) {
	order := slices.Clone(targets)
	slices.SortStableFunc(order, func(a, b Target) int { return strings.Compare(a.Path, b.Path) })
	var mu sync.Mutex
	pending := map[int]linter.FileResult{}
	next := 0
	l.each(order, func(i int, tl *Linter, sized func(int64)) {
		r := tl.lintTarget(order[i], sized)
		mu.Lock()
		defer mu.Unlock()
		pending[i] = r
		for {
			r, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			next++
			fn(r)
		}
	})
}
