package rt

import "sort"

// map, filter, take, drop, concat, range and repeat are lazy, as in the interpreter (lazy.go).

func Seq(args ...Value) Value {
	arity("seq", args, 1, 1)
	switch x := args[0].(type) {
	case *List:
		if x.count > 0 {
			return x
		}
		return nil
	case *LazySeq:
		return x.Seq()
	case *ConsCell:
		return x
	}
	return listOrNil(itemsOf("seq", args[0]))
}

func Concat(args ...Value) Value {
	if len(args) == 0 {
		return EmptyList
	}
	for _, c := range args {
		seqable("concat", c)
	}
	return lazyConcat(args[0], append([]Value(nil), args[1:]...))
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
	arity("range", args, 0, 3)
	if len(args) == 0 {
		return intRange(0, 0, 1, false)
	}
	var start, end, step Value = 0, args[0], 1
	if len(args) >= 2 {
		start, end = args[0], args[1]
	}
	if len(args) == 3 {
		step = args[2]
	}
	s, ok1 := start.(int)
	e, ok2 := end.(int)
	st, ok3 := step.(int)
	if ok1 && ok2 && ok3 {
		if st == 0 {
			badArgument("range", "step must not be zero")
		}
		return intRange(s, e, st, true)
	}
	ds, de, dst := toFloat(start, "range"), toFloat(end, "range"), toFloat(step, "range")
	if dst == 0 || dst != dst {
		badArgument("range", "step must not be zero")
	}
	return floatRange(ds, de, dst, 0)
}

func Repeat(args ...Value) Value {
	arity("repeat", args, 1, 2)
	if len(args) == 1 {
		return repeatSeq(args[0], -1)
	}
	n := toInt(args[0], "repeat")
	if n < 0 {
		n = 0
	}
	return repeatSeq(args[1], n)
}

func Take(args ...Value) Value {
	arity("take", args, 2, 2)
	return lazyTake(toInt(args[0], "take"), seqable("take", args[1]))
}

func Drop(args ...Value) Value {
	arity("drop", args, 2, 2)
	return lazyDrop(toInt(args[0], "drop"), seqable("drop", args[1]))
}

func MapFn(args ...Value) Value {
	arity("map", args, 2, -1)
	if len(args) == 2 {
		return lazyMap(args[0], seqable("map", args[1]))
	}
	colls := make([]Value, len(args)-1)
	for i, c := range args[1:] {
		colls[i] = seqable("map", c)
	}
	return lazyMapMany(args[0], colls)
}

func Mapv(args ...Value) Value {
	arity("mapv", args, 2, -1)
	return NewVector(itemsOf("mapv", MapFn(args...))...)
}

func Filter(args ...Value) Value {
	arity("filter", args, 2, 2)
	return lazyFilter(args[0], seqable("filter", args[1]))
}

func Reduce(args ...Value) Value {
	arity("reduce", args, 2, 3)
	f := args[0]
	// Walk without holding the head: the argument slot is cleared (docs/design/lazy-sequences.md).
	it := iterate(seqable("reduce", args[len(args)-1]))
	args[len(args)-1] = nil
	var acc Value
	if len(args) == 3 {
		acc = args[1]
	} else {
		first, ok := it()
		if !ok {
			return Call0(f)
		}
		acc = first
	}
	for x, ok := it(); ok; x, ok = it() {
		acc = Call2(f, acc, x)
		if r, ok := acc.(*Reduced); ok {
			return r.Value
		}
	}
	return acc
}

// ReducedOf is (reduced x).
func ReducedOf(args ...Value) Value { arity("reduced", args, 1, 1); return &Reduced{Value: args[0]} }

// IsReduced is (reduced? x).
func IsReduced(args ...Value) Value {
	arity("reduced?", args, 1, 1)
	_, ok := args[0].(*Reduced)
	return ok
}

func Apply(args ...Value) Value {
	arity("apply", args, 2, -1)
	all := append([]Value(nil), args[1:len(args)-1]...)
	all = append(all, itemsOf("apply", args[len(args)-1])...)
	return Call(args[0], all...)
}
