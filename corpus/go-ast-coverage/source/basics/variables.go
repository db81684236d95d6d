package basics

const Pi = 3.14159

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const typed int64 = -42

var (
	counter   int
	name, tag = "zylisp", 'z'
	ratio     float32
)

var ()

var imaginary = 2.5i

var hex, octal, binary, underscored = 0x1F, 0o17, 0b1010, 1_000_000

var escapes = "tab\there \"quoted\" back\\slash \x41 \u00e9 \U0001F600 bell\a"

var raw = `raw string with "quotes" and \backslashes
spanning two lines`

var unicode = "héllo, 世界"

var runes = []rune{'a', '\n', '\'', '\x7f', '世'}

func shortDeclarations() (int, string) {
	x := 1
	y, z := 2, "two"
	x, w := 3, 4.0
	_ = w
	var local = x + y
	return local, z
}
