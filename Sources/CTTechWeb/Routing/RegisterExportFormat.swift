/// The register's downloads.
public enum RegisterExportFormat: String, Hashable, Sendable, CaseIterable {
    case json, csv
}
