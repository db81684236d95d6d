package rt

// List is an immutable singly linked list that knows its length; EmptyList has count 0.
type List struct {
	first Value
	rest  *List
	count int
}

// EmptyList is the empty list ().
var EmptyList = &List{}

// Cons is x in front of l.
func (l *List) Cons(x Value) *List { return &List{first: x, rest: l, count: l.count + 1} }

// First is the first element, or nil.
func (l *List) First() Value { return l.first }

// Rest is the list without its first element (empty for the empty list).
func (l *List) Rest() *List {
	if l.count == 0 {
		return l
	}
	return l.rest
}

func (l *List) Count() int { return l.count }

// NewList makes a list of the items in order.
func NewList(items ...Value) *List {
	l := EmptyList
	for i := len(items) - 1; i >= 0; i-- {
		l = l.Cons(items[i])
	}
	return l
}

// Slice copies the elements into a new slice.
func (l *List) Slice() []Value {
	out := make([]Value, 0, l.count)
	for c := l; c.count > 0; c = c.rest {
		out = append(out, c.first)
	}
	return out
}
