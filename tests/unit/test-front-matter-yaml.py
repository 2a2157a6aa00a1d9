#!/usr/bin/python3
# test-front-matter-yaml.py: the Markdown export read by a real YAML parser (PyYAML, as
# Jekyll's Psych and Hugo's parser would read it): hostile titles, subtitles and tags
# come back unchanged, dates are timestamps, flags are booleans.
import datetime
import json
import os
import subprocess
import sys
import tempfile

import yaml

portada = os.environ["PORTADA"]
n = 0
failures = 0


def check(name, ok, detail=""):
    global n, failures
    n += 1
    if ok:
        print(f"ok {n} {name}")
    else:
        failures += 1
        print(f"not ok {n} {name}")
        if detail:
            print("# " + str(detail).replace("\n", "\n# "))


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.startswith("---\n"), path
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end])


def run(*args):
    return subprocess.run([portada, *args], capture_output=True, text=True)


HOSTILE = [
    "Colons: everywhere: here",
    '"Quoted" and \'single\'',
    "- a leading dash",
    "# a hash",
    "yes",
    "null",
    "~",
    "---",
    "[not a list]",
    "{not: a map}",
    "&anchor *alias !tag %percent @at `tick`",
    "back\\slash",
    "tab\there",
    "unicode ñ 🚀 \u2028 line and \u2029 paragraph separators",
    "trailing space ",
    "123",
    "2024-01-01",
    "on",
]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "demo.db")
    r = run("demo", "--db", db, "--articles", "20", "--quiet")
    check("demo newsroom", r.returncode == 0, r.stderr)
    out = os.path.join(tmp, "md")
    r = run("export", "--db", db, "--out", out, "--format", "markdown", "--quiet")
    check("markdown export", r.returncode == 0, r.stderr)
    files = []
    for root, _, names in os.walk(out):
        files += [os.path.join(root, x) for x in names if x.endswith(".md")]
    check("files written", len(files) >= 20, len(files))
    bad = []
    for path in files:
        try:
            fm = front_matter(path)
            assert isinstance(fm["title"], str)
            assert isinstance(fm["url"], str) and fm["url"].startswith("/")
            assert fm["lang"] in ("en", "es")
            if os.path.basename(path) == "_index.md":
                # A section page: its name and Portada's address.
                assert isinstance(fm["section"], str) and isinstance(fm["section_path"], str)
                continue
            assert isinstance(fm["draft"], bool)
            assert isinstance(fm["comments"], bool)
            assert isinstance(fm["tags"], list) and all(isinstance(t, str) for t in fm["tags"])
            assert "date" not in fm or isinstance(fm["date"], datetime.datetime)
            assert isinstance(fm["lastmod"], datetime.datetime)
            assert fm["lang"] in ("en", "es")
        except Exception as e:  # noqa: BLE001
            bad.append(f"{path}: {e!r}")
    check("every front matter is YAML with the right types", not bad, "\n".join(bad[:5]))

    # Hostile values in, through Portada, out: the same strings for a YAML parser.
    src = os.path.join(tmp, "in")
    os.makedirs(src)
    for i, value in enumerate(HOSTILE):
        q = json.dumps(value, ensure_ascii=False)
        with open(os.path.join(src, f"post-{i}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {q}\nsubtitle: {q}\ntags: [{q}, \"plain\"]\n"
                    f"summary: {q}\nslug: post-{i}\n---\nBody {i}\n")
    db2 = os.path.join(tmp, "hostile.db")
    r = run("import", "--db", db2, "--create", "--quiet", src)
    check("hostile files imported", r.returncode == 0 and
          f"Created {len(HOSTILE)}, updated 0, skipped 0." in r.stdout, r.stdout + r.stderr)
    out2 = os.path.join(tmp, "md2")
    r = run("export", "--db", db2, "--out", out2, "--format", "markdown", "--quiet")
    check("hostile export", r.returncode == 0, r.stderr)
    wrong = []
    for i, value in enumerate(HOSTILE):
        path = os.path.join(out2, "content", "en", f"post-{i}.md")
        fm = front_matter(path)
        for key in ("title", "subtitle", "summary"):
            # Portada trims titles; every other byte is kept.
            want = value.strip() if key == "title" else value
            if fm.get(key) != want:
                wrong.append(f"{key}: {fm.get(key)!r} != {want!r}")
        if fm.get("tags") != [value.strip(), "plain"]:
            wrong.append(f"tags: {fm.get('tags')!r}")
    check("hostile strings come back the same", not wrong, "\n".join(wrong[:8]))

print(f"1..{n}")
sys.exit(1 if failures else 0)
