package article

import "strings"

// ParseDate reads a publication date as article files write it: a
// calendar date "2026-05-30", alone or opening a timestamp
// ("2026-05-30T10:00:00Z", "2026-05-30 10:00"), quoted or not, with space
// around it. It returns the date as "YYYY-MM-DD" (the day as written, in
// the timestamp's own time zone), or "" when s is no such date (a month
// or a day out of range, "May 30, 2026", a year before 1800).
func ParseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	if len(s) > 10 {
		// A time follows, or a YAML comment: anything else (a digit,
		// "2026-05-301") is not a date.
		switch s[10] {
		case 'T', 't', ' ', '\t':
		default:
			return ""
		}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1800 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return ""
	}
	return s[:10]
}

// DaysIn is the number of days of month m (1 to 12) of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// digits reads s, ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
