package rt

import (
	"bufio"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
	"time"
)

var out = bufio.NewWriterSize(os.Stdout, 65536)

func flush() { out.Flush() }

// captures are the buffers of the with-out-str forms running, innermost last; printing writes
// to the innermost one, or to standard output when none runs.
var captures []*strings.Builder

type textSink interface {
	WriteByte(c byte) error
	WriteString(s string) (int, error)
}

func output() textSink {
	if n := len(captures); n > 0 {
		return captures[n-1]
	}
	return out
}

// write renders the whole line before writing any of it, as the interpreter does: a value that
// fails to print (a lazy seq whose realization throws) leaves no partial line behind.
func write(args []Value, render func(Value) string, newline bool) Value {
	line := joinWith(args, render)
	w := output()
	w.WriteString(line)
	if newline {
		w.WriteByte('\n')
	}
	return nil
}

// WithCapturedOutput calls the thunk and returns what it printed (with-out-str). The deferred
// pop restores the previous output when the thunk panics (a Zylisp throw) too.
func WithCapturedOutput(args ...Value) Value {
	arity("%with-captured-output", args, 1, 1)
	captured := &strings.Builder{}
	captures = append(captures, captured)
	defer func() { captures = captures[:len(captures)-1] }()
	Call(args[0])
	return captured.String()
}

func joinWith(args []Value, render func(Value) string) string {
	parts := make([]string, len(args))
	for i, x := range args {
		parts[i] = render(x)
	}
	return strings.Join(parts, " ")
}

func Print(args ...Value) Value   { return write(args, Display, false) }
func Println(args ...Value) Value { return write(args, Display, true) }
func Pr(args ...Value) Value      { return write(args, Readable, false) }
func Prn(args ...Value) Value     { return write(args, Readable, true) }
func Eprintln(args ...Value) Value {
	flush()
	fmt.Fprintln(os.Stderr, joinWith(args, Display))
	return nil
}
func PrStr(args ...Value) Value    { return joinWith(args, Readable) }
func PrnStr(args ...Value) Value   { return joinWith(args, Readable) + "\n" }
func PrintStr(args ...Value) Value { return joinWith(args, Display) }

func Slurp(args ...Value) Value {
	arity("slurp", args, 1, 1)
	data, err := os.ReadFile(str("slurp", args[0]))
	if err != nil {
		ioError("slurp", ioMessage(err))
	}
	return string(data)
}

func Spit(args ...Value) Value {
	arity("spit", args, 2, 2)
	if err := os.WriteFile(str("spit", args[0]), []byte(StrOf(args[1])), 0o644); err != nil {
		ioError("spit", ioMessage(err))
	}
	return nil
}

func ioMessage(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		if os.IsNotExist(pe.Err) {
			return "Could not find file '" + absPath(pe.Path) + "'."
		}
		return pe.Err.Error()
	}
	return err.Error()
}

func absPath(p string) string {
	if strings.HasPrefix(p, "/") {
		return p
	}
	wd, _ := os.Getwd()
	return wd + "/" + p
}

func AtomOf(args ...Value) Value { arity("atom", args, 1, 1); return &Atom{Value: args[0]} }

func asAtom(fn string, v Value) *Atom {
	a, ok := v.(*Atom)
	if !ok {
		WrongType(fn, "an atom", v)
	}
	return a
}

func Deref(args ...Value) Value {
	arity("deref", args, 1, 1)
	if g, ok := args[0].(*Global); ok {
		return g.Value
	}
	if r, ok := args[0].(*Reduced); ok {
		return r.Value
	}
	return asAtom("deref", args[0]).Value
}

func Reset(args ...Value) Value {
	arity("reset!", args, 2, 2)
	asAtom("reset!", args[0]).Value = args[1]
	return args[1]
}

func Swap(args ...Value) Value {
	arity("swap!", args, 2, -1)
	a := asAtom("swap!", args[0])
	callArgs := append([]Value{a.Value}, args[2:]...)
	a.Value = Call(args[1], callArgs...)
	return a.Value
}

func unary(name string, args []Value, f func(float64) float64) Value {
	arity(name, args, 1, 1)
	return f(toFloat(args[0], name))
}

