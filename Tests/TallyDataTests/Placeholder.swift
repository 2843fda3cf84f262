// Tests for TallyData live beside this file.
import Testing
