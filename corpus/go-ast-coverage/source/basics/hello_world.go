// Package basics holds the simplest Go forms: declarations, literals, operators and functions.
package basics

import "fmt"

// HelloWorld prints the classic greeting.
func HelloWorld() {
	fmt.Println("Hello, world!")
}
