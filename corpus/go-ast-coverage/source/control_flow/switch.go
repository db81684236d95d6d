package controlflow

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		fallthrough
	case n == 1:
		return "small"
	}
	switch m := n % 3; m {
	case 0, 1:
	default:
		return "other"
	}
	switch n {
	}
	return "positive"
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("integer ", v)
	case string:
		return "string " + v
	default:
		return "unknown"
	}
}

func kind(x interface{}) int {
	switch y := 1; x.(type) {
	case bool:
		return y
	}
	return 0
}
