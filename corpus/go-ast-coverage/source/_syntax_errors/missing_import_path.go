// An import path that is an illegal character: the scanner's error is the only one reported
// for the line, and the ImportSpec keeps an empty path literal.
package syntaxerrors

import @;

var _ = 0
