package controlflow

func receive(in <-chan int, out chan<- int, quit chan struct{}) (int, bool) {
	var v int
	var ok bool
	select {
	case v = <-in:
	case w, more := <-in:
		return w, more
	case out <- 1:
		v = 1
	case <-quit:
		return 0, false
	default:
	}
	select {
	case v, ok = <-in:
	}
	if v < 0 {
		select {}
	}
	return v, ok
}
