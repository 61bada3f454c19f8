import Foundation
import Logging

/// Sets up process-wide logging once: JSON lines in production, plain text when asked.
public enum LoggingSetup {
    public static func bootstrap(format: String, level: String) {
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            if format == "text" {
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = parsed
                return handler
            }
            var handler = JSONLogHandler(label: label)
            handler.logLevel = parsed
            return handler
        }
    }
}
