//go:build !unix

package archive

import (
	"errors"
	"os"
)

// mapFile is not available here: Open reads the file instead.
func mapFile(*os.File, int) ([]byte, func() error, error) {
	return nil, nil, errors.New("no memory map")
}
