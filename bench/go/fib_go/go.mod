module fibgo

go 1.19
