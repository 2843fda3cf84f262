// Tests for TallyCompose live beside this file.
import Testing
