package main

import (
	"fmt"
	"go/ast"
	"io"
	"reflect"
)

// allNodes is one value of every go/ast node type the canonical format covers.
var allNodes = []ast.Node{
	&ast.Comment{}, &ast.CommentGroup{}, &ast.Field{}, &ast.FieldList{},
	&ast.BadExpr{}, &ast.Ident{}, &ast.Ellipsis{}, &ast.BasicLit{}, &ast.FuncLit{},
	&ast.CompositeLit{}, &ast.ParenExpr{}, &ast.SelectorExpr{}, &ast.IndexExpr{},
	&ast.IndexListExpr{}, &ast.SliceExpr{}, &ast.TypeAssertExpr{}, &ast.CallExpr{},
	&ast.StarExpr{}, &ast.UnaryExpr{}, &ast.BinaryExpr{}, &ast.KeyValueExpr{},
	&ast.ArrayType{}, &ast.StructType{}, &ast.FuncType{}, &ast.InterfaceType{},
	&ast.MapType{}, &ast.ChanType{},
	&ast.BadStmt{}, &ast.DeclStmt{}, &ast.EmptyStmt{}, &ast.LabeledStmt{}, &ast.ExprStmt{},
	&ast.SendStmt{}, &ast.IncDecStmt{}, &ast.AssignStmt{}, &ast.GoStmt{}, &ast.DeferStmt{},
	&ast.ReturnStmt{}, &ast.BranchStmt{}, &ast.BlockStmt{}, &ast.IfStmt{}, &ast.CaseClause{},
	&ast.SwitchStmt{}, &ast.TypeSwitchStmt{}, &ast.CommClause{}, &ast.SelectStmt{},
	&ast.ForStmt{}, &ast.RangeStmt{},
	&ast.ImportSpec{}, &ast.ValueSpec{}, &ast.TypeSpec{},
	&ast.BadDecl{}, &ast.GenDecl{}, &ast.FuncDecl{}, &ast.File{},
}

// printSchema writes "Type field field ..." per node type, with the fields the writer emits
// (including the Go 1.22 fields it computes), so tests can check the C# schema against go/ast.
func printSchema(out io.Writer) {
	w := writer{}
	for _, n := range allNodes {
		v := reflect.ValueOf(n).Elem()
		line := v.Type().Name()
		for _, f := range w.fieldNames(v) {
			line += " " + f
		}
		fmt.Fprintln(out, line)
	}
}
