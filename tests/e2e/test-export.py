"""test-export.py: an export from the window asks what a writer is asked before
publishing (issue 10): the articles it would publish with no title, no section, an
empty text or an image without alternative text are listed; Escape and Cancel export
nothing; Export Anyway exports."""

import os
import sqlite3

import e2e


def plant_problems(db):
    """Three published articles as another workstation could leave them."""
    c = sqlite3.connect(db)
    ids = [r[0] for r in c.execute("select id from article where status = 'published' "
                                   "order by id limit 3")]
    c.execute("update article set title = '' where id = ?", (ids[0],))
    c.execute("update article set body = 'Look: ![](media/0000)' , title = 'Alt-less story'"
              " where id = ?", (ids[1],))
    c.execute("update article set section_id = null, title = 'Sectionless story' where id = ?",
              (ids[2],))
    c.commit()
    c.close()


def export_button(app):
    return app.wait_find("the export button", role_name="push button", name_has="Export")


@e2e.test
def export_lists_problems_then_exports_anyway(t):
    db = e2e.newsroom()
    plant_problems(db)
    dest = os.path.join(e2e.tmpdir(), "site")
    app = t.start(db, env=e2e.settings_env(dest))
    for dismiss in ("Escape", "Cancel"):
        app.key("ctrl+e")
        app.wait_label("Before You Export")
        app.wait_find("the untitled article's row", role_name="label", name_is="Untitled")
        app.wait_find("the alt text problem", role_name="label",
                      name_is="An image in its text has no alternative text.")
        app.wait_find("the section problem", role_name="label", name_is="It is in no section.")
        app.wait_find("the Export Anyway button", role_name="push button",
                      name_has="Export Anyway")
        if dismiss == "Escape":
            t.screenshot("-dialog")  # kept: what the person sees
            app.key("Escape")
        else:
            app.activate(app.wait_find("the Cancel button", role_name="push button",
                                       name_has="Cancel"))
        app.wait_gone("the export dialog to close", role_name="label",
                      name_is="Before You Export")
        app.focus()
        assert not os.path.exists(dest), f"{dismiss} in the export dialog exported the site"
    app.key("ctrl+e")
    app.activate(app.wait_find("the Export Anyway button", role_name="push button",
                               name_has="Export Anyway"))
    t.wait(lambda: os.path.exists(os.path.join(dest, "index.html")), "the exported site",
           timeout=60)
    assert app.quit() == 0


@e2e.test
def export_of_a_clean_newsroom_asks_nothing(t):
    db = e2e.newsroom()
    dest = os.path.join(e2e.tmpdir(), "site")
    app = t.start(db, env=e2e.settings_env(dest))
    app.key("ctrl+e")
    button = export_button(app)
    assert "Anyway" not in e2e.name(button), e2e.name(button)
    assert app.find(role_name="label", name_is="Before You Export") is None
    app.activate(button)
    t.wait(lambda: os.path.exists(os.path.join(dest, "index.html")), "the exported site",
           timeout=60)
    assert app.quit() == 0


e2e.main()
