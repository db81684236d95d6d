/* Calls one fib variant of shapes.S (or fib_shifted, built with -DSHIFTED) with r15 set up as
   native code expects it, or gcc -O1's own fib for "c"; prints fib(38). */
#include <stdio.h>
#include <string.h>

long fib_ours(long), fib_noleave(long), fib_addrsp(long), fib_nofp(long), fib_fp_noslot(long);
#ifdef SHIFTED
long fib_shifted(long);
#endif
static long fib_c(long n) { return n < 2 ? n : fib_c(n - 1) + fib_c(n - 2); }
static long cells[16]; /* [r15+10h] is the stack limit (0: never reached), [r15+30h] the call site */

int main(int argc, char **argv) {
  const char *which = argc > 1 ? argv[1] : "c";
  long (*f)(long) = fib_c;
  if (!strcmp(which, "ours")) f = fib_ours;
  else if (!strcmp(which, "noleave")) f = fib_noleave;
  else if (!strcmp(which, "addrsp")) f = fib_addrsp;
  else if (!strcmp(which, "nofp")) f = fib_nofp;
  else if (!strcmp(which, "fpnoslot")) f = fib_fp_noslot;
#ifdef SHIFTED
  else if (!strcmp(which, "shifted")) f = fib_shifted;
#endif
  long r;
  __asm__ volatile("mov %1, %%r15\n\tmov %2, %%rdi\n\tcall *%3\n\tmov %%rax, %0"
                   : "=r"(r) : "r"(cells), "r"(38L), "r"(f)
                   : "r15", "rdi", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory");
  printf("%ld\n", r);
  return 0;
}
