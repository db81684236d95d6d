# Same loop as loop.zl, for the CPython baseline.
i = 0
acc = 0
while i < 100000000:
    acc += i
    i += 1
print(acc)
