package rt

// Bit operations on 64-bit integers, as Clojure's (CoreBits.cs on .NET): a non-integer argument
// is a type error, and a shift count is taken mod 64 as the JVM takes it.

func bitFold(name string, args []Value, op func(x, y int) int) Value {
	arity(name, args, 2, -1)
	acc := toInt(args[0], name)
	for _, v := range args[1:] {
		acc = op(acc, toInt(v, name))
	}
	return acc
}

func bitShift(name string, args []Value, op func(x int, n uint) int) Value {
	arity(name, args, 2, 2)
	x := toInt(args[0], name)
	n := toInt(args[1], name)
	return op(x, uint(n&63))
}

func BitAnd(args ...Value) Value {
	return bitFold("bit-and", args, func(x, y int) int { return x & y })
}

func BitOr(args ...Value) Value {
	return bitFold("bit-or", args, func(x, y int) int { return x | y })
}

func BitXor(args ...Value) Value {
	return bitFold("bit-xor", args, func(x, y int) int { return x ^ y })
}

func BitNot(args ...Value) Value {
	arity("bit-not", args, 1, 1)
	return ^toInt(args[0], "bit-not")
}

func BitShiftLeft(args ...Value) Value {
	return bitShift("bit-shift-left", args, func(x int, n uint) int { return x << n })
}

func BitShiftRight(args ...Value) Value {
	return bitShift("bit-shift-right", args, func(x int, n uint) int { return x >> n })
}

func UnsignedBitShiftRight(args ...Value) Value {
	return bitShift("unsigned-bit-shift-right", args, func(x int, n uint) int { return int(uint64(x) >> n) })
}
