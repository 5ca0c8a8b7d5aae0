package archive

import "syscall"

// mapPopulate maps every page of the file at once, in one system call,
// rather than on each page's first use: the checksum reads them all.
const mapPopulate = syscall.MAP_POPULATE
