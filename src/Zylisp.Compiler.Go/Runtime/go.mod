module zylisp.dev/rt

go 1.19
