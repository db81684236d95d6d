/*
Package comments exercises comment placement: file, declaration, field and line comments,
block comments, and import specs with names and comments.
*/
package comments

import (
	// fmtpkg is renamed to show ImportSpec.Name.
	fmtpkg "fmt" // formatting
	. "strings"
)

/* Greeting is a block-commented constant. */
const Greeting = "hi" /* trailing block comment */

// Config holds settings.
type Config struct {
	// Verbose enables logging.
	Verbose bool // line comment
	/* Level is a block-commented field. */ Level int
}

// Shout upper-cases s.
func Shout(s string) string {
	// A comment inside a body.
	return fmtpkg.Sprint(ToUpper(s)) // and after a statement
}

var (
	// Default is documented inside a group.
	Default = Config{} // with a line comment too
)

// Trailing comment at the end of the file.
