package rt

import (
	"math"
	"os"
	"reflect"
)

// AsGo converts a value passed to a function whose annotation is a Go type name (int32,
// []string, time.Duration, ...) as Go interop converts arguments (a Zylisp integer to int32, a
// vector to a slice); a value that does not convert is Zylisp's annotation error.
func AsGo[T any](v Value, fn, what string) T {
	if x, ok := v.(T); ok {
		return x
	}
	var zero T
	t := reflect.TypeOf(&zero).Elem()
	if converted, ok := toGo(v, t); ok {
		return converted.Interface().(T)
	}
	AnnotationError(fn, what, t.String(), v)
	return zero
}

// AsInt checks a value passed to or returned from a typed function, as the interpreter checks
// deffunc annotations: a wrong type is Zylisp's annotation error.
func AsInt(v Value, fn, what string) int {
	if x, ok := v.(int); ok {
		return x
	}
	AnnotationError(fn, what, "integer", v)
	return 0
}

func AsFloat(v Value, fn, what string) float64 {
	if x, ok := v.(float64); ok {
		return x
	}
	AnnotationError(fn, what, "float", v)
	return 0
}

func AsString(v Value, fn, what string) string {
	if x, ok := v.(string); ok {
		return x
	}
	AnnotationError(fn, what, "string", v)
	return ""
}

func AsBool(v Value, fn, what string) bool {
	if x, ok := v.(bool); ok {
		return x
	}
	AnnotationError(fn, what, "bool", v)
	return false
}

// CheckArg checks an annotated parameter of a function that is not compiled as typed Go.
func CheckArg(v Value, goType, fn, what, annotation string) {
	ok := true
	switch goType {
	case "int":
		_, ok = v.(int)
	case "float64":
		_, ok = v.(float64)
	case "string":
		_, ok = v.(string)
	case "bool":
		_, ok = v.(bool)
	}
	if !ok {
		AnnotationError(fn, what, annotation, v)
	}
}

// Thrown wraps a thrown value for panic; a runtime error value gets the current location.
func Thrown(v Value) any {
	return &thrown{v}
}

// CallMain calls -main with the command-line arguments when it takes that many, else with none.
func CallMain(main Value) Value {
	args := os.Args[1:]
	values := make([]Value, len(args))
	for i, a := range args {
		values[i] = a
	}
	if fn, ok := main.(*Fn); ok && len(values) > 0 && !fn.accepts(len(values)) {
		values = nil
	}
	return Call(main, values...)
}

func (fn *Fn) accepts(n int) bool {
	switch {
	case n == 0 && fn.F0 != nil, n == 1 && fn.F1 != nil, n == 2 && fn.F2 != nil, n == 3 && fn.F3 != nil:
		return true
	case fn.HasRest && n >= fn.RestRequired:
		return true
	}
	return false
}

// CommandLineArgs is *command-line-args*: the arguments as a list of strings, or nil.
func CommandLineArgs() Value {
	if len(os.Args) <= 1 {
		return nil
	}
	values := make([]Value, len(os.Args)-1)
	for i, a := range os.Args[1:] {
		values[i] = a
	}
	return NewList(values...)
}

func NaN() float64         { return math.NaN() }
func Inf(sign int) float64 { return math.Inf(sign) }
func NegZero() float64     { return math.Copysign(0, -1) }
