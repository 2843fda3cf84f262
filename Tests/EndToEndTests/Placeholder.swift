// Tests for EndToEnd live beside this file.
import Testing
