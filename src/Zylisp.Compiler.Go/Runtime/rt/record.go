package rt

// Record is an instance of a defrecord type: its qualified type name (user.Point) and its fields
// as an insertion-ordered map whose first keys are the declared fields. It reads like a map
// (get, keyword lookup, assoc, keys, seq) but equals only a record of the same type, and prints
// as #user.Point{:x 1, :y 2} (docs/design/records-and-protocols.md).
type Record struct {
	Tag      string
	Declared *Vector
	Fields   *Map
}

func (r *Record) with(fields *Map) *Record {
	return &Record{Tag: r.Tag, Declared: r.Declared, Fields: fields}
}

func (r *Record) isDeclared(key Value) bool {
	for _, k := range r.Declared.Slice() {
		if Equal(k, key) {
			return true
		}
	}
	return false
}

// MakeRecord is (%record type-name fields m): declared fields first, in order, then m's other keys.
func MakeRecord(args ...Value) Value {
	arity("%record", args, 3, 3)
	tag, ok := args[0].(string)
	if !ok {
		WrongType("%record", "a type name string", args[0])
	}
	declared, ok := args[1].(*Vector)
	if !ok {
		WrongType("%record", "a vector of field keywords", args[1])
	}
	var m *Map
	switch x := args[2].(type) {
	case nil:
		m = EmptyMap
	case *Map:
		m = x
	case *Record:
		m = x.Fields
	default:
		WrongType("%record", "a map", args[2])
	}
	fields := EmptyMap
	for _, k := range declared.Slice() {
		fields = fields.Assoc(k, m.Get(k, nil))
	}
	m.each(func(k, v Value) bool {
		if !fields.ContainsKey(k) {
			fields = fields.Assoc(k, v)
		}
		return true
	})
	return &Record{Tag: tag, Declared: declared, Fields: fields}
}

// IsRecord is (record? x).
func IsRecord(args ...Value) Value {
	return is("record?", args, func(v Value) bool { _, ok := dynamic(v).(*Record); return ok })
}

// dissocRecord removes keys; losing a declared field leaves a plain map, as in Clojure.
func dissocRecord(r *Record, keys []Value) Value {
	fields := r.Fields
	lost := false
	for _, k := range keys {
		if fields.ContainsKey(k) && r.isDeclared(k) {
			lost = true
		}
		fields = fields.Dissoc(k)
	}
	if lost {
		return fields
	}
	return r.with(fields)
}

// TypedRecord is the Go struct the compiler generates for a defrecord whose fields are typed:
// typed code reads its fields directly, and wherever it becomes a dynamic value the runtime sees
// the record it stands for (Record), with the interpreter's equality, printing and map behaviour.
type TypedRecord interface {
	Record() *Record
}

// dynamic is v with a typed record replaced by its record: every primitive that looks at
// records goes through it.
func dynamic(v Value) Value {
	if t, ok := v.(TypedRecord); ok {
		return t.Record()
	}
	return v
}

// RecordShape is a typed record type's tag and declared fields, shared by its struct's methods.
type RecordShape struct {
	Tag      string
	Declared *Vector
	keys     []Value
}

// NewRecordShape is the shape of the record type tag with the named fields, in order.
func NewRecordShape(tag string, fields ...string) *RecordShape {
	keys := make([]Value, len(fields))
	for i, f := range fields {
		keys[i] = Kw(f)
	}
	return &RecordShape{Tag: tag, Declared: VectorOf(keys...).(*Vector), keys: keys}
}

// Make is the record with the declared fields set to values, in order.
func (s *RecordShape) Make(values ...Value) *Record {
	fields := EmptyMap
	for i, k := range s.keys {
		fields = fields.Assoc(k, values[i])
	}
	return &Record{Tag: s.Tag, Declared: s.Declared, Fields: fields}
}

// Fields are v's declared fields in order, when v is a record of this type; anything else is the
// interpreter's annotation error (ZL5008) for the parameter or result named by fn and what.
func (s *RecordShape) Fields(v Value, fn, what string) []Value {
	r, ok := dynamic(v).(*Record)
	if !ok || r.Tag != s.Tag {
		AnnotationError(fn, what, s.Tag, v)
	}
	values := make([]Value, len(s.keys))
	for i, k := range s.keys {
		values[i] = r.Fields.Get(k, nil)
	}
	return values
}
