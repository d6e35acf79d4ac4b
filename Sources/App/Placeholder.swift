// App: see DESIGN.md
