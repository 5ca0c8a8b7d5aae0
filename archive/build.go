package archive

import (
	"io"
	"os"

	"github.com/newslint/newslint/internal/safeio"
)

// DefaultSpillBytes is the default Builder.SpillBytes.
const DefaultSpillBytes = 32 << 20

// Builder sums Articles into an authority, with memory bounded however
// many it is given: past SpillBytes of sums (estimated) it writes them,
// sorted, to a temporary run, and Finish merges the runs. What it keeps of
// every article is its fingerprint (11 to 21 bytes), so as not to count
// it twice. Not safe for concurrent use.
type Builder struct {
	// SpillBytes is how much (estimated) the sums held in memory may
	// take before they are written to a run (0: DefaultSpillBytes).
	SpillBytes int64
	// TempDir is where runs are written ("": the system's temporary
	// directory).
	TempDir string
	// Known, when set, reports articles to skip as already counted (those
	// of the authority an update adds to).
	Known func(fp uint64) bool

	sums *sums
	seen fpSet
	runs []string
	// Added is the number of articles summed; Skipped of those skipped,
	// seen already.
	Added, Skipped int
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{sums: newSums()}
}

// Add sums an article, unless the Builder has summed one with the same
// text (or Known reports it): then it returns false. An error is one
// writing a run.
func (b *Builder) Add(a *Article) (bool, error) {
	if b.Known != nil && b.Known(a.fingerprint) || !b.seen.add(a.fingerprint) {
		b.Skipped++
		return false, nil
	}
	b.sums.add(a)
	b.Added++
	limit := b.SpillBytes
	if limit <= 0 {
		limit = DefaultSpillBytes
	}
	if b.sums.estimate >= limit {
		return true, b.spill()
	}
	return true, nil
}

// Runs is the number of runs written so far.
func (b *Builder) Runs() int { return len(b.runs) }

// spill writes the sums to a new run and empties them.
func (b *Builder) spill() error {
	f, err := createTemp(b.TempDir)
	if err != nil {
		return err
	}
	b.runs = append(b.runs, f.Name())
	err = b.sums.write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	b.sums = newSums()
	return err
}

// Finish writes the authority of every article added, and of the
// authorities at paths (which must hold none of them: see Known), to w,
// and removes the runs. The Builder is empty after.
func (b *Builder) Finish(w io.Writer, paths ...string) error {
	defer b.Close()
	if len(b.runs) == 0 && len(paths) == 0 {
		return b.sums.write(w)
	}
	if !b.sums.empty() || len(b.runs) == 0 && len(paths) == 0 {
		if err := b.spill(); err != nil {
			return err
		}
	}
	return mergeFiles(w, b.TempDir, append(append([]string(nil), paths...), b.runs...))
}

// Close removes the runs written and empties the Builder.
func (b *Builder) Close() {
	for _, r := range b.runs {
		removeTemp(r)
	}
	b.runs = nil
	b.sums = newSums()
}

// createTemp creates a temporary file for a run or a merge, removed on an
// interrupt.
func createTemp(dir string) (*os.File, error) {
	return safeio.CreateTemp(dir, ".newslint-names-*.nla")
}

func removeTemp(name string) { safeio.RemoveTemp(name) }
