package people

// paragraphSubjects decides, for each paragraph, whom it reports on: the
// subject of its first reported statement; else its first person mentioned
// outside quotations; else, for a paragraph that opens with a quotation,
// the subject of the paragraph before.
func (a *analysis) paragraphSubjects(pm *Model) {
	pm.Subjects = make([]ParagraphSubject, len(a.Paragraphs))
	for i := range pm.Subjects {
		pm.Subjects[i] = ParagraphSubject{Entity: -1, Mention: -1}
	}
	for _, st := range pm.Statements {
		s := &pm.Subjects[st.Para]
		if s.Mention >= 0 {
			continue
		}
		m := pm.Mentions[st.Mention]
		if m.Entity < 0 {
			continue
		}
		ev := "“" + a.Text(m.Span) + " … " + a.Text(st.Verb) + "”"
		if st.Verb.Start <= m.Start && m.End <= st.Verb.End {
			ev = "“" + a.Text(st.Verb) + "”"
		}
		s.Entity, s.Mention, s.Evidence = m.Entity, st.Mention, "reported statement: "+ev
	}
	for i, m := range pm.Mentions {
		s := &pm.Subjects[m.Para]
		if s.Mention >= 0 || m.Entity < 0 || m.Quote >= 0 || m.Form == Pronoun || !m.Kind.MayBePerson() {
			continue
		}
		s.Entity, s.Mention, s.Evidence = m.Entity, i, "first person mentioned: “"+a.Text(m.Span)+"”"
	}
}
