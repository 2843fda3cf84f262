// Tests for TallyGraphics live beside this file.
import Testing
