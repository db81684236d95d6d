package main

import "zylisp.dev/program/rt"

var (
	fact               = &rt.Global{Name: "fact"}
	m2                 = &rt.Global{Name: "m2"}
	multimethodTables  = &rt.Global{Name: "%multimethod-tables"}
	p                  = &rt.Global{Name: "p"}
	point              = &rt.Global{Name: "Point"}
	rect               = &rt.Global{Name: "Rect"}
	shape              = &rt.Global{Name: "Shape"}
	speak              = &rt.Global{Name: "speak"}
	typed              = &rt.Global{Name: "Typed"}
	somePFn            *rt.Fn
	destructureNthFn   *rt.Fn
	mapToRecordFn      *rt.Fn
	makeProtocolFn     *rt.Fn
	typeFamilyFn       *rt.Fn
	findImplFn         *rt.Fn
	protocolMethodFn   *rt.Fn
	someFn             *rt.Fn
	identityFn         *rt.Fn
	mergeFn            *rt.Fn
	extendFn           *rt.Fn
	satisfiesPFn       *rt.Fn
	makeMultiFn        *rt.Fn
	addMethodFn        *rt.Fn
	zeroPFn            *rt.Fn
	toPointFn          *rt.Fn
	mapToPointFn       *rt.Fn
	areaFn             *rt.Fn
	describeFn         *rt.Fn
	toRectFn           *rt.Fn
	mapToRectFn        *rt.Fn
	toTypedFn          *rt.Fn
	mapToTypedFn       *rt.Fn
	quoted             = rt.NewMap()
	kwProtocol         = rt.Kw("protocol")
	kwMethods          = rt.Kw("methods")
	kwImpls            = rt.Kw("impls")
	kwInteger          = rt.Kw("integer")
	kwFloat            = rt.Kw("float")
	kwNumber           = rt.Kw("number")
	kwList             = rt.Kw("list")
	kwVector           = rt.Kw("vector")
	kwMap              = rt.Kw("map")
	kwSet              = rt.Kw("set")
	kwColl             = rt.Kw("coll")
	kwElse             = rt.Kw("else")
	kwDefault          = rt.Kw("default")
	kwType             = rt.Kw("type")
	kwProtocolError    = rt.Kw("protocol-error")
	kwMethod           = rt.Kw("method")
	kwValueType        = rt.Kw("value-type")
	quoted2            = rt.NewMap(kwType, kwProtocolError)
	kwMultimethodError = rt.Kw("multimethod-error")
	kwMultimethod      = rt.Kw("multimethod")
	kwDispatchValue    = rt.Kw("dispatch-value")
	kwX                = rt.Kw("x")
	kwY                = rt.Kw("y")
	quoted3            = rt.NewVector(kwX, kwY)
	kwArea             = rt.Kw("area")
	kwDescribe         = rt.Kw("describe")
	kwW                = rt.Kw("w")
	kwH                = rt.Kw("h")
	quoted4            = rt.NewVector(kwW, kwH)
	kwA                = rt.Kw("a")
	kwB                = rt.Kw("b")
	quoted5            = rt.NewVector(kwA, kwB)
	kwUserPoint        = rt.Kw("user.Point")
	kwZ                = rt.Kw("z")
	quoted6            = rt.NewMap(kwX, 1, kwY, 2)
	quoted7            = rt.NewMap(kwX, 1)
	quoted8            = rt.NewMap(kwX, 5, kwY, 6, kwW, 7)
	quoted9            = rt.NewVector(kwArea, kwDescribe)
	kwUserRect         = rt.Kw("user.Rect")
	kwString           = rt.Kw("string")
	kwNil              = rt.Kw("nil")
	quoted10           = rt.NewVector(1, 2, 3)
	kwK                = rt.Kw("k")
	kwKind             = rt.Kw("kind")
	kwName             = rt.Kw("name")
	kwDog              = rt.Kw("dog")
	quoted11           = rt.NewMap(kwKind, kwDog, kwName, "Rex")
	kwCat              = rt.Kw("cat")
	quoted12           = rt.NewMap(kwKind, kwCat)
	kwZero             = rt.Kw("zero")
	kwPos              = rt.Kw("pos")
	kwUserTyped        = rt.Kw("user.Typed")
)

func main() {
	rt.Main(load, nil, false)
}

