import CTTechServer
import NIOCore
import PropertyBased
import Testing

@Suite("Multipart form parsing (the import upload)")
struct MultipartTests {
    @Test func fieldsAndFilesAreSeparated() throws {
        let body = ByteBuffer(
            string:
                "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n{\"a\":\r\n1}\r\n"
                + "--b--\r\n")
        let form = try FormData.parseMultipart(body, boundary: "b")
        #expect(form["_csrf"] == "token")
        #expect(form.files["file"].map { String(buffer: $0) } == "{\"a\":\r\n1}")
    }

    @Test func brokenBodiesAreRefusedNotCrashed() {
        for text in ["", "--b", "--b\r\n", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "--b\r\n\r\n\r\nx"] {
            #expect(throws: (any Error).self, "\(text.debugDescription)") { try FormData.parseMultipart(ByteBuffer(string: text), boundary: "b") }
        }
    }

    @Test func aPreambleAndNoPartsIsAnEmptyForm() throws {
        let form = try FormData.parseMultipart(ByteBuffer(string: "preamble --b-- epilogue"), boundary: "b")
        #expect(form.fields.isEmpty && form.files.isEmpty)
    }

    /// Law: any bytes at all either parse or throw; the parser never traps and never reads past the body.
    @Test func arbitraryBytesNeverCrash() async {
        let pieces = ["--b", "\r\n", "--", "Content-Disposition: form-data; name=\"f\"", "; filename=\"x\"", "\r\n\r\n", "data", "\u{0}", "é"]
        await propertyCheck(input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40)) { indices in
            let text = indices.map { pieces[$0] }.joined()
            _ = try? FormData.parseMultipart(ByteBuffer(string: text), boundary: "b")
        }
    }
}
