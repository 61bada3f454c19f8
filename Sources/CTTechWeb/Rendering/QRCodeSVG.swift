import CTTechCore

/// Draws a ``QRCode`` as a standalone SVG image: a white square with the four-module quiet zone that
/// ISO/IEC 18004:2015 requires around the symbol, and every dark module in one black path.
///
/// The drawing uses presentation attributes only (no `style` attribute), so it passes the site's content security
/// policy whether it is served as a file or placed inline in a page.
public enum QRCodeSVG {
    /// The light margin on each side, in modules.
    static let quietZone = 4

    /// The SVG markup of `code`, `moduleSize` pixels per module (at least 1), announced to assistive technology as an
    /// image named `label`.
    ///
    /// Coordinates are in modules (the `viewBox` is size + 8 modules square, quiet zone included); each horizontal run
    /// of dark modules in a row becomes one `M x y h n v1 h-n z` subpath.
    public static func svg(_ code: QRCode, label: String, moduleSize: Int = 8) -> String {
        let extent = code.size + 2 * quietZone
        let pixels = extent * max(1, moduleSize)
        var path = ""
        path.reserveCapacity(code.size * code.size)
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code.isDark(x, y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < code.size, code.isDark(x, y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(extent) \(extent)\" width=\"\(pixels)\" height=\"\(pixels)\""
            + " role=\"img\" aria-label=\"\(escaped(label))\" class=\"qr\">"
            + "<rect x=\"0\" y=\"0\" width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"
            + "<path d=\"\(path)\" fill=\"#000\" shape-rendering=\"crispEdges\"/></svg>"
    }

    /// `text` safe inside an XML attribute value or element content; control characters, which XML 1.0 does not allow,
    /// become spaces.
    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if let ascii = character.asciiValue, ascii < 0x20 || ascii == 0x7F {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
