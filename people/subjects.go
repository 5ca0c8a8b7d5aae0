package people

import (
	"sort"

	"github.com/newslint/newslint/article"
)

// paragraphSubjects decides, for each paragraph, whom it reports on: the
// subject of its first reported statement; else its first person
// mentioned outside quotations. It reads the paragraph's mentions and
// statements (indexPeople), and keeps only the paragraphs that have a
// subject.
func (a *analysis) paragraphSubjects(pm *Model) {
	for p := range a.Paragraphs {
		s := noSubject
		for _, si := range pm.StatementsByPara.Of(p) {
			st := pm.Statements[si]
			if m := pm.Mentions[st.Mention]; m.Entity >= 0 {
				s = ParagraphSubject{Entity: m.Entity, Mention: st.Mention, Statement: int32(si)}
				break
			}
		}
		if s.Mention < 0 {
			for _, i := range pm.MentionsByPara.Of(p) {
				if m := pm.Mentions[i]; m.Entity >= 0 && m.Quote < 0 && m.Form != Pronoun && m.Kind.MayBePerson() {
					s.Entity, s.Mention = m.Entity, int32(i)
					break
				}
			}
		}
		if s.Mention >= 0 {
			if len(pm.subjects) == cap(pm.subjects) {
				pm.subjects = article.GrowAt(pm.subjects, p, len(a.Paragraphs))
			}
			pm.subjects = append(pm.subjects, paragraphSubject{para: int32(p), ParagraphSubject: s})
		}
	}
}

// noSubject is the subject of a paragraph that reports on no one.
var noSubject = ParagraphSubject{Entity: -1, Mention: -1, Statement: -1}

// paragraphSubject is a paragraph's subject.
type paragraphSubject struct {
	para int32
	ParagraphSubject
}

// Subject returns the person paragraph p reports on (Entity -1 when
// none, or there is no paragraph p), with the evidence.
func (pm *Model) Subject(p int) ParagraphSubject {
	ss := pm.subjects
	k := sort.Search(len(ss), func(i int) bool { return int(ss[i].para) >= p })
	if k < len(ss) && int(ss[k].para) == p {
		return ss[k].ParagraphSubject
	}
	return noSubject
}

// SubjectEvidence says why paragraph p is about its subject: "reported
// statement: “Lukashenko … said”", or "first person mentioned: “Cruz”";
// "" when it has none.
func (pm *Model) SubjectEvidence(a *article.Article, p int) string {
	s := pm.Subject(p)
	switch {
	case s.Mention < 0:
		return ""
	case s.Statement >= 0:
		st := pm.Statements[s.Statement]
		m := pm.Mentions[s.Mention]
		if st.Verb.Start <= m.Start() && m.End() <= st.Verb.End {
			return "reported statement: “" + a.Text(st.Verb) + "”"
		}
		return "reported statement: “" + a.Text(m.Span()) + " … " + a.Text(st.Verb) + "”"
	}
	return "first person mentioned: “" + a.Text(pm.Mentions[s.Mention].Span()) + "”"
}
