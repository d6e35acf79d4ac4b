// Emulator: see DESIGN.md
