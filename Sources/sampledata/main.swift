print("sampledata: not yet")
