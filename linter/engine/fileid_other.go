//go:build !unix

package engine

// hardLinkID reports no hard links where the system does not say.
func hardLinkID(string) (id [2]uint64, ok bool) { return id, false }
