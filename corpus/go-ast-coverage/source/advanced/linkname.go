package advanced

import (
	_ "unsafe" // required by go:linkname
)

// nanotime is implemented by the runtime; the declaration has no body.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

func elapsed() int64 {
	start := nanotime()
	return nanotime() - start
}
