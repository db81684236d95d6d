package rt

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Readable is the readable form: "a\nb", {:a 1, :b 2}, #{1 2}, 1.0.
func Readable(v Value) string {
	var sb strings.Builder
	printValue(&sb, v, true)
	return sb.String()
}

// Display is the display form println uses: strings unquoted at any depth.
func Display(v Value) string {
	var sb strings.Builder
	printValue(&sb, v, false)
	return sb.String()
}

// StrOf is Clojure's str of one value: a string as is, nil as "", anything else readably.
func StrOf(v Value) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case *Regex:
		return x.Source
	}
	return Readable(v)
}

func printValue(sb *strings.Builder, v Value, readably bool) {
	switch x := dynamic(v).(type) {
	case nil:
		sb.WriteString("nil")
	case bool:
		if x {
			sb.WriteString("true")
		} else {
			sb.WriteString("false")
		}
	case int:
		sb.WriteString(strconv.Itoa(x))
	case float64:
		sb.WriteString(FormatFloat(x))
	case string:
		if readably {
			quote(sb, x)
		} else {
			sb.WriteString(x)
		}
	case *Keyword:
		sb.WriteByte(':')
		sb.WriteString(x.FullName())
	case Symbol:
		sb.WriteString(x.FullName())
	case *List:
		printItems(sb, x.Slice(), "(", ")", readably)
	case *LazySeq, *ConsCell:
		printItems(sb, itemsOf("print", x), "(", ")", readably)
	case *Vector:
		printItems(sb, x.Slice(), "[", "]", readably)
	case *Set:
		printItems(sb, x.Slice(), "#{", "}", readably)
	case *Record:
		sb.WriteString("#" + x.Tag)
		printValue(sb, x.Fields, readably)
	case *Map:
		enter()
		sb.WriteByte('{')
		first := true
		x.each(func(k, val Value) bool {
			if !first {
				sb.WriteString(", ")
			}
			first = false
			printValue(sb, k, readably)
			sb.WriteByte(' ')
			printValue(sb, val, readably)
			return true
		})
		sb.WriteByte('}')
		leave()
	case *Atom:
		enter()
		sb.WriteString("#<atom ")
		printValue(sb, x.Value, readably)
		sb.WriteByte('>')
		leave()
	case *Reduced:
		enter()
		sb.WriteString("#<reduced ")
		printValue(sb, x.Value, readably)
		sb.WriteByte('>')
		leave()
	case *Fn:
		sb.WriteString("#<fn " + x.Name + ">")
	case *Global:
		sb.WriteString("#'" + x.Name)
	case *Regex:
		if readably {
			sb.WriteString(`#"`)
			for i := 0; i < len(x.Source); i++ {
				if x.Source[i] == '"' && (i == 0 || x.Source[i-1] != '\\') {
					sb.WriteByte('\\')
				}
				sb.WriteByte(x.Source[i])
			}
			sb.WriteByte('"')
		} else {
			sb.WriteString(x.Source)
		}
	case *Matcher:
		sb.WriteString("#<matcher ")
		printValue(sb, x.re, true)
		sb.WriteByte('>')
	case *Error:
		sb.WriteString("#error ")
		printValue(sb, NewMap(Kw("type"), x.Type, Kw("message"), x.Message), true)
	default:
		sb.WriteString("#<go " + goTypeName(v) + ">")
	}
}

func goTypeName(v Value) string { return reflect.TypeOf(v).String() }

func printItems(sb *strings.Builder, items []Value, open, close string, readably bool) {
	enter()
	sb.WriteString(open)
	for i, item := range items {
		if i > 0 {
			sb.WriteByte(' ')
		}
		printValue(sb, item, readably)
	}
	sb.WriteString(close)
	leave()
}

func quote(sb *strings.Builder, s string) {
	sb.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n':
			sb.WriteString(`\n`)
		case '\t':
			sb.WriteString(`\t`)
		case '\r':
			sb.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f || (r >= 0xd800 && r <= 0xdfff) {
				fmt.Fprintf(sb, `\u%04X`, r)
			} else {
				sb.WriteRune(r)
			}
		}
	}
	sb.WriteByte('"')
}

// FormatFloat is the float rule of docs/design/float-printing.md: shortest round-trip digits,
// positional for exponents -6 <= x < 21, else d.ddde±x; ##NaN, ##Inf and ##-Inf.
func FormatFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "##NaN"
	case math.IsInf(v, 1):
		return "##Inf"
	case math.IsInf(v, -1):
		return "##-Inf"
	}
	var sb strings.Builder
	if math.Signbit(v) {
		sb.WriteByte('-')
		v = -v
	}
	if v == 0 {
		sb.WriteString("0.0")
		return sb.String()
	}
	e := strconv.FormatFloat(v, 'e', -1, 64)
	mark := strings.IndexByte(e, 'e')
	digits := strings.Replace(e[:mark], ".", "", 1)
	exponent, _ := strconv.Atoi(e[mark+1:])
	n := len(digits)
	switch {
	case exponent >= -6 && exponent < 21 && exponent < 0:
		sb.WriteString("0.")
		sb.WriteString(strings.Repeat("0", -exponent-1))
		sb.WriteString(digits)
	case exponent >= -6 && exponent < 21 && exponent >= n-1:
		sb.WriteString(digits)
		sb.WriteString(strings.Repeat("0", exponent-n+1))
		sb.WriteString(".0")
	case exponent >= -6 && exponent < 21:
		sb.WriteString(digits[:exponent+1])
		sb.WriteByte('.')
		sb.WriteString(digits[exponent+1:])
	default:
		sb.WriteByte(digits[0])
		if n > 1 {
			sb.WriteByte('.')
			sb.WriteString(digits[1:])
		}
		sb.WriteByte('e')
		if exponent < 0 {
			sb.WriteByte('-')
			exponent = -exponent
		} else {
			sb.WriteByte('+')
		}
		sb.WriteString(strconv.Itoa(exponent))
	}
	return sb.String()
}
