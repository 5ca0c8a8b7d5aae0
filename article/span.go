package article

// Span is a half-open byte range [Start, End) of the original source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Span32 is a span of an article (at most 1 GB) in eight bytes, for the
// tables the model holds one of per quotation, sentence, paragraph or
// mention.
type Span32 struct{ start, end int32 }

// Span32Of is s in eight bytes.
func Span32Of(s Span) Span32 { return Span32{int32(s.Start), int32(s.End)} }

// Span is the span.
func (s Span32) Span() Span { return Span{Start: int(s.start), End: int(s.end)} }

// Start is the offset of the span's first byte.
func (s Span32) Start() int { return int(s.start) }

// End is the offset just past the span's last byte.
func (s Span32) End() int { return int(s.end) }

// Len is the span's length in bytes.
func (s Span32) Len() int { return int(s.end - s.start) }

// Contains reports whether off lies inside the span.
func (s Span32) Contains(off int) bool { return s.Span().Contains(off) }
