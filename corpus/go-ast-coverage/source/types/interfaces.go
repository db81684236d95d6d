package types

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type NamedShape interface {
	Shape
	fmt.Stringer
	Name() (name string, ok bool)
}

type Any interface{}

type square struct{ side float64 }

func (s square) Area() float64      { return s.side * s.side }
func (s square) Perimeter() float64 { return 4 * s.side }

func area(x Any) float64 {
	if s, ok := x.(Shape); ok {
		return s.Area()
	}
	return 0
}
