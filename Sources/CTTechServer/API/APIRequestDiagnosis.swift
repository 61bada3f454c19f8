import CTTechAPI
import CTTechCore
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// A number in a JSON body that the field it was sent for cannot hold. Foundation's JSONDecoder reports such a number
/// (`"version": 9223372036854775808`, `"intent": 2.5`) as "not valid JSON" with no field at all; ``APIBodyDiagnosis``
/// finds it in the body and ``ErrorMiddleware/decodingProblem(_:)`` names it.
struct UnfitNumber: Error, Sendable {
    enum Kind: Sendable {
        /// Too large in size for any number the server reads (beyond a Double).
        case beyondAnyNumber
        /// A whole number beyond a 64-bit integer.
        case beyondWholeNumbers
        /// Has a fraction where, for want of any other candidate, a whole number was expected.
        case notWhole
        /// The body is valid JSON but holds several numbers that might be the one refused.
        case unknown
    }

    var kind: Kind
    var path: [any CodingKey]
}

/// Wraps the generated operations: when their decoder refuses a body as "not valid JSON", it reads the body again
/// (``FormMiddleware`` keeps API bodies as one buffer) to tell an unreadable body from a number its field cannot hold.
struct APIBodyDiagnosis: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Foundation's decoder reads some invalid UTF-8 inside strings without complaint: refuse it before any operation
        // acts on a body it only partly understood.
        if request.method == .post || request.method == .put,
            let body = try? await request.body.collect(upTo: AppRequestContext.bodyLimit(path: request.uri.path, identity: context.identity)),
            String(validating: body.readableBytesView, as: UTF8.self) == nil
        {
            throw AppError.badRequest("errors.request.invalid-utf8")
        }
        do {
            return try await next(request, context)
        } catch var error as ServerError {
            guard case .dataCorrupted(let c)? = error.underlyingError as? DecodingError, c.codingPath.isEmpty,
                let body = try? await request.body.collect(upTo: AppRequestContext.bodyLimit(path: request.uri.path, identity: context.identity)),
                let unfit = Self.unfitNumber(in: Data(body.readableBytesView))
            else { throw error }
            error.underlyingError = DecodingError.dataCorrupted(
                .init(codingPath: unfit.path, debugDescription: c.debugDescription, underlyingError: unfit))
            throw error
        }
    }

    /// The number a typed decoder would refuse: one out of range if there is any, else the only one with a fraction;
    /// `.unknown` when the body is valid JSON but no single number stands out; nil when the body is not valid JSON.
    static func unfitNumber(in data: Data) -> UnfitNumber? {
        guard let probe = try? JSONDecoder().decode(NumberProbe.self, from: data) else { return nil }
        for kind in [UnfitNumber.Kind.beyondAnyNumber, .beyondWholeNumbers] {
            if let first = probe.found.first(where: { $0.kind == kind }) { return first }
        }
        let fractions = probe.found.filter { $0.kind == .notWhole }
        if fractions.count == 1 { return fractions[0] }
        return UnfitNumber(kind: .unknown, path: [])
    }

    /// Walks any JSON value and notes every number that does not fit a 64-bit integer, with where it is.
    private struct NumberProbe: Decodable {
        var found: [UnfitNumber] = []

        init(from decoder: any Decoder) throws {
            if let object = try? decoder.container(keyedBy: AnyKey.self) {
                for key in object.allKeys { found += try object.decode(NumberProbe.self, forKey: key).found }
            } else if var list = try? decoder.unkeyedContainer() {
                while !list.isAtEnd { found += try list.decode(NumberProbe.self).found }
            } else {
                let value = try decoder.singleValueContainer()
                if value.decodeNil() || (try? value.decode(Bool.self)) != nil || (try? value.decode(String.self)) != nil { return }
                do {
                    _ = try value.decode(Int.self)
                } catch DecodingError.typeMismatch {
                    return
                } catch {
                    // A number, but not a 64-bit integer: a fraction, a whole number too large, or beyond any Double.
                    let kind: UnfitNumber.Kind
                    if let double = try? value.decode(Double.self) {
                        kind = double.rounded() == double ? .beyondWholeNumbers : .notWhole
                    } else {
                        kind = .beyondAnyNumber
                    }
                    found.append(UnfitNumber(kind: kind, path: decoder.codingPath))
                }
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Every `/api/v1` path of openapi.yaml answers a method it does not declare (GET, PUT, POST or DELETE) with 405 and
/// an `Allow` header listing the ones it does, instead of 404 as if the path did not exist. (TRACE, OPTIONS, PATCH…
/// are answered 405 before routing by ``ResponseHeadersMiddleware``.)
enum APIUndeclaredMethods {
    static let routedMethods: [HTTPRequest.Method] = [.get, .put, .post, .delete]

    static func addRoutes(to router: Router<AppRequestContext>) {
        for (path, declared) in declaredMethods() {
            var allowed = declared.map(\.rawValue)
            if declared.contains(.get) { allowed.insert("HEAD", at: 1) }
            let allow = allowed.joined(separator: ", ")
            let routerPath = RouterPath("/api/v1" + path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
            for method in routedMethods where !declared.contains(method) {
                router.on(routerPath, method: method) { request, _ in
                    let t = Localizer(Language.negotiate(acceptLanguage: request.headers[.acceptLanguage]))
                    var response = Problem.response(
                        status: .methodNotAllowed, title: t("error.title.method-not-allowed"),
                        detail: t("error.detail.method-not-allowed", ["method": request.method.rawValue, "path": path, "allow": allow]),
                        issues: [], localizer: t, instance: request.uri.path)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    /// Each path of the shipped openapi.yaml with the routed methods it declares, in the document's order.
    static func declaredMethods() -> [(path: String, methods: [HTTPRequest.Method])] {
        guard let url = APISpec.url, let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var result: [(path: String, methods: [HTTPRequest.Method])] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("components:") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                result.append((String(line.dropFirst(2).dropLast()), []))
            } else if !result.isEmpty, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                let method = HTTPRequest.Method(line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()),
                routedMethods.contains(method)
            {
                result[result.count - 1].methods.append(method)
            }
        }
        return result
    }
}
