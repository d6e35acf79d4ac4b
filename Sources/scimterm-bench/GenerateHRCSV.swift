import ArgumentParser
import Foundation

/// `scimterm-bench generate-csv`: a realistic HR export in the columns of Microsoft's CSV2SCIM sample.
///
/// Deterministic for a seed, with non-ASCII names, quoted fields holding commas, a manager chain and a
/// share of inactive workers, so conversion is measured on what customers really send.
struct GenerateHRCSV: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-csv", abstract: "Write a synthetic HR CSV.")

    @Option(help: "Number of worker rows.") var rows: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(name: [.customShort("o"), .long], help: "Output file (default stdout).") var output: String?

    func run() throws {
        var generator = HRRowGenerator(seed: seed)
        var text = HRRowGenerator.header + "\r\n"
        text.reserveCapacity(rows * 220)
        for i in 0..<rows { text += generator.row(index: i) + "\r\n" }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// SplitMix64: tiny, fast and the same on every platform, so generated files are reproducible.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}

struct HRRowGenerator {
    static let header = "WorkerID,WorkerStatus,WorkerType,UserID,FirstName,LastName,FullName,GenderPronoun,ManagerID,HireDate,"
        + "OnLeave,Department,Division,CostCenter,Company,Location,JobTitle,StreetAddress,City,CountryCode,OfficePhone,"
        + "Custom01,Custom02,ZipCode"

    static let firstNames = ["Zoë", "José", "Björn", "Łukasz", "Ngọc Anh", "Søren", "Chloé", "François", "Øyvind", "Ana",
                             "Siobhán", "Ömer", "Dvořák", "Aisha", "Mateo", "Yuki", "Priya", "Jürgen", "Inés", "Talya", "美咲", "Олег"]
    static let lastNames = ["Müller", "García", "O'Brien", "Nowak", "Nguyễn", "Ångström", "Fadiman", "Kowalczyk", "Smith",
                            "Søndergaard", "Yılmaz", "Fernández", "Kim", "Jensen", "田中", "Петров", "de la Cruz", "Fleeta"]
    static let departments = ["Sales", "Product Engineering", "Finance", "Human Resources", "Legal", "Operations", "Marketing"]
    static let divisions = ["Electronics", "Food", "Media", "Retail", "Services"]
    static let companies = ["Woodgrove", "Fabrikam", "Contoso", "Tailspin"]
    static let locations = ["Europe", "Asia Pacific", "North America", "Latin America"]
    static let titles = ["Sales Executive", "Project Manager", "Software Developer", "Vice President", "Accountant", "Analyst"]
    static let streets = ["303 Mansion Ct", "101 Woodgrove Way", "12 Rue de l'Église", "7 Hauptstraße, Haus B", "1 Main St, Suite 5"]
    static let cities = ["Chicago", "Frankfurt", "München", "São Paulo", "Kraków", "Zürich", "Tokyo"]
    static let countries = ["US", "DE", "UK", "BR", "PL", "CH", "JP"]
    static let pronouns = ["HE/HIM", "SHE/HER", "THEY/THEM"]

    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(state: seed) }

    mutating func row(index: Int) -> String {
        let id = 100_000 + index
        let first = random.pick(Self.firstNames), last = random.pick(Self.lastNames)
        let manager = index == 0 ? "" : String(100_000 + Int(random.next() % UInt64(min(index, 500))))
        let fields: [String] = [
            String(id), random.chance(10) ? "Inactive" : "Active", random.chance(20) ? "Contractor" : "Employee",
            "EMP\(id)", first, last, "\(last), \(first)", random.pick(Self.pronouns), manager,
            "20\(10 + random.next() % 15)-0\(1 + random.next() % 9)-1\(random.next() % 9)", random.chance(5) ? "True" : "False",
            random.pick(Self.departments), random.pick(Self.divisions), "CC\(3000 + random.next() % 3000)",
            random.pick(Self.companies), random.pick(Self.locations), random.pick(Self.titles), random.pick(Self.streets),
            random.pick(Self.cities), random.pick(Self.countries), "259-915-\(1000 + random.next() % 9000)",
            "T\(1000 + random.next() % 100)", random.chance(50) ? "" : "BTK\(random.next() % 100)", String(10_000 + random.next() % 89_999),
        ]
        return fields.map(Self.quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
