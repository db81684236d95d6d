package rt

import "math"

// Numbers: int arithmetic wraps; an int mixed with a float64 gives a float64; integer / truncates
// and dividing an integer by zero is an error; floats follow IEEE 754.

func toFloat(v Value, fn string) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	WrongType(fn, "a number", v)
	return 0
}

func toInt(v Value, fn string) int {
	if x, ok := v.(int); ok {
		return x
	}
	WrongType(fn, "an integer", v)
	return 0
}

func isNumber(v Value) bool {
	switch v.(type) {
	case int, float64:
		return true
	}
	return false
}

// Add2 is (+ a b).
func Add2(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			if i := uint(x + y + smallIntBias); i < uint(len(smallInts)) {
				return smallInts[i]
			}
		}
	}
	return add2Slow(a, b)
}

// add2Slow is every case the inlined fast path leaves: floats, and integer results without a shared box.
func add2Slow(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x + y
		}
	}
	return toFloat(a, "+") + toFloat(b, "+")
}

// AddInt is (+ a b) with b known to be an integer.
func AddInt(a Value, y int) Value {
	if x, ok := a.(int); ok {
		if i := uint(x + y + smallIntBias); i < uint(len(smallInts)) {
			return smallInts[i]
		}
	}
	return add2Slow(a, y)
}

// Sub2 is (- a b).
func Sub2(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			if i := uint(x - y + smallIntBias); i < uint(len(smallInts)) {
				return smallInts[i]
			}
		}
	}
	return sub2Slow(a, b)
}

// sub2Slow is every case the inlined fast path leaves: floats, and integer results without a shared box.
func sub2Slow(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x - y
		}
	}
	return toFloat(a, "-") - toFloat(b, "-")
}

// SubInt is (- a b) with b known to be an integer.
func SubInt(a Value, y int) Value {
	if x, ok := a.(int); ok {
		if i := uint(x - y + smallIntBias); i < uint(len(smallInts)) {
			return smallInts[i]
		}
	}
	return sub2Slow(a, y)
}

// Mul2 is (* a b).
func Mul2(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			if i := uint(x*y + smallIntBias); i < uint(len(smallInts)) {
				return smallInts[i]
			}
		}
	}
	return mul2Slow(a, b)
}

// mul2Slow is every case the inlined fast path leaves: floats, and integer results without a shared box.
func mul2Slow(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x * y
		}
	}
	return toFloat(a, "*") * toFloat(b, "*")
}

// MulInt is (* a b) with b known to be an integer.
func MulInt(a Value, y int) Value {
	if x, ok := a.(int); ok {
		if i := uint(x*y + smallIntBias); i < uint(len(smallInts)) {
			return smallInts[i]
		}
	}
	return mul2Slow(a, y)
}

// Quotient is integer division that truncates; MinInt / -1 wraps.
func Quotient(x, y int) int {
	if y == 0 {
		divideByZero()
	}
	if y == -1 {
		return -x
	}
	return x / y
}

func remainder(x, y int) int {
	if y == 0 {
		divideByZero()
	}
	if y == -1 {
		return 0
	}
	return x % y
}

func Div2(a, b Value) Value {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return Quotient(x, y)
		}
	}
	return toFloat(a, "/") / toFloat(b, "/")
}

func Inc1(a Value) Value {
	if x, ok := a.(int); ok {
		return x + 1
	}
	return toFloat(a, "inc") + 1
}

func Dec1(a Value) Value {
	if x, ok := a.(int); ok {
		return x - 1
	}
	return toFloat(a, "dec") - 1
}

func Lt2(a, b Value) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x < y
		}
	}
	return ltSlow(a, b)
}

func ltSlow(a, b Value) bool { return toFloat(a, "<") < toFloat(b, "<") }

// LtInt is (< a b) with b known to be an integer.
func LtInt(a Value, y int) bool {
	if x, ok := a.(int); ok {
		return x < y
	}
	return ltSlow(a, y)
}

func Le2(a, b Value) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x <= y
		}
	}
	return leSlow(a, b)
}

func leSlow(a, b Value) bool { return toFloat(a, "<=") <= toFloat(b, "<=") }

// LeInt is (<= a b) with b known to be an integer.
func LeInt(a Value, y int) bool {
	if x, ok := a.(int); ok {
		return x <= y
	}
	return leSlow(a, y)
}

func Gt2(a, b Value) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x > y
		}
	}
	return gtSlow(a, b)
}

func gtSlow(a, b Value) bool { return toFloat(b, ">") < toFloat(a, ">") }

