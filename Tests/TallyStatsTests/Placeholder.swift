// Tests for TallyStats live beside this file.
import Testing
