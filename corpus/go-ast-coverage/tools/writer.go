package main

// The canonical S-expression writer (docs/zast-format.md). It walks go/ast's structs by
// reflection, so field order and presence come from go/ast itself, independently of the C#
// schema it is compared against. Layout rules, identical to Zylisp.Zast's ZastWriter:
//   - a node is (Type :field value ...), every field in go/ast order;
//   - pretty: a node with no node-valued field and no non-empty list stays on one line;
//     otherwise each field goes on its own line, two spaces deeper than the node's line;
//     each element of a non-empty list goes on its own line, two spaces deeper than the field;
//   - compact: items separated by single spaces;
//   - a document ends with one newline.

import (
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

var (
	posType     = reflect.TypeOf(token.NoPos)
	tokenType   = reflect.TypeOf(token.ILLEGAL)
	chanDirType = reflect.TypeOf(ast.SEND)
	objectType  = reflect.TypeOf((*ast.Object)(nil))
	scopeType   = reflect.TypeOf((*ast.Scope)(nil))
)

// deprecated lists go/ast fields the canonical format leaves out (docs/design/zast.md).
var deprecated = map[string]bool{"Obj": true, "Scope": true, "Unresolved": true}

type writer struct {
	out    strings.Builder
	pretty bool
	facts  fileFacts
	file   *token.File
}

// field is one (name, value) pair to write; a computed field has compute instead of a value.
type field struct {
	name    string
	value   reflect.Value
	compute func() string
}

func (w *writer) writeProgram(fset *token.FileSet, files []*ast.File, facts []fileFacts, tfiles []*token.File) string {
	w.out.WriteString("(Program")
	w.fieldName("fileset", 2, false)
	w.writeFileSet(fset, tfiles, 2)
	w.fieldName("files", 2, false)
	w.out.WriteString("(")
	for i, f := range files {
		w.listSeparator(i, 4)
		w.facts, w.file = facts[i], tfiles[i]
		w.writeNode(reflect.ValueOf(f), 4)
	}
	w.out.WriteString("))\n")
	return w.out.String()
}

func (w *writer) writeFileSet(fset *token.FileSet, files []*token.File, indent int) {
	flat := len(files) == 0
	w.out.WriteString("(FileSet")
	w.fieldName("base", indent+2, flat)
	w.out.WriteString(strconv.Itoa(fset.Base()))
	w.fieldName("files", indent+2, flat)
	w.out.WriteString("(")
	for i, f := range files {
		w.listSeparator(i, indent+4)
		w.out.WriteString("(FileInfo :name ")
		w.out.WriteString(quote(f.Name()))
		w.out.WriteString(" :base " + strconv.Itoa(f.Base()))
		w.out.WriteString(" :size " + strconv.Itoa(f.Size()))
		w.out.WriteString(" :lines (")
		for line := 1; line <= f.LineCount(); line++ {
			if line > 1 {
				w.out.WriteString(" ")
			}
			w.out.WriteString(strconv.Itoa(f.Offset(f.LineStart(line))))
		}
		w.out.WriteString("))")
	}
	w.out.WriteString("))")
}

// fields lists a node's fields as Go 1.22's go/ast declares them.
func (w *writer) fields(v reflect.Value) []field {
	t := v.Type()
	var out []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if deprecated[sf.Name] || sf.Type == objectType || sf.Type == scopeType {
			continue
		}
		out = append(out, field{name: strings.ToLower(sf.Name), value: v.Field(i)})
		switch {
		case t == reflect.TypeOf(ast.RangeStmt{}) && sf.Name == "Tok":
			if _, native := t.FieldByName("Range"); !native {
				out = append(out, field{name: "range", compute: func() string {
					x := v.FieldByName("X").Interface().(ast.Expr)
					return strconv.Itoa(int(w.facts.rangeKeyword(x.Pos())))
				}})
			}
		case t == reflect.TypeOf(ast.File{}) && sf.Name == "Decls":
			if _, native := t.FieldByName("FileStart"); !native {
				out = append(out,
					field{name: "filestart", compute: func() string { return strconv.Itoa(w.file.Base()) }},
					field{name: "fileend", compute: func() string { return strconv.Itoa(w.file.Base() + w.file.Size()) }})
			}
		case t == reflect.TypeOf(ast.File{}) && sf.Name == "Comments":
			if _, native := t.FieldByName("GoVersion"); !native {
				out = append(out, field{name: "goversion", compute: func() string { return quote(w.facts.goVersion) }})
			}
		}
	}
	return out
}

