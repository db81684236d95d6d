package rt

import (
	"unicode/utf16"
	"unicode/utf8"
)

// iterate yields the elements of a seqable value: nil is empty, strings yield one-code-point
// strings, maps yield [key value] vectors. It panics with a type error naming fn otherwise.
func iterate(v Value) func() (Value, bool) {
	switch x := v.(type) {
	case nil:
		return func() (Value, bool) { return nil, false }
	case *LazySeq, *ConsCell:
		return lazyIterator(x)
	case *List:
		c := x
		return func() (Value, bool) {
			if c.count == 0 {
				return nil, false
			}
			item := c.first
			c = c.rest
			return item, true
		}
	}
	items := itemsOf("seq", v)
	i := 0
	return func() (Value, bool) {
		if i >= len(items) {
			return nil, false
		}
		i++
		return items[i-1], true
	}
}

func isSeqable(v Value) bool {
	switch dynamic(v).(type) {
	case nil, string, *List, *Vector, *Map, *Set, *LazySeq, *ConsCell, *Record:
		return true
	}
	return false
}

// itemsOf is the elements of a seqable value as a slice (a fresh one the caller may keep).
func itemsOf(fn string, v Value) []Value {
	switch x := dynamic(v).(type) {
	case nil:
		return nil
	case *List:
		return x.Slice()
	case *LazySeq, *ConsCell:
		var out []Value
		it := lazyIterator(x)
		for item, ok := it(); ok; item, ok = it() {
			out = append(out, item)
		}
		return out
	case *Vector:
		return x.Slice()
	case *Set:
		return x.Slice()
	case *Record:
		return itemsOf(fn, x.Fields)
	case *Map:
		out := make([]Value, 0, x.Count())
		x.each(func(k, val Value) bool {
			out = append(out, NewVector(k, val))
			return true
		})
		return out
	case string:
		out := make([]Value, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out
	}
	WrongType(fn, "a collection", v)
	return nil
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// runeAt is the one-code-point string at code point index i (0 <= i < count).
func runeAt(s string, i int) string {
	for _, r := range s {
		if i == 0 {
			return string(r)
		}
		i--
	}
	return ""
}

// runeSlice is the code points [start, end) of s.
func runeSlice(s string, start, end int) string {
	rs := []rune(s)
	return string(rs[start:end])
}

func listOrNil(items []Value) Value {
	if len(items) == 0 {
		return nil
	}
	return NewList(items...)
}

func utf16Of(s string) []uint16 { return utf16.Encode([]rune(s)) }
