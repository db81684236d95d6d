package rt

import (
	"math"
	"reflect"
)

// Equal is Zylisp's =: lists and vectors with equal elements are equal, maps and sets compare by
// content, an integer never equals a float, and NaN equals NaN (so map keys stay reflexive).
func Equal(a, b Value) bool {
	b = dynamic(b)
	switch x := dynamic(a).(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case int:
		y, ok := b.(int)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || (math.IsNaN(x) && math.IsNaN(y)))
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *Keyword:
		return a == b
	case Symbol:
		y, ok := b.(Symbol)
		return ok && x == y
	case *List, *Vector, *LazySeq, *ConsCell:
		return sequentialEqual(a, b)
	case *Map:
		y, ok := b.(*Map)
		return ok && mapEqual(x, y)
	case *Set:
		y, ok := b.(*Set)
		return ok && setEqual(x, y)
	case *Record:
		y, ok := b.(*Record)
		return ok && x.Tag == y.Tag && mapEqual(x.Fields, y.Fields)
	case *Fn, *Atom, *Reduced, *Error:
		return a == b
	case *Regex:
		y, ok := b.(*Regex)
		return ok && x.Source == y.Source
	}
	if !reflect.TypeOf(a).Comparable() || b == nil || !reflect.TypeOf(b).Comparable() {
		return false
	}
	return a == b
}

func sequentialEqual(a, b Value) bool {
	if !isSequential(b) || (!isLazy(a) && !isLazy(b) && Count(a) != Count(b)) {
		return false
	}
	enter("=")
	defer leave()
	ia, ib := iterate(a), iterate(b)
	for {
		x, okA := ia()
		y, okB := ib()
		if !okA || !okB {
			return okA == okB
		}
		if !Equal(x, y) {
			return false
		}
	}
}

func isSequential(v Value) bool {
	switch v.(type) {
	case *List, *Vector, *LazySeq, *ConsCell:
		return true
	}
	return false
}

func mapEqual(x, y *Map) bool {
	if x.Count() != y.Count() {
		return false
	}
	enter("=")
	defer leave()
	equal := true
	x.each(func(k, v Value) bool {
		w, ok := y.lookup(k)
		if !ok || !Equal(v, w) {
			equal = false
			return false
		}
		return true
	})
	return equal
}

func setEqual(x, y *Set) bool {
	if x.Count() != y.Count() {
		return false
	}
	equal := true
	x.m.each(func(k, _ Value) bool {
		if !y.Contains(k) {
			equal = false
			return false
		}
		return true
	})
	return equal
}

// Hash agrees with Equal.
func Hash(v Value) uint32 {
	switch x := dynamic(v).(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1231
		}
		return 1237
	case int:
		return uint32(x) ^ uint32(uint64(x)>>32)
	case float64:
		if x == 0 {
			return 0
		}
		if math.IsNaN(x) {
			return 0x7ff80000
		}
		bits := math.Float64bits(x)
		return uint32(bits) ^ uint32(bits>>32)
	case string:
		return hashString(x)
	case *Keyword:
		return x.hash
	case *Regex:
		return hashString(x.Source)
	case Symbol:
		return hashString(x.Namespace)*31 + hashString(x.Name)
	case *List, *Vector, *LazySeq, *ConsCell:
		enter("hash")
		defer leave()
		h := uint32(1)
		it := iterate(v)
		for item, ok := it(); ok; item, ok = it() {
			h = h*31 + Hash(item)
		}
		return nonZero(h)
	case *Map:
		enter("hash")
		defer leave()
		h := uint32(0)
		x.each(func(k, val Value) bool {
			h += Hash(k) ^ Hash(val)
			return true
		})
		return nonZero(h)
	case *Record:
		return hashString(x.Tag)*31 + Hash(x.Fields)
	case *Set:
		enter("hash")
		defer leave()
		h := uint32(0x5e7)
		x.m.each(func(k, _ Value) bool {
			h += Hash(k)
			return true
		})
		return nonZero(h)
	}
	return hashIdentity(v)
}

// nonZero keeps a collection's hash off 0, as the .NET engines do (they cache it with 0 meaning
// "not computed yet"), so every engine prints the same (hash x) (docs/design/hashing.md).
func nonZero(h uint32) uint32 {
	if h == 0 {
		return 0x2E5BF271
	}
	return h
}

func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func hashIdentity(v Value) uint32 {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.Slice, reflect.UnsafePointer:
		p := rv.Pointer()
		return uint32(p) ^ uint32(uint64(p)>>32)
	}
	if rv.Type().Comparable() {
		return hashString(StrOf(v))
	}
	return 7
}
