package rt

import (
	"strconv"
	"strings"
)

// Format is format: Java's %[flags][width][.precision]conversion directives, the subset of
// docs/language.md, with exactly the interpreter's results and errors
// (src/Zylisp.Lang/Runtime/Core/StringFormat.cs). Widths count code points.
func Format(args ...Value) Value {
	arity("format", args, 1, -1)
	format := []rune(str("format", args[0]))
	rest := args[1:]
	next := func() Value {
		if len(rest) == 0 {
			badArgument("format", "not enough arguments for the format")
		}
		v := rest[0]
		rest = rest[1:]
		return v
	}
	var sb strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			sb.WriteRune(c)
			continue
		}
		j := i + 1
		flags := ""
		for j < len(format) && strings.ContainsRune("-0+ ,", format[j]) {
			if strings.ContainsRune(flags, format[j]) {
				badArgument("format", "the flag "+string(format[j])+" is repeated in "+string(format[i:j+1]))
			}
			flags += string(format[j])
			j++
		}
		width := formatDigits(format, &j)
		precision := -1
		if j < len(format) && format[j] == '.' {
			j++
			start := j
			precision = formatDigits(format, &j)
			if j == start {
				badArgument("format", "a precision needs digits after the point")
			}
		}
		if j >= len(format) {
			badArgument("format", "incomplete format directive at the end")
		}
		d := directive{spelling: string(format[i : j+1]), flags: flags, width: width, precision: precision, conversion: format[j]}
		switch d.conversion {
		case 's', 'S':
			sb.WriteString(d.text(StrOf(next())))
		case 'd':
			n := toInt(next(), "format")
			d.allow("-0+ ,")
			d.noPrecision()
			sb.WriteString(d.signed(strconv.Itoa(n)))
		case 'x', 'X', 'o':
			n := uint64(toInt(next(), "format"))
			d.allow("-0")
			d.noPrecision()
			digits := strconv.FormatUint(n, 16)
			if d.conversion == 'X' {
				digits = strings.ToUpper(digits)
			} else if d.conversion == 'o' {
				digits = strconv.FormatUint(n, 8)
			}
			sb.WriteString(d.pad("", digits))
		case 'f':
			x := toFloat(next(), "format")
			d.allow("-0+ ,")
			p := d.precision
			if p < 0 {
				p = 6
			}
			if p > maxFixedPrecision {
				badArgument("format", "a width or precision is too large")
			}
			text := formatFixed(x, p)
			if x != x || x > 1.7976931348623157e308 || x < -1.7976931348623157e308 {
				d.flags = strings.ReplaceAll(d.flags, "0", "")
				sb.WriteString(d.pad("", text))
			} else {
				sb.WriteString(d.signed(text))
			}
		case 'n':
			sb.WriteString(d.bare("\n"))
		case '%':
			sb.WriteString(d.bare("%"))
		default:
			badArgument("format", "unknown format directive %"+string(format[j]))
		}
		i = j
	}
	return sb.String()
}

// maxFixedPrecision is the largest precision .NET's "F" format takes (the interpreter's %f).
const maxFixedPrecision = 999_999_999

type directive struct {
	spelling   string
	flags      string
	width      int
	precision  int // -1: none
	conversion rune
}

func (d *directive) has(flag rune) bool { return strings.ContainsRune(d.flags, flag) }

func formatDigits(format []rune, j *int) int {
	value := 0
	for ; *j < len(format) && format[*j] >= '0' && format[*j] <= '9'; *j++ {
		if value > 100_000_000 {
			badArgument("format", "a width or precision is too large")
		}
		value = value*10 + int(format[*j]-'0')
	}
	return value
}

func (d *directive) text(text string) string {
	d.allow("-")
	if d.precision >= 0 && runeCount(text) > d.precision {
		text = runeSlice(text, 0, d.precision)
	}
	if d.conversion == 'S' {
		text = strings.ToUpperSpecial(invariantUpper, text)
	}
	return d.pad("", text)
}

func (d *directive) bare(text string) string {
	if d.flags != "" || d.width > 0 || d.precision >= 0 {
		badArgument("format", d.spelling+" takes no flags, width or precision")
	}
	return text
}

// signed writes a number's sign by the flags and groups its digits with commas.
func (d *directive) signed(text string) string {
	negative := strings.HasPrefix(text, "-")
	digits := strings.TrimPrefix(text, "-")
	if d.has(',') {
		point := strings.IndexByte(digits, '.')
		if point < 0 {
			point = len(digits)
		}
		var grouped strings.Builder
		for k := 0; k < point; k++ {
			if k > 0 && (point-k)%3 == 0 {
				grouped.WriteByte(',')
			}
			grouped.WriteByte(digits[k])
		}
		grouped.WriteString(digits[point:])
		digits = grouped.String()
	}
	sign := ""
	switch {
	case negative:
		sign = "-"
	case d.has('+'):
		sign = "+"
	case d.has(' '):
		sign = " "
	}
	return d.pad(sign, digits)
}

func (d *directive) pad(sign, body string) string {
	missing := d.width - len(sign) - runeCount(body)
	switch {
	case missing <= 0:
		return sign + body
	case d.has('-'):
		return sign + body + strings.Repeat(" ", missing)
	case d.has('0'):
		return sign + strings.Repeat("0", missing) + body
	default:
		return strings.Repeat(" ", missing) + sign + body
	}
}

// allow rejects the flags a conversion ignores, and the combinations Java rejects too.
func (d *directive) allow(allowed string) {
	for _, flag := range d.flags {
		if !strings.ContainsRune(allowed, flag) {
			badArgument("format", "the flag "+string(flag)+" does not apply to %"+string(d.conversion)+" in "+d.spelling)
		}
	}
	if (d.has('-') || d.has('0')) && d.width == 0 {
		flag := "0"
		if d.has('-') {
			flag = "-"
		}
		badArgument("format", "the flag "+flag+" needs a width in "+d.spelling)
	}
	if (d.has('-') && d.has('0')) || (d.has('+') && d.has(' ')) {
		badArgument("format", "the flags of "+d.spelling+" cannot be used together")
	}
}

func (d *directive) noPrecision() {
	if d.precision >= 0 {
		badArgument("format", "a precision does not apply to %"+string(d.conversion)+" in "+d.spelling)
	}
}
