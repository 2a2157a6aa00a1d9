"""e2e.py: drive the real Portada window as a person does, and read the newsroom back.

A test of the `e2e` suite is a Python script run by tests/e2e/run-e2e (its own Xvfb
display, its own D-Bus session with the accessibility bus). It starts the real program
(`$PORTADA --db FILE`), presses real keys and clicks with xdotool (XTEST, the same path
as a keyboard), reads what the window shows through AT-SPI (as a screen reader does),
and reads the newsroom file with a second SQLite connection.

    import e2e

    @e2e.test
    def typing_is_saved(t):
        db = e2e.newsroom()                  # a demo newsroom in a temporary folder
        app = t.start(db)                    # the window, mapped and focused
        app.key("ctrl+n")
        app.type("Hello")
        app.wait_label("Saved")              # what the window says...
        t.wait(lambda: e2e.query(db, "select count(*) from article where body like ?",
                                 ("%Hello%",))[0][0] == 1, "the body in the file")

    e2e.main()

Rules: wait on conditions (t.wait, app.wait_*), never on fixed sleeps. On a failure the
screen is saved as BUILD/tests/e2e/screenshots/<test>.png and the program's output is
printed. Widgets are found by their accessible role and name: give every icon-only
button an accessible label (its tooltip is not one in GTK 4.8), so that tests and
screen readers can both find it.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

PORTADA = os.environ.get("PORTADA", "portada")
BUILD_ROOT = os.environ.get("PORTADA_BUILD_ROOT", os.getcwd())
SCREENSHOTS = os.path.join(BUILD_ROOT, "tests", "e2e", "screenshots")

_tests = []
_tmpdirs = []


class Timeout(AssertionError):
    pass


def test(fn):
    """Registers @fn(t) as a test of this script."""
    _tests.append(fn)
    return fn


def tmpdir():
    d = tempfile.mkdtemp(prefix="portada-e2e-")
    _tmpdirs.append(d)
    return d


def run(*argv, check=True, **kw):
    """Runs a command (the command line of Portada, say) and returns its CompletedProcess."""
    p = subprocess.run(list(argv), capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"{argv} exited {p.returncode}: {p.stderr}")
    return p


def newsroom(articles=0, path=None):
    """A demo newsroom (the seed page's, plus @articles generated ones); returns its path."""
    path = path or os.path.join(tmpdir(), "newsroom.db")
    argv = [PORTADA, "demo", "--db", path]
    if articles:
        argv += ["--articles", str(articles)]
    run(*argv)
    return path


def settings_env(export_destination, export_format="site"):
    """A keyfile settings backend with the export folder chosen, as a user left it: the
    environment to start Portada with."""
    config = os.path.join(tmpdir(), "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/portada/Portada]\n"
                f"export-destination='{export_destination}'\nexport-format='{export_format}'\n")
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}


_cache = {}


def cached_newsroom(articles):
    """A demo newsroom of @articles kept for the whole run of this script: copy it before
    changing it (copy_newsroom)."""
    if articles not in _cache:
        _cache[articles] = newsroom(articles)
    return _cache[articles]


def copy_newsroom(path):
    dst = os.path.join(tmpdir(), "newsroom.db")
    src = sqlite3.connect(path)
    out = sqlite3.connect(dst)
    src.backup(out)
    out.close()
    src.close()
    return dst


def query(db, sql, args=()):
    """Rows of @sql on a second, read-only connection to the newsroom file: what another
    program would see, not what the window believes it wrote."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def wait(cond, what, timeout=10.0, interval=0.02):
    """Polls @cond until it returns a true value (returned) or @timeout seconds pass."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while True:
        try:
            v = cond()
            if v:
                return v
        except Exception as e:  # a widget not there yet, a locked file...
            last_exc = e
        if time.monotonic() > deadline:
            extra = f" (last error: {last_exc!r})" if last_exc else ""
            raise Timeout(f"timed out after {timeout} s waiting for {what}{extra}")
        time.sleep(interval)


def xdotool(*args):
    return run("xdotool", *[str(a) for a in args]).stdout


