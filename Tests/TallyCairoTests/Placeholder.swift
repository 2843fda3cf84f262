// Tests for TallyCairo live beside this file.
import Testing
