package markup

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The publication date comes from what the file says, in each format.
func TestMarkdownFrontMatterDate(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: Rates\ndate: 2026-05-30\n---\nBody.\n", "2026-05-30"},
		{"---\ndate: 2026-05-30T10:00:00Z\n---\nBody.\n", "2026-05-30"},
		{"---\ndate: \"2026-05-30T23:30:00-05:00\"\n---\nBody.\n", "2026-05-30"},
		{"---\ndate: '2026-05-30'\n---\nBody.\n", "2026-05-30"},
		{"---\nDate:   2026-05-30 # the day it ran\n---\nBody.\n", "2026-05-30"},
		{"\ufeff---\r\ndate: 2024-02-29\r\n---\r\nBody.\r\n", "2024-02-29"},
		{"+++\ntitle = \"Rates\"\ndate = 2026-05-30T10:00:00Z\n+++\nBody.\n", "2026-05-30"},
		{"+++\ndate = \"2026-05-30\"\n+++\nBody.\n", "2026-05-30"},
		// No date, or none that reads as one.
		{"---\ntitle: Rates\n---\nBody.\n", ""},
		{"---\ndate: May 30, 2026\n---\nBody.\n", ""},
		{"---\ndate: 2026-02-30\n---\nBody.\n", ""},
		{"---\ndate: 2026-13-01\n---\nBody.\n", ""},
		{"---\ndated: 2026-05-30\n---\nBody.\n", ""},
		// Only a top-level key: not a nested one, nor one in TOML written
		// as YAML.
		{"---\nmeta:\n  date: 2026-05-30\n---\nBody.\n", ""},
		{"+++\ndate: 2026-05-30\n+++\nBody.\n", ""},
		// A --- block with prose in it is no front matter: its "date:"
		// line is article text.
		{"---\ndate: 2026-05-30\nThe mayor said so.\n---\nBody.\n", ""},
		// Article text never gives the date.
		{"date: 2026-05-30\n\nBody.\n", ""},
	} {
		a, doc := Parse("a.md", []byte(c.src), Markdown)
		assert.Equal(t, c.want, a.Date, "%q", c.src)
		assert.Equal(t, c.want, doc.Date, "%q", c.src)
	}
}

func TestHTMLDate(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`<html><head><meta property="article:published_time" content="2026-05-30T10:00:00Z"></head><body><p>Body.</p></body></html>`, "2026-05-30"},
		{`<html><head><meta content="2026-05-30" name="article:published_time"/></head><body><p>Body.</p></body></html>`, "2026-05-30"},
		// The meta tag wins over <time>, wherever it stands.
		{`<body><time datetime="2025-01-02">Jan 2</time><p>Body.</p><meta property="article:published_time" content="2026-05-30"></body>`, "2026-05-30"},
		// Else the first <time datetime> that reads as a date.
		{`<body><p>Posted <time datetime="not a date">today</time> <time datetime="2026-05-30 09:00">May 30</time>, updated <time datetime="2026-06-01">June 1</time>.</p></body>`, "2026-05-30"},
		// Inside the article, when the page has one, before the page's.
		{`<body><aside><time datetime="2020-01-01">old</time></aside><article><h1>T</h1><time datetime="2026-05-30">May 30</time><p>Body.</p></article></body>`, "2026-05-30"},
		{`<body><header><time datetime="2026-05-30">May 30</time></header><article><p>Body.</p></article></body>`, "2026-05-30"},
		// Other meta tags, and times without datetime, say nothing.
		{`<html><head><meta property="article:modified_time" content="2026-05-30"><meta name="date" content="2026-05-30"></head><body><p>Body <time>today</time>.</p></body></html>`, ""},
		{`<p>Body of 2026-05-30.</p>`, ""},
	} {
		a, _ := Parse("a.html", []byte(c.src), HTML)
		assert.Equal(t, c.want, a.Date, "%s", c.src)
	}
}

func TestPlainTextHasNoDate(t *testing.T) {
	a, _ := Parse("a.txt", []byte("---\ndate: 2026-05-30\n---\nBody.\n"), Text)
	assert.Equal(t, "", a.Date)
}
