print("stage1")
