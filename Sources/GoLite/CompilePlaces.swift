/// Places: where an addressable expression's value lives, so that it can
/// be read, written or have its address taken without copying the whole
/// value first (`s.f`, `p.x`, `a[i].name`, `m[k]`).
enum Place {
    /// Registers of the current frame.
    case reg(Int32)
    case global(Int32)
    /// Slots of the block a pointer register points into, from `offset`.
    case mem(Int32, Int32)
    /// Element `index` of a slice: slice register, index register, stride, offset in the element.
    case elem(Int32, Int32, Int32, Int32)
    /// A map entry: map register, key register, map auxiliary index.
    case mapEntry(Int32, Int32, Int32)
}

extension FunctionCompiler {
    func place(ofVariable id: ObjectID) -> Place {
        switch home(id) {
        case .reg(let r): return .reg(r)
        case .boxed(let r): return .mem(r, 0)
        case .global(let s): return .global(s)
        }
    }

    func place(_ n: IRNode) -> Place {
        switch n.op {
        case .name:
            if let id = n.object, pc.verdicts.wrappedArguments[id] == nil, objects[id].kind == .variable {
                return place(ofVariable: id)
            }
        case .deref:
            let p = expr(n.x!)
            return .mem(p, 0)
        case .dot:
            let x = n.x!
            let off = fieldOffset(x.type, n.text)
            return offset(place(x), by: off, baseType: x.type)
        case .dotPtr:
            let x = n.x!
            let p = expr(x)
            return .mem(p, Int32(fieldOffset(x.type.elem ?? .invalid, n.text)))
        case .index:
            let x = n.x!
            switch x.type.underlying {
            case .slice(let e):
                let s = expr(x)
                let i = expr(n.y!)
                return .elem(s, i, Int32(slots(e)), 0)
            case .array(let len, let e):
                let stride = slots(e)
                let base = place(x)
                if let y = n.y, y.op == .literal, let k = y.constant?.intValue {
                    return offset(base, by: k * stride, baseType: x.type)
                }
                let i = expr(n.y!)
                let el = elementAux(stride: stride, offset: 0, n: stride, length: len)
                switch base {
                case .reg(let r):
                    // An array value in registers (not addressable): read only.
                    let d = temp(stride)
                    emit(.regIndex(d: d, a: r, i: i, x: el))
                    return .reg(d)
                case .mapEntry:
                    let whole = load(base, slots(x.type), x.type)
                    let d = temp(stride)
                    emit(.regIndex(d: d, a: whole, i: i, x: el))
                    return .reg(d)
                default:
                    let (p, off) = pointer(to: base)
                    let q = temp(1)
                    emit(.arrayAddr(d: q, p: p, i: i, x: elementAux(stride: stride, offset: Int(off), n: stride, length: len)))
                    return .mem(q, 0)
                }
            default:
                break
            }
        case .indexMap:
            let m = expr(n.x!)
            let k = expr(n.y!)
            return .mapEntry(m, k, mapAux(n.x!.type))
        case .convNop where n.x.map({ slots($0.type) == slots(n.type) }) == true:
            return place(n.x!)
        default:
            break
        }
        return .reg(expr(n))
    }

    /// The same place moved `by` slots into the value (a field, a constant index).
    private func offset(_ p: Place, by off: Int, baseType: GoType) -> Place {
        let o = Int32(off)
        switch p {
        case .reg(let r): return .reg(r + o)
        case .global(let s): return .global(s + o)
        case .mem(let q, let k): return .mem(q, k + o)
        case .elem(let s, let i, let stride, let k): return .elem(s, i, stride, k + o)
        case .mapEntry:
            // Map values are not addressable: read the whole value, then the part.
            let whole = load(p, slots(baseType), baseType)
            return .reg(whole + o)
        }
    }

