#!/usr/bin/env python3
"""The include-graph check (ctest entry `layers`).

A file under src/tshsync/<layer>/ (or cli/) may include only its own layer and
the layers below it, in the order ARCHITECTURE.md draws under "Who may use
whom", plus the sideways edges ARCHITECTURE.md lists under "Sideways edges".
Both are read from ARCHITECTURE.md, so the document and the check cannot
drift: a listed edge nothing uses any more fails the check too.

Usage: check_layers.py [SOURCE_DIR]   (default: the repository holding this file)
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]tshsync/([A-Za-z0-9_]+)/([^>"]+)[>"]')
ORDER_LINE = re.compile(r"^\s*util\s*<-")
EDGE_LINE = re.compile(r"^- `([a-z_]+) -> ([a-z_]+)`: \S")


def read_rules(architecture: pathlib.Path):
    """Layer -> rank (0 = util), and the set of allowed sideways (from, to) edges."""
    text = architecture.read_text(encoding="utf-8").splitlines()
    order = next((line for line in text if ORDER_LINE.match(line)), None)
    if order is None:
        sys.exit(f"{architecture}: no 'util <- core <- ...' line under 'Who may use whom'")
    rank = {}
    for level, group in enumerate(order.split("<-")):
        for name in group.split(","):
            rank[name.strip()] = level
    edges = set()
    in_section = False
    for line in text:
        if line.startswith("## "):
            in_section = line.strip() == "## Sideways edges"
        elif in_section and (m := EDGE_LINE.match(line)):
            edges.add((m.group(1), m.group(2)))
    for a, b in edges:
        for name in (a, b):
            if name not in rank:
                sys.exit(f"{architecture}: sideways edge {a} -> {b} names '{name}', which is no layer")
        if rank[a] != rank[b]:
            sys.exit(f"{architecture}: {a} -> {b} is no sideways edge: only layers of one rank may be listed")
    return rank, edges


def source_files(root: pathlib.Path):
    """(layer, path) for every C++ file the check covers."""
    for path in sorted((root / "src" / "tshsync").rglob("*")):
        if path.suffix in (".hpp", ".cpp", ".h"):
            yield path.relative_to(root / "src" / "tshsync").parts[0], path
    for path in sorted((root / "cli").rglob("*")):
        if path.suffix in (".hpp", ".cpp", ".h"):
            yield "cli", path


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    rank, edges = read_rules(root / "ARCHITECTURE.md")
    problems = []
    used_edges = set()
    for layer, path in source_files(root):
        where = path.relative_to(root)
        if layer not in rank:
            problems.append(f"{where}: layer '{layer}' is not in ARCHITECTURE.md's order")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            if target not in rank:
                problems.append(f"{where}:{number}: includes tshsync/{target}/, which is no layer")
            elif target == layer or rank[target] < rank[layer]:
                continue
            elif (layer, target) in edges:
                used_edges.add((layer, target))
            elif rank[target] > rank[layer]:
                problems.append(
                    f"{where}:{number}: {layer} includes {target}/{m.group(2)}, a layer above it; "
                    f"move the code down, or pass what it needs in from above"
                )
            else:
                problems.append(
                    f"{where}:{number}: {layer} includes {target}/{m.group(2)}, a layer beside it; "
                    f"list '{layer} -> {target}' under 'Sideways edges' in ARCHITECTURE.md with the reason, "
                    f"or move the code"
                )
    for a, b in sorted(edges - used_edges):
        problems.append(f"ARCHITECTURE.md: sideways edge {a} -> {b} is listed but no longer used; remove it")
    for p in problems:
        print(p)
    if problems:
        print(f"layers: {len(problems)} problem(s)")
        return 1
    print(f"layers: ok ({len(rank)} layers, {len(edges)} sideways edges)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
