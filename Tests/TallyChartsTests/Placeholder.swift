// Tests for TallyCharts live beside this file.
import Testing