func load() {
	var t15 rt.Value
	var t16 rt.Value
	var t17 rt.Value
	somePFn = &rt.Fn{Name: "some?", F1: someP}
	destructureNthFn = &rt.Fn{Name: "%destructure-nth", F2: destructureNth}
	mapToRecordFn = &rt.Fn{Name: "%map->record", F3: mapToRecord}
	makeProtocolFn = &rt.Fn{Name: "%make-protocol", F2: makeProtocol}
	typeFamilyFn = &rt.Fn{Name: "%type-family", F1: typeFamily}
	findImplFn = &rt.Fn{Name: "%find-impl", F2: findImpl}
	protocolMethodFn = &rt.Fn{Name: "%protocol-method", F3: protocolMethod}
	someFn = &rt.Fn{Name: "some", F2: some}
	identityFn = &rt.Fn{Name: "identity", F1: identity}
	mergeFn = &rt.Fn{Name: "merge", FN: func(args []rt.Value) rt.Value {
		return merge(rt.RestArgs(args, 0))
	}, HasRest: true, RestRequired: 0}
	extendFn = &rt.Fn{Name: "%extend", F3: extend}
	satisfiesPFn = &rt.Fn{Name: "satisfies?", F2: satisfiesP}
	multimethodTables.Def(rt.AtomOf(quoted))
	makeMultiFn = &rt.Fn{Name: "%make-multi", F3: makeMulti}
	addMethodFn = &rt.Fn{Name: "%add-method", F3: addMethod}
	zeroPFn = &rt.Fn{Name: "zero?", F1: zeroP}
	point.Def(kwUserPoint)
	toPointFn = &rt.Fn{Name: "->Point", F2: toPoint}
	mapToPointFn = &rt.Fn{Name: "map->Point", F1: mapToPoint}
	point.Get()
	p.Def(toPoint(1, 2))
	rt.Prn(p.Get())
	rt.Println(rt.Call1(kwX, p.Get()), rt.Call1(kwY, p.Get()), rt.Get2(p.Get(), kwX))
	rt.Prn(rt.Assoc(p.Get(), kwX, 10))
	rt.Prn(rt.Assoc(p.Get(), kwZ, 3))
	rt.Prn(rt.Dissoc(p.Get(), kwX))
	rt.Prn(rt.Equal(p.Get(), toPoint(1, 2)), rt.Equal(p.Get(), quoted6), rt.Equal(quoted6, p.Get()))
	rt.Prn(rt.IsRecord(p.Get()), rt.IsRecord(quoted7), rt.IsMap(p.Get()))
	rt.Prn(rt.Settle(mapToPoint(quoted8)))
	rt.Prn(rt.Type(p.Get()), point.Get(), rt.Equal(rt.Type(p.Get()), point.Get()))
	rt.Prn(rt.Keys(p.Get()), rt.Vals(p.Get()), rt.Count1(p.Get()), rt.Into(quoted, p.Get()))
	shape.Def(makeProtocol("user.Shape", quoted9))
	areaFn = &rt.Fn{Name: "area", F1: area}
	describeFn = &rt.Fn{Name: "describe", F1: describe1, F2: describe2}
	rt.Sym("Shape")
	rect.Def(kwUserRect)
	toRectFn = &rt.Fn{Name: "->Rect", F2: toRect}
	mapToRectFn = &rt.Fn{Name: "map->Rect", F1: mapToRect}
	t2 := &rt.Fn{Name: "area", F1: func(this12 rt.Value) rt.Value {
		rt.Enter("area")
		return rt.Leave(rt.Mul2(rt.Get2(this12, kwW), rt.Get2(this12, kwH)))
	}}
	var describe *rt.Fn
	describe = &rt.Fn{Name: "describe", F1: func(this13 rt.Value) rt.Value {
		rt.Enter("describe")
		return rt.Leave(rt.StrN("rect ", rt.Get2(this13, kwW), "x", rt.Get2(this13, kwH)))
	}, F2: func(this14 rt.Value, prefix rt.Value) rt.Value {
		rt.Enter("describe")
		this := this14
		rt.Get2(this14, kwW)
		rt.Get2(this14, kwH)
		return rt.Leave(rt.StrN(prefix, rt.Call1(describe, this)))
	}}
	t3 := describe
	extend(shape.Get(), rect.Get(), rt.NewMap(kwArea, t2, kwDescribe, t3))
	rect.Get()
	rt.Prn(rt.Settle(area(toRect(2, 3))), rt.Settle(describe1(toRect(2, 3))), rt.Settle(describe2(toRect(2, 3), ">> ")))
	t22 := &rt.Fn{Name: "area", F1: func(s rt.Value) rt.Value {
		rt.Enter("area")
		return rt.Leave(rt.Count1(s))
	}}
	extend(shape.Get(), kwString, rt.NewMap(kwArea, t22))
	t23 := &rt.Fn{Name: "area", F1: func(_ rt.Value) rt.Value {
		rt.Enter("area")
		return rt.Leave(0)
	}}
	extend(shape.Get(), kwNil, rt.NewMap(kwArea, t23))
	t24 := &rt.Fn{Name: "area", F1: func(n rt.Value) rt.Value {
		rt.Enter("area")
		return rt.Leave(rt.Mul2(n, n))
	}}
	extend(shape.Get(), kwNumber, rt.NewMap(kwArea, t24))
	t25 := &rt.Fn{Name: "area", F1: func(v rt.Value) rt.Value {
		rt.Enter("area")
		return rt.Leave(rt.Reduce(rt.Builtin("+"), v))
	}}
	extend(shape.Get(), kwVector, rt.NewMap(kwArea, t25))
	rt.Prn(rt.Settle(area("abcd")), rt.Settle(area(nil)), rt.Settle(area(3)), rt.Settle(area(1.5)), rt.Settle(area(quoted10)))
	rt.Prn(rt.Settle(satisfiesP(shape.Get(), "x")), rt.Settle(satisfiesP(shape.Get(), kwK)))
	speak.Def(makeMulti("speak", kwKind, kwDefault))
	t1 := &rt.Fn{Name: "fn", F1: func(a rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave(rt.StrN(rt.Call1(kwName, a), " says woof"))
	}}
	addMethod(speak.Get(), kwDog, t1)
	t12 := &rt.Fn{Name: "fn", F1: func(a2 rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave("...")
	}}
	addMethod(speak.Get(), kwDefault, t12)
	rt.Println(rt.Call1(speak.Get(), quoted11), rt.Call1(speak.Get(), quoted12))
	t26 := &rt.Fn{Name: "fn", F1: func(n2 rt.Value) rt.Value {
		rt.Enter("fn")
		if rt.Truthy(zeroP(n2)) {
			return rt.Leave(kwZero)
		}
		return rt.Leave(kwPos)
	}}
	fact.Def(makeMulti("fact", t26, kwPos))
	t13 := &rt.Fn{Name: "fn", F1: func(_2 rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave(1)
	}}
	addMethod(fact.Get(), kwZero, t13)
	t14 := &rt.Fn{Name: "fn", F1: func(n3 rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave(rt.Mul2(n3, rt.Call1(fact.Get(), rt.Dec1(n3))))
	}}
	addMethod(fact.Get(), kwPos, t14)
	rt.Prn(rt.Call1(fact.Get(), 10))
	typed.Def(kwUserTyped)
	toTypedFn = &rt.Fn{Name: "->Typed", F2: toTyped}
	mapToTypedFn = &rt.Fn{Name: "map->Typed", F1: mapToTyped}
	typed.Get()
	rt.Prn(toTyped(1, 2.0))
	rt.Try(func() {
		t15 = toTyped(1, 2)
	}, func(e rt.Value) {
		t15 = rt.Println(rt.ExMessage(e))
	}, nil)
	rt.Try(func() {
		t16 = rt.Settle(area(kwK))
	}, func(e2 rt.Value) {
		rt.Println(rt.ExMessage(e2))
		t16 = rt.Prn(rt.ExData(e2))
	}, nil)
	m2.Def(makeMulti("m2", rt.Builtin("type"), kwDefault))
	rt.Try(func() {
		t17 = rt.Call1(m2.Get(), "x")
	}, func(e3 rt.Value) {
		t17 = rt.Println(rt.ExMessage(e3))
	}, nil)
	rt.Settle(area(kwK))
}

