package rt

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The reader behind read-string: the language reader's syntax (docs/language.md §2) and its
// errors, with the same catalogue ids. read-string reads every form of the text, so an error
// anywhere in it is an error, and returns the first form (nil for none).

// readerMaxDepth is the language reader's default ReaderOptions.MaxDepth.
const readerMaxDepth = 1000

type reader struct {
	text        string
	pos         int
	line, col   int
	depth       int
	inFnLiteral bool
}

// ReadString is read-string.
func ReadString(args ...Value) Value {
	arity("read-string", args, 1, 1)
	text, ok := args[0].(string)
	if !ok {
		WrongType("read-string", "a string", args[0])
	}
	r := &reader{text: text, line: 1, col: 1}
	var first Value
	count := 0
	for {
		r.skipTrivia()
		if r.pos >= len(r.text) {
			return first
		}
		form, ok := r.readForm()
		if ok {
			if count == 0 {
				first = form
			}
			count++
		}
	}
}

// fail raises a read error as read-string's run-time error (type :read-error), located in the string.
func (r *reader) fail(id, line, col int, format string, a ...any) {
	message := fmt.Sprintf(format, a...)
	panic(runtimeError(fmt.Sprintf("ZL%d", id), "read-error", fmt.Sprintf("<string>:%d:%d: %s", line, col, message)))
}

func (r *reader) peek(ahead int) byte {
	if r.pos+ahead < len(r.text) {
		return r.text[r.pos+ahead]
	}
	return 0
}

func (r *reader) advance(n int) {
	for i := 0; i < n && r.pos < len(r.text); i++ {
		if r.text[r.pos] == '\n' {
			r.line++
			r.col = 1
		} else if r.text[r.pos]&0xC0 != 0x80 { // count characters, not UTF-8 continuation bytes
			r.col++
		}
		r.pos++
	}
}

func (r *reader) skipTrivia() {
	for r.pos < len(r.text) {
		switch c := r.text[r.pos]; {
		case c == ' ' || c == ',' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
			r.advance(1)
		case c == ';':
			for r.pos < len(r.text) && r.text[r.pos] != '\n' {
				r.advance(1)
			}
		default:
			return
		}
	}
}

// readForm reads one form at pos; ok is false for a form that reads as nothing (#_ x).
func (r *reader) readForm() (Value, bool) {
	line, col := r.line, r.col
	switch c := r.text[r.pos]; c {
	case '(':
		return r.readCollection(')', "list", "(", line, col), true
	case '[':
		return r.readCollection(']', "vector", "[", line, col), true
	case '{':
		return r.readCollection('}', "map", "{", line, col), true
	case ')', ']', '}':
		r.fail(1001, line, col, "unexpected '%c': there is no open form for it to close", c)
	case '"':
		return r.readString(), true
	case '\'':
		return r.readPrefix("quote", "'", 1), true
	case '`':
		return r.readPrefix("syntax-quote", "`", 1), true
	case '~':
		if r.peek(1) == '@' {
			return r.readPrefix("unquote-splicing", "~@", 2), true
		}
		return r.readPrefix("unquote", "~", 1), true
	case '@':
		return r.readPrefix("deref", "@", 1), true
	case '#':
		return r.readDispatch(line, col)
	}
	return r.readToken(), true
}

func (r *reader) enter(line, col int) {
	r.depth++
	if r.depth > readerMaxDepth {
		r.fail(1010, line, col, "forms are nested more than %d levels deep", readerMaxDepth)
	}
}

func (r *reader) readCollection(closer byte, kind, opener string, line, col int) Value {
	r.enter(line, col)
	r.advance(len(opener))
	var items []Value
	for {
		r.skipTrivia()
		if r.pos >= len(r.text) {
			r.fail(1002, line, col, "unclosed %s: the input ended before the '%c' that closes the '%s' opened at line %d, column %d", kind, closer, opener, line, col)
		}
		if c := r.text[r.pos]; c == ')' || c == ']' || c == '}' {
			if c != closer {
				r.fail(1014, r.line, r.col, "expected '%c' to close the '%s' opened at line %d, column %d, but found '%c'", closer, opener, line, col, c)
			}
			r.advance(1)
			break
		}
		if form, ok := r.readForm(); ok {
			items = append(items, form)
		}
	}
	r.depth--
	switch kind {
	case "vector":
		return NewVector(items...)
	case "map":
		if len(items)%2 != 0 {
			r.fail(1007, line, col, "a map literal needs an even number of forms, but this one has %d", len(items))
		}
		m := EmptyMap
		for i := 0; i < len(items); i += 2 {
			if m.ContainsKey(items[i]) {
				r.fail(1008, line, col, "duplicate key %s in map literal", Readable(items[i]))
			}
			m = m.Assoc(items[i], items[i+1])
		}
		return m
	case "set":
		s := NewSet()
		for _, item := range items {
			if s.Contains(item) {
				r.fail(1009, line, col, "duplicate element %s in set literal", Readable(item))
			}
			s = s.Conj(item)
		}
		return s
	}
	return NewList(items...)
}

