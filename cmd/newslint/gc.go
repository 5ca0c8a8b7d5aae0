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
// made from what the run actually holds: after each collection the live
// heap is read, and once it passes half the small limit (where the limit,
// not GOGC, starts to set the pace) the settings for a big model are
// taken, as tuneGC does up front for a file known to be big. Runs that
// stay small are untouched and keep their small peak.

// heapWatchThreshold is the live heap after a collection from which the
// settings for a big model are taken.
const heapWatchThreshold = smallHeapLimit / 2

var bigGCOnce sync.Once

// bigGC switches to the settings for a big model (GOGC 25, soft limit
// bigHeapLimit), once; GOGC and GOMEMLIMIT in the environment still win.
func bigGC() { bigGCOnce.Do(func() { setGC(25, bigHeapLimit) }) }

// gcSentinel is an object kept unreachable whose finalizer runs after
// each collection (it holds a pointer, so it is never a tiny allocation
// that shares a block and might not be freed).
type gcSentinel struct{ _ *byte }

// watchHeap starts checking the live heap after every collection.
func watchHeap() { runtime.SetFinalizer(&gcSentinel{}, afterGC) }

// afterGC runs after a collection: it takes the big settings when the
// live heap calls for them and stops watching; it also stops when the
// limit is no longer the small one (the language server, or GOMEMLIMIT).
func afterGC(s *gcSentinel) {
	if debug.SetMemoryLimit(-1) != smallHeapLimit {
		return
	}
	if liveHeap() > heapWatchThreshold {
		bigGC()
		return
	}
	runtime.SetFinalizer(s, afterGC)
}

// liveHeap is the heap in use just after a collection, in bytes: what it
// found live and the little allocated since it ended. (runtime/metrics
// reads the live heap alone, but initialising that package costs every
// run, big or small, about half a millisecond before main.)
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
