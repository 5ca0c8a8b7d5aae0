// Package people is the model of who is who and who said what in an
// article: every mention of a person (full name, surname, honorific or
// title and name, role phrase such as "the Belarus President", pronoun),
// the entities those mentions group into with their roles and gender, the
// speaker of every quotation, statements reported outside quotations, and
// each paragraph's subject. Analyse builds it once from an article; every
// rule reads it.
//
// Files: analyse.go (the steps in order), mentions.go (finding mentions),
// roles.go (titles and role phrases), entities.go (grouping mentions into
// people), pronouns.go, speakers.go (attributions and reported
// statements), subjects.go, lexicon.go and countries_gen.go (word tables),
// spelling.go (comparing spellings of a name).
//
// Never imports: any package of this module but article.
package people
