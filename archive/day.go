package archive

import (
	"fmt"
	"time"

	"github.com/newslint/newslint/article"
)

// Day is a publication date: the number of days from 1799-12-31 (so that
// 1800-01-01 is 1), or 0 for none.
type Day uint32

// epoch is day 0.
var epoch = time.Date(1799, 12, 31, 0, 0, 0, 0, time.UTC)

// ParseDay reads a date as article.ParseDate does ("2026-05-30", or a
// timestamp opening with one); 0 when s is none.
func ParseDay(s string) Day {
	d := article.ParseDate(s)
	if d == "" {
		return 0
	}
	y := int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	m := int(d[5]-'0')*10 + int(d[6]-'0')
	dd := int(d[8]-'0')*10 + int(d[9]-'0')
	t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
	return Day((t.Unix() - epoch.Unix()) / (24 * 60 * 60))
}

// String is the date as "YYYY-MM-DD", or "" for none.
func (d Day) String() string {
	if d == 0 {
		return ""
	}
	t := epoch.AddDate(0, 0, int(d))
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), t.Month(), t.Day())
}

// earlier is the earlier of two days, a day being earlier than none.
func earlier(a, b Day) Day {
	if a == 0 || b != 0 && b < a {
		return b
	}
	return a
}
