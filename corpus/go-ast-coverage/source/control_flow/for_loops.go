package controlflow

func loops(xs []int, m map[string]int) int {
	total := 0
	for i := 0; i < len(xs); i++ {
		total += xs[i]
	}
	for total < 100 {
		total *= 2
	}
	for {
		break
	}
	for ; total > 0; total-- {
	}
	for range xs {
		total++
	}
	for i := range xs {
		total += i
	}
	for k, v := range m {
		total += len(k) + v
	}
	var key string
	for key = range m {
	}
	_ = key
	for _, c := range "text" {
		total += int(c)
	}
	return total
}

func labels(grid [][]int) int {
	found := 0
outer:
	for _, row := range grid {
		for _, cell := range row {
			if cell < 0 {
				continue outer
			}
			if cell > 100 {
				break outer
			}
			found++
		}
	}
	if found == 0 {
		goto done
	}
	found *= 2
done:
	return found
}

func emptyStatements(n int) {
	if n > 0 {
	loop:
		;
		n--
		if n > 0 {
			goto loop
		}
	}
	{
		goto end
	end:
	}
}