func someP(x rt.Value) rt.Value {
	rt.Enter("some?")
	if x == nil {
		return rt.Leave(false)
	}
	return rt.Leave(true)
}

func destructureNth(coll rt.Value, i rt.Value) rt.Value {
	rt.Enter("%destructure-nth")
	return rt.Leave(rt.Nth(coll, i, nil))
}

func mapToRecord(ctor rt.Value, fieldKeys rt.Value, m rt.Value) rt.Value {
	rt.Enter("%map->record")
	t1 := &rt.Fn{Name: "fn", F2: func(r rt.Value, p__5 rt.Value) rt.Value {
		rt.Enter("fn")
		vec__6 := p__5
		return rt.Leave(rt.Assoc(r, destructureNth(vec__6, 0), destructureNth(vec__6, 1)))
	}}
	t4 := &rt.Fn{Name: "fn", F1: func(k rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave(rt.Get2(m, k))
	}}
	return rt.Leave(rt.Reduce(t1, rt.Apply(ctor, rt.MapFn(t4, fieldKeys)), m))
}

func makeProtocol(protocolName rt.Value, methods rt.Value) rt.Value {
	rt.Enter("%make-protocol")
	return rt.Leave(rt.NewMap(kwProtocol, protocolName, kwMethods, methods, kwImpls, rt.AtomOf(quoted)))
}

