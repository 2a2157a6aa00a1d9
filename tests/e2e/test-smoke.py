"""test-smoke.py: the window opens on a newsroom, a new article typed into it reaches the
file (read by a second connection), and Ctrl+Q closes it with status 0."""

import e2e
from gi.repository import Atspi


def focused(app):
    for a in e2e.walk(app.root):
        try:
            if a.get_state_set().contains(Atspi.StateType.FOCUSED):
                return a
        except Exception:
            pass
    return None


@e2e.test
def new_article_typed_reaches_the_file(t):
    db = e2e.newsroom()
    before = e2e.query(db, "select count(*) from article")[0][0]
    app = t.start(db)
    app.wait_find("the article count", role_name="label", name_is=f"{before} articles")
    app.key("ctrl+n")
    t.wait(lambda: e2e.query(db, "select count(*) from article")[0][0] == before + 1,
           "a new article row in the file")
    f = t.wait(lambda: focused(app), "a focused widget after Ctrl+N")
    print("focused after ctrl+n:", e2e.role(f), repr(e2e.name(f)))
    app.type("Quetzal")
    t.wait(lambda: e2e.query(db, "select count(*) from article where title like '%Quetzal%'"
                             " or body like '%Quetzal%'")[0][0] == 1,
           "the typed word in the newsroom file", timeout=15)
    assert app.quit() == 0


e2e.main()
