/// Map operations: entries live in a `GoMap`; the bucket model charges
/// the allocations Go 1.19's runtime would make.
extension Machine {
    func makeMap(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, hint: Int, site: Int) -> Flow {
        let s = sites[site]
        guard let info = s.map, case .map(let kt, let vt) = s.type.underlying else { return .next }
        var h = hint >= 0 ? fr[hint].intValue : 0
        if h < 0 { h = 0 }
        mapSeed = mapSeed &* 6364136223846793005 &+ 1442695040888963407
        var shape = MapShape(info: info, seed: mapSeed)
        var held = 0
        let charge = s.kind != .staticData
        shape.make(hint: h, escapes: s.escapes, constantSmall: s.smallConstantHint) { size, noscan in
            if charge { held += self.malloc(size, noscan: noscan) }
        }
        let m = GoMap(keySlots: Layout.slots(kt), valueSlots: Layout.slots(vt), shape: shape, address: address(heap: held > 0, size: 48))
        m.heapBytes = held
        fr[d] = .map(m)
        return .next
    }

    private func key(_ fr: UnsafeMutablePointer<GoValue>, _ k: Int, _ n: Int) -> MapKey {
        MapKey(first: n > 0 ? fr[k] : .null, rest: n > 1 ? Array(UnsafeBufferPointer(start: fr + k + 1, count: n - 1)) : [])
    }

    /// Keys holding interfaces must have hashable dynamic types.
    private func unhashable(_ key: MapKey) -> String? {
        if let t = ValueEquality.uncomparableType(key.first) { return t.name }
        for v in key.rest { if let t = ValueEquality.uncomparableType(v) { return t.name } }
        return nil
    }

    func mapLoad(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, m: Int, k: Int, aux: MapAux, ok: Int) -> Flow {
        let mk = key(fr, k, aux.keySlots)
        if let bad = unhashable(mk) { return fault(g, .unhashable(bad)) }
        if case .map(let map) = fr[m], let e = map.find(mk) {
            for i in 0..<aux.valueSlots { fr[d + i] = map.values[e * aux.valueSlots + i] }
            if ok >= 0 { fr[ok] = .int(1) }
        } else {
            let z = Layout.zero(aux.valueType, emptyString: exe.emptyString)
            for i in 0..<z.count { fr[d + i] = z[i] }
            if ok >= 0 { fr[ok] = .int(0) }
        }
        return .next
    }

    func mapStore(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, m: Int, k: Int, v: Int, aux: MapAux) -> Flow {
        guard case .map(let map) = fr[m] else { return fault(g, .nilMapWrite) }
        let mk = key(fr, k, aux.keySlots)
        if let bad = unhashable(mk) { return fault(g, .unhashable(bad)) }
        if let e = map.find(mk) {
            for i in 0..<aux.valueSlots { map.values[e * aux.valueSlots + i] = fr[v + i] }
            return .next
        }
        var held = 0
        _ = map.add(mk, values: UnsafePointer(fr + v)) { size, noscan in held += self.malloc(size, noscan: noscan) }
        map.heapBytes += held
        return .next
    }

    func mapDelete(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, m: Int, k: Int, aux: MapAux) -> Flow {
        let mk = key(fr, k, aux.keySlots)
        if let bad = unhashable(mk) { return fault(g, .unhashable(bad)) }
        if case .map(let map) = fr[m] { map.remove(mk) }
        return .next
    }

    /// The next entry of a `range` over a map: `fr[it]` is the map and
    /// `fr[it+1]` the next slot to look at.
    func mapIterate(_ fr: UnsafeMutablePointer<GoValue>, it: Int, k: Int, v: Int) -> Bool {
        guard case .map(let m) = fr[it] else { return false }
        var pos = fr[it + 1].intValue
        while pos < m.used.count && !m.used[pos] { pos += 1 }
        if pos >= m.used.count { return false }
        if k >= 0 { for i in 0..<m.keySlots { fr[k + i] = m.keys[pos * m.keySlots + i] } }
        if v >= 0 { for i in 0..<m.valueSlots { fr[v + i] = m.values[pos * m.valueSlots + i] } }
        fr[it + 1] = .int(pos + 1)
        return true
    }
}
