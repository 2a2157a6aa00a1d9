"""drag-source.py FILE...: a small window that lets a person drag FILEs out of it, as a
file manager does (text/uri-list), for the e2e tests that drop files on Portada."""

import sys

import gi

gi.require_version("Gtk", "4.0")
gi.require_version("Gdk", "4.0")
from gi.repository import Gdk, Gio, GLib, Gtk  # noqa: E402


def on_activate(app):
    win = Gtk.ApplicationWindow(application=app, title="Drag source")
    win.set_default_size(220, 120)
    label = Gtk.Label(label="Drag me")
    uris = "".join(Gio.File.new_for_path(p).get_uri() + "\r\n" for p in sys.argv[1:])
    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)
    source.connect("prepare", lambda *a: Gdk.ContentProvider.new_for_bytes(
        "text/uri-list", GLib.Bytes.new(uris.encode())))
    label.add_controller(source)
    win.set_child(label)
    win.present()


app = Gtk.Application(application_id="io.github.portada.DragSource",
                      flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect("activate", on_activate)
app.run([sys.argv[0]])
