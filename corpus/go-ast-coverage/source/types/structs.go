// Package types exercises type declarations and the expressions that build values of them.
package types

import "io"

// Point is a position on a plane.
type Point struct {
	// X is the horizontal coordinate.
	X, Y  int    // both in pixels
	Label string `json:"label,omitempty"`
	_     [0]func()
}

type Named struct {
	Point
	*Metadata
	io.Reader
	name string
}

type Metadata struct{}

type empty struct{}

func literals() []Point {
	origin := Point{}
	p := Point{X: 1, Y: 2, Label: "p"}
	q := &Point{3, 4, "q", [0]func(){}}
	anonymous := struct {
		A int
		B string
	}{1, "b"}
	_ = anonymous
	grid := [][]int{{1, 2}, {3}}
	_ = grid
	byName := map[string]Point{"o": {}, "p": {X: 1}}
	_ = byName
	pointers := []*Point{{X: 5}}
	_ = pointers
	return []Point{origin, p, *q}
}

func (p Point) Scaled(k int) Point {
	return Point{X: p.X * k, Y: p.Y * k}
}

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

func (*Metadata) Touch() {}
