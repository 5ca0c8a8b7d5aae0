//go:build race

package lsp

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = true
