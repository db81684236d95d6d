package types

type (
	// Pipe carries integers both ways.
	Pipe     chan int
	Source   <-chan string
	Sink     chan<- string
	Nested   chan (<-chan int)
	Handler  func(in Source, out Sink) error
	Callback = func(int) bool
	Alias    = Point
)

type Celsius float64 // a defined type with a line comment

func makePipe(size int) Pipe {
	return make(Pipe, size)
}
