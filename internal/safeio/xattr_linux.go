package safeio

import (
	"bytes"
	"errors"
	"fmt"
	"syscall"
)

// setxattr sets one extended attribute (a variable, so that a test can
// make it fail).
var setxattr = syscall.Setxattr

// copyXattrs gives the file dst every extended attribute of the file src:
// user attributes, ACLs (system.posix_acl_*), security labels. An
// attribute that cannot be set is an error naming it; a file system
// without extended attributes has none to copy.
func copyXattrs(src, dst string) error {
	size, err := syscall.Listxattr(src, nil)
	if err != nil || size == 0 {
		if err == nil || errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENODATA) {
			return nil
		}
		return err
	}
	names := make([]byte, size)
	n, err := syscall.Listxattr(src, names)
	if err != nil {
		return err
	}
	for _, name := range bytes.Split(names[:n], []byte{0}) {
		if len(name) == 0 {
			continue
		}
		attr := string(name)
		vsize, err := syscall.Getxattr(src, attr, nil)
		if err != nil {
			return fmt.Errorf("extended attribute %s: %w", attr, err)
		}
		value := make([]byte, vsize)
		vn, err := syscall.Getxattr(src, attr, value)
		if err != nil {
			return fmt.Errorf("extended attribute %s: %w", attr, err)
		}
		if err := setxattr(dst, attr, value[:vn], 0); err != nil {
			return fmt.Errorf("extended attribute %s: %w", attr, err)
		}
	}
	return nil
}
