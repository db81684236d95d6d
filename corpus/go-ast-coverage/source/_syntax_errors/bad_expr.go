// Where go/parser needs a type or a condition and finds none, it records a BadExpr.
package syntaxerrors

var noType [4]

func noCondition() {
	if {
	}
}
