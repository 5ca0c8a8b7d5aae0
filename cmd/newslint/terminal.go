package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminalFile(f)
}

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// useColor decides, for --color mode, whether output to w is coloured:
// always, never, or (auto) when w is a terminal, NO_COLOR is unset or
// empty and TERM is not "dumb". --color=always wins over NO_COLOR, as
// no-color.org asks.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && isTerminal(w)
}

// progressDelay is how long a run lasts before its progress line shows;
// progressEvery, how often the line is redrawn.
var (
	progressDelay = time.Second
	progressEvery = 100 * time.Millisecond
)

// progress is the line "newslint: 120 of 2419 files linted" that a run
// longer than progressDelay redraws on a terminal, and clears when it
// ends.
type progress struct {
	w     io.Writer
	verb  string // "linted", or what else is done to the files
	total int
	done  atomic.Int64
	shown bool
	stop  chan struct{}
	ended chan struct{}
}

// startProgress starts the progress line of a run over total files on w.
func startProgress(w io.Writer, total int) *progress { return startProgressOf(w, total, "linted") }

// startProgressOf is startProgress, saying "read" or the like of the files
// instead of "linted".
func startProgressOf(w io.Writer, total int, verb string) *progress {
	p := &progress{w: w, verb: verb, total: total, stop: make(chan struct{}), ended: make(chan struct{})}
	if progressDelay <= 0 {
		p.draw()
	}
	go p.run()
	return p
}

// linted counts one file done; the linter calls it from its workers.
func (p *progress) linted() { p.done.Add(1) }

func (p *progress) run() {
	defer close(p.ended)
	if !p.shown {
		delay := time.NewTimer(progressDelay)
		defer delay.Stop()
		select {
		case <-p.stop:
			return
		case <-delay.C:
		}
		p.draw()
	}
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			fmt.Fprint(p.w, "\r\x1b[K")
			return
		case <-tick.C:
			p.draw()
		}
	}
}

func (p *progress) draw() {
	p.shown = true
	noun := "files"
	if p.total == 1 {
		noun = "file"
	}
	if p.total <= 0 { // not known: files are read as they are found
		fmt.Fprintf(p.w, "\r\x1b[Knewslint: %d files %s", p.done.Load(), p.verb)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Knewslint: %d of %d %s %s", p.done.Load(), p.total, noun, p.verb)
}

// end clears the line (when it was shown) before anything else is
// written.
func (p *progress) end() {
	close(p.stop)
	<-p.ended
}
