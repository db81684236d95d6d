module zylisp.dev/go-ast-coverage/source

go 1.19
