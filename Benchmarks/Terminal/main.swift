print("bench-terminal: not written yet")
