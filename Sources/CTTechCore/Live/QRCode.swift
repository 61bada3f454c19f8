/// A QR Code symbol (Model 2, ISO/IEC 18004:2015) holding a payload in byte mode.
///
/// The encoder picks the smallest version (1…40) whose byte-mode capacity at the requested error-correction level
/// holds the payload, adds Reed–Solomon error correction over GF(2⁸) (§7.5), interleaves the blocks (§7.6), places the
/// codewords around the function patterns (§7.7) and applies whichever of the eight data masks scores the lowest
/// penalty (§7.8). Read the result module by module with ``isDark(_:_:)``; the quiet zone is left to the renderer.
public struct QRCode: Sendable, Hashable {
    /// The error-correction level (ISO/IEC 18004:2015 §7.5.1): the share of codewords that can be restored.
    public enum ErrorCorrection: Sendable, CaseIterable {
        /// Level L: about 7 % of the codewords can be restored.
        case low
        /// Level M: about 15 % of the codewords can be restored.
        case medium
        /// Level Q: about 25 % of the codewords can be restored.
        case quartile
        /// Level H: about 30 % of the codewords can be restored.
        case high
    }

    /// The payload does not fit even a version 40 symbol at the requested error-correction level.
    public struct TooLong: Error, Sendable, Hashable {
        /// The number of payload bytes that were offered.
        public let byteCount: Int
    }

    /// The number of modules on each side: 4 × version + 17.
    public let size: Int
    /// The symbol version, 1…40.
    public let version: Int
    /// The data mask pattern reference applied, 0…7 (ISO/IEC 18004:2015 §7.8.2, Table 10).
    public let mask: Int
    /// The error-correction level the symbol was encoded with.
    public let correction: ErrorCorrection
    /// The modules row by row, `true` for dark.
    private let modules: [Bool]

    /// Encodes `bytes` in byte mode in the smallest version that holds them at the given error-correction level.
    ///
    /// - Throws: ``TooLong`` when the bytes exceed the capacity of version 40 at that level.
    public init(bytes: [UInt8], correction: ErrorCorrection = .medium) throws(TooLong) {
        guard let version = (1...40).first(where: { Self.byteCapacity(version: $0, correction: correction) >= bytes.count }) else {
            throw TooLong(byteCount: bytes.count)
        }
        let data = Self.dataCodewords(bytes, version: version, correction: correction)
        var canvas = Canvas(version: version)
        canvas.drawFunctionPatterns()
        canvas.place(Self.finalCodewords(data, version: version, correction: correction))
        var chosen = (mask: 0, canvas: canvas.masked(0, formatBits: Self.formatBits(correction, mask: 0)))
        var lowestPenalty = chosen.canvas.penalty()
        for mask in 1..<8 {
            let candidate = canvas.masked(mask, formatBits: Self.formatBits(correction, mask: mask))
            let penalty = candidate.penalty()
            if penalty < lowestPenalty {
                chosen = (mask, candidate)
                lowestPenalty = penalty
            }
        }
        self.version = version
        self.size = canvas.size
        self.mask = chosen.mask
        self.correction = correction
        self.modules = chosen.canvas.dark
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode; see ``init(bytes:correction:)``.
    ///
    /// - Throws: ``TooLong`` when the text's UTF-8 form exceeds the capacity of version 40 at that level.
    public init(text: String, correction: ErrorCorrection = .medium) throws(TooLong) {
        try self.init(bytes: Array(text.utf8), correction: correction)
    }

    /// Whether the module in column `x` and row `y` (both 0-based from the top-left corner) is dark. Coordinates
    /// outside the symbol are light, as the quiet zone around it is.
    public func isDark(_ x: Int, _ y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}

// MARK: - Capacity and codewords

extension QRCode {
    /// The largest payload, in bytes, that byte mode fits in `version` at `correction`.
    static func byteCapacity(version: Int, correction: ErrorCorrection) -> Int {
        let bits = dataCodewordCount(version: version, correction: correction) * 8 - 4 - characterCountBits(version: version)
        return max(0, bits / 8)
    }

    /// The width of the byte-mode character count indicator (ISO/IEC 18004:2015 Table 3): 8 bits up to version 9,
    /// 16 bits from version 10.
    static func characterCountBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The number of codewords (data and error correction) a symbol of `version` holds (ISO/IEC 18004:2015 Table 1).
    static func totalCodewordCount(version: Int) -> Int { rawDataModuleCount(version: version) / 8 }

    /// The number of data codewords at `correction` (ISO/IEC 18004:2015 Table 9).
    static func dataCodewordCount(version: Int, correction: ErrorCorrection) -> Int {
        let blocks = Tables.blockCount(version: version, correction: correction)
        return totalCodewordCount(version: version) - blocks * Tables.eccPerBlock(version: version, correction: correction)
    }

    /// The modules left for codewords and remainder bits once the function patterns, format and version information
    /// are placed.
    static func rawDataModuleCount(version: Int) -> Int {
        var count = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentCount = version / 7 + 2
            count -= (25 * alignmentCount - 10) * alignmentCount - 55
            if version >= 7 { count -= 36 }
        }
        return count
    }

    /// The data codewords: mode indicator 0100, the character count, the bytes, a terminator of up to four zero bits,
    /// zero bits to the byte boundary and the pad codewords 11101100 and 00010001 in turn (ISO/IEC 18004:2015 §7.4).
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        let capacity = dataCodewordCount(version: version, correction: correction)
        var writer = BitWriter(capacity: capacity)
        writer.append(0b0100, bits: 4)
        writer.append(bytes.count, bits: characterCountBits(version: version))
        for byte in bytes { writer.append(Int(byte), bits: 8) }
        writer.append(0, bits: min(4, capacity * 8 - writer.bitCount))
        writer.append(0, bits: (8 - writer.bitCount % 8) % 8)
        var codewords = writer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }

