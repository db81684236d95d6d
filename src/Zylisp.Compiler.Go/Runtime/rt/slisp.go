package rt

import (
	"sort"
	"strings"
)

// SlispStr is str under SLisp rules: maps and sets sorted, without commas, keys and set
// elements readable, values displayed.
func SlispStr(args ...Value) Value {
	var sb strings.Builder
	for _, x := range args {
		sb.WriteString(slispStrOf(x))
	}
	return sb.String()
}

func slispStrOf(v Value) string {
	switch v.(type) {
	case nil:
		return ""
	case string:
		return v.(string)
	}
	var sb strings.Builder
	slispPrint(&sb, v, false)
	return sb.String()
}

func slispPrint(sb *strings.Builder, v Value, readably bool) {
	enter("print")
	defer leave()
	switch x := v.(type) {
	case *Map:
		type pair struct {
			key string
			val Value
		}
		var pairs []pair
		x.each(func(k, val Value) bool { pairs = append(pairs, pair{slispRender(k, true), val}); return true })
		sort.SliceStable(pairs, func(i, j int) bool { return cmpString(pairs[i].key, pairs[j].key) < 0 })
		sb.WriteByte('{')
		for i, p := range pairs {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(p.key)
			sb.WriteByte(' ')
			slispPrint(sb, p.val, readably)
		}
		sb.WriteByte('}')
	case *Set:
		var keys []string
		for _, item := range x.Slice() {
			keys = append(keys, slispRender(item, true))
		}
		sort.SliceStable(keys, func(i, j int) bool { return cmpString(keys[i], keys[j]) < 0 })
		sb.WriteString("#{" + strings.Join(keys, " ") + "}")
	case *Vector:
		sb.WriteByte('[')
		for i, item := range x.Slice() {
			if i > 0 {
				sb.WriteByte(' ')
			}
			slispPrint(sb, item, readably)
		}
		sb.WriteByte(']')
	case *List, *LazySeq, *ConsCell:
		sb.WriteByte('(')
		for i, item := range itemsOf("str", x) {
			if i > 0 {
				sb.WriteByte(' ')
			}
			slispPrint(sb, item, readably)
		}
		sb.WriteByte(')')
	default:
		if readably {
			sb.WriteString(Readable(v))
		} else {
			sb.WriteString(Display(v))
		}
	}
}

func slispRender(v Value, readably bool) string {
	var sb strings.Builder
	slispPrint(&sb, v, readably)
	return sb.String()
}
