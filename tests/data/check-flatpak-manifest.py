#!/usr/bin/env python3
"""check-flatpak-manifest.py MANIFEST [--self-test]

Structural check of Portada's Flatpak manifest: valid JSON; the GNOME runtime and SDK
with a pinned numeric runtime-version; every module's sources pinned (archives and files
with a sha256, git with a commit); Portada's own module built with meson with its tests
run; finish-args no wider than wayland, fallback-x11, ipc, dri, the network (publishing) and
the SSH agent (sync);
libssh among the modules (the publish engine links it), libgit2 (sync links it).

With --self-test it also feeds the checker broken variants of MANIFEST and fails unless
each one is refused, so the check itself is known to bite.
"""

import copy
import json
import re
import sys

APP_ID = "io.github.portada.Portada"
# The network is for publishing (SFTP) only; files still come through the portal.
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
                       "--share=network",
                       # sync over ssh:// takes the key from the user's SSH agent
                       "--socket=ssh-auth"}
SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def check_source(module_name, source, is_app, problems):
    where = f"module {module_name}"
    if not isinstance(source, dict):
        problems.append(f"{where}: a source is not an object (external source files are not allowed)")
        return
    kind = source.get("type")
    if kind in ("archive", "file"):
        if not source.get("url", "").startswith("https://"):
            if "path" not in source:
                problems.append(f"{where}: {kind} source without an https url")
        if not SHA256.match(source.get("sha256", "")):
            problems.append(f"{where}: {kind} source {source.get('url', source.get('path'))} has no sha256")
    elif kind == "git":
        if not COMMIT.match(source.get("commit", "")):
            problems.append(f"{where}: git source {source.get('url')} is not pinned to a commit")
    elif kind == "dir":
        if not is_app:
            problems.append(f"{where}: a dir source is only for Portada's own module")
    elif kind in ("patch", "shell", "script"):
        pass
    else:
        problems.append(f"{where}: source type {kind!r} is not allowed")


def check_modules(modules, problems, app_seen):
    for module in modules:
        if not isinstance(module, dict):
            problems.append(f"module {module!r}: external module files are not allowed")
            continue
        name = module.get("name", "?")
        is_app = name == "portada"
        if is_app:
            app_seen.append(module)
        sources = module.get("sources", [])
        if not sources:
            problems.append(f"module {name}: no sources")
        for source in sources:
            check_source(name, source, is_app, problems)
        build_args = module.get("build-options", {}).get("build-args", [])
        if "--share=network" in build_args:
            problems.append(f"module {name}: builds with network access")
        check_modules(module.get("modules", []), problems, app_seen)


def check(manifest):
    problems = []
    if not isinstance(manifest, dict):
        return ["the manifest is not a JSON object"]
    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        problems.append(f"id is {app_id!r}, not {APP_ID}")
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime is {manifest.get('runtime')!r}, not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk is {manifest.get('sdk')!r}, not org.gnome.Sdk")
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not re.match(r"^[0-9]+$", version):
        problems.append(f"runtime-version {version!r} is not a pinned stable GNOME release")
    if manifest.get("command") != "portada":
        problems.append(f"command is {manifest.get('command')!r}, not portada")
    for arg in manifest.get("finish-args", []):
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-arg {arg} is wider than needed")
    if "--share=network" in manifest.get("build-options", {}).get("build-args", []):
        problems.append("the build has network access")
    names = [x.get("name") for x in manifest.get("modules", []) if isinstance(x, dict)]
    if "libssh" not in names:
        problems.append("no libssh module (publishing links it; the GNOME runtime lacks it)")
    if "libgit2" not in names:
        problems.append("no libgit2 module (sync links it; the GNOME runtime lacks it)")
    app_modules = []
    check_modules(manifest.get("modules", []), problems, app_modules)
    if len(app_modules) != 1:
        problems.append("there is not exactly one module named portada")
    else:
        app = app_modules[0]
        if app is not manifest.get("modules", [None])[-1]:
            problems.append("the portada module is not the last one")
        if app.get("buildsystem") != "meson":
            problems.append("the portada module is not built with meson")
        if app.get("run-tests") is not True:
            problems.append("the portada module does not run its tests (run-tests)")
    return problems


def broken_variants(manifest):
    """Each variant breaks one rule; the checker must refuse every one."""

    def variant(description, change):
        broken = copy.deepcopy(manifest)
        change(broken)
        return description, broken

    def first_archive(m):
        for module in m["modules"]:
            for source in module.get("sources", []):
                if source.get("type") == "archive":
                    return source
        raise AssertionError("the manifest has no archive source to break")

    def app(m):
        return [x for x in m["modules"] if x.get("name") == "portada"][0]

    return [
        variant("runtime unpinned", lambda m: m.__setitem__("runtime-version", "master")),
        variant("runtime missing", lambda m: m.pop("runtime-version")),
        variant("another runtime", lambda m: m.__setitem__("runtime", "org.freedesktop.Platform")),
        variant("home access", lambda m: m["finish-args"].append("--filesystem=home")),
        variant("host access", lambda m: m["finish-args"].append("--filesystem=host")),
        variant("session bus", lambda m: m["finish-args"].append("--socket=session-bus")),
        variant("no libssh", lambda m: m.__setitem__("modules", [x for x in m["modules"] if x.get("name") != "libssh"])),
        variant("no libgit2", lambda m: m.__setitem__("modules", [x for x in m["modules"] if x.get("name") != "libgit2"])),
        variant("archive without sha256", lambda m: first_archive(m).pop("sha256")),
        variant("archive with a short hash", lambda m: first_archive(m).__setitem__("sha256", "abc")),
        variant("git without commit", lambda m: m["modules"].insert(0, {
            "name": "x", "sources": [{"type": "git", "url": "https://example.com/x.git", "tag": "v1"}]})),
        variant("dir source in a dependency", lambda m: m["modules"].insert(0, {
            "name": "x", "sources": [{"type": "dir", "path": "."}]})),
        variant("external module file", lambda m: m["modules"].insert(0, "x.json")),
        variant("tests not run", lambda m: app(m).__setitem__("run-tests", False)),
        variant("not meson", lambda m: app(m).__setitem__("buildsystem", "simple")),
    ]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"not ok: {path}: {e}")
        return 1
    problems = check(manifest)
    for problem in problems:
        print(f"not ok: {path}: {problem}")
    if problems:
        return 1
    print(f"ok: {path}: runtime {manifest['runtime']}//{manifest['runtime-version']}, "
          f"{len(manifest['modules'])} modules, finish-args {' '.join(manifest['finish-args'])}")
    if "--self-test" in argv:
        failed = 0
        for description, broken in broken_variants(manifest):
            refused = check(broken)
            print(f"{'ok' if refused else 'not ok'}: self-test, {description}: "
                  f"{refused[0] if refused else 'accepted'}")
            failed += 0 if refused else 1
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
