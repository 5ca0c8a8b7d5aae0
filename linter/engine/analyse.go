package engine

import (
	"runtime"
	"sync"

	"golang.org/x/sync/semaphore"
)

// AnalyseTargets reads and analyses every target as LintTargets lints
// them — the same workers and bound on the bytes in flight, the size
// limit, the binary check, UTF-16 and legacy encodings decoded, each
// target under its configuration — without running any rule, and calls
// fn with each, from the workers, in no particular order: the analysed
// file, or why it could not be read (f nil). A failure while building the
// models is a *ModelError. fn must not keep f past its return if memory is
// to stay bounded.
func (l *Linter) AnalyseTargets(targets []Target, fn func(t Target, f *File, err error)) {
	l.each(targets, func(i int, tl *Linter, sized func(int64)) {
		f, err := tl.analyseTarget(targets[i], sized)
		fn(targets[i], f, err)
	})
}

// AnalyseWalk is AnalyseTargets on the targets Walk lists, analysed while
// the walk goes on: a few targets at most are held between the two, so
// that memory does not grow with the number of files. It returns Walk's
// error (a configuration that cannot be read ends the walk; the files
// listed before it are analysed).
func (l *Linter) AnalyseWalk(paths []string, configs ConfigFunc, opts WalkOptions, fn func(t Target, f *File, err error)) error {
	ch := make(chan Target, 64)
	var err error
	go func() {
		defer close(ch)
		err = Walk(paths, configs, opts, func(t Target) { ch <- t })
	}()
	l.eachFrom(ch, func(t Target, tl *Linter, sized func(int64)) {
		f, err := tl.analyseTarget(t, sized)
		fn(t, f, err)
	})
	return err
}

// eachFrom is each for the targets of a channel, until it is closed.
func (l *Linter) eachFrom(targets <-chan Target, work func(t Target, tl *Linter, sized func(int64))) {
	budget := l.bytesInFlight()
	inFlight := semaphore.NewWeighted(budget)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range targets {
				l.weighed(t, inFlight, budget, func(tl *Linter, sized func(int64)) { work(t, tl, sized) })
			}
		}()
	}
	wg.Wait()
}

func (l *Linter) analyseTarget(t Target, sized func(int64)) (f *File, err error) {
	data, format, err := l.read(t, sized)
	if err != nil {
		return nil, err
	}
	if dec := decode(data); dec != nil {
		data = dec.text
	}
	defer func() {
		if v := recover(); v != nil {
			f, err = nil, &ModelError{v}
		}
	}()
	return l.Analyse(t.Path, data, format), nil
}
