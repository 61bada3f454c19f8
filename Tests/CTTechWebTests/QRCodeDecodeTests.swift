import CTTechCore
import CTTechWeb
import Foundation
import Testing

/// zbarimg (Debian package zbar-tools) on the PATH, if installed.
private let zbarimg: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/zbarimg" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// CI sets CTTECH_REQUIRE_QR_DECODER=1 and installs zbar-tools, so there a missing zbarimg fails the decode tests
/// instead of skipping them; on a developer machine without zbarimg they are skipped.
private let decoderRequired = ProcessInfo.processInfo.environment["CTTECH_REQUIRE_QR_DECODER"] == "1"

@Suite("QR codes read back with a real decoder, and their SVG is safe")
struct QRCodeDecodeTests {
    /// Byte-mode capacities for versions 1…10 of ISO/IEC 18004:2015 Table 7, per level.
    static let capacities: [QRCode.ErrorCorrection: [Int]] = [
        .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
        .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
    ]

    static let payloads = [
        "http://192.168.1.20:8080/join/7KQ4PX",
        "7KQ4PX",
        "https://cttech.example.org/live/sessions/join?code=7KQ4PX&lang=en"
            + "&return=%2Fstates%2F11111111-1111-4111-8111-111111111111%2Fround%2F42&utm_source=qr12",
        "Grüße aus Zürich – Genève, Ærøskøbing, Łódź, Αθήνα, Москва",
    ]

    // MARK: Decoding

    @Test(.enabled(if: zbarimg != nil || decoderRequired), arguments: payloads)
    func aPayloadDecodesExactly(_ payload: String) throws {
        // setup
        let decoder = try #require(zbarimg, "CTTECH_REQUIRE_QR_DECODER=1 but zbarimg is not on the PATH: install zbar-tools")
        // act
        let code = try QRCode(text: payload)
        // check
        #expect(try decode(code, with: decoder) == payload)
    }

    @Test func theLongURLIsOneHundredAndFiftyBytes() {
        #expect(Self.payloads[2].utf8.count == 150)
    }

    /// For each level and version 1…10, the shortest and the longest payload that needs that version.
    @Test(.enabled(if: zbarimg != nil || decoderRequired), arguments: QRCode.ErrorCorrection.allCases, 1...10)
    func randomPayloadsAtVersionBoundariesDecodeExactly(_ correction: QRCode.ErrorCorrection, _ version: Int) throws {
        // setup
        let decoder = try #require(zbarimg, "CTTECH_REQUIRE_QR_DECODER=1 but zbarimg is not on the PATH: install zbar-tools")
        let capacities = try #require(Self.capacities[correction])
        let shortest = version == 1 ? 1 : capacities[version - 2] + 1
        var generator = SplitMix64(seed: UInt64(version * 16 + capacities[0]))
        for length in [shortest, capacities[version - 1]] {
            let payload = String(decoding: (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }, as: UTF8.self)
            // act
            let code = try QRCode(text: payload, correction: correction)
            // check
            #expect(code.version == version, "\(length) bytes at \(correction)")
            #expect(try decode(code, with: decoder) == payload, "\(length) bytes at \(correction), mask \(code.mask)")
        }
    }

    // MARK: SVG

    @Test func theSVGEscapesItsLabel() throws {
        // setup
        let code = try QRCode(text: "7KQ4PX")
        // act
        let svg = QRCodeSVG.svg(code, label: "<script>&\"'")
        // check
        #expect(svg.contains("aria-label=\"&lt;script&gt;&amp;&quot;&#39;\""))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("style="), "the site's CSP forbids inline styles")
        #expect(svg.components(separatedBy: "<path").count == 2, "one path for all dark modules")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\"") && svg.contains("class=\"qr\"") && svg.contains("shape-rendering=\"crispEdges\""))
    }

    @Test func theSVGHasAFourModuleQuietZone() throws {
        // setup
        let code = try QRCode(text: "http://192.168.1.20:8080/join/7KQ4PX")
        let extent = code.size + 8
        // act
        let svg = QRCodeSVG.svg(code, label: "Join", moduleSize: 6)
        // check
        #expect(svg.contains("viewBox=\"0 0 \(extent) \(extent)\""))
        #expect(svg.contains("width=\"\(extent * 6)\" height=\"\(extent * 6)\""))
        #expect(svg.contains("<rect x=\"0\" y=\"0\" width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"))
    }

    /// The path, read back run by run, paints exactly the dark modules, offset by the quiet zone.
    @Test func theSVGPathPaintsExactlyTheDarkModules() throws {
        // setup
        let code = try QRCode(text: "https://cttech.example.org/join/7KQ4PX", correction: .high)
        // act
        let svg = QRCodeSVG.svg(code, label: "Join")
        // check
        let start = try #require(svg.range(of: "<path d=\""))
        let end = try #require(svg[start.upperBound...].firstIndex(of: "\""))
        var painted = Set<Int>()
        for run in svg[start.upperBound..<end].split(separator: "z") {
            let numbers = run.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            #expect(numbers.count == 5 && numbers[2] > 0 && numbers[3] == 1 && numbers[4] == -numbers[2], "run \(run)")
            guard numbers.count == 5 else { continue }
            for x in numbers[0]..<numbers[0] + numbers[2] { painted.insert((numbers[1] - 4) * code.size + x - 4) }
        }
        var dark = Set<Int>()
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x, y) { dark.insert(y * code.size + x) }
        }
        #expect(painted == dark)
    }

    // MARK: Helpers

    /// Renders `code` as a binary PBM (P4) with a four-module quiet zone at 4 pixels per module, has zbarimg read it
    /// and returns the text it decoded, or nil when it found no symbol.
    private func decode(_ code: QRCode, with decoder: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cttech-qr-\(UUID().uuidString).pbm")
        try pbm(code).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: decoder)
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private func pbm(_ code: QRCode, scale: Int = 4, quietZone: Int = 4) -> Data {
        let side = (code.size + 2 * quietZone) * scale
        let rowBytes = (side + 7) / 8
        var image = Data("P4\n\(side) \(side)\n".utf8)
        for pixelY in 0..<side {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for pixelX in 0..<side where code.isDark(pixelX / scale - quietZone, pixelY / scale - quietZone) {
                row[pixelX / 8] |= 0x80 >> UInt8(pixelX % 8)
            }
            image.append(contentsOf: row)
        }
        return image
    }
}
