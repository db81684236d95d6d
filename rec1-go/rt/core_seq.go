package rt

import "sort"

// Sequence functions are eager, as in the interpreter: they return lists.

func Seq(args ...Value) Value {
	arity("seq", args, 1, 1)
	if l, ok := args[0].(*List); ok && l.count > 0 {
		return l
	}
	return listOrNil(itemsOf("seq", args[0]))
}

func Concat(args ...Value) Value {
	var out []Value
	for _, c := range args {
		out = append(out, itemsOf("concat", c)...)
	}
	return NewList(out...)
}

func Into(args ...Value) Value {
	arity("into", args, 2, 2)
	acc := args[0]
	for _, x := range itemsOf("into", args[1]) {
		acc = Conj2(acc, x)
	}
	return acc
}

func Reverse(args ...Value) Value {
	arity("reverse", args, 1, 1)
	l := EmptyList
	for _, x := range itemsOf("reverse", args[0]) {
		l = l.Cons(x)
	}
	return l
}

func Sort(args ...Value) Value {
	arity("sort", args, 1, 2)
	items := itemsOf("sort", args[len(args)-1])
	compare := compareValues
	if len(args) == 2 {
		f := args[0]
		compare = func(x, y Value) int {
			switch r := Call2(f, x, y).(type) {
			case int:
				return cmpInt(r, 0)
			case float64:
				return cmpFloat(r, 0)
			case bool:
				if r {
					return -1
				}
				if Truthy(Call2(f, y, x)) {
					return 1
				}
				return 0
			case nil:
				if Truthy(Call2(f, y, x)) {
					return 1
				}
				return 0
			default:
				WrongType("sort", "a comparator returning a number or boolean", r)
			}
			return 0
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return compare(items[i], items[j]) < 0 })
	return NewList(items...)
}

func Range(args ...Value) Value {
	arity("range", args, 1, 3)
	var start, end, step Value = 0, args[0], 1
	if len(args) >= 2 {
		start, end = args[0], args[1]
	}
	if len(args) == 3 {
		step = args[2]
	}
	var items []Value
	s, ok1 := start.(int)
	e, ok2 := end.(int)
	st, ok3 := step.(int)
	if ok1 && ok2 && ok3 {
		if st == 0 {
			badArgument("range", "step must not be zero")
		}
		for i := s; (st > 0 && i < e) || (st < 0 && i > e); i += st {
			items = append(items, i)
		}
		return NewList(items...)
	}
	ds, de, dst := toFloat(start, "range"), toFloat(end, "range"), toFloat(step, "range")
	if dst == 0 || dst != dst {
		badArgument("range", "step must not be zero")
	}
	for k := 0; ; k++ {
		x := ds + float64(k)*dst
		if (dst > 0 && x >= de) || (dst < 0 && x <= de) {
			break
		}
		items = append(items, x)
	}
	return NewList(items...)
}

func Repeat(args ...Value) Value {
	arity("repeat", args, 2, 2)
	n := toInt(args[0], "repeat")
	items := make([]Value, 0)
	for i := 0; i < n; i++ {
		items = append(items, args[1])
	}
	return NewList(items...)
}

func Take(args ...Value) Value {
	arity("take", args, 2, 2)
	n := toInt(args[0], "take")
	items := itemsOf("take", args[1])
	if n < 0 {
		n = 0
	}
	if n < len(items) {
		items = items[:n]
	}
	return NewList(items...)
}

func Drop(args ...Value) Value {
	arity("drop", args, 2, 2)
	n := toInt(args[0], "drop")
	if l, ok := args[1].(*List); ok && n >= 0 && n <= l.count {
		for ; n > 0; n-- {
			l = l.rest
		}
		return l
	}
	items := itemsOf("drop", args[1])
	if n < 0 {
		n = 0
	}
	if n > len(items) {
		n = len(items)
	}
	return NewList(items[n:]...)
}

func mapItems(args []Value) []Value {
	f := args[0]
	if len(args) == 2 {
		items := itemsOf("map", args[1])
		out := make([]Value, len(items))
		for i, x := range items {
			out[i] = Call1(f, x)
		}
		return out
	}
	colls := make([][]Value, len(args)-1)
	shortest := -1
	for i, c := range args[1:] {
		colls[i] = itemsOf("map", c)
		if shortest < 0 || len(colls[i]) < shortest {
			shortest = len(colls[i])
		}
	}
	out := make([]Value, shortest)
	for i := 0; i < shortest; i++ {
		row := make([]Value, len(colls))
		for j := range colls {
			row[j] = colls[j][i]
		}
		out[i] = Call(f, row...)
	}
	return out
}

func MapFn(args ...Value) Value { arity("map", args, 2, -1); return NewList(mapItems(args)...) }
func Mapv(args ...Value) Value  { arity("mapv", args, 2, -1); return NewVector(mapItems(args)...) }
func Filter(args ...Value) Value {
	arity("filter", args, 2, 2)
	var out []Value
	for _, x := range itemsOf("filter", args[1]) {
		if Truthy(Call1(args[0], x)) {
			out = append(out, x)
		}
	}
	return NewList(out...)
}

func Reduce(args ...Value) Value {
	arity("reduce", args, 2, 3)
	f := args[0]
	var acc Value
	var items []Value
	if len(args) == 3 {
		acc, items = args[1], itemsOf("reduce", args[2])
	} else {
		items = itemsOf("reduce", args[1])
		if len(items) == 0 {
			return Call0(f)
		}
		acc, items = items[0], items[1:]
	}
	for _, x := range items {
		acc = Call2(f, acc, x)
	}
	return acc
}

func Apply(args ...Value) Value {
	arity("apply", args, 2, -1)
	all := append([]Value(nil), args[1:len(args)-1]...)
	all = append(all, itemsOf("apply", args[len(args)-1])...)
	return Call(args[0], all...)
}
