package archive

import (
	"bytes"
	"fmt"
	"math/bits"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkedChunks is the number of chunks of a that are read and checked.
func checkedChunks(a *Authority) int {
	n := 0
	for i := range a.checked {
		n += bits.OnesCount64(a.checked[i].Load())
	}
	return n
}

// synthFile writes the authority of n synthetic entities to dir, and
// returns its path and the names of some of its persons (read from
// another copy of it).
func synthFile(t testing.TB, dir string, n int) (string, []Entity) {
	var buf bytes.Buffer
	require.NoError(t, WriteSynthetic(&buf, n, 7))
	a, err := Parse("synth.nla", buf.Bytes())
	require.NoError(t, err)
	var persons []Entity
	require.NoError(t, a.Each(func(h Handle, s Summary) bool {
		if s.Kind == Person && h%97 == 0 {
			e, err := a.Entity(h)
			require.NoError(t, err)
			persons = append(persons, e)
		}
		return true
	}))
	require.NotEmpty(t, persons)
	return writeTemp(t, dir, "synth.nla", buf.Bytes()), persons
}

// lookUp makes the look-ups a rule makes for a person: its entity by
// name, and the surnames under its given name and title from its
// surname's initial.
func lookUp(a *Authority, e Entity) error {
	h, ok, err := a.Lookup(e.Name, Person)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s not found", e.Name)
	}
	if _, err := a.Entity(h); err != nil {
		return err
	}
	given, sur, _ := bytes.Cut([]byte(e.Name), []byte(" "))
	found := false
	err = a.FrameFrom(FrameGiven, string(given), string(sur[:1]), func(fe FrameEntry) bool {
		found = found || fe.Entity == h
		return fe.Surname[0] == sur[0]
	})
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("%s not under its given name", e.Name)
	}
	if len(e.Titles) > 0 {
		return a.Frame(FrameTitle, e.Titles[0].Class, func(FrameEntry) bool { return false })
	}
	return nil
}

// Opening reads the header, the footer, the table of checksums and the
// summary, not the records: a look-up reads and checks the chunks it
// needs, a few of many; Verify reads them all.
func TestOpenReadsOnlyWhatItNeeds(t *testing.T) {
	path, persons := synthFile(t, t.TempDir(), 20_000)
	a, err := Open(path)
	require.NoError(t, err)
	defer a.Close()
	all := int(chunks(uint64(len(a.data))))
	require.Greater(t, all, 100)
	assert.LessOrEqual(t, checkedChunks(a), 2, "the summary's chunks")
	require.NoError(t, lookUp(a, persons[len(persons)/2]))
	assert.Less(t, checkedChunks(a), 40, "a person's look-ups read a few chunks of %d", all)
	require.NoError(t, a.Verify())
	assert.Equal(t, all, checkedChunks(a))
	require.NoError(t, a.Check())
}

// Look-ups from many goroutines at once on an authority just opened
// (each chunk read and checked once, by one of them) give what one
// goroutine gets (go test -race checks them too).
func TestConcurrentLookups(t *testing.T) {
	path, persons := synthFile(t, t.TempDir(), 5_000)
	for round := 0; round < 3; round++ {
		a, err := Open(path)
		require.NoError(t, err)
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for g := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range persons {
					if err := lookUp(a, persons[(i+g*7)%len(persons)]); err != nil {
						errs[g] = err
						return
					}
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
		require.NoError(t, a.Check())
		require.NoError(t, a.Close())
	}
}

// An authority whose file is cut short, or rewritten in place, while it
// is mapped is an error naming the file from the look-ups that read what
// changed (ErrChanged), never a crash.
func TestFileChangedUnderAReader(t *testing.T) {
	dir := t.TempDir()
	path, persons := synthFile(t, dir, 20_000)
	good, err := os.ReadFile(path)
	require.NoError(t, err)
	first, last := persons[0], persons[len(persons)-1]

	a, err := Open(path)
	require.NoError(t, err)
	require.NotNil(t, a.free, "mapped")
	require.NoError(t, lookUp(a, first))
	require.NoError(t, os.Truncate(path, 0))
	for _, e := range []Entity{first, last} {
		err = lookUp(a, e)
		require.ErrorIs(t, err, ErrChanged)
		assert.Equal(t, path+": changed after it was opened: it is cut short, a part of it is gone (build or copy it again, and open it again)", err.Error())
	}
	require.ErrorIs(t, a.Check(), ErrChanged)
	require.ErrorIs(t, a.Each(func(Handle, Summary) bool { return true }), ErrChanged)
	_, err = a.HasArticle(1)
	require.ErrorIs(t, err, ErrChanged)
	require.NoError(t, a.Close())

	// cp over it: the same length, other bytes, in chunks not read yet.
	require.NoError(t, os.WriteFile(path, good, 0o644))
	a, err = Open(path)
	require.NoError(t, err)
	require.NoError(t, lookUp(a, first))
	other := append([]byte(nil), good...)
	for i := len(other) / 2; i < len(other); i++ {
		other[i] ^= 0x33
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteAt(other[len(other)/2:], int64(len(other)/2))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.NoError(t, os.Chtimes(path, a.mtime.Add(time.Second), a.mtime.Add(time.Second)))
	err = lookUp(a, last)
	require.ErrorIs(t, err, ErrChanged)
	assert.Contains(t, err.Error(), path+": changed after it was opened: ")
	require.ErrorIs(t, a.Verify(), ErrChanged)
	require.NoError(t, a.Close())
}
