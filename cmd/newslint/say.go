package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/format"
)

// sayf writes one message to w (standard error): "newslint: " and the
// message, on one line. Paths, configuration keys, rule names, what git
// said, any error: the message is made visible (format.Visible), so that
// control characters in them ("\x1b]0;title\a" sets a terminal's title)
// are written as escapes and one message stays one line.
func sayf(w io.Writer, layout string, args ...any) {
	fmt.Fprintln(w, "newslint: "+format.Visible(fmt.Sprintf(layout, args...)))
}

// visibleLines is a writer that writes what it is given with each line
// made visible, keeping the line feeds and tabs: for what the flag
// package writes (an unknown flag is echoed as given) and the usage.
type visibleLines struct{ w io.Writer }

func (v visibleLines) Write(p []byte) (int, error) {
	lines := strings.Split(string(p), "\n")
	for i, line := range lines {
		cells := strings.Split(line, "\t")
		for j, c := range cells {
			cells[j] = format.Visible(c)
		}
		lines[i] = strings.Join(cells, "\t")
	}
	if _, err := io.WriteString(v.w, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}
