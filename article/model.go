package article

// Paragraph is a block of text separated from its neighbours by blank lines
// (or a single line, in files that have no blank lines at all).
// Its span, indexes and offsets take four bytes each (an article is at
// most 1 GB): a paragraph takes 28 bytes.
type Paragraph struct {
	Span32 // its span: Span, Start, End, Len, Contains
	Index  int32
	// firstQuote is one more than the index in Article.Quotes of the
	// paragraph's first double quotation, 0 when it has none (FirstQuote).
	firstQuote int32
	// Sentences are indexes into Article.Sentences.
	FirstSentence, LastSentence int32
	// Headline is set on the first paragraph when it has no final
	// punctuation.
	Headline bool
}

// FirstQuote returns the index in Article.Quotes of the paragraph's first
// double quotation, and whether it has one.
func (p *Paragraph) FirstQuote() (int, bool) { return int(p.firstQuote) - 1, p.firstQuote > 0 }

// Sentence is a sentence of a paragraph, in 24 bytes.
type Sentence struct {
	Span32 // its span: Span, Start, End, Len, Contains
	Para   int32
	// FirstToken and EndToken delimit the sentence's tokens in Article.Tokens.
	FirstToken, EndToken int32
	// FirstWord is the index of the sentence's first word or number token
	// (EndToken when it has none).
	FirstWord int32
}

// TokenKind tells words from numbers and punctuation.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, a number or a punctuation mark. Offsets are int32 (an
// article is at most 1 GB), and the sentence is found from the sentences'
// token ranges (Article.SentenceOf) and its quotation from the runs of
// tokens that quotations hold (Article.QuoteOf), so that a token takes 8
// bytes: with one token to every five or six bytes of text, the token
// table is the largest part of the model. A word longer than maxTokenLen
// bytes (no word is; a hostile file may hold one) is cut into tokens of
// at most that length.
type Token struct {
	start int32
	n     uint16 // length in bytes
	Kind  TokenKind
	// flags marks the rare tokens whose text or lower-case form is kept
	// apart (tokenHidden, tokenLowerApart), so that Tok and Lower look
	// in a map only for them, the tokens whose lower-case form differs
	// (tokenLowered), capitalised words (tokenCapital), and the
	// tokens that open a sentence, and those a double quotation holds
	// (tokenQuoted).
	flags uint8
}

// maxTokenLen is the longest token, in bytes.
const maxTokenLen = 1<<16 - 1

const (
	tokenHidden     = 1 << iota // holds invisible characters: text in Article.clean
	tokenLowerApart             // lower-case form in Article.lowerApart
	tokenCapital                // a word whose first letter is upper case
	tokenWide                   // a word with a byte that is not ASCII
	tokenOpens                  // the first token of its sentence
	tokenFirstWord              // the first word or number of its sentence
	tokenQuoted                 // held by a double quotation (QuoteOf)
	tokenLowered                // lower-case form differs, in Article.lower
)

// lowerBlock is how many tokens share one entry of Article.lowerBase
// (four bytes for four tokens): Lower reads at most three tokens before
// one to find its form.
const lowerBlock = 4

// Span is the token's span in the text.
func (t Token) Span() Span { return Span{Start: int(t.start), End: int(t.start) + int(t.n)} }

// Quoted reports whether a double quotation holds the token
// (Article.QuoteOf says which).
func (t Token) Quoted() bool { return t.flags&tokenQuoted != 0 }

// Start is the offset of the token's first byte.
func (t Token) Start() int { return int(t.start) }

// End is the offset just after the token's last byte.
func (t Token) End() int { return int(t.start) + int(t.n) }

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
	// Language is the language the article is written in when it is
	// clearly not English (the zero value otherwise).
	Language Language
	// Date is the publication date the file gives, as "YYYY-MM-DD"
	// (Markdown front matter "date:", HTML "article:published_time" or
	// the first <time datetime>; see article/markup), or "" when it gives
	// none. Never the file's modification time.
	Date string
	// lower holds the lower-case forms of the tokens whose form differs
	// from their text (tokenLowered: "Smith", "NATO", "Élysée"), one after
	// another in token order; lowerBase[b] is where the forms of tokens
	// from b*lowerBlock on begin. Every other token is its own lower-case
	// form, so the table costs the capitalised words' bytes and a byte a
	// token, not a copy of the article. lowerApart holds the forms whose
	// length differs from the token's (a few letters such as İ) or of
	// words with invisible characters.
	lower      string
	lowerBase  []int32
	lowerApart map[int]string
	// clean holds the text of the words that hold invisible characters
	// (a soft hyphen, a zero-width joiner, an HTML reference's padding),
	// without them; nil when no word does.
	clean map[int]string
	// quoteRuns are the runs of tokens held by one innermost double
	// quotation, in token order: a run goes from its first token to the
	// next run's (QuoteOf). A run with quote -1 holds tokens outside
	// every quotation.
	quoteRuns []quoteRun
}

// quoteRun is a run of tokens whose innermost double quotation is quote.
type quoteRun struct{ first, quote int32 }
