"""test-images.py: the newsroom's images in the Images window (issue 12), driven as a
person does: opened from the main menu, searched, an image's alternative text edited,
an image replaced everywhere it is used with a file chosen in the file chooser, the
unused one deleted (Cancel first), each step read back from the newsroom file."""

import os
import struct
import zlib

import e2e

Atspi = e2e.Atspi


def png(path, w, h, rgb=(0, 0x80, 0xff)):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + bytes(rgb) * w for _ in range(h))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def top_level(app, name_is):
    def find():
        for i in range(app.root.get_child_count()):
            w = app.root.get_child_at_index(i)
            if w is not None and e2e.name(w) == name_is:
                return w
        return None
    return e2e.wait(find, f"the “{name_is}” window")


def within(root, what, **kw):
    return e2e.wait(lambda: next((a for a in e2e.walk(root) if e2e.matches(a, **kw)), None),
                    what)


def sensitive(a):
    return a.get_state_set().contains(Atspi.StateType.SENSITIVE)


def open_images(app):
    app.key("F10")
    item = app.wait_find("the Images… menu item", role_name="menu item", name_is="Images…")
    # A popover is a surface of its own: its item through its accessible action.
    app.activate(item)
    return top_level(app, "Images")


def count_label(images):
    return within(images, "the count of images", role_name="label", name_has=" image")


@e2e.test
def images_window_edit_replace_delete(t):
    db = e2e.newsroom()
    total = e2e.query(db, "select count(*) from media")[0][0]
    name, old_id, article = e2e.query(
        db, "select m.filename, m.id, a.id from media m join article a on "
        "a.featured_media_id = m.id order by m.id desc limit 1")[0]
    app = t.start(db)
    images = open_images(app)
    t.wait(lambda: e2e.name(count_label(images)) == f"{total} images", "every image counted")
    # Search by file name: only the matches.
    search = within(images, "the search entry", role_name="entry")
    app.click(search)
    app.type(name.split(".")[0])
    t.wait(lambda: e2e.name(count_label(images)) == "1 image", "one image found")
    row = within(images, "the image's row", name_has=name)
    app.click(row)
    alt = within(images, "its Alternative Text field", role_name="text",
                 name_is="Alternative Text")
    app.click(alt)
    app.key("ctrl+a")
    app.type("Snow on the roofs at dawn")
    app.key("Return")
    t.wait(lambda: e2e.query(db, "select alt_text from media where id = ?", (old_id,))[0][0]
           == "Snow on the roofs at dawn", "the new alternative text in the file")
    delete = within(images, "the Delete button", role_name="push button", name_has="Delete")
    assert not sensitive(delete), "an image in use can be deleted"
    t.screenshot("-window")  # kept: what the person sees

    # Replace it: the chooser, a new file, every use moved.
    new = os.path.join(e2e.tmpdir(), "new-photo.png")
    png(new, 64, 36)
    replace = within(images, "the Replace button", role_name="push button", name_has="Replace")
    app.click(replace)
    chooser = top_level(app, "Replace Image")
    app.key("ctrl+l")
    app.type(new)
    for attempt in range(4):
        # (The chooser's buttons are named "_Replace Replace": mnemonic and label.)
        button = next((a for a in e2e.walk(chooser) if e2e.role(a) == "push button"
                       and (e2e.name(a) == "Replace" or e2e.name(a).endswith(" Replace"))),
                      None)
        if button is None:
            break  # the chooser closed: the replace is done
        app.activate(button)
        try:
            e2e.wait(lambda: e2e.query(db, "select featured_media_id from article where id = ?",
                                       (article,))[0][0] != old_id, "the article to show the "
                     "new image", timeout=5)
            break
        except e2e.Timeout:
            if attempt == 3:
                raise
    new_id = e2e.query(db, "select featured_media_id from article where id = ?", (article,))[0][0]
    got = e2e.query(db, "select filename, alt_text from media where id = ?", (new_id,))[0]
    assert got == \
        ("new-photo.png", "Snow on the roofs at dawn"), got
    assert e2e.query(db, "select count(*) from article where featured_media_id = ?",
                     (old_id,))[0][0] == 0
    # The old file is now unused: found, and deletable (Cancel first).
    search = within(images, "the search entry", role_name="entry")
    app.click(search)
    app.key("ctrl+a")
    app.type(name.split(".")[0])
    t.wait(lambda: e2e.name(count_label(images)) == "1 image", "the old image found")
    row = within(images, "the old image's row", name_has=name)
    app.click(row)
    delete = within(images, "the Delete button", role_name="push button", name_has="Delete")
    t.wait(lambda: sensitive(delete), "Delete enabled for the unused image")
    for answer in ("Cancel", "Delete"):
        app.click(delete)
        dialog = top_level(app, "Delete the Image?")
        button = within(dialog, f"the {answer} button", role_name="push button",
                        name_has=answer)
        app.activate(button)
        if answer == "Cancel":
            e2e.wait(lambda: all(e2e.name(app.root.get_child_at_index(i)) != "Delete the Image?"
                                 for i in range(app.root.get_child_count())),
                     "the question to close")
            assert e2e.query(db, "select count(*) from media where id = ?", (old_id,))[0][0] == 1
    t.wait(lambda: e2e.query(db, "select count(*) from media where id = ?", (old_id,))[0][0] == 0,
           "the old image deleted from the file")
    t.wait(lambda: e2e.name(count_label(images)) == "0 images", "the list without it")
    # Escape leaves the search entry, a second one closes the window.
    for _ in range(3):
        app.key("Escape")
        try:
            e2e.wait(lambda: app.windows() == [app.window], "the Images window to close",
                     timeout=3)
            break
        except e2e.Timeout:
            pass
    assert app.windows() == [app.window], "Escape does not close the Images window"
    app.focus()
    assert app.quit() == 0


e2e.main()
