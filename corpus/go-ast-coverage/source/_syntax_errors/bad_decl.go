// A statement where a declaration belongs: go/parser reports it, skips to the next
// declaration keyword, and records the skipped span as a BadDecl.
package syntaxerrors

var before = 1

before = 2

func after() int { return before }
