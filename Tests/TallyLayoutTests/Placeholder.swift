// Tests for TallyLayout live beside this file.
import Testing
