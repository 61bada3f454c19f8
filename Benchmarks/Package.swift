// swift-tools-version:6.1
// Benchmarks live in their own package so that `swift test` never builds them. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "cttech-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "cttech", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RegisterBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CTTechCore", package: "cttech"),
            ],
            path: "Benchmarks/RegisterBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CapabilityBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CTTechCore", package: "cttech"),
            ],
            path: "Benchmarks/CapabilityBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
