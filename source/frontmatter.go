package source

import (
	"bytes"
	"strings"
)

// FrontMatter returns the paths the "sources" key of a Markdown article's
// front matter lists, as written: in YAML (--- fences) "sources: a.txt",
// "sources: [a.txt, "b.srt"]" or "sources:" followed by "- a.txt" items;
// in TOML (+++ fences) "sources = ["a.txt", "b.srt"]". Nil when there is
// no front matter or no such key. Only this key is read; the rest of the
// front matter is the Markdown reader's.
func FrontMatter(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var fence string
	switch {
	case bytes.HasPrefix(data, []byte("---")):
		fence = "---"
	case bytes.HasPrefix(data, []byte("+++")):
		fence = "+++"
	default:
		return nil
	}
	lines := strings.Split(string(data[:min(len(data), 64<<10)]), "\n")
	if strings.TrimSpace(lines[0]) != fence {
		return nil
	}
	var out []string
	inList := false
	for _, raw := range lines[1:] {
		line := strings.TrimRight(raw, " \t\r")
		t := strings.TrimSpace(line)
		if t == fence || fence == "---" && t == "..." {
			return out
		}
		if inList {
			if item, ok := strings.CutPrefix(t, "- "); ok && line != t {
				out = append(out, unquote(item))
				continue
			}
			if strings.HasPrefix(t, "- ") {
				out = append(out, unquote(t[2:]))
				continue
			}
			inList = false
		}
		sep := ":"
		if fence == "+++" {
			sep = "="
		}
		key, val, ok := strings.Cut(line, sep)
		if !ok || strings.TrimSpace(key) != "sources" || key != strings.TrimLeft(key, " \t") {
			continue
		}
		val = strings.TrimSpace(val)
		switch {
		case val == "":
			inList = true
		case strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]"):
			for _, item := range strings.Split(val[1:len(val)-1], ",") {
				if item = unquote(strings.TrimSpace(item)); item != "" {
					out = append(out, item)
				}
			}
		default:
			out = append(out, unquote(val))
		}
	}
	return nil // no closing fence: no front matter
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
