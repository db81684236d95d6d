package advanced

import "sync"

func fanOut(work []int) int {
	results := make(chan int, len(work))
	var wg sync.WaitGroup
	for _, w := range work {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n * n
		}(w)
	}
	go wg.Wait()
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	return total
}

func pingPong() string {
	ping := make(chan string)
	done := make(chan bool, 1)
	go func() {
		msg := <-ping
		done <- msg == "ping"
	}()
	ping <- "ping"
	if ok, open := <-done; ok && open {
		return "pong"
	}
	return ""
}