func (w *writer) fieldNames(v reflect.Value) []string {
	var names []string
	for _, f := range w.fields(v) {
		names = append(names, f.name)
	}
	return names
}

// writeNode writes a pointer to a go/ast struct, or nil.
func (w *writer) writeNode(v reflect.Value, indent int) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		w.out.WriteString("nil")
		return
	}
	s := v.Elem()
	fields := w.fields(s)
	flat := true
	for _, f := range fields {
		if f.compute == nil && holdsNodes(f.value) {
			flat = false
		}
	}
	w.out.WriteString("(" + s.Type().Name())
	for _, f := range fields {
		w.fieldName(f.name, indent+2, flat)
		if f.compute != nil {
			w.out.WriteString(f.compute())
		} else {
			w.writeValue(f.value, indent+2)
		}
	}
	w.out.WriteString(")")
}

func holdsNodes(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		return !v.IsNil()
	case reflect.Slice:
		return v.Len() > 0
	}
	return false
}

func (w *writer) writeValue(v reflect.Value, indent int) {
	switch {
	case v.Type() == posType:
		w.out.WriteString(strconv.Itoa(int(v.Int())))
	case v.Type() == tokenType:
		w.out.WriteString(tokenName(token.Token(v.Int())))
	case v.Type() == chanDirType:
		w.out.WriteString(chanDirText(ast.ChanDir(v.Int())))
	case v.Kind() == reflect.String:
		w.out.WriteString(quote(v.String()))
	case v.Kind() == reflect.Bool:
		w.out.WriteString(strconv.FormatBool(v.Bool()))
	case v.Kind() == reflect.Slice:
		w.out.WriteString("(")
		for i := 0; i < v.Len(); i++ {
			w.listSeparator(i, indent+2)
			w.writeNode(v.Index(i), indent+2)
		}
		w.out.WriteString(")")
	case v.Kind() == reflect.Ptr || v.Kind() == reflect.Interface:
		w.writeNode(v, indent)
	default:
		panic("zast-oracle: unexpected field type " + v.Type().String())
	}
}

func chanDirText(dir ast.ChanDir) string {
	switch dir {
	case ast.SEND:
		return "SEND"
	case ast.RECV:
		return "RECV"
	case ast.SEND | ast.RECV:
		return "(SEND RECV)"
	}
	return strconv.Itoa(int(dir))
}

func (w *writer) fieldName(name string, indent int, flat bool) {
	if w.pretty && !flat {
		w.newLine(indent)
	} else {
		w.out.WriteString(" ")
	}
	w.out.WriteString(":" + name + " ")
}

func (w *writer) listSeparator(index, indent int) {
	if w.pretty {
		w.newLine(indent)
	} else if index > 0 {
		w.out.WriteString(" ")
	}
}

func (w *writer) newLine(indent int) {
	w.out.WriteString("\n")
	w.out.WriteString(strings.Repeat(" ", indent))
}

// quote is the canonical format's quoting: " and \ escaped, C0 controls and DEL escaped
// (\a \b \f \n \r \t \v by name, others as \xHH), every other character written as itself.
// Bytes that are not valid UTF-8 become U+FFFD, as .NET's UTF-8 decoder makes them.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\v':
			b.WriteString(`\v`)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(`\x`)
				b.WriteString(strconv.FormatInt(int64(r)+0x100, 16)[1:])
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
