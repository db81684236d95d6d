//go:build (linux && go1.18) || (darwin && go1.19)

package comments

// requiresGenerics needs Go 1.18, the minimum this file's build constraint implies.
func requiresGenerics[T any](x T) T { return x }
