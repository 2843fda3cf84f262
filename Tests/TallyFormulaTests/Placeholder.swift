// Tests for TallyFormula live beside this file.
import Testing
