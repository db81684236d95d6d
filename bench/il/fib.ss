; Naive fib(38) for Chez Scheme (scheme --script fib.ss), the untyped baseline.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 38))
(newline)