func (r *reader) readPrefix(symbol, prefix string, width int) Value {
	line, col := r.line, r.col
	r.enter(line, col)
	r.advance(width)
	for {
		r.skipTrivia()
		if r.pos >= len(r.text) || strings.IndexByte(")]}", r.text[r.pos]) >= 0 {
			r.fail(1011, line, col, "'%s' must be followed by a form", prefix)
		}
		if form, ok := r.readForm(); ok {
			r.depth--
			return NewList(Sym(symbol), form)
		}
	}
}

func (r *reader) readDispatch(line, col int) (Value, bool) {
	switch r.peek(1) {
	case '"':
		return r.readRegex(line, col), true
	case '{':
		return r.readCollection('}', "set", "#{", line, col), true
	case '(':
		if r.inFnLiteral {
			r.fail(1016, line, col, "#( function literals cannot be nested")
		}
		r.inFnLiteral = true
		body := r.readCollection(')', "function literal", "#(", line, col).(*List)
		r.inFnLiteral = false
		return fnLiteral(body), true
	case '_':
		r.enter(line, col)
		r.advance(2)
		for {
			r.skipTrivia()
			if r.pos >= len(r.text) || strings.IndexByte(")]}", r.text[r.pos]) >= 0 {
				r.fail(1011, line, col, "'#_' must be followed by a form")
			}
			if _, ok := r.readForm(); ok {
				r.depth--
				return nil, false
			}
		}
	case '#':
		end := r.tokenEnd(r.pos + 2)
		name := r.text[r.pos+2 : end]
		token := r.text[r.pos:end]
		r.advance(end - r.pos)
		switch name {
		case "NaN":
			return math.NaN(), true
		case "Inf":
			return math.Inf(1), true
		case "-Inf":
			return math.Inf(-1), true
		}
		r.fail(1013, line, col, "invalid token '%s'", token)
	}
	end := r.tokenEnd(r.pos + 1)
	shown := r.text[r.pos+1 : end]
	if shown == "" && r.pos+1 < len(r.text) {
		_, size := utf8.DecodeRuneInString(r.text[r.pos+1:])
		shown = r.text[r.pos+1 : r.pos+1+size]
	}
	r.fail(1012, line, col, "unknown dispatch '#%s'", shown)
	return nil, false
}

// readRegex reads #"…": the text between the quotes is the pattern as written (a backslash
// keeps the next character, so \" is a quote), compiled with Go's regexp (RE2), the dialect
// the language reader checks patterns against.
func (r *reader) readRegex(line, col int) Value {
	r.advance(2)
	start := r.pos
	for {
		if r.pos >= len(r.text) || (r.text[r.pos] == '\\' && r.pos+1 >= len(r.text)) {
			r.fail(1003, line, col, "unterminated string: the input ended before the closing '\"' of the string opened at line %d, column %d", line, col)
		}
		switch r.text[r.pos] {
		case '\\':
			r.advance(2)
		case '"':
			source := r.text[start:r.pos]
			r.advance(1)
			if _, err := regexp.Compile(source); err != nil {
				r.fail(1030, line, col, "invalid regular expression: %s", err.Error())
			}
			return compileRegex("read-string", source)
		default:
			r.advance(1)
		}
	}
}

// fnLiteral is #(…) as the language reader builds it: (fn [%1 … & %&] (let [% %1] body)).
func fnLiteral(body *List) Value {
	highest, bare, rest := 0, false, false
	var scan func(v Value)
	scan = func(v Value) {
		switch x := v.(type) {
		case Symbol:
			if x.Namespace != "" || !strings.HasPrefix(x.Name, "%") {
				return
			}
			switch x.Name {
			case "%":
				bare = true
			case "%&":
				rest = true
			default:
				if n, err := strconv.Atoi(x.Name[1:]); err == nil && n >= 1 && n <= 20 && x.Name[1] != '+' {
					if n > highest {
						highest = n
					}
				}
			}
		case *List:
			for _, item := range x.Slice() {
				scan(item)
			}
		case *Vector:
			for _, item := range x.Slice() {
				scan(item)
			}
		case *Set:
			for _, item := range x.Slice() {
				scan(item)
			}
		case *Map:
			x.each(func(k, v Value) bool { scan(k); scan(v); return true })
		}
	}
	scan(body)
	count := highest
	if bare && count == 0 {
		count = 1
	}
	var params []Value
	for i := 1; i <= count; i++ {
		params = append(params, Sym(fmt.Sprintf("%%%d", i)))
	}
	if rest {
		params = append(params, Sym("&"), Sym("%&"))
	}
	var inner Value = body
	if bare {
		inner = NewList(Sym("let"), NewVector(Sym("%"), params[0]), body)
	}
	return NewList(Sym("fn"), NewVector(params...), inner)
}

func isTokenTerminator(c byte) bool {
	return strings.IndexByte("()[]{}\";, \t\n\r\v\f", c) >= 0
}

