package types

type Matrix [3][3]float64

type Bytes []byte

type Index map[string][]int

var primes = [...]int{2, 3, 5, 7, 11}

func slicing(xs []int) ([]int, []int, []int, []int, int) {
	all := xs[:]
	head := xs[:2]
	tail := xs[1:]
	capped := xs[1:2:3]
	_ = xs[:2:3]
	return all, head, tail, capped, xs[0]
}

func maps() Index {
	index := Index{"a": {1, 2}}
	index["b"] = append(index["b"], 3)
	delete(index, "a")
	if _, ok := index["c"]; !ok {
		index["c"] = nil
	}
	return index
}

func arrays() int {
	var m Matrix
	m[1][2] = 1.5
	var fixed [len(primes)]int
	return len(fixed) + len(m)
}
