package rt

// Vars, binding and metadata (docs/design/dynamic-vars-and-metadata.md): a var is the *Global
// generated code keeps for it; metadata on collections and functions lives beside them in a
// table keyed by identity, as the interpreter's ValueMetadata does.

// valueMeta maps a collection or function made by WithMeta to its metadata.
var valueMeta = map[any]Value{}

// Meta is meta: the metadata of a var, collection or function, or nil.
func Meta(args ...Value) Value {
	arity("meta", args, 1, 1)
	switch x := args[0].(type) {
	case *Global:
		return x.Meta
	case *Vector, *List, *Map, *Set, *Fn:
		return valueMeta[x]
	}
	return nil
}

// WithMeta is with-meta: a copy of x, equal to it but not identical, carrying the map m.
func WithMeta(args ...Value) Value {
	arity("with-meta", args, 2, 2)
	m := args[1]
	if _, ok := m.(*Map); !ok && m != nil {
		WrongType("with-meta", "a map", m)
	}
	var copied Value
	switch x := args[0].(type) {
	case *Vector:
		c := *x
		copied = &c
	case *List:
		c := *x
		copied = &c
	case *Map:
		c := *x
		copied = &c
	case *Set:
		c := *x
		copied = &c
	case *Fn:
		c := *x
		copied = &c
	case Symbol:
		panic(runtimeError("ZL5013", "go-error", "with-meta: metadata on symbols is not supported by the go target"))
	default:
		WrongType("with-meta", "a symbol, collection or function", args[0])
	}
	if m != nil {
		valueMeta[copied] = m
	}
	return copied
}

// IsVar is var?.
func IsVar(args ...Value) Value {
	arity("var?", args, 1, 1)
	_, ok := args[0].(*Global)
	return ok
}

func asVar(fn string, v Value) *Global {
	g, ok := v.(*Global)
	if !ok {
		WrongType(fn, "a var", v)
	}
	return g
}

// VarGet is var-get: the var's current value (its innermost binding).
func VarGet(args ...Value) Value {
	arity("var-get", args, 1, 1)
	g := asVar("var-get", args[0])
	if len(g.bindings) == 0 && !g.Defined {
		badArgument("var-get", "#'"+g.Name+" is unbound")
	}
	return g.Get()
}

// PrintSource is source's primitive: the text of the var's definition.
func PrintSource(args ...Value) Value {
	arity("%print-source", args, 1, 1)
	g := asVar("source", args[0])
	text := g.Source
	if text == "" {
		text = "Source not found (" + g.Name + " is not defined from source)"
	}
	return Println(text)
}

func bindingItems(v Value) *Vector {
	vec, ok := v.(*Vector)
	if !ok {
		WrongType("binding", "a vector", v)
	}
	return vec
}

// PushBindings is binding's start: binds each dynamic var to its value, after checking them all.
func PushBindings(args ...Value) Value {
	arity("%push-bindings", args, 2, 2)
	vars, values := bindingItems(args[0]), bindingItems(args[1])
	globals := make([]*Global, vars.Count())
	for i := range globals {
		g := asVar("binding", vars.Nth(i))
		if !g.Dynamic {
			badArgument("binding", "cannot bind #'"+g.Name+": it is not dynamic (define it with (def ^:dynamic "+g.Name+" ...))")
		}
		globals[i] = g
	}
	for i, g := range globals {
		g.bindings = append(g.bindings, values.Nth(i))
	}
	return nil
}

// PopBindings is binding's end: ends the innermost binding of each var.
func PopBindings(args ...Value) Value {
	arity("%pop-bindings", args, 1, 1)
	vars := bindingItems(args[0])
	for i := 0; i < vars.Count(); i++ {
		if g := asVar("binding", vars.Nth(i)); len(g.bindings) > 0 {
			g.bindings = g.bindings[:len(g.bindings)-1]
		}
	}
	return nil
}
