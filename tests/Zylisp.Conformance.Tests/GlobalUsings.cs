global using Zylisp.Lang;
