import CCairo

/// Collects the bytes Cairo streams out, so exporters return `[UInt8]` and the caller writes atomically.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback Cairo calls with each chunk of output.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// A failure inside Cairo (out of memory, invalid state), with Cairo's own message.
public struct CairoError: Error, Sendable, CustomStringConvertible {
    /// Cairo's status text.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { "cairo: \(message)" }

    static func check(_ status: cairo_status_t) throws(CairoError) {
        if status != CAIRO_STATUS_SUCCESS {
            throw CairoError(String(cString: cairo_status_to_string(status)))
        }
    }
}
