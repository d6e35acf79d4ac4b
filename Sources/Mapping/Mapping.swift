/// The tenant's own attribute mapping: Entra's expression language (Expression/) and the job's
/// synchronizationSchema (Schema/). Foundation-only like SCIM, so the CLI, the TUI and the emulator
/// all compute what Entra will set with the same code.
public enum Mapping {}
