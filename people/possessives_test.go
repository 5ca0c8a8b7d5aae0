package people

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObjectHisAt(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		// Where only an object stands.
		{"He has not endorsed his or conceded the race.", true},
		{"He has not endorsed his or conceded his bid.", true},
		{"Support among older voters gives his an edge.", true},
		{"He offered to campaign for his, aides said.", true},
		{"Sullivan told his she did not need notes.", true},
		{"Groups wrote a letter to back his.", true},
		// A possessive that owns what follows, or stands alone with its
		// noun understood.
		{"He has not endorsed his rival.", false},
		{"The seat was his to lose.", false},
		{"She said the result was his.", false},
		{"Her campaign spent less than his.", false},
		{"She will compare her record to his in the autumn.", false},
		{"She kept her promises; he broke his.", false},
		{"Like she showed hers, he showed his.", false},
		{"A friend of his said so.", false},
		{"The decision is all his.", false},
		{"He made his No. 1 priority the budget.", false},
		{"He compared his to hers.", false},
		{"He gave his to charity, and Dorn kept hers.", false},
		{"He gave his, and Dorn kept hers.", false},
		{"The lead allowed his to build a margin.", false}, // a slip, but "gave his to charity" is not
		{`He backed "his" candidate.`, false},
		{"His was the only vote against.", false},
	} {
		a := parse("t.txt", c.text)
		k := -1
		for i := range a.Tokens {
			if a.Lower(i) == "his" {
				k = i
				break // the first
			}
		}
		require.GreaterOrEqual(t, k, 0, c.text)
		assert.Equal(t, c.want, ObjectHisAt(a.Article, k), c.text)
	}
}
