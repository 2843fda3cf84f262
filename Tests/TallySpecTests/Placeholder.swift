// Tests for TallySpec live beside this file.
import Testing
