package people

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordSet(t *testing.T) {
	s := newWordSet(2)
	for i := 0; i < 1000; i++ {
		s.add(fmt.Sprintf("w%d", i))
		s.add(fmt.Sprintf("w%d", i)) // twice: still one
	}
	assert.Equal(t, 1000, s.n)
	for i := 0; i < 1000; i++ {
		assert.True(t, s.Has(fmt.Sprintf("w%d", i)))
		assert.False(t, s.Has(fmt.Sprintf("x%d", i)))
	}
	var none *WordSet
	assert.False(t, none.Has("w1"))
}