# ---- the accessibility tree ------------------------------------------------------------


def walk(node, max_depth=60):
    """Every accessible under @node, depth first."""
    stack = [(node, 0)]
    while stack:
        a, d = stack.pop()
        if a is None:
            continue
        yield a
        if d >= max_depth:
            continue
        try:
            n = a.get_child_count()
        except Exception:
            continue
        for i in reversed(range(n)):
            try:
                stack.append((a.get_child_at_index(i), d + 1))
            except Exception:
                pass


def role(a):
    try:
        return a.get_role_name()
    except Exception:
        return ""


def name(a):
    try:
        return a.get_name() or ""
    except Exception:
        return ""


def text(a):
    """The text an accessible shows: its Text interface, else its name."""
    try:
        t = a.get_text_iface()
        if t is not None:
            return Atspi.Text.get_text(a, 0, Atspi.Text.get_character_count(a))
    except Exception:
        pass
    return name(a)


def is_visible(a):
    try:
        # GTK 4.8 reports no SHOWING state: VISIBLE is all there is (a widget on a
        # hidden stack page is VISIBLE too, so name what you look for precisely).
        return a.get_state_set().contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def matches(a, role_name=None, name_is=None, name_has=None, text_has=None, visible=True):
    if role_name is not None and role(a) != role_name:
        return False
    if name_is is not None and name(a) != name_is:
        return False
    if name_has is not None and name_has not in name(a):
        return False
    if text_has is not None and text_has not in text(a):
        return False
    if visible and not is_visible(a):
        return False
    return True


# ---- the program ------------------------------------------------------------------------


class App:
    """One running Portada: its process, its X window, its accessibility tree."""

    def __init__(self, t, db, args=(), env=None, lang=None):
        self.t = t
        self.db = db
        e = dict(os.environ)
        e.setdefault("GSETTINGS_BACKEND", "memory")
        e.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
        e.setdefault("PORTADA_LOCALEDIR", os.path.join(BUILD_ROOT, "po"))
        if lang:
            e["LANGUAGE"] = lang
            e["LC_ALL"] = "es_ES.UTF-8" if lang.startswith("es") else "C.UTF-8"
        if env:
            e.update(env)
        self.log = open(os.path.join(tmpdir(), "portada.log"), "w+")
        argv = [PORTADA] + (["--db", db] if db else []) + list(args)
        self.proc = subprocess.Popen(argv, env=e, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = wait(self._find_window, "the Portada window to be mapped", timeout=30)
        self.root = wait(self._find_app, "Portada on the accessibility bus", timeout=30)
        self.focus()

    def _find_window(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"portada exited with {self.proc.returncode} before its window")
        p = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                           capture_output=True, text=True)
        ids = p.stdout.split()
        return ids[-1] if ids else None

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            c = desktop.get_child_at_index(i)
            try:
                if c is not None and c.get_process_id() == self.proc.pid and c.get_child_count() > 0:
                    return c
            except Exception:
                pass
        return None

    def alive(self):
        return self.proc.poll() is None

    def focus(self, window=None):
        xdotool("windowfocus", "--sync", window or self.window)

    def windows(self):
        p = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                           capture_output=True, text=True)
        return p.stdout.split()

    # input: the same path as a keyboard and a mouse
    def key(self, *combos, delay=30):
        """Presses each xdotool key combo in turn ("ctrl+b", "Return", "Escape")."""
        self._check_alive()
        xdotool("key", "--clearmodifiers", "--delay", delay, *combos)

    def type(self, s, delay=12):
        self._check_alive()
        xdotool("type", "--clearmodifiers", "--delay", delay, "--", s)

    def click(self, a, button=1):
        """Clicks the middle of accessible @a with the mouse."""
        self._check_alive()
        comp = a.get_component_iface()
        r = Atspi.Component.get_extents(a, Atspi.CoordType.WINDOW)
        geo = xdotool("getwindowgeometry", "--shell", self.window)
        pos = dict(line.split("=", 1) for line in geo.split())
        x = int(pos["X"]) + r.x + r.width // 2
        y = int(pos["Y"]) + r.y + r.height // 2
        del comp
        xdotool("mousemove", "--sync", x, y)
        xdotool("click", button)

    def activate(self, a):
        """Activates @a through its accessible action (for widgets a click cannot reach)."""
        Atspi.Action.do_action(a, 0)

    # reading the window
    def find_all(self, **kw):
        return [a for a in walk(self._root()) if matches(a, **kw)]

    def find(self, **kw):
        for a in walk(self._root()):
            if matches(a, **kw):
                return a
        return None

    def wait_find(self, what=None, timeout=10, **kw):
        return wait(lambda: self.find(**kw), what or f"a widget {kw}", timeout=timeout)

    def wait_label(self, s, timeout=10):
        """Waits for a label showing exactly @s."""
        return self.wait_find(f"a label “{s}”", timeout=timeout, role_name="label", name_is=s)

    def wait_gone(self, what, timeout=10, **kw):
        return wait(lambda: self.find(**kw) is None, what, timeout=timeout)

    def title(self):
        return xdotool("getwindowname", self.window).strip()

    def open_details(self):
        """Shows the article details pane with its button, as a person does (the pane
        folds away when the window is too narrow for it); returns the Title field."""
        def pressed(a):
            states = a.get_state_set()
            return states.contains(Atspi.StateType.PRESSED) or \
                states.contains(Atspi.StateType.CHECKED)
        button = self.wait_find("the Article Details button", name_is="Article Details")
        if not pressed(button):
            self.click(button)
            wait(lambda: pressed(button), "the details pane to open")
        xdotool("mousemove", 1399, 899)  # no tooltip left over the window
        return self.wait_find("the Title field", role_name="text", name_is="Title")

    def _root(self):
        self._check_alive()
        return self.root

    def _check_alive(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"portada exited with status {self.proc.returncode}"
                                 f" (signal {-self.proc.returncode})" if self.proc.returncode < 0
                                 else f"portada exited with status {self.proc.returncode}")

    # ending
    def kill9(self):
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def quit(self, timeout=15):
        """Ctrl+Q, as a person closes Portada; returns the exit status."""
        self.key("ctrl+q")
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError("Portada did not quit within %d s of Ctrl+Q" % timeout)

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()


