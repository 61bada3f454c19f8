import Testing

@testable import CTTechCore

@Suite("QR Code encoder (ISO/IEC 18004)")
struct QRCodeTests {
    // MARK: Reed–Solomon, format and version information

    /// The 1-M "HELLO WORLD" example of the thonky.com QR Code tutorial: 16 data codewords, 10 EC codewords.
    @Test func reedSolomonMatchesThePublishedHelloWorldExample() {
        // setup
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        // act
        let ecc = QRCode.errorCorrectionCodewords(for: data, count: 10)
        // check
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// The format information strings of ISO/IEC 18004:2015 Annex C (also tabulated by thonky.com).
    @Test func formatInformationMatchesTheStandardTable() {
        let medium = [
            "101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000",
        ]
        for (mask, expected) in medium.enumerated() {
            #expect(bits(QRCode.formatBits(.medium, mask: mask), width: 15) == expected, "M mask \(mask)")
        }
        #expect(bits(QRCode.formatBits(.low, mask: 0), width: 15) == "111011111000100")
        #expect(bits(QRCode.formatBits(.quartile, mask: 0), width: 15) == "011010101011111")
        #expect(bits(QRCode.formatBits(.high, mask: 0), width: 15) == "001011010001001")
        #expect(bits(QRCode.formatBits(.low, mask: 7), width: 15) == "110100101110110")
        #expect(bits(QRCode.formatBits(.high, mask: 7), width: 15) == "000100000111011")
    }

    /// The version information strings of ISO/IEC 18004:2015 Annex D.
    @Test func versionInformationMatchesTheStandardTable() {
        #expect(bits(QRCode.versionBits(7), width: 18) == "000111110010010100")
        #expect(QRCode.versionBits(8) == 0x085BC)
        #expect(QRCode.versionBits(21) == 0x15683)
        #expect(QRCode.versionBits(40) == 0x28C69)
    }

    /// Alignment pattern centres of ISO/IEC 18004:2015 Annex E, including the irregular spacing of version 32.
    @Test func alignmentCentresMatchTheStandardTable() {
        #expect(QRCode.alignmentCentres(version: 1) == [])
        #expect(QRCode.alignmentCentres(version: 2) == [6, 18])
        #expect(QRCode.alignmentCentres(version: 7) == [6, 22, 38])
        #expect(QRCode.alignmentCentres(version: 14) == [6, 26, 46, 66])
        #expect(QRCode.alignmentCentres(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRCode.alignmentCentres(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRCode.alignmentCentres(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    // MARK: Data codewords and capacity

    /// Mode 0100, an 8-bit count up to version 9 and a 16-bit count from version 10, the byte, the terminator and
    /// the pad codewords 0xEC 0x11.
    @Test func byteModeHeaderUsesAnEightOrSixteenBitCount() {
        let small = QRCode.dataCodewords([0x41], version: 1, correction: .medium)
        let expected: [UInt8] = [0x40, 0x14, 0x10, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC]
        #expect(small == expected)
        let nine = QRCode.dataCodewords([0x41], version: 9, correction: .medium)
        #expect(Array(nine.prefix(5)) == [0x40, 0x14, 0x10, 0xEC, 0x11])
        let ten = QRCode.dataCodewords([0x41], version: 10, correction: .medium)
        #expect(Array(ten.prefix(5)) == [0x40, 0x00, 0x14, 0x10, 0xEC])
        #expect(ten.count == 216)
    }

    /// Byte-mode capacities of ISO/IEC 18004:2015 Table 7.
    @Test func byteCapacitiesMatchTheStandardTable() {
        let expected: [Int: [Int]] = [
            1: [17, 14, 11, 7], 2: [32, 26, 20, 14], 5: [106, 84, 60, 44], 7: [154, 122, 86, 64], 9: [230, 180, 130, 98],
            10: [271, 213, 151, 119], 20: [858, 666, 482, 382], 40: [2953, 2331, 1663, 1273],
        ]
        let levels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]
        for (version, capacities) in expected {
            #expect(levels.map { QRCode.byteCapacity(version: version, correction: $0) } == capacities, "version \(version)")
        }
    }

    @Test func theSmallestVersionThatFitsIsChosen() throws {
        #expect(try QRCode(bytes: [], correction: .medium).version == 1)
        #expect(try QRCode(bytes: bytes(14), correction: .medium).version == 1)
        #expect(try QRCode(bytes: bytes(15), correction: .medium).version == 2)
        #expect(try QRCode(bytes: bytes(180), correction: .medium).version == 9)
        #expect(try QRCode(bytes: bytes(181), correction: .medium).version == 10)
        #expect(try QRCode(bytes: bytes(213), correction: .medium).version == 10)
        #expect(try QRCode(bytes: bytes(214), correction: .medium).version == 11)
        #expect(try QRCode(bytes: bytes(17), correction: .low).version == 1)
        #expect(try QRCode(bytes: bytes(8), correction: .high).version == 2)
        #expect(try QRCode(bytes: bytes(2953), correction: .low).version == 40)
        #expect(try QRCode(text: "7KQ4PX").version == 1)
    }

    @Test func tooManyBytesThrowTooLong() {
        #expect(throws: QRCode.TooLong(byteCount: 2954)) { try QRCode(bytes: bytes(2954), correction: .low) }
        #expect(throws: QRCode.TooLong(byteCount: 2332)) { try QRCode(bytes: bytes(2332), correction: .medium) }
        #expect(throws: QRCode.TooLong(byteCount: 1274)) { try QRCode(bytes: bytes(1274), correction: .high) }
    }

    // MARK: Structure

    @Test(arguments: [1, 2, 6, 7, 10, 14, 40])
    func functionPatternsAreInPlace(version: Int) throws {
        // setup
        let count = QRCode.byteCapacity(version: version, correction: .medium)
        // act
        let code = try QRCode(bytes: bytes(count), correction: .medium)
        // check
        #expect(code.version == version)
        #expect(code.size == 4 * version + 17)
        let last = code.size - 1
        for (left, top) in [(0, 0), (last - 6, 0), (0, last - 6)] {
            #expect(hasFinder(code, left: left, top: top), "finder at (\(left), \(top))")
        }
        #expect(!hasFinder(code, left: last - 6, top: last - 6))
        for index in 8...(last - 8) {
            #expect(code.isDark(index, 6) == index.isMultiple(of: 2), "horizontal timing at \(index)")
            #expect(code.isDark(6, index) == index.isMultiple(of: 2), "vertical timing at \(index)")
        }
        #expect(code.isDark(8, 4 * version + 9), "dark module")
        if version >= 2 {
            // The bottom-right alignment pattern: dark centre, light ring, dark border.
            let centre = last - 6
            #expect(code.isDark(centre, centre))
            #expect(!code.isDark(centre + 1, centre) && !code.isDark(centre, centre - 1))
            #expect(code.isDark(centre + 2, centre + 2) && code.isDark(centre - 2, centre))
        }
        if version >= 7 {
            #expect(readVersion(code, transposed: false) == QRCode.versionBits(version))
            #expect(readVersion(code, transposed: true) == QRCode.versionBits(version))
        }
        #expect(!code.isDark(-1, 0) && !code.isDark(0, code.size), "outside the symbol is light")
    }

    /// Property: for many random payloads and levels, both copies of the format information read back from the matrix
    /// are the same valid BCH codeword, naming the level and the mask the encoder reports; the version information
    /// reads back too, and encoding is deterministic.
    @Test func formatInformationReadsBackFromBothCopies() throws {
        var generator = SplitMix64(seed: 18_004)
        let levels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]
        let valid = Set(levels.flatMap { level in (0..<8).map { QRCode.formatBits(level, mask: $0) } })
        var masks = Set<Int>()
        for _ in 0..<100 {
            let level = levels[Int.random(in: 0..<4, using: &generator)]
            let count = Int.random(in: 0...160, using: &generator)
            let payload = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let code = try QRCode(bytes: payload, correction: level)
            let first = readFormat(code, copy: 0)
            let second = readFormat(code, copy: 1)
            #expect(valid.contains(first))
            #expect(first == second)
            #expect(first == QRCode.formatBits(level, mask: code.mask))
            if code.version >= 7 {
                #expect(readVersion(code, transposed: false) == QRCode.versionBits(code.version))
            }
            #expect(try QRCode(bytes: payload, correction: level) == code)
            masks.insert(code.mask)
        }
        #expect(masks.count == 8, "every mask is chosen for some payload")
    }

