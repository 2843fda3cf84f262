// Tests for TallyEval live beside this file.
import Testing
