#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in points (1/72 inch), origin top-left, y growing downwards.
public struct Point: Sendable, Hashable, Codable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position (downwards).
    public var y: Double
    /// Creates a point.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
    /// The origin.
    public static let zero = Point(0, 0)
}

/// A width and height in points.
public struct Size: Sendable, Hashable, Codable {
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double
    /// Creates a size.
    public init(_ width: Double, _ height: Double) {
        self.width = width
        self.height = height
    }
    /// ISO A4 portrait, 595 × 842 pt.
    public static let a4 = Size(595.276, 841.89)
    /// US Letter portrait, 612 × 792 pt.
    public static let letter = Size(612, 792)
}

/// An axis-aligned rectangle.
public struct Rect: Sendable, Hashable, Codable {
    /// Top-left corner.
    public var origin: Point
    /// Extent.
    public var size: Size
    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x, y)
        size = Size(width, height)
    }
    /// Left edge.
    public var minX: Double { origin.x }
    /// Top edge.
    public var minY: Double { origin.y }
    /// Right edge.
    public var maxX: Double { origin.x + size.width }
    /// Bottom edge.
    public var maxY: Double { origin.y + size.height }
    /// Width.
    public var width: Double { size.width }
    /// Height.
    public var height: Double { size.height }
    /// Horizontal centre.
    public var midX: Double { origin.x + size.width / 2 }
    /// Vertical centre.
    public var midY: Double { origin.y + size.height / 2 }
    /// The rectangle shrunk by the given insets.
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: minX + left, y: minY + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }
    /// True when `other` lies within this rectangle (with a small tolerance for rounding).
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance && other.maxX <= maxX + tolerance
            && other.maxY <= maxY + tolerance
    }
    /// The rectangle moved by (dx, dy).
    public func offsetBy(_ dx: Double, _ dy: Double) -> Rect { Rect(x: minX + dx, y: minY + dy, width: width, height: height) }
}

/// An sRGB colour with alpha, components in 0…1.
public struct Color: Sendable, Hashable, Codable {
    /// Red.
    public var red: Double
    /// Green.
    public var green: Double
    /// Blue.
    public var blue: Double
    /// Opacity.
    public var alpha: Double

    /// Creates a colour from components in 0…1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates a colour from `0xRRGGBB`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
            blue: Double(hex & 0xff) / 255, alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// WCAG relative luminance.
    public var relativeLuminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG contrast ratio between two opaque colours (1…21).
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double {
        let la = a.relativeLuminance, lb = b.relativeLuminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `#rrggbb` (alpha dropped), for dumps and SVG.
    public var hexString: String {
        func two(_ c: Double) -> String {
            let v = Int((max(0, min(1, c)) * 255).rounded())
            let s = String(v, radix: 16)
            return v < 16 ? "0" + s : s
        }
        return "#" + two(red) + two(green) + two(blue)
    }

    /// Black.
    public static let black = Color(hex: 0x000000)
    /// White.
    public static let white = Color(hex: 0xffffff)
}

