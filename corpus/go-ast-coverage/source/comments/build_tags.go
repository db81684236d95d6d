//go:build linux || darwin || !windows

// This file's build constraint implies no Go version, so its GoVersion stays empty.

package comments

func platform() string { return "unix-like" }
