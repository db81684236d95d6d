// Command zast-oracle parses Go files with go/parser and writes them in Zylisp's canonical
// S-expression format (docs/zast-format.md). It is the reference the C# zast parser and
// writer are tested against, and it regenerates the checked-in archives.
//
// Usage:
//
//	zast-oracle [-compact] [-root DIR] FILE.go...          one Program holding every file, on stdout
//	zast-oracle [-compact] [-root DIR] -o OUT FILE.go...   one Program per file: OUT/NAME.zast; when
//	                                                         it has syntax errors also OUT/NAME.err
//	                                                         listing them (the .zast then holds the
//	                                                         partial tree go/parser returns, or is
//	                                                         missing when go/parser gave up at the
//	                                                         package clause)
//	zast-oracle -list PATHS ...                             also read input paths from PATHS, one per line
//	zast-oracle -schema                                     print each node type's fields, one type per line
//
// NAME is the file's name as recorded in the FileSet: its path relative to -root (with forward
// slashes) when -root is given, else the path as given. "-" reads standard input (named by -name).
// Exit status: 0 when every file parsed, 1 when some did not, 2 on usage or I/O errors.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Mode is go/parser's mode for the canonical format: keep comments; skip the deprecated
// object resolution, whose results the format leaves out.
const mode = parser.ParseComments | parser.SkipObjectResolution

func main() {
	compact := flag.Bool("compact", false, "write the compact (single-line) form")
	root := flag.String("root", "", "record file names relative to this directory")
	outDir := flag.String("o", "", "write one .zast (or .err) per input file into this directory")
	list := flag.String("list", "", "read more input paths from this file, one per line")
	stdinName := flag.String("name", "stdin.go", "file name recorded for standard input")
	schema := flag.Bool("schema", false, "print every node type's canonical fields and exit")
	flag.Parse()

	if *schema {
		printSchema(os.Stdout)
		return
	}
	paths := flag.Args()
	if *list != "" {
		more, err := readList(*list)
		if err != nil {
			fail(err)
		}
		paths = append(paths, more...)
	}
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "usage: zast-oracle [-compact] [-root DIR] [-o OUT] [-list PATHS] FILE.go...")
		os.Exit(2)
	}

	o := oracle{pretty: !*compact, root: *root, stdinName: *stdinName}
	if *outDir == "" {
		os.Exit(o.writeProgram(paths, os.Stdout))
	}
	status := 0
	for _, path := range paths {
		if code := o.writeOne(path, *outDir); code > status {
			status = code
		}
	}
	os.Exit(status)
}

type oracle struct {
	pretty    bool
	root      string
	stdinName string
}

type parsed struct {
	file  *ast.File
	tfile *token.File
	facts fileFacts
}

// parse reads and parses one file into fset; err is a read error or go/parser's error list.
func (o oracle) parse(fset *token.FileSet, path string) (p parsed, name string, err error) {
	var src []byte
	if path == "-" {
		name = o.stdinName
		src, err = io.ReadAll(os.Stdin)
	} else {
		name = o.name(path)
		src, err = os.ReadFile(path)
	}
	if err != nil {
		return p, name, err
	}
	p.file, err = parser.ParseFile(fset, name, src, mode)
	// go/parser returns a partial tree beside its errors. When it gave up at the package clause
	// the tree is a placeholder with no position, hence no token.File to describe: leave p.file nil.
	if p.tfile = fset.File(p.file.Package); p.tfile == nil {
		p.file = nil
		return p, name, err
	}
	p.facts = scanFacts(p.tfile, src)
	return p, name, err
}

func (o oracle) name(path string) string {
	if o.root != "" {
		if rel, err := filepath.Rel(o.root, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return path
}

func (o oracle) write(fset *token.FileSet, ps []parsed) string {
	files := make([]*ast.File, len(ps))
	facts := make([]fileFacts, len(ps))
	tfiles := make([]*token.File, len(ps))
	for i, p := range ps {
		files[i], facts[i], tfiles[i] = p.file, p.facts, p.tfile
	}
	w := writer{pretty: o.pretty}
	return w.writeProgram(fset, files, facts, tfiles)
}

func (o oracle) writeProgram(paths []string, out io.Writer) int {
	fset := token.NewFileSet()
	var ps []parsed
	for _, path := range paths {
		p, _, err := o.parse(fset, path)
		if err != nil {
			printErrors(os.Stderr, err)
			return 1
		}
		ps = append(ps, p)
	}
	if _, err := io.WriteString(out, o.write(fset, ps)); err != nil {
		fail(err)
	}
	return 0
}

func (o oracle) writeOne(path, outDir string) int {
	fset := token.NewFileSet()
	p, name, err := o.parse(fset, path)
	target := archivePath(outDir, name)
	if mkErr := os.MkdirAll(filepath.Dir(target), 0o755); mkErr != nil {
		fail(mkErr)
	}
	// Write the tree even when there are errors: the corpus pins go/parser's recovery (BadExpr,
	// BadStmt, BadDecl) as well as its messages.
	if p.file != nil {
		if wErr := os.WriteFile(target+".zast", []byte(o.write(fset, []parsed{p})), 0o644); wErr != nil {
			fail(wErr)
		}
	}
	if err != nil {
		var b strings.Builder
		printErrors(&b, err)
		if wErr := os.WriteFile(target+".err", []byte(b.String()), 0o644); wErr != nil {
			fail(wErr)
		}
		return 1
	}
	return 0
}

// archivePath is where -o puts a file's output, before the .zast or .err suffix: OUT/NAME.
func archivePath(outDir, name string) string {
	rel := strings.TrimPrefix(filepath.ToSlash(name), "/")
	return filepath.Join(outDir, filepath.FromSlash(rel))
}

func printErrors(w io.Writer, err error) {
	if list, ok := err.(scanner.ErrorList); ok {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}

func readList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var paths []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := strings.TrimSpace(s.Text()); line != "" {
			paths = append(paths, line)
		}
	}
	return paths, s.Err()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "zast-oracle:", err)
	os.Exit(2)
}
