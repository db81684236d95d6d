package rt

import (
	"strconv"
	"strings"
	"unicode"
)

func str(fn string, v Value) string {
	s, ok := v.(string)
	if !ok {
		WrongType(fn, "a string", v)
	}
	return s
}

// StrN is (str x ...).
func StrN(args ...Value) Value {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s
		}
	}
	var sb strings.Builder
	for _, x := range args {
		sb.WriteString(StrOf(x))
	}
	return sb.String()
}

func Subs(args ...Value) Value {
	arity("subs", args, 2, 3)
	s := str("subs", args[0])
	start := toInt(args[1], "subs")
	n := runeCount(s)
	end := n
	if len(args) == 3 {
		end = toInt(args[2], "subs")
	}
	if start < 0 || end < start || end > n {
		bad := end
		if start < 0 || start > n {
			bad = start
		}
		indexOutOfRange("subs", bad, n)
	}
	return runeSlice(s, start, end)
}

func Split(args ...Value) Value {
	arity("split", args, 2, 2)
	if r, ok := args[1].(*Regex); ok {
		return splitRegex(str("split", args[0]), r)
	}
	s, sep := str("split", args[0]), str("split", args[1])
	var parts []string
	if sep == "" {
		for _, r := range s {
			parts = append(parts, string(r))
		}
	} else {
		parts = strings.Split(s, sep)
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = p
	}
	return NewVector(items...)
}

func Join(args ...Value) Value {
	arity("join", args, 1, 2)
	sep := ""
	if len(args) == 2 {
		sep = str("join", args[0])
	}
	items := itemsOf("join", args[len(args)-1])
	parts := make([]string, len(items))
	for i, x := range items {
		parts[i] = StrOf(x)
	}
	return strings.Join(parts, sep)
}

// The interpreter's casing is .NET's invariant one, which leaves the dotless ı, the long ſ and
// the dotted İ alone where Go's maps them to ASCII letters (docs/design/go-backend.md).
var invariantUpper = unicode.SpecialCase{
	unicode.CaseRange{Lo: 0x0131, Hi: 0x0131, Delta: [unicode.MaxCase]rune{0, 0, 0}},
	unicode.CaseRange{Lo: 0x017F, Hi: 0x017F, Delta: [unicode.MaxCase]rune{0, 0, 0}},
}

var invariantLower = unicode.SpecialCase{
	unicode.CaseRange{Lo: 0x0130, Hi: 0x0130, Delta: [unicode.MaxCase]rune{0, 0, 0}},
}

func UpperCase(args ...Value) Value {
	arity("upper-case", args, 1, 1)
	return strings.ToUpperSpecial(invariantUpper, str("upper-case", args[0]))
}

func LowerCase(args ...Value) Value {
	arity("lower-case", args, 1, 1)
	return strings.ToLowerSpecial(invariantLower, str("lower-case", args[0]))
}

func Trim(args ...Value) Value {
	arity("trim", args, 1, 1)
	return strings.TrimFunc(str("trim", args[0]), unicode.IsSpace)
}

func StartsWith(args ...Value) Value {
	arity("starts-with?", args, 2, 2)
	return strings.HasPrefix(str("starts-with?", args[0]), str("starts-with?", args[1]))
}

func EndsWith(args ...Value) Value {
	arity("ends-with?", args, 2, 2)
	return strings.HasSuffix(str("ends-with?", args[0]), str("ends-with?", args[1]))
}

func Includes(args ...Value) Value {
	arity("includes?", args, 2, 2)
	return strings.Contains(str("includes?", args[0]), str("includes?", args[1]))
}

func IndexOf(args ...Value) Value {
	arity("index-of", args, 2, 2)
	s := str("index-of", args[0])
	i := strings.Index(s, str("index-of", args[1]))
	if i < 0 {
		return nil
	}
	return runeCount(s[:i])
}

func Replace(args ...Value) Value {
	arity("replace", args, 3, 3)
	if r, ok := args[1].(*Regex); ok {
		return replaceRegex(str("replace", args[0]), r, args[2])
	}
	match := str("replace", args[1])
	if match == "" {
		badArgument("replace", "the string to replace must not be empty")
	}
	return strings.ReplaceAll(str("replace", args[0]), match, str("replace", args[2]))
}

// formatFixed is .NET's "F<n>" with the invariant culture.
func formatFixed(x float64, precision int) string {
	switch {
	case x != x:
		return "NaN"
	case x > 1.7976931348623157e308:
		return "Infinity"
	case x < -1.7976931348623157e308:
		return "-Infinity"
	}
	return strconv.FormatFloat(x, 'f', precision, 64)
}

func ParseLong(args ...Value) Value {
	arity("parse-long", args, 1, 1)
	s := str("parse-long", args[0])
	if strings.HasPrefix(s, "+") && len(s) > 1 && s[1] != '-' && s[1] != '+' {
		s = s[1:]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil
	}
	return int(n)
}

func ParseDouble(args ...Value) Value {
	arity("parse-double", args, 1, 1)
	s := strings.TrimSpace(str("parse-double", args[0]))
	switch s {
	case "NaN":
		return nanValue()
	case "Infinity", "+Infinity", "∞":
		return posInf()
	case "-Infinity", "-∞":
		return negInf()
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "inf") || strings.Contains(lower, "nan") || strings.Contains(lower, "0x") || strings.Contains(s, "_") {
		return nil
	}
	d, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return d
		}
		return nil
	}
	return d
}

func Name(args ...Value) Value {
	arity("name", args, 1, 1)
	switch x := args[0].(type) {
	case *Keyword:
		return x.Name
	case Symbol:
		return x.Name
	case string:
		return x
	}
	WrongType("name", "a keyword, symbol or string", args[0])
	return nil
}

func namespacePart(fn string, v Value) string {
	if v == nil {
		return ""
	}
	return str(fn, v)
}

func KeywordOf(args ...Value) Value {
	arity("keyword", args, 1, 2)
	if len(args) == 2 {
		return KwNs(namespacePart("keyword", args[0]), str("keyword", args[1]))
	}
	switch x := args[0].(type) {
	case *Keyword:
		return x
	case string:
		return Kw(x)
	case Symbol:
		return KwNs(x.Namespace, x.Name)
	}
	WrongType("keyword", "a string", args[0])
	return nil
}

func SymbolOf(args ...Value) Value {
	arity("symbol", args, 1, 2)
	if len(args) == 2 {
		return Symbol{Namespace: namespacePart("symbol", args[0]), Name: str("symbol", args[1])}
	}
	switch x := args[0].(type) {
	case Symbol:
		return x
	case string:
		return Sym(x)
	case *Keyword:
		return Symbol{Namespace: x.Namespace, Name: x.Name}
	}
	WrongType("symbol", "a string", args[0])
	return nil
}

func Namespace(args ...Value) Value {
	arity("namespace", args, 1, 1)
	var ns string
	switch x := args[0].(type) {
	case *Keyword:
		ns = x.Namespace
	case Symbol:
		ns = x.Namespace
	default:
		WrongType("namespace", "a keyword or symbol", args[0])
	}
	if ns == "" {
		return nil
	}
	return ns
}

func CharCode(args ...Value) Value {
	arity("char-code", args, 1, 1)
	s := str("char-code", args[0])
	if s == "" {
		badArgument("char-code", "empty string")
	}
	for _, r := range s {
		return int(r)
	}
	return nil
}

func FromCharCode(args ...Value) Value {
	arity("from-char-code", args, 1, 1)
	n := toInt(args[0], "from-char-code")
	if n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) {
		badArgument("from-char-code", "not a valid code point")
	}
	return string(rune(n))
}
