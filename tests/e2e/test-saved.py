"""test-saved.py: what the window shows as Saved is in the file for every other program,
and survives kill -9, after each kind of action (issue 10: the reported loss after an
export from the window)."""

import os

import e2e


def has_word(db, word):
    return e2e.query(db, "select count(*) from article where title like ? or body like ?",
                     (f"%{word}%", f"%{word}%"))[0][0] == 1


def seen_by_sqlite3(db, word):
    """The sqlite3 shell, as the report used it: a read-write connection of another
    program, which folds the WAL in when it closes the file last."""
    out = e2e.run("sqlite3", "-batch", db,
                  "select count(*) from article where title like '%" + word + "%' or body like '%"
                  + word + "%'").stdout.strip()
    return out == "1"


def saved_label(app):
    return app.find(role_name="label", name_is="Saved")


def type_and_wait_saved(t, app, db, word):
    """Types @word, waits until the window says Saved, and checks that another
    connection (this test's, another process) reads it from the file at that moment."""
    app.type(" " + word)
    t.wait(lambda: has_word(db, word) and saved_label(app), f"“{word}” saved", timeout=20)
    assert seen_by_sqlite3(db, word), f"the window said Saved but sqlite3 does not see “{word}”"


def killed_keeps(t, app, db, words):
    app.kill9()
    for w in words:
        assert has_word(db, w), f"“{w}” was shown as Saved, and is not in the file after kill -9"


@e2e.test
def saved_after_export_from_the_window(t):
    db = e2e.newsroom()
    dest = os.path.join(e2e.tmpdir(), "site")
    app = t.start(db, env=e2e.settings_env(dest))
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Alpaca")
    app.key("ctrl+e")
    button = app.wait_find("the Export button", role_name="push button", name_has="Export")
    app.activate(button)
    t.wait(lambda: os.path.exists(os.path.join(dest, "index.html")), "the exported site",
           timeout=60)
    app.wait_gone("the export dialog to close", timeout=30, role_name="push button",
                  name_has="Export")
    app.focus()
    # After the export: more typing, each autosave read back by this process (whose
    # connection closes after each read, as sqlite3 or `portada export` do).
    type_and_wait_saved(t, app, db, "Bison")
    type_and_wait_saved(t, app, db, "Caribou")
    type_and_wait_saved(t, app, db, "Dingo")
    killed_keeps(t, app, db, ["Alpaca", "Bison", "Caribou", "Dingo"])


@e2e.test
def saved_typing_survives_kill9(t):
    db = e2e.newsroom()
    app = t.start(db)
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Ermine")
    app.type(" Ferret")
    # Killed within 3 s of typing: what was Saved is there; at most the last word is not.
    t.wait(lambda: saved_label(app) is None, "the window to say Edited", timeout=3)
    killed_keeps(t, app, db, ["Ermine"])


@e2e.test
def saved_during_a_command_line_import(t):
    db = e2e.newsroom()
    folder = os.path.join(e2e.tmpdir(), "import")
    os.makedirs(folder)
    for i in range(300):
        with open(os.path.join(folder, f"story-{i}.md"), "w") as f:
            f.write(f"---\ntitle: Imported story {i}\nlang: en\n---\n\n" + "Words. " * 400)
    app = t.start(db)
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Gazelle")
    imp = e2e.subprocess.Popen([e2e.PORTADA, "import", "--db", db, "--quiet", folder])
    type_and_wait_saved(t, app, db, "Hyena")
    type_and_wait_saved(t, app, db, "Ibex")
    assert imp.wait(120) == 0, "the import failed"
    assert e2e.query(db, "select count(*) from article where title like 'Imported story %'")[0][0] \
        == 300
    type_and_wait_saved(t, app, db, "Jackal")
    killed_keeps(t, app, db, ["Gazelle", "Hyena", "Ibex", "Jackal"])


def field_in_file(db, column, value):
    return e2e.query(db, f"select count(*) from article where {column} = ?", (value,))[0][0] == 1


