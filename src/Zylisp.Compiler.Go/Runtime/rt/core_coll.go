package rt

func is(name string, args []Value, test func(Value) bool) Value {
	arity(name, args, 1, 1)
	return test(args[0])
}

func IsNil(args ...Value) Value    { return is("nil?", args, func(v Value) bool { return v == nil }) }
func IsNumber(args ...Value) Value { return is("number?", args, isNumber) }
func IsInteger(args ...Value) Value {
	return is("integer?", args, func(v Value) bool { _, ok := v.(int); return ok })
}
func IsFloat(args ...Value) Value {
	return is("float?", args, func(v Value) bool { _, ok := v.(float64); return ok })
}
func IsString(args ...Value) Value {
	return is("string?", args, func(v Value) bool { _, ok := v.(string); return ok })
}
func IsKeyword(args ...Value) Value {
	return is("keyword?", args, func(v Value) bool { _, ok := v.(*Keyword); return ok })
}
func IsSymbol(args ...Value) Value {
	return is("symbol?", args, func(v Value) bool { _, ok := v.(Symbol); return ok })
}
func IsBoolean(args ...Value) Value {
	return is("boolean?", args, func(v Value) bool { _, ok := v.(bool); return ok })
}
func IsFn(args ...Value) Value {
	return is("fn?", args, func(v Value) bool { _, ok := v.(*Fn); return ok })
}
func IsList(args ...Value) Value {
	return is("list?", args, func(v Value) bool { _, ok := v.(*List); return ok })
}
func IsVector(args ...Value) Value { return is("vector?", args, isVector) }
func IsMap(args ...Value) Value {
	return is("map?", args, func(v Value) bool {
		switch dynamic(v).(type) {
		case *Map, *Record:
			return true
		}
		return false
	})
}
func IsSet(args ...Value) Value {
	return is("set?", args, func(v Value) bool { _, ok := v.(*Set); return ok })
}
func IsColl(args ...Value) Value {
	return is("coll?", args, func(v Value) bool {
		switch dynamic(v).(type) {
		case *List, *Vector, *Map, *Set, *LazySeq, *ConsCell, *Record:
			return true
		}
		return false
	})
}
func IsSeq(args ...Value) Value {
	return is("seq?", args, func(v Value) bool {
		switch v.(type) {
		case *List, *LazySeq, *ConsCell:
			return true
		}
		return false
	})
}
func IsSequential(args ...Value) Value { return is("sequential?", args, isSequential) }
func IsAtom(args ...Value) Value {
	return is("atom?", args, func(v Value) bool { _, ok := v.(*Atom); return ok })
}

// IsEmpty1 is (empty? coll).
func IsEmpty1(v Value) bool {
	if !isSeqable(v) {
		WrongType("empty?", "a collection or string", v)
	}
	if isLazy(v) {
		return seqNode(v) == nil
	}
	return count(v) == 0
}

func IsEmpty(args ...Value) Value { arity("empty?", args, 1, 1); return IsEmpty1(args[0]) }

func ListOf(args ...Value) Value   { return NewList(args...) }
func VectorOf(args ...Value) Value { return NewVector(args...) }
func HashMap(args ...Value) Value {
	if len(args)%2 != 0 {
		badArgument("hash-map", "needs an even number of arguments")
	}
	return NewMap(args...)
}
func HashSet(args ...Value) Value { return NewSet(args...) }
func Vec(args ...Value) Value {
	arity("vec", args, 1, 1)
	if v, ok := args[0].(*Vector); ok {
		return v
	}
	return NewVector(itemsOf("vec", args[0])...)
}
func SetOf(args ...Value) Value { arity("set", args, 1, 1); return NewSet(itemsOf("set", args[0])...) }

func toList(fn string, v Value) *List {
	if l, ok := v.(*List); ok {
		return l
	}
	return NewList(itemsOf(fn, v)...)
}

