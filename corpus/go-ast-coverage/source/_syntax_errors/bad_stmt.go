// Statements go/parser cannot accept become BadStmts: a label that is not an identifier, a
// token no statement begins with, and an else followed by neither if nor a block.
package syntaxerrors

func label(a struct{ b int }) {
	a.b:
}

func stray(x int) {
	x++
	)
	return
}

func dangling(ok bool) {
	if ok {
	} else return
}