func Sqrt(args ...Value) Value  { return unary("sqrt", args, math.Sqrt) }
func Exp(args ...Value) Value   { return unary("exp", args, math.Exp) }
func Log(args ...Value) Value   { return unary("log", args, math.Log) }
func Log10(args ...Value) Value { return unary("log10", args, math.Log10) }
func Floor(args ...Value) Value { return unary("floor", args, math.Floor) }
func Ceil(args ...Value) Value  { return unary("ceil", args, math.Ceil) }
func Sin(args ...Value) Value   { return unary("sin", args, math.Sin) }
func Cos(args ...Value) Value   { return unary("cos", args, math.Cos) }
func Tan(args ...Value) Value   { return unary("tan", args, math.Tan) }
func Asin(args ...Value) Value  { return unary("asin", args, math.Asin) }
func Acos(args ...Value) Value  { return unary("acos", args, math.Acos) }
func Atan(args ...Value) Value  { return unary("atan", args, math.Atan) }
func Pow(args ...Value) Value {
	arity("pow", args, 2, 2)
	return math.Pow(toFloat(args[0], "pow"), toFloat(args[1], "pow"))
}
func Atan2(args ...Value) Value {
	arity("atan2", args, 2, 2)
	return math.Atan2(toFloat(args[0], "atan2"), toFloat(args[1], "atan2"))
}
func Hypot(args ...Value) Value {
	arity("hypot", args, 2, 2)
	return math.Hypot(toFloat(args[0], "hypot"), toFloat(args[1], "hypot"))
}
func Round(args ...Value) Value {
	arity("round", args, 1, 1)
	x := toFloat(args[0], "round")
	if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) >= 9.2e18 {
		badArgument("round", "the value does not fit an integer")
	}
	return int(math.Floor(x + 0.5))
}

func nanValue() Value { return math.NaN() }
func posInf() Value   { return math.Inf(1) }
func negInf() Value   { return math.Inf(-1) }

func Type(args ...Value) Value { arity("type", args, 1, 1); return Kw(TypeName(args[0])) }

var gensymCounter int

func Gensym(args ...Value) Value {
	arity("gensym", args, 0, 1)
	prefix := "G__"
	if len(args) == 1 {
		prefix = StrOf(args[0])
	}
	gensymCounter++
	return Sym(fmt.Sprintf("%s%d", prefix, gensymCounter))
}

var random = rand.New(rand.NewSource(time.Now().UnixNano()))

func RandInt(args ...Value) Value {
	arity("rand-int", args, 1, 1)
	n := toInt(args[0], "rand-int")
	if n <= 0 {
		badArgument("rand-int", "n must be positive")
	}
	return int(random.Int63n(int64(n)))
}

func Rand(args ...Value) Value { arity("rand", args, 0, 0); return random.Float64() }

var start = time.Now()

func NanoTime(args ...Value) Value {
	arity("%nano-time", args, 0, 0)
	return int(time.Since(start).Nanoseconds())
}

func ExInfo(args ...Value) Value {
	arity("ex-info", args, 2, 2)
	message, ok := args[0].(string)
	if !ok {
		message = StrOf(args[0])
	}
	data, ok := args[1].(*Map)
	if !ok {
		WrongType("ex-info", "a map", args[1])
	}
	return &Error{Message: message, Type: Kw("ex-info"), Data: data}
}

func ExMessage(args ...Value) Value {
	arity("ex-message", args, 1, 1)
	switch x := args[0].(type) {
	case *Error:
		return x.Message
	case string:
		return x
	}
	return nil
}

func ExData(args ...Value) Value {
	arity("ex-data", args, 1, 1)
	if e, ok := args[0].(*Error); ok {
		if e.ID == "" {
			return e.Data
		}
		return e.ToMap().Dissoc(Kw("message")).Dissoc(Kw("data"))
	}
	return nil
}

func Identical(args ...Value) Value {
	arity("identical?", args, 2, 2)
	a, b := args[0], args[1]
	if x, ok := a.(int); ok {
		y, ok := b.(int)
		return ok && x == y
	}
	switch a.(type) {
	case *List, *Vector, *Map, *Set, *Fn, *Atom, *Reduced, *Error, *Keyword, *LazySeq, *ConsCell, nil, bool:
		return a == b
	}
	return false
}

func HashOf(args ...Value) Value { arity("hash", args, 1, 1); return int(int32(Hash(args[0]))) }

var stdin *bufio.Reader

// ReadLine is (read-line): the next line of standard input without its terminator, nil at the end.
func ReadLine(args ...Value) Value {
	arity("read-line", args, 0, 0)
	flush()
	if stdin == nil {
		stdin = bufio.NewReader(os.Stdin)
	}
	line, err := stdin.ReadString('\n')
	if err != nil && line == "" {
		return nil
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r")
}
