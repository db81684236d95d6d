package basics

import "strings"

func add(a, b int) int {
	return a + b
}

func divide(a, b int) (quotient, remainder int) {
	quotient = a / b
	remainder = a % b
	return
}

func pair() (int, error) {
	return 0, nil
}

func unnamedParams(int, string) {}

func sum(prefix string, values ...int) int {
	total := len(prefix)
	for _, v := range values {
		total += v
	}
	return total
}

func spread() int {
	values := []int{1, 2, 3}
	return sum("x", values...)
}

func closures() func() int {
	count := 0
	increment := func() int {
		count++
		return count
	}
	return increment
}

func immediate() int {
	return func(x int) int { return x * 2 }(21)
}

func higherOrder(f func(string) string, s string) string {
	return f(s)
}

func methodValue() string {
	replacer := strings.NewReplacer("a", "b")
	replace := replacer.Replace
	return higherOrder(replace, "abc")
}

func deferred() (result string) {
	defer func() {
		result += "!"
	}()
	defer println("deferred call")
	return "done"
}