func Cons2(x, coll Value) Value {
	if isLazy(coll) {
		return &ConsCell{x, coll}
	}
	return toList("cons", coll).Cons(x)
}
func Cons(args ...Value) Value { arity("cons", args, 2, 2); return Cons2(args[0], args[1]) }

// Conj2 is (conj coll x).
func Conj2(coll, x Value) Value {
	switch c := dynamic(coll).(type) {
	case nil:
		return EmptyList.Cons(x)
	case *List:
		return c.Cons(x)
	case *LazySeq, *ConsCell:
		return &ConsCell{x, c}
	case *Vector:
		return c.Conj(x)
	case *Set:
		return c.Conj(x)
	case *Record:
		return c.with(Conj2(c.Fields, x).(*Map))
	case *Map:
		switch e := x.(type) {
		case nil:
			// As in Clojure, so (conj m (when ok [k v])) needs no guard.
			return c
		case *Map:
			m := c
			e.each(func(k, v Value) bool { m = m.Assoc(k, v); return true })
			return m
		case *Vector:
			if e.Count() == 2 {
				return c.Assoc(e.Nth(0), e.Nth(1))
			}
		}
		WrongType("conj", "a [key value] vector or a map to add to a map", x)
	}
	WrongType("conj", "a collection", coll)
	return nil
}

func Conj(args ...Value) Value {
	if len(args) == 0 {
		return EmptyVector
	}
	acc := args[0]
	for _, x := range args[1:] {
		acc = Conj2(acc, x)
	}
	return acc
}

// First1 is (first coll).
func First1(v Value) Value {
	switch x := v.(type) {
	case nil:
		return nil
	case *List:
		return x.first
	case *ConsCell:
		return x.first
	case *LazySeq:
		if n := x.Seq(); n != nil {
			return nodeFirst(n)
		}
		return nil
	case *Vector:
		if x.count == 0 {
			return nil
		}
		return x.Nth(0)
	}
	items := itemsOf("first", v)
	if len(items) == 0 {
		return nil
	}
	return items[0]
}

func First(args ...Value) Value { arity("first", args, 1, 1); return First1(args[0]) }

func Second(args ...Value) Value {
	arity("second", args, 1, 1)
	switch x := args[0].(type) {
	case nil:
		return nil
	case *List:
		return x.Rest().first
	case *Vector:
		if x.count < 2 {
			return nil
		}
		return x.Nth(1)
	case *LazySeq, *ConsCell:
		return First1(Next1(x))
	}
	items := itemsOf("second", args[0])
	if len(items) < 2 {
		return nil
	}
	return items[1]
}

func Last(args ...Value) Value {
	arity("last", args, 1, 1)
	if v, ok := args[0].(*Vector); ok {
		if v.count == 0 {
			return nil
		}
		return v.Nth(v.count - 1)
	}
	items := itemsOf("last", args[0])
	if len(items) == 0 {
		return nil
	}
	return items[len(items)-1]
}

// Rest1 is (rest coll): a seq, the empty list when there is nothing after the first.
func Rest1(v Value) Value {
	switch x := v.(type) {
	case nil:
		return EmptyList
	case *List:
		return x.Rest()
	case *ConsCell:
		if x.more == nil {
			return EmptyList
		}
		return x.more
	case *LazySeq:
		if n := x.Seq(); n != nil {
			if m := nodeMore(n); m != nil {
				return m
			}
		}
		return EmptyList
	}
	items := itemsOf("rest", v)
	if len(items) == 0 {
		return EmptyList
	}
	return NewList(items[1:]...)
}

func Rest(args ...Value) Value { arity("rest", args, 1, 1); return Rest1(args[0]) }

// Next1 is (next coll): the rest, or nil when empty.
func Next1(v Value) Value {
	r := Rest1(v)
	if l, ok := r.(*List); ok {
		if l.count == 0 {
			return nil
		}
		return l
	}
	return seqNode(r)
}

