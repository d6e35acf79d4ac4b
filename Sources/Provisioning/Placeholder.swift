// Provisioning: see DESIGN.md
