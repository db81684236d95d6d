module zylisp.dev/go-ast-coverage/tools

go 1.19
