/// How each kind of expression flows into its context (Go's `escape.expr`).
/// `k` says where the value goes; sub-expressions are always visited, even
/// when their value is dropped, because they may allocate.
extension EscapeAnalyzer {
    func expr(_ k0: Hole, _ n: IRNode?) {
        guard let n else { return }
        var k = k0
        // Values without pointers cannot carry an address anywhere.
        if k.derefs >= 0 && !n.type.isUntyped && !n.type.hasPointers { k.dst = blank }

        switch n.op {
        case .literal, .nilValue, .typeNode, .methodExpr:
            break

        case .name:
            // Functions and globals are not tracked: they are not on the stack.
            guard let id = n.object, n.callee == nil, objects[id].kind == .variable, objects[id].storage != .global,
                  let loc = locationOf[id] else { return }
            flow(k, loc)

        case .unary, .binary, .andAnd, .orOr:
            // Arithmetic and comparisons produce new values, not pointers to old ones.
            discard(n.x)
            discard(n.y)

        case .addr:
            // Rule: &x sends x's address: one dereference fewer.
            expr(k.addr(n, "address-of"), n.x)

        case .deref:
            // Rule: *p sends what p points to: one dereference more.
            expr(k.deref(n, "indirection"), n.x)

        case .dot, .dotInter:
            // A field is part of its struct: the struct's value flows.
            expr(k.note(n, "dot"), n.x)

        case .dotPtr:
            // p.f reads through the pointer.
            expr(k.deref(n, "dot of pointer"), n.x)

        case .dotType, .dotType2:
            expr(k.dotType(n.type, n, "dot"), n.x)

        case .index:
            if n.x?.type.isArray == true {
                // An array element is part of the array.
                expr(k.note(n, "fixed-array-index-of"), n.x)
            } else {
                // A slice element is reached through the slice's pointer.
                expr(k.deref(n, "dot of pointer"), n.x)
            }
            discard(n.y)

        case .indexMap:
            // Map contents always live on the heap; reading copies out.
            discard(n.x)
            discard(n.y)

        case .slice, .sliceArray, .sliceString:
            // A slice of s shares s's backing array.
            expr(k.note(n, "slice"), n.x)
            discard(n.low)
            discard(n.high)
            discard(n.max)

        case .conv, .convNop:
            expr(k, n.x)

        case .convIface:
            // Rule: boxing a value that is not pointer-shaped copies it into
            // a new allocation that the interface points to.
            var kk = k
            if let x = n.x, !x.type.isInterface, !x.type.isDirectInterface {
                kk = spill(k, n)
            }
            expr(kk.note(n, "interface-converted"), n.x)

        case .recv:
            discard(n.x)

        case .callFunc, .callInter, .len, .cap, .append, .copy, .recover:
            call([k], n)

        case .new:
            // Rule: new(T) allocates; where its pointer goes decides.
            _ = spill(k, n)

        case .makeSlice:
            _ = spill(k, n)
            discard(n.low)
            discard(n.high)

        case .makeChan:
            // Channels are always made on the heap by the runtime.
            discard(n.low)

        case .makeMap:
            _ = spill(k, n)
            discard(n.low)

        case .methodValue:
            // A method value is a closure holding the receiver; we do not
            // know how it will be called, so its results go to the heap.
            let closureK = spill(k, n)
            var ks: [Hole] = []
            let resultCount = n.type.signature?.results.count ?? 0
            for _ in 0..<resultCount { ks.append(heapHole()) }
            let paramK = receiverTagHole(ks, n)
            expr(teeHole([paramK, closureK]), n.x)

        case .pointerLit:
            // Rule: &T{...} allocates a T.
            expr(spill(k, n), n.x)

        case .arrayLit:
            // An array literal's elements are part of it.
            for el in n.list {
                let v = el.op == .key ? el.y : el
                expr(k.note(n, "array literal element"), v)
            }

        case .sliceLit:
            // A slice literal allocates its backing array.
            let kk = spill(k, n)
            for el in n.list {
                let v = el.op == .key ? el.y : el
                expr(kk.note(n, "slice-literal-element"), v)
            }

        case .structLit:
            for el in n.list {
                expr(k.note(n, "struct literal element"), el.y)
            }

        case .mapLit:
            // Map keys and values are always stored in the heap.
            _ = spill(k, n)
            for el in n.list {
                assignHeap(el.x, "map literal key", n)
                assignHeap(el.y, "map literal value", n)
            }

        case .closure:
            // Rule: a function literal is an allocation holding its
            // captured variables; analyse its body in place.
            let kk = spill(k, n)
            guard let f = n.function, let fi = function(f) else { return }
            pendingClosures.append((kk, n, fi.captures))
            for id in fi.captures {
                if let loc = locationOf[id], !loc.captured {
                    loc.captured = true
                    // Reassignments before the first capture, in straight-line code, do not count.
                    if loc.loopDepth == loopDepth { loc.reassigned = false }
                }
            }
            walkFunction(f)

        case .stringToBytes, .bytesToString, .stringToRunes, .runesToString, .runeToString:
            // Converting between strings and byte/rune slices copies.
            _ = spill(k, n)
            discard(n.x)

        case .addString:
            // Concatenation makes a new string; its operands never escape.
            _ = spill(k, n)
            for item in n.list { discard(item) }

        case .key, .structKey:
            expr(k, n.y)

        case .delete, .panic, .print, .println, .close:
            call([k], n)
        }
    }

    func discard(_ n: IRNode?) {
        expr(discardHole(), n)
    }

    func assignHeap(_ n: IRNode?, _ why: String, _ at: IRNode) {
        expr(heapHole().note(at, why), n)
    }
}