    /// Splits the data codewords into the version's blocks, appends each block's Reed–Solomon codewords and
    /// interleaves them: data codewords column by column, then error-correction codewords (ISO/IEC 18004:2015 §7.6).
    static func finalCodewords(_ data: [UInt8], version: Int, correction: ErrorCorrection) -> [UInt8] {
        let blockCount = Tables.blockCount(version: version, correction: correction)
        let eccLength = Tables.eccPerBlock(version: version, correction: correction)
        let total = totalCodewordCount(version: version)
        let shortBlockCount = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength
        let generator = GaloisField.generator(degree: eccLength)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortDataLength + (index < shortBlockCount ? 0 : 1)
            let block = data[start..<start + length]
            dataBlocks.append(block)
            eccBlocks.append(GaloisField.remainder(of: block, generator: generator))
            start += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<eccLength {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }

    /// The `count` Reed–Solomon error-correction codewords of one block of data codewords, over GF(2⁸) with the
    /// field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D) and the generator ∏ (x − αⁱ), i = 0…count − 1
    /// (ISO/IEC 18004:2015 §7.5.2).
    static func errorCorrectionCodewords(for data: [UInt8], count: Int) -> [UInt8] {
        GaloisField.remainder(of: data[...], generator: GaloisField.generator(degree: count))
    }

    /// The 15 format information bits: the level's two bits and the three mask bits, their BCH(15,5) check bits
    /// (generator 0x537) and the XOR mask 101010000010010 (ISO/IEC 18004:2015 §7.9.1).
    static func formatBits(_ correction: ErrorCorrection, mask: Int) -> Int {
        let levelBits =
            switch correction {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        let data = levelBits << 3 | mask
        return (data << 10 | bchRemainder(data << 10, generator: 0x537)) ^ 0x5412
    }

    /// The 18 version information bits: six version bits and their BCH(18,6) check bits (generator 0x1F25)
    /// (ISO/IEC 18004:2015 §7.10).
    static func versionBits(_ version: Int) -> Int {
        version << 12 | bchRemainder(version << 12, generator: 0x1F25)
    }

    /// The centres of the alignment patterns along either axis (ISO/IEC 18004:2015 Annex E): 6, the last at size − 7,
    /// and the rest evenly spaced between by an even step.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = 4 * version + 10
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }

    private static func bchRemainder(_ value: Int, generator: Int) -> Int {
        let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
        var remainder = value
        while remainder != 0, Int.bitWidth - remainder.leadingZeroBitCount - 1 >= degree {
            remainder ^= generator << (Int.bitWidth - remainder.leadingZeroBitCount - 1 - degree)
        }
        return remainder
    }
}

// MARK: - Private helpers

extension QRCode {
    /// Appends bit fields most significant bit first.
    private struct BitWriter {
        private(set) var bytes: [UInt8]
        private(set) var bitCount = 0

        init(capacity: Int) {
            bytes = []
            bytes.reserveCapacity(capacity)
        }

        mutating func append(_ value: Int, bits: Int) {
            for shift in stride(from: bits - 1, through: 0, by: -1) {
                if bitCount % 8 == 0 { bytes.append(0) }
                if (value >> shift) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(bitCount % 8) }
                bitCount += 1
            }
        }
    }

