print("bench-protocol: not written yet")
