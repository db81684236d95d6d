package rt

// Lazy sequences, as in the .NET runtime (docs/design/lazy-sequences.md): a LazySeq runs its
// body once, when first needed, and keeps the seq node it produced: nil, a non-empty *List or a
// *ConsCell. Walks keep only the unwalked rest, so an infinite sequence walks in constant memory.

// LazySeq is (lazy-seq body) and what the lazy sequence functions return.
type LazySeq struct {
	fn       func() Value
	produced Value
	node     Value
	hasNode  bool
}

// ConsCell is a first element in front of any seqable rest (usually a *LazySeq).
type ConsCell struct {
	first Value
	more  Value
}

const chunkSize = 32

func newLazy(fn func() Value) *LazySeq { return &LazySeq{fn: fn} }

// run calls the body once and gives what it produced, unwrapping nothing.
func (l *LazySeq) run() Value {
	if l.hasNode {
		return l.node
	}
	if l.fn != nil {
		l.produced = l.fn()
		l.fn = nil
	}
	return l.produced
}

// Seq is the realized node; a body returning another lazy seq is unwrapped in a loop.
func (l *LazySeq) Seq() Value {
	if l.hasNode {
		return l.node
	}
	v := l.run()
	for {
		inner, ok := v.(*LazySeq)
		if !ok {
			break
		}
		v = inner.run()
	}
	l.node = seqNode(v)
	l.hasNode = true
	l.produced = nil
	return l.node
}

// seqNode is nil for an empty seqable, else a non-empty *List or a *ConsCell.
func seqNode(v Value) Value {
	switch x := v.(type) {
	case nil:
		return nil
	case *List:
		if x.count == 0 {
			return nil
		}
		return x
	case *ConsCell:
		return x
	case *LazySeq:
		return x.Seq()
	}
	items := itemsOf("seq", v)
	if len(items) == 0 {
		return nil
	}
	return NewList(items...)
}

func nodeFirst(n Value) Value {
	if c, ok := n.(*ConsCell); ok {
		return c.first
	}
	return n.(*List).first
}

func nodeMore(n Value) Value {
	if c, ok := n.(*ConsCell); ok {
		return c.more
	}
	return n.(*List).Rest()
}

func isLazy(v Value) bool {
	switch v.(type) {
	case *LazySeq, *ConsCell:
		return true
	}
	return false
}

// lazyIterator walks any seqable, holding only the rest.
func lazyIterator(v Value) func() (Value, bool) {
	rest := v
	var inner func() (Value, bool)
	return func() (Value, bool) {
		if inner != nil {
			return inner()
		}
		for {
			switch x := rest.(type) {
			case nil:
				return nil, false
			case *LazySeq:
				rest = x.Seq()
				continue
			case *List:
				if x.count == 0 {
					rest = nil
					return nil, false
				}
				rest = x.rest
				return x.first, true
			case *ConsCell:
				rest = x.more
				return x.first, true
			}
			inner = iterate(rest)
			rest = nil
			return inner()
		}
	}
}

func walkCount(v Value) int {
	n := 0
	rest := v
	for {
		switch x := rest.(type) {
		case *LazySeq:
			rest = x.Seq()
		case *ConsCell:
			n++
			rest = x.more
		case nil:
			return n
		default:
			return n + count(rest)
		}
	}
}

func seqable(fn string, v Value) Value {
	if !isSeqable(v) {
		WrongType(fn, "a collection", v)
	}
	return v
}

func lazyMap(f, coll Value) *LazySeq {
	return newLazy(func() Value {
		n := seqNode(coll)
		if n == nil {
			return nil
		}
		return &ConsCell{Call1(f, nodeFirst(n)), lazyMap(f, nodeMore(n))}
	})
}

func lazyMapMany(f Value, colls []Value) *LazySeq {
	return newLazy(func() Value {
		firsts := make([]Value, len(colls))
		mores := make([]Value, len(colls))
		for i, c := range colls {
			n := seqNode(c)
			if n == nil {
				return nil
			}
			firsts[i], mores[i] = nodeFirst(n), nodeMore(n)
		}
		return &ConsCell{Call(f, firsts...), lazyMapMany(f, mores)}
	})
}

