// Stage 4: placeholder
print("stage4")