func typeFamily(t rt.Value) rt.Value {
	var t1 bool
	var t2 bool
	rt.Enter("%type-family")
	or__11__auto := rt.Equal(t, kwInteger)
	if or__11__auto {
		t1 = or__11__auto
	} else {
		t1 = rt.Equal(t, kwFloat)
	}
	if t1 {
		return rt.Leave(kwNumber)
	}
	or__11__auto2 := rt.Equal(t, kwList)
	if or__11__auto2 {
		t2 = or__11__auto2
	} else {
		or__11__auto3 := rt.Equal(t, kwVector)
		if or__11__auto3 {
			t2 = or__11__auto3
		} else {
			or__11__auto4 := rt.Equal(t, kwMap)
			if or__11__auto4 {
				t2 = or__11__auto4
			} else {
				t2 = rt.Equal(t, kwSet)
			}
		}
	}
	if t2 {
		return rt.Leave(kwColl)
	}
	if rt.Truthy(kwElse) {
		return rt.Leave(nil)
	}
	return rt.Leave(nil)
}

func findImpl(table rt.Value, t rt.Value) rt.Value {
	var t2 rt.Value
	rt.Enter("%find-impl")
	if rt.Truthy(rt.Contains(table, t)) {
		return rt.Leave(rt.Get2(table, t))
	}
	family := typeFamily(t)
	and__1__auto := family
	if rt.Truthy(and__1__auto) {
		t2 = rt.Contains(table, family)
	} else {
		t2 = and__1__auto
	}
	if rt.Truthy(t2) {
		return rt.Leave(rt.Get2(table, family))
	}
	return rt.Leave(rt.Get2(table, kwDefault))
}

func protocolMethod(protocol rt.Value, method rt.Value, x rt.Value) rt.Value {
	rt.Enter("%protocol-method")
	t := rt.Type(x)
	impl := rt.Get2(findImpl(rt.Deref(rt.Get2(protocol, kwImpls)), t), method)
	if impl == nil {
		panic(rt.Thrown(rt.ExInfo(rt.StrN("No implementation of method ", rt.Name(method), " of protocol ", rt.Get2(protocol, kwProtocol), " for type ", rt.Name(t)), rt.NewMap(kwType, kwProtocolError, kwProtocol, rt.Get2(protocol, kwProtocol), kwMethod, method, kwValueType, t))))
	}
	return rt.Leave(impl)
}

func some(pred rt.Value, coll rt.Value) rt.Value {
	var s rt.Value
	rt.Enter("some")
	s = rt.Seq(coll)
	for {
		if rt.Truthy(s) {
			or__11__auto := rt.Call1(pred, rt.First1(s))
			if rt.Truthy(or__11__auto) {
				return rt.Leave(or__11__auto)
			}
			s = rt.Next1(s)
			continue
		}
		return rt.Leave(nil)
	}
}

func identity(x rt.Value) rt.Value {
	rt.Enter("identity")
	return rt.Leave(x)
}

func merge(maps rt.Value) rt.Value {
	rt.Enter("merge")
	if rt.Truthy(some(identityFn, maps)) {
		t2 := &rt.Fn{Name: "fn", F2: func(acc rt.Value, m rt.Value) rt.Value {
			rt.Enter("fn")
			if rt.Truthy(m) {
				return rt.Leave(rt.Into(acc, m))
			}
			return rt.Leave(acc)
		}}
		return rt.Leave(rt.Reduce(t2, quoted, maps))
	}
	return rt.Leave(nil)
}

func extend(protocol rt.Value, t rt.Value, methods rt.Value) rt.Value {
	rt.Enter("%extend")
	if rt.Truthy(rt.Contains(protocol, kwProtocol)) {
		t2 := rt.Get2(protocol, kwImpls)
		t3 := &rt.Fn{Name: "fn", F1: func(impls rt.Value) rt.Value {
			rt.Enter("fn")
			return rt.Leave(rt.Assoc(impls, t, merge(rt.NewList(rt.Get2(impls, t), methods))))
		}}
		rt.Swap(t2, t3)
		return rt.Leave(nil)
	}
	panic(rt.Thrown(rt.ExInfo(rt.StrN("extend: ", rt.PrStr(protocol), " is not a protocol"), quoted2)))
}

