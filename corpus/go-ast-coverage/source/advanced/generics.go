package advanced

type Number interface {
	~int | ~int64 | ~float64
}

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(item T) {
	l.items = append(l.items, item)
}

func (l List[_]) Len() int {
	return len(l.items)
}

func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Set[T comparable] map[T]struct{}

func instantiate() int {
	p := Pair[string, int]{Key: "a", Value: 1}
	var l List[int]
	l.Push(p.Value)
	s := Set[string]{}
	_ = s
	doubled := Map[int, int]([]int{1}, func(x int) int { return x * 2 })
	return Sum[int](doubled...) + int(Sum(1.5, 2.5))
}
