import CTTechCore
import CTTechStore
import Foundation
import Hummingbird
import NIOCore

/// Fields of a URL-encoded form. Repeated keys keep their last value; invalid UTF-8 or percent-escapes are refused.
public struct FormData: Sendable {
    public private(set) var fields: [String: String] = [:]
    /// Uploaded files of a `multipart/form-data` form, by field name.
    public private(set) var files: [String: ByteBuffer] = [:]

    public init() {}

    public init(_ fields: [String: String]) {
        self.fields = fields
    }

    public subscript(_ key: String) -> String? { fields[key] }

    /// Parses `application/x-www-form-urlencoded`.
    public static func parse(_ buffer: ByteBuffer) throws -> FormData {
        let bytes = Array(buffer.readableBytesView)
        var result: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(Array(parts[0]))
            let value = parts.count > 1 ? try decode(Array(parts[1])) : ""
            result[key] = value
        }
        return FormData(result)
    }

    /// Parses `multipart/form-data` (RFC 7578): text parts become fields (UTF-8 required), parts with a filename become files.
    public static func parseMultipart(_ buffer: ByteBuffer, boundary: String) throws -> FormData {
        let body = Array(buffer.readableBytesView)
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var position = 0
        guard let first = find(delimiter, in: body, from: 0) else { throw AppError.badRequest("errors.request.multipart-invalid") }
        position = first + delimiter.count
        while position + 2 <= body.count {
            if body[position] == UInt8(ascii: "-") && body[position + 1] == UInt8(ascii: "-") { return form }
            guard body[position] == 13, body[position + 1] == 10 else { throw AppError.badRequest("errors.request.multipart-invalid") }
            position += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position),
                let next = find([13, 10] + delimiter, in: body, from: headerEnd + 4),
                let headers = String(validating: body[position..<headerEnd], as: UTF8.self)
            else { throw AppError.badRequest("errors.request.multipart-invalid") }
            let content = Array(body[(headerEnd + 4)..<next])
            let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") } ?? ""
            guard let name = parameter("name", in: String(disposition)) else { throw AppError.badRequest("errors.request.part-unnamed") }
            if parameter("filename", in: String(disposition)) != nil {
                form.files[name] = ByteBuffer(bytes: content)
            } else {
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw AppError.badRequest("errors.request.invalid-utf8")
                }
                form.fields[name] = text
            }
            position = next + 2 + delimiter.count
        }
        throw AppError.badRequest("errors.request.upload-unterminated")
    }

    /// A `key=value` parameter of a header such as `multipart/form-data; boundary=…` (quotes removed).
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func decode(_ bytes: [UInt8]) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    throw AppError.badRequest("errors.request.percent-escape")
                }
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw AppError.badRequest("errors.request.invalid-utf8")
        }
        return text
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
