import Testing
@testable import GoLite

/// Leaf functions that never write their parameters use the caller's
/// arguments unretained. Every way such a frame can go must empty them
/// without a release; a mistake would free a live object, which these
/// programs (and the interpreter's fuzz target, under AddressSanitizer)
/// would show as a crash or a wrong value.
@Suite struct BorrowedParametersTests {
    @Test func onlyFunctionsThatNeverWriteTheirParametersBorrow() {
        // small(v any) bool { return v.(int) < 50 }
        #expect(BorrowedParameters.allowed([
            .assertType(d: 3, a: 0, x: 0, ok: -1), .cmpIK(d: 1, a: 3, v: 50, c: .lt), .tickRet(n: 1), .ret,
        ], parameters: 1))
        // A parameter assigned to.
        #expect(!BorrowedParameters.allowed([.setInt(d: 0, v: 1), .ret], parameters: 1))
        // A call whose results land on a parameter.
        #expect(!BorrowedParameters.allowed([.call(f: 0, args: 2, ret: 1), .ret], parameters: 2))
        // An instruction whose writes are not listed: ordinary parameters.
        #expect(!BorrowedParameters.allowed([.makeSlice(d: 4, len: 2, cap: -1, site: 0), .ret], parameters: 1))
        // No parameters, nothing to borrow.
        #expect(!BorrowedParameters.allowed([.ret], parameters: 0))
    }

    @Test func theCalleeSeesTheCallersValuesAndTheCallerKeepsThem() throws {
        let run = try GoRun.main("""
        package main

        import "fmt"

        type box struct{ n int }

        func value(v any) int { return v.(*box).n }

        func name(s string, b *box) string { return s + fmt.Sprint(b.n) }

        func main() {
        	var v any = &box{n: 7}
        	b := &box{n: 3}
        	total := 0
        	for i := 0; i < 1000; i++ {
        		total += value(v)
        	}
        	s := "n="
        	for i := 0; i < 3; i++ {
        		s = name(s, b)
        	}
        	fmt.Println(total, s, v.(*box).n, b.n)
        }
        """)
        #expect(run.output == "7000 n=333 7 3\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func aPanicInsideABorrowingFrameUnwindsCleanly() throws {
        let run = try GoRun.main("""
        package main

        import "fmt"

        func asInt(v any) int { return v.(int) }

        func safe(v any) (n int, err error) {
        	defer func() {
        		if r := recover(); r != nil {
        			err = fmt.Errorf("not an int: %v", r != nil)
        		}
        	}()
        	return asInt(v), nil
        }

        func main() {
        	for i := 0; i < 100; i++ {
        		var v any = "text"
        		if i%2 == 0 {
        			v = i
        		}
        		_, err := safe(v)
        		if i == 99 {
        			fmt.Println(err)
        		}
        	}
        	var w any = []int{1}
        	fmt.Println(asInt(w))
        }
        """)
        #expect(run.output.hasPrefix("not an int: true\npanic: interface conversion: interface {} is []int, not int"))
        #expect(run.report.exitCode == 2)
    }

    /// Stopped by the step budget with borrowing frames on every
    /// goroutine's stack: the machine is torn down with them in place.
    @Test func aMachineStoppedWithBorrowingFramesOnItsStacksTearsDownCleanly() throws {
        let run = try GoRun.main("""
        package main

        type node struct{ next *node }

        func spin(n *node, s string) int {
        	k := 0
        	for {
        		k++
        	}
        	return k
        }

        func main() {
        	n := &node{next: &node{}}
        	go spin(n, "a")
        	spin(n.next, "b")
        }
        """, steps: 200_000)
        #expect(run.report.exitCode == 2)
        #expect(run.report.stopMessage != nil)
    }
}
