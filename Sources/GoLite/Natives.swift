/// The simulated `fmt` and `testing` packages. Library calls allocate what
/// the real ones would as far as lessons can see: the boxed arguments are
/// allocated by the caller (the escape analysis decides), `Sprintf` and
/// friends allocate their result string, `Errorf` its error too.
enum NativeOutcome {
    case done
    case failed
    /// Frames or the goroutine's state changed (a panic, a block, a new goroutine).
    case switched
    case stop(Stop)
}

extension Machine {
    /// Runs a library function. `args` are its argument slots (the
    /// receiver first); results go to absolute register `ret`.
    func callNative(_ g: Goroutine, _ nc: NativeCall, _ args: [GoValue], ret: Int?) -> NativeOutcome {
        func result(_ values: [GoValue]) -> NativeOutcome {
            if let ret { for (i, v) in values.enumerated() { g.regs[ret + i] = v } }
            return termination == nil ? .done : .failed
        }
        switch nc.function {
        case .print, .println:
            let text = GoFormatter(machine: self).sprint(interfaceArgs(args.first), newline: nc.function == .println)
            out.write(text)
            // fmt.Fprintln returns (n int, err error).
            return result([.int(text.utf8.count), .null])
        case .printf:
            let text = GoFormatter(machine: self).sprintf(stringBytes(args[0]), interfaceArgs(args.count > 1 ? args[1] : nil))
            out.write(text)
            return result([.int(text.utf8.count), .null])
        case .sprint, .sprintln, .sprintf:
            let f = GoFormatter(machine: self)
            let text: String
            switch nc.function {
            case .sprint: text = f.sprint(interfaceArgs(args.first), newline: false)
            case .sprintln: text = f.sprint(interfaceArgs(args.first), newline: true)
            default: text = f.sprintf(stringBytes(args[0]), interfaceArgs(args.count > 1 ? args[1] : nil))
            }
            return result([resultString(text)])
        case .errorf:
            let format = stringBytes(args[0])
            let values = interfaceArgs(args.count > 1 ? args[1] : nil)
            let text = GoFormatter(machine: self).sprintf(format.replacingW(), values)
            let wraps = format.containsWVerb
            let s = resultString(text)
            // errors.New: &errorString{s} (16 bytes); %w: &wrapError{msg, err} (32 bytes).
            let held = malloc(wraps ? 32 : 16, noscan: false)
            let b = MemBlock(copyingValues: [s])
            b.heapBytes = held
            return result([.iface(TypeRef(wraps ? exe.runtimeTypes.wrapError : exe.runtimeTypes.errorsString), b)])
        case .errorMessage:
            if case .iface(_, let b)? = args.first { return result([b.load(0)]) }
            return result([args.first ?? .null])
        default:
            return testingNative(g, nc, args, ret: ret)
        }
    }

    /// The `...any` argument as a list of interface values.
    func interfaceArgs(_ slice: GoValue?) -> [GoValue] {
        guard case .slice(let b, let off, let len, _)? = slice else { return [] }
        return (0..<Int(len)).map { b.load(Int(off) + $0) }
    }

    /// A string `fmt` builds and returns: `string(p.buf)`, one allocation of its length.
    func resultString(_ text: String) -> GoValue {
        let bytes = Array(text.utf8)
        if bytes.count > Machine.maxBlockBytes {
            tooLarge(bytes.count)
            return .string(exe.emptyString, 0, 0)
        }
        if bytes.isEmpty { return .string(exe.emptyString, 0, 0) }
        // slicebytetostring: a single byte comes from runtime.staticuint64s.
        let held = bytes.count == 1 ? 0 : malloc(bytes.count, noscan: true)
        let b = MemBlock(bytes: bytes, heapBytes: held)
        b.address = address(heap: held > 0, size: bytes.count)
        return .string(b, 0, Int32(bytes.count))
    }
}

extension Array where Element == UInt8 {
    /// `%w` prints like `%v`.
    func replacingW() -> [UInt8] {
        var out = self
        var i = 0
        while i + 1 < out.count {
            if out[i] == UInt8(ascii: "%") {
                var j = i + 1
                while j < out.count, "+-# 0123456789.*".utf8.contains(out[j]) { j += 1 }
                if j < out.count, out[j] == UInt8(ascii: "w") { out[j] = UInt8(ascii: "v") }
                if j < out.count, out[j] == UInt8(ascii: "%") { i = j + 1; continue }
                i = j + 1
                continue
            }
            i += 1
        }
        return out
    }

    var containsWVerb: Bool { replacingW() != self }
}