def type_in_field(t, app, field, text):
    """Clicks @field, selects what it holds and types @text over it, as a person does."""
    app.click(field)
    app.key("ctrl+a")
    app.type(text)
    # GTK 4.8 does not report an entry row's text as FOCUSED: the typed text in
    # the field is what shows the click reached it.
    t.wait(lambda: e2e.text(field) == text, f"“{text}” in the {e2e.name(field)} field")


@e2e.test
def saved_title_and_field_survive_kill9(t):
    db = e2e.newsroom()
    app = t.start(db)
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Kinkajou")
    title = app.open_details()
    type_in_field(t, app, title, "Llama Census Results")
    t.wait(lambda: field_in_file(db, "title", "Llama Census Results") and saved_label(app),
           "the title saved", timeout=20)
    subtitle = app.wait_find("the Subtitle field", role_name="text", name_is="Subtitle")
    type_in_field(t, app, subtitle, "Counted by hand in the Andes")
    t.wait(lambda: field_in_file(db, "subtitle", "Counted by hand in the Andes")
           and saved_label(app), "the subtitle saved", timeout=20)
    app.kill9()
    rows = e2e.query(db, "select title, subtitle, body from article where title = ?",
                     ("Llama Census Results",))
    assert len(rows) == 1, "the title shown as Saved is not in the file after kill -9"
    assert rows[0][1] == "Counted by hand in the Andes", rows
    assert "Kinkajou" in rows[0][2], rows


@e2e.test
def saved_translation_survives_kill9(t):
    db = e2e.newsroom()
    app = t.start(db)
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Margay")
    title = app.open_details()
    type_in_field(t, app, title, "Margay Sightings Rise")
    t.wait(lambda: field_in_file(db, "title", "Margay Sightings Rise") and saved_label(app),
           "the English title saved", timeout=20)
    create = app.wait_find("the Create Spanish Version button", role_name="push button",
                           name_is="Create Spanish Version")
    app.click(create)
    app.wait_find("the toast", name_has="Spanish version created")
    title = app.wait_find("the Title field", role_name="text", name_is="Title")
    type_in_field(t, app, title, "Aumentan los avistamientos de margay")
    t.wait(lambda: field_in_file(db, "title", "Aumentan los avistamientos de margay")
           and saved_label(app), "the Spanish title saved", timeout=20)
    app.kill9()
    rows = e2e.query(db, "select lang, translation_group from article where title in (?, ?) "
                     "order by lang", ("Margay Sightings Rise",
                                       "Aumentan los avistamientos de margay"))
    assert [r[0] for r in rows] == ["en", "es"], rows
    assert rows[0][1] and rows[0][1] == rows[1][1], "the versions are not linked: %r" % rows


@e2e.test
def saved_sponsor_edit_then_article_survives_kill9(t):
    db = e2e.newsroom()
    first = e2e.query(db, "select id, name from sponsor order by name collate nocase limit 1")[0]
    app = t.start(db)
    app.key("ctrl+n")
    type_and_wait_saved(t, app, db, "Nutria")
    sponsors = app.wait_find("the Sponsors view switcher", name_is="Sponsors")
    app.click(sponsors)
    row = app.wait_find(f"the sponsor row {first[1]}", role_name="label", name_is=first[1])
    app.click(row)
    # The Articles view, hidden behind, has a Name field too: the sponsor's holds its name.
    name = app.wait_find("the sponsor's Name field", role_name="text", name_is="Name",
                         text_has=first[1])
    type_in_field(t, app, name, "Ocelot Coffee Roasters")
    t.wait(lambda: e2e.query(db, "select name from sponsor where id = ?", (first[0],))[0][0]
           == "Ocelot Coffee Roasters", "the sponsor's new name in the file", timeout=20)
    articles = app.wait_find("the Articles view switcher", name_is="Articles")
    app.click(articles)
    body = app.wait_find("the article body", role_name="text", text_has="Nutria")
    app.click(body)
    app.key("ctrl+End")
    type_and_wait_saved(t, app, db, "Pudu")
    app.kill9()
    assert e2e.query(db, "select name from sponsor where id = ?", (first[0],))[0][0] \
        == "Ocelot Coffee Roasters"
    assert has_word(db, "Nutria") and has_word(db, "Pudu")


e2e.main()