func Next(args ...Value) Value { arity("next", args, 1, 1); return Next1(args[0]) }

func nthOf(coll, index Value, fn string, hasNotFound bool, notFound Value) Value {
	i := toInt(index, fn)
	if isLazy(coll) {
		it := lazyIterator(coll)
		seen := 0
		for item, ok := it(); ok && i >= 0; item, ok = it() {
			if seen == i {
				return item
			}
			seen++
		}
		if hasNotFound {
			return notFound
		}
		indexOutOfRange(fn, i, seen)
	}
	n := 0
	switch x := coll.(type) {
	case nil:
	case *Vector:
		n = x.count
	case *List:
		n = x.count
	case string:
		n = runeCount(x)
	default:
		WrongType(fn, "a list, vector or string", coll)
	}
	if i < 0 || i >= n {
		if hasNotFound {
			return notFound
		}
		indexOutOfRange(fn, i, n)
	}
	switch x := coll.(type) {
	case *Vector:
		return x.Nth(i)
	case *List:
		c := x
		for ; i > 0; i-- {
			c = c.rest
		}
		return c.first
	case string:
		return runeAt(x, i)
	}
	return nil
}

func Nth2(coll, index Value) Value { return nthOf(coll, index, "nth", false, nil) }

func Nth(args ...Value) Value {
	arity("nth", args, 2, 3)
	if len(args) == 3 {
		return nthOf(args[0], args[1], "nth", true, args[2])
	}
	return nthOf(args[0], args[1], "nth", false, nil)
}

// Get3 is (get coll key notFound).
func Get3(coll, key, notFound Value) Value {
	switch x := dynamic(coll).(type) {
	case *Map:
		return x.Get(key, notFound)
	case *Record:
		return x.Fields.Get(key, notFound)
	case *Set:
		return x.Get(key, notFound)
	case *Vector:
		if i, ok := key.(int); ok && i >= 0 && i < x.count {
			return x.Nth(i)
		}
	case string:
		if i, ok := key.(int); ok && i >= 0 && i < runeCount(x) {
			return runeAt(x, i)
		}
	case *Error:
		return x.ToMap().Get(key, notFound)
	}
	return notFound
}

func Get2(coll, key Value) Value { return Get3(coll, key, nil) }

func Get(args ...Value) Value {
	arity("get", args, 2, 3)
	if len(args) == 3 {
		return Get3(args[0], args[1], args[2])
	}
	return Get3(args[0], args[1], nil)
}

func Assoc(args ...Value) Value {
	arity("assoc", args, 3, -1)
	if len(args)%2 == 0 {
		badArgument("assoc", "needs a value for every key")
	}
	target := args[0]
	for i := 1; i < len(args); i += 2 {
		switch t := dynamic(target).(type) {
		case nil:
			target = EmptyMap.Assoc(args[i], args[i+1])
		case *Map:
			target = t.Assoc(args[i], args[i+1])
		case *Record:
			target = t.with(t.Fields.Assoc(args[i], args[i+1]))
		case *Vector:
			index, ok := args[i].(int)
			if !ok || index < 0 || index > t.count {
				if !ok {
					index = -1
				}
				indexOutOfRange("assoc", index, t.count)
			}
			if index == t.count {
				target = t.Conj(args[i+1])
			} else {
				target = t.Assoc(index, args[i+1])
			}
		default:
			WrongType("assoc", "a map or vector", target)
		}
	}
	return target
}

func asMap(fn string, v Value) *Map {
	switch m := dynamic(v).(type) {
	case nil:
		return EmptyMap
	case *Map:
		return m
	case *Record:
		return m.Fields
	}
	WrongType(fn, "a map", v)
	return nil
}

func Dissoc(args ...Value) Value {
	arity("dissoc", args, 1, -1)
	if args[0] == nil {
		return nil // as disj, and as Clojure
	}
	if r, ok := dynamic(args[0]).(*Record); ok {
		return dissocRecord(r, args[1:])
	}
	m := asMap("dissoc", args[0])
	for _, k := range args[1:] {
		m = m.Dissoc(k)
	}
	return m
}

