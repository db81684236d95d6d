package rt

// builtins are the host primitives as first-class function values, by Zylisp name. Generated
// code calls the Go functions directly; it uses these when a primitive is passed as a value.
var builtins = map[string]func(...Value) Value{
	"+": Add, "*": Mul, "-": Sub, "/": Div, "quot": Quot, "rem": Rem, "mod": Mod, "inc": Inc, "dec": Dec,
	"abs": Abs, "max": Max, "min": Min, "<": Lt, ">": Gt, "<=": Le, ">=": Ge, "==": NumEq, "=": Eq,
	"not": Not, "%slisp-not": SlispNot, "compare": Compare, "double": Double, "long": Long, "int": Int,
	"nil?": IsNil, "number?": IsNumber, "integer?": IsInteger, "float?": IsFloat, "string?": IsString,
	"keyword?": IsKeyword, "symbol?": IsSymbol, "boolean?": IsBoolean, "fn?": IsFn, "list?": IsList,
	"vector?": IsVector, "map?": IsMap, "set?": IsSet, "coll?": IsColl, "seq?": IsSeq,
	"sequential?": IsSequential, "atom?": IsAtom, "empty?": IsEmpty,
	"list": ListOf, "vector": VectorOf, "hash-map": HashMap, "hash-set": HashSet, "vec": Vec, "set": SetOf,
	"cons": Cons, "conj": Conj, "first": First, "second": Second, "last": Last, "rest": Rest, "next": Next,
	"nth": Nth, "get": Get, "assoc": Assoc, "dissoc": Dissoc, "disj": Disj, "contains?": Contains,
	"keys": Keys, "vals": Vals, "count": Count, "empty": Empty, "peek": Peek, "pop": Pop, "subvec": Subvec,
	"seq": Seq, "concat": Concat, "into": Into, "reverse": Reverse, "sort": Sort, "range": Range,
	"repeat": Repeat, "take": Take, "drop": Drop, "map": MapFn, "mapv": Mapv, "filter": Filter,
	"reduce": Reduce, "reduced": ReducedOf, "reduced?": IsReduced, "apply": Apply, "%lazy-seq": LazySeqOf, "realized?": IsRealized,
	"sorted-map": SortedMap, "sorted-set": SortedSet, "sorted?": IsSorted,
	"re-pattern": RePattern, "re-matcher": ReMatcher, "re-find": ReFind, "re-matches": ReMatches, "re-groups": ReGroups,
	"str": StrN, "%slisp-str": SlispStr, "subs": Subs, "split": Split, "join": Join, "upper-case": UpperCase,
	"lower-case": LowerCase, "trim": Trim, "starts-with?": StartsWith, "ends-with?": EndsWith,
	"includes?": Includes, "index-of": IndexOf, "replace": Replace, "format": Format,
	"parse-long": ParseLong, "parse-double": ParseDouble, "name": Name, "keyword": KeywordOf,
	"symbol": SymbolOf, "namespace": Namespace, "char-code": CharCode, "from-char-code": FromCharCode,
	"atom": AtomOf, "deref": Deref, "reset!": Reset, "swap!": Swap,
	"print": Print, "println": Println, "%eprintln": Eprintln, "pr": Pr, "prn": Prn, "pr-str": PrStr,
	"prn-str": PrnStr, "print-str": PrintStr, "%with-captured-output": WithCapturedOutput, "read-line": ReadLine, "read-string": ReadString, "slurp": Slurp, "spit": Spit,
	"sqrt": Sqrt, "pow": Pow, "exp": Exp, "log": Log, "log10": Log10, "floor": Floor, "ceil": Ceil,
	"round": Round, "sin": Sin, "cos": Cos, "tan": Tan, "asin": Asin, "acos": Acos, "atan": Atan,
	"atan2": Atan2, "hypot": Hypot,
	"bit-and": BitAnd, "bit-or": BitOr, "bit-xor": BitXor, "bit-not": BitNot, "bit-shift-left": BitShiftLeft,
	"bit-shift-right": BitShiftRight, "unsigned-bit-shift-right": UnsignedBitShiftRight,
	"type": Type, "gensym": Gensym, "rand-int": RandInt, "rand": Rand, "%nano-time": NanoTime, "%type-error": TypeErrorOf,
	"ex-info": ExInfo, "ex-message": ExMessage, "ex-data": ExData, "identical?": Identical, "hash": HashOf,
	"%record": MakeRecord, "record?": IsRecord,
	"meta": Meta, "with-meta": WithMeta, "var?": IsVar, "var-get": VarGet, "%print-source": PrintSource,
	"%push-bindings": PushBindings, "%pop-bindings": PopBindings,
}

var builtinValues = map[string]*Fn{}

// Builtin is the primitive's function value; the same value every time.
func Builtin(name string) *Fn {
	if fn, ok := builtinValues[name]; ok {
		return fn
	}
	f := builtins[name]
	fn := &Fn{Name: name, FN: func(args []Value) Value { return f(args...) }}
	builtinValues[name] = fn
	return fn
}
