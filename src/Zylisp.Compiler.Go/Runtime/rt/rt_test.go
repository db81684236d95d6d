package rt

import (
	"math"
	"testing"
)

func TestFloatPrintingFollowsTheSharedRule(t *testing.T) {
	cases := map[float64]string{
		1: "1.0", 100: "100.0", 1e20: "100000000000000000000.0", 1e21: "1e+21", 123.456: "123.456",
		0.000001: "0.000001", 1e-7: "1e-7", 0.30000000000000004: "0.30000000000000004", 1.5e300: "1.5e+300",
		5e-324: "5e-324", math.Copysign(0, -1): "-0.0", math.NaN(): "##NaN", math.Inf(-1): "##-Inf",
	}
	for v, want := range cases {
		if got := FormatFloat(v); got != want {
			t.Errorf("FormatFloat(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestMapsKeepInsertionOrderAcrossGrowthAndRemoval(t *testing.T) {
	m := EmptyMap
	for i := 0; i < 1000; i++ {
		m = m.Assoc(i, i*i)
	}
	m = m.Assoc(5, "five").Dissoc(3)
	keys := m.Keys()
	if len(keys) != 999 || keys[0] != 0 || keys[3] != 4 || m.Get(5, nil) != "five" || m.ContainsKey(3) {
		t.Fatalf("unexpected map: %d keys, first %v", len(keys), keys[:5])
	}
	for i := 0; i < 1000; i++ {
		m = m.Dissoc(i)
	}
	if m.Count() != 0 {
		t.Fatalf("count %d after removing everything", m.Count())
	}
}

func TestEqualityAndHashAgreeAcrossCollectionKinds(t *testing.T) {
	a := NewVector(1, "x", NewMap(Kw("a"), 1.5))
	b := NewList(1, "x", NewMap(Kw("a"), 1.5))
	if !Equal(a, b) || Hash(a) != Hash(b) {
		t.Fatal("a vector and a list with equal elements must be equal with equal hashes")
	}
	if Equal(1, 1.0) {
		t.Fatal("an integer never equals a float")
	}
	big1, big2 := EmptyMap, EmptyMap
	for i := 0; i < 50; i++ {
		big1 = big1.Assoc(i, i)
		big2 = big2.Assoc(49-i, 49-i)
	}
	if !Equal(big1, big2) || Hash(big1) != Hash(big2) {
		t.Fatal("maps compare by content regardless of order")
	}
}

func TestVectorsGrowPastSeveralTrieLevels(t *testing.T) {
	v := EmptyVector
	for i := 0; i < 40000; i++ {
		v = v.Conj(i)
	}
	for i := 0; i < 40000; i += 977 {
		if v.Nth(i) != i {
			t.Fatalf("Nth(%d) = %v", i, v.Nth(i))
		}
	}
	w := v.Assoc(33000, "x").Pop()
	if w.Nth(33000) != "x" || v.Nth(33000) != 33000 || w.Count() != 39999 {
		t.Fatal("assoc and pop must not change the original")
	}
}

func TestPrintingMatchesTheInterpreter(t *testing.T) {
	v := NewVector("a\n", nil, Kw("k"), NewSet(1, 2), NewMap("x", NewList(1.0, Sym("s"))))
	if got := Readable(v); got != `["a\n" nil :k #{1 2} {"x" (1.0 s)}]` {
		t.Fatalf("Readable = %s", got)
	}
	if got := Display(v); got != "[a\n nil :k #{1 2} {x (1.0 s)}]" {
		t.Fatalf("Display = %s", got)
	}
}

func TestPrintingCutsDeepValuesAndCycles(t *testing.T) {
	a := &Atom{}
	a.Value = a
	if got := Readable(a); got != "#<atom #<cycle>>" {
		t.Fatalf("self-containing atom printed %s", got)
	}
	var v Value = EmptyVector
	for i := 0; i < MaxPrintDepth+5; i++ {
		v = NewVector(v)
	}
	if got := Readable(v); len(got) != 2*MaxPrintDepth+1 || got[MaxPrintDepth] != '#' {
		t.Fatalf("a vector nested %d deep printed %d characters", MaxPrintDepth+5, len(got))
	}
}

func TestThrownErrorsAreCaughtWithTheirType(t *testing.T) {
	var caughtValue Value
	Try(func() { Div2(1, 0) }, func(e Value) { caughtValue = e }, nil)
	e, ok := caughtValue.(*Error)
	if !ok || e.Type != Kw("arithmetic-error") || e.Message != "integer division by zero" {
		t.Fatalf("caught %v", caughtValue)
	}
}

func TestDeepRecursionRaisesStackOverflow(t *testing.T) {
	var f func(n int) Value
	f = func(n int) Value { Enter("f"); return Leave(f(n + 1)) }
	var caughtValue Value
	Try(func() { f(0) }, func(e Value) { caughtValue = e }, nil)
	if e, ok := caughtValue.(*Error); !ok || e.Type != Kw("stack-overflow") {
		t.Fatalf("caught %v", caughtValue)
	}
}

func TestTailCallsRunInConstantStack(t *testing.T) {
	var even, odd *Fn
	even = &Fn{Name: "even", F1: func(n Value) Value {
		if n == 0 {
			return true
		}
		return TailCall1(odd, Dec1(n))
	}}
	odd = &Fn{Name: "odd", F1: func(n Value) Value {
		if n == 0 {
			return false
		}
		return TailCall1(even, Dec1(n))
	}}
	if Call1(even, 1000001) != false {
		t.Fatal("1000001 is odd")
	}
}

func thunk(body func()) *Fn {
	return &Fn{Name: "thunk", FN: func([]Value) Value { body(); return nil }}
}

func TestCapturedOutputNestsAndIsRestoredAfterAPanic(t *testing.T) {
	var inner Value
	outer := WithCapturedOutput(thunk(func() {
		Print("a")
		inner = WithCapturedOutput(thunk(func() { Println("b", 1) }))
		func() {
			defer func() { _ = recover() }()
			WithCapturedOutput(thunk(func() { Print("lost"); panic("boom") }))
		}()
		Prn("c")
	}))
	if outer != "a\"c\"\n" || inner != "b 1\n" {
		t.Fatalf("outer %q, inner %q", outer, inner)
	}
	if len(captures) != 0 {
		t.Fatalf("%d captures left running", len(captures))
	}
}

func TestBitShiftsTakeTheCountMod64AsTheJvmDoes(t *testing.T) {
	cases := []struct {
		got, want Value
	}{
		{BitShiftLeft(1, 63), math.MinInt64},
		{BitShiftLeft(3, 64), 3},
		{BitShiftLeft(1, -1), math.MinInt64},
		{BitShiftRight(-100, 65), -50},
		{UnsignedBitShiftRight(-1, 1), math.MaxInt64},
		{UnsignedBitShiftRight(-1, 64), -1},
		{BitAnd(12, 10, 6), 0},
		{BitXor(-1, 5), -6},
		{BitNot(-6), 5},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %v, want %v", i, c.got, c.want)
		}
	}
}
