module zylisp.dev/program

go 1.19
