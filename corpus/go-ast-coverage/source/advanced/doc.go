// Package advanced exercises concurrency, generics and declarations without bodies.
package advanced
