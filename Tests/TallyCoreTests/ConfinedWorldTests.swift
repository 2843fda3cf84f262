import Foundation
import Testing

@testable import TallyCore

/// `ConfinedWorld` and `LocalWorld.resolvedPath` on a real folder: `..`, links, dangling links, missing tails.
@Suite struct ConfinedWorldTests {
    /// A fresh folder with `root/inside.txt`, `outside.txt` beside `root`, and links inside `root`.
    static func fixture() throws -> (base: String, root: String) {
        let base = NSTemporaryDirectory() + "tally-confined-" + UUID().uuidString
        let root = base + "/root"
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try "in".write(toFile: root + "/inside.txt", atomically: true, encoding: .utf8)
        try "out".write(toFile: base + "/outside.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/escape", withDestinationPath: base)
        try FileManager.default.createSymbolicLink(atPath: root + "/fine", withDestinationPath: root + "/sub")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: base + "/nowhere/file")
        return (base, root)
    }

    @Test func resolvesLinksAndDotDotPhysically() throws {
        let (base, root) = try Self.fixture()
        let world = LocalWorld()
        let real = world.resolvedPath(base)
        #expect(world.resolvedPath(root + "/sub/../inside.txt") == real + "/root/inside.txt")
        #expect(world.resolvedPath(root + "/escape/outside.txt") == real + "/outside.txt")
        // `..` after a link is the link target's parent, as the kernel sees it.
        #expect(world.resolvedPath(root + "/fine/../inside.txt") == real + "/root/inside.txt")
        #expect(world.resolvedPath(root + "/new/dir/file.pdf") == real + "/root/new/dir/file.pdf")
        #expect(world.resolvedPath(root + "/dangling") == real + "/nowhere/file")
    }

    @Test func refusesEveryEscape() throws {
        let (base, root) = try Self.fixture()
        let world = try ConfinedWorld(LocalWorld(), root: root)
        #expect(try world.readFile(root + "/inside.txt") == Array("in".utf8))
        #expect(world.fileExists(root + "/fine/../inside.txt"))
        for path in [base + "/outside.txt", root + "/../outside.txt", root + "/escape/outside.txt", root + "/dangling"] {
            #expect(throws: WorldError.self, "\(path)") { try world.readFile(path) }
            #expect(!world.fileExists(path))
            #expect(world.escape(path)?.reason.contains("outside the root '\(root)'") == true)
        }
        #expect(throws: WorldError.self) { try world.writeFileAtomically([1], to: root + "/escape/written.txt") }
        #expect(throws: WorldError.self) { try world.createDirectories(root + "/escape/new") }
        #expect(!FileManager.default.fileExists(atPath: base + "/written.txt") && !FileManager.default.fileExists(atPath: base + "/new"))
        try world.writeFileAtomically([1], to: root + "/new.txt")
        #expect(FileManager.default.fileExists(atPath: root + "/new.txt"))
        #expect(throws: WorldError.self) { try ConfinedWorld(LocalWorld(), root: base + "/missing") }
    }

    @Test func byteSizesParseAndPrint() {
        #expect(ByteSize.parse("512M") == 512 << 20)
        #expect(ByteSize.parse("2G") == 2 << 30)
        #expect(ByteSize.parse("1.5GB") == 3 << 29)
        #expect(ByteSize.parse("800MiB") == 800 << 20)
        #expect(ByteSize.parse("4096") == 4096)
        #expect(ByteSize.parse("lots") == nil && ByteSize.parse("-1G") == nil && ByteSize.parse("") == nil && ByteSize.parse("1e30") == nil)
        #expect(ByteSize.describe(2 << 30) == "2 GiB")
        #expect(ByteSize.describe(1536) == "1.5 KiB")
        #expect(ByteSize.describe(300) == "300 bytes")
    }
}
