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

// MaxPrintDepth and MaxPrintLength are the interpreter's printing limits (Clojure's *print-level*
// and *print-length*): collections nested deeper print as #, items past the length as ...
const (
	MaxPrintDepth  = 10000
	MaxPrintLength = 1000000
)

func printValue(sb *strings.Builder, v Value, readably bool) {
	(&printer{sb: sb, readably: readably}).value(v)
}

// printer is one print of one value: how deep it is in open collections, and the atoms on the
// path, so an atom that contains itself prints #<cycle> as on the other engines.
type printer struct {
	sb       *strings.Builder
	readably bool
	level    int
	atoms    []*Atom
}

// open writes a collection's opener and returns true, or writes # when the print is already
// MaxPrintDepth collections deep.
func (p *printer) open(opener string) bool {
	if p.level >= MaxPrintDepth {
		p.sb.WriteByte('#')
		return false
	}
	p.sb.WriteString(opener)
	p.level++
	return true
}

func (p *printer) close(closer string) {
	p.sb.WriteString(closer)
	p.level--
}

func (p *printer) value(v Value) {
	sb, readably := p.sb, p.readably
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
		p.items(x.Slice(), "(", ")")
	case *LazySeq, *ConsCell:
		p.items(itemsOf("print", x), "(", ")")
	case *Vector:
		p.items(x.Slice(), "[", "]")
	case *Set:
		p.items(x.Slice(), "#{", "}")
	case *Record:
		p.entries(x.Fields, "#"+x.Tag+"{")
	case *Map:
		p.entries(x, "{")
	case *Atom:
		for _, a := range p.atoms {
			if a == x {
				sb.WriteString("#<cycle>")
				return
			}
		}
		if p.open("#<atom ") {
			p.atoms = append(p.atoms, x)
			enter("print")
			p.value(x.Value)
			leave()
			p.atoms = p.atoms[:len(p.atoms)-1]
			p.close(">")
		}
	case *Reduced:
		if p.open("#<reduced ") {
			enter("print")
			p.value(x.Value)
			leave()
			p.close(">")
		}
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

func (p *printer) items(items []Value, open, close string) {
	if !p.open(open) {
		return
	}
	enter("print")
	for i, item := range items {
		if i > 0 {
			p.sb.WriteByte(' ')
		}
		if i >= MaxPrintLength {
			p.sb.WriteString("...")
			break
		}
		p.value(item)
	}
	leave()
	p.close(close)
}

// entries prints a map's (or a record's fields') entries after opener; the length limit counts entries.
func (p *printer) entries(m *Map, opener string) {
	if !p.open(opener) {
		return
	}
	enter("print")
	n := 0
	m.each(func(k, val Value) bool {
		if n > 0 {
			p.sb.WriteString(", ")
		}
		if n >= MaxPrintLength {
			p.sb.WriteString("...")
			return false
		}
		n++
		p.value(k)
		p.sb.WriteByte(' ')
		p.value(val)
		return true
	})
	leave()
	p.close("}")
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
