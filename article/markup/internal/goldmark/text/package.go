// Package text provides functionalities to manipulate texts.
//
// Never imports: any package of this module but article/markup/internal/goldmark/util.
package text
