package people

import "github.com/newslint/newslint/article"

// paragraphSubjects decides, for each paragraph, whom it reports on: the
// subject of its first reported statement; else its first person mentioned
// outside quotations; else, for a paragraph that opens with a quotation,
// the subject of the paragraph before.
func (a *analysis) paragraphSubjects(pm *Model) {
	pm.Subjects = make([]ParagraphSubject, len(a.Paragraphs))
	for i := range pm.Subjects {
		pm.Subjects[i] = ParagraphSubject{Entity: -1, Mention: -1, Statement: -1}
	}
	for si, st := range pm.Statements {
		s := &pm.Subjects[st.Para]
		if s.Mention >= 0 {
			continue
		}
		if m := pm.Mentions[st.Mention]; m.Entity >= 0 {
			s.Entity, s.Mention, s.Statement = m.Entity, st.Mention, int32(si)
		}
	}
	for i, m := range pm.Mentions {
		s := &pm.Subjects[m.Para]
		if s.Mention >= 0 || m.Entity < 0 || m.Quote >= 0 || m.Form == Pronoun || !m.Kind.MayBePerson() {
			continue
		}
		s.Entity, s.Mention = m.Entity, int32(i)
	}
}

// SubjectEvidence says why paragraph p is about its subject: "reported
// statement: “Lukashenko … said”", or "first person mentioned: “Cruz”";
// "" when it has none.
func (pm *Model) SubjectEvidence(a *article.Article, p int) string {
	s := pm.Subjects[p]
	switch {
	case s.Mention < 0:
		return ""
	case s.Statement >= 0:
		st := pm.Statements[s.Statement]
		m := pm.Mentions[s.Mention]
		if st.Verb.Start <= m.Start && m.End <= st.Verb.End {
			return "reported statement: “" + a.Text(st.Verb) + "”"
		}
		return "reported statement: “" + a.Text(m.Span) + " … " + a.Text(st.Verb) + "”"
	}
	return "first person mentioned: “" + a.Text(pm.Mentions[s.Mention].Span) + "”"
}
