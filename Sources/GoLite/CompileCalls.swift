/// Calls, function values, `go` and `defer`. Arguments are evaluated into
/// consecutive registers (the receiver first for methods), which the
/// machine copies into the callee's parameter registers.
extension FunctionCompiler {
    func call(_ n: IRNode, into want: Int32?) -> Int32 {
        let resultSlots = slots(n.type)
        if n.op == .callInter, let sel = n.x, let recvNode = sel.x {
            let recv = expr(recvNode)
            let (args, argSlots) = arguments(n.list)
            let ret = want ?? temp(max(1, resultSlots))
            flushTicks()
            aux.calls.append(CallAux(argSlots: argSlots, resultSlots: resultSlots, method: sel.text, cache: InlineCache()))
            emit(.callIface(recv: recv, args: args, ret: ret, x: Int32(aux.calls.count - 1)))
            return ret
        }
        let callee = n.x!
        if (callee.op == .name || callee.op == .methodExpr), let c = callee.callee {
            let (args, argSlots) = arguments(n.list)
            let ret = want ?? temp(max(1, resultSlots))
            flushTicks()
            switch c {
            case .local(let f):
                emit(.call(f: Int32(f), args: args, ret: ret))
            case .external(let ext):
                guard let native = NativeFunction(ext) else {
                    pc.fail(n.pos, ext.package + "." + ext.name)
                    return ret
                }
                aux.natives.append(NativeCall(function: native, argSlots: argSlots, resultSlots: resultSlots, pos: n.pos))
                emit(.callNative(x: Int32(aux.natives.count - 1), args: args, ret: ret))
            }
            return ret
        }
        let fv = expr(callee)
        let (args, _) = arguments(n.list)
        let ret = want ?? temp(max(1, resultSlots))
        flushTicks()
        emit(.callValue(fv: fv, args: args, ret: ret))
        return ret
    }

    /// Evaluates arguments into fresh consecutive registers — or, for a
    /// single argument that is a variable in registers, uses those (the
    /// callee copies its arguments when the call starts).
    func arguments(_ list: [IRNode]) -> (Int32, Int) {
        let total = list.reduce(0) { $0 + slots($1.type) }
        if list.count == 1, let a = list.first, let id = a.object, pc.verdicts.wrappedArguments[id] == nil,
           let r = register(ofVariable: a) {
            return (r, total)
        }
        let base = temp(max(1, total))
        var off: Int32 = 0
        for a in list {
            _ = expr(a, into: base + off)
            off += Int32(slots(a.type))
        }
        return (base, total)
    }

    /// The register a variable lives in, when `n` names one: an operand
    /// read straight from there needs no copy into a temporary.
    func register(ofVariable n: IRNode) -> Int32? {
        guard n.op == .name, let id = n.object, objects[id].kind == .variable, n.callee == nil,
              case .reg(let r) = home(id) else { return nil }
        return r
    }

    // MARK: - Function values

    func closure(_ n: IRNode, into want: Int32?) -> Int32 {
        guard let f = n.function else { return want ?? temp(1) }
        let fi = pc.info.functions[f]
        let first = temp(max(1, fi.captures.count))
        var closureFields: [StructField] = [StructField(name: "F", type: .basic(.uintptr))]
        for (i, id) in fi.captures.enumerated() {
            if case .boxed(let r) = home(id) { move(first + Int32(i), r, 1) }
            let byRef = pc.verdicts.escapes(variable: id) || objects[id].type.size > 128
            closureFields.append(StructField(name: objects[id].name, type: byRef ? .pointer(objects[id].type) : objects[id].type))
        }
        let d = want ?? temp(1)
        aux.closures.append(ClosureAux(function: f, captures: fi.captures.count))
        let site = pc.site(.closure, n, type: .structure(closureFields), pos: n.pos)
        emit(.makeClosure(d: d, first: first, x: Int32(aux.closures.count - 1), site: site))
        return d
    }

    func methodValue(_ n: IRNode, into want: Int32?) -> Int32 {
        let recvNode = n.x!
        let recv = expr(recvNode)
        var function: Int? = nil
        if let c = n.callee { function = pc.functionValue(c).function }
        aux.methodValues.append(MethodValueAux(function: function, receiverSlots: slots(recvNode.type), method: n.text))
        let closureType = GoType.structure([StructField(name: "F", type: .basic(.uintptr)), StructField(name: "R", type: recvNode.type)])
        let site = pc.site(.methodValue, n, type: closureType, pos: n.pos)
        let d = want ?? temp(1)
        emit(.methodValue(d: d, recv: recv, x: Int32(aux.methodValues.count - 1), site: site))
        return d
    }

    // MARK: - go and defer

    /// Evaluates what is called and its arguments now; the machine calls it
    /// later (`defer`, when the function returns) or on a new goroutine (`go`).
    func deferOrGo(_ call: IRNode, isGo: Bool, pos: Pos) {
        var target: DeferredCall.Target
        var values: [IRNode] = []
        switch call.op {
        case .callFunc:
            let callee = call.x!
            if (callee.op == .name || callee.op == .methodExpr), let c = callee.callee {
                switch c {
                case .local(let f): target = .function(f)
                case .external(let ext):
                    guard let native = NativeFunction(ext) else { pc.fail(pos, ext.package + "." + ext.name); return }
                    target = .native(native)
                }
            } else {
                target = .value
                values.append(callee)
            }
            values += call.list
        case .callInter:
            guard let sel = call.x, let recv = sel.x else { return }
            target = .iface(method: sel.text, cache: InlineCache())
            values.append(recv)
            values += call.list
        case .close, .panic:
            target = .builtin(call.op)
            values.append(call.x!)
        case .print, .println, .delete:
            target = .builtin(call.op)
            values += call.list
        case .recover:
            target = .builtin(call.op)
        default:
            pc.fail(pos, isGo ? "go " + IRPrinter.string(call) : "defer " + IRPrinter.string(call))
            return
        }
        let (first, total) = arguments(values)
        var printAux: PrintAux? = nil
        if case .builtin(let op) = target, op == .print || op == .println {
            printAux = PrintAux(types: values.map(\.type), newline: op == .println)
        }
        aux.deferred.append(DeferredCall(target: target, argSlots: total, pos: pos, print: printAux))
        let x = Int32(aux.deferred.count - 1)
        flushTicks()
        emit(isGo ? .goCall(x: x, first: first) : .deferCall(x: x, first: first))
    }
}

extension ProgramCompiler {
    /// The one function value of a declared function (it allocates nothing).
    func functionValue(_ c: Callee) -> FuncValue {
        switch c {
        case .local(let f):
            if let v = functionValues[f] { return v }
            let v = FuncValue(function: f)
            functionValues[f] = v
            return v
        case .external(let ext):
            guard let native = NativeFunction(ext) else { return FuncValue(function: Int.min) }
            return FuncValue(function: -1 - native.valueIndex)
        }
    }
}