    // MARK: Helpers

    private func bits(_ value: Int, width: Int) -> String {
        let binary = String(value, radix: 2)
        return String(repeating: "0", count: max(0, width - binary.count)) + binary
    }

    /// Printable bytes, so the payload also makes sense to a reader of a failing test.
    private func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(0x21 + $0 % 94) }
    }

    /// A finder pattern with its top-left module at (left, top): dark ring, light ring, dark 3 × 3 core.
    private func hasFinder(_ code: QRCode, left: Int, top: Int) -> Bool {
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                if code.isDark(left + dx, top + dy) != (ring != 2) { return false }
            }
        }
        // The separator: light modules all around (those inside the symbol).
        for offset in -1...7 {
            for (x, y) in [(left + offset, top - 1), (left + offset, top + 7), (left - 1, top + offset), (left + 7, top + offset)]
            where code.isDark(x, y) {
                return false
            }
        }
        return true
    }

    /// The 15 format information bits, most significant first: copy 0 around the top-left finder, copy 1 split
    /// between the bottom-left and top-right finders (ISO/IEC 18004:2015 §7.9.1).
    private func readFormat(_ code: QRCode, copy: Int) -> Int {
        let last = code.size - 1
        let positions: [(Int, Int)]
        if copy == 0 {
            positions = (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)] + (0...5).reversed().map { (8, $0) }
        } else {
            positions = (0...6).map { (8, last - $0) } + (0...7).map { (last - 7 + $0, 8) }
        }
        return positions.reduce(0) { $0 << 1 | (code.isDark($1.0, $1.1) ? 1 : 0) }
    }

    /// The 18 version information bits, most significant first, from the block above the bottom-left finder
    /// (`transposed`) or left of the top-right finder (ISO/IEC 18004:2015 §7.10).
    private func readVersion(_ code: QRCode, transposed: Bool) -> Int {
        var value = 0
        for index in (0..<18).reversed() {
            let near = index / 3
            let far = code.size - 11 + index % 3
            let dark = transposed ? code.isDark(near, far) : code.isDark(far, near)
            value = value << 1 | (dark ? 1 : 0)
        }
        return value
    }
}