    /// Arithmetic in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D), with α = 2.
    private enum GaloisField {
        /// αⁱ for i = 0…254, repeated once so that a sum of two logarithms needs no reduction.
        static let exponents: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 512)
            var value = 1
            for power in 0..<255 {
                table[power] = UInt8(value)
                table[power + 255] = UInt8(value)
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            return table
        }()

        /// log_α(v) for v = 1…255 (entry 0 unused).
        static let logarithms: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for power in 0..<255 { table[Int(exponents[power])] = power }
            return table
        }()

        static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
            guard left != 0, right != 0 else { return 0 }
            return exponents[logarithms[Int(left)] + logarithms[Int(right)]]
        }

        /// The coefficients of ∏ (x − αⁱ), i = 0…degree − 1, highest power first, leading 1 omitted.
        static func generator(degree: Int) -> [UInt8] {
            var coefficients = [UInt8](repeating: 0, count: degree)
            coefficients[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                // Multiply by (x − root): shift up one power and add root times the polynomial.
                for index in 0..<degree {
                    coefficients[index] = multiply(coefficients[index], root)
                    if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
                }
                root = multiply(root, 0x02)
            }
            return coefficients
        }

        /// The remainder of data(x) · x^degree divided by the generator polynomial.
        static func remainder(of data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: generator.count)
            for byte in data {
                let factor = byte ^ result[0]
                result.removeFirst()
                result.append(0)
                guard factor != 0 else { continue }
                let logFactor = logarithms[Int(factor)]
                for index in 0..<generator.count where generator[index] != 0 {
                    result[index] ^= exponents[logarithms[Int(generator[index])] + logFactor]
                }
            }
            return result
        }
    }

    /// The block structure of each version and level (ISO/IEC 18004:2015 Table 9): the number of error-correction
    /// blocks and the error-correction codewords in each block. Index 0 of each row is version 1.
    private enum Tables {
        static func eccPerBlock(version: Int, correction: ErrorCorrection) -> Int {
            eccCodewordsPerBlock[row(correction)][version - 1]
        }

        static func blockCount(version: Int, correction: ErrorCorrection) -> Int {
            errorCorrectionBlocks[row(correction)][version - 1]
        }

        private static func row(_ correction: ErrorCorrection) -> Int {
            switch correction {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        private static let eccCodewordsPerBlock: [[Int]] = [
            [
                7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
                28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
            ],
            [
                10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
                26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
            ],
            [
                13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
                28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
            ],
            [
                17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
                30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
            ],
        ]

        private static let errorCorrectionBlocks: [[Int]] = [
            [
                1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
                8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
            ],
            [
                1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
                17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
            ],
            [
                1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
                23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
            ],
            [
                1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
                25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
            ],
        ]
    }

    /// The module grid while it is built: which modules are dark and which belong to function patterns.
    private struct Canvas {
        let version: Int
        let size: Int
        var dark: [Bool]
        var isFunction: [Bool]

        init(version: Int) {
            self.version = version
            size = 4 * version + 17
            dark = [Bool](repeating: false, count: size * size)
            isFunction = dark
        }

        mutating func setFunction(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            isFunction[y * size + x] = true
        }

        /// Finder patterns with their separators, timing patterns, alignment patterns, the dark module and the
        /// version information (the function patterns of ISO/IEC 18004:2015); the format information areas are reserved.
        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                setFunction(6, index, index % 2 == 0)
                setFunction(index, 6, index % 2 == 0)
            }
            drawFinder(centreX: 3, centreY: 3)
            drawFinder(centreX: size - 4, centreY: 3)
            drawFinder(centreX: 3, centreY: size - 4)
            let centres = QRCode.alignmentCentres(version: version)
            for (row, centreY) in centres.enumerated() {
                for (column, centreX) in centres.enumerated() {
                    let overlapsFinder =
                        (row == 0 && column == 0) || (row == 0 && column == centres.count - 1) || (row == centres.count - 1 && column == 0)
                    if !overlapsFinder { drawAlignment(centreX: centreX, centreY: centreY) }
                }
            }
            // Reserve the format information areas now; the bits are written once the mask is known.
            drawFormatInformation(0)
            drawVersionInformation()
        }

        /// A 7 × 7 finder pattern with its light separator, clipped to the symbol.
        private mutating func drawFinder(centreX: Int, centreY: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centreX + dx
                    let y = centreY + dy
                    guard x >= 0, y >= 0, x < size, y < size else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x, y, ring != 2 && ring != 4)
                }
            }
        }

        private mutating func drawAlignment(centreX: Int, centreY: Int) {
            for dy in -2...2 {
                for dx in -2...2 {
                    setFunction(centreX + dx, centreY + dy, max(abs(dx), abs(dy)) != 1)
                }
            }
        }

        /// Both copies of the format information, bit 14 (most significant) first along each copy's reading order,
        /// and the dark module at (8, size − 8) (ISO/IEC 18004:2015 §7.9.1).
        mutating func drawFormatInformation(_ bits: Int) {
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            for index in 0...5 { setFunction(8, index, bit(index)) }
            setFunction(8, 7, bit(6))
            setFunction(8, 8, bit(7))
            setFunction(7, 8, bit(8))
            for index in 9..<15 { setFunction(14 - index, 8, bit(index)) }
            for index in 0..<8 { setFunction(size - 1 - index, 8, bit(index)) }
            for index in 8..<15 { setFunction(8, size - 15 + index, bit(index)) }
            setFunction(8, size - 8, true)
        }

        /// Both 6 × 3 copies of the version information, for versions 7 and up (ISO/IEC 18004:2015 §7.10).
        private mutating func drawVersionInformation() {
            guard version >= 7 else { return }
            let bits = QRCode.versionBits(version)
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let near = index / 3
                let far = size - 11 + index % 3
                setFunction(far, near, isDark)
                setFunction(near, far, isDark)
            }
        }

        /// Places the codewords' bits in two-module columns, zigzagging up and down from the bottom-right corner and
        /// skipping the vertical timing pattern; modules left over are remainder bits, light (ISO/IEC 18004:2015 §7.7.3).
        mutating func place(_ codewords: [UInt8]) {
            let bitCount = codewords.count * 8
            var bitIndex = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in stride(from: right, through: right - 1, by: -1) where !isFunction[y * size + x] {
                        if bitIndex < bitCount {
                            dark[y * size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                            bitIndex += 1
                        }
                    }
                }
                right -= 2
            }
        }

        /// A copy with data mask `mask` applied and the format information `formatBits` written.
        func masked(_ mask: Int, formatBits: Int) -> Canvas {
            var copy = self
            copy.applyMask(mask)
            copy.drawFormatInformation(formatBits)
            return copy
        }

        /// Inverts each data and remainder module where the mask's condition holds (ISO/IEC 18004:2015 Table 10).
        private mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] {
                    let invert =
                        switch mask {
                        case 0: (y + x) % 2 == 0
                        case 1: y % 2 == 0
                        case 2: x % 3 == 0
                        case 3: (y + x) % 3 == 0
                        case 4: (y / 2 + x / 3) % 2 == 0
                        case 5: (y * x) % 2 + (y * x) % 3 == 0
                        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
                        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
                        }
                    if invert { dark[y * size + x].toggle() }
                }
            }
        }

        /// The mask penalty score (ISO/IEC 18004:2015 §7.8.3, Table 11): N1 = 3 for each run of five same-coloured
        /// modules in a row or column plus 1 per module beyond five; N2 = 3 for each 2 × 2 block of one colour;
        /// N3 = 40 for each 1:1:3:1:1 finder-like pattern with four light modules on either side (outside the symbol
        /// counts as light); N4 = 10 for each full 5 % by which the share of dark modules departs from 50 %.
        func penalty() -> Int {
            var score = 0
            var line = [Bool](repeating: false, count: size)
            for index in 0..<size {
                for offset in 0..<size { line[offset] = dark[index * size + offset] }
                score += Self.linePenalty(line)
                for offset in 0..<size { line[offset] = dark[offset * size + index] }
                score += Self.linePenalty(line)
            }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = dark[y * size + x]
                    if dark[y * size + x + 1] == colour, dark[(y + 1) * size + x] == colour, dark[(y + 1) * size + x + 1] == colour {
                        score += 3
                    }
                }
            }
            let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
            score += abs(darkCount * 20 - dark.count * 10) / dark.count * 10
            return score
        }

        /// N1 and N3 for one row or column.
        private static func linePenalty(_ line: [Bool]) -> Int {
            var score = 0
            var runLength = 1
            for index in 1...line.count {
                if index < line.count, line[index] == line[index - 1] {
                    runLength += 1
                } else {
                    if runLength >= 5 { score += runLength - 2 }
                    runLength = 1
                }
            }
            // The last 15 modules, the newest in bit 0; modules before and after the line are light. A finder-like
            // core 1011101 sits in bits 4…10, the four modules before it in bits 11…14 and the four after in bits 0…3.
            var window = 0
            for index in 0..<line.count + 4 {
                window = (window << 1 | (index < line.count && line[index] ? 1 : 0)) & 0x7FFF
                if (window >> 4) & 0x7F == 0b101_1101, (window >> 11) & 0xF == 0 || window & 0xF == 0 { score += 40 }
            }
            return score
        }
    }
}
