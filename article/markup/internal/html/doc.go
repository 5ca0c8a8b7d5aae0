// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package html is the HTML tokenizer of golang.org/x/net/html v0.62.0
// (token.go, escape.go, entity.go), copied so that its table of character
// references is built when a page first needs it rather than when newslint
// starts: a plain-text article must not pay for HTML. See FORK.md in the
// parent directory for what differs from upstream.
//
// Never imports: any package of this module but
// article/markup/internal/html/atom.
package html

import "io"

// writer is what escape writes to (render.go upstream, not copied).
type writer interface {
	io.Writer
	io.ByteWriter
	WriteString(string) (int, error)
}