func Disj(args ...Value) Value {
	arity("disj", args, 1, -1)
	if args[0] == nil {
		return nil
	}
	s, ok := args[0].(*Set)
	if !ok {
		WrongType("disj", "a set", args[0])
	}
	for _, x := range args[1:] {
		s = s.Disj(x)
	}
	return s
}

func contains(coll, key Value) bool {
	switch x := dynamic(coll).(type) {
	case *Map:
		return x.ContainsKey(key)
	case *Record:
		return x.Fields.ContainsKey(key)
	case *Set:
		return x.Contains(key)
	case *Vector:
		i, ok := key.(int)
		return ok && i >= 0 && i < x.count
	case string:
		i, ok := key.(int)
		return ok && i >= 0 && i < runeCount(x)
	case *Error:
		return x.ToMap().ContainsKey(key)
	case nil:
		return false
	}
	WrongType("contains?", "a map, set, vector or string", coll)
	return false
}

func Contains(args ...Value) Value { arity("contains?", args, 2, 2); return contains(args[0], args[1]) }

func Keys(args ...Value) Value {
	arity("keys", args, 1, 1)
	return listOrNil(asMap("keys", args[0]).Keys())
}

func Vals(args ...Value) Value {
	arity("vals", args, 1, 1)
	return listOrNil(asMap("vals", args[0]).Vals())
}

func count(v Value) int {
	switch x := dynamic(v).(type) {
	case nil:
		return 0
	case *List:
		return x.count
	case *Vector:
		return x.count
	case *Map:
		return x.count
	case *Record:
		return x.Fields.count
	case *Set:
		return x.Count()
	case string:
		return runeCount(x)
	case *LazySeq, *ConsCell:
		return walkCount(x)
	}
	WrongType("count", "a collection or string", v)
	return 0
}

// Count1 is (count coll).
func Count1(v Value) Value { return count(v) }

func Count(args ...Value) Value { arity("count", args, 1, 1); return count(args[0]) }

func Empty(args ...Value) Value {
	arity("empty", args, 1, 1)
	switch x := dynamic(args[0]).(type) {
	case *List, *LazySeq, *ConsCell:
		return EmptyList
	case *Vector:
		return EmptyVector
	case *Map:
		if x.sorted {
			return &Map{sorted: true}
		}
		return EmptyMap
	case *Record:
		return EmptyMap
	case *Set:
		if x.m.sorted {
			return &Set{m: &Map{sorted: true}}
		}
		return EmptySet
	}
	return nil
}

func Peek(args ...Value) Value {
	arity("peek", args, 1, 1)
	if v, ok := args[0].(*Vector); ok {
		if v.count == 0 {
			return nil
		}
		return v.Nth(v.count - 1)
	}
	return First1(args[0])
}

func Pop(args ...Value) Value {
	arity("pop", args, 1, 1)
	switch x := args[0].(type) {
	case *Vector:
		if x.count > 0 {
			return x.Pop()
		}
	case *List:
		if x.count > 0 {
			return x.rest
		}
	}
	badArgument("pop", "cannot pop an empty or non-stack collection")
	return nil
}

func Subvec(args ...Value) Value {
	arity("subvec", args, 2, 3)
	v, ok := args[0].(*Vector)
	if !ok {
		WrongType("subvec", "a vector", args[0])
	}
	start := toInt(args[1], "subvec")
	end := v.count
	if len(args) == 3 {
		end = toInt(args[2], "subvec")
	}
	if start < 0 || end > v.count || start > end {
		bad := end
		if start < 0 || start > end {
			bad = start
		}
		indexOutOfRange("subvec", bad, v.count)
	}
	return NewVector(v.Slice()[start:end]...)
}
