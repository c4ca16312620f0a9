/// Built-in functions and composite literals: the operations that allocate.
extension FunctionCompiler {
    func builtin(_ n: IRNode, into want: Int32?) -> Int32 {
        switch n.op {
        case .len, .cap:
            let x = n.x!
            let d = want ?? temp(1)
            if case .array(let len, _) = x.type.underlying {
                _ = expr(x)
                emit(.setInt(d: d, v: Int32(len)))
                return d
            }
            let a = expr(x)
            emit(n.op == .len ? .len(d: d, a: a) : .cap(d: d, a: a))
            return d
        case .append:
            let s = expr(n.list[0])
            let elem = n.list[0].type.elem ?? .invalid
            let site = pc.site(.append, n, type: elem, pos: n.pos)
            let d = want ?? temp(1)
            if n.isDDD {
                let t = expr(n.list[1])
                emit(.appendSlice(d: d, s: s, t: t, site: site))
                return d
            }
            let count = n.list.count - 1
            if count == 1, let r = register(ofVariable: n.list[1]) {
                // One element held in a variable: appended from its register.
                emit(.append(d: d, s: s, first: r, count: 1, site: site))
                return d
            }
            let k = slots(elem)
            let first = temp(max(1, count * k))
            for i in 0..<count { _ = expr(n.list[i + 1], into: first + Int32(i * k)) }
            emit(.append(d: d, s: s, first: first, count: Int32(count), site: site))
            return d
        case .copy:
            let dst = expr(n.x!)
            let src = expr(n.y!)
            let d = want ?? temp(1)
            emit(.copy(d: d, dst: dst, src: src, stride: Int32(slots(n.x!.type.elem ?? .byte))))
            return d
        case .delete:
            let m = expr(n.list[0])
            let k = expr(n.list[1])
            emit(.mapDelete(m: m, k: k, x: mapAux(n.list[0].type)))
            return want ?? temp(1)
        case .panic:
            let v = expr(n.x!)
            flushTicks()
            emit(.panic(a: v))
            return want ?? temp(1)
        case .print, .println:
            let (first, _) = arguments(n.list)
            aux.prints.append(PrintAux(types: n.list.map(\.type), newline: n.op == .println))
            emit(.printValues(first: first, x: Int32(aux.prints.count - 1)))
            return want ?? temp(1)
        case .close:
            let c = expr(n.x!)
            flushTicks()
            emit(.close(c: c))
            return want ?? temp(1)
        case .recover:
            let d = want ?? temp(1)
            emit(.recover(d: d))
            return d
        case .new:
            let t = n.type.elem ?? .invalid
            let d = want ?? temp(1)
            emit(.newObject(d: d, site: pc.site(.object, n, type: t, pos: n.pos)))
            return d
        case .makeSlice:
            let len = expr(n.low!)
            let cap = n.high.map { expr($0) } ?? -1
            let d = want ?? temp(1)
            let site = pc.site(.makeSlice, n, type: n.type.elem ?? .invalid, pos: n.pos)
            emit(.makeSlice(d: d, len: len, cap: cap, site: site))
            return d
        case .makeMap:
            let hint = n.low.map { expr($0) } ?? -1
            let d = want ?? temp(1)
            emit(.makeMap(d: d, hint: hint, site: mapSite(n, hint: n.low)))
            return d
        case .makeChan:
            let size = n.low.map { expr($0) } ?? -1
            let d = want ?? temp(1)
            emit(.makeChan(d: d, size: size, site: pc.site(.makeChan, n, type: n.type.elem ?? .invalid, pos: n.pos)))
            return d
        default:
            return want ?? temp(1)
        }
    }

    func mapSite(_ n: IRNode, hint: IRNode?) -> Int32 {
        let site = pc.site(.makeMap, n, type: n.type, pos: n.pos)
        if case .map(let k, let v) = n.type.underlying { pc.sites[Int(site)].map = MapTypeInfo(key: k, elem: v) }
        // makemap_small: a constant hint of at most 8 entries.
        if let h = hint, h.op == .literal, let c = h.constant?.intValue, c <= MapTypeInfo.bucketCount {
            pc.sites[Int(site)].smallConstantHint = true
        }
        return site
    }

    // MARK: - Composite literals

    func compositeLiteral(_ n: IRNode, into want: Int32?) -> Int32 {
        switch n.op {
        case .structLit, .arrayLit:
            let d = (want != nil && want! >= localsEnd) ? want! : temp(max(1, slots(n.type)))
            fillLiteral(n, into: d)
            if let w = want, w != d { move(w, d, slots(n.type)) }
            return want ?? d
        case .sliceLit:
            let elem = n.type.elem ?? .invalid
            let k = slots(elem)
            var indices: [Int] = []
            var next = 0
            for el in n.list {
                if el.op == .key, let i = el.x?.constant?.intValue { next = i }
                indices.append(next)
                next += 1
            }
            let length = (indices.max() ?? -1) + 1
            let site = pc.site(.sliceLiteral, n, type: elem, pos: n.pos)
            let d = temp(1)
            emit(.newArray(d: d, n: Int32(length), site: site))
            let el = elementAux(stride: k, offset: 0, n: k, length: 0)
            for (j, e) in n.list.enumerated() {
                let mark = nextReg
                let value = e.op == .key ? e.y! : e
                let v = expr(value)
                let i = temp(1)
                emit(.setInt(d: i, v: Int32(indices[j])))
                emit(k == 1 ? .sliceStore1(s: d, i: i, v: v) : .sliceStore(s: d, i: i, v: v, x: el))
                nextReg = mark
            }
            if let w = want { move(w, d, 1); return w }
            return d
        case .mapLit:
            let hint = temp(1)
            emit(.setInt(d: hint, v: Int32(n.list.count)))
            let d = temp(1)
            let hintNode = IRNode(.literal, n.pos, .int)
            hintNode.constant = .int(n.list.count)
            emit(.makeMap(d: d, hint: hint, site: mapSite(n, hint: hintNode)))
            let x = mapAux(n.type)
            for e in n.list {
                let mark = nextReg
                let k = expr(e.x!)
                let v = expr(e.y!)
                emit(.mapStore(m: d, k: k, v: v, x: x))
                nextReg = mark
            }
            if let w = want { move(w, d, 1); return w }
            return d
        default:
            // &T{…}: the value is built, then copied into its new block.
            let inner = n.x!
            let v = expr(inner)
            let d = want ?? temp(1)
            emit(.boxRegs(d: d, s: v, site: pc.site(.object, n, type: inner.type, pos: n.pos)))
            return d
        }
    }

    /// A struct or array literal's slots, from its zero value.
    private func fillLiteral(_ n: IRNode, into d: Int32) {
        zero(n.type, into: d)
        switch n.type.underlying {
        case .structure:
            for el in n.list {
                let off = fieldOffset(n.type, el.text)
                let mark = nextReg
                _ = expr(el.y!, into: d + Int32(off))
                nextReg = mark
            }
        case .array(_, let e):
            let k = slots(e)
            var next = 0
            for el in n.list {
                var value = el
                if el.op == .key {
                    if let i = el.x?.constant?.intValue { next = i }
                    value = el.y!
                }
                let mark = nextReg
                _ = expr(value, into: d + Int32(next * k))
                nextReg = mark
                next += 1
            }
        default:
            break
        }
    }
}
