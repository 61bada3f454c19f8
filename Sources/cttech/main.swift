print("cttech")
