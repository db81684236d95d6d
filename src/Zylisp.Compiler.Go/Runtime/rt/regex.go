package rt

import (
	"regexp"
	"strings"
	"sync"
)

// Regular expressions in Zylisp's dialect, RE2 syntax without back-references
// (docs/design/regex.md). Go's regexp is RE2, so a pattern the compiler checked runs as is;
// matches follow Go's rules for successive matches, which the .NET runtime copies.

// Regex is a compiled pattern: the source as written (what it prints as) and Go's regexp.
type Regex struct {
	Source string
	re     *regexp.Regexp
	whole  *regexp.Regexp
}

// Matcher is (re-matcher re s): the matches of re in s, walked by re-find.
type Matcher struct {
	re      *Regex
	input   string
	matches [][]int
	next    int
	last    []int
}

var literals sync.Map

// RegexLiteral is the pattern of a #"..." literal, compiled once (the compiler checked it).
func RegexLiteral(source, pattern string) *Regex {
	if r, ok := literals.Load(source); ok {
		return r.(*Regex)
	}
	r := &Regex{Source: source, re: regexp.MustCompile(pattern)}
	literals.Store(source, r)
	return r
}

func compileRegex(fn, source string) *Regex {
	re, err := regexp.Compile(source)
	if err != nil {
		badArgument(fn, "invalid pattern: "+err.Error())
	}
	return &Regex{Source: source, re: re}
}

func (r *Regex) wholeRegexp() *regexp.Regexp {
	if r.whole == nil {
		r.whole = regexp.MustCompile(`\A(?:` + r.re.String() + `)\z`)
	}
	return r.whole
}

func asRegex(fn string, v Value) *Regex {
	r, ok := v.(*Regex)
	if !ok {
		WrongType(fn, `a pattern (#"...")`, v)
	}
	return r
}

// groupsOf is what re-find gives for a match: the text, or [whole group1 ...] with nil for a group that did not take part.
func groupsOf(r *Regex, s string, m []int) Value {
	if r.re.NumSubexp() == 0 {
		return s[m[0]:m[1]]
	}
	items := make([]Value, len(m)/2)
	for g := range items {
		if m[2*g] >= 0 {
			items[g] = s[m[2*g]:m[2*g+1]]
		}
	}
	return NewVector(items...)
}

// RePattern is (re-pattern s).
func RePattern(args ...Value) Value {
	arity("re-pattern", args, 1, 1)
	if r, ok := args[0].(*Regex); ok {
		return r
	}
	return compileRegex("re-pattern", str("re-pattern", args[0]))
}

// ReMatcher is (re-matcher re s).
func ReMatcher(args ...Value) Value {
	arity("re-matcher", args, 2, 2)
	r := asRegex("re-matcher", args[0])
	s := str("re-matcher", args[1])
	return &Matcher{re: r, input: s, matches: r.re.FindAllStringSubmatchIndex(s, -1)}
}

// ReFind is (re-find m) or (re-find re s).
func ReFind(args ...Value) Value {
	arity("re-find", args, 1, 2)
	if len(args) == 1 {
		m, ok := args[0].(*Matcher)
		if !ok {
			WrongType("re-find", "a matcher", args[0])
		}
		if m.next >= len(m.matches) {
			m.last = nil
			return nil
		}
		m.last = m.matches[m.next]
		m.next++
		return groupsOf(m.re, m.input, m.last)
	}
	r := asRegex("re-find", args[0])
	s := str("re-find", args[1])
	m := r.re.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	return groupsOf(r, s, m)
}

// ReMatches is (re-matches re s).
func ReMatches(args ...Value) Value {
	arity("re-matches", args, 2, 2)
	r := asRegex("re-matches", args[0])
	s := str("re-matches", args[1])
	m := r.wholeRegexp().FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	return groupsOf(r, s, m)
}

// ReGroups is (re-groups m).
func ReGroups(args ...Value) Value {
	arity("re-groups", args, 1, 1)
	m, ok := args[0].(*Matcher)
	if !ok {
		WrongType("re-groups", "a matcher", args[0])
	}
	if m.last == nil {
		badArgument("re-groups", "the matcher has no match (call re-find first)")
	}
	return groupsOf(m.re, m.input, m.last)
}

// splitRegex is (split s re): no empty first part for an empty match at 0, no empty last parts.
func splitRegex(s string, r *Regex) Value {
	var parts []string
	start := 0
	for _, m := range r.re.FindAllStringIndex(s, -1) {
		if m[0] == 0 && m[1] == 0 {
			continue
		}
		parts = append(parts, s[start:m[0]])
		start = m[1]
	}
	parts = append(parts, s[start:])
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = p
	}
	return NewVector(items...)
}

// replaceRegex is (replace s re replacement): a string ($1 for a group, \$ for $) or (f match).
func replaceRegex(s string, r *Regex, replacement Value) Value {
	var sb strings.Builder
	start := 0
	for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
		sb.WriteString(s[start:m[0]])
		switch x := replacement.(type) {
		case string:
			expandReplacement(x, s, m, &sb)
		case *Fn:
			sb.WriteString(StrOf(Call1(x, groupsOf(r, s, m))))
		default:
			WrongType("replace", "a replacement string or function", replacement)
		}
		start = m[1]
	}
	sb.WriteString(s[start:])
	return sb.String()
}

// expandReplacement is Java's replacement syntax, as Clojure uses it: $n is group n, \x is x.
func expandReplacement(template, s string, m []int, sb *strings.Builder) {
	groups := len(m)/2 - 1
	for i := 0; i < len(template); i++ {
		c := template[i]
		switch {
		case c == '\\' && i+1 < len(template):
			i++
			sb.WriteByte(template[i])
		case c == '$':
			if i+1 >= len(template) || template[i+1] < '0' || template[i+1] > '9' {
				badArgument("replace", "a $ in the replacement must be followed by a group number (write \\$ for a dollar sign)")
			}
			i++
			n := int(template[i] - '0')
			for i+1 < len(template) && template[i+1] >= '0' && template[i+1] <= '9' && n*10+int(template[i+1]-'0') <= groups {
				i++
				n = n*10 + int(template[i]-'0')
			}
			if n > groups {
				badArgument("replace", "the replacement names a group the pattern does not have")
			}
			if m[2*n] >= 0 {
				sb.WriteString(s[m[2*n]:m[2*n+1]])
			}
		default:
			sb.WriteByte(c)
		}
	}
}