func (r *reader) tokenEnd(from int) int {
	end := from
	for end < len(r.text) && !isTokenTerminator(r.text[end]) {
		end++
	}
	return end
}

func (r *reader) readToken() Value {
	line, col := r.line, r.col
	end := r.tokenEnd(r.pos)
	token := r.text[r.pos:end]
	r.advance(end - r.pos)
	if startsNumber(token) {
		return r.readNumber(token, line, col)
	}
	switch token {
	case "nil":
		return nil
	case "true":
		return true
	case "false":
		return false
	}
	if token[0] == ':' {
		body := token[1:]
		if body == "" || body[0] == ':' || !validName(body) {
			r.fail(1013, line, col, "invalid token '%s'", token)
		}
		return Kw(body)
	}
	if token[0] == '\\' {
		r.fail(1018, line, col, "`%s` is a character literal, and Zylisp has no character type", token)
	}
	if !validName(token) {
		r.fail(1013, line, col, "invalid token '%s'", token)
	}
	return Sym(token)
}

// validName accepts "name", "ns/name" (the name may be "/" itself) and "/" alone, as the
// language reader does: no backslash, no leading '#', no stray '/'.
func validName(token string) bool {
	if token == "" || strings.ContainsRune(token, '\\') || token[0] == '#' {
		return false
	}
	if token == "/" {
		return true
	}
	slash := strings.IndexByte(token, '/')
	if slash < 0 {
		return true
	}
	if slash == 0 || slash == len(token)-1 {
		return false
	}
	name := token[slash+1:]
	return name == "/" || !strings.ContainsRune(name, '/')
}

func startsNumber(token string) bool {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	return isDigit(token[0]) || ((token[0] == '+' || token[0] == '-') && len(token) > 1 && isDigit(token[1]))
}

func (r *reader) readNumber(token string, line, col int) Value {
	body, negative := token, false
	if body[0] == '+' || body[0] == '-' {
		negative, body = body[0] == '-', body[1:]
	}
	radix, digits := 10, body
	if len(body) >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		radix, digits = 16, body[2:]
	}
	if radix == 16 || isAllDigits(digits) {
		magnitude, err := strconv.ParseUint(digits, radix, 64)
		if digits == "" || (err != nil && !isOutOfRange(err)) {
			r.fail(1004, line, col, "malformed number '%s'", token)
		}
		limit := uint64(math.MaxInt64)
		if negative {
			limit++
		}
		if err != nil || magnitude > limit {
			r.fail(1005, line, col, "number '%s' is out of range for a 64-bit integer", token)
		}
		if negative {
			return int(-magnitude)
		}
		return int(magnitude)
	}
	if !isFloatSyntax(body) {
		r.fail(1004, line, col, "malformed number '%s'", token)
	}
	f, err := strconv.ParseFloat(token, 64)
	if err != nil || math.IsInf(f, 0) {
		r.fail(1005, line, col, "number '%s' is out of range for a 64-bit float", token)
	}
	return f
}

func isOutOfRange(err error) bool {
	e, ok := err.(*strconv.NumError)
	return ok && e.Err == strconv.ErrRange
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isFloatSyntax is digits ('.' digits*)? ([eE] [+-]? digits+)? with a '.' or an exponent present.
func isFloatSyntax(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	marked := false
	if i < len(s) && s[i] == '.' {
		marked = true
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		marked = true
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return marked && i == len(s)
}

func (r *reader) readString() Value {
	line, col := r.line, r.col
	r.advance(1)
	var b strings.Builder
	for {
		if r.pos >= len(r.text) {
			r.fail(1003, line, col, "unterminated string: the input ended before the closing '\"' of the string opened at line %d, column %d", line, col)
		}
		c := r.text[r.pos]
		switch c {
		case '"':
			r.advance(1)
			return b.String()
		case '\\':
			r.readEscape(&b)
		default:
			b.WriteByte(c)
			r.advance(1)
		}
	}
}

func (r *reader) readEscape(b *strings.Builder) {
	line, col := r.line, r.col
	switch kind := r.peek(1); kind {
	case 'n', 't', 'r', 'b', 'f', '"', '\\':
		b.WriteByte(map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '"': '"', '\\': '\\'}[kind])
		r.advance(2)
	case 'u':
		end := r.pos + 2
		for end < len(r.text) && end < r.pos+6 && strings.IndexByte("0123456789abcdefABCDEF", r.text[end]) >= 0 {
			end++
		}
		if end-r.pos-2 != 4 {
			r.fail(1006, line, col, "bad escape sequence '%s' in string", r.text[r.pos:end])
		}
		code, _ := strconv.ParseUint(r.text[r.pos+2:end], 16, 32)
		b.WriteRune(rune(code))
		r.advance(6)
	default:
		if r.pos+1 >= len(r.text) {
			r.advance(1) // a lone backslash at the end: the unterminated-string error covers it
			return
		}
		_, size := utf8.DecodeRuneInString(r.text[r.pos+1:])
		r.fail(1006, line, col, "bad escape sequence '%s' in string", r.text[r.pos:r.pos+1+size])
	}
}