// GtInt is (> a b) with b known to be an integer.
func GtInt(a Value, y int) bool {
	if x, ok := a.(int); ok {
		return x > y
	}
	return gtSlow(a, y)
}

func Ge2(a, b Value) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x >= y
		}
	}
	return geSlow(a, b)
}

func geSlow(a, b Value) bool { return toFloat(b, ">=") <= toFloat(a, ">=") }

// GeInt is (>= a b) with b known to be an integer.
func GeInt(a Value, y int) bool {
	if x, ok := a.(int); ok {
		return x >= y
	}
	return geSlow(a, y)
}

func NumEq2(a, b Value) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x == y
		}
	}
	return numeqSlow(a, b)
}

func numeqSlow(a, b Value) bool { return toFloat(a, "==") == toFloat(b, "==") }

// NumEqInt is (== a b) with b known to be an integer.
func NumEqInt(a Value, y int) bool {
	if x, ok := a.(int); ok {
		return x == y
	}
	return numeqSlow(a, y)
}

func fold(fn string, args []Value, seed Value, op func(a, b Value) Value) Value {
	if len(args) == 0 {
		return seed
	}
	if len(args) == 1 {
		if !isNumber(args[0]) {
			WrongType(fn, "a number", args[0])
		}
		return args[0]
	}
	acc := args[0]
	for _, x := range args[1:] {
		acc = op(acc, x)
	}
	return acc
}

func chain(args []Value, holds func(a, b Value) bool) Value {
	for i := 0; i+1 < len(args); i++ {
		if !holds(args[i], args[i+1]) {
			return false
		}
	}
	return true
}

func arity(name string, args []Value, min, max int) {
	if len(args) < min || (max >= 0 && len(args) > max) {
		ArityError(name, len(args))
	}
}

func Add(args ...Value) Value { return fold("+", args, 0, Add2) }
func Mul(args ...Value) Value { return fold("*", args, 1, Mul2) }

func Sub(args ...Value) Value {
	arity("-", args, 1, -1)
	if len(args) == 1 {
		switch x := args[0].(type) {
		case int:
			return -x
		case float64:
			return -x
		}
		WrongType("-", "a number", args[0])
	}
	acc := args[0]
	for _, x := range args[1:] {
		acc = Sub2(acc, x)
	}
	return acc
}

func Div(args ...Value) Value {
	arity("/", args, 1, -1)
	if len(args) == 1 {
		return Div2(1, args[0])
	}
	acc := args[0]
	for _, x := range args[1:] {
		acc = Div2(acc, x)
	}
	return acc
}

func Quot(args ...Value) Value {
	arity("quot", args, 2, 2)
	if x, ok := args[0].(int); ok {
		if y, ok := args[1].(int); ok {
			return Quotient(x, y)
		}
	}
	return math.Trunc(toFloat(args[0], "quot") / toFloat(args[1], "quot"))
}

func Rem(args ...Value) Value {
	arity("rem", args, 2, 2)
	if x, ok := args[0].(int); ok {
		if y, ok := args[1].(int); ok {
			return remainder(x, y)
		}
	}
	return math.Mod(toFloat(args[0], "rem"), toFloat(args[1], "rem"))
}

func Mod(args ...Value) Value {
	arity("mod", args, 2, 2)
	if x, ok := args[0].(int); ok {
		if y, ok := args[1].(int); ok {
			r := remainder(x, y)
			if r != 0 && (r < 0) != (y < 0) {
				r += y
			}
			return r
		}
	}
	dx, dy := toFloat(args[0], "mod"), toFloat(args[1], "mod")
	m := math.Mod(dx, dy)
	if m != 0 && (m < 0) != (dy < 0) {
		m += dy
	}
	return m
}

func Inc(args ...Value) Value { arity("inc", args, 1, 1); return Inc1(args[0]) }
func Dec(args ...Value) Value { arity("dec", args, 1, 1); return Dec1(args[0]) }

func Abs(args ...Value) Value {
	arity("abs", args, 1, 1)
	switch x := args[0].(type) {
	case int:
		if x < 0 {
			return -x
		}
		return x
	case float64:
		return math.Abs(x)
	}
	WrongType("abs", "a number", args[0])
	return nil
}

// Max and Min return a lone argument unchecked, as the interpreter (and Clojure) do.
func Max(args ...Value) Value {
	arity("max", args, 1, -1)
	acc := args[0]
	for _, y := range args[1:] {
		if Lt2n(acc, y, "max") {
			acc = y
		}
	}
	return acc
}

func Min(args ...Value) Value {
	arity("min", args, 1, -1)
	acc := args[0]
	for _, y := range args[1:] {
		if Lt2n(y, acc, "min") {
			acc = y
		}
	}
	return acc
}

