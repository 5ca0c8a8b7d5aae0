//go:build unix && !linux

package archive

const mapPopulate = 0
