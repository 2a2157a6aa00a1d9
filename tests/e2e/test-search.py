"""test-search.py: searching a 10,000-article newsroom never blocks typing, and the list
follows another program's changes to the file.

The typed characters must appear in the search entry (read through AT-SPI, which the
window's main thread answers: a blocked window answers late) within 250 ms of each key
(the freeze this guards against held every key for seconds; the AT-SPI round trip and a
loaded CI machine add their own delay, so the bound is generous: bench/bench-search holds
the real figure against its 16.7 ms goal), while the
searches of the earlier keys run ("Panama" finds 8,806 articles there)."""

import time

import e2e

LIMIT_MS = 250
ARTICLES = 10000


def under_list(app):
    """The article list's accessible: walking the whole window takes seconds."""
    label = app.wait_find("the article count", role_name="label", name_has=" articles",
                          timeout=30)
    node = label
    while node is not None and e2e.name(node) != "PortadaArticleList":
        node = node.get_parent()
    assert node is not None, "the article count is not inside the article list"
    return label, node


def search_entry(list_node):
    for a in e2e.walk(list_node):
        if e2e.role(a) == "entry" and e2e.is_visible(a):
            return a
    raise AssertionError("no search entry in the article list")


def press(t, app, entry, key, expect):
    """Presses @key and returns the milliseconds until the entry shows @expect."""
    t0 = time.monotonic()
    app.key(key, delay=0)
    t.wait(lambda: e2e.text(entry) == expect, f"the search entry to show “{expect}”",
           timeout=10, )
    return (time.monotonic() - t0) * 1000


@e2e.test
def typing_in_search_is_never_blocked(t):
    db = e2e.copy_newsroom(e2e.cached_newsroom(ARTICLES))
    hits = e2e.query(db, "select count(*) from article_fts where article_fts match 'Panama*'")[0][0]
    total = e2e.query(db, "select count(*) from article")[0][0]
    assert hits > 8000, hits
    app = t.start(db)
    count, list_node = under_list(app)
    t.wait(lambda: e2e.name(count) == f"{total} articles", "the count of every article")
    app.key("ctrl+f")
    entry = search_entry(list_node)
    t.wait(lambda: e2e.text(entry) == "", "an empty search entry")

    times = []
    typed = ""
    for rounds in range(2):
        for ch in "Panama":
            typed += ch
            times.append(press(t, app, entry, ch, typed))
            # A typing pace that lets the entry start the search of this key (its
            # search delay is 150 ms) before the next one comes.
            time.sleep(0.16)
        if rounds == 0:
            t.wait(lambda: e2e.name(count) == f"{hits} articles", "the count of “Panama”")
            for _ in range(6):
                typed = typed[:-1]
                times.append(press(t, app, entry, "BackSpace", typed))
                time.sleep(0.16)
    print("key to character shown (ms):", " ".join(f"{x:.0f}" for x in times))
    print(f"median {sorted(times)[len(times) // 2]:.0f} ms, worst {max(times):.0f} ms")
    t.wait(lambda: e2e.name(count) == f"{hits} articles", "the count of “Panama”")
    slow = [x for x in times if x > LIMIT_MS]
    assert not slow, f"characters shown later than {LIMIT_MS} ms after their key: {slow}"
    # The 100 ms, held by the median (each key's time includes starting xdotool and
    # the AT-SPI round trip, which a loaded machine stretches now and then).
    median = sorted(times)[len(times) // 2]
    assert median <= 100, f"the median key took {median:.0f} ms to show (more than 100 ms)"

    # Clearing (Escape in the entry) brings every article back, typing still answered.
    t0 = time.monotonic()
    app.key("Escape")
    t.wait(lambda: e2e.text(entry) == "", "the entry cleared")
    assert (time.monotonic() - t0) * 1000 < LIMIT_MS + 50, "clearing the entry was slow"
    t.wait(lambda: e2e.name(count) == f"{total} articles", "every article listed again")


@e2e.test
def another_programs_change_appears_in_the_list(t):
    db = e2e.newsroom()
    app = t.start(db)
    count, list_node = under_list(app)
    total = e2e.query(db, "select count(*) from article")[0][0]
    t.wait(lambda: e2e.name(count) == f"{total} articles", "the count of every article")
    newest = e2e.query(db, "select id, title from article order by "
                           "coalesce(publish_at, created_at) desc, id desc limit 1")[0]
    app.wait_find("the newest article's row", role_name="label", name_is=newest[1])

    # Another program (here a second SQLite connection) renames it and deletes another.
    con = e2e.sqlite3.connect(db, timeout=10)
    with con:
        con.execute("update article set title = 'Quetzal Harbor Reopens' where id = ?",
                    (newest[0],))
        con.execute("delete from article where id = (select id from article where id != ? "
                    "order by id limit 1)", (newest[0],))
    con.close()
    t.wait(lambda: e2e.name(count) == f"{total - 1} articles", "the count after the delete")
    t.wait(lambda: any(e2e.name(a) == "Quetzal Harbor Reopens" for a in e2e.walk(list_node)),
           "the new title in the list", timeout=30)
    assert app.alive()


e2e.main()
