// Package extension is a collection of builtin extensions.
//
// Never imports: any package of this module but article/markup/internal/goldmark/ast, article/markup/internal/goldmark/extension/ast, article/markup/internal/goldmark/parser, article/markup/internal/goldmark/text, article/markup/internal/goldmark/util.
package extension
