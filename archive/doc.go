// Package archive is a newsroom's memory of names: the name authority
// that `newslint archive build` learns from the articles a newsroom has
// published, and that rules read to check new copy against it.
//
// An authority (a .nla file) holds every entity the people model is
// confident about in some article of the archive — a person with a full
// name or a title, an organisation, a place — keyed by its folded name
// (Fold) and kind, with:
//   - its spellings as written (the full form and, for a person, the
//     surname alone), each with the number of articles that use it;
//   - the number of articles that name it, and the dates of the first and
//     the latest of them (articles without a date count, but give no
//     date);
//   - for a person, its titles (the title's class, "prime-minister", and
//     its text as written, "Prime Minister"), each with the number of
//     articles and the first and latest dates, and the gender evidence
//     (the articles in which the model took it for a man, for a woman);
//   - frames: for each surname a person is written with, the given name it
//     follows (FrameGiven: "jerome" → "powell"), the class of each of its
//     titles (FrameTitle: "chair" → "powell") and each organisation it is
//     named with (FrameOrganisation: "federal reserve" → "powell"), each
//     with its number of articles, its latest date and the person (a
//     Handle), so that a rule can ask, for a name in new copy, which
//     surnames the archive has written under the same given name, title
//     or organisation, and how often;
//   - the fingerprints of the articles it was built from (Fingerprint), so
//     that no article is counted twice.
//
// Nothing is pruned by a threshold when building (no "names seen once are
// dropped"): the counts are exact sums, so Merge is associative and
// commutative, and authorities built from shards of an archive and merged
// are byte for byte the authority built from the whole. How confident to
// be is for the reader to decide, from the counts.
//
// # Reading
//
// Open (or Parse, for bytes in memory) checks what tells where the
// records lie — the header (an authority, of this version), the footer,
// the table of checksums (against the checksum of the three), the file's
// length and the sections' bounds — and reads and builds nothing else: a
// big file is mapped into memory, and every look-up is a binary search
// over its sorted sections where they lie (over the section's samples
// first, then the blocks between two of them: a few pages of the file).
// Each chunk of the file (chunkSize bytes) is checked against its
// checksum when a look-up first reads it (a bit a chunk, set atomically:
// an Authority is safe for concurrent use), so that opening costs the
// same whatever the file's size, and a look-up reads and checks a few
// chunks. Verify checks every chunk, Check every chunk and every record
// (newslint archive info and check run it). A look-up that reads a chunk
// that does not match its checksum returns an error naming the file
// (ErrDamaged): look-ups that can fail return errors, which the rules
// report as a run error for the file linted.
//
// A mapped file cut short in place while it is open is an error naming
// it (ErrChanged) from the look-ups that read past its new end, never a
// crash: they read the mapping with debug.SetPanicOnFault and recover the
// fault, and nothing they return points into the mapping (a
// FrameEntry's Surname does, during the call that gives it only). Bytes
// changed in place in a chunk not read yet fail its checksum (ErrChanged
// when the file's size or time changed too); in one read already, they
// are read as they are now.
//
// Frame, FrameFrom, FrameRange, Find, Lookup, Each and HasArticle
// allocate nothing. For consumers:
//
//   - (*Authority).Frame(kind, frame, fn) calls fn with each surname the
//     archive has written under a frame (a given name, a title's class, an
//     organisation), in order, with its article count, latest date and
//     the person (FrameEntry): "all surnames seen under given name jerome,
//     with counts";
//   - (*Authority).FrameFrom(kind, frame, from, fn) is Frame from the
//     first surname that is from or after it, and FrameRange(kind, frame,
//     from, to, min, fn) from from to before to, the surnames of those
//     written in fewer than min articles not read (a rule that wants the
//     well-known surnames near one reads those that share its first
//     letter, passing over the many seen once cheaply);
//   - (*Authority).Entity(h) is the whole record of an entity: kind,
//     spellings with counts, titles with counts and dates, gender counts,
//     first and latest dates;
//   - (*Authority).Find(name, fn) and Lookup(name, kind) find entities by
//     their full name, folded;
//   - (*Authority).HasArticle(fp) says whether an article (Fingerprint of
//     its bytes) is in the authority;
//   - (*Authority).Info() summarises it (articles, dated articles and
//     their range, entities of each kind, version), Each lists the
//     entities with their kinds and article counts, Verify checks every
//     chunk and Check every record too (Open checks where they lie;
//     Check finds what a faulty writer got wrong).
//
// Strings Entity returns are the caller's; a FrameEntry's Surname is
// valid during the call that gives it. Close unmaps a mapped file (an
// Authority not closed stays mapped); no look-up may be made after it.
//
// # Building
//
// Collect reads one analysed article (its article and people models, and
// its date, article.Article.Date) into an Article: what it adds to the
// authority. A Builder sums Articles, skipping one whose text it has seen,
// holding at most Builder.SpillBytes (estimated) of sums in memory before
// writing them, sorted, to a temporary run; Finish merges the runs (the
// same code as Merge) into the authority. Memory stays bounded however big
// the archive: the sums of one run, and for a merge a few bytes for each
// string and entity of the files merged at once (at most MergeFanIn).
//
// # File format (version 2)
//
// All integers are little-endian; a uvarint is encoding/binary's, a
// varint its zig-zag form. Checksums are CRC-32 (IEEE).
//
//	header   "\x89NLA\r\n\x1a\n", version (uint32)
//	sections words, names, entities, frames, fingerprints, meta, in that
//	         order
//	sums     the checksum of each chunk of the bytes before it: 4096
//	         bytes each from the file's start (the last may be shorter)
//	footer   each section's offset and length (uint64 each); for words,
//	         names, entities and frames, the number of records and where
//	         the samples start, from the section's start (uint32 each); the
//	         file's length (uint64), "NLA\x00", and the checksum of the
//	         header, the sums and the footer before it
//
// Where the sums lie follows from the file's length (the sections' end
// and four bytes for each chunk of it fill the bytes before the footer).
// Version 1 had no sums and one checksum of every byte before it, at its
// end; this package reads version 2 only (another version is a
// *VersionError naming the file).
//
// words, names, entities and frames are records, then the offset (uint32,
// from the section's start) of every 16th record (the first of a block),
// then the samples: a copy of the first record of every 16th block, then
// their offsets (uint32, from the samples' start). The first record of
// each block is written whole, the others (where said) as differences
// from the record before.
//
// words are the distinct strings of one word (no space) the other sections
// refer to, sorted bytewise: each a uvarint length and its bytes. names
// are the distinct strings of several words, each as its words: the
// number of words it shares at its start with the name before, the
// number of the others (uvarints), and their indexes; sorted by their
// words' indexes. A string is referred to by its index among the words,
// or, for a name, the number of words plus its index among the names: so
// references compare as strings are ordered.
//
// An entity is a uvarint length, then: its name (a reference; after a
// block's first, the difference from the name before), a flags byte (the
// kind, 1 to 3, in its low two bits; 4: dates follow; 8: gender counts
// follow; 16: titles follow), articles, [first day, days to the latest],
// [male, female], the number of spellings and each (the difference of
// its reference from the name's, as a varint; its shape; articles), [the
// number of titles and each (class, text, text's shape, articles, first
// day, days to the latest)]. A shape of 0 is the string as it is; else
// the string is lower case and shape - 1 is a mask of its words (split at
// spaces and hyphens) whose first letter is a capital: "jerome powell" in
// shape 4 is "Jerome Powell". Entities are sorted by (name, kind),
// spellings by (reference, shape), titles by (class, text, shape).
//
// A frame is its kind ('g', 'o' or 't'; with 0x80 set when the kind and
// frame are those of the frame before, and then neither follows and the
// surname is the difference from that frame's), frame, surname, entity
// (index), articles, latest day; sorted in that order. fingerprints are
// uint64s, sorted, no two equal. meta is uvarints: dated articles, first
// and latest day (Day), persons, organisations, places, spellings,
// titles.
//
// Never imports: github.com/yuin/goldmark, golang.org/x/net/html,
// github.com/BurntSushi/toml, rules, format, linter, linter/engine,
// linter/config, lsp, inspect, cmd/newslint (directly or not).
package archive
