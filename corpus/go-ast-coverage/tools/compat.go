package main

// Go 1.19's go/ast lacks three fields that Go 1.22's has; the canonical format is Go 1.22's,
// so the oracle computes them the way Go 1.22's go/parser sets them.

import (
	"go/build/constraint"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// fileFacts holds what the oracle learns about a file by scanning its tokens once.
type fileFacts struct {
	rangePositions []token.Pos // every 'range' keyword, in source order
	goVersion      string      // File.GoVersion
}

func scanFacts(file *token.File, src []byte) fileFacts {
	var facts fileFacts
	// A private token.File: scanning the real one would re-add its line table.
	scratch := token.NewFileSet().AddFile(file.Name(), file.Base(), file.Size())
	var s scanner.Scanner
	s.Init(scratch, src, nil, scanner.ScanComments)
	top := true
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.COMMENT {
			// Go 1.21+ go/parser: a //go:build line among the comments before the package
			// clause sets GoVersion; a later valid one overrides an earlier one.
			if top && strings.HasPrefix(lit, "//go:build") {
				if x, err := constraint.Parse(lit); err == nil {
					facts.goVersion = goVersion(x)
				}
			}
			continue
		}
		top = false
		if tok == token.RANGE {
			facts.rangePositions = append(facts.rangePositions, pos)
		}
	}
	return facts
}

// rangeKeyword is RangeStmt.Range (Go 1.20+): the last 'range' keyword before the ranged expression.
func (f fileFacts) rangeKeyword(x token.Pos) token.Pos {
	i := sort.Search(len(f.rangePositions), func(i int) bool { return f.rangePositions[i] >= x })
	if i == 0 {
		return token.NoPos
	}
	return f.rangePositions[i-1]
}

// goVersion is Go 1.21's constraint.GoVersion: the minimum Go version an expression implies,
// "" if it can be satisfied without a Go version tag.
func goVersion(x constraint.Expr) string {
	v := minVersion(x, +1)
	switch {
	case v < 0:
		return ""
	case v == 0:
		return "go1"
	default:
		return "go1." + strconv.Itoa(v)
	}
}

// minVersion returns the minor version implied by x (or by !x when sign < 0), -1 for none.
// AND takes the larger requirement, OR the smaller; a negated go1.N tag implies nothing.
func minVersion(x constraint.Expr, sign int) int {
	switch x := x.(type) {
	case *constraint.AndExpr:
		if sign > 0 {
			return maxInt(minVersion(x.X, sign), minVersion(x.Y, sign))
		}
		return minInt(minVersion(x.X, sign), minVersion(x.Y, sign))
	case *constraint.OrExpr:
		if sign > 0 {
			return minInt(minVersion(x.X, sign), minVersion(x.Y, sign))
		}
		return maxInt(minVersion(x.X, sign), minVersion(x.Y, sign))
	case *constraint.NotExpr:
		return minVersion(x.X, -sign)
	case *constraint.TagExpr:
		if sign < 0 {
			return -1
		}
		if x.Tag == "go1" {
			return 0
		}
		// As Go 1.21 does: whatever follows the first "go1." must be an integer.
		_, v, _ := strings.Cut(x.Tag, "go1.")
		n, err := strconv.Atoi(v)
		if err != nil {
			return -1
		}
		return n
	}
	return -1
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