    /// A pointer register and offset for an addressable place.
    func pointer(to p: Place) -> (Int32, Int32) {
        switch p {
        case .mem(let q, let off): return (q, off)
        case .global(let s):
            let q = temp(1)
            emit(.addrGlobal(d: q, slot: s))
            return (q, 0)
        case .elem(let s, let i, let stride, let off):
            let q = temp(1)
            emit(.sliceAddr(d: q, s: s, i: i, x: elementAux(stride: Int(stride), offset: Int(off), n: 0, length: 0)))
            return (q, 0)
        case .reg(let r):
            // Not addressable in Go; a copy in a fresh block keeps the program running.
            let q = temp(1)
            let s = AllocSite(kind: .object, escapes: false, type: .int, zero: [], pos: .none, text: "")
            s.slots = 1
            emit(.boxRegs(d: q, s: r, site: pc.addSite(s)))
            return (q, 0)
        case .mapEntry:
            let q = temp(1)
            return (q, 0)
        }
    }

    func fieldOffset(_ structType: GoType, _ name: String) -> Int {
        guard let fields = structType.structFields, let i = fields.firstIndex(where: { $0.name == name }) else { return 0 }
        return Layout.fieldOffset(structType, i)
    }

    /// Copies the registers a place depends on, so later stores cannot change it.
    func materialize(_ p: Place) -> Place {
        switch p {
        case .reg, .global: return p
        case .mem(let q, let off):
            let t = temp(1)
            move(t, q, 1)
            return .mem(t, off)
        case .elem(let s, let i, let stride, let off):
            let t = temp(2)
            move(t, s, 1)
            move(t + 1, i, 1)
            return .elem(t, t + 1, stride, off)
        case .mapEntry(let m, let k, let x):
            let n = aux.maps[Int(x)].keySlots
            let t = temp(1 + n)
            move(t, m, 1)
            move(t + 1, k, n)
            return .mapEntry(t, t + 1, x)
        }
    }

    /// The value at a place, in registers (a variable's own when it can be).
    func load(_ p: Place, _ n: Int, _ t: GoType, into want: Int32? = nil) -> Int32 {
        switch p {
        case .reg(let r):
            if let w = want { move(w, r, n); return w }
            return r
        case .global(let s):
            let d = want ?? temp(n)
            emit(.loadGlobal(d: d, slot: s, n: Int32(n)))
            return d
        case .mem(let q, let off):
            let d = want ?? temp(n)
            if n == 0 { emit(.nilCheck(p: q)); return d }
            emit(n == 1 ? .load1(d: d, p: q, off: off) : .load(d: d, p: q, off: off, n: Int32(n)))
            return d
        case .elem(let s, let i, let stride, let off):
            let d = want ?? temp(n)
            if stride == 1 && off == 0 && n == 1 {
                emit(.sliceLoad1(d: d, s: s, i: i))
            } else {
                emit(.sliceLoad(d: d, s: s, i: i, x: elementAux(stride: Int(stride), offset: Int(off), n: n, length: 0)))
            }
            return d
        case .mapEntry(let m, let k, let x):
            let d = want ?? temp(n)
            emit(.mapLoad(d: d, m: m, k: k, x: x, ok: -1))
            return d
        }
    }

    func store(_ p: Place, _ v: Int32, _ n: Int, _ t: GoType) {
        switch p {
        case .reg(let r): move(r, v, n)
        case .global(let s): emit(.storeGlobal(slot: s, s: v, n: Int32(n)))
        case .mem(let q, let off):
            if n == 0 { emit(.nilCheck(p: q)); return }
            emit(n == 1 ? .store1(p: q, off: off, s: v) : .store(p: q, off: off, s: v, n: Int32(n)))
        case .elem(let s, let i, let stride, let off):
            if stride == 1 && off == 0 && n == 1 {
                emit(.sliceStore1(s: s, i: i, v: v))
            } else {
                emit(.sliceStore(s: s, i: i, v: v, x: elementAux(stride: Int(stride), offset: Int(off), n: n, length: 0)))
            }
        case .mapEntry(let m, let k, let x):
            emit(.mapStore(m: m, k: k, v: v, x: x))
        }
    }

    /// A register holding `&x`.
    func addressOf(_ x: IRNode) -> Int32 {
        let p = place(x)
        let (q, off) = pointer(to: p)
        if off == 0 { return q }
        let d = temp(1)
        emit(.ptrAdd(d: d, p: q, off: off))
        return d
    }

    func mapAux(_ t: GoType) -> Int32 {
        guard case .map(let k, let v) = t.underlying else { return 0 }
        aux.maps.append(MapAux(keySlots: slots(k), valueSlots: slots(v), keyType: k, valueType: v))
        return Int32(aux.maps.count - 1)
    }
}
