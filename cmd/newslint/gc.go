package main

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// The small soft limit (smallHeapLimit) suits the few MB of live heap an
// ordinary article leaves, but a model can outgrow it whatever the size
// of the file: a 1,000,000-byte article of many speakers and quotations
// leaves about 20 MB live, and under a 26 MB limit the collector then ran
// after every few hundred KB allocated (300 to 700 cycles, 4.7 s, where the
// 2,000,000-byte one, past the size threshold, took 19). So the choice is
// made from what the run actually does: after each collection, once the
// limit and not GOGC sets the pace — over the last few collections the
// run allocated less than gcPaceFloor a collection, and the heap is past
// heapWatchThreshold — the settings for a big model are taken, as tuneGC
// does up front for a file known to be big. Runs that stay small are
// untouched and keep their small peak.
//
// The heap alone is no measure: just after a collection the runtime
// counts the garbage it found but has not swept yet as allocated (after
// the first collection of a run over many small articles it read 15 MB
// where 1 MB was live), and when the heap was the only test, every run
// over a folder of articles took the big model's settings and collected
// twenty times as often. The bytes allocated and the collections counted
// are exact; they are read over several collections because a finalizer
// may run late (one collection can seem to follow the last closely).

// heapWatchThreshold is the heap after a collection from which the
// settings for a big model may be taken.
const heapWatchThreshold = smallHeapLimit / 2

// gcPaceFloor is how little a run may allocate between two collections
// before the small settings are left: under GOGC 400 a collection comes
// after at least 12 MB (the heap grows to five times what was live, 16
// MB at the least); under the 26 MB limit it comes after the limit less
// what is live, which falls under 6.5 MB once some 19 MB is live, where
// collections start to come after every few megabytes and the big
// settings pay. (The limit takes over the pace at about 5 MB live; from
// there to 19 MB it still leaves room enough between collections.)
const gcPaceFloor = smallHeapLimit / 4

// paceWindow is how many collections the pace is read over.
const paceWindow = 4

var bigGCOnce sync.Once

// bigGC switches to the settings for a big model (GOGC 25, soft limit
// bigHeapLimit), once; GOGC and GOMEMLIMIT in the environment still win.
func bigGC() { bigGCOnce.Do(func() { setGC(25, bigHeapLimit) }) }

// gcSentinel is an object kept unreachable whose finalizer runs after
// each collection (it holds a pointer, so it is never a tiny allocation
// that shares a block and might not be freed).
type gcSentinel struct{ _ *byte }

// watchHeap starts reading the collector's pace after every collection.
func watchHeap() { runtime.SetFinalizer(&gcSentinel{}, afterGC) }

// afterGC runs after a collection: it takes the big settings when the
// limit sets the collector's pace and stops watching; it also stops when
// the limit is no longer the small one (the language server, or
// GOMEMLIMIT).
func afterGC(s *gcSentinel) {
	if debug.SetMemoryLimit(-1) != smallHeapLimit {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if pace.limitSets(m.NumGC, m.TotalAlloc, m.HeapAlloc) {
		bigGC()
		return
	}
	runtime.SetFinalizer(s, afterGC)
}

// pace is afterGC's record (only afterGC, one collection at a time, reads
// and writes it).
var pace gcPace

// gcPace records the collections counted and the bytes allocated when
// afterGC ran, the last paceWindow+1 times.
type gcPace struct {
	n         int
	collected [paceWindow + 1]uint32
	allocated [paceWindow + 1]uint64
}

// limitSets records a reading (collections counted, bytes allocated in
// all, heap counted as allocated now) and reports whether, over the last
// paceWindow collections or more, the run allocated less than
// gcPaceFloor a collection while the heap is past heapWatchThreshold: the
// soft limit, not GOGC, calls the collections.
func (p *gcPace) limitSets(collected uint32, allocated, heap uint64) bool {
	copy(p.collected[1:], p.collected[:paceWindow])
	copy(p.allocated[1:], p.allocated[:paceWindow])
	p.collected[0], p.allocated[0] = collected, allocated
	p.n = min(p.n+1, paceWindow+1)
	if heap <= heapWatchThreshold {
		return false
	}
	for k := 1; k < p.n; k++ {
		if gcs := p.collected[0] - p.collected[k]; gcs >= paceWindow {
			return (allocated-p.allocated[k])/uint64(gcs) < gcPaceFloor
		}
	}
	return false
}