func satisfiesP(protocol rt.Value, x rt.Value) rt.Value {
	rt.Enter("satisfies?")
	return rt.Leave(rt.TailCall1(somePFn, findImpl(rt.Deref(rt.Get2(protocol, kwImpls)), rt.Type(x))))
}

func makeMulti(multiName rt.Value, dispatch rt.Value, zDefault rt.Value) rt.Value {
	rt.Enter("%make-multi")
	var multi *rt.Fn
	multi = &rt.Fn{Name: "multi", FN: func(args []rt.Value) rt.Value {
		zArgs := rt.RestArgs(args, 0)
		_ = zArgs
		rt.Enter("multi")
		value := rt.Apply(dispatch, zArgs)
		table := rt.Get2(rt.Deref(multimethodTables.Get()), multi)
		if rt.Truthy(rt.Contains(table, value)) {
			return rt.Leave(rt.Apply(rt.Get2(table, value), zArgs))
		}
		if rt.Truthy(rt.Contains(table, zDefault)) {
			return rt.Leave(rt.Apply(rt.Get2(table, zDefault), zArgs))
		}
		if rt.Truthy(kwElse) {
			panic(rt.Thrown(rt.ExInfo(rt.StrN("No method in multimethod ", multiName, " for dispatch value ", rt.PrStr(value), " (first argument of type ", rt.Name(rt.Type(rt.First1(zArgs))), ")"), rt.NewMap(kwType, kwMultimethodError, kwMultimethod, multiName, kwDispatchValue, value))))
		}
		return rt.Leave(nil)
	}, HasRest: true, RestRequired: 0}
	return rt.Leave(multi)
}

func addMethod(multi rt.Value, value rt.Value, f rt.Value) rt.Value {
	rt.Enter("%add-method")
	t1 := &rt.Fn{Name: "fn", F1: func(tables rt.Value) rt.Value {
		rt.Enter("fn")
		return rt.Leave(rt.Assoc(tables, multi, rt.Assoc(rt.Get2(tables, multi), value, f)))
	}}
	rt.Swap(multimethodTables.Get(), t1)
	return rt.Leave(multi)
}

func zeroP(x rt.Value) rt.Value {
	rt.Enter("zero?")
	return rt.Leave(rt.NumEqInt(x, 0))
}

func toPoint(x rt.Value, y rt.Value) rt.Value {
	rt.Enter("->Point")
	return rt.Leave(rt.MakeRecord("user.Point", quoted3, rt.HashMap(kwX, x, kwY, y)))
}

func mapToPoint(m__2__auto rt.Value) rt.Value {
	rt.Enter("map->Point")
	return rt.Leave(rt.TailCall3(mapToRecordFn, toPointFn, quoted3, m__2__auto))
}

func area(arg7 rt.Value) rt.Value {
	rt.Enter("area")
	return rt.Leave(rt.TailCall1(protocolMethod(shape.Get(), kwArea, arg7), arg7))
}

func describe1(arg8 rt.Value) rt.Value {
	rt.Enter("describe")
	return rt.Leave(rt.TailCall1(protocolMethod(shape.Get(), kwDescribe, arg8), arg8))
}

func describe2(arg9 rt.Value, arg10 rt.Value) rt.Value {
	rt.Enter("describe")
	return rt.Leave(rt.TailCall2(protocolMethod(shape.Get(), kwDescribe, arg9), arg9, arg10))
}

func toRect(w rt.Value, h rt.Value) rt.Value {
	rt.Enter("->Rect")
	return rt.Leave(rt.MakeRecord("user.Rect", quoted4, rt.HashMap(kwW, w, kwH, h)))
}

func mapToRect(m__2__auto rt.Value) rt.Value {
	rt.Enter("map->Rect")
	return rt.Leave(rt.TailCall3(mapToRecordFn, toRectFn, quoted4, m__2__auto))
}

func toTyped(a rt.Value, b rt.Value) rt.Value {
	rt.Enter("->Typed")
	return rt.Leave(rt.MakeRecord("user.Typed", quoted5, rt.HashMap(kwA, a, kwB, b)))
}

func mapToTyped(m__2__auto rt.Value) rt.Value {
	rt.Enter("map->Typed")
	return rt.Leave(rt.TailCall3(mapToRecordFn, toTypedFn, quoted5, m__2__auto))
}
