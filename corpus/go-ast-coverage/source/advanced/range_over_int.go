//go:build go1.22

package advanced

// countUp ranges over an integer, which type-checks only from Go 1.22; the build constraint
// keeps older toolchains from compiling it and gives the file a GoVersion.
func countUp(n int) int {
	total := 0
	for i := range n {
		total += i
	}
	return total
}
