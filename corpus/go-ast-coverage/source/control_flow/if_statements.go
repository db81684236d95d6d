// Package controlflow exercises every statement that changes the flow of control.
package controlflow

import "strconv"

func sign(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else {
		return "positive"
	}
}

func parse(s string) int {
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	return -1
}