func lazyFilter(pred, coll Value) *LazySeq {
	return newLazy(func() Value {
		for {
			n := seqNode(coll)
			if n == nil {
				return nil
			}
			x := nodeFirst(n)
			coll = nodeMore(n)
			if Truthy(Call1(pred, x)) {
				return &ConsCell{x, lazyFilter(pred, coll)}
			}
		}
	})
}

func lazyTake(n int, coll Value) Value {
	if n <= 0 {
		return EmptyList
	}
	return newLazy(func() Value {
		s := seqNode(coll)
		if s == nil {
			return nil
		}
		var more Value = EmptyList
		if n > 1 {
			more = lazyTake(n-1, nodeMore(s))
		}
		return &ConsCell{nodeFirst(s), more}
	})
}

func lazyDrop(n int, coll Value) *LazySeq {
	return newLazy(func() Value {
		for ; n > 0; n-- {
			s := seqNode(coll)
			if s == nil {
				return nil
			}
			coll = nodeMore(s)
		}
		return coll
	})
}

func lazyConcat(current Value, others []Value) *LazySeq {
	return newLazy(func() Value {
		n := seqNode(current)
		rest := others
		for n == nil {
			if len(rest) == 0 {
				return nil
			}
			n = seqNode(rest[0])
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return n
		}
		return &ConsCell{nodeFirst(n), lazyConcat(nodeMore(n), rest)}
	})
}

func consChain(items []Value, tail Value) Value {
	seq := tail
	for i := len(items) - 1; i >= 0; i-- {
		seq = &ConsCell{items[i], seq}
	}
	return seq
}

// intRange counts from start by step while before end (hasEnd false: until the int range ends).
func intRange(start, end, step int, hasEnd bool) *LazySeq {
	return newLazy(func() Value {
		items := make([]Value, 0, chunkSize)
		i, more := start, true
		for len(items) < chunkSize {
			if hasEnd && ((step > 0 && i >= end) || (step < 0 && i <= end)) {
				more = false
				break
			}
			items = append(items, i)
			if (step > 0 && i > maxInt-step) || (step < 0 && i < minInt-step) {
				more = false
				break
			}
			i += step
		}
		var tail Value
		if more {
			tail = intRange(i, end, step, hasEnd)
		}
		return consChain(items, tail)
	})
}

const maxInt = int(^uint(0) >> 1)
const minInt = -maxInt - 1

func floatRange(start, end, step float64, first int) *LazySeq {
	return newLazy(func() Value {
		items := make([]Value, 0, chunkSize)
		k, more := first, true
		for len(items) < chunkSize {
			x := start + float64(k)*step
			if (step > 0 && x >= end) || (step < 0 && x <= end) {
				more = false
				break
			}
			items = append(items, x)
			k++
		}
		var tail Value
		if more {
			tail = floatRange(start, end, step, k)
		}
		return consChain(items, tail)
	})
}

// repeatSeq is x, n times (n < 0: forever).
func repeatSeq(x Value, n int) Value {
	if n == 0 {
		return EmptyList
	}
	return newLazy(func() Value {
		size := chunkSize
		if n >= 0 && n < size {
			size = n
		}
		items := make([]Value, size)
		for i := range items {
			items[i] = x
		}
		left := n - size
		if n < 0 {
			left = -1
		}
		var tail Value
		if left != 0 {
			tail = repeatSeq(x, left)
		}
		return consChain(items, tail)
	})
}

// LazySeqOf is (%lazy-seq thunk), what the lazy-seq macro expands to.
func LazySeqOf(args ...Value) Value {
	arity("%lazy-seq", args, 1, 1)
	thunk := args[0]
	return newLazy(func() Value { return Call0(thunk) })
}

// IsRealized is (realized? x).
func IsRealized(args ...Value) Value {
	arity("realized?", args, 1, 1)
	if l, ok := args[0].(*LazySeq); ok {
		return l.fn == nil
	}
	WrongType("realized?", "a lazy seq", args[0])
	return nil
}
