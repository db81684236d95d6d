package rt

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// Error is a Zylisp error value: what catch binds for runtime errors and for ex-info.
type Error struct {
	Message string
	Type    *Keyword
	Data    *Map
	ID      string // the catalogue id (ZL5xxx) of a runtime error, or "" for ex-info
	File    string
	Line    int
	Column  int
}

// ToMap is the error's fields as a map: :message, :type, :data and, when known, :file :line :column.
func (e *Error) ToMap() *Map {
	m := NewMap(Kw("message"), e.Message, Kw("type"), e.Type, Kw("data"), e.Data)
	if e.Line > 0 {
		m = m.Assoc(Kw("file"), e.File).Assoc(Kw("line"), e.Line).Assoc(Kw("column"), e.Column)
	}
	return m
}

func (e *Error) Error() string { return e.Message }

// thrown carries a thrown value through a Go panic to the nearest Try.
type thrown struct{ value Value }

// Throw throws any value.
func Throw(v Value) Value {
	panic(&thrown{v})
}

// SourceLines maps lines of the generated main.go to the Zylisp call they run, as
// "file:line:column"; the compiler writes it in lines.go.
var SourceLines map[int]string

// location is where a runtime error was raised: the innermost frame of generated code on the
// Go stack whose line the source table knows. It runs only when an error is made.
func location() (file string, line, column int) {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		frame, more := frames.Next()
		if strings.HasSuffix(frame.File, "main.go") {
			if where, ok := SourceLines[frame.Line]; ok {
				var l, c int
				if n, _ := fmt.Sscanf(reverseLocation(where), "%d:%d", &c, &l); n == 2 {
					return where[:len(where)-len(fmt.Sprintf(":%d:%d", l, c))], l, c
				}
			}
		}
		if !more {
			return "", 0, 0
		}
	}
}

func runtimeError(id, typ, message string) *thrown {
	e := &Error{Message: message, Type: Kw(typ), Data: EmptyMap, ID: id}
	e.File, e.Line, e.Column = location()
	return &thrown{e}
}

// Describe is a value as error messages show it: its type and a short printed form.
func Describe(v Value) string {
	if v == nil {
		return "nil"
	}
	printed := Readable(v)
	if len([]rune(printed)) > 60 {
		printed = string([]rune(printed)[:57]) + "..."
	}
	return TypeName(v) + " " + printed
}

func ArityError(name string, given int) {
	panic(runtimeError("ZL5002", "arity-error", fmt.Sprintf("wrong number of arguments (%d) passed to `%s`", given, name)))
}

func WrongType(fn, expected string, actual Value) {
	panic(runtimeError("ZL5003", "type-error", fmt.Sprintf("`%s` expects %s, got %s", fn, expected, Describe(actual))))
}

// TypeErrorOf is the %type-error primitive: a prelude function that checks its own argument
// raises the type error naming itself.
func TypeErrorOf(args ...Value) Value {
	arity("%type-error", args, 3, 3)
	WrongType(str("%type-error", args[0]), str("%type-error", args[1]), args[2])
	return nil
}

func divideByZero() {
	panic(runtimeError("ZL5004", "arithmetic-error", "integer division by zero"))
}

func notCallable(v Value) {
	panic(runtimeError("ZL5006", "not-callable", Describe(v)+" is not a function"))
}

// AnnotationError reports a deffunc argument or result that does not match its annotation.
func AnnotationError(fn, what, typ string, actual Value) {
	panic(runtimeError("ZL5008", "type-error", fmt.Sprintf("`%s`: %s must be %s, got %s", fn, what, typ, Describe(actual))))
}

func indexOutOfRange(fn string, index, count int) {
	panic(runtimeError("ZL5009", "index-out-of-bounds", fmt.Sprintf("`%s`: index %d is out of range for a collection of %d elements", fn, index, count)))
}

func badArgument(fn, problem string) {
	panic(runtimeError("ZL5012", "argument-error", fmt.Sprintf("`%s`: %s", fn, problem)))
}

func ioError(fn, problem string) {
	panic(runtimeError("ZL5011", "io-error", fmt.Sprintf("`%s`: %s", fn, problem)))
}

// Undefined reports reading a global that was never defined.
func Undefined(name string) Value {
	panic(runtimeError("ZL5001", "undefined-symbol", fmt.Sprintf("undefined symbol `%s`", name)))
}

// MaxDepth is the call-depth limit, the interpreter's default.
const MaxDepth = 10000

var depth int

// Enter counts a call; past MaxDepth it raises Zylisp's stack-overflow error.
//
// Enter and CheckDepth panic themselves rather than call a function that panics: Go then knows
// the check's failing branch never returns, and keeps the caller's arguments in registers on the
// hot path instead of spilling them on every entry (typed fib(38) went from 1.11x to 1.0x of
// handwritten Go).
func Enter(name string) {
	depth++
	if depth > MaxDepth {
		panic(stackOverflow(name))
	}
}

// stackOverflow is the error Enter and CheckDepth raise; it resets the counter so the handler
// that catches it has room to run. It stays out of line: the check inlines into every function.
//
//go:noinline
func stackOverflow(name string) *thrown {
	depth = 0
	return runtimeError("ZL5005", "stack-overflow", fmt.Sprintf("stack overflow in `%s`: calls nested deeper than %d", name, MaxDepth))
}