class T:
    """What a test gets: start programs, wait, and clean up after it."""

    def __init__(self, name):
        self.name = name
        self.apps = []
        self.cleanups = []  # called at the end of the test, whatever happened

    def start(self, db, **kw):
        app = App(self, db, **kw)
        self.apps.append(app)
        return app

    def wait(self, cond, what, timeout=10.0):
        return wait(cond, what, timeout=timeout)

    def screenshot(self, suffix=""):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.join(SCREENSHOTS, f"{self.name}{suffix}.png")
        subprocess.run(["import", "-window", "root", path], capture_output=True)
        return path

    def finish(self):
        for app in self.apps:
            if app.alive():
                app.kill9()
        for cleanup in self.cleanups:
            try:
                cleanup()
            except Exception:
                pass


def main():
    """Runs the tests of the calling script (or those named on its command line)."""
    only = set(sys.argv[1:])
    failed = []
    for fn in _tests:
        if only and fn.__name__ not in only:
            continue
        t = T(fn.__name__)
        start = time.monotonic()
        try:
            fn(t)
            print(f"ok   {fn.__name__} ({time.monotonic() - start:.1f} s)", flush=True)
        except Exception:
            failed.append(fn.__name__)
            shot = t.screenshot()
            print(f"FAIL {fn.__name__} ({time.monotonic() - start:.1f} s)", flush=True)
            traceback.print_exc()
            print(f"     screenshot: {shot}")
            for app in t.apps:
                print("     --- portada's output ---\n" + app.output()[-4000:])
        finally:
            t.finish()
    for d in _tmpdirs:
        shutil.rmtree(d, ignore_errors=True)
    if failed:
        print(f"{len(failed)} failed: {' '.join(failed)}")
        sys.exit(1)
    print("all passed")
