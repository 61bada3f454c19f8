#!/usr/bin/env python3
"""Every module a target imports must be a dependency it declares in Package.swift.

SwiftPM lets a target import a module that only arrives transitively (NIOCore through Hummingbird, say); the build
then breaks when the dependency that brought it changes. This reads the manifest (`swift package dump-package`) and
each target's sources, and fails on any import that is neither a declared target or product, nor a system module.
Product names equal their module names for every package this project uses.
"""
import json, pathlib, re, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SYSTEM = {"Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Musl", "Testing", "XCTest", "Synchronization", "_Concurrency"}

manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, capture_output=True, check=True, text=True).stdout)
problems = []
for target in manifest["targets"]:
    if target["type"] in ("plugin", "macro", "system"):
        continue
    declared = {target["name"]}
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    default = ("Tests/" if target["type"] == "test" else "Sources/") + target["name"]
    folder = ROOT / (target.get("path") or default)
    for source in sorted(folder.rglob("*.swift")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*(?:@testable\s+|@_exported\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)", line)
            if match and match.group(1) not in declared | SYSTEM:
                problems.append(f"{source.relative_to(ROOT)}:{number}: {target['name']} imports {match.group(1)} without declaring it")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"every import of {len(manifest['targets'])} targets is declared")
