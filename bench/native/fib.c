/* The C baseline for fib_typed.zl and fib_untyped.zl, built with gcc -O1. */
#include <stdio.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
  printf("%ld\n", fib(38));
  return 0;
}
