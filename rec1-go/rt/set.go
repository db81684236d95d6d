package rt

// Set is a persistent, insertion-ordered hash set (a Map from each element to itself).
type Set struct{ m *Map }

// EmptySet is #{}.
var EmptySet = &Set{m: EmptyMap}

// NewSet makes a set of the items; a repeated item keeps its first position.
func NewSet(items ...Value) *Set {
	s := EmptySet
	for _, x := range items {
		s = s.Conj(x)
	}
	return s
}

func (s *Set) Count() int { return s.m.count }

func (s *Set) Contains(x Value) bool { return s.m.ContainsKey(x) }

// Get is the element equal to x, or notFound.
func (s *Set) Get(x, notFound Value) Value { return s.m.Get(x, notFound) }

func (s *Set) Conj(x Value) *Set {
	if s.m.ContainsKey(x) {
		return s
	}
	return &Set{m: s.m.Assoc(x, x)}
}

func (s *Set) Disj(x Value) *Set { return &Set{m: s.m.Dissoc(x)} }

// Slice copies the elements, in insertion order, into a new slice.
func (s *Set) Slice() []Value { return s.m.Keys() }
