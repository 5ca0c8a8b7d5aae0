package rules

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/article/markup"
	"github.com/newslint/newslint/linter/engine"
	"github.com/stretchr/testify/require"
)

var awkward = []string{
	"",
	"\ufeff",
	"\r\n\r\n\r\n",
	"\xff\xfe\xfd “invalid utf8 said \xc3 Smith",
	strings.Repeat("Mr. Smith said “yes” and he left. ", 5000),
	strings.Repeat("a", 200000) + ".",
	"“Q,” said\n\n“\n\n“",
	"\ufeffPresident Ana Lis\r\nsaid: “We won.”\r\n\r\nThe 45-year-old Lis, 47, said she was happy. Monday, February 30, 2020.",
	"<!-- newslint-disable -->\n<!-- newslint-enable x -->\n<!-- newslint-disable-next-line -->",
	"He said she said they said.",
	"Minister Minister Minister Smith Smith Smith’s ’s 's",
}

// Every rule runs on awkward input in every input format without a panic
// (a recovered panic would show as an internal error).
func TestAllRulesOnAwkwardInput(t *testing.T) {
	l := defaultLinter(t)
	l.ReportUnusedSuppressions = true
	for _, in := range awkward {
		for _, f := range []markup.Format{markup.Text, markup.Markdown, markup.HTML} {
			findings, err := l.Lint("x", []byte(in), f)
			require.NoError(t, err, "%q as %v", in[:min(40, len(in))], f)
			for _, fd := range findings {
				require.True(t, fd.Start.Offset <= fd.End.Offset && fd.End.Offset <= len(in), "%v", fd)
			}
		}
	}
}

func FuzzLint(f *testing.F) {
	for _, in := range awkward {
		if len(in) < 2000 {
			f.Add([]byte(in), uint8(0))
		}
	}
	f.Add([]byte("# T\n\n“Q,” said Kobyakov.\n\n```\nx\n```\n"), uint8(1))
	f.Add([]byte("<p>&ldquo;Q,&rdquo; said <b>X Y</b>.</p>"), uint8(2))
	l := &engine.Linter{Rules: All()}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		findings, err := l.Lint("f", data, markup.Format(format%3))
		if err != nil {
			t.Fatalf("internal error: %v", err)
		}
		for _, fd := range findings {
			if fd.Start.Offset > fd.End.Offset || fd.End.Offset > len(data) {
				t.Fatalf("bad span %+v", fd)
			}
		}
	})
}
