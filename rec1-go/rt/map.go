package rt

// Map is a persistent, insertion-ordered hash map; any value (nil included) can be a key.
// Up to smallLimit entries it is one array searched linearly; beyond that a HAMT maps keys to
// insertion numbers and a Vector holds the entries by insertion number (nil marks a removed
// one). Re-assoc'ing a key keeps its position, as in the interpreter.
// Large maps keep values in the trie and only keys in the order vector, so updating the value
// of a key copies one trie path and leaves the order alone.
type Map struct {
	small []mapEntry
	index *hnode
	order *Vector
	count int
}

type mapEntry struct{ key, val Value }

type removed struct{ _ int }

// removedKey marks the place of a dissoc'ed key in the order vector (nil is a valid key).
var removedKey Value = &removed{}

const smallLimit = 8

// EmptyMap is {}.
var EmptyMap = &Map{}

// NewMap makes a map from alternating keys and values.
func NewMap(kvs ...Value) *Map {
	m := EmptyMap
	for i := 0; i+1 < len(kvs); i += 2 {
		m = m.Assoc(kvs[i], kvs[i+1])
	}
	return m
}

func (m *Map) Count() int { return m.count }

func (m *Map) lookup(key Value) (Value, bool) {
	if m.index == nil {
		for i := range m.small {
			if Equal(m.small[i].key, key) {
				return m.small[i].val, true
			}
		}
		return nil, false
	}
	leaf, ok := hamtGet(m.index, Hash(key), key)
	if !ok {
		return nil, false
	}
	return leaf.val, true
}

// Get is the value for key, or notFound.
func (m *Map) Get(key, notFound Value) Value {
	if v, ok := m.lookup(key); ok {
		return v
	}
	return notFound
}

func (m *Map) ContainsKey(key Value) bool {
	_, ok := m.lookup(key)
	return ok
}

// Assoc sets key to val.
func (m *Map) Assoc(key, val Value) *Map {
	if m.index == nil {
		for i := range m.small {
			if Equal(m.small[i].key, key) {
				small := make([]mapEntry, len(m.small))
				copy(small, m.small)
				small[i].val = val
				return &Map{small: small, count: m.count}
			}
		}
		if len(m.small) < smallLimit {
			small := make([]mapEntry, len(m.small)+1)
			copy(small, m.small)
			small[len(m.small)] = mapEntry{key, val}
			return &Map{small: small, count: m.count + 1}
		}
		big := &Map{index: &hnode{}, order: EmptyVector}
		for _, e := range m.small {
			big = big.Assoc(e.key, e.val)
		}
		return big.Assoc(key, val)
	}
	index, previous := hamtPut(m.index, 0, &hleaf{hash: Hash(key), key: key, val: val, idx: m.order.Count()})
	if previous >= 0 {
		return &Map{index: index, order: m.order, count: m.count}
	}
	return &Map{index: index, order: m.order.Conj(key), count: m.count + 1}
}

// Dissoc removes key.
func (m *Map) Dissoc(key Value) *Map {
	if m.index == nil {
		for i := range m.small {
			if Equal(m.small[i].key, key) {
				small := make([]mapEntry, 0, len(m.small)-1)
				small = append(small, m.small[:i]...)
				small = append(small, m.small[i+1:]...)
				return &Map{small: small, count: m.count - 1}
			}
		}
		return m
	}
	index, removed := hamtRemove(m.index, 0, Hash(key), key)
	if removed < 0 {
		return m
	}
	if index == nil {
		return EmptyMap
	}
	shrunk := &Map{index: index, order: m.order.Assoc(removed, removedKey), count: m.count - 1}
	if shrunk.order.Count() > 2*shrunk.count+16 {
		return shrunk.compact()
	}
	return shrunk
}

// compact rebuilds a map whose order vector is mostly removed entries.
func (m *Map) compact() *Map {
	out := EmptyMap
	m.each(func(k, v Value) bool {
		out = out.Assoc(k, v)
		return true
	})
	return out
}

// each calls f on the entries in insertion order until f returns false.
func (m *Map) each(f func(k, v Value) bool) {
	if m.index == nil {
		for _, e := range m.small {
			if !f(e.key, e.val) {
				return
			}
		}
		return
	}
	for i, n := 0, m.order.Count(); i < n; i++ {
		if k := m.order.Nth(i); k != removedKey {
			leaf, _ := hamtGet(m.index, Hash(k), k)
			if !f(k, leaf.val) {
				return
			}
		}
	}
}

// Keys are the keys in insertion order.
func (m *Map) Keys() []Value {
	out := make([]Value, 0, m.count)
	m.each(func(k, _ Value) bool { out = append(out, k); return true })
	return out
}

// Vals are the values in insertion order.
func (m *Map) Vals() []Value {
	out := make([]Value, 0, m.count)
	m.each(func(_, v Value) bool { out = append(out, v); return true })
	return out
}
