// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mootui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mootui", targets: ["mootui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // System libraries, each with a tiny header of static-inline shims for macros.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        // Domain values and rules: no I/O, Foundation only.
        .target(name: "TradingKit"),

        // Wire format: header, SHA-1, RSA/AES, generated protobuf.
        .target(
            name: "OpenDProtocol",
            dependencies: [
                "COpenSSL",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["Protos"]
        ),

        // The client: connection, requests by serial, pushes, reconnect, limits.
        .target(
            name: "OpenDClient",
            dependencies: [
                "OpenDProtocol", "TradingKit", "MarketRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Market recordings: the file format, a recorder that never blocks its caller, the reader.
        .target(
            name: "MarketRecording",
            dependencies: [
                "OpenDProtocol", "TradingKit",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),

        // The simulated OpenD: markets, paper broker, server, ledger.
        .target(
            name: "SimGateway",
            dependencies: [
                "OpenDProtocol", "TradingKit", "MarketRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedBuiltinFiles"]
        ),

        // Cells, layout, diff, widgets, themes, keymaps, the one ncurses backend.
        .target(
            name: "TerminalUI",
            dependencies: [
                "CNcursesw",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedBuiltinFiles"]
        ),

        // Build time: Themes/ and Keymaps/ compiled into TerminalUI, Fees/ into SimGateway (one source of truth).
        .executableTarget(name: "embed-builtin-files"),
        .plugin(name: "EmbedBuiltinFiles", capability: .buildTool(), dependencies: ["embed-builtin-files"]),

        // AppState, events, reducer, effects, pane views.
        .target(
            name: "MooApp",
            dependencies: ["TradingKit", "TerminalUI"]
        ),

        .executableTarget(
            name: "mootui",
            dependencies: [
                "MooApp", "OpenDClient", "SimGateway", "TradingKit", "TerminalUI", "OpenDProtocol", "MarketRecording",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // Benchmarks print figures; they are not tests. One executable per area.
        .executableTarget(
            name: "bench-protocol",
            dependencies: [
                "OpenDProtocol", "OpenDClient", "TradingKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            path: "Benchmarks/Protocol"
        ),
        .executableTarget(
            name: "bench-sim",
            dependencies: [
                "OpenDProtocol", "OpenDClient", "SimGateway", "TradingKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/Sim"
        ),
        .target(name: "CMallocCount", path: "Benchmarks/MallocCount"),
        .executableTarget(
            name: "bench-push",
            dependencies: [
                "OpenDProtocol", "OpenDClient", "TradingKit", "CMallocCount", "MarketRecording",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Push"
        ),
        .executableTarget(
            name: "bench-terminal",
            dependencies: ["MooApp", "TerminalUI", "TradingKit"],
            path: "Benchmarks/Terminal"
        ),

        .testTarget(name: "TradingKitTests", dependencies: ["TradingKit"]),
        .testTarget(
            name: "OpenDProtocolTests",
            dependencies: [
                "OpenDProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OpenDClientTests",
            dependencies: [
                "OpenDClient", "OpenDProtocol", "TradingKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SimGatewayTests",
            dependencies: ["SimGateway", "OpenDClient", "OpenDProtocol", "TradingKit"]
        ),
        .testTarget(
            name: "MarketRecordingTests",
            dependencies: ["MarketRecording", "OpenDClient", "OpenDProtocol", "SimGateway", "TradingKit"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "MooAppTests", dependencies: ["MooApp", "TerminalUI", "TradingKit", "OpenDClient"],
            exclude: ["Snapshots"]
        ),

        // Fuzz targets (Fuzz/): Scripts/fuzz.sh builds them with libFuzzer (-sanitize=fuzzer,address
        // -D MOOTUI_FUZZ); a normal build makes each a replay tool that runs its target over files.
        .target(
            name: "FuzzSupport", path: "Fuzz/Support", swiftSettings: [.enableExperimentalFeature("Extern")]
        ),
        .executableTarget(
            name: "fuzz-frame",
            dependencies: ["FuzzSupport", "OpenDProtocol", .product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz/Frame"
        ),
        .executableTarget(
            name: "fuzz-client-push",
            dependencies: [
                "FuzzSupport", "OpenDClient", "OpenDProtocol", "TradingKit",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Fuzz/ClientPush"
        ),
        .executableTarget(
            name: "fuzz-client-response",
            dependencies: [
                "FuzzSupport", "OpenDClient", "OpenDProtocol", "TradingKit",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Fuzz/ClientResponse"
        ),
        .executableTarget(
            name: "fuzz-sim-request",
            dependencies: [
                "FuzzSupport", "SimGateway", "OpenDProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Fuzz/SimRequest"
        ),
        .executableTarget(name: "fuzz-theme", dependencies: ["FuzzSupport", "TerminalUI"], path: "Fuzz/Theme"),
        .executableTarget(name: "fuzz-keymap", dependencies: ["FuzzSupport", "MooApp", "TerminalUI"], path: "Fuzz/Keymap"),
        .executableTarget(
            name: "fuzz-settings", dependencies: ["FuzzSupport", "MooApp", "TerminalUI"], path: "Fuzz/Settings"
        ),
        .executableTarget(
            name: "fuzz-order-command", dependencies: ["FuzzSupport", "MooApp", "TradingKit"], path: "Fuzz/OrderCommand"
        ),
    ]
)
