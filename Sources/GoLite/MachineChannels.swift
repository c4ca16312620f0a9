/// Channels: a send or receive that cannot complete blocks the goroutine;
/// the goroutine that completes it later hands the value over directly.
extension Machine {
    func makeChan(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, size: Int, site: Int) -> Flow {
        let s = sites[site]
        let n = size >= 0 ? fr[size].intValue : 0
        if n < 0 || n > 1 << 20 { return fault(g, .makeChanSize) }
        // hchan is 96 bytes; pointer-free elements share its allocation.
        let mem = n * s.size
        var held = 0
        if mem == 0 {
            held = malloc(96, noscan: true)
        } else if s.noscan {
            held = malloc(96 + mem, noscan: true)
        } else {
            held = malloc(96, noscan: false) + malloc(mem, noscan: false)
        }
        let c = GoChan(elemSlots: s.slots, capacity: n, zero: s.zero, address: address(heap: true, size: 96))
        c.heapBytes = held
        fr[d] = .chan(c)
        return .next
    }

    private func block(_ g: Goroutine, _ reason: String) -> Flow {
        g.state = .blocked
        g.waitReason = reason
        return .stop(.blocked)
    }

    func send(_ g: Goroutine, _ ch: GoValue, values: UnsafeMutablePointer<GoValue>, n: Int) -> Flow {
        guard case .chan(let c) = ch else { return block(g, "chan send (nil chan)") }
        if c.closed { return fault(g, .sendOnClosed) }
        if !c.receivers.isEmpty {
            let r = c.receivers.removeFirst()
            if let into = r.receiveInto {
                for i in 0..<n { r.regs[into.dst + i] = values[i] }
                if into.ok >= 0 { r.regs[into.ok] = .int(1) }
            }
            r.receiveInto = nil
            makeRunnable(r)
            return .next
        }
        if c.count < c.capacity {
            c.push(UnsafePointer(values))
            return .next
        }
        g.sendValues = Array(UnsafeBufferPointer(start: values, count: n))
        c.senders.append(g)
        return block(g, "chan send")
    }

    /// Receives into absolute registers of `g` (`ok` is -1 when not wanted).
    func receive(_ g: Goroutine, _ ch: GoValue, into dst: Int, n: Int, ok: Int) -> Flow {
        guard case .chan(let c) = ch else { return block(g, "chan receive (nil chan)") }
        if c.count > 0 {
            c.pop(into: g.regs + dst)
            if ok >= 0 { g.regs[ok] = .int(1) }
            if !c.senders.isEmpty {
                let s = c.senders.removeFirst()
                c.push(s.sendValues)
                s.sendValues = []
                makeRunnable(s)
            }
            return .next
        }
        if !c.senders.isEmpty {
            let s = c.senders.removeFirst()
            for i in 0..<n where i < s.sendValues.count { g.regs[dst + i] = s.sendValues[i] }
            s.sendValues = []
            if ok >= 0 { g.regs[ok] = .int(1) }
            makeRunnable(s)
            return .next
        }
        if c.closed {
            for i in 0..<n { g.regs[dst + i] = i < c.zero.count ? c.zero[i] : .null }
            if ok >= 0 { g.regs[ok] = .int(0) }
            return .next
        }
        g.receiveInto = (dst, ok, n)
        c.receivers.append(g)
        return block(g, "chan receive")
    }

    func closeChannel(_ g: Goroutine, _ ch: GoValue) -> Flow {
        guard case .chan(let c) = ch else { return fault(g, .closeOfNil) }
        if c.closed { return fault(g, .closeOfClosed) }
        c.closed = true
        for r in c.receivers {
            if let into = r.receiveInto {
                for i in 0..<into.n { r.regs[into.dst + i] = i < c.zero.count ? c.zero[i] : .null }
                if into.ok >= 0 { r.regs[into.ok] = .int(0) }
            }
            r.receiveInto = nil
            makeRunnable(r)
        }
        c.receivers = []
        for s in c.senders {
            s.sendValues = []
            s.pendingPanic = "send on closed channel"
            makeRunnable(s)
        }
        c.senders = []
        return .next
    }
}
