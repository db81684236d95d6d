package rt

import (
	"fmt"
	"reflect"
	"sort"
)

// GoCall calls a Go function from Zylisp: arguments convert to the parameter types (integers to
// any integer or float kind, floats to float kinds, strings, bools, vectors and lists to
// slices, maps to Go maps, nil to a zero value) and results convert back (integers to int,
// slices to vectors, maps to maps; a non-nil error result is thrown as a :go-error). where is
// the Zylisp call site, for errors.
func GoCall(name, where string, f any, args ...Value) Value {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	n := ft.NumIn()
	if (!ft.IsVariadic() && len(args) != n) || (ft.IsVariadic() && len(args) < n-1) {
		goError(name, where, fmt.Sprintf("takes %d arguments, got %d", n, len(args)))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var t reflect.Type
		if ft.IsVariadic() && i >= n-1 {
			t = ft.In(n - 1).Elem()
		} else {
			t = ft.In(i)
		}
		v, ok := toGo(a, t)
		if !ok {
			goError(name, where, fmt.Sprintf("argument %d must be %s, got %s", i+1, t, Describe(a)))
		}
		in[i] = v
	}
	// Go code may write to the process's stdout itself: keep the order of output.
	flush()
	out := fv.Call(in)
	errorType := reflect.TypeOf((*error)(nil)).Elem()
	if len(out) > 0 && ft.Out(len(out)-1) == errorType {
		if err := out[len(out)-1]; !err.IsNil() {
			goError(name, where, err.Interface().(error).Error())
		}
		out = out[:len(out)-1]
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return fromGo(out[0])
	}
	items := make([]Value, len(out))
	for i, o := range out {
		items[i] = fromGo(o)
	}
	return NewVector(items...)
}

func goError(name, where, problem string) {
	e := &Error{Message: fmt.Sprintf("`%s`: %s", name, problem), Type: Kw("go-error"), Data: EmptyMap, ID: "ZL5012"}
	var line, column int
	var file string
	if n, _ := fmt.Sscanf(reverseLocation(where), "%d:%d", &column, &line); n == 2 {
		file = where[:len(where)-len(fmt.Sprintf(":%d:%d", line, column))]
		e.File, e.Line, e.Column = file, line, column
	}
	panic(&thrown{e})
}

// reverseLocation turns "file:12:5" into "5:12" so Sscanf can read the numbers at the end.
func reverseLocation(where string) string {
	parts := []string{}
	start := len(where)
	for i := len(where) - 1; i >= 0 && len(parts) < 2; i-- {
		if where[i] == ':' {
			parts = append(parts, where[i+1:start])
			start = i
		}
	}
	if len(parts) < 2 {
		return ""
	}
	return parts[0] + ":" + parts[1]
}

func toGo(v Value, t reflect.Type) (reflect.Value, bool) {
	if v == nil {
		switch t.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Map, reflect.Func, reflect.Chan:
			return reflect.Zero(t), true
		}
		return reflect.Value{}, false
	}
	if t.Kind() == reflect.Interface {
		g := plainGo(v)
		if g == nil {
			return reflect.Zero(t), true
		}
		gv := reflect.ValueOf(g)
		if gv.Type().Implements(t) {
			return gv, true
		}
		return reflect.Value{}, false
	}
	switch x := v.(type) {
	case int:
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			return reflect.ValueOf(x).Convert(t), true
		}
	case float64:
		switch t.Kind() {
		case reflect.Float32, reflect.Float64:
			return reflect.ValueOf(x).Convert(t), true
		}
	case string:
		if t.Kind() == reflect.String {
			return reflect.ValueOf(x).Convert(t), true
		}
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return reflect.ValueOf([]byte(x)).Convert(t), true
		}
	case bool:
		if t.Kind() == reflect.Bool {
			return reflect.ValueOf(x).Convert(t), true
		}
	case *Vector, *List:
		if t.Kind() == reflect.Slice {
			items := itemsOf("go", v)
			s := reflect.MakeSlice(t, len(items), len(items))
			for i, item := range items {
				e, ok := toGo(item, t.Elem())
				if !ok {
					return reflect.Value{}, false
				}
				s.Index(i).Set(e)
			}
			return s, true
		}
	case *Map:
		if t.Kind() == reflect.Map {
			m := reflect.MakeMapWithSize(t, x.Count())
			ok := true
			x.each(func(k, val Value) bool {
				gk, ok1 := toGo(k, t.Key())
				gv, ok2 := toGo(val, t.Elem())
				if ok = ok1 && ok2; ok {
					m.SetMapIndex(gk, gv)
				}
				return ok
			})
			return m, ok
		}
	}
	rv := reflect.ValueOf(v)
	if rv.Type().AssignableTo(t) {
		return rv, true
	}
	return reflect.Value{}, false
}

// plainGo is a value as Go code expects an untyped (any) argument: collections become slices
// and maps, keywords and symbols their printed names.
func plainGo(v Value) any {
	switch x := v.(type) {
	case *Vector, *List, *Set:
		items := itemsOf("go", v)
		out := make([]any, len(items))
		for i, item := range items {
			out[i] = plainGo(item)
		}
		return out
	case *Map:
		out := make(map[any]any, x.Count())
		x.each(func(k, val Value) bool {
			out[plainGo(k)] = plainGo(val)
			return true
		})
		return out
	case *Keyword, Symbol:
		return Display(v)
	}
	return v
}

func fromGo(v reflect.Value) Value {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int(v.Uint())
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return string(v.Bytes())
		}
		items := make([]Value, v.Len())
		for i := range items {
			items[i] = fromGo(v.Index(i))
		}
		return NewVector(items...)
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		// Go maps have no order; sorted keys make the map (and its printing) the same on every run.
		keys := v.MapKeys()
		sort.SliceStable(keys, func(i, j int) bool { return goKeyLess(keys[i], keys[j]) })
		m := EmptyMap
		for _, k := range keys {
			m = m.Assoc(fromGo(k), fromGo(v.MapIndex(k)))
		}
		return m
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		if v.Kind() == reflect.Interface {
			return fromGo(v.Elem())
		}
	case reflect.Invalid:
		return nil
	}
	return v.Interface()
}

// goKeyLess orders the keys of a Go map: numbers and strings by value, other keys by their printed form.
func goKeyLess(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() < b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() < b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() < b.Float()
	case reflect.String:
		return a.String() < b.String()
	}
	return Readable(fromGo(a)) < Readable(fromGo(b))
}

// FromGo is a Go value (a typed function's []string or map[string]int result or parameter) as
// dynamic code sees it, converted as Go interop converts results.
func FromGo(v any) Value {
	switch x := v.(type) {
	case nil, int, float64, string, bool:
		return x
	}
	return fromGo(reflect.ValueOf(v))
}
