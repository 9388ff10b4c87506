print("bench-sim: not written yet")