// Leave ends a counted call and passes its result through.
func Leave(v Value) Value {
	depth--
	return v
}

// Typed functions carry their depth in a parameter (cheaper than the counter) and check it on
// entry; around calls between typed and dynamic code the counter and the parameter hand over.

// CheckDepth is a typed function's Enter.
func CheckDepth(d int, name string) {
	if d > MaxDepth {
		panic(stackOverflow(name))
	}
}

// Depth is the counter, for a dynamic caller of a typed function.
func Depth() int { return depth }

// SetDepth hands a typed function's depth to the counter before it calls dynamic code.
func SetDepth(d int) { depth = d }

// RestoreDepth and its typed forms put the counter back after a typed call and pass its result on.
func RestoreDepth(d int, v Value) Value          { depth = d; return v }
func RestoreDepthInt(d int, v int) int           { depth = d; return v }
func RestoreDepthFloat(d int, v float64) float64 { depth = d; return v }
func RestoreDepthString(d int, v string) string  { depth = d; return v }
func RestoreDepthBool(d int, v bool) bool        { depth = d; return v }

// RestoreDepthAs is RestoreDepth for a typed function whose result is a Go type (int32, []string).
func RestoreDepthAs[T any](d int, v T) T { depth = d; return v }

// MaxValueDepth bounds the runtime's own recursion over nested values (printing, =, hash). The
// .NET engines have no bound (they walk values without recursing on the host stack); a Go
// goroutine's stack grows to 1 GB, which a million levels of these small frames stay well inside,
// so a value nested deeper is an error here rather than a fatal stack exhaustion.
const MaxValueDepth = MaxDepth * 100

// enter and leave guard the runtime's own recursion over deep values; fn names the function the
// program called (print, =, hash).
func enter(fn string) {
	depth++
	if depth > MaxValueDepth {
		depth = 0
		panic(runtimeError("ZL5005", "stack-overflow", fmt.Sprintf("stack overflow in `%s`: values nested deeper than %d", fn, MaxValueDepth)))
	}
}

func leave() { depth-- }

// caught turns a recovered panic into the Zylisp value a catch binds; Go's own runtime errors
// become :go-error values. It returns false for panics that are not errors (never happens).
func caught(r any) Value {
	switch x := r.(type) {
	case *thrown:
		return x.value
	case runtime.Error:
		if strings.Contains(x.Error(), "integer divide by zero") {
			return runtimeError("ZL5004", "arithmetic-error", "integer division by zero").value
		}
		return runtimeError("ZL5013", "go-error", "internal error: "+x.Error()).value
	case error:
		return runtimeError("ZL5013", "go-error", x.Error()).value
	}
	return runtimeError("ZL5013", "go-error", fmt.Sprint(r)).value
}

// Try runs body; a value thrown in it is passed to handler (when there is one); finally always runs.
func Try(body func(), handler func(Value), finally func()) {
	if finally != nil {
		defer finally()
	}
	if handler == nil {
		body()
		return
	}
	saved := depth
	if v, failed := protect(body); failed {
		depth = saved
		handler(v)
	}
}

func protect(body func()) (v Value, failed bool) {
	defer func() {
		if r := recover(); r != nil {
			v, failed = caught(r), true
		}
	}()
	body()
	return nil, false
}

// protectTopLevel is protect for the whole program: it also finds where an uncaught value was
// thrown. A deferred function runs before the panicking frames are unwound, so the throw's
// line of main.go is still on the stack; only an uncaught throw pays for the walk.
func protectTopLevel(body func()) (v Value, where string, failed bool) {
	defer func() {
		if r := recover(); r != nil {
			v, failed = caught(r), true
			if file, line, column := location(); line > 0 {
				where = fmt.Sprintf("%s:%d:%d", file, line, column)
			}
		}
	}()
	body()
	return nil, "", false
}

// Main runs a compiled program: its top-level forms, then -main with the command-line
// arguments, and exits with the status the interpreter would give.
func Main(load func(), main func() Value, slisp bool) {
	// Persistent collections allocate briskly and keep little alive: collect less often than
	// Go's default (GOGC=100) unless the user set GOGC.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	code := 0
	v, where, failed := protectTopLevel(func() {
		load()
		if main != nil {
			code = exitStatus(main(), slisp)
		}
	})
	flush()
	if failed {
		reportUncaught(v, where)
		os.Exit(1)
	}
	os.Exit(code)
}

func exitStatus(v Value, slisp bool) int {
	switch x := v.(type) {
	case int:
		return int(int32(x))
	case bool:
		if slisp && x {
			return 1
		}
	}
	return 0
}

// reportUncaught prints the interpreter's first line for an uncaught value,
// "file:line:col: error: message [ZLxxxx]", at where (the throw's location) when the value
// carries none of its own.
func reportUncaught(v Value, where string) {
	id, message := "ZL5007", ""
	if e, ok := v.(*Error); ok {
		if e.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
		}
		if e.ID != "" {
			id, message = e.ID, e.Message
		} else {
			message = "uncaught exception: " + e.Message
			if e.Data.Count() > 0 {
				message += " " + Readable(e.Data)
			}
		}
	} else {
		message = "uncaught exception: " + Readable(v)
	}
	if where != "" {
		where += ": "
	}
	fmt.Fprintln(os.Stderr, where+"error: "+message+" ["+id+"]")
}