// Lt2n is < with the function name used in a type error.
func Lt2n(a, b Value, fn string) bool {
	if x, ok := a.(int); ok {
		if y, ok := b.(int); ok {
			return x < y
		}
	}
	return toFloat(a, fn) < toFloat(b, fn)
}

func Lt(args ...Value) Value { arity("<", args, 1, -1); return chain(args, Lt2) }
func Gt(args ...Value) Value { arity(">", args, 1, -1); return chain(args, Gt2) }
func Le(args ...Value) Value { arity("<=", args, 1, -1); return chain(args, Le2) }
func Ge(args ...Value) Value { arity(">=", args, 1, -1); return chain(args, Ge2) }
func NumEq(args ...Value) Value {
	arity("==", args, 1, -1)
	return chain(args, NumEq2)
}
func Eq(args ...Value) Value { arity("=", args, 1, -1); return chain(args, Equal) }

func Not(args ...Value) Value      { arity("not", args, 1, 1); return !Truthy(args[0]) }
func SlispNot(args ...Value) Value { arity("%slisp-not", args, 1, 1); return !SlispTruthy(args[0]) }

func Compare(args ...Value) Value {
	arity("compare", args, 2, 2)
	return compareValues(args[0], args[1])
}

func compareValues(x, y Value) int {
	if x == nil || y == nil {
		switch {
		case x == nil && y == nil:
			return 0
		case x == nil:
			return -1
		}
		return 1
	}
	switch a := x.(type) {
	case int:
		if b, ok := y.(int); ok {
			return cmpInt(a, b)
		}
		if _, ok := y.(float64); ok {
			return cmpFloat(float64(a), y.(float64))
		}
	case float64:
		if isNumber(y) {
			return cmpFloat(a, toFloat(y, "compare"))
		}
	case string:
		if b, ok := y.(string); ok {
			return cmpString(a, b)
		}
	case *Keyword:
		if b, ok := y.(*Keyword); ok {
			return cmpString(a.FullName(), b.FullName())
		}
	case Symbol:
		if b, ok := y.(Symbol); ok {
			return cmpString(a.FullName(), b.FullName())
		}
	case bool:
		if b, ok := y.(bool); ok {
			switch {
			case a == b:
				return 0
			case !a:
				return -1
			}
			return 1
		}
	case *Vector, *List:
		if _, same := y.(*Vector); same == isVector(x) && isSequential(y) {
			ax, bx := itemsOf("compare", x), itemsOf("compare", y)
			if len(ax) != len(bx) {
				return cmpInt(len(ax), len(bx))
			}
			for i := range ax {
				if c := compareValues(ax[i], bx[i]); c != 0 {
					return c
				}
			}
			return 0
		}
	}
	WrongType("compare", "two values of the same comparable type", y)
	return 0
}

func isVector(v Value) bool { _, ok := v.(*Vector); return ok }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpFloat orders like .NET's double.CompareTo: NaN sorts first and equals itself.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return -1
	}
	return 1
}

// cmpString compares UTF-16 code units, as .NET's ordinal comparison does.
func cmpString(a, b string) int {
	ua, ub := utf16Of(a), utf16Of(b)
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return cmpInt(int(ua[i]), int(ub[i]))
		}
	}
	return cmpInt(len(ua), len(ub))
}

func Double(args ...Value) Value { arity("double", args, 1, 1); return toFloat(args[0], "double") }

func toLong(v Value, fn string) Value {
	switch x := v.(type) {
	case int:
		return x
	case float64:
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			return truncToInt(x)
		}
	}
	WrongType(fn, "a finite number", v)
	return nil
}

// truncToInt converts like C#'s (long) cast on x64 (saturating is not needed for finite values in range).
func truncToInt(x float64) int {
	if x >= 9.223372036854775807e18 || x < -9.223372036854775808e18 {
		return math.MinInt64
	}
	return int(x)
}

func Long(args ...Value) Value { arity("long", args, 1, 1); return toLong(args[0], "long") }
func Int(args ...Value) Value  { arity("int", args, 1, 1); return toLong(args[0], "int") }

// smallInts holds the boxes of the integers -128..1023. The fast paths above return one of them
// with no call at all, which keeps them within Go's inlining budget; any other result is boxed by
// the out-of-line slow path (runtime.convT64 is a call Go never inlines).
var smallInts = func() (boxes [1152]Value) {
	for i := range boxes {
		boxes[i] = i - smallIntBias
	}
	return
}()

const smallIntBias = 128
