package rt

import "math/bits"

// A persistent hash array mapped trie from keys to their value and insertion number; Map keeps
// the keys in a Vector by insertion number too, so iteration follows insertion order.

type hleaf struct {
	hash uint32
	key  Value
	val  Value
	idx  int
}

type hcoll struct {
	hash   uint32
	leaves []*hleaf
}

type hnode struct {
	bitmap   uint32
	children []any // *hleaf, *hcoll or *hnode
}

func hamtGet(n *hnode, hash uint32, key Value) (*hleaf, bool) {
	for shift := uint(0); ; shift += 5 {
		bit := uint32(1) << ((hash >> shift) & 31)
		if n.bitmap&bit == 0 {
			return nil, false
		}
		switch c := n.children[bits.OnesCount32(n.bitmap&(bit-1))].(type) {
		case *hleaf:
			if c.hash == hash && Equal(c.key, key) {
				return c, true
			}
			return nil, false
		case *hcoll:
			for _, l := range c.leaves {
				if Equal(l.key, key) {
					return l, true
				}
			}
			return nil, false
		case *hnode:
			n = c
		}
	}
}

// hamtPut returns the new node and the key's insertion number (or -1 when the key is new). A
// key already present keeps its insertion number and takes the new value.
func hamtPut(n *hnode, shift uint, leaf *hleaf) (*hnode, int) {
	bit := uint32(1) << ((leaf.hash >> shift) & 31)
	pos := bits.OnesCount32(n.bitmap & (bit - 1))
	if n.bitmap&bit == 0 {
		children := make([]any, len(n.children)+1)
		copy(children, n.children[:pos])
		children[pos] = leaf
		copy(children[pos+1:], n.children[pos:])
		return &hnode{bitmap: n.bitmap | bit, children: children}, -1
	}
	var replacement any
	previous := -1
	switch c := n.children[pos].(type) {
	case *hleaf:
		if c.hash == leaf.hash && Equal(c.key, leaf.key) {
			previous = c.idx
			replacement = &hleaf{hash: c.hash, key: c.key, val: leaf.val, idx: c.idx}
		} else if c.hash == leaf.hash || shift >= 30 {
			replacement = &hcoll{hash: c.hash, leaves: []*hleaf{c, leaf}}
		} else {
			sub, _ := hamtPut(&hnode{}, shift+5, c)
			replacement, _ = hamtPut(sub, shift+5, leaf)
		}
	case *hcoll:
		if c.hash == leaf.hash || shift >= 30 {
			leaves := make([]*hleaf, 0, len(c.leaves)+1)
			for _, l := range c.leaves {
				if Equal(l.key, leaf.key) {
					previous = l.idx
					leaves = append(leaves, &hleaf{hash: l.hash, key: l.key, val: leaf.val, idx: l.idx})
				} else {
					leaves = append(leaves, l)
				}
			}
			if previous < 0 {
				leaves = append(leaves, leaf)
			}
			replacement = &hcoll{hash: c.hash, leaves: leaves}
		} else {
			sub := &hnode{bitmap: uint32(1) << ((c.hash >> (shift + 5)) & 31), children: []any{c}}
			replacement, previous = hamtPut(sub, shift+5, leaf)
		}
	case *hnode:
		replacement, previous = hamtPut(c, shift+5, leaf)
	}
	children := make([]any, len(n.children))
	copy(children, n.children)
	children[pos] = replacement
	return &hnode{bitmap: n.bitmap, children: children}, previous
}

// hamtRemove returns the new node (nil when it became empty) and the removed insertion number, or -1.
func hamtRemove(n *hnode, shift uint, hash uint32, key Value) (*hnode, int) {
	bit := uint32(1) << ((hash >> shift) & 31)
	if n.bitmap&bit == 0 {
		return n, -1
	}
	pos := bits.OnesCount32(n.bitmap & (bit - 1))
	var replacement any
	removed := -1
	switch c := n.children[pos].(type) {
	case *hleaf:
		if !(c.hash == hash && Equal(c.key, key)) {
			return n, -1
		}
		removed = c.idx
	case *hcoll:
		leaves := make([]*hleaf, 0, len(c.leaves))
		for _, l := range c.leaves {
			if removed < 0 && Equal(l.key, key) {
				removed = l.idx
			} else {
				leaves = append(leaves, l)
			}
		}
		if removed < 0 {
			return n, -1
		}
		if len(leaves) == 1 {
			replacement = leaves[0]
		} else {
			replacement = &hcoll{hash: c.hash, leaves: leaves}
		}
	case *hnode:
		var sub *hnode
		sub, removed = hamtRemove(c, shift+5, hash, key)
		if removed < 0 {
			return n, -1
		}
		if sub != nil {
			replacement = sub
		}
	}
	if replacement == nil {
		if len(n.children) == 1 {
			return nil, removed
		}
		children := make([]any, len(n.children)-1)
		copy(children, n.children[:pos])
		copy(children[pos:], n.children[pos+1:])
		return &hnode{bitmap: n.bitmap &^ bit, children: children}, removed
	}
	children := make([]any, len(n.children))
	copy(children, n.children)
	children[pos] = replacement
	return &hnode{bitmap: n.bitmap, children: children}, removed
}
