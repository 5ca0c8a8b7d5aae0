package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words after which a full stop does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Mx": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Sen": true, "Sens": true, "Rep": true, "Reps": true, "Del": true, "Gov": true, "Lt": true, "Col": true,
	"Capt": true, "Cmdr": true, "Prof": true, "Rev": true, "Hon": true, "Sgt": true, "Cpl": true, "Pvt": true,
	"Adm": true, "Maj": true, "Supt": true, "Det": true, "Insp": true, "Atty": true, "Pres": true,
	"Amb": true, "Brig": true, "Mt": true, "Ft": true, "Messrs": true, "Mme": true, "Mlle": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Nos": true, "Vol": true, "vs": true, "etc": true, "approx": true, "Ave": true,
	"Blvd": true, "Fig": true, "ca": true, "cf": true, "al": true,
}

// isSentenceOpener reports whether r may start a sentence.
func isSentenceOpener(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

// stopByte marks the bytes a sentence's terminator may start with: . ! ?
// and every byte outside ASCII (the ellipsis is).
var stopByte = byteSet(func(c byte) bool { return c == '.' || c == '!' || c == '?' || c >= utf8.RuneSelf })

func (a *Article) splitSentences(pi int) {
	p := &a.Paragraphs[pi]
	p.FirstSentence = int32(len(a.Sentences))
	start := p.Start()
	b := a.Src.Bytes
	for i := p.Start(); i < p.End(); {
		// Terminators are . ! ? or the ellipsis (outside ASCII): other
		// ASCII bytes are passed over without decoding.
		if i = skipTo(b, i, p.End(), &stopByte); i >= p.End() {
			break
		}
		r, n := a.runeAt(i)
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Runs of terminators ("?!", "...") and closing quotes or brackets
		// belong to the sentence they end.
		for end < p.End() {
			r2, n2 := a.runeAt(end)
			if strings.ContainsRune(".!?…\"”’')]", r2) {
				end += n2
				continue
			}
			break
		}
		j := end
		sawSpace := false
		for j < p.End() {
			r2, n2 := a.runeAt(j)
			if !IsSpace(r2) {
				break
			}
			sawSpace = true
			j += n2
		}
		if !sawSpace || j >= p.End() {
			i = end
			continue
		}
		next, _ := a.runeAt(j)
		if !isSentenceOpener(next) || (r == '.' && a.abbreviationBefore(i)) {
			i = end
			continue
		}
		if len(a.Sentences) == cap(a.Sentences) {
			a.Sentences = GrowAt(a.Sentences, i, len(b))
		}
		a.Sentences = append(a.Sentences, Sentence{Span32: Span32Of(Span{start, end}), Para: int32(pi)})
		start = j
		i = j
	}
	if start < p.End() {
		if len(a.Sentences) == cap(a.Sentences) {
			a.Sentences = GrowAt(a.Sentences, p.End(), len(b))
		}
		a.Sentences = append(a.Sentences, Sentence{Span32: Span32Of(Span{start, p.End()}), Para: int32(pi)})
	}
	p.LastSentence = int32(len(a.Sentences) - 1)
}

// abbreviationBefore reports whether the full stop at off ends an
// abbreviation, an initial ("J."), or a dotted acronym ("U.S.").
func (a *Article) abbreviationBefore(off int) bool {
	s := off
	for s > a.Src.Start {
		r, n := a.runeBefore(s)
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		s -= n
	}
	w := a.Src.Text[s:off]
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	if strings.Contains(w, ".") {
		return true // U.S. U.N. e.g. J.R.
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
}
