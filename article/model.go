package article

// Paragraph is a block of text separated from its neighbours by blank lines
// (or a single line, in files that have no blank lines at all).
type Paragraph struct {
	Span
	Index int
	// Headline is set on the first paragraph when it has no final
	// punctuation.
	Headline bool
	// Sentences are indexes into Article.Sentences.
	FirstSentence, LastSentence int
	// Quotes are indexes into Article.Quotes (double quotes only).
	Quotes []int
}

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Span
	Para int
	// FirstToken and EndToken delimit the sentence's tokens in Article.Tokens.
	FirstToken, EndToken int
	// FirstWord is the index of the sentence's first word or number token
	// (EndToken when it has none).
	FirstWord int
}

// TokenKind tells words from numbers and punctuation.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, a number or a punctuation mark.
type Token struct {
	Span
	Kind TokenKind
	// Para and Sent are the indexes of the paragraph and sentence holding
	// the token (int32 keeps a token at 32 bytes).
	Para, Sent int32
	// Quote is the index of the innermost double quotation holding the
	// token, or -1.
	Quote int32
}

// Article is the model of one article, computed once and read by every rule.
type Article struct {
	Path string
	// Src is the text the model reads: the file itself for plain text, or
	// the file with its markup masked (same length, same line breaks) for
	// Markdown and HTML.
	Src *Source
	// Orig is the file as it is on disk; positions are computed from it.
	Orig       *Source
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Quotes     []Quote
	// Stray lists closing quotation marks that close nothing.
	Stray []Span
	// lower is the text with every word lower-cased in place;
	// lowerApart the lower-case forms that do not fit there.
	lower      string
	lowerApart map[int]string
	// clean holds the text of the words that hold invisible characters
	// (a soft hyphen, a zero-width joiner, an HTML reference's padding),
	// without them; nil when no word does.
	clean map[int]string
}
