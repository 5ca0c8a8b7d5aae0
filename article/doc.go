// Package article is the text model of one news article: its source bytes
// and line index, paragraphs, sentences, tokens and quotations, every one a
// byte span of the file as it is on disk. It knows nothing of markup formats
// (article/markup masks them before Parse) and nothing of people (the
// people package reads an Article).
//
// Never imports: any package of this module.
package article
