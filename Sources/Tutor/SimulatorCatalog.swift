import Simulators
import GoLite

/// Every simulator the tutor offers, by name. A new chapter adds its
/// simulator here and nowhere else.
public enum SimulatorCatalog {
    public static var all: [any Simulator.Type] { [
        AsmSimulator.self,
        FramesSimulator.self,
        GCSimulator.self,
        EscapeSimulator.self,
        StackSimulator.self,
        ArenaSimulator.self,
        WeakSimulator.self,
        GreenTeaSimulator.self,
    ] }

    public static var names: [String] { all.map { $0.info.name } }

    public static func type(named name: String) -> (any Simulator.Type)? {
        all.first { $0.info.name == name }
    }

    public static func make(_ name: String) -> (any Simulator)? {
        type(named: name).map { $0.init() }
    }
}
