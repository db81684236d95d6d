package rt

// Vector is a persistent vector: a 32-way trie of full leaves plus a tail, as in Clojure.
// conj, nth and assoc are O(log32 n); pop is O(log32 n) except when the tail empties.
type Vector struct {
	count int
	shift uint
	root  *vnode
	tail  []Value
}

type vnode struct{ items [32]any }

// EmptyVector is [].
var EmptyVector = &Vector{shift: 5, root: &vnode{}}

// NewVector makes a vector of the items in order.
func NewVector(items ...Value) *Vector {
	v := EmptyVector
	for _, x := range items {
		v = v.Conj(x)
	}
	return v
}

func (v *Vector) Count() int { return v.count }

func (v *Vector) tailOffset() int {
	if v.count < 32 {
		return 0
	}
	return ((v.count - 1) >> 5) << 5
}

func (v *Vector) leafFor(i int) []Value {
	if i >= v.tailOffset() {
		return v.tail
	}
	node := v.root
	for level := v.shift; level > 0; level -= 5 {
		node = node.items[(i>>level)&31].(*vnode)
	}
	return node.items[:]
}

// Nth is the element at i; the caller checks the range.
func (v *Vector) Nth(i int) Value { return v.leafFor(i)[i&31] }

// Conj appends x.
func (v *Vector) Conj(x Value) *Vector {
	if v.count-v.tailOffset() < 32 {
		tail := make([]Value, len(v.tail)+1, 32)
		copy(tail, v.tail)
		tail[len(v.tail)] = x
		return &Vector{count: v.count + 1, shift: v.shift, root: v.root, tail: tail}
	}
	leaf := &vnode{}
	copy(leaf.items[:], v.tail)
	shift := v.shift
	var root *vnode
	if (v.count >> 5) > (1 << v.shift) {
		root = &vnode{}
		root.items[0] = v.root
		root.items[1] = newPath(v.shift, leaf)
		shift += 5
	} else {
		root = v.pushTail(v.shift, v.root, leaf)
	}
	return &Vector{count: v.count + 1, shift: shift, root: root, tail: []Value{x}}
}

func newPath(level uint, node *vnode) *vnode {
	if level == 0 {
		return node
	}
	n := &vnode{}
	n.items[0] = newPath(level-5, node)
	return n
}

func (v *Vector) pushTail(level uint, parent *vnode, leaf *vnode) *vnode {
	n := &vnode{items: parent.items}
	sub := ((v.count - 1) >> level) & 31
	if level == 5 {
		n.items[sub] = leaf
		return n
	}
	if child, ok := parent.items[sub].(*vnode); ok && child != nil {
		n.items[sub] = v.pushTail(level-5, child, leaf)
	} else {
		n.items[sub] = newPath(level-5, leaf)
	}
	return n
}

// Assoc replaces the element at i (0 <= i < count).
func (v *Vector) Assoc(i int, x Value) *Vector {
	if i >= v.tailOffset() {
		tail := make([]Value, len(v.tail), 32)
		copy(tail, v.tail)
		tail[i&31] = x
		return &Vector{count: v.count, shift: v.shift, root: v.root, tail: tail}
	}
	return &Vector{count: v.count, shift: v.shift, root: assocNode(v.shift, v.root, i, x), tail: v.tail}
}

func assocNode(level uint, node *vnode, i int, x Value) *vnode {
	n := &vnode{items: node.items}
	if level == 0 {
		n.items[i&31] = x
		return n
	}
	sub := (i >> level) & 31
	n.items[sub] = assocNode(level-5, node.items[sub].(*vnode), i, x)
	return n
}

// Pop drops the last element (count > 0).
func (v *Vector) Pop() *Vector {
	if v.count == 1 {
		return EmptyVector
	}
	if len(v.tail) > 1 {
		return &Vector{count: v.count - 1, shift: v.shift, root: v.root, tail: v.tail[: len(v.tail)-1 : len(v.tail)-1]}
	}
	// The tail empties: rebuild from the elements (rare; keeps the code small).
	return NewVector(v.Slice()[:v.count-1]...)
}

// Slice copies the elements into a new slice.
func (v *Vector) Slice() []Value {
	out := make([]Value, 0, v.count)
	for i := 0; i < v.count; i += 32 {
		leaf := v.leafFor(i)
		n := v.count - i
		if n > 32 {
			n = 32
		}
		out = append(out, leaf[:n]...)
	}
	return out
}
