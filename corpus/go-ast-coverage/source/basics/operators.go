package basics

func arithmetic(a, b int) int {
	return a + b - a*b/(b+1)%7
}

func bitwise(a, b uint) uint {
	return a&b | a ^ b&^1<<2>>1
}

func comparisons(a, b int) bool {
	return a == b || a != b && a < b || a <= b && a > b || a >= b
}

func unary(a int, ok bool, p *int) (int, bool, int, int, *int) {
	return -a, !ok, ^a, +a, &a
}

func dereference(p *int) int {
	return *p
}

func assignments() int {
	x := 10
	x += 1
	x -= 2
	x *= 3
	x /= 4
	x %= 5
	x &= 6
	x |= 7
	x ^= 8
	x <<= 1
	x >>= 1
	x &^= 2
	x++
	x--
	var y int
	y = x
	return (y)
}
