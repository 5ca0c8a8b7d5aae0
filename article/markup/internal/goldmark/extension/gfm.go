package extension

import (
	"github.com/newslint/newslint/article/markup/internal/goldmark/parser"
	"github.com/newslint/newslint/article/markup/internal/goldmark/util"
)

// GFMParserOptions returns the parser options that upstream's GFM extender
// (gfm.go) adds to a goldmark.Markdown, in its order: linkify, tables,
// strikethrough, task lists.
//
// newslint: upstream adds them, and their HTML renderers, through
// goldmark.Markdown's Extend; this copy keeps the parser halves only, and
// the options are given to parser.NewParser after the default ones. See
// FORK.md.
func GFMParserOptions() []parser.Option {
	return []parser.Option{
		parser.WithInlineParsers(util.Prioritized(NewLinkifyParser(), 999)),
		parser.WithParagraphTransformers(util.Prioritized(NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(util.Prioritized(defaultTableASTTransformer, 0)),
		parser.WithInlineParsers(util.Prioritized(NewStrikethroughParser(), 500)),
		parser.WithInlineParsers(util.Prioritized(NewTaskCheckBoxParser(), 0)),
	}
}
