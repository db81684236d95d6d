package rt

// Fn is a Zylisp function value. Each fixed arity up to three has its own Go function; FN
// takes any other number of arguments (a variadic arity, or more than three parameters) and
// checks the count itself. Bodies may return the tail-call marker; Call* settle it.
type Fn struct {
	Name string
	F0   func() Value
	F1   func(Value) Value
	F2   func(Value, Value) Value
	F3   func(Value, Value, Value) Value
	FN   func([]Value) Value
	// HasRest and RestRequired describe a variadic arity (for -main's argument rule).
	HasRest      bool
	RestRequired int
}

// tailCall is the one pending tail call: a function body returns the marker after storing the
// callee and arguments here, and the nearest non-tail call runs it (a trampoline), so tail
// calls never grow the Go stack.
type tailCall struct {
	fn   Value
	args []Value
	buf  [3]Value
}

var pending tailCall

type tailMarker struct{ _ int }

// TailMarker is what a body returns for a pending tail call.
var TailMarker Value = &tailMarker{}

// Settle runs pending tail calls until a real value comes back.
func Settle(v Value) Value {
	if v == TailMarker {
		return runPending()
	}
	return v
}

func runPending() Value {
	v := TailMarker
	for v == TailMarker {
		f := pending.fn
		args := pending.args
		pending.fn = nil
		v = invoke(f, args)
	}
	return v
}

// TailCall stores a call for the trampoline and returns the marker.
func TailCall(f Value, args ...Value) Value {
	pending.fn = f
	pending.args = args
	return TailMarker
}

func TailCall0(f Value) Value {
	pending.fn, pending.args = f, pending.buf[:0]
	return TailMarker
}

func TailCall1(f, a Value) Value {
	pending.buf[0] = a
	pending.fn, pending.args = f, pending.buf[:1]
	return TailMarker
}

func TailCall2(f, a, b Value) Value {
	pending.buf[0], pending.buf[1] = a, b
	pending.fn, pending.args = f, pending.buf[:2]
	return TailMarker
}

func TailCall3(f, a, b, c Value) Value {
	pending.buf[0], pending.buf[1], pending.buf[2] = a, b, c
	pending.fn, pending.args = f, pending.buf[:3]
	return TailMarker
}

// invoke calls f once without settling; args may alias the pending buffer, so it is read first.
func invoke(f Value, args []Value) Value {
	if fn, ok := f.(*Fn); ok {
		switch len(args) {
		case 0:
			if fn.F0 != nil {
				return fn.F0()
			}
		case 1:
			if fn.F1 != nil {
				return fn.F1(args[0])
			}
		case 2:
			if fn.F2 != nil {
				return fn.F2(args[0], args[1])
			}
		case 3:
			if fn.F3 != nil {
				return fn.F3(args[0], args[1], args[2])
			}
		}
		if fn.FN != nil {
			return fn.FN(append([]Value(nil), args...))
		}
		ArityError(fn.Name, len(args))
	}
	return callData(f, args)
}

// callData calls a keyword, map, set or vector as a lookup.
func callData(f Value, args []Value) Value {
	if len(args) == 1 || len(args) == 2 {
		var notFound Value
		if len(args) == 2 {
			notFound = args[1]
		}
		switch x := f.(type) {
		case *Keyword:
			return Get3(args[0], f, notFound)
		case *Map, *Set:
			return Get3(f, args[0], notFound)
		case *Vector:
			if len(args) == 1 {
				return nthOf(x, args[0], "vector", false, nil)
			}
		}
	}
	notCallable(f)
	return nil
}

// Call calls f with any number of arguments.
func Call(f Value, args ...Value) Value { return Settle(invoke(f, args)) }

func Call0(f Value) Value {
	if fn, ok := f.(*Fn); ok && fn.F0 != nil {
		return Settle(fn.F0())
	}
	return Settle(invoke(f, nil))
}

func Call1(f, a Value) Value {
	if fn, ok := f.(*Fn); ok && fn.F1 != nil {
		return Settle(fn.F1(a))
	}
	return Settle(invoke(f, []Value{a}))
}

func Call2(f, a, b Value) Value {
	if fn, ok := f.(*Fn); ok && fn.F2 != nil {
		return Settle(fn.F2(a, b))
	}
	return Settle(invoke(f, []Value{a, b}))
}

func Call3(f, a, b, c Value) Value {
	if fn, ok := f.(*Fn); ok && fn.F3 != nil {
		return Settle(fn.F3(a, b, c))
	}
	return Settle(invoke(f, []Value{a, b, c}))
}

// RestArgs is the rest parameter's value: the arguments from index required on, or nil.
func RestArgs(args []Value, required int) Value {
	if len(args) <= required {
		return nil
	}
	return NewList(args[required:]...)
}

// Global is a Zylisp global variable (a Var); generated code keeps one per global it uses.
// A global the program uses as a value (#'x, (var x), binding) also carries its metadata and
// source, known when the program was compiled (vars.go).
type Global struct {
	Name    string
	Value   Value
	Defined bool
	// Dynamic is true for (def ^:dynamic x ...): binding may rebind it.
	Dynamic bool
	// Meta is the var's metadata map (nil when the program never asks for it).
	Meta Value
	// Source is the text of the var's definition, for source.
	Source string
	// bindings holds binding's values, innermost last. Programs run on one goroutine, so one
	// stack per global is the thread-local stack of the other engines.
	bindings []Value
}

// Get is the global's value (its innermost binding, if bound); an undefined global raises the
// undefined-symbol error.
func (g *Global) Get() Value {
	if len(g.bindings) > 0 {
		return g.bindings[len(g.bindings)-1]
	}
	if !g.Defined {
		Undefined(g.Name)
	}
	return g.Value
}

// Def defines the global and returns its new value (def's value in the interpreter is the var's
// value); inside a binding of the global it sets the binding, as the interpreter does.
func (g *Global) Def(v Value) Value {
	if len(g.bindings) > 0 {
		g.bindings[len(g.bindings)-1] = v
		return v
	}
	g.Value, g.Defined = v, true
	return v
}

// Declare is (def name) without a value: nil unless the global already has one.
func (g *Global) Declare() Value {
	if !g.Defined {
		g.Value, g.Defined = nil, true
	}
	return g.Value
}
