// Package rt is the run-time library of Go programs compiled from Zylisp: dynamic values,
// persistent collections, printing, errors, calls and the core functions. The Zylisp
// compiler embeds this source and copies it into every module it generates.
package rt

import "sync"

// Value is any Zylisp value: nil, bool, int (Zylisp's 64-bit integer), float64, string,
// *Keyword, Symbol, *List, *Vector, *Map, *Set, *Fn, *Atom or *Error. Values from Go
// interop may be any other Go value; they print as #<go TYPE>.
type Value = any

// Keyword is interned: equal keywords are the same pointer.
type Keyword struct {
	Namespace string
	Name      string
	hash      uint32
}

// FullName is ns/name, or name when there is no namespace.
func (k *Keyword) FullName() string {
	if k.Namespace == "" {
		return k.Name
	}
	return k.Namespace + "/" + k.Name
}

var keywords sync.Map

// Kw interns the keyword with the given full name ("a" or "ns/a").
func Kw(full string) *Keyword {
	if k, ok := keywords.Load(full); ok {
		return k.(*Keyword)
	}
	ns, name := splitName(full)
	k, _ := keywords.LoadOrStore(full, &Keyword{Namespace: ns, Name: name, hash: hashString(":"+full) ^ 0x9e3779b9})
	return k.(*Keyword)
}

// KwNs interns the keyword ns/name; an empty ns means none.
func KwNs(ns, name string) *Keyword {
	if ns == "" {
		return Kw(name)
	}
	return Kw(ns + "/" + name)
}

// Symbol compares by name, as in Clojure.
type Symbol struct {
	Namespace string
	Name      string
}

func (s Symbol) FullName() string {
	if s.Namespace == "" {
		return s.Name
	}
	return s.Namespace + "/" + s.Name
}

// Sym makes the symbol with the given full name.
func Sym(full string) Symbol {
	ns, name := splitName(full)
	return Symbol{Namespace: ns, Name: name}
}

func splitName(full string) (string, string) {
	if full == "/" {
		return "", full
	}
	for i := 0; i < len(full); i++ {
		if full[i] == '/' && i > 0 && i < len(full)-1 {
			return full[:i], full[i+1:]
		}
	}
	return "", full
}

// Atom is the one mutable reference.
type Atom struct{ Value Value }

// Reduced is (reduced x): reduce stops at it and returns Value.
type Reduced struct{ Value Value }

// TypeName is the name (type x) gives, without the colon.
func TypeName(v Value) string {
	switch x := dynamic(v).(type) {
	case nil:
		return "nil"
	case bool:
		return "bool"
	case int:
		return "integer"
	case float64:
		return "float"
	case string:
		return "string"
	case *Keyword:
		return "keyword"
	case Symbol:
		return "symbol"
	case *List:
		return "list"
	case *LazySeq:
		return "lazy-seq"
	case *ConsCell:
		return "seq"
	case *Vector:
		return "vector"
	case *Map:
		return "map"
	case *Set:
		return "set"
	case *Record:
		return x.Tag
	case *Fn:
		return "fn"
	case *Atom:
		return "atom"
	case *Reduced:
		return "reduced"
	case *Error:
		return "error"
	case *Regex:
		return "regex"
	case *Matcher:
		return "matcher"
	case *Global:
		return "var"
	}
	return goTypeName(v)
}

// Truthy is Clojure's truth: nil and false are false.
func Truthy(v Value) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	}
	return true
}

// SlispTruthy adds 0, 0.0, "" and empty collections to the false values.
func SlispTruthy(v Value) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case *List:
		return x.count > 0
	case *LazySeq:
		return x.Seq() != nil
	case *Vector:
		return x.count > 0
	case *Map:
		return x.Count() > 0
	case *Set:
		return x.Count() > 0
	}
	return true
}
